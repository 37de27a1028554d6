"""Scoring formulas, options and rounding."""

# Expected values come first in asserts (STYLE.md, habit 13).

from __future__ import annotations

import decimal
from decimal import Decimal

import attrs
import pytest
from _perf_builders import funds, scored_rows, self_evaluation

from govbudget.errors import FloatNotAllowedError
from govbudget.performance import (
    EqualRule,
    Grade,
    Indicator,
    IndicatorValue,
    QualitativeRule,
    ScoredIndicator,
    ScoringConfigError,
    ScoringWeights,
    execution_rate,
    grade_of,
    score,
)


def one_row(target: str, actual: str | None, weight: int = 90) -> ScoredIndicator:
    indicator = Indicator.from_cells("产出指标", "数量指标", "内容", target)
    value = IndicatorValue.parse(actual) if actual is not None else None
    return ScoredIndicator(indicator, value, Decimal(weight))


def line_for(row: ScoredIndicator, weights: ScoringWeights | None = None) -> tuple[str, Decimal]:
    sheet = score(self_evaluation(indicators=(row,)), weights)
    return sheet.lines[0].method, sheet.lines[0].score


@pytest.mark.parametrize(
    ("target", "actual", "method", "points"),
    [
        ("≥80%", "60%", "positive", "67.50"),
        ("≥80%", "100%", "positive", "90.00"),  # 超额不加分
        ("≤5%", "10%", "reverse", "45.00"),
        ("≤5%", "0%", "reverse", "90.00"),
        ("=100%", "100%", "equal", "90.00"),
        ("=100%", "90%", "equal", "81.00"),
        ("80%-90%", "85%", "range", "90.00"),
        ("80%-90%", "40%", "range", "45.00"),
        ("80%-90%", "180%", "range", "45.00"),
        ("1 年", "2年", "reverse", "45.00"),
        ("5561", "5561", "positive", "90.00"),
        ("≥80%", None, "no-actual", "0.00"),
        ("不适用", None, "not-applicable", "0.00"),
        ("≥80%", "80套", "unjudged", "0.00"),
    ],
)
def test_formulas(target: str, actual: str | None, method: str, points: str) -> None:
    assert (method, Decimal(points)) == line_for(one_row(target, actual))


def test_cap_is_configurable() -> None:
    weights = ScoringWeights(cap=Decimal("1.2"))

    assert ("positive", Decimal("108.00")) == line_for(one_row("≥80%", "100%"), weights)


def test_equal_rule_zero() -> None:
    weights = ScoringWeights(equal_rule=EqualRule.ZERO)

    assert ("equal", Decimal("0.00")) == line_for(one_row("=100%", "90%"), weights)


def test_qualitative_bands_and_all_or_nothing() -> None:
    row = one_row("达到预期", "部分完成")
    strict = ScoringWeights(qualitative_rule=QualitativeRule.ALL_OR_NOTHING)

    line = score(self_evaluation(indicators=(row,))).lines[0]

    assert (Decimal("54.00"), Decimal("72.00")) == (line.low, line.high)
    assert ("qualitative", Decimal("0.00")) == line_for(row, strict)


def test_execution_rate_linear_and_bands() -> None:
    form = self_evaluation()
    bands = ScoringWeights(execution_bands=((95, 1), (85, Decimal("0.8")), (0, 0)))

    assert Decimal(90) == execution_rate(form)
    assert Decimal("9.00") == score(form).execution.score
    assert Decimal("8.00") == score(form, bands).execution.score


def test_execution_rate_over_100_is_capped() -> None:
    form = self_evaluation(funds=funds(executed=Amount_("130.00"), rate=None))

    assert Decimal("10.00") == score(form).execution.score


def Amount_(text: str) -> object:
    from govbudget.amounts import Amount

    return Amount(text)


def test_not_applicable_weights_are_spread() -> None:
    rows = scored_rows()
    rows = (*rows[:3], attrs.evolve(rows[3], weight=Decimal(10)), rows[4])
    rows = (attrs.evolve(rows[0], weight=Decimal(20)), *rows[1:])

    sheet = score(self_evaluation(indicators=rows))

    assert Decimal(100) == sheet.weight_total
    assert Decimal(0) == sheet.lines[3].weight
    assert Decimal("22.50") == sheet.lines[0].weight


def test_rounding_is_configurable() -> None:
    half_even = ScoringWeights(rounding=decimal.ROUND_HALF_EVEN)

    assert Decimal("0.12") == half_even.round(Decimal("0.125"))
    assert Decimal("0.13") == ScoringWeights().round(Decimal("0.125"))


@pytest.mark.parametrize(
    ("total", "grade"),
    [
        ("90", Grade.EXCELLENT),
        ("89.99", Grade.GOOD),
        ("80", Grade.GOOD),
        ("60", Grade.FAIR),
        ("59.99", Grade.POOR),
        ("0", Grade.POOR),
    ],
)
def test_grades(total: str, grade: Grade) -> None:
    assert grade == grade_of(Decimal(total))


def test_sheet_for_builder_form() -> None:
    sheet = score(self_evaluation())

    assert (Decimal("89.00"), Grade.GOOD) == (sheet.total, sheet.grade)
    assert (Decimal("83.00"), Decimal("89.00")) == (sheet.low, sheet.high)


@pytest.mark.parametrize(
    "kwargs",
    [
        dict(output=60),
        dict(execution=110, output=None, benefit=None, satisfaction=None),
        dict(excellent=70),
        dict(cap=-1),
        dict(rounding="nearest"),
        dict(places="2"),
        dict(execution_bands=((1, 2, 3),)),
        dict(execution_bands="bands"),
    ],
)
def test_bad_policies(kwargs: dict[str, object]) -> None:
    with pytest.raises(ScoringConfigError):
        ScoringWeights(**kwargs)  # type: ignore[arg-type]


def test_float_weights_refused() -> None:
    with pytest.raises(FloatNotAllowedError):
        ScoringWeights(execution=10.0)  # type: ignore[arg-type]

"""Property tests: round-trips, score bounds, consistent generated forms."""

# Expected values come first in asserts (STYLE.md, habit 13).

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from govbudget.findings import Severity
from govbudget.performance import (
    FundsRowKind,
    IndicatorValue,
    ScoredIndicator,
    SelfEvaluation,
    check_forms,
    score,
)
from govbudget.performance.strategies import (
    department_target_forms,
    indicator_values,
    legacy_self_evaluations,
    project_target_forms,
    self_evaluations,
)


@given(indicator_values())
def test_parse_of_str_is_identity(value: IndicatorValue) -> None:
    assert value == IndicatorValue.parse(str(value))


@given(indicator_values())
def test_str_is_stable(value: IndicatorValue) -> None:
    assert str(value) == str(IndicatorValue.parse(str(value)))


@settings(max_examples=60)
@given(self_evaluations())
def test_scores_never_exceed_weights(form: SelfEvaluation) -> None:
    sheet = score(form)

    for line in (sheet.execution, *sheet.lines):
        assert Decimal(0) <= line.low <= line.score <= line.high <= line.weight


@settings(max_examples=60)
@given(self_evaluations(), st.data())
def test_rescaling_keeps_the_total_at_100(form: SelfEvaluation, data: st.DataObject) -> None:
    # Mark some benefit rows 不适用 while keeping their printed weights.
    rows = []
    for row in form.indicators:
        if (
            data.draw(st.booleans())
            and row.indicator.first is not None
            and row.indicator.first.name == "BENEFIT"
        ):
            indicator = type(row.indicator)(
                row.indicator.first,
                row.indicator.second,
                "不适用",
                IndicatorValue.not_applicable(),
            )
            row = ScoredIndicator(indicator, None, row.weight, None)
        rows.append(row)
    changed = SelfEvaluation(form.name, funds=form.funds, indicators=tuple(rows))

    sheet = score(changed)

    assert Decimal(100) == sheet.weight_total
    assert all(line.weight == 0 for line in sheet.lines if line.method == "not-applicable")


@settings(max_examples=60)
@given(self_evaluations())
def test_generated_self_evaluations_have_no_errors(form: SelfEvaluation) -> None:
    findings = check_forms([form])

    assert [] == [f for f in findings if f.severity > Severity.INFO]
    assert form.funds_row(FundsRowKind.TOTAL) is not None


@settings(max_examples=60)
@given(st.one_of(project_target_forms(), department_target_forms(), legacy_self_evaluations()))
def test_generated_forms_have_no_findings(form: object) -> None:
    assert [] == check_forms([form])  # type: ignore[list-item]


@settings(max_examples=30)
@given(self_evaluations())
def test_grade_follows_total(form: SelfEvaluation) -> None:
    sheet = score(form)

    assert form.total == sheet.total
    assert form.grade == sheet.grade

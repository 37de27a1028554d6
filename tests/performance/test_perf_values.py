"""Indicator values: every printed form the issue lists, and the errors."""

# Expected values come first in asserts (STYLE.md, habit 13).

from __future__ import annotations

from decimal import Decimal

import pytest

from govbudget.errors import ParseError, UnitMismatchError
from govbudget.performance import (
    Completion,
    IndicatorValue,
    IndicatorValueError,
    Operator,
    ValueKind,
    completion_of,
)


@pytest.mark.parametrize(
    ("text", "operator", "number", "unit"),
    [
        ("≥80%", Operator.GE, "80", "%"),
        ("≤60 套", Operator.LE, "60", "套"),
        ("=100%", Operator.EQ, "100", "%"),
        ("≥50个", Operator.GE, "50", "个"),
        ("1 年", None, "1", "年"),
        ("1年", None, "1", "年"),
        ("5561", None, "5561", None),
        ("≥ 98%", Operator.GE, "98", "%"),
        ("≤5%", Operator.LE, "5", "%"),
        ("≤90万元", Operator.LE, "90", "万元"),
        ("≥100百分比", Operator.GE, "100", "%"),
        ("28.8万元", None, "28.8", "万元"),
        (">=80%", Operator.GE, "80", "%"),
        ("<=5", Operator.LE, "5", None),
        ("＞＝80%", Operator.GE, "80", "%"),
        ("≧90", Operator.GE, "90", None),
        ("≦5％", Operator.LE, "5", "%"),
        ("＜3天", Operator.LT, "3", "天"),
        ("〉2", Operator.GT, "2", None),
        ("＞2人次", Operator.GT, "2", "人次"),
        ("＝１００％", Operator.EQ, "100", "%"),
        ("不低于90%", Operator.GE, "90", "%"),
        ("95%以上", Operator.GE, "95", "%"),
        ("30个工作日以内", Operator.LE, "30", "个工作日"),
        ("≥200户", Operator.GE, "200", "户"),
    ],
)
def test_quantitative_forms(
    text: str, operator: Operator | None, number: str, unit: str | None
) -> None:
    value = IndicatorValue.parse(text)

    assert ValueKind.QUANTITATIVE == value.kind
    assert operator == value.operator
    assert Decimal(number) == value.number
    assert unit == value.unit


@pytest.mark.parametrize(
    ("text", "low", "high", "unit"),
    [
        ("80%-90%", "80", "90", "%"),
        ("80~90", "80", "90", None),
        ("80～90%", "80", "90", "%"),
        ("1至3年", "1", "3", "年"),
    ],
)
def test_ranges(text: str, low: str, high: str, unit: str | None) -> None:
    value = IndicatorValue.parse(text)

    assert Operator.RANGE == value.operator
    assert (Decimal(low), Decimal(high), unit) == (value.number, value.upper, value.unit)


@pytest.mark.parametrize(
    "text",
    [
        "达到预期",
        "效果明显",
        "应保尽保",
        "严格执行相关制度规定",
        "符合相关规定",
        "按月安排",
        "在项目计划完成时间内完成",
        "2019年12月前完成",
    ],
)
def test_qualitative(text: str) -> None:
    value = IndicatorValue.parse(text)

    assert ValueKind.QUALITATIVE == value.kind
    assert text == str(value)


@pytest.mark.parametrize("text", ["不适用", " 不适用 ", "/", "—"])
def test_not_applicable(text: str) -> None:
    assert IndicatorValue.parse(text).is_not_applicable


@pytest.mark.parametrize(
    ("text", "operator", "unit", "expected"),
    [
        ("100", "=", "%", "=100%"),
        ("80", "≥", "百分比", "≥80%"),
        ("60", "<=", "套", "≤60套"),
        ("≥80", "≥", None, "≥80"),
        ("80%", None, "%", "80%"),
        ("5", "", "-", "5"),
        ("50", "大于等于", "个", "≥50个"),
    ],
)
def test_separate_columns(text: str, operator: str | None, unit: str | None, expected: str) -> None:
    assert expected == str(IndicatorValue.parse(text, operator=operator, unit=unit))


@pytest.mark.parametrize(
    ("text", "operator", "unit"),
    [("≥80", "≤", None), ("80%", None, "套"), ("达到预期", "≥", None), ("80", "定性", None)],
)
def test_separate_columns_disagree(text: str, operator: str | None, unit: str | None) -> None:
    with pytest.raises(IndicatorValueError):
        IndicatorValue.parse(text, operator=operator, unit=unit)


@pytest.mark.parametrize(
    ("text", "caret_at"),
    [
        ("≥8O%", 2),
        ("≥80%x", 3),
        ("abc", 0),
        ("≥达到", 1),
        ("80%%", 2),
        ("90-80", 0),
        ("≥80%-90%", 4),
    ],
)
def test_junk_shows_caret(text: str, caret_at: int) -> None:
    with pytest.raises(IndicatorValueError) as info:
        IndicatorValue.parse(text)

    assert caret_at == info.value.start
    assert "^" in str(info.value)
    assert isinstance(info.value, ParseError)


@pytest.mark.parametrize("text", ["", "   ", "≥", "80-", "≥ %", "x" * 600])
def test_junk_without_caret_position(text: str) -> None:
    with pytest.raises(IndicatorValueError):
        IndicatorValue.parse(text)


@pytest.mark.parametrize(
    ("target", "actual", "met"),
    [
        ("≥80%", "85%", True),
        ("≥80%", Decimal("79.9"), False),
        ("≤5%", Decimal("3.2"), True),
        ("≤60 套", 61, False),
        ("=100%", "100%", True),
        ("=100%", "99%", False),
        ("5561", 5561, True),
        ("1 年", "0.5年", True),
        ("80%-90%", "85%", True),
        ("80%-90%", "91%", False),
        ("达到预期", "已完成", True),
        ("达到预期", "部分完成", False),
        ("达到预期", "达到预期", True),
        ("≥80%", "已完成", True),
        ("≥80%", "部分完成", False),
        ("不适用", "anything at all 随便", True),
        (">5", 5, False),
        ("<5", 4, True),
    ],
)
def test_is_met_by(target: str, actual: object, met: bool) -> None:
    assert met == IndicatorValue.parse(target).is_met_by(actual)  # type: ignore[arg-type]


def test_is_met_by_unit_mismatch() -> None:
    with pytest.raises(UnitMismatchError):
        IndicatorValue.parse("≥80%").is_met_by("80套")


def test_is_met_by_unreadable_phrase_for_number() -> None:
    with pytest.raises(IndicatorValueError):
        IndicatorValue.parse("≥80%").is_met_by("进展顺利")


def test_factories_round_trip() -> None:
    values = [
        IndicatorValue.quantitative(Decimal("1E+2"), Operator.GE, "%"),
        IndicatorValue.between(1, 3, "年"),
        IndicatorValue.qualitative("效果明显"),
        IndicatorValue.not_applicable(),
    ]

    assert values == [IndicatorValue.parse(str(v)) for v in values]
    assert "≥100%" == str(values[0])


def test_factories_refuse_bad_input() -> None:
    with pytest.raises(IndicatorValueError):
        IndicatorValue.qualitative("≥80%")
    with pytest.raises(IndicatorValueError):
        IndicatorValue.between(9, 1)
    with pytest.raises(IndicatorValueError):
        IndicatorValue.quantitative(1, Operator.GE, "not a unit")


def test_direction_of_bare_numbers() -> None:
    assert Operator.LE == IndicatorValue.parse("30天").direction
    assert Operator.GE == IndicatorValue.parse("5561").direction
    assert None is IndicatorValue.parse("达到预期").direction


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("已完成", Completion.COMPLETE),
        ("达成预期指标", Completion.COMPLETE),
        ("部分完成", Completion.PARTIAL),
        ("未完成", Completion.NOT_COMPLETE),
        ("正在推进", Completion.UNKNOWN),
    ],
)
def test_completion_words(text: str, status: Completion) -> None:
    assert status == completion_of(text)


def test_operator_column() -> None:
    assert Operator.GE == Operator.parse("＞＝")
    assert None is Operator.parse(" ")
    with pytest.raises(IndicatorValueError):
        Operator.parse("约")

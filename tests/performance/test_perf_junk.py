"""Junk fed to every parser gives govbudget errors only."""

# Expected values come first in asserts (STYLE.md, habit 13).

from __future__ import annotations

import contextlib
from collections.abc import Callable
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govbudget.errors import GovBudgetError
from govbudget.performance import (
    Continuity,
    FirstLevel,
    Grade,
    Indicator,
    IndicatorValue,
    Operator,
    ProjectAttribute,
    SecondLevel,
    completion_of,
)

JUNK: list[object] = [
    None,
    0.5,
    float("nan"),
    b"\xe2\x89\xa580%",
    "🎉",
    "≥🎉",
    "效果🎉",
    "x" * 100_000,
    "≥" * 400,
    "\x00",
    "8\u200b0%",
    "１２３４５６７８９０" * 30,
    [],
    {},
    object(),
    True,
    Decimal("NaN"),
    "\ud800",
    "80%\n90%",
    "٨٠%",
    "⁸⁰%",
]


def _parse_with_columns(junk: object) -> object:
    return IndicatorValue.parse("80", operator=junk, unit=junk)  # type: ignore[arg-type]


PARSERS: list[Callable[[object], object]] = [
    IndicatorValue.parse,  # type: ignore[list-item]
    _parse_with_columns,
    Operator.parse,  # type: ignore[list-item]
    FirstLevel.parse,  # type: ignore[list-item]
    SecondLevel.parse,  # type: ignore[list-item]
    ProjectAttribute.parse,  # type: ignore[list-item]
    Continuity.parse,  # type: ignore[list-item]
    Grade.parse,  # type: ignore[list-item]
    completion_of,  # type: ignore[list-item]
    IndicatorValue.qualitative,  # type: ignore[list-item]
    lambda junk: IndicatorValue.parse("≥80%").is_met_by(junk),  # type: ignore[arg-type]
    lambda junk: Indicator.from_cells("产出", "数量", "内容", junk),  # type: ignore[arg-type]
]


@pytest.mark.parametrize("parser", PARSERS)
@pytest.mark.parametrize("junk", JUNK, ids=lambda j: type(j).__name__)
def test_junk_raises_only_govbudget_errors(
    parser: Callable[[object], object], junk: object
) -> None:
    with contextlib.suppress(GovBudgetError):
        parser(junk)


@given(st.text(max_size=60))
def test_any_text_parses_or_raises_govbudget_error(text: str) -> None:
    try:
        value = IndicatorValue.parse(text)
    except GovBudgetError:
        return

    assert value == IndicatorValue.parse(str(value))

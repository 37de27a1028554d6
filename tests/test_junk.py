"""Every parser, fed junk, raises only govbudget errors."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govbudget import GovBudgetError, Percent, Unit, loads, parse_amount, parse_code
from govbudget.audit import parse_acceptances, parse_policy
from govbudget.codes import FunctionalCode, normalise

PARSERS: dict[str, Callable[[object], object]] = {
    "parse_amount": lambda v: parse_amount(v),  # type: ignore[arg-type]
    "parse_code": parse_code,
    "normalise": normalise,
    "FunctionalCode": FunctionalCode,
    "Percent.parse": lambda v: Percent.parse(v),  # type: ignore[arg-type]
    "Unit.parse": lambda v: Unit.parse(v),  # type: ignore[arg-type]
    "loads": lambda v: loads(v),  # type: ignore[arg-type]
    "parse_policy": lambda v: parse_policy(v),  # type: ignore[arg-type]
    "parse_acceptances": lambda v: parse_acceptances(v),  # type: ignore[arg-type]
}

JUNK: list[object] = [
    None,
    1.5,
    float("nan"),
    b"201",
    "😀",
    "２０８😀",
    "\x00",
    "9" * 100_000,
    "1" * 5000 + "x",
    [],
    {},
    ("208", None, "x"),
    object(),
    "-",
    "(",
    "E+5",
    "1e5",
    "∞",
    Decimal("NaN"),
    True,
]


@pytest.mark.parametrize("name", sorted(PARSERS))
@pytest.mark.parametrize("junk", JUNK, ids=lambda v: type(v).__name__)
def test_junk_gives_govbudget_errors(name: str, junk: object) -> None:
    with contextlib.suppress(GovBudgetError):
        PARSERS[name](junk)


@given(st.one_of(st.text(max_size=60), st.binary(max_size=20), st.integers(), st.floats()))
def test_random_input_gives_govbudget_errors(value: object) -> None:
    for parser in PARSERS.values():
        with contextlib.suppress(GovBudgetError):
            parser(value)

"""Amounts: parsing, precision, intervals and exact conversions."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from moneyed import Money

from govbudget import (
    Amount,
    AmountParseError,
    Blank,
    FloatNotAllowedError,
    GovBudgetError,
    Percent,
    Unit,
    parse_amount,
)


@pytest.mark.parametrize(
    ("text", "value", "decimals"),
    [
        ("16.0", "16.0", 1),
        ("3.80", "3.80", 2),
        ("924,289.71", "924289.71", 2),
        ("  668.20 ", "668.20", 2),
        ("１２３．４５", "123.45", 2),
        ("１，２３４.５", "1234.5", 1),
        ("-12.30", "-12.30", 2),
        ("−12.30", "-12.30", 2),
        ("(12.30)", "-12.30", 2),
        ("（12.30）", "-12.30", 2),
        ("+5", "5", 0),
        ("0.00", "0.00", 2),
    ],
)
def test_parses_printed_figures(text: str, value: str, decimals: int) -> None:
    amount = parse_amount(text)

    assert isinstance(amount, Amount)
    assert Decimal(value) == amount.value
    assert decimals == amount.decimals
    assert Unit.WAN is amount.unit


@pytest.mark.parametrize("text", ["", "  ", "-", "—", "——", "–", "/", "／", "不适用"])
def test_blank_texts_are_blank_not_zero(text: str) -> None:
    cell = parse_amount(text)

    assert isinstance(cell, Blank)
    assert text.strip() == cell.text


def test_unit_word_after_the_number_sets_the_unit() -> None:
    assert Amount("300", Unit.WAN) == parse_amount("300 万元", Unit.YUAN)
    assert Amount("2.932", Unit.YI) == parse_amount("2.932亿元")
    assert Amount("75", Unit.YUAN) == parse_amount("75元")


@pytest.mark.parametrize(
    ("text", "caret_at"),
    [("12a", 2), ("1,23", None), ("abc", 0), ("1.2.3", 3), ("(12", 3), ("12%", 2), ("1 2 x", 4)],
)
def test_junk_names_the_input(text: str, caret_at: int | None) -> None:
    with pytest.raises(AmountParseError) as caught:
        parse_amount(text)

    assert text == caught.value.text
    assert caret_at == caught.value.start
    assert repr(text) in str(caught.value)


def test_floats_are_refused_everywhere() -> None:
    with pytest.raises(FloatNotAllowedError):
        Amount(1.5)  # type: ignore[arg-type]
    with pytest.raises(FloatNotAllowedError):
        parse_amount(1.5)  # type: ignore[arg-type]
    with pytest.raises(FloatNotAllowedError):
        Percent(98.29)  # type: ignore[arg-type]


def test_errors_subclass_what_callers_catch() -> None:
    with pytest.raises(ValueError):
        parse_amount("x")
    with pytest.raises(TypeError):
        Amount(0.1)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        parse_amount(b"1")  # type: ignore[arg-type]


def test_precision_is_part_of_identity() -> None:
    assert Amount("16.0") != Amount("16.00")
    assert Decimal("16.0") == Amount("16.00").value
    assert 1 == len({Amount("16.00"), parse_amount("16.00")})


def test_more_digits_than_decimals_is_refused() -> None:
    with pytest.raises(AmountParseError):
        Amount(Decimal("1.234"), Unit.WAN, 2)


def test_money_is_yuan_in_cny() -> None:
    assert Money("38000.00", "CNY") == Amount("3.80").money
    assert Amount("3.80") == Amount.from_money(Money("38000", "CNY"))


def test_interval_of_the_sample_06_total() -> None:
    interval = Amount("16.0").interval()

    assert Decimal("15.95") == interval.low
    assert Decimal("16.05") == interval.high


def test_percent_keeps_its_printed_precision() -> None:
    assert Percent("38.80") != Percent("38.8")
    assert "98.29%" == str(Percent.parse("98.29％"))


printed = st.builds(
    lambda whole, fraction, decimals, negative: (
        ("-" if negative else "")
        + str(whole)
        + ("." + str(fraction).zfill(decimals)[:decimals] if decimals else "")
    ),
    st.integers(0, 10**10),
    st.integers(0, 99),
    st.integers(0, 2),
    st.booleans(),
).filter(lambda text: text not in ("-0", "-0.0", "-0.00"))


@given(printed)
def test_parse_then_print_gives_the_same_text(text: str) -> None:
    amount = parse_amount(text)

    assert text == str(amount)


@given(printed)
def test_grouped_printing_round_trips(text: str) -> None:
    grouped = parse_amount(text).format(grouping=True)  # type: ignore[union-attr]

    assert parse_amount(text) == parse_amount(grouped)
    assert grouped == parse_amount(grouped).format(grouping=True)  # type: ignore[union-attr]


@given(printed, st.integers(-4, 4))
def test_interval_contains_every_value_that_rounds_to_it(text: str, nudge: int) -> None:
    amount = parse_amount(text)
    assert isinstance(amount, Amount)
    candidate = amount.value + amount.half_unit * Decimal(nudge) / 4

    assert candidate in amount.interval()
    rounded = candidate.quantize(Decimal(1).scaleb(-amount.decimals))
    assert abs(rounded - amount.value) <= Decimal(1).scaleb(-amount.decimals)


@given(printed, st.sampled_from(list(Unit)), st.sampled_from(list(Unit)))
def test_unit_conversions_are_exact_both_ways(text: str, first: Unit, second: Unit) -> None:
    amount = parse_amount(text, first)
    assert isinstance(amount, Amount)

    there = amount.to(second)

    assert amount.yuan == there.yuan
    assert amount.half_unit * amount.unit.yuan == there.half_unit * there.unit.yuan
    assert amount == there.to(first)


def test_unit_parse_reads_table_headers() -> None:
    assert Unit.WAN is Unit.parse("单位：万元")
    assert Unit.YUAN is Unit.parse("金额单位:元")
    assert Unit.YUAN is Unit.parse("单位:元（以下至角分）")
    with pytest.raises(GovBudgetError):
        Unit.parse("公斤")

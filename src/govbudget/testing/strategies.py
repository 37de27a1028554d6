"""Hypothesis strategies for classification codes, amounts, tables and disclosures.

Every strategy takes keyword-only options, shares ``min_value``/``max_value``
where it draws numbers, and raises
:class:`hypothesis.errors.InvalidArgument` for options that cannot be met,
rather than drawing nothing.

>>> from hypothesis import given
>>> @given(functional_codes(level=3, year=2018))
... def test_items_have_parents(code):
...     assert code.parent is not None and code.parent.is_known(2018)
>>> test_items_have_parents()

The performance-form strategies of :mod:`govbudget.performance.strategies`
(``indicator_values``, ``project_target_forms``, ``department_target_forms``,
``self_evaluations``, ``legacy_self_evaluations``) are re-exported here when
that module is installed.
"""

from __future__ import annotations

import random as _random
from collections.abc import Sequence
from decimal import Decimal
from typing import TypeVar

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from govbudget.amounts import Amount, Unit, to_decimal
from govbudget.codes import (
    ClassificationCode,
    DeptEconomicCode,
    FunctionalCode,
    GovEconomicCode,
    Level,
    Scheme,
    default_catalog,
)
from govbudget.disclosure import Disclosure
from govbudget.errors import GovBudgetError
from govbudget.tables import Table, layouts_of
from govbudget.testing.generate import (
    FIRST_YEAR,
    LAST_YEAR,
    SIZES,
    function_capacity,
    generate_disclosure,
)

__all__ = [
    "BLANK_TEXTS",
    "CODE_STYLES",
    "amounts",
    "dept_economic_codes",
    "disclosures",
    "functional_codes",
    "gov_economic_codes",
    "printed_amounts",
    "printed_codes",
    "tables",
]

C = TypeVar("C", bound=ClassificationCode)

CODE_STYLES = ("plain", "spaced", "dashed", "bracketed", "full_width", "full_width_spaced")
"""The printed forms :func:`printed_codes` draws from."""

BLANK_TEXTS = ("", "-", "—", "——", "/", "不适用")
"""Texts a table prints for a cell without a figure."""

_TABLE_IDS = ("01", "02", "03", "04", "05", "06", "07", "08", "09")
_FIRST_YEAR_09 = 2021


# Codes ---------------------------------------------------------------------


def _level(level: Level | int | None, scheme: Scheme) -> Level | None:
    if level is None:
        return None
    if isinstance(level, bool) or not isinstance(level, int):
        raise InvalidArgument(f"level={level!r} must be a Level, 1, 2 or 3")
    try:
        found = Level(level)
    except ValueError:
        raise InvalidArgument(f"level={level!r} must be 1 (类), 2 (款) or 3 (项)") from None
    if found.length not in scheme.lengths:
        raise InvalidArgument(f"{scheme.chinese} has no level {found.chinese} (level={level!r})")
    return found


def _year(year: int | None) -> None:
    if year is not None and (isinstance(year, bool) or not isinstance(year, int)):
        raise InvalidArgument(f"year={year!r} must be an int or None")


def _codes(
    cls: type[C], scheme: Scheme, level: Level | int | None, year: int | None, known: bool
) -> st.SearchStrategy[C]:
    chosen = _level(level, scheme)
    _year(year)
    if not isinstance(known, bool):
        raise InvalidArgument(f"known={known!r} must be a bool")
    if not known:
        if year is not None:
            raise InvalidArgument(
                "year has no meaning with known=False: the code is only well formed"
            )
        lengths = [chosen.length] if chosen is not None else list(scheme.lengths)
        return st.sampled_from(lengths).flatmap(
            lambda n: st.text("0123456789", min_size=n - 1, max_size=n - 1).map(
                lambda rest: cls(scheme.leading_digit + rest)
            )
        )
    entries = sorted(
        entry.code for entry in default_catalog().entries(year, scheme=scheme, level=chosen)
    )
    if not entries:
        raise InvalidArgument(
            f"the catalog has no {scheme.chinese} code"
            + (f" at level {chosen.chinese}" if chosen else "")
            + (f" for {year}" if year is not None else "")
        )
    return st.sampled_from(entries).map(cls)


def functional_codes(
    *, level: Level | int | None = None, year: int | None = None, known: bool = True
) -> st.SearchStrategy[FunctionalCode]:
    """支出功能分类科目 codes.

    Args:
        level: Only codes of this level: 1 (类), 2 (款) or 3 (项).
        year: Only codes the catalog lists for this fiscal year; the current
            codes if ``None``.
        known: Draw from the shipped catalog (``True``) or any well-formed
            code (``False``; then ``year`` must be ``None``).

    Returns:
        A strategy of :class:`~govbudget.codes.FunctionalCode`.

    Raises:
        InvalidArgument: for an unknown level, a year without codes, or a
            year with ``known=False``.
    """
    return _codes(FunctionalCode, Scheme.FUNCTIONAL, level, year, known)


def dept_economic_codes(
    *, level: Level | int | None = None, year: int | None = None, known: bool = True
) -> st.SearchStrategy[DeptEconomicCode]:
    """部门预算支出经济分类科目 codes (301, 30101 …).

    Args:
        level: 1 (类) or 2 (款); the scheme has no 项.
        year: As for :func:`functional_codes`.
        known: As for :func:`functional_codes`.

    Returns:
        A strategy of :class:`~govbudget.codes.DeptEconomicCode`.

    Raises:
        InvalidArgument: for level 3, or as :func:`functional_codes`.
    """
    return _codes(DeptEconomicCode, Scheme.DEPT_ECONOMIC, level, year, known)


def gov_economic_codes(
    *, level: Level | int | None = None, year: int | None = None, known: bool = True
) -> st.SearchStrategy[GovEconomicCode]:
    """政府预算支出经济分类科目 codes (501, 50101 …).

    Args:
        level: 1 (类) or 2 (款); the scheme has no 项.
        year: As for :func:`functional_codes`.
        known: As for :func:`functional_codes`.

    Returns:
        A strategy of :class:`~govbudget.codes.GovEconomicCode`.

    Raises:
        InvalidArgument: for level 3, or as :func:`functional_codes`.
    """
    return _codes(GovEconomicCode, Scheme.GOV_ECONOMIC, level, year, known)


def _print_code(digits: str, style: str) -> str:
    groups = [digits[:3], *(digits[i : i + 2] for i in range(3, len(digits), 2))]
    if style == "plain":
        return digits
    if style == "spaced":
        return " ".join(groups)
    if style == "dashed":
        return "-".join(groups)
    if style == "bracketed":
        return f"[{digits}]"
    wide = "".join(chr(ord(ch) + 0xFEE0) for ch in digits)
    if style == "full_width":
        return wide
    return "\u3000".join("".join(chr(ord(ch) + 0xFEE0) for ch in group) for group in groups)


def printed_codes(
    code: ClassificationCode | str | st.SearchStrategy[ClassificationCode] | None = None,
    *,
    styles: Sequence[str] = CODE_STYLES,
) -> st.SearchStrategy[str]:
    """Texts a table prints for a code: "208 05 05", "208-05-05", "[2080505]"…

    Args:
        code: The code to print, a strategy of codes, or ``None`` for any
            known 功能分类 code. To keep the code beside its text, use
            ``functional_codes().flatmap(lambda c: st.tuples(st.just(c),
            printed_codes(c)))``.
        styles: The printed forms to draw from (see :data:`CODE_STYLES`).

    Returns:
        A strategy of strings that :func:`govbudget.codes.normalise` reads
        back as the code's digits.

    Raises:
        InvalidArgument: for an empty or unknown style, or a malformed code.
    """
    styles = tuple(styles)
    unknown = sorted(set(styles) - set(CODE_STYLES))
    if not styles or unknown:
        raise InvalidArgument(f"styles must be a non-empty subset of {CODE_STYLES}, got {styles!r}")
    if code is None:
        code = functional_codes()
    if isinstance(code, st.SearchStrategy):
        return code.flatmap(lambda c: printed_codes(c, styles=styles))
    if isinstance(code, str):
        try:
            code = FunctionalCode(code) if code[:1] == "2" else DeptEconomicCode(code)
        except GovBudgetError as error:
            raise InvalidArgument(f"code={code!r} is not a code: {error}") from None
    if not isinstance(code, ClassificationCode):
        raise InvalidArgument(f"code={code!r} must be a code, a string or a strategy")
    digits = code.digits
    return st.sampled_from(styles).map(lambda style: _print_code(digits, style))


# Amounts -------------------------------------------------------------------


def _bound(value: object, name: str) -> Decimal | None:
    if value is None:
        return None
    try:
        return to_decimal(value, name)
    except GovBudgetError as error:
        raise InvalidArgument(f"{name}={value!r}: {error}") from None


def amounts(
    *,
    min_value: Decimal | int | str | None = None,
    max_value: Decimal | int | str | None = None,
    unit: Unit = Unit.WAN,
    decimals: int | None = 2,
) -> st.SearchStrategy[Amount]:
    """Printed amounts: exact value, unit and printed precision.

    Args:
        min_value: The smallest value, in ``unit``; 0 if ``None`` (only
            结余分配 and corrections are negative in a disclosure).
        max_value: The largest value; 10⁹ if ``None``.
        unit: The unit the amounts are printed in.
        decimals: Digits after the decimal point (negative for multiples of
            ten, as for 万元 figures shown in 元); any of 0, 1, 2 if ``None``.

    Returns:
        A strategy of :class:`~govbudget.amounts.Amount`.

    Raises:
        InvalidArgument: for floats or non-numbers as bounds, bounds the
            wrong way round, a unit that is not a :class:`Unit`, decimals out
            of -8…6, or bounds with no value of that precision between them.
    """
    low = _bound(min_value, "min_value")
    high = _bound(max_value, "max_value")
    low = Decimal(0) if low is None else low
    high = Decimal(10) ** 9 if high is None else high
    if low > high:
        raise InvalidArgument(f"min_value={low} is greater than max_value={high}")
    if not isinstance(unit, Unit):
        raise InvalidArgument(f"unit={unit!r} must be a govbudget.amounts.Unit")
    if decimals is not None and (
        isinstance(decimals, bool) or not isinstance(decimals, int) or not -8 <= decimals <= 6
    ):
        raise InvalidArgument(f"decimals={decimals!r} must be an int from -8 to 6, or None")
    choices = [decimals] if decimals is not None else [0, 1, 2]
    possible = [d for d in choices if _range_of(low, high, d) is not None]
    if not possible:
        raise InvalidArgument(f"no amount with {decimals} decimals lies between {low} and {high}")

    def draw_at(places: int) -> st.SearchStrategy[Amount]:
        bounds = _range_of(low, high, places)
        assert bounds is not None
        step = Decimal(1).scaleb(-places)
        return st.integers(min_value=bounds[0], max_value=bounds[1]).map(
            lambda n: Amount(Decimal(n) * step, unit, places)
        )

    return st.sampled_from(possible).flatmap(draw_at)


def _range_of(low: Decimal, high: Decimal, places: int) -> tuple[int, int] | None:
    """The multiples of 10^-places between the bounds, as integer counts."""
    step = Decimal(1).scaleb(-places)
    first = int((low / step).to_integral_value(rounding="ROUND_CEILING"))
    last = int((high / step).to_integral_value(rounding="ROUND_FLOOR"))
    return (first, last) if first <= last else None


def printed_amounts(
    *,
    min_value: Decimal | int | str | None = None,
    max_value: Decimal | int | str | None = None,
    decimals: int | None = 2,
    grouping: bool | None = None,
    blanks: bool = False,
) -> st.SearchStrategy[str]:
    """Figures as a table prints them: "16.00", "924,289.71", and blanks.

    Args:
        min_value: As for :func:`amounts`.
        max_value: As for :func:`amounts`.
        decimals: As for :func:`amounts`, from 0 up.
        grouping: Thousands separators always (``True``), never
            (``False``) or either (``None``).
        blanks: Also draw the texts of empty cells (:data:`BLANK_TEXTS`).

    Returns:
        A strategy of strings that :func:`govbudget.amounts.parse_amount`
        reads back as the amount (or a blank).

    Raises:
        InvalidArgument: as :func:`amounts`, or for negative decimals.
    """
    if decimals is not None and isinstance(decimals, int) and decimals < 0:
        raise InvalidArgument(f"decimals={decimals} must not be negative for printed figures")
    if grouping is not None and not isinstance(grouping, bool):
        raise InvalidArgument(f"grouping={grouping!r} must be True, False or None")
    figures = amounts(min_value=min_value, max_value=max_value, decimals=decimals)
    groupings = [grouping] if grouping is not None else [False, True]
    texts = st.tuples(figures, st.sampled_from(groupings)).map(
        lambda pair: pair[0].format(grouping=pair[1])
    )
    return st.one_of(texts, st.sampled_from(BLANK_TEXTS)) if blanks else texts


# Tables and disclosures ----------------------------------------------------


def _check_year(year: int | None, table_id: str | None = None) -> None:
    _year(year)
    if year is not None and not FIRST_YEAR <= year <= LAST_YEAR:
        raise InvalidArgument(f"year={year} must be between {FIRST_YEAR} and {LAST_YEAR}")
    if table_id == "09" and year is not None and year < _FIRST_YEAR_09:
        raise InvalidArgument(f"table 09 is generated from {_FIRST_YEAR_09}, not for year={year}")


def _years(year: int | None, first: int = FIRST_YEAR) -> st.SearchStrategy[int]:
    return st.just(year) if year is not None else st.integers(first, LAST_YEAR)


@st.composite
def _disclosure(
    draw: st.DrawFn, years: st.SearchStrategy[int], size: str, low: int, high: int | None
) -> Disclosure:
    year = draw(years)
    capacity = function_capacity(year)
    top = high if high is not None else (12 if size == "small" else 160)
    top = min(max(top, low), capacity)
    rows = draw(st.integers(min_value=low, max_value=top))
    seed = draw(st.integers(min_value=0, max_value=2**32 - 1))
    return generate_disclosure(_random.Random(seed), year=year, size=size, function_rows=rows)


def disclosures(
    *,
    year: int | None = None,
    size: str = "small",
    min_function_rows: int | None = None,
    max_function_rows: int | None = None,
) -> st.SearchStrategy[Disclosure]:
    """Consistent final-accounts disclosures, with honest rounding only.

    Built by :func:`govbudget.testing.generate.generate_disclosure` from a few
    draws (year, row count, a seed), so drawing is fast but shrinking only
    shrinks those draws.

    Args:
        year: The fiscal year; any from 2016 to 2025 if ``None``. It decides
            the layouts (01 until 2018 and from 2019; 04 and 09 from 2021).
        size: ``"small"`` or ``"realistic"`` (all tables full: ~150 rows in
            05, every 款 in 06, 07 with figures).
        min_function_rows: The fewest coded rows in table 05 (0 prints 02,
            03, 05, 08, 09 with their 合计 row only); 0 for small, 140 for
            realistic if ``None``.
        max_function_rows: The most; 12 for small, 160 for realistic if
            ``None``.

    Returns:
        A strategy of :class:`~govbudget.disclosure.Disclosure`.

    Raises:
        InvalidArgument: for an unknown size or year, negative or reversed
            bounds, or more rows than the year's catalog has codes.
    """
    _check_year(year)
    if size not in SIZES:
        raise InvalidArgument(f"size={size!r} must be one of {SIZES}")
    bounds = (("min_function_rows", min_function_rows), ("max_function_rows", max_function_rows))
    for name, value in bounds:
        if value is not None and (
            isinstance(value, bool) or not isinstance(value, int) or value < 0
        ):
            raise InvalidArgument(f"{name}={value!r} must be a non-negative int")
    if (
        max_function_rows is not None
        and min_function_rows is not None
        and min_function_rows > max_function_rows
    ):
        raise InvalidArgument(
            f"min_function_rows={min_function_rows} is greater than "
            f"max_function_rows={max_function_rows}"
        )
    if min_function_rows is None:
        min_function_rows = 0 if size == "small" else 140
        if max_function_rows is not None:
            min_function_rows = min(min_function_rows, max_function_rows)
    years = [year] if year is not None else list(range(FIRST_YEAR, LAST_YEAR + 1))
    capacity = min(function_capacity(y) for y in years)
    if min_function_rows > capacity:
        raise InvalidArgument(
            f"min_function_rows={min_function_rows}: the catalog has only {capacity} 功能分类 codes"
        )
    return _disclosure(_years(year), size, min_function_rows, max_function_rows)


def tables(
    *, table_id: str | None = None, year: int | None = None, size: str = "small"
) -> st.SearchStrategy[Table]:
    """Internally consistent tables of any kind and layout year.

    Each is cut from a generated disclosure, so it also agrees with the
    tables it was made with.

    Args:
        table_id: "01" … "09", or ``None`` for any.
        year: The fiscal year; any if ``None`` (from 2021 for table 09).
        size: As for :func:`disclosures`.

    Returns:
        A strategy of :class:`~govbudget.tables.Table`.

    Raises:
        InvalidArgument: for an unknown table id, or table 09 before 2021.
    """
    if table_id is not None and table_id not in _TABLE_IDS:
        raise InvalidArgument(f"table_id={table_id!r} must be one of {_TABLE_IDS}")
    _check_year(year, table_id)
    if size not in SIZES:
        raise InvalidArgument(f"size={size!r} must be one of {SIZES}")
    assert all(layouts_of(t) for t in _TABLE_IDS)
    if table_id is not None:
        ids = st.just(table_id)
    elif year is not None and year < _FIRST_YEAR_09:
        ids = st.sampled_from(_TABLE_IDS[:-1])
    else:
        ids = st.sampled_from(_TABLE_IDS)

    def from_id(chosen: str) -> st.SearchStrategy[Table]:
        first = _FIRST_YEAR_09 if chosen == "09" else FIRST_YEAR
        return _disclosure(_years(year, first), size, 0, None).map(lambda d: d.tables[chosen])

    return ids.flatmap(from_id)


try:
    from govbudget.performance.strategies import (
        department_target_forms,
        indicator_values,
        legacy_self_evaluations,
        project_target_forms,
        self_evaluations,
    )
except ImportError:  # the performance package is optional in this module
    pass
else:
    __all__ += [
        "department_target_forms",
        "indicator_values",
        "legacy_self_evaluations",
        "project_target_forms",
        "self_evaluations",
    ]

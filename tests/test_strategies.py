"""The public strategies and the generator draw valid objects, and refuse
options that cannot be met."""

from __future__ import annotations

import random
import subprocess
import sys
from collections.abc import Callable
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, find, given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from govbudget.amounts import Amount, Blank, Unit, parse_amount
from govbudget.codes import (
    DeptEconomicCode,
    FunctionalCode,
    GovEconomicCode,
    Level,
    default_catalog,
    normalise,
)
from govbudget.disclosure import Disclosure
from govbudget.tables import FINAL_ACCOUNTS_TABLES, Table
from govbudget.testing import _spec, generate_disclosure, strategies
from govbudget.testing.strategies import (
    amounts,
    dept_economic_codes,
    disclosures,
    functional_codes,
    gov_economic_codes,
    printed_amounts,
    printed_codes,
    tables,
)

FAST = settings(max_examples=30, deadline=None)
SLOW = settings(max_examples=4, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(st.data())
def test_known_codes_are_in_the_catalog_for_their_year(data: st.DataObject) -> None:
    year = data.draw(st.integers(2016, 2025))
    level = data.draw(st.sampled_from([None, 1, 2]))
    factory = data.draw(
        st.sampled_from([functional_codes, dept_economic_codes, gov_economic_codes])
    )

    code = data.draw(factory(level=level, year=year))

    assert code.is_known(year)
    assert level is None or Level(level) is code.level


@FAST
@given(functional_codes(level=3, year=2018))
def test_items_have_their_parents_in_the_catalog(code: FunctionalCode) -> None:
    parents = code.ancestors

    assert 2 == len(parents)
    assert all(parent.is_known(2018) for parent in parents)


@FAST
@given(st.one_of(functional_codes(known=False), dept_economic_codes(known=False)))
def test_unknown_codes_are_well_formed(code: FunctionalCode | DeptEconomicCode) -> None:
    assert code.digits == normalise(code.digits)


@FAST
@given(gov_economic_codes(known=False, level=2))
def test_well_formed_gov_economic_sections(code: GovEconomicCode) -> None:
    assert 5 == len(code.digits)
    assert code.digits.startswith("5")


@FAST
@given(
    functional_codes().flatmap(lambda c: st.tuples(st.just(c), printed_codes(c)))
    | dept_economic_codes().flatmap(lambda c: st.tuples(st.just(c), printed_codes(c)))
)
def test_printed_codes_read_back(pair: tuple[FunctionalCode, str]) -> None:
    code, text = pair

    assert code.digits == normalise(text)


def test_printed_codes_cover_every_style() -> None:
    code = FunctionalCode("2080505")
    expected = {
        "plain": "2080505",
        "spaced": "208 05 05",
        "dashed": "208-05-05",
        "bracketed": "[2080505]",
        "full_width": "２０８０５０５",
        "full_width_spaced": "２０８\u3000０５\u3000０５",
    }

    found = {style: find(printed_codes(code, styles=[style]), _any) for style in expected}

    assert expected == found


@FAST
@given(st.data())
def test_amounts_respect_bounds_and_precision(data: st.DataObject) -> None:
    decimals = data.draw(st.integers(-2, 4))
    low = data.draw(st.integers(-10, 10)) * 100
    high = low + data.draw(st.integers(0, 10**6))
    unit = data.draw(st.sampled_from(list(Unit)))

    amount = data.draw(amounts(min_value=low, max_value=high, unit=unit, decimals=decimals))

    assert low <= amount.value <= high
    assert decimals == amount.decimals
    assert unit is amount.unit


@FAST
@given(st.data())
def test_printed_amounts_read_back(data: st.DataObject) -> None:
    grouping = data.draw(st.sampled_from([None, True, False]))

    text = data.draw(
        printed_amounts(min_value="0", max_value="999999999.99", grouping=grouping, blanks=True)
    )
    cell = parse_amount(text)

    if isinstance(cell, Blank):
        assert text.strip() == cell.text
    else:
        assert cell.format(grouping="," in text) == text
        assert 2 == cell.decimals


@SLOW
@given(st.data())
def test_tables_are_of_their_kind_and_consistent(data: st.DataObject) -> None:
    table_id = data.draw(st.sampled_from(sorted(FINAL_ACCOUNTS_TABLES)))

    table = data.draw(tables(table_id=table_id))
    alone = Disclosure(entity=_ENTITY, year=2021, tables={table_id: table})

    assert isinstance(table, FINAL_ACCOUNTS_TABLES[table_id])
    assert [] == [o for o in _spec.evaluate(alone) if o.error]


@SLOW
@given(st.integers(2016, 2025), st.data())
def test_disclosures_follow_the_layouts_of_their_year(year: int, data: st.DataObject) -> None:
    disclosure = data.draw(disclosures(year=year, min_function_rows=3, max_function_rows=20))
    catalog = default_catalog()

    rows = disclosure.table("05").coded_rows()

    assert year == disclosure.year
    assert 3 <= len(rows) <= 20
    assert ("2016" if year <= 2018 else "2019") == disclosure.table("01").layout.name
    assert ("2016" if year <= 2020 else "2021") == disclosure.table("04").layout.name
    assert (year >= 2021) == ("09" in disclosure.tables)
    for table in disclosure:
        for row in table.coded_rows():
            entry = catalog.lookup(row.key, year)
            assert entry is not None and entry.name == row.label


def test_realistic_disclosures_are_full() -> None:
    disclosure = generate_disclosure(random.Random(11), year=2018, size="realistic")
    sections = {
        e.code
        for e in default_catalog().entries(
            2018, scheme=DeptEconomicCode.scheme, level=Level.SECTION
        )
    }

    t06 = {row.key for row in disclosure.table("06").coded_rows(Level.SECTION)}
    t07 = disclosure.table("07").rows[0]

    assert 140 <= len(disclosure.table("05").coded_rows()) <= 160
    assert Level.ITEM in {row.level for row in disclosure.table("05").coded_rows()}
    assert sections == t06
    assert any(isinstance(c, Amount) and c.value for c in t07.cells.values())


def test_the_generator_is_deterministic_and_totals_only_works() -> None:
    first = generate_disclosure(random.Random(5), year=2020, size="small", function_rows=0)
    second = generate_disclosure(random.Random(5), year=2020, size="small", function_rows=0)

    assert first == second
    assert ["total"] == [row.key for row in first.table("05").rows]


def test_the_generator_refuses_bad_options() -> None:
    with pytest.raises(ValueError, match="year"):
        generate_disclosure(random.Random(0), year=2015)
    with pytest.raises(ValueError, match="size"):
        generate_disclosure(random.Random(0), year=2018, size="huge")
    with pytest.raises(ValueError, match="function_rows"):
        generate_disclosure(random.Random(0), year=2018, function_rows=10_000)


IMPOSSIBLE: list[Callable[[], object]] = [
    lambda: functional_codes(level=4),
    lambda: functional_codes(level="项"),  # type: ignore[arg-type]
    lambda: dept_economic_codes(level=3),
    lambda: gov_economic_codes(level=Level.ITEM),
    lambda: functional_codes(year="2018"),  # type: ignore[arg-type]
    lambda: functional_codes(known=False, year=2018),
    lambda: printed_codes(FunctionalCode("208"), styles=[]),
    lambda: printed_codes(FunctionalCode("208"), styles=["roman"]),
    lambda: printed_codes("2x8"),
    lambda: amounts(min_value=10, max_value=1),
    lambda: amounts(min_value=1.5),  # type: ignore[arg-type]
    lambda: amounts(min_value="0.001", max_value="0.009", decimals=2),
    lambda: amounts(decimals=12),
    lambda: amounts(unit="万元"),  # type: ignore[arg-type]
    lambda: printed_amounts(decimals=-2),
    lambda: tables(table_id="10"),
    lambda: tables(table_id="09", year=2019),
    lambda: tables(year=2030),
    lambda: disclosures(size="huge"),
    lambda: disclosures(min_function_rows=5, max_function_rows=4),
    lambda: disclosures(min_function_rows=-1),
    lambda: disclosures(min_function_rows=100_000),
]


@pytest.mark.parametrize("factory", IMPOSSIBLE, ids=range(len(IMPOSSIBLE)))
def test_impossible_options_raise_invalid_argument(factory: Callable[[], object]) -> None:
    with pytest.raises(InvalidArgument):
        strategy = factory()
        assert isinstance(strategy, st.SearchStrategy)
        strategy.validate()


def test_tables_without_a_year_skip_09_before_2021() -> None:
    table = find(tables(year=2018), _any, settings=settings(database=None))

    assert isinstance(table, Table)
    assert "09" != table.table_id


def test_importing_govbudget_testing_does_not_import_hypothesis() -> None:
    code = "import sys, govbudget.testing; print('hypothesis' in sys.modules)"

    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )

    assert "False" == result.stdout.strip()


def test_performance_strategies_are_reexported_when_present() -> None:
    names = (
        "indicator_values",
        "project_target_forms",
        "department_target_forms",
        "self_evaluations",
        "legacy_self_evaluations",
    )
    try:
        import govbudget.performance.strategies as performance
    except ImportError:
        pytest.skip("govbudget.performance.strategies is not installed")

    found = {name: getattr(strategies, name, None) for name in names}

    assert {name: getattr(performance, name) for name in names} == found
    assert set(names) <= set(strategies.__all__)


def test_amounts_accept_decimal_bounds() -> None:
    amount = find(amounts(min_value=Decimal("1.25"), max_value=Decimal("1.25")), _any)

    assert Amount("1.25") == amount


def _any(_: object) -> bool:
    return True


_ENTITY = generate_disclosure(random.Random(0), year=2021, size="small").entity

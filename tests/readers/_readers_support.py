"""Helpers shared by the reader tests: figure maps and a small disclosure strategy."""

from __future__ import annotations

import unicodedata
from decimal import Decimal

from hypothesis import strategies as st

from govbudget.amounts import Amount, Blank
from govbudget.codes import Level, Scheme, default_catalog
from govbudget.disclosure import Disclosure
from govbudget.entity import Entity
from govbudget.tables import (
    AppropriationSummary,
    ExpenditureTable,
    GeneralBudgetBasicExpenditure,
    GeneralBudgetExpenditure,
    GovFundTable,
    IncomeExpenditureSummary,
    IncomeTable,
    Row,
    Table,
    ThreePublicExpenses,
    layout_for,
)

NUMERALS = "一二三四五六七八九十"


def figures(table: Table) -> list[tuple[object, ...]]:
    """Every row of a table as comparable data, in a fixed order."""
    found = [
        (row.key, row.side or "", row.label, sorted(row.cells.items()), row.ordinal)
        for row in table.rows
    ]
    return sorted(found, key=repr)


def amounts_of(disclosure: Disclosure) -> list[Amount]:
    """Every amount the disclosure holds: table cells and other matters."""
    found = [
        cell
        for table in disclosure.tables.values()
        for row in table.rows
        for cell in row.cells.values()
        if isinstance(cell, Amount)
    ]
    procurement = disclosure.other_matters.procurement
    for value in (
        disclosure.other_matters.running_costs,
        procurement.total,
        procurement.goods,
        procurement.works,
        procurement.services,
        procurement.sme_amount,
    ):
        if isinstance(value, Amount):
            found.append(value)
    return found


def normalised(text: str) -> str:
    """Half-width, no spaces, no thousands separators."""
    return "".join(unicodedata.normalize("NFKC", text).split()).replace(",", "")


# A small local strategy ---------------------------------------------------------

_cents = st.integers(min_value=0, max_value=9_999_999)


def _amount(cents: int) -> Amount:
    return Amount(Decimal(cents).scaleb(-2))


def _catalog_codes(year: int, scheme: Scheme, level: Level) -> list[tuple[str, str]]:
    return sorted(
        (entry.code, entry.name)
        for entry in default_catalog().entries(year, scheme=scheme, level=level)
    )


@st.composite
def coded_rows(draw: st.DrawFn, year: int, columns: list[str]) -> list[Row]:
    """A few 类/款/项 rows with consistent figures, and the 合计 row."""
    items = _catalog_codes(year, Scheme.FUNCTIONAL, Level.ITEM)
    chosen = draw(st.lists(st.sampled_from(items), min_size=0, max_size=3, unique=True))
    rows: list[Row] = []
    totals = dict.fromkeys(columns, 0)
    catalog = default_catalog()
    for code, name in sorted(chosen):
        parts = [draw(_cents) for _ in columns[1:]]
        values = [sum(parts), *parts]
        for column, value in zip(columns, values, strict=True):
            totals[column] += value
        cells = {c: _amount(v) for c, v in zip(columns, values, strict=True)}
        for ancestor in (code[:3], code[:5]):
            entry = catalog.lookup(ancestor, year)
            if entry is not None and all(r.key != ancestor for r in rows):
                rows.append(Row(ancestor, entry.name, cells))
        rows.append(Row(code, name, cells))
    rows.insert(0, Row("total", "合计", {c: _amount(v) for c, v in totals.items()}))
    return rows


@st.composite
def summary_01(draw: st.DrawFn, year: int) -> IncomeExpenditureSummary:
    layout = layout_for("01", year=year)
    income, spending = layout.sides
    rows: list[Row] = []
    ordinal = 0
    for spec in income.rows:
        if spec.optional:
            continue
        ordinal += 1
        rows.append(Row(spec.id, spec.label, {"amount": _amount(draw(_cents))}, ordinal=ordinal))
    categories = _catalog_codes(year, Scheme.FUNCTIONAL, Level.CATEGORY)
    chosen = sorted(draw(st.lists(st.sampled_from(categories), max_size=4, unique=True)))
    for position, (code, name) in enumerate(chosen):
        ordinal += 1
        label = f"{NUMERALS[position]}、{name}"
        rows.append(Row(code, label, {"amount": _amount(draw(_cents))}, ordinal=ordinal))
    for spec in spending.rows:
        ordinal += 1
        rows.append(Row(spec.id, spec.label, {"amount": _amount(draw(_cents))}, ordinal=ordinal))
    if draw(st.booleans()):
        ordinal += 1
        rows.append(Row(f"filler.{ordinal}", "", {}, ordinal=ordinal, side="income"))
    return IncomeExpenditureSummary(layout, rows)


@st.composite
def summary_04(draw: st.DrawFn, year: int) -> AppropriationSummary:
    layout = layout_for("04", year=year)
    income, spending = layout.sides
    funds = [c.id for c in spending.columns if c.id != "total"]
    rows: list[Row] = []
    ordinal = 0
    for spec in income.rows:
        ordinal += 1
        rows.append(Row(spec.id, spec.label, {"amount": _amount(draw(_cents))}, ordinal=ordinal))
    categories = _catalog_codes(year, Scheme.FUNCTIONAL, Level.CATEGORY)
    chosen = sorted(draw(st.lists(st.sampled_from(categories), max_size=3, unique=True)))
    labelled = [(code, f"{NUMERALS[i]}、{name}") for i, (code, name) in enumerate(chosen)]
    for key, label in [*labelled, *((spec.id, spec.label) for spec in spending.rows)]:
        ordinal += 1
        parts = [draw(_cents) for _ in funds]
        cells = {"total": _amount(sum(parts))}
        cells.update({fund: _amount(v) for fund, v in zip(funds, parts, strict=True)})
        rows.append(Row(key, label, cells, ordinal=ordinal))
    return AppropriationSummary(layout, rows)


@st.composite
def basic_06(draw: st.DrawFn, year: int) -> GeneralBudgetBasicExpenditure:
    sections = _catalog_codes(year, Scheme.DEPT_ECONOMIC, Level.SECTION)
    chosen = sorted(draw(st.lists(st.sampled_from(sections), min_size=1, max_size=8, unique=True)))
    catalog = default_catalog()
    rows: list[Row] = []
    for code, name in chosen:
        parent = catalog.lookup(code[:3], year)
        if parent is not None and all(r.key != code[:3] for r in rows):
            rows.append(Row(code[:3], parent.name, {"amount": _amount(draw(_cents))}))
        rows.append(Row(code, name, {"amount": _amount(draw(_cents))}))
    rows.append(Row("personnel_total", "人员经费合计", {"amount": _amount(draw(_cents))}))
    rows.append(Row("public_total", "公用经费合计", {"amount": _amount(draw(_cents))}))
    return GeneralBudgetBasicExpenditure(layout_for("06", year=year), rows)


@st.composite
def disclosures(draw: st.DrawFn) -> Disclosure:
    """Final-accounts disclosures with tables 01–08, figures in 万元 at 2 decimals."""
    year = draw(st.integers(min_value=2016, max_value=2023))
    tables: list[Table] = [draw(summary_01(year))]
    for cls in (IncomeTable, ExpenditureTable, GeneralBudgetExpenditure, GovFundTable):
        layout = layout_for(cls.table_id, year=year)
        columns = [c.id for c in layout.sides[0].columns]
        tables.append(cls(layout, draw(coded_rows(year, columns))))
    tables.append(draw(summary_04(year)))
    tables.append(draw(basic_06(year)))
    layout_07 = layout_for("07", year=year)
    figures_07 = {c.id: _amount(draw(_cents)) for c in layout_07.sides[0].columns}
    tables.append(ThreePublicExpenses(layout_07, [Row("amounts", "", figures_07)]))
    name = draw(st.sampled_from(["深圳市福田区住房事务中心", "某某区统计局", "市图书馆"]))
    return Disclosure(
        entity=Entity(name),
        year=year,
        title=f"{name} {year} 年度部门决算",
        tables={t.table_id: t for t in tables},
    )


def blank_cells(table: Table) -> list[Blank]:
    """The blank cells of a table."""
    return [c for row in table.rows for c in row.cells.values() if isinstance(c, Blank)]

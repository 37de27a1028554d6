"""Tables and disclosures: layouts as data, lookups, invariants of construction."""

from __future__ import annotations

from decimal import Decimal

import pytest

from govbudget import Amount, Disclosure, Entity, FunctionalCode, LayoutError, Row, WrongTypeError
from govbudget.tables import (
    AppropriationSummary,
    GeneralBudgetExpenditure,
    IncomeExpenditureSummary,
    RowNotFoundError,
    layout_for,
    layouts_of,
)


def test_the_example_holds_every_figure_as_printed(futian: Disclosure) -> None:
    t06 = futian.table("06")

    assert ["01", "02", "03", "04", "05", "06", "07", "08"] == list(futian.tables)
    assert Amount("26.40") == t06.amount("30101", "amount")
    assert Amount("16.0") == t06.public_total
    assert Amount("255.80") == t06.personnel_total
    assert "公务招待费" == t06.row("30217").label
    assert Amount("2.10") == futian.table("01").amount("closing_balance", "amount")
    assert "2016" == futian.table("01").layout.name


def test_the_example_keeps_the_document_around_the_tables(futian: Disclosure) -> None:
    assert 9 == futian.overview.staffing.authorised
    assert 1 == futian.overview.staffing.retired
    assert "年末结转和结余数为 2.20 万元" in futian.section("01").text  # type: ignore[union-attr]
    assert Amount("95.18") == futian.other_matters.procurement.total
    assert "08" in futian.empty_statements
    assert ["基本支出", "城乡社区", "商品和服务支出"] == [g.term for g in futian.glossary]


def test_lookup_by_code_in_any_printed_form(futian: Disclosure) -> None:
    t01 = futian.table("01")

    assert t01.row("221") is t01.row(FunctionalCode("221"))
    assert t01.row("221") is t01.row("[221]")
    assert [t01.row("221")] == t01.find("九、 住房保障支出")
    with pytest.raises(RowNotFoundError):
        t01.row("222")
    with pytest.raises(KeyError):
        t01.row("222")


def test_table_ids_are_forgiving(futian: Disclosure) -> None:
    assert futian.table("6") is futian.table("公开06表")


def test_a_missing_table_says_what_is_there(futian: Disclosure) -> None:
    with pytest.raises(LayoutError) as caught:
        futian.table("09")

    assert "01, 02" in str(caught.value)


def test_sides_of_two_sided_tables(futian: Disclosure) -> None:
    t01 = futian.table("01")
    assert isinstance(t01, IncomeExpenditureSummary)

    assert "income_grand_total" == t01.income_rows()[-1].key
    assert "expenditure_grand_total" == t01.expenditure_rows()[-1].key
    assert 3 == len([r for r in t01.income_rows() if r.is_filler])


def test_to_records_is_ready_for_pandas(futian: Disclosure) -> None:
    records = futian.table("04").to_records()
    row = next(r for r in records if r["key"] == "208")

    assert Decimal("11.10") == row["general_budget"]
    assert "expenditure" == row["side"]
    assert "类" == row["level"]
    assert "万元" == row["unit"]


def test_layouts_are_data_per_year() -> None:
    assert "2016" == layout_for("01", year=2018).name
    assert "2019" == layout_for("01", year=2019).name
    assert "2021" == layout_for("04", year=2021).name
    assert ["expenditure", "income-expenditure"] == [layout.name for layout in layouts_of("09")]
    assert "state_capital" in AppropriationSummary.build([], year=2022).funds


def test_an_unknown_layout_is_an_error_not_a_guess() -> None:
    with pytest.raises(LayoutError) as caught:
        layout_for("05", name="2030")

    assert "known layouts" in str(caught.value)


def test_a_row_that_does_not_fit_the_layout_is_refused() -> None:
    with pytest.raises(LayoutError) as caught:
        GeneralBudgetExpenditure.build([Row("total", "合计", {"wrong": Amount("1.00")})], year=2018)
    assert "wrong" == caught.value.location.column  # type: ignore[union-attr]

    with pytest.raises(LayoutError):
        GeneralBudgetExpenditure.build([Row("30101", "基本工资", {})], year=2018)
    with pytest.raises(LayoutError):
        IncomeExpenditureSummary.build([Row("2010101", "行政运行", {})], year=2018)


def test_the_model_is_immutable(futian: Disclosure) -> None:
    row = futian.table("06").row("30101")

    with pytest.raises(AttributeError):
        row.label = "x"  # type: ignore[misc]
    with pytest.raises(TypeError):
        row.cells["amount"] = Amount("0.00")  # type: ignore[index]


def test_cells_must_be_amounts_or_blanks() -> None:
    with pytest.raises(WrongTypeError):
        Row("total", "合计", {"total": Decimal("1")})  # type: ignore[dict-item]


def test_a_table_filed_under_another_id_is_refused(futian: Disclosure) -> None:
    with pytest.raises(LayoutError):
        Disclosure(Entity("x"), 2018, tables={"05": futian.table("06")})


def test_disclosures_reports_and_errors_pickle(futian: Disclosure) -> None:
    import pickle

    from govbudget import AmountParseError, audit, parse_amount

    report = audit(futian)
    with pytest.raises(AmountParseError) as caught:
        parse_amount("12a")
    error = pickle.loads(pickle.dumps(caught.value))

    assert futian == pickle.loads(pickle.dumps(futian))
    assert report == pickle.loads(pickle.dumps(report))
    assert (caught.value.text, caught.value.start, str(caught.value)) == (
        error.text,
        error.start,
        str(error),
    )

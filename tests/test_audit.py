"""The auditor on the bundled example and on deliberate corruptions of it."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import attrs
import pytest

from govbudget import Amount, Disclosure, Row, Severity, Unit, WrongTypeError, audit
from govbudget.audit import RULES, AuditOptions, parse_acceptances
from govbudget.audit.formats import REPORT_SCHEMA, format_report, report_to_data
from govbudget.tables import Table


def replace_cell(
    disclosure: Disclosure, table_id: str, key: str, column: str, text: str
) -> Disclosure:
    """The disclosure with one printed figure changed."""
    table = disclosure.table(table_id)
    rows = tuple(
        attrs.evolve(row, cells={**row.cells, column: Amount(text, table.unit)})
        if row.key == key
        else row
        for row in table.rows
    )
    return attrs.evolve(
        disclosure, tables={**disclosure.tables, table_id: attrs.evolve(table, rows=rows)}
    )


def errors(
    disclosure: Disclosure, **kwargs: object
) -> list[tuple[str, str | None, str | None, str | None]]:
    report = audit(disclosure, **kwargs)  # type: ignore[arg-type]
    return sorted(
        (f.rule, f.location.table, f.location.row, f.location.column) for f in report.errors
    )


# The sample's own error: 年末结转和结余 2.20 in narrative section (一), 2.10 in tables 01 and 04.
TEXT_2_20 = ("N-1", "narrative", "(一)", "chars 173–180")


def test_the_example_has_no_table_error_and_the_302_rounding_finding(futian: Disclosure) -> None:
    report = audit(futian)

    assert [TEXT_2_20] == errors(futian)
    [f302] = report.by_rule("F06-2")
    assert Severity.INFO is f302.severity
    assert f302.rounding
    assert ("06", "302", "amount") == (f302.location.table, f302.location.row, f302.location.column)
    assert Decimal("16.10") == f302.expected
    assert Decimal("16.00") == f302.actual
    assert Decimal("-0.10") == f302.difference
    assert Decimal("1.40") == f302.slack
    assert "interval" == f302.policy
    assert 141 == f302.location.line


def test_the_coarser_grid_of_table_06_is_noticed(futian: Disclosure) -> None:
    notes = {f.location.table for f in audit(futian).by_rule("R-1")}

    assert "06" in notes


def test_without_grid_detection_302_is_beyond_printed_precision(futian: Disclosure) -> None:
    report = audit(futian, options=AuditOptions(detect_grid=False))

    [f302] = report.by_rule("F06-2")
    assert Decimal("0.140") == f302.slack
    assert f302.rounding


def test_exact_policy_turns_the_302_difference_into_an_error(futian: Disclosure) -> None:
    assert sorted([("F06-2", "06", "302", "amount"), TEXT_2_20]) == errors(futian, policy="exact")


def test_fixed_tolerance_policy(futian: Disclosure) -> None:
    report = audit(futian, policy="tolerance:0.05")

    assert "tolerance:0.05" == report.policy
    expected = sorted([("F06-2", "06", "302", "amount"), TEXT_2_20])
    assert expected == errors(futian, policy="tolerance:0.05")
    assert [] == errors(futian, policy="tolerance:0.10")


@pytest.mark.parametrize(
    ("table_id", "key", "column", "text", "expected"),
    [
        # A 款 of 301 changed: its 类 no longer adds up.
        ("06", "30101", "amount", "36.40", [("F06-2", "06", "301", "amount")]),
        # The 302 total changed: 类, footer and 公用经费 all disagree.
        (
            "06",
            "public_total",
            "amount",
            "26.0",
            [
                ("F06-1", "06", "personnel_total", "amount"),
                ("F06-4", "06", "public_total", "amount"),
                ("X-5", "05", "total", "basic"),
                # The narrative's 公用经费 16.00 now disagrees with the table.
                ("N-1", "narrative", "（六）", "chars 54–61"),
            ],
        ),
        # 01's closing balance changed: the expenditure side no longer closes.
        (
            "01",
            "closing_balance",
            "amount",
            "3.10",
            [("F01-2", "01", "expenditure_grand_total", "amount")],
        ),
        # A 类 in 04 changed in one fund column.
        (
            "04",
            "212",
            "general_budget",
            "578.00",
            [
                ("F04-2", "04", "expenditure_total", "general_budget"),
                ("F04-3", "04", "212", "total"),
            ],
        ),
        # 03's basic spending changed.
        ("03", "total", "basic", "281.80", [("F03-1", "03", "total", "total")]),
        # A 三公 sub-item changed, in a table the text says is empty.
        (
            "07",
            "amounts",
            "actual.vehicle_purchase",
            "1.00",
            [
                ("F07-2", "07", "amounts", "actual.vehicles"),
                ("S-2", "07", "amounts", "actual.vehicle_purchase"),
            ],
        ),
    ],
)
def test_a_corruption_is_caught_exactly(
    futian: Disclosure,
    table_id: str,
    key: str,
    column: str,
    text: str,
    expected: list[tuple[str, ...]],
) -> None:
    corrupted = replace_cell(futian, table_id, key, column, text)

    assert sorted([*expected, TEXT_2_20]) == errors(corrupted)


def test_a_duplicated_row_is_caught(futian: Disclosure) -> None:
    table: Table = futian.table("06")
    row = table.row("30201")
    rows = (*table.rows, row)
    corrupted = attrs.evolve(futian, tables={**futian.tables, "06": attrs.evolve(table, rows=rows)})

    found = errors(corrupted)

    assert ("S-4", "06", "30201", None) in found
    assert ("F06-2", "06", "302", "amount") in found


def test_a_dropped_fixed_row_is_caught(futian: Disclosure) -> None:
    table = futian.table("01")
    rows = tuple(row for row in table.rows if row.key != "income_total")
    corrupted = attrs.evolve(futian, tables={**futian.tables, "01": attrs.evolve(table, rows=rows)})

    # The missing part also leaves the income side short of its 总计.
    expected = [
        ("F01-1", "01", "income_grand_total", "amount"),
        TEXT_2_20,
        ("S-5", "01", "income_total", None),
    ]
    assert expected == errors(corrupted)


def test_a_missing_table_is_caught_unless_stated_empty(futian: Disclosure) -> None:
    tables = {k: v for k, v in futian.tables.items() if k not in ("03", "08")}
    corrupted = attrs.evolve(futian, tables=tables)

    assert [("S-1", "03", None, None)] == errors(corrupted, select=["S-1"])


def test_a_stated_empty_table_with_figures_is_caught(futian: Disclosure) -> None:
    corrupted = replace_cell(futian, "08", "total", "income", "5.00")

    assert ("S-2", "08", "total", "income") in errors(corrupted)


def test_procurement_arithmetic(futian: Disclosure) -> None:
    procurement = futian.other_matters.procurement
    wrong_total = attrs.evolve(procurement, total=Amount("96.18"))
    corrupted = attrs.evolve(
        futian, other_matters=attrs.evolve(futian.other_matters, procurement=wrong_total)
    )

    found = errors(corrupted)

    assert ("O-1", "other_matters", "procurement", "total") in found
    assert ("O-2", "other_matters", "procurement", "sme_share") in found


def test_select_and_ignore(futian: Disclosure) -> None:
    assert {"F06-1", "F06-2", "F06-3", "F06-4"} == set(audit(futian, select=["F06"]).rules)
    assert "F04-4" not in audit(futian, ignore=["F04-4"]).rules
    assert all(r.startswith("X-") for r in audit(futian, select=["cross-table"]).rules)
    with pytest.raises(WrongTypeError):
        audit(futian, select=["NOPE"])


def test_accepted_explanations_are_kept_not_hidden(futian: Disclosure) -> None:
    acceptances = parse_acceptances(
        "# rule\tlocation\treason\n"
        "F06-2\t06:302\t明细按 0.1 万元列示\n"
        "N-1\tnarrative:(一)\t文字说明笔误，以报表为准\n"
        "X-1\t02\tstale\n"
    )

    report = audit(futian, policy="exact", accept=acceptances)

    [f302] = report.by_rule("F06-2")
    assert "明细按 0.1 万元列示" == f302.accepted
    assert [] == report.errors
    assert 0 == report.exit_code()
    assert 1 == len(report.unused_acceptances)
    assert "accepted" in format_report(report, "text", lang="en")


def test_acceptance_files_report_bad_lines(tmp_path: Path) -> None:
    from govbudget import DocumentError

    with pytest.raises(DocumentError) as caught:
        parse_acceptances("F06-2 06:302 no tabs\n")

    assert "line 1" == caught.value.problems[0].path


def test_every_rule_has_a_docstring_and_a_stable_shape() -> None:
    for rule in RULES.values():
        assert rule.doc, rule.id
        assert rule.title and rule.title_zh, rule.id


def test_report_formats(futian: Disclosure) -> None:
    report = audit(futian)

    text = format_report(report, "text", lang="en")
    assert "1 errors" in text.splitlines()[-1]
    assert "| INFO (rounding) | F06-2 |" in format_report(report, "markdown", lang="en")
    csv_text = format_report(report, "csv")
    assert csv_text.startswith("source,entity,year,rule,severity")
    assert "F06-2" in csv_text
    data = json.loads(format_report(report, "json"))
    assert report.version == data["govbudget_version"]
    assert "govbudget 2026.12, fiscal year 2018" == data["catalog"]
    assert data == report_to_data(report)


def test_json_report_follows_its_schema(futian: Disclosure) -> None:
    data = report_to_data(audit(futian, policy="exact"))
    finding = REPORT_SCHEMA["properties"]["findings"]["items"]

    assert set(REPORT_SCHEMA["required"]) <= set(data)
    for item in data["findings"]:
        assert set(finding["required"]) <= set(item)
        assert item["severity"] in finding["properties"]["severity"]["enum"]


def test_exit_codes(futian: Disclosure) -> None:
    assert 1 == audit(futian).exit_code()
    assert 0 == audit(futian, ignore=["N-1"]).exit_code()
    assert 1 == audit(futian).exit_code(Severity.INFO)
    assert 1 == audit(futian, policy="exact", ignore=["N-1"]).exit_code()


def test_audit_refuses_non_disclosures() -> None:
    with pytest.raises(WrongTypeError):
        audit(Row("x"))  # type: ignore[arg-type]


def _in_yuan(table: Table) -> Table:
    rows = tuple(
        attrs.evolve(
            row,
            cells={
                c: v.to(Unit.YUAN) if isinstance(v, Amount) else v for c, v in row.cells.items()
            },
        )
        for row in table.rows
    )
    return attrs.evolve(table, rows=rows, unit=Unit.YUAN)


def test_tables_in_different_units_are_compared_in_one_unit(futian: Disclosure) -> None:
    tables = {**futian.tables, "06": _in_yuan(futian.table("06"))}
    procurement = attrs.evolve(futian.other_matters.procurement, goods=Amount("16300", Unit.YUAN))
    mixed = attrs.evolve(
        futian,
        tables=tables,
        other_matters=attrs.evolve(futian.other_matters, procurement=procurement),
    )

    assert errors(futian) == errors(mixed)
    assert [] == audit(mixed).by_rule("X-5")


def test_tables_in_yuan_against_a_narrative_in_wan(futian: Disclosure) -> None:
    # The Shanghai habit: tables in 元, the narrative in 万元.
    in_yuan = attrs.evolve(futian, tables={k: _in_yuan(t) for k, t in futian.tables.items()})

    assert errors(futian) == errors(in_yuan)


def test_tables_in_a_format_not_read_make_missing_tables_warnings() -> None:
    import govbudget

    folder = Path(__file__).parent / "readers" / "fixtures"
    path = next(folder.glob("06-*/document.txt"))
    loaded = govbudget.read(path)

    report = audit(loaded.disclosure, import_report=loaded.import_report, select=["S-1"])

    assert [] == report.errors
    assert {"01", "02", "03", "04", "05", "06", "07", "08"} <= {
        f.location.table for f in report.warnings
    }

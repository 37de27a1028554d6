"""Structure: tables and rows that must be there, and nothing twice."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from govbudget.amounts import Amount
from govbudget.audit.context import AuditContext
from govbudget.audit.registry import rule
from govbudget.disclosure import DisclosureKind
from govbudget.findings import Category, Finding, Severity
from govbudget.location import Location

_REQUIRED_FROM: dict[str, int] = {
    "01": 2016,
    "02": 2016,
    "03": 2016,
    "04": 2016,
    "05": 2016,
    "06": 2016,
    "07": 2016,
    "08": 2016,
    "09": 2021,
}
"""The first fiscal year each final-accounts table is required (DOMAIN §2.1)."""

_MAY_BE_EMPTY = ("07", "08", "09")


@rule(
    "S-1",
    title="required tables are present or stated empty",
    title_zh="应公开的表格齐全或已说明为空表",
    category=Category.STRUCTURE,
)
def required_tables(ctx: AuditContext) -> Iterator[Finding]:
    """A final-accounts disclosure publishes tables 01–08, and 09 from 2021
    (DOMAIN §2.1; some regions add more, none publish fewer). A table may be
    left out only where the document states it is empty.

    For a document read from text or PDF whose reader recognised tables it
    could not read (a university's own 决算 format, a region's table set), a
    missing table may be among those, so it is a warning, not an error."""
    if ctx.disclosure.kind is not DisclosureKind.FINAL_ACCOUNTS:
        return
    unread = _unread_tables(ctx)
    for table_id, since in _REQUIRED_FROM.items():
        if ctx.year < since or table_id in ctx.disclosure.tables:
            continue
        if table_id in ctx.disclosure.empty_statements:
            continue
        if unread:
            yield ctx.finding(
                f"未读到公开{table_id}表；本文件另有 {unread} 张表格式未能读取",
                f"table {table_id} was not found among the tables read; {unread} tables of "
                f"this document are in a format that was not read",
                Location(table=table_id),
                severity=Severity.WARNING,
            )
            continue
        yield ctx.finding(
            f"缺少公开{table_id}表，且未说明为空表",
            f"table {table_id} is missing and not stated to be empty",
            Location(table=table_id),
        )


def _unread_tables(ctx: AuditContext) -> int:
    """How many tables the reader recognised but could not read."""
    report = ctx.import_report
    if report is None:
        return 0
    return sum(1 for t in report.tables if not t.modelled and t.kind != "performance form")


@rule(
    "S-2",
    title="a table stated empty prints no non-zero figure",
    title_zh="说明为空的表格不应有非零数字",
    category=Category.STRUCTURE,
)
def stated_empty(ctx: AuditContext) -> Iterator[Finding]:
    """Where the document states a table is empty ("本单位无政府性基金预算财政
    拨款收入以及支出情况"), the table, if printed, shows only zeros and blanks."""
    for table_id, statement in ctx.disclosure.empty_statements.items():
        table = ctx.table(table_id)
        if table is None:
            continue
        for row in table.rows:
            for column, cell in row.cells.items():
                if isinstance(cell, Amount) and cell.value:
                    yield ctx.finding(
                        f"文中说明“{statement}”，但表中有 {cell}",
                        f"the text states the table is empty (“{statement}”) but it prints {cell}",
                        table.location(row, column),
                    )


@rule(
    "S-3",
    title="an all-zero 08 or 09 comes with an empty-table statement",
    title_zh="政府性基金、国有资本经营预算表为空时应有说明",
    category=Category.STRUCTURE,
    severity=Severity.WARNING,
)
def empty_without_statement(ctx: AuditContext) -> Iterator[Finding]:
    """Tables 07, 08 and 09 are often empty; an empty one must still be
    published with a statement that the unit has no such spending (DOMAIN
    §2.1; GovBudgetChecker D-008/D-009)."""
    for table_id in _MAY_BE_EMPTY:
        table = ctx.table(table_id)
        if table is None or table_id in ctx.disclosure.empty_statements:
            continue
        if any(isinstance(c, Amount) and c.value for row in table.rows for c in row.cells.values()):
            continue
        yield ctx.finding(
            f"公开{table_id}表无数据，但未说明为空表",
            f"table {table_id} has no figures but no statement says it is empty",
            Location(table=table_id, line=table.line),
        )


@rule(
    "S-4",
    title="no row is printed twice",
    title_zh="同一行不应重复列示",
    category=Category.STRUCTURE,
)
def duplicate_rows(ctx: AuditContext) -> Iterator[Finding]:
    """Each code and each fixed row appears once per table (per side). A row
    printed twice is either a copy error or hides a different row."""
    for table in ctx.disclosure.tables.values():
        counts = Counter((row.side, row.key) for row in table.rows)
        for row in table.rows:
            if counts[(row.side, row.key)] > 1:
                counts[(row.side, row.key)] = 0
                yield ctx.finding(
                    f"公开{table.table_id}表 {row.key} {row.label} 重复列示",
                    f"table {table.table_id} prints row {row.key} {row.label} more than once",
                    table.location(row),
                )


@rule(
    "S-5",
    title="the layout's fixed rows are present",
    title_zh="表格的固定行齐全",
    category=Category.STRUCTURE,
)
def fixed_rows(ctx: AuditContext) -> Iterator[Finding]:
    """Every non-optional fixed row of a table's layout (合计, 本年收入合计,
    总计, 人员经费合计 …) is printed."""
    for table in ctx.disclosure.tables.values():
        keys = {row.key for row in table.rows}
        for side in table.layout.sides:
            for spec in side.rows:
                if not spec.optional and spec.id not in keys:
                    yield ctx.finding(
                        f"公开{table.table_id}表缺少“{spec.label}”行",
                        f"table {table.table_id} lacks the row {spec.label} ({spec.id})",
                        Location(table=table.table_id, row=spec.id, label=spec.label),
                    )


@rule(
    "S-6",
    title="a 款 or 项 row has its parent rows",
    title_zh="款、项科目的上级科目已列示",
    category=Category.STRUCTURE,
    severity=Severity.WARNING,
)
def parents_present(ctx: AuditContext) -> Iterator[Finding]:
    """In tables that list 款 and 项, each has its parent 款 and 类 listed too,
    so that the roll-ups can be checked. Tables that print only 类 rows or
    only the 合计 row have nothing to check."""
    for table in ctx.disclosure.tables.values():
        keys = {row.key for row in table.rows}
        for row in table.coded_rows():
            parent = row.key[:-2] if len(row.key) > 3 else None
            if parent is not None and parent not in keys:
                yield ctx.finding(
                    f"公开{table.table_id}表 {row.key} 的上级科目 {parent} 未列示",
                    f"table {table.table_id} lists {row.key} without its parent {parent}",
                    table.location(row),
                )


@rule(
    "S-7",
    title="no negative figure outside 结余分配",
    title_zh="除结余分配外不应出现负数",
    category=Category.STRUCTURE,
    severity=Severity.WARNING,
    uncertain=True,
)
def negative_figures(ctx: AuditContext) -> Iterator[Finding]:
    """Amounts are not negative, except 结余分配 and corrections (DOMAIN §4.4,
    🟡). A negative figure is reported as a warning."""
    for table in ctx.disclosure.tables.values():
        for row in table.rows:
            if row.key == "surplus_distribution":
                continue
            for column, cell in row.cells.items():
                if isinstance(cell, Amount) and cell.value < 0:
                    yield ctx.finding(
                        f"公开{table.table_id}表 {row.key} {row.label} 为负数 {cell}",
                        f"table {table.table_id} prints a negative figure {cell} at {row.key}",
                        table.location(row, column),
                    )

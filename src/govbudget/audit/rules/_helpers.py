"""Shared loops: per-row sums and 类/款/项 roll-ups over coded tables."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from govbudget.audit.context import AuditContext, Figure
from govbudget.findings import Finding
from govbudget.tables import Table


def row_sums(
    ctx: AuditContext, table: Table, total: str, parts: Sequence[str]
) -> Iterator[Finding]:
    """For every row: ``total`` column = Σ ``parts`` columns."""
    for row in table.rows:
        found = ctx.check_columns(
            table,
            row,
            total,
            parts,
            what_zh="各列之和",
            what_en="the sum of its columns",
        )
        if found is not None:
            yield found


def carry_forward(ctx: AuditContext, table: Table) -> Iterator[Finding]:
    """For every row: 年末结转和结余 = 年初结转和结余 + 本年收入 − 本年支出."""
    for row in table.rows:
        found = ctx.check_sum(
            ctx.figure_of(table, row, "closing_balance"),
            [ctx.figure_of(table, row, "opening_balance"), ctx.figure_of(table, row, "income")],
            minus=[ctx.figure_of(table, row, "expenditure")],
            what_zh="年初结转 + 本年收入 − 本年支出",
            what_en="opening balance + income − expenditure",
        )
        if found is not None:
            yield found


def rollups(ctx: AuditContext, table: Table, columns: Sequence[str]) -> Iterator[Finding]:
    """For every column: 合计 = Σ 类, 类 = Σ 款, 款 = Σ 项, where children are printed."""
    for parent_key, children in ctx.children(table).items():
        parent = ctx.row(table, parent_key)
        if parent is None:
            continue
        for column in columns:
            found = ctx.check_rows(
                table,
                parent,
                children,
                column,
                what_zh="下级科目之和",
                what_en="the sum of its sub-items",
            )
            if found is not None:
                yield found


def figures(
    ctx: AuditContext, table: Table | None, keys: Sequence[str], column: str
) -> list[Figure | None]:
    """The figures of several rows in one column."""
    return [ctx.figure(table, key, column) for key in keys]


def present(*findings: Finding | None) -> Iterator[Finding]:
    """The findings that are not ``None``."""
    return (finding for finding in findings if finding is not None)

"""Precision: tables whose figures sit on a coarser grid than printed."""

from __future__ import annotations

from collections.abc import Iterator

from govbudget.audit.context import AuditContext
from govbudget.audit.registry import rule
from govbudget.findings import Category, Finding, Severity


@rule(
    "R-1",
    title="figures sit on a coarser grid than printed",
    title_zh="表中数字的实际精度低于列示精度",
    category=Category.ARITHMETIC,
    severity=Severity.INFO,
)
def coarser_grid(ctx: AuditContext) -> Iterator[Finding]:
    """When every non-zero figure of a table is a multiple of a coarser unit
    than its printed decimals (the sample's table 06 prints two decimals, but
    every figure is a multiple of 0.1), the figures were most likely rounded to
    that unit before being printed. The auditor says so here, and uses the
    coarser unit's half as the rounding radius of that table's figures in
    every other rule. Needs at least five non-zero figures; switch the
    detection off with ``AuditOptions(detect_grid=False)``."""
    for table in ctx.disclosure.tables.values():
        half = ctx.grid(table)
        if half is None:
            continue
        step = half * 2
        yield ctx.finding(
            f"公开{table.table_id}表所有非零数字均为 {step.normalize()} 的整数倍，"
            f"按 {step.normalize()} 的精度（舍入半径 {half}）核对",
            f"every non-zero figure of table {table.table_id} is a multiple of "
            f"{step.normalize()}; checked at that precision (rounding radius {half})",
            table.location(),
        )

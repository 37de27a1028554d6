"""Table 06 (基本支出 by 部门经济分类) and table 07 (“三公”经费)."""

from __future__ import annotations

from collections.abc import Iterator

from govbudget.audit.context import AuditContext
from govbudget.audit.registry import rule
from govbudget.audit.rules._helpers import figures, present
from govbudget.findings import Category, Finding


@rule(
    "F06-1",
    title="06: Σ 类 = 人员经费合计 + 公用经费合计",
    title_zh="06表 各类之和 = 人员经费合计 + 公用经费合计",
    category=Category.ARITHMETIC,
    tables=("06",),
)
def basic_footer(ctx: AuditContext) -> Iterator[Finding]:
    """The footer of 公开06表 accounts for all of it: 人员经费合计 plus
    公用经费合计 is the sum of every 经济分类 类 row."""
    t06 = ctx.table("06")
    assert t06 is not None
    personnel = ctx.figure(t06, "personnel_total", "amount")
    public = ctx.figure(t06, "public_total", "amount")
    if personnel is None or public is None:
        return
    categories = [
        ctx.figure_of(t06, row, "amount") for row in t06.coded_rows() if len(row.key) == 3
    ]
    present_parts = [f for f in categories if f is not None]
    if not present_parts:
        return
    # Compare the footer sum against the categories, reported at 人员经费合计.
    yield from present(
        ctx.check_sum(
            personnel,
            present_parts,
            minus=[public],
            what_zh="各类之和 − 公用经费合计",
            what_en="the sum of the categories − public costs total",
        )
    )


@rule(
    "F06-2",
    title="06: each 类 = Σ its 款",
    title_zh="06表 各类 = 所属各款之和",
    category=Category.ARITHMETIC,
    tables=("06",),
)
def basic_categories(ctx: AuditContext) -> Iterator[Finding]:
    """Every 部门经济分类 类 row of 公开06表 (301, 302, …) is the sum of its
    款 rows (30101, 30102, …). Codes are matched by digits, never by name:
    309 and 310 share 款 names."""
    t06 = ctx.table("06")
    assert t06 is not None
    for parent_key, children in ctx.children(t06).items():
        if parent_key == "total":
            continue
        parent = ctx.row(t06, parent_key)
        if parent is None:
            continue
        yield from present(
            ctx.check_rows(
                t06, parent, children, "amount", what_zh="所属各款之和", what_en="the sum of its 款"
            )
        )


@rule(
    "F06-3",
    title="06: 人员经费 = 301 + 303",
    title_zh="06表 人员经费合计 = 301 + 303",
    category=Category.ARITHMETIC,
    tables=("06",),
)
def personnel_costs(ctx: AuditContext) -> Iterator[Finding]:
    """人员经费合计 is the sum of 301 工资福利支出 and 303 对个人和家庭的补助
    (configurable with ``AuditOptions.personnel_cost_categories``)."""
    t06 = ctx.table("06")
    yield from present(
        ctx.check_sum(
            ctx.figure(t06, "personnel_total", "amount"),
            figures(ctx, t06, ctx.options.personnel_cost_categories, "amount"),
        )
    )


@rule(
    "F06-4",
    title="06: 公用经费 = 302 + 307 + 309 + 310 + 311 + 312 + 313 + 399",
    title_zh="06表 公用经费合计 = 302 + 307 + 309 + 310 + 311 + 312 + 313 + 399",
    category=Category.ARITHMETIC,
    tables=("06",),
    uncertain=True,
)
def public_costs(ctx: AuditContext) -> Iterator[Finding]:
    """公用经费合计 is the sum of the non-personnel 类 of 公开06表.

    DOMAIN.md confirms 302 only (the other 类 were zero in every source seen)
    and notes regions that narrow 公用经费 to 302 (+ 310). Set
    ``AuditOptions.public_cost_categories`` to your region's list, or switch
    the rule off with ``--ignore F06-4``."""
    t06 = ctx.table("06")
    yield from present(
        ctx.check_sum(
            ctx.figure(t06, "public_total", "amount"),
            figures(ctx, t06, ctx.options.public_cost_categories, "amount"),
        )
    )


@rule(
    "F07-1",
    title="07: 合计 = 因公出国(境)费 + 公务用车购置及运行费 + 公务接待费",
    title_zh="07表 合计 = 因公出国（境）费 + 公务用车购置及运行费 + 公务接待费",
    category=Category.ARITHMETIC,
    tables=("07",),
)
def sangong_total(ctx: AuditContext) -> Iterator[Finding]:
    """For 预算数 and 决算数 alike, the “三公”经费 合计 of 公开07表 is
    因公出国（境）费 plus 公务用车购置及运行费 (小计) plus 公务接待费."""
    t07 = ctx.table("07")
    for stage in ("budget", "actual"):
        yield from present(
            ctx.check_sum(
                ctx.figure(t07, "amounts", f"{stage}.total"),
                [
                    ctx.figure(t07, "amounts", f"{stage}.{item}")
                    for item in ("outbound", "vehicles", "reception")
                ],
            )
        )


@rule(
    "F07-2",
    title="07: 公务用车 小计 = 购置费 + 运行费",
    title_zh="07表 公务用车购置及运行费小计 = 购置费 + 运行费",
    category=Category.ARITHMETIC,
    tables=("07",),
)
def sangong_vehicles(ctx: AuditContext) -> Iterator[Finding]:
    """For 预算数 and 决算数 alike, 公务用车购置及运行费 小计 is 公务用车购置费 plus
    公务用车运行费."""
    t07 = ctx.table("07")
    for stage in ("budget", "actual"):
        yield from present(
            ctx.check_sum(
                ctx.figure(t07, "amounts", f"{stage}.vehicles"),
                [
                    ctx.figure(t07, "amounts", f"{stage}.{item}")
                    for item in ("vehicle_purchase", "vehicle_operation")
                ],
            )
        )

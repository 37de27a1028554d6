"""Tables 02, 03, 05, 08 and 09: per-row sums and 类/款/项 roll-ups."""

from __future__ import annotations

from collections.abc import Iterator

from govbudget.audit.context import AuditContext
from govbudget.audit.registry import rule
from govbudget.audit.rules._helpers import carry_forward, rollups, row_sums
from govbudget.findings import Category, Finding

_SOURCES = (
    "appropriation",
    "higher_level_subsidy",
    "service_revenue",
    "operating_revenue",
    "subsidiary_remittance",
    "other_revenue",
)
_USES = ("basic", "project", "remittance_to_higher", "operating", "subsidy_to_subsidiaries")


def _columns(ctx: AuditContext, table_id: str) -> list[str]:
    table = ctx.table(table_id)
    assert table is not None
    return [column.id for column in table.layout.sides[0].columns]


@rule(
    "F02-1",
    title="02: per row, 本年收入合计 = Σ sources",
    title_zh="02表 每行 本年收入合计 = 各收入来源之和",
    category=Category.ARITHMETIC,
    tables=("02",),
)
def income_row_totals(ctx: AuditContext) -> Iterator[Finding]:
    """In every row of 公开02表, 本年收入合计 is the sum of 财政拨款收入,
    上级补助收入, 事业收入, 经营收入, 附属单位上缴收入 and 其他收入."""
    table = ctx.table("02")
    assert table is not None
    yield from row_sums(ctx, table, "total", _SOURCES)


@rule(
    "F02-2",
    title="02: 合计 = Σ 类 = Σ 款 = Σ 项, per column",
    title_zh="02表 合计 = 各类之和，类 = 各款之和，款 = 各项之和",
    category=Category.ARITHMETIC,
    tables=("02",),
)
def income_rollups(ctx: AuditContext) -> Iterator[Finding]:
    """In every column of 公开02表, the 合计 row is the sum of the 类 rows, each
    类 the sum of its 款, each 款 the sum of its 项 (where the table prints
    them; a table with only the 合计 row has nothing to roll up)."""
    table = ctx.table("02")
    assert table is not None
    yield from rollups(ctx, table, _columns(ctx, "02"))


@rule(
    "F03-1",
    title="03: per row, 本年支出合计 = 基本 + 项目 + 上缴上级 + 经营 + 对附属单位补助",
    title_zh=(
        "03表 每行 本年支出合计 = 基本支出 + 项目支出 + 上缴上级支出 + 经营支出 + "
        "对附属单位补助支出"
    ),
    category=Category.ARITHMETIC,
    tables=("03",),
)
def expenditure_row_totals(ctx: AuditContext) -> Iterator[Finding]:
    """In every row of 公开03表, 本年支出合计 is the sum of 基本支出, 项目支出,
    上缴上级支出, 经营支出 and 对附属单位补助支出."""
    table = ctx.table("03")
    assert table is not None
    yield from row_sums(ctx, table, "total", _USES)


@rule(
    "F03-2",
    title="03: 合计 = Σ 类 = Σ 款 = Σ 项, per column",
    title_zh="03表 合计 = 各类之和，类 = 各款之和，款 = 各项之和",
    category=Category.ARITHMETIC,
    tables=("03",),
)
def expenditure_rollups(ctx: AuditContext) -> Iterator[Finding]:
    """In every column of 公开03表, the rows roll up: 合计 = Σ 类, 类 = Σ 款,
    款 = Σ 项."""
    table = ctx.table("03")
    assert table is not None
    yield from rollups(ctx, table, _columns(ctx, "03"))


@rule(
    "F05-1",
    title="05: per row, 小计 = 基本支出 + 项目支出",
    title_zh="05表 每行 小计 = 基本支出 + 项目支出",
    category=Category.ARITHMETIC,
    tables=("05",),
)
def general_budget_row_totals(ctx: AuditContext) -> Iterator[Finding]:
    """In every row of 公开05表, 本年支出小计 is 基本支出 plus 项目支出."""
    table = ctx.table("05")
    assert table is not None
    yield from row_sums(ctx, table, "total", ("basic", "project"))


@rule(
    "F05-2",
    title="05: 合计 = Σ 类 = Σ 款 = Σ 项, per column",
    title_zh="05表 合计 = 各类之和，类 = 各款之和，款 = 各项之和",
    category=Category.ARITHMETIC,
    tables=("05",),
)
def general_budget_rollups(ctx: AuditContext) -> Iterator[Finding]:
    """In every column of 公开05表, the 功能分类 rows roll up to 合计."""
    table = ctx.table("05")
    assert table is not None
    yield from rollups(ctx, table, _columns(ctx, "05"))


@rule(
    "F08-1",
    title="08: per row, 本年支出小计 = 基本支出 + 项目支出",
    title_zh="08表 每行 本年支出小计 = 基本支出 + 项目支出",
    category=Category.ARITHMETIC,
    tables=("08",),
)
def gov_fund_row_totals(ctx: AuditContext) -> Iterator[Finding]:
    """In every row of 公开08表, 本年支出 小计 is 基本支出 plus 项目支出."""
    table = ctx.table("08")
    assert table is not None
    yield from row_sums(ctx, table, "expenditure", ("expenditure.basic", "expenditure.project"))


@rule(
    "F08-2",
    title="08: per row, 年初结转 + 本年收入 − 本年支出 = 年末结转",
    title_zh="08表 每行 年初结转和结余 + 本年收入 − 本年支出 = 年末结转和结余",
    category=Category.ARITHMETIC,
    tables=("08",),
    uncertain=True,
)
def gov_fund_carry_forward(ctx: AuditContext) -> Iterator[Finding]:
    """In every row of 公开08表, 年末结转和结余 is 年初结转和结余 plus 本年收入
    minus 本年支出.

    DOMAIN.md marks this standard carry-forward identity uncertain (🟡), as it
    was only seen with zeros. Switch it off with ``--ignore F08-2``."""
    table = ctx.table("08")
    assert table is not None
    yield from carry_forward(ctx, table)


@rule(
    "F08-3",
    title="08: 合计 = Σ 类 = Σ 款 = Σ 项, per column",
    title_zh="08表 合计 = 各类之和，类 = 各款之和，款 = 各项之和",
    category=Category.ARITHMETIC,
    tables=("08",),
)
def gov_fund_rollups(ctx: AuditContext) -> Iterator[Finding]:
    """In every column of 公开08表, the 功能分类 rows roll up to 合计."""
    table = ctx.table("08")
    assert table is not None
    yield from rollups(ctx, table, _columns(ctx, "08"))


@rule(
    "F09-1",
    title="09: per row, spending adds up (and carries forward)",
    title_zh="09表 每行 合计 = 基本支出 + 项目支出（收支表另加结转恒等式）",
    category=Category.ARITHMETIC,
    tables=("09",),
    uncertain=True,
)
def state_capital_rows(ctx: AuditContext) -> Iterator[Finding]:
    """In every row of 公开09表, 本年支出 合计 is 基本支出 plus 项目支出. In the
    收入支出 form of the table, 年末结转和结余 is also 年初结转和结余 plus 本年收入
    minus 本年支出.

    DOMAIN.md marks the shape of table 09 uncertain (🟡); switch the rule off
    with ``--ignore F09-1``."""
    table = ctx.table("09")
    assert table is not None
    if table.layout.name == "expenditure":
        yield from row_sums(ctx, table, "total", ("basic", "project"))
        return
    yield from row_sums(ctx, table, "expenditure", ("expenditure.basic", "expenditure.project"))
    yield from carry_forward(ctx, table)


@rule(
    "F09-2",
    title="09: 合计 = Σ 类 = Σ 款 = Σ 项, per column",
    title_zh="09表 合计 = 各类之和，类 = 各款之和，款 = 各项之和",
    category=Category.ARITHMETIC,
    tables=("09",),
)
def state_capital_rollups(ctx: AuditContext) -> Iterator[Finding]:
    """In every column of 公开09表, the 功能分类 rows roll up to 合计."""
    table = ctx.table("09")
    assert table is not None
    yield from rollups(ctx, table, _columns(ctx, "09"))

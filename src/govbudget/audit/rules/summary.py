"""Tables 01 and 04: the balance identities of the two-sided summaries."""

from __future__ import annotations

from collections.abc import Iterator

from govbudget.audit.context import AuditContext
from govbudget.audit.registry import rule
from govbudget.audit.rules._helpers import figures, present
from govbudget.findings import Category, Finding
from govbudget.tables import AppropriationSummary


def _table_04(ctx: AuditContext) -> AppropriationSummary:
    """Table 04, which the rules asking for it are only run with."""
    t04 = ctx.table("04")
    assert isinstance(t04, AppropriationSummary)
    return t04


_INCOME_SOURCES_01 = (
    "appropriation",
    "general_budget_appropriation",
    "gov_fund_appropriation",
    "state_capital_appropriation",
    "higher_level_subsidy",
    "service_revenue",
    "operating_revenue",
    "subsidiary_remittance",
    "other_revenue",
)


@rule(
    "F01-1",
    title="01: income 总计 = 本年收入合计 + balance used + 年初结转和结余",
    title_zh=(
        "01表 收入总计 = 本年收入合计 + 用事业基金弥补收支差额/使用非财政拨款结余 + 年初结转和结余"
    ),
    category=Category.ARITHMETIC,
    tables=("01",),
)
def income_grand_total(ctx: AuditContext) -> Iterator[Finding]:
    """The income side of 公开01表 closes: 总计 is 本年收入合计 plus the balance
    used (用事业基金弥补收支差额 until 2018, 使用非财政拨款结余 from 2019) plus
    年初结转和结余."""
    t01 = ctx.table("01")
    yield from present(
        ctx.check_sum(
            ctx.figure(t01, "income_grand_total", "amount"),
            figures(
                ctx,
                t01,
                (
                    "income_total",
                    "fund_balance_used",
                    "non_appropriation_balance_used",
                    "opening_balance",
                ),
                "amount",
            ),
        )
    )


@rule(
    "F01-2",
    title="01: expenditure 总计 = 本年支出合计 + 结余分配 + 年末结转和结余",
    title_zh="01表 支出总计 = 本年支出合计 + 结余分配 + 年末结转和结余",
    category=Category.ARITHMETIC,
    tables=("01",),
)
def expenditure_grand_total(ctx: AuditContext) -> Iterator[Finding]:
    """The expenditure side of 公开01表 closes: 总计 is 本年支出合计 plus 结余分配
    plus 年末结转和结余."""
    t01 = ctx.table("01")
    yield from present(
        ctx.check_sum(
            ctx.figure(t01, "expenditure_grand_total", "amount"),
            figures(
                ctx, t01, ("expenditure_total", "surplus_distribution", "closing_balance"), "amount"
            ),
        )
    )


@rule(
    "F01-3",
    title="01: income 总计 = expenditure 总计",
    title_zh="01表 收入总计 = 支出总计",
    category=Category.ARITHMETIC,
    tables=("01",),
)
def grand_totals_balance(ctx: AuditContext) -> Iterator[Finding]:
    """Both sides of 公开01表 end on the same 总计."""
    t01 = ctx.table("01")
    yield from present(
        ctx.check_equal(
            ctx.figure(t01, "expenditure_grand_total", "amount"),
            ctx.figure(t01, "income_grand_total", "amount"),
        )
    )


@rule(
    "F01-4",
    title="01: 本年收入合计 = Σ income sources; 本年支出合计 = Σ 类 rows",
    title_zh="01表 本年收入合计 = 各收入来源之和；本年支出合计 = 各类支出之和",
    category=Category.ARITHMETIC,
    tables=("01",),
)
def current_year_totals(ctx: AuditContext) -> Iterator[Finding]:
    """本年收入合计 is the sum of the income-source rows (and of any figure
    printed in the unlabelled filler rows of the income side); 本年支出合计 is
    the sum of the 功能分类 类 rows. The "其中" row under 财政拨款收入 is a
    breakdown and is not added."""
    t01 = ctx.table("01")
    assert t01 is not None
    income = [
        ctx.figure_of(t01, row, "amount")
        for row in t01.rows
        if row.key in _INCOME_SOURCES_01 or (row.is_filler and row.side == "income")
    ]
    spending = [ctx.figure_of(t01, row, "amount") for row in t01.coded_rows()]
    yield from present(
        ctx.check_sum(ctx.figure(t01, "income_total", "amount"), income),
        ctx.check_sum(ctx.figure(t01, "expenditure_total", "amount"), spending),
    )


@rule(
    "F04-1",
    title="04: income side: 总计, 本年收入合计 and 年初结转 add up",
    title_zh="04表 收入方：总计 = 本年收入合计 + 年初财政拨款结转和结余；各项相加",
    category=Category.ARITHMETIC,
    tables=("04",),
)
def appropriation_income_side(ctx: AuditContext) -> Iterator[Finding]:
    """On the income side of 公开04表: 总计 = 本年收入合计 + 年初财政拨款结转和结余;
    本年收入合计 = the sum of the fund rows; 年初财政拨款结转和结余 = the sum of
    its per-fund rows."""
    t04 = _table_04(ctx)
    funds = t04.funds
    yield from present(
        ctx.check_sum(
            ctx.figure(t04, "income_grand_total", "amount"),
            figures(ctx, t04, ("income_total", "opening_balance"), "amount"),
        ),
        ctx.check_sum(
            ctx.figure(t04, "income_total", "amount"), figures(ctx, t04, funds, "amount")
        ),
        ctx.check_sum(
            ctx.figure(t04, "opening_balance", "amount"),
            figures(ctx, t04, [f"opening_balance.{fund}" for fund in funds], "amount"),
        ),
    )


@rule(
    "F04-2",
    title="04: expenditure 总计 = 本年支出合计 + 年末结转; both 总计 equal",
    title_zh="04表 支出总计 = 本年支出合计 + 年末财政拨款结转和结余；收支总计相等",
    category=Category.ARITHMETIC,
    tables=("04",),
)
def appropriation_expenditure_side(ctx: AuditContext) -> Iterator[Finding]:
    """On the expenditure side of 公开04表, in every column: 总计 = 本年支出合计 +
    年末财政拨款结转和结余, and 本年支出合计 = the sum of the 类 rows. The two
    总计 (合计 column) are equal."""
    t04 = _table_04(ctx)
    for column in t04.layout.side("expenditure").columns:
        yield from present(
            ctx.check_sum(
                ctx.figure(t04, "expenditure_grand_total", column.id),
                figures(ctx, t04, ("expenditure_total", "closing_balance"), column.id),
            )
        )
    categories = t04.coded_rows()
    for column in t04.layout.side("expenditure").columns:
        yield from present(
            ctx.check_sum(
                ctx.figure(t04, "expenditure_total", column.id),
                [ctx.figure_of(t04, row, column.id) for row in categories],
                what_zh="各类支出之和",
                what_en="the sum of the 类 rows",
            )
        )
    yield from present(
        ctx.check_equal(
            ctx.figure(t04, "expenditure_grand_total", "total"),
            ctx.figure(t04, "income_grand_total", "amount"),
        )
    )


@rule(
    "F04-3",
    title="04: per row, 合计 = Σ fund columns",
    title_zh="04表 每行 合计 = 各资金列之和",
    category=Category.ARITHMETIC,
    tables=("04",),
)
def appropriation_row_totals(ctx: AuditContext) -> Iterator[Finding]:
    """In every expenditure row of 公开04表, 合计 is the sum of the fund columns
    (一般公共预算, 政府性基金预算, and from 2021 国有资本经营预算)."""
    t04 = _table_04(ctx)
    funds = t04.funds
    for row in t04.rows:
        yield from present(
            ctx.check_sum(
                ctx.figure_of(t04, row, "total"),
                [ctx.figure_of(t04, row, fund) for fund in funds],
                what_zh="各资金列之和",
                what_en="the sum of the fund columns",
            )
        )


@rule(
    "F04-4",
    title="04: per fund, income + opening = spending + closing",
    title_zh="04表 分资金：本年收入 + 年初结转和结余 = 本年支出 + 年末结转和结余",
    category=Category.ARITHMETIC,
    tables=("04",),
    uncertain=True,
)
def appropriation_fund_balance(ctx: AuditContext) -> Iterator[Finding]:
    """For each fund in 公开04表: its 本年收入 plus its 年初结转和结余 equals its
    本年支出 plus its 年末结转和结余.

    DOMAIN.md marks this carry-forward identity uncertain (🟡): it holds in the
    sample but is not confirmed from a national rule. Switch it off with
    ``--ignore F04-4``."""
    t04 = _table_04(ctx)
    funds = t04.funds
    for fund in funds:
        yield from present(
            ctx.check_sum(
                ctx.figure(t04, "expenditure_total", fund),
                [
                    ctx.figure(t04, fund, "amount"),
                    ctx.figure(t04, f"opening_balance.{fund}", "amount"),
                ],
                minus=[ctx.figure(t04, "closing_balance", fund)],
                what_zh="本年收入 + 年初结转 − 年末结转",
                what_en="income + opening balance − closing balance",
            )
        )

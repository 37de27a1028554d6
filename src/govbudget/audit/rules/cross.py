"""Across tables: the same quantity printed in two places (DOMAIN §4.2)."""

from __future__ import annotations

from collections.abc import Iterator

from govbudget.amounts import Amount
from govbudget.audit.context import AuditContext
from govbudget.audit.registry import rule
from govbudget.audit.rules._helpers import present
from govbudget.findings import Category, Finding

_T01_TO_T02 = (
    ("higher_level_subsidy", "higher_level_subsidy"),
    ("service_revenue", "service_revenue"),
    ("operating_revenue", "operating_revenue"),
    ("subsidiary_remittance", "subsidiary_remittance"),
    ("other_revenue", "other_revenue"),
)
_FUND_ROWS_01 = (
    "general_budget_appropriation",
    "gov_fund_appropriation",
    "state_capital_appropriation",
)


@rule(
    "X-1",
    title="01 ↔ 02: income totals and each source",
    title_zh="01表与02表：本年收入合计及各收入来源一致",
    category=Category.CROSS_TABLE,
    tables=("01", "02"),
)
def income_01_02(ctx: AuditContext) -> Iterator[Finding]:
    """本年收入合计 of 公开01表 equals the 合计 row of 公开02表, and each income
    source of 01 equals the total of its column in 02 (from 2019 the fund
    rows of 01 add up to 02's 财政拨款收入)."""
    t01, t02 = ctx.table("01"), ctx.table("02")
    yield from present(
        ctx.check_equal(
            ctx.figure(t02, "total", "total"), ctx.figure(t01, "income_total", "amount")
        )
    )
    for key_01, column in (("appropriation", "appropriation"), *_T01_TO_T02):
        yield from present(
            ctx.check_equal(ctx.figure(t02, "total", column), ctx.figure(t01, key_01, "amount"))
        )
    yield from present(
        ctx.check_sum(
            ctx.figure(t02, "total", "appropriation"),
            [ctx.figure(t01, key, "amount") for key in _FUND_ROWS_01],
            what_zh="01表各财政拨款收入之和",
            what_en="the sum of table 01's appropriation rows",
        )
    )


@rule(
    "X-2",
    title="01 ↔ 03: spending totals and each 类",
    title_zh="01表与03表：本年支出合计及各类支出一致",
    category=Category.CROSS_TABLE,
    tables=("01", "03"),
)
def expenditure_01_03(ctx: AuditContext) -> Iterator[Finding]:
    """本年支出合计 of 公开01表 equals the 合计 row of 公开03表, and each 类 row
    of 01 equals the 类 row of 03 (where 03 prints it)."""
    t01, t03 = ctx.table("01"), ctx.table("03")
    assert t01 is not None
    yield from present(
        ctx.check_equal(
            ctx.figure(t03, "total", "total"), ctx.figure(t01, "expenditure_total", "amount")
        )
    )
    for row in t01.coded_rows():
        yield from present(
            ctx.check_equal(ctx.figure(t03, row.key, "total"), ctx.figure_of(t01, row, "amount"))
        )


@rule(
    "X-3",
    title="02/01 ↔ 04: appropriation income",
    title_zh="02表/01表与04表：财政拨款收入一致",
    category=Category.CROSS_TABLE,
    tables=("04",),
)
def appropriation_income(ctx: AuditContext) -> Iterator[Finding]:
    """本年收入合计 of 公开04表 equals the 财政拨款收入 of 公开02表 and of 公开01表
    (the single row until 2018, the sum of the fund rows from 2019); each
    fund's income in 04 equals the matching fund row of 01."""
    t01, t02, t04 = ctx.table("01"), ctx.table("02"), ctx.table("04")
    income_04 = ctx.figure(t04, "income_total", "amount")
    yield from present(
        ctx.check_equal(income_04, ctx.figure(t02, "total", "appropriation")),
        ctx.check_equal(income_04, ctx.figure(t01, "appropriation", "amount")),
        ctx.check_sum(
            income_04,
            [ctx.figure(t01, key, "amount") for key in _FUND_ROWS_01],
            what_zh="01表各财政拨款收入之和",
            what_en="the sum of table 01's appropriation rows",
        ),
        ctx.check_equal(
            ctx.figure(t04, "general_budget", "amount"),
            ctx.figure(t01, "general_budget_appropriation", "amount"),
        ),
        ctx.check_equal(
            ctx.figure(t04, "gov_fund", "amount"),
            ctx.figure(t01, "gov_fund_appropriation", "amount"),
        ),
    )


@rule(
    "X-4",
    title="04 ↔ 05: general-budget spending, total and per 类",
    title_zh="04表与05表：一般公共预算财政拨款支出合计及各类一致",
    category=Category.CROSS_TABLE,
    tables=("04", "05"),
)
def general_budget_04_05(ctx: AuditContext) -> Iterator[Finding]:
    """The 合计 row of 公开05表 equals 本年支出合计 in the 一般公共预算 column of
    公开04表, and each 类 row of 05 equals that column's 类 row in 04."""
    t04, t05 = ctx.table("04"), ctx.table("05")
    assert t05 is not None
    yield from present(
        ctx.check_equal(
            ctx.figure(t05, "total", "total"),
            ctx.figure(t04, "expenditure_total", "general_budget"),
        )
    )
    for row in t05.coded_rows():
        if len(row.key) == 3:
            yield from present(
                ctx.check_equal(
                    ctx.figure_of(t05, row, "total"), ctx.figure(t04, row.key, "general_budget")
                )
            )


@rule(
    "X-5",
    title="05 ↔ 06: 基本支出 = 人员经费合计 + 公用经费合计",
    title_zh="05表与06表：基本支出 = 人员经费合计 + 公用经费合计",
    category=Category.CROSS_TABLE,
    tables=("05", "06"),
)
def basic_05_06(ctx: AuditContext) -> Iterator[Finding]:
    """基本支出 in the 合计 row of 公开05表 equals 人员经费合计 plus 公用经费合计
    of 公开06表."""
    t05, t06 = ctx.table("05"), ctx.table("06")
    yield from present(
        ctx.check_sum(
            ctx.figure(t05, "total", "basic"),
            [
                ctx.figure(t06, "personnel_total", "amount"),
                ctx.figure(t06, "public_total", "amount"),
            ],
            what_zh="06表人员经费合计与公用经费合计之和",
            what_en="table 06's personnel plus public costs",
        )
    )


@rule(
    "X-6",
    title="04 ↔ 08: government-fund income, spending and balances",
    title_zh="04表与08表：政府性基金收入、支出及结转一致",
    category=Category.CROSS_TABLE,
    tables=("04", "08"),
    uncertain=True,
)
def gov_fund_04_08(ctx: AuditContext) -> Iterator[Finding]:
    """The 合计 row of 公开08表 agrees with the 政府性基金预算 figures of 公开04表:
    本年支出 with its column's 本年支出合计, 本年收入 with its income row,
    年初/年末结转和结余 with its balance rows.

    DOMAIN.md marks this uncertain (🟡); switch it off with ``--ignore X-6``."""
    t04, t08 = ctx.table("04"), ctx.table("08")
    yield from present(
        ctx.check_equal(
            ctx.figure(t08, "total", "expenditure"),
            ctx.figure(t04, "expenditure_total", "gov_fund"),
        ),
        ctx.check_equal(ctx.figure(t08, "total", "income"), ctx.figure(t04, "gov_fund", "amount")),
        ctx.check_equal(
            ctx.figure(t08, "total", "opening_balance"),
            ctx.figure(t04, "opening_balance.gov_fund", "amount"),
        ),
        ctx.check_equal(
            ctx.figure(t08, "total", "closing_balance"),
            ctx.figure(t04, "closing_balance", "gov_fund"),
        ),
    )


@rule(
    "X-7",
    title="04 ↔ 09: state-capital spending",
    title_zh="04表与09表：国有资本经营预算财政拨款支出一致",
    category=Category.CROSS_TABLE,
    tables=("04", "09"),
    uncertain=True,
)
def state_capital_04_09(ctx: AuditContext) -> Iterator[Finding]:
    """The 合计 of 公开09表 equals 本年支出合计 in the 国有资本经营预算 column of
    公开04表 (from 2021).

    DOMAIN.md marks this uncertain (🟡); switch it off with ``--ignore X-7``."""
    t04, t09 = ctx.table("04"), ctx.table("09")
    assert t09 is not None
    column = "total" if t09.layout.name == "expenditure" else "expenditure"
    yield from present(
        ctx.check_equal(
            ctx.figure(t09, "total", column), ctx.figure(t04, "expenditure_total", "state_capital")
        )
    )


@rule(
    "X-8",
    title="appropriations ⊆ all funds: 05 ≤ 03, 04 ≤ 01",
    title_zh="财政拨款不超过全部资金：05表 ≤ 03表，04表 ≤ 01表",
    category=Category.CROSS_TABLE,
    tables=("01",),
    uncertain=True,
)
def appropriation_within_all_funds(ctx: AuditContext) -> Iterator[Finding]:
    """Money from appropriations is part of all money: 基本支出 and 项目支出 of
    each row of 公开05表 are at most those of 公开03表, and 本年支出合计 of
    公开04表 is at most that of 公开01表. Only an excess is reported.

    DOMAIN.md derives this from the definitions (🟡); switch it off with
    ``--ignore X-8``."""
    t01, t03, t04, t05 = (ctx.table(t) for t in ("01", "03", "04", "05"))
    if t05 is not None and t03 is not None:
        for row in t05.rows:
            other = ctx.row(t03, row.key)
            if other is None:
                continue
            for column in ("basic", "project"):
                smaller, larger = row.cells.get(column), other.cells.get(column)
                # Most rows are well inside: skip building figures for them.
                if (
                    isinstance(smaller, Amount)
                    and isinstance(larger, Amount)
                    and smaller.value <= larger.value
                ):
                    continue
                yield from present(
                    ctx.check_at_most(
                        ctx.figure_of(t05, row, column), ctx.figure_of(t03, other, column)
                    )
                )
    yield from present(
        ctx.check_at_most(
            ctx.figure(t04, "expenditure_total", "total"),
            ctx.figure(t01, "expenditure_total", "amount"),
        )
    )


@rule(
    "X-9",
    title="06 ≤ 07: each 三公 item's basic spending is at most its 决算数",
    title_zh="06表三公相关科目不超过07表决算数",
    category=Category.CROSS_TABLE,
    tables=("06", "07"),
)
def sangong_06_07(ctx: AuditContext) -> Iterator[Finding]:
    """The basic-expenditure part of each “三公” item in 公开06表 cannot exceed
    the item's 决算数 in 公开07表, which also includes project spending:
    30212 ≤ 因公出国（境）费; 31013 (+ 30913) ≤ 公务用车购置费;
    30231 ≤ 公务用车运行费; 30217 ≤ 公务接待费. Less is normal and not reported;
    the 07 合计 is never compared with an economic total."""
    t06, t07 = ctx.table("06"), ctx.table("07")
    pairs = (
        ("30212", (), "outbound"),
        ("31013", ("30913",), "vehicle_purchase"),
        ("30231", (), "vehicle_operation"),
        ("30217", (), "reception"),
    )
    for code, extra, column in pairs:
        yield from present(
            ctx.check_at_most(
                ctx.figure(t06, code, "amount"),
                ctx.figure(t07, "amounts", f"actual.{column}"),
                extra=[ctx.figure(t06, other, "amount") for other in extra],
            )
        )

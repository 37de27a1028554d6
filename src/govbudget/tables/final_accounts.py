"""The tables of a final-accounts disclosure (部门决算公开表 01–09).

One class per table; each fixes its table id and adds accessors for the
rows and columns the table is about. The layout decides the rest.
"""

from __future__ import annotations

from govbudget.amounts import Amount
from govbudget.tables.base import Row, Table

__all__ = [
    "FINAL_ACCOUNTS_TABLES",
    "AppropriationSummary",
    "ExpenditureTable",
    "GeneralBudgetBasicExpenditure",
    "GeneralBudgetExpenditure",
    "GovFundTable",
    "IncomeExpenditureSummary",
    "IncomeTable",
    "StateCapitalTable",
    "ThreePublicExpenses",
]


class IncomeExpenditureSummary(Table):
    """公开01表 收入支出决算总表: all income and spending, two-sided.

    Income side: the sources of funds, 本年收入合计, the balance used
    (用事业基金弥补收支差额 until 2018, 使用非财政拨款结余 from 2019),
    年初结转和结余 and 总计. Expenditure side: one row per 功能分类 类,
    本年支出合计, 结余分配, 年末结转和结余 and 总计.
    """

    table_id = "01"
    title_zh = "收入支出决算总表"

    def income_rows(self) -> list[Row]:
        """Rows on the income side, in print order."""
        return [row for row in self.rows if (s := self.side_of(row)) and s.name == "income"]

    def expenditure_rows(self) -> list[Row]:
        """Rows on the expenditure side, in print order."""
        return [row for row in self.rows if (s := self.side_of(row)) and s.name == "expenditure"]


class IncomeTable(Table):
    """公开02表 收入决算表: income by 功能分类 and by source of funds."""

    table_id = "02"
    title_zh = "收入决算表"


class ExpenditureTable(Table):
    """公开03表 支出决算表: spending by 功能分类, basic and project."""

    table_id = "03"
    title_zh = "支出决算表"


class AppropriationSummary(Table):
    """公开04表 财政拨款收入支出决算总表: appropriations by fund, two-sided.

    Income side: each fund's appropriation, 本年收入合计, 年初财政拨款结转和结余
    with one row per fund, and 总计. Expenditure side: one row per 功能分类 类
    with a column per fund and 合计, then 本年支出合计, 年末财政拨款结转和结余
    and 总计.
    """

    table_id = "04"
    title_zh = "财政拨款收入支出决算总表"

    @property
    def funds(self) -> tuple[str, ...]:
        """The fund columns of this layout (``general_budget``, ``gov_fund``…)."""
        side = self.layout.side("expenditure")
        return tuple(column.id for column in side.columns if column.id != "total")


class GeneralBudgetExpenditure(Table):
    """公开05表 一般公共预算财政拨款支出决算表: by 功能分类 down to 项."""

    table_id = "05"
    title_zh = "一般公共预算财政拨款支出决算表"


class GeneralBudgetBasicExpenditure(Table):
    """公开06表 一般公共预算财政拨款基本支出决算表: by 部门经济分类 类 and 款.

    Printed in three lanes side by side; the lanes are a matter of layout,
    so rows are kept in code order and the renderer puts them in lanes.
    The footer holds 人员经费合计 (personnel costs) and 公用经费合计
    (public costs).
    """

    table_id = "06"
    title_zh = "一般公共预算财政拨款基本支出决算表"

    @property
    def personnel_total(self) -> Amount | None:
        """人员经费合计, as printed."""
        return self.amount("personnel_total", "amount")

    @property
    def public_total(self) -> Amount | None:
        """公用经费合计, as printed."""
        return self.amount("public_total", "amount")


class ThreePublicExpenses(Table):
    """公开07表 一般公共预算财政拨款“三公”经费支出决算表.

    One row of twelve figures: for 预算数 (``budget.*``) and 决算数
    (``actual.*``) each, 合计, 因公出国（境）费, 公务用车购置及运行费 with its
    小计, 购置费 and 运行费, and 公务接待费.
    """

    table_id = "07"
    title_zh = "一般公共预算财政拨款“三公”经费支出决算表"

    def figure(self, stage: str, item: str) -> Amount | None:
        """One figure: ``stage`` is ``"budget"`` or ``"actual"``; ``item`` a column
        suffix such as ``"total"`` or ``"vehicle_purchase"``."""
        return self.amount("amounts", f"{stage}.{item}")


class GovFundTable(Table):
    """公开08表 政府性基金预算财政拨款收入支出决算表."""

    table_id = "08"
    title_zh = "政府性基金预算财政拨款收入支出决算表"


class StateCapitalTable(Table):
    """公开09表 国有资本经营预算财政拨款(收入)支出决算表 (from 2021; some 2019–2020)."""

    table_id = "09"
    title_zh = "国有资本经营预算财政拨款支出决算表"


FINAL_ACCOUNTS_TABLES: dict[str, type[Table]] = {
    cls.table_id: cls
    for cls in (
        IncomeExpenditureSummary,
        IncomeTable,
        ExpenditureTable,
        AppropriationSummary,
        GeneralBudgetExpenditure,
        GeneralBudgetBasicExpenditure,
        ThreePublicExpenses,
        GovFundTable,
        StateCapitalTable,
    )
}
"""Table class by table id."""

"""Disclosure tables: rows, layouts and the nine final-accounts tables."""

from govbudget.tables.base import Row, RowNotFoundError, Table
from govbudget.tables.final_accounts import (
    FINAL_ACCOUNTS_TABLES,
    AppropriationSummary,
    ExpenditureTable,
    GeneralBudgetBasicExpenditure,
    GeneralBudgetExpenditure,
    GovFundTable,
    IncomeExpenditureSummary,
    IncomeTable,
    StateCapitalTable,
    ThreePublicExpenses,
)
from govbudget.tables.layouts import (
    ColumnSpec,
    RowSpec,
    SideLayout,
    TableLayout,
    layout_for,
    layouts_of,
)

__all__ = [
    "FINAL_ACCOUNTS_TABLES",
    "AppropriationSummary",
    "ColumnSpec",
    "ExpenditureTable",
    "GeneralBudgetBasicExpenditure",
    "GeneralBudgetExpenditure",
    "GovFundTable",
    "IncomeExpenditureSummary",
    "IncomeTable",
    "Row",
    "RowNotFoundError",
    "RowSpec",
    "SideLayout",
    "StateCapitalTable",
    "Table",
    "TableLayout",
    "ThreePublicExpenses",
    "layout_for",
    "layouts_of",
]

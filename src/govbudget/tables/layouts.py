"""Table layouts as data: which columns and fixed rows a table has, per year.

A layout names the columns of each side of a table and the rows that are
not classification codes (totals, income sources, balances). Layouts change
between years (DOMAIN §2–§3): the 2016–2018 总表 has one 财政拨款收入 row and
用事业基金弥补收支差额; from 2019 income is split by fund and the balance row
reads 使用非财政拨款结余; from 2021 the 国有资本经营预算 column and table
appear. One table class serves every layout; a layout the registry does not
know is an error, never a guess.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

import attrs

from govbudget.codes import Level, Scheme
from govbudget.errors import LayoutError
from govbudget.location import Location

__all__ = [
    "ColumnSpec",
    "RowSpec",
    "SideLayout",
    "TableLayout",
    "layout_for",
    "layouts_of",
]


@attrs.frozen
class ColumnSpec:
    """A column: its id, its header as printed, and the headers above it.

    Attributes:
        id: Stable English id (``"basic"`` for 基本支出).
        label: The header cell as the official table prints it.
        groups: Headers spanning this column from the top down, for
            two-level headers (07: 决算数 › 公务用车购置及运行费 › 购置费).
    """

    id: str
    label: str
    groups: tuple[str, ...] = ()


@attrs.frozen
class RowSpec:
    """A row that is not a classification code.

    Attributes:
        id: Stable English id (``"income_total"`` for 本年收入合计).
        label: The label as the official table prints it.
        optional: Whether a table of this layout may leave the row out.
        aliases: Other printed labels for the same row.
    """

    id: str
    label: str
    optional: bool = False
    aliases: tuple[str, ...] = ()


@attrs.frozen
class SideLayout:
    """One side of a table: its columns, fixed rows and coded rows.

    Single-sided tables have one side named ``"main"``; the two-sided summary
    tables 01 and 04 have ``"income"`` and ``"expenditure"``.

    Attributes:
        name: ``"main"``, ``"income"`` or ``"expenditure"``.
        columns: The amount columns.
        rows: The fixed rows, in print order.
        scheme: The classification of the coded rows, if any.
        deepest: The lowest level coded rows may have.
    """

    name: str
    columns: tuple[ColumnSpec, ...]
    rows: tuple[RowSpec, ...] = ()
    scheme: Scheme | None = None
    deepest: Level = Level.ITEM

    @functools.cached_property
    def column_ids(self) -> frozenset[str]:
        """The ids of this side's columns."""
        return frozenset(column.id for column in self.columns)

    def column(self, column_id: str) -> ColumnSpec | None:
        """The column with this id, if the side has one."""
        return next((c for c in self.columns if c.id == column_id), None)

    def row(self, row_id: str) -> RowSpec | None:
        """The fixed row with this id, if the side has one."""
        return next((r for r in self.rows if r.id == row_id), None)


@attrs.frozen
class TableLayout:
    """Everything about the shape of one table in a range of years.

    Attributes:
        table_id: ``"01"`` … ``"09"``.
        name: The layout's name, used in JSON (``"2016"``, ``"2019"``…).
        title: The official title.
        sides: One or two sides.
        valid_from: First fiscal year the layout is used.
        valid_to: Last fiscal year, ``None`` if still current.
        note: What distinguishes the layout, for the docs.
    """

    table_id: str
    name: str
    title: str
    sides: tuple[SideLayout, ...]
    valid_from: int
    valid_to: int | None = None
    note: str = ""

    def side(self, name: str) -> SideLayout:
        """The side with this name.

        Raises:
            LayoutError: if the layout has no such side.
        """
        for side in self.sides:
            if side.name == name:
                return side
        raise LayoutError(f"layout {self.name} of table {self.table_id} has no side {name!r}")

    @functools.cached_property
    def _fixed_sides(self) -> dict[str, SideLayout]:
        return {spec.id: side for side in self.sides for spec in side.rows}

    def side_of_row(self, key: str) -> SideLayout | None:
        """The side a row key belongs to: a fixed row's side, or the coded side."""
        fixed = self._fixed_sides.get(key)
        if fixed is not None:
            return fixed
        if key.isdigit():
            for side in self.sides:
                if side.scheme is not None and Scheme.of_digits(key) is side.scheme:
                    return side
        return None

    def covers(self, year: int) -> bool:
        """Whether the layout is the one in use in fiscal ``year``."""
        return self.valid_from <= year and (self.valid_to is None or year <= self.valid_to)


def _cols(*pairs: tuple[str, str]) -> tuple[ColumnSpec, ...]:
    return tuple(ColumnSpec(column_id, label) for column_id, label in pairs)


def _rows(*specs: tuple[str, str] | RowSpec) -> tuple[RowSpec, ...]:
    return tuple(spec if isinstance(spec, RowSpec) else RowSpec(*spec) for spec in specs)


_AMOUNT = _cols(("amount", "决算数"))
_TOTAL_ROW = _rows(("total", "合计"))

_EXPENDITURE_01 = SideLayout(
    "expenditure",
    _AMOUNT,
    _rows(
        ("expenditure_total", "本年支出合计"),
        ("surplus_distribution", "结余分配"),
        ("closing_balance", "年末结转和结余"),
        ("expenditure_grand_total", "总计"),
    ),
    scheme=Scheme.FUNCTIONAL,
    deepest=Level.CATEGORY,
)

_SOURCES_TAIL = (
    ("higher_level_subsidy", "上级补助收入"),
    ("service_revenue", "事业收入"),
    ("operating_revenue", "经营收入"),
    ("subsidiary_remittance", "附属单位上缴收入"),
    ("other_revenue", "其他收入"),
)

T01_2016 = TableLayout(
    "01",
    "2016",
    "收入支出决算总表",
    (
        SideLayout(
            "income",
            _AMOUNT,
            _rows(
                ("appropriation", "财政拨款收入"),
                RowSpec("appropriation_gov_fund", "其中：政府性基金预算财政拨款", optional=True),
                *_SOURCES_TAIL,
                ("income_total", "本年收入合计"),
                ("fund_balance_used", "用事业基金弥补收支差额"),
                ("opening_balance", "年初结转和结余"),
                ("income_grand_total", "总计"),
            ),
        ),
        _EXPENDITURE_01,
    ),
    valid_from=2016,
    valid_to=2018,
    note="one 财政拨款收入 row; 用事业基金弥补收支差额",
)

T01_2019 = TableLayout(
    "01",
    "2019",
    "收入支出决算总表",
    (
        SideLayout(
            "income",
            _AMOUNT,
            _rows(
                ("general_budget_appropriation", "一般公共预算财政拨款收入"),
                ("gov_fund_appropriation", "政府性基金预算财政拨款收入"),
                RowSpec(
                    "state_capital_appropriation", "国有资本经营预算财政拨款收入", optional=True
                ),
                *_SOURCES_TAIL,
                ("income_total", "本年收入合计"),
                RowSpec(
                    "non_appropriation_balance_used",
                    "使用非财政拨款结余",
                    aliases=("使用非财政拨款结余(含专用结余)",),
                ),
                RowSpec("opening_balance", "年初结转和结余", aliases=("上年结转和结余",)),
                ("income_grand_total", "总计"),
            ),
        ),
        _EXPENDITURE_01,
    ),
    valid_from=2019,
    note="income split by fund; 使用非财政拨款结余",
)

_T02_COLUMNS = _cols(("total", "本年收入合计"), ("appropriation", "财政拨款收入"), *_SOURCES_TAIL)
T02 = TableLayout(
    "02",
    "2016",
    "收入决算表",
    (SideLayout("main", _T02_COLUMNS, _TOTAL_ROW, scheme=Scheme.FUNCTIONAL),),
    valid_from=2016,
)

_T03_COLUMNS = _cols(
    ("total", "本年支出合计"),
    ("basic", "基本支出"),
    ("project", "项目支出"),
    ("remittance_to_higher", "上缴上级支出"),
    ("operating", "经营支出"),
    ("subsidy_to_subsidiaries", "对附属单位补助支出"),
)
T03 = TableLayout(
    "03",
    "2016",
    "支出决算表",
    (SideLayout("main", _T03_COLUMNS, _TOTAL_ROW, scheme=Scheme.FUNCTIONAL),),
    valid_from=2016,
)


def _t04(
    name: str, valid_from: int, valid_to: int | None, funds: Iterable[tuple[str, str]]
) -> TableLayout:
    funds = tuple(funds)
    income_rows = [RowSpec(fund, f"{label}财政拨款") for fund, label in funds]
    income_rows.append(RowSpec("income_total", "本年收入合计"))
    income_rows.append(RowSpec("opening_balance", "年初财政拨款结转和结余"))
    income_rows += [RowSpec(f"opening_balance.{fund}", f"{label}财政拨款") for fund, label in funds]
    income_rows.append(RowSpec("income_grand_total", "总计"))
    columns = _cols(("total", "合计"), *((fund, f"{label}财政拨款") for fund, label in funds))
    return TableLayout(
        "04",
        name,
        "财政拨款收入支出决算总表",
        (
            SideLayout("income", _cols(("amount", "金额")), tuple(income_rows)),
            SideLayout(
                "expenditure",
                columns,
                _rows(
                    ("expenditure_total", "本年支出合计"),
                    ("closing_balance", "年末财政拨款结转和结余"),
                    ("expenditure_grand_total", "总计"),
                ),
                scheme=Scheme.FUNCTIONAL,
                deepest=Level.CATEGORY,
            ),
        ),
        valid_from=valid_from,
        valid_to=valid_to,
        note=f"funds: {', '.join(label for _, label in funds)}",
    )


_TWO_FUNDS = (("general_budget", "一般公共预算"), ("gov_fund", "政府性基金预算"))
T04_2016 = _t04("2016", 2016, 2020, _TWO_FUNDS)
T04_2021 = _t04("2021", 2021, None, (*_TWO_FUNDS, ("state_capital", "国有资本经营预算")))

_SPENT = (("total", "小计"), ("basic", "基本支出"), ("project", "项目支出"))
T05 = TableLayout(
    "05",
    "2016",
    "一般公共预算财政拨款支出决算表",
    (
        SideLayout(
            "main",
            tuple(ColumnSpec(c, label, ("本年支出",)) for c, label in _SPENT),
            _TOTAL_ROW,
            scheme=Scheme.FUNCTIONAL,
        ),
    ),
    valid_from=2016,
)
T05_WITH_BUDGET = TableLayout(
    "05",
    "2019-budget",
    "一般公共预算财政拨款支出决算表",
    (
        SideLayout(
            "main",
            (
                ColumnSpec("opening_budget", "年初预算数"),
                ColumnSpec("adjusted_budget", "调整预算数"),
                *(ColumnSpec(c, label, ("本年支出",)) for c, label in _SPENT),
            ),
            _TOTAL_ROW,
            scheme=Scheme.FUNCTIONAL,
        ),
    ),
    valid_from=2019,
    note="regional variant with 年初预算数 and 调整预算数 beside the spending",
)

T06 = TableLayout(
    "06",
    "2016",
    "一般公共预算财政拨款基本支出决算表",
    (
        SideLayout(
            "main",
            _AMOUNT,
            _rows(("personnel_total", "人员经费合计"), ("public_total", "公用经费合计")),
            scheme=Scheme.DEPT_ECONOMIC,
            deepest=Level.SECTION,
        ),
    ),
    valid_from=2016,
)

_SANGONG = (
    ("total", "合计", ()),
    ("outbound", "因公出国（境）费", ()),
    ("vehicles", "小计", ("公务用车购置及运行费",)),
    ("vehicle_purchase", "公务用车购置费", ("公务用车购置及运行费",)),
    ("vehicle_operation", "公务用车运行费", ("公务用车购置及运行费",)),
    ("reception", "公务接待费", ()),
)
T07 = TableLayout(
    "07",
    "2016",
    "一般公共预算财政拨款“三公”经费支出决算表",
    (
        SideLayout(
            "main",
            tuple(
                ColumnSpec(f"{stage}.{column}", label, (stage_label, *groups))
                for stage, stage_label in (("budget", "预算数"), ("actual", "决算数"))
                for column, label, groups in _SANGONG
            ),
            _rows(("amounts", "")),
        ),
    ),
    valid_from=2016,
)

_FUND_COLUMNS = (
    ColumnSpec("opening_balance", "年初结转和结余"),
    ColumnSpec("income", "本年收入"),
    *(
        ColumnSpec(f"expenditure.{c}" if c != "total" else "expenditure", label, ("本年支出",))
        for c, label in _SPENT
    ),
    ColumnSpec("closing_balance", "年末结转和结余"),
)
T08 = TableLayout(
    "08",
    "2016",
    "政府性基金预算财政拨款收入支出决算表",
    (SideLayout("main", _FUND_COLUMNS, _TOTAL_ROW, scheme=Scheme.FUNCTIONAL),),
    valid_from=2016,
)

T09_EXPENDITURE = TableLayout(
    "09",
    "expenditure",
    "国有资本经营预算财政拨款支出决算表",
    (
        SideLayout(
            "main",
            tuple(ColumnSpec(c, label, ("本年支出",)) for c, label in _SPENT),
            _TOTAL_ROW,
            scheme=Scheme.FUNCTIONAL,
        ),
    ),
    valid_from=2019,
    note="支出 form: 本年支出 合计/基本/项目",
)
T09_INCOME_EXPENDITURE = TableLayout(
    "09",
    "income-expenditure",
    "国有资本经营预算财政拨款收入支出决算表",
    (SideLayout("main", _FUND_COLUMNS, _TOTAL_ROW, scheme=Scheme.FUNCTIONAL),),
    valid_from=2019,
    note="收入支出 form: the columns of table 08",
)

_REGISTRY: dict[str, tuple[TableLayout, ...]] = {}
for _layout in (
    T01_2016,
    T01_2019,
    T02,
    T03,
    T04_2016,
    T04_2021,
    T05,
    T05_WITH_BUDGET,
    T06,
    T07,
    T08,
    T09_EXPENDITURE,
    T09_INCOME_EXPENDITURE,
):
    _REGISTRY.setdefault(_layout.table_id, ())
    _REGISTRY[_layout.table_id] += (_layout,)


def layouts_of(table_id: str) -> tuple[TableLayout, ...]:
    """Every known layout of a table, oldest first."""
    return _REGISTRY.get(table_id, ())


def layout_for(table_id: str, *, name: str | None = None, year: int | None = None) -> TableLayout:
    """The layout of a table by name, or the default one for a fiscal year.

    Raises:
        LayoutError: if the table id, the name or the year matches no layout.
    """
    known = layouts_of(table_id)
    where = Location(table=table_id)
    if not known:
        raise LayoutError(
            f"no table {table_id!r}; expected one of {sorted(_REGISTRY)}", location=where
        )
    if name is not None:
        for layout in known:
            if layout.name == name:
                return layout
        names = ", ".join(layout.name for layout in known)
        raise LayoutError(f"unknown layout {name!r}; known layouts: {names}", location=where)
    if year is not None:
        for layout in known:
            if layout.covers(year):
                return layout
        raise LayoutError(
            f"no layout of table {table_id} covers fiscal year {year}", location=where
        )
    return known[-1]

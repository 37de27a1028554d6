"""Consistent final-accounts disclosures, made the way a finance system makes them.

:func:`generate_disclosure` books line items as whole 元 or 分 against
功能分类 项 (or the deepest printed level) and 部门经济分类 款, adds them up
through 项 → 款 → 类 → 合计 and across the tables (01 from 02/03, 04 from
05/08/09, 06 from the 基本支出 of 05, the carry-forward identities), and only
then prints every figure on its own, rounded half up to the table's printed
precision (0.01 万元 usually, sometimes 0.1). Totals and their parts therefore
differ by honest rounding and by nothing else.

It uses only :mod:`random`, so benchmarks can make many disclosures without
hypothesis; :func:`govbudget.testing.strategies.disclosures` wraps it.

>>> import random
>>> from govbudget.audit import audit
>>> disclosure = generate_disclosure(random.Random(7), year=2021, size="small")
>>> sorted(disclosure.tables)
['01', '02', '03', '04', '05', '06', '07', '08', '09']
>>> [f.rule for f in audit(disclosure).errors]
[]

Limits: every table is printed in 万元; there are no filler rows, 行次,
narrative sections or performance forms; table 09 appears from 2021 only;
table 05 uses the 年初预算数 variant only from 2019.
"""

from __future__ import annotations

import functools
import math
import random as _random
from collections.abc import Callable, Iterable, Sequence
from decimal import ROUND_HALF_UP, Decimal

import attrs

from govbudget.amounts import Amount, Percent, Unit
from govbudget.codes import Scheme, default_catalog
from govbudget.disclosure import Disclosure, OtherMatters, Procurement, table_class
from govbudget.entity import Entity, ReportingLevel, UnitKind
from govbudget.tables import Row, Table, layout_for

__all__ = [
    "FIRST_YEAR",
    "LAST_YEAR",
    "SIZES",
    "function_capacity",
    "generate_disclosure",
]

FIRST_YEAR = 2016
"""The first fiscal year the generator makes disclosures for."""

LAST_YEAR = 2025
"""The last fiscal year the generator makes disclosures for."""

SIZES = ("small", "realistic")
"""The sizes :func:`generate_disclosure` knows."""

_FEN_PER_WAN = 1_000_000
_MIN = 100_000
"""The smallest non-zero line item, in 分 (1,000 元, 0.1 万元): every non-zero
figure then prints as non-zero, so a printed zero is a true zero."""

_SOURCES = (
    "higher_level_subsidy",
    "service_revenue",
    "operating_revenue",
    "subsidiary_remittance",
    "other_revenue",
)
_OTHER_USES = ("remittance_to_higher", "operating", "subsidy_to_subsidiaries")
_SANGONG_CODES = {
    "outbound": ("30212",),
    "vehicle_purchase": ("31013", "30913"),
    "vehicle_operation": ("30231",),
    "reception": ("30217",),
}
_EMPTY = {
    "07": "本单位无一般公共预算财政拨款“三公”经费支出。",
    "08": "本单位无政府性基金预算财政拨款收入以及支出情况。",
    "09": "本单位无国有资本经营预算财政拨款收入以及支出情况。",
}


@attrs.frozen
class _Year:
    """The catalog of one fiscal year, indexed for fast drawing."""

    categories: tuple[str, ...]
    children: dict[str, tuple[str, ...]]
    items: tuple[str, ...]
    sections: tuple[str, ...]
    labels: dict[str, str]


@functools.cache
def _year(year: int) -> _Year:
    catalog = default_catalog()
    functional = list(catalog.entries(year, scheme=Scheme.FUNCTIONAL))
    children: dict[str, list[str]] = {}
    for entry in functional:
        if len(entry.code) > 3:
            children.setdefault(entry.code[:-2], []).append(entry.code)
    economic = list(catalog.entries(year, scheme=Scheme.DEPT_ECONOMIC))
    return _Year(
        categories=tuple(e.code for e in functional if len(e.code) == 3),
        children={code: tuple(found) for code, found in children.items()},
        items=tuple(e.code for e in functional if len(e.code) == 7),
        sections=tuple(e.code for e in economic if len(e.code) == 5),
        labels={e.code: e.name for e in (*functional, *economic)},
    )


@attrs.define
class _Precision:
    """How a table prints: rounded to ``rounding`` decimals, shown with ``shown``."""

    rounding: int = 2
    shown: int = 2


@attrs.define
class _Leaf:
    """Money booked against one printed 功能分类 code, in 分, by fund and use."""

    code: str
    gb: dict[str, int] = attrs.field(factory=dict)
    gf: dict[str, int] = attrs.field(factory=dict)
    sc: dict[str, int] = attrs.field(factory=dict)
    other: dict[str, int] = attrs.field(factory=dict)
    income: dict[str, int] = attrs.field(factory=dict)


def function_capacity(year: int) -> int:
    """How many 功能分类 rows table 05 can print in ``year`` (the catalog's codes).

    Args:
        year: The fiscal year.

    Returns:
        The number of 类, 款 and 项 codes valid in ``year``.
    """
    return sum(1 for code in _year(year).labels if code.startswith("2"))


def generate_disclosure(
    random: _random.Random,
    *,
    year: int,
    size: str = "realistic",
    function_rows: int | None = None,
) -> Disclosure:
    """A consistent final-accounts disclosure (部门决算) for ``year``.

    Args:
        random: The source of randomness; the same seed gives the same
            disclosure.
        year: The fiscal year, from :data:`FIRST_YEAR` to :data:`LAST_YEAR`.
            It decides the layouts (01 before and from 2019, 04 and 09 from
            2021) and the catalog the codes and labels come from.
        size: ``"small"``: a few 功能分类 rows, compact 06, 07 often empty.
            ``"realistic"``: about 150 rows in 05 down to 项, a full 06 with
            every 款 of the year's 部门经济分类, 07 with figures.
        function_rows: The exact number of coded rows of table 05; 0 prints
            02, 03, 05, 08 and 09 with their 合计 row only. Drawn from the
            size if ``None``.

    Returns:
        A disclosure on which every identity of DOMAIN §4 holds exactly before
        rounding, and within honest rounding as printed.

    Raises:
        ValueError: for a year outside the supported range, an unknown size,
            or more rows than the catalog has codes.
    """
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ValueError(f"year must be between {FIRST_YEAR} and {LAST_YEAR}, got {year}")
    if size not in SIZES:
        raise ValueError(f"size must be one of {SIZES}, got {size!r}")
    realistic = size == "realistic"
    if function_rows is None:
        function_rows = random.randint(140, 160) if realistic else random.randint(0, 12)
    capacity = function_capacity(year)
    if not 0 <= function_rows <= capacity:
        raise ValueError(f"function_rows must be between 0 and {capacity} in {year}")

    return _Builder(random, year, realistic, function_rows).build()


class _Builder:
    """One disclosure in the making: the ledger in 分, then the printed tables."""

    def __init__(self, random: _random.Random, year: int, realistic: bool, rows: int) -> None:
        self.rng = random
        self.zero_categories: list[str] | None = None
        self.year = year
        self.realistic = realistic
        self.totals_only = rows == 0
        self.catalog = _year(year)
        self.step = random.choice((1, 100))  # line items in 分, or in whole 元
        self.has_state_capital = year >= 2021
        self.gb_rows = rows if rows else random.randint(3, 8)

    # Money ------------------------------------------------------------------

    def money(self, low: int = _MIN, high: int = 5_000 * _FEN_PER_WAN) -> int:
        """A line item between ``low`` and ``high`` 分, log-uniform, on the step."""
        value = math.exp(self.rng.uniform(math.log(low), math.log(high)))
        return max(low, int(value) // self.step * self.step)

    def maybe(self, chance: float, low: int = _MIN, high: int = 500 * _FEN_PER_WAN) -> int:
        """A line item with probability ``chance``, else 0."""
        return self.money(low, high) if self.rng.random() < chance else 0

    def share(self, total: int, fraction: float) -> int:
        """Up to ``fraction`` of ``total``: 0 or at least the smallest line item."""
        high = int(total * fraction) // self.step * self.step
        if high < _MIN or self.rng.random() < 0.35:
            return 0
        return self.rng.randrange(_MIN, high + 1, self.step) if high > _MIN else _MIN

    def split(self, total: int, count: int) -> list[int]:
        """``total`` cut into ``count`` parts, each 0 or at least the smallest item."""
        parts = [0] * count
        if total <= 0 or count == 0:
            return parts
        pieces = max(1, min(count, total // _MIN, self.rng.randint(1, count)))
        spare = (total - pieces * _MIN) if total >= pieces * _MIN else 0
        base = _MIN if total >= pieces * _MIN else 0
        units = spare // self.step
        cuts = sorted(self.rng.randint(0, units) for _ in range(pieces - 1))
        sizes = [b - a for a, b in zip([0, *cuts], [*cuts, units], strict=True)]
        amounts = [base + size * self.step for size in sizes]
        amounts[-1] += total - sum(amounts)
        for slot, amount in zip(self.rng.sample(range(count), pieces), amounts, strict=True):
            parts[slot] = amount
        return parts

    # Codes ------------------------------------------------------------------

    def functional_tree(self, count: int) -> list[str]:
        """Exactly ``count`` 功能分类 codes, each with its parent, as printed rows."""
        chosen: list[str] = []
        taken: set[str] = set()
        catalog = self.catalog
        while len(chosen) < count:
            options: list[tuple[float, str]] = []
            for code in chosen[-12:] if self.realistic else chosen:
                for child in catalog.children.get(code, ()):
                    if child not in taken:
                        options.append((6.0 if len(child) == 7 else 2.5, child))
            if not options or self.rng.random() < 0.04:
                options += [(1.0, c) for c in catalog.categories if c not in taken]
            if not options:
                options = [
                    (1.0, c)
                    for parent in taken
                    for c in catalog.children.get(parent, ())
                    if c not in taken
                ]
            weights = [w for w, _ in options]
            code = self.rng.choices([c for _, c in options], weights=weights)[0]
            chosen.append(code)
            taken.add(code)
        return sorted(chosen)

    def extra_leaves(self, tree: Sequence[str], count: int) -> list[str]:
        """Up to ``count`` 项 codes that can be added to ``tree`` as new leaves."""
        leaves = set(_leaves(tree))
        present = set(tree)
        found = [
            code
            for code in self.catalog.items
            if code not in present and code[:5] not in leaves and code[:3] not in leaves
        ]
        return self.rng.sample(found, min(count, len(found)))

    def label(self, code: str) -> str:
        return self.catalog.labels[code]

    # The ledger -------------------------------------------------------------

    def build(self) -> Disclosure:
        rng = self.rng
        gb_tree = self.functional_tree(self.gb_rows)
        gb_leaves = _leaves(gb_tree)
        gf_count = rng.choice((0, 0, 1, 2, 3, 4)) if self.realistic else rng.choice((0, 0, 1, 2))
        sc_count = rng.choice((0, 0, 0, 1, 2)) if self.has_state_capital else 0
        other_count = rng.choice((0, 1, 2)) if self.realistic else rng.choice((0, 1))
        extra = self.extra_leaves(gb_tree, gf_count + sc_count + other_count)
        gf_leaves = rng.sample(gb_leaves, min(len(gb_leaves), rng.randint(0, gf_count)))
        gf_leaves += extra[: max(0, gf_count - len(gf_leaves))]
        extra = [c for c in extra if c not in gf_leaves]
        sc_leaves = extra[:sc_count]
        other_only = extra[sc_count:]

        leaves: dict[str, _Leaf] = {}
        for code in gb_leaves:
            leaf = leaves.setdefault(code, _Leaf(code))
            basic = self.money(high=800 * _FEN_PER_WAN) if rng.random() < 0.55 else 0
            project = self.money() if rng.random() < 0.7 or not basic else 0
            leaf.gb = {"basic": basic, "project": project}
        if not any(leaf.gb["basic"] for leaf in leaves.values()):
            first = leaves[gb_leaves[0]]
            first.gb["basic"] = self.money(high=800 * _FEN_PER_WAN)
        for code in gf_leaves:
            leaves.setdefault(code, _Leaf(code)).gf = self.fund_row()
        for code in sc_leaves:
            leaves.setdefault(code, _Leaf(code)).sc = self.fund_row()
        other_leaves = [*other_only, *rng.sample(gb_leaves, rng.randint(0, len(gb_leaves) // 3))]
        for code in other_leaves:
            leaf = leaves.setdefault(code, _Leaf(code))
            leaf.other = {
                "basic": self.maybe(0.5),
                "project": self.maybe(0.5),
                **{use: self.maybe(0.15) for use in _OTHER_USES},
            }
            if not any(leaf.other.values()):
                leaf.other["project"] = self.money(high=300 * _FEN_PER_WAN)

        self.leaves = leaves
        self.gb_tree = gb_tree
        self.all_tree = _with_ancestors(leaves)
        self.gf_tree = _with_ancestors([c for c, leaf in leaves.items() if leaf.gf])
        self.sc_tree = _with_ancestors([c for c, leaf in leaves.items() if leaf.sc])
        self.balances()
        self.incomes()
        return self.disclosure()

    def fund_row(self) -> dict[str, int]:
        """One row of 08/09: spending, balances and the income that closes them."""
        basic = self.maybe(0.3)
        project = self.money() if self.rng.random() < 0.8 or not basic else 0
        spent = basic + project
        opening = self.share(spent, 0.3)
        closing = self.share(spent, 0.2)
        return {
            "basic": basic,
            "project": project,
            "opening": opening,
            "closing": closing,
            "income": spent + closing - opening,
        }

    def balances(self) -> None:
        """Fund-level balances, and the non-appropriation money of table 01."""
        leaves = self.leaves.values()
        self.gb_spent = sum(leaf.gb.get("basic", 0) + leaf.gb.get("project", 0) for leaf in leaves)
        self.gb_opening = self.share(self.gb_spent, 0.2)
        self.gb_closing = self.share(self.gb_spent, 0.1)
        self.gb_income = self.gb_spent + self.gb_closing - self.gb_opening

        def fund_total(fund: str, key: str) -> int:
            return sum(getattr(leaf, fund).get(key, 0) for leaf in leaves)

        # Per fund: (本年收入, 年初结转和结余, 本年支出, 年末结转和结余).
        self.fund: dict[str, tuple[int, int, int, int]] = {
            "general_budget": (self.gb_income, self.gb_opening, self.gb_spent, self.gb_closing)
        }
        for name, fund in (("gov_fund", "gf"), ("state_capital", "sc")):
            self.fund[name] = (
                fund_total(fund, "income"),
                fund_total(fund, "opening"),
                fund_total(fund, "basic") + fund_total(fund, "project"),
                fund_total(fund, "closing"),
            )

        other_spent = sum(sum(leaf.other.values()) for leaf in leaves)
        self.other_closing = self.share(other_spent, 0.3)
        self.surplus = self.maybe(0.2, high=50 * _FEN_PER_WAN)
        need = other_spent + self.other_closing + self.surplus
        self.other_opening = self.share(need, 0.3)
        self.balance_used = self.share(need, 0.15)
        self.other_income = need - self.other_opening - self.balance_used
        if other_spent == 0 and self.rng.random() < 0.5:
            self.other_closing = self.surplus = self.other_opening = self.balance_used = 0
            self.other_income = 0
        self.sources = dict(
            zip(_SOURCES, self.split(self.other_income, len(_SOURCES)), strict=True)
        )

    def incomes(self) -> None:
        """Table 02's income by 功能分类: each source spread over the leaves."""
        codes = sorted(self.leaves)
        appropriation = sum(f[0] for f in self.fund.values())
        columns = {"appropriation": appropriation, **self.sources}
        for column, total in columns.items():
            for code, part in zip(codes, self.split(total, len(codes)), strict=True):
                self.leaves[code].income[column] = part

    # Printing ---------------------------------------------------------------

    def precision(self) -> _Precision:
        roll = self.rng.random()
        if not self.realistic or roll < 0.8:
            return _Precision()
        return _Precision(1, 2) if roll < 0.92 else _Precision(1, 1)

    def disclosure(self) -> Disclosure:
        tables = [
            self.table_01(),
            self.table_02(),
            self.table_03(),
            self.table_04(),
            self.table_05(),
            self.table_06(),
            self.table_07(),
            self.table_08(),
        ]
        if self.has_state_capital:
            tables.append(self.table_09())
        empty = {
            table.table_id: _EMPTY[table.table_id]
            for table in tables
            if table.table_id in _EMPTY and not _has_figures(table)
        }
        number = self.rng.randint(1, 999)
        return Disclosure(
            entity=Entity(
                name=f"示例市第{number}号事务中心",
                department="示例市住房和建设局",
                kind=self.rng.choice((UnitKind.ADMINISTRATIVE, UnitKind.INSTITUTION)),
                level=ReportingLevel.DEPARTMENT,
                region="示例省示例市",
            ),
            year=self.year,
            title=f"示例市第{number}号事务中心 {self.year} 年度部门决算",
            tables={table.table_id: table for table in tables},
            empty_statements=empty,
            other_matters=OtherMatters(procurement=self.procurement()),
        )

    def make(
        self,
        table_id: str,
        rows: Iterable[tuple[str, str, dict[str, int]]],
        *,
        layout: str | None = None,
    ) -> Table:
        """A table from (key, label, 分 by column) rows, each figure rounded alone."""
        rows = list(rows)
        precision = self.precision()
        if precision.rounding < precision.shown:
            figures = sum(1 for _, _, cells in rows for fen in cells.values() if fen)
            if figures < 5:
                precision = _Precision()
        printed = [
            Row(
                key,
                label,
                {column: _print(fen, precision) for column, fen in cells.items()},
            )
            for key, label, cells in rows
        ]
        cls = table_class(table_id)
        chosen = layout_for(table_id, name=layout, year=None if layout else self.year)
        return cls(chosen, tuple(printed), unit=Unit.WAN)

    def coded(self, tree: Sequence[str], value: dict[str, dict[str, int]]) -> list[str]:
        """The codes of ``tree`` that print, in code order (none when totals only)."""
        return [] if self.totals_only else [c for c in tree if c in value]

    def rolled(
        self, tree: Sequence[str], per_leaf: dict[str, dict[str, int]]
    ) -> dict[str, dict[str, int]]:
        """Every node of ``tree`` with the sum of its leaves, plus ``"total"``."""
        sums: dict[str, dict[str, int]] = {}
        nodes = set(tree)
        for code, cells in per_leaf.items():
            for key in {code[:3], code[:5], code, "total"}:
                if key != "total" and key not in nodes:
                    continue
                target = sums.setdefault(key, {})
                for column, fen in cells.items():
                    target[column] = target.get(column, 0) + fen
        return sums

    def table_01(self) -> Table:
        layout = layout_for("01", year=self.year)
        income: list[tuple[str, str, dict[str, int]]] = []
        funds = {name: f[0] for name, f in self.fund.items()}
        if layout.name == "2016":
            income.append(("appropriation", "", {"amount": sum(funds.values())}))
            if funds["gov_fund"] or self.rng.random() < 0.3:
                income.append(("appropriation_gov_fund", "", {"amount": funds["gov_fund"]}))
        else:
            income.append(("general_budget_appropriation", "", {"amount": funds["general_budget"]}))
            income.append(("gov_fund_appropriation", "", {"amount": funds["gov_fund"]}))
            if self.has_state_capital:
                income.append(
                    ("state_capital_appropriation", "", {"amount": funds["state_capital"]})
                )
        income += [(source, "", {"amount": fen}) for source, fen in self.sources.items()]
        income_total = sum(funds.values()) + self.other_income
        opening = sum(f[1] for f in self.fund.values()) + self.other_opening
        balance_key = (
            "fund_balance_used" if layout.name == "2016" else "non_appropriation_balance_used"
        )
        income += [
            ("income_total", "", {"amount": income_total}),
            (balance_key, "", {"amount": self.balance_used}),
            ("opening_balance", "", {"amount": opening}),
            ("income_grand_total", "", {"amount": income_total + self.balance_used + opening}),
        ]

        spending = self.category_rows(lambda leaf: _spent(leaf))
        spent = sum(cells["amount"] for _, _, cells in spending)
        closing = sum(f[3] for f in self.fund.values()) + self.other_closing
        expenditure = [
            *spending,
            ("expenditure_total", "", {"amount": spent}),
            ("surplus_distribution", "", {"amount": self.surplus}),
            ("closing_balance", "", {"amount": closing}),
            ("expenditure_grand_total", "", {"amount": spent + self.surplus + closing}),
        ]
        return self.make("01", _labelled(layout, [*income, *expenditure]))

    def category_rows(
        self, amount: Callable[[_Leaf], int]
    ) -> list[tuple[str, str, dict[str, int]]]:
        """One row per 类 with money (and sometimes the zero 201–206), by code."""
        totals: dict[str, int] = {}
        for leaf in self.leaves.values():
            totals[leaf.code[:3]] = totals.get(leaf.code[:3], 0) + amount(leaf)
        if self.zero_categories is None:
            self.zero_categories = [
                code
                for code in ("201", "202", "203", "204", "205", "206")
                if self.rng.random() < 0.3 and code in self.catalog.labels
            ]
        for code in self.zero_categories:
            totals.setdefault(code, 0)
        return [(code, self.label(code), {"amount": fen}) for code, fen in sorted(totals.items())]

    def table_02(self) -> Table:
        per_leaf = {
            code: {
                "total": sum(leaf.income.values()),
                "appropriation": leaf.income["appropriation"],
                **{s: leaf.income[s] for s in _SOURCES},
            }
            for code, leaf in self.leaves.items()
        }
        return self.tree_table("02", self.all_tree, per_leaf)

    def table_03(self) -> Table:
        per_leaf = {}
        for code, leaf in self.leaves.items():
            basic = sum(getattr(leaf, f).get("basic", 0) for f in ("gb", "gf", "sc", "other"))
            project = sum(getattr(leaf, f).get("project", 0) for f in ("gb", "gf", "sc", "other"))
            uses = {use: leaf.other.get(use, 0) for use in _OTHER_USES}
            per_leaf[code] = {
                "total": basic + project + sum(uses.values()),
                "basic": basic,
                "project": project,
                **uses,
            }
        return self.tree_table("03", self.all_tree, per_leaf)

    def tree_table(
        self,
        table_id: str,
        tree: Sequence[str],
        per_leaf: dict[str, dict[str, int]],
        layout: str | None = None,
    ) -> Table:
        sums = self.rolled(tree, per_leaf)
        total = sums.get("total") or dict.fromkeys(next(iter(per_leaf.values()), {}), 0)
        rows = [("total", "合计", total)]
        rows += [(code, self.label(code), sums[code]) for code in self.coded(tree, sums)]
        return self.make(table_id, rows, layout=layout)

    def table_04(self) -> Table:
        layout = layout_for("04", year=self.year)
        funds = [c.id for c in layout.side("expenditure").columns if c.id != "total"]
        keys = {"general_budget": "gb", "gov_fund": "gf", "state_capital": "sc"}
        income: list[tuple[str, str, dict[str, int]]] = []
        for fund in funds:
            income.append((fund, "", {"amount": self.fund[fund][0]}))
        income_total = sum(self.fund[f][0] for f in funds)
        opening = sum(self.fund[f][1] for f in funds)
        income.append(("income_total", "", {"amount": income_total}))
        income.append(("opening_balance", "", {"amount": opening}))
        for fund in funds:
            income.append((f"opening_balance.{fund}", "", {"amount": self.fund[fund][1]}))
        income.append(("income_grand_total", "", {"amount": income_total + opening}))

        by_fund = {
            fund: {
                code: cells["amount"] for code, _, cells in self.category_rows(_spender(keys[fund]))
            }
            for fund in funds
        }
        categories = sorted(
            code
            for code in by_fund["general_budget"]
            if any(by_fund[f][code] for f in funds) or code in (self.zero_categories or ())
        )
        expenditure = []
        for code in categories:
            cells = {fund: by_fund[fund][code] for fund in funds}
            expenditure.append((code, self.label(code), {"total": sum(cells.values()), **cells}))
        spent = {fund: self.fund[fund][2] for fund in funds}
        closing = {fund: self.fund[fund][3] for fund in funds}
        grand = {fund: spent[fund] + closing[fund] for fund in funds}
        for key, cells in (
            ("expenditure_total", spent),
            ("closing_balance", closing),
            ("expenditure_grand_total", grand),
        ):
            expenditure.append((key, "", {"total": sum(cells.values()), **cells}))
        return self.make("04", _labelled(layout, [*income, *expenditure]))

    def table_05(self) -> Table:
        with_budget = self.year >= 2019 and self.rng.random() < 0.3
        per_leaf = {}
        for code, leaf in self.leaves.items():
            if not leaf.gb:
                continue
            spent = leaf.gb["basic"] + leaf.gb["project"]
            cells = {"total": spent, "basic": leaf.gb["basic"], "project": leaf.gb["project"]}
            if with_budget:
                budget = spent * self.rng.randint(80, 120) // 100 // self.step * self.step
                adjusted = budget + self.share(budget, 0.2) - self.share(budget, 0.1)
                cells = {"opening_budget": budget, "adjusted_budget": adjusted, **cells}
            per_leaf[code] = cells
        return self.tree_table(
            "05", self.gb_tree, per_leaf, layout="2019-budget" if with_budget else "2016"
        )

    def table_06(self) -> Table:
        basic = sum(leaf.gb.get("basic", 0) for leaf in self.leaves.values())
        sections = list(self.catalog.sections)
        if basic < 4 * _MIN:
            personnel = basic
        else:
            personnel = int(basic * self.rng.uniform(0.5, 0.9)) // self.step * self.step
            personnel = min(max(personnel, _MIN), basic - _MIN)
        public = basic - personnel
        personnel_codes = [c for c in sections if c[:3] in ("301", "303")]
        public_pool = [c for c in sections if c[:3] not in ("301", "303")]
        public_codes = [c for c in public_pool if c[:3] == "302"]
        public_codes += self.rng.sample(
            [c for c in public_pool if c[:3] != "302"], self.rng.randint(0, 4)
        )
        amounts = dict.fromkeys(sections, 0)
        for codes, total in ((personnel_codes, personnel), (public_codes, public)):
            chosen = self.rng.sample(codes, max(1, min(len(codes), self.rng.randint(3, 14))))
            for code, fen in zip(chosen, self.split(total, len(chosen)), strict=True):
                amounts[code] = fen
        self.basic_by_section = amounts

        shown = (
            sections
            if self.realistic
            else [c for c in sections if amounts[c] or self.rng.random() < 0.05]
        )
        categories = sorted({c[:3] for c in shown})
        rows: list[tuple[str, str, dict[str, int]]] = []
        for category in categories:
            inner = [c for c in shown if c[:3] == category]
            rows.append(
                (category, self.label(category), {"amount": sum(amounts[c] for c in inner)})
            )
            rows += [(c, self.label(c), {"amount": amounts[c]}) for c in inner]
        rows.append(("personnel_total", "人员经费合计", {"amount": personnel}))
        rows.append(("public_total", "公用经费合计", {"amount": public}))
        return self.make("06", rows)

    def table_07(self) -> Table:
        basic = self.basic_by_section
        active = self.realistic or self.rng.random() < 0.6
        actual: dict[str, int] = {}
        budget: dict[str, int] = {}
        for item, codes in _SANGONG_CODES.items():
            floor = sum(basic.get(code, 0) for code in codes)
            actual[item] = floor + (self.maybe(0.5, high=30 * _FEN_PER_WAN) if active else 0)
            budget[item] = self.maybe(0.7, high=40 * _FEN_PER_WAN) if active else 0
        cells: dict[str, int] = {}
        for stage, items in (("budget", budget), ("actual", actual)):
            vehicles = items["vehicle_purchase"] + items["vehicle_operation"]
            cells[f"{stage}.total"] = items["outbound"] + vehicles + items["reception"]
            cells[f"{stage}.outbound"] = items["outbound"]
            cells[f"{stage}.vehicles"] = vehicles
            cells[f"{stage}.vehicle_purchase"] = items["vehicle_purchase"]
            cells[f"{stage}.vehicle_operation"] = items["vehicle_operation"]
            cells[f"{stage}.reception"] = items["reception"]
        return self.make("07", [("amounts", "", cells)])

    def fund_table(self, table_id: str, fund: str, tree: Sequence[str], layout: str) -> Table:
        per_leaf = {}
        for code, leaf in self.leaves.items():
            row = getattr(leaf, fund)
            if not row:
                continue
            spent = row["basic"] + row["project"]
            if layout == "expenditure":
                per_leaf[code] = {"total": spent, "basic": row["basic"], "project": row["project"]}
            else:
                per_leaf[code] = {
                    "opening_balance": row["opening"],
                    "income": row["income"],
                    "expenditure": spent,
                    "expenditure.basic": row["basic"],
                    "expenditure.project": row["project"],
                    "closing_balance": row["closing"],
                }
        if not per_leaf:
            columns = [c.id for c in layout_for(table_id, name=layout).sides[0].columns]
            return self.make(
                table_id, [("total", "合计", dict.fromkeys(columns, 0))], layout=layout
            )
        return self.tree_table(table_id, tree, per_leaf, layout=layout)

    def table_08(self) -> Table:
        return self.fund_table("08", "gf", self.gf_tree, "2016")

    def table_09(self) -> Table:
        layout = self.rng.choice(("expenditure", "income-expenditure"))
        return self.fund_table("09", "sc", self.sc_tree, layout)

    def procurement(self) -> Procurement:
        if not self.realistic and self.rng.random() < 0.5:
            return Procurement()
        goods, works, services = (self.maybe(0.7, 10 * _MIN) for _ in range(3))
        total = goods + works + services
        if not total:
            return Procurement()
        sme = self.rng.randint(0, total // self.step) * self.step
        share = (Decimal(sme) / Decimal(total) * 100).quantize(Decimal("0.01"), ROUND_HALF_UP)
        two = _Precision()
        return Procurement(
            total=_print(total, two),
            goods=_print(goods, two),
            works=_print(works, two),
            services=_print(services, two),
            sme_amount=_print(sme, two),
            sme_share=Percent(share),
        )


def _print(fen: int, precision: _Precision) -> Amount:
    """A figure in 分 as a table prints it in 万元: rounded half up, shown padded."""
    value = Decimal(fen).scaleb(-6)
    rounded = value.quantize(Decimal(1).scaleb(-precision.rounding), ROUND_HALF_UP)
    return Amount(rounded.quantize(Decimal(1).scaleb(-precision.shown)), Unit.WAN, precision.shown)


def _leaves(tree: Iterable[str]) -> list[str]:
    codes = sorted(tree)
    parents = {code[:-2] for code in codes if len(code) > 3}
    return [code for code in codes if code not in parents]


def _with_ancestors(leaves: Iterable[str]) -> list[str]:
    found: set[str] = set()
    for code in leaves:
        found.update({code[:3], code[:5], code})
    return sorted(found)


def _spent(leaf: _Leaf) -> int:
    return sum(_spent_of(leaf, fund) for fund in ("gb", "gf", "sc")) + sum(leaf.other.values())


def _spender(fund: str) -> Callable[[_Leaf], int]:
    def spent(leaf: _Leaf) -> int:
        return _spent_of(leaf, fund)

    return spent


def _spent_of(leaf: _Leaf, fund: str) -> int:
    row = getattr(leaf, fund)
    return int(row.get("basic", 0) + row.get("project", 0))


def _has_figures(table: Table) -> bool:
    return any(
        isinstance(cell, Amount) and cell.value for row in table.rows for cell in row.cells.values()
    )


def _labelled(
    layout: object, rows: list[tuple[str, str, dict[str, int]]]
) -> list[tuple[str, str, dict[str, int]]]:
    """Fixed rows get the layout's printed label; coded rows keep theirs."""
    from govbudget.tables import TableLayout

    assert isinstance(layout, TableLayout)
    labelled = []
    for key, label, cells in rows:
        if not label:
            side = layout.side_of_row(key)
            spec = side.row(key) if side is not None else None
            label = spec.label if spec is not None else ""
        labelled.append((key, label, cells))
    return labelled

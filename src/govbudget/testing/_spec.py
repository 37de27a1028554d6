"""An independent statement of the arithmetic and cross-table rules.

The auditor's rules are small functions; this module writes the same
identities down once more, as data: which printed figure is reported, which
figures it is compared with, and how. The fault injector uses it to say which
findings a fault must cause, and the property tests compare the auditor with
it. It follows the rules' documented conventions (DOMAIN §4 and each rule's
docstring): a sum is reported at its total, an equality at its first figure,
an inequality at its smaller side; an absent or blank part counts as
nothing; an absent total, or a sum without any part present, is not checked.
Rounding radii come from :class:`~govbudget.audit.AuditContext`, so that the
coarser-grid detection is the auditor's own.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator, Sequence
from decimal import Decimal

import attrs

from govbudget.audit import AuditContext, RoundingPolicy, parse_policy
from govbudget.audit.context import Figure
from govbudget.disclosure import Disclosure
from govbudget.location import Location
from govbudget.tables import Row, Table

__all__ = [
    "Check",
    "Kind",
    "Outcome",
    "Ref",
    "checks",
    "evaluate",
    "figure",
    "finding_key",
    "location",
    "measure",
]

_ZERO = Decimal(0)

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
_FUND_ROWS_01 = (
    "general_budget_appropriation",
    "gov_fund_appropriation",
    "state_capital_appropriation",
)
_SOURCES = _INCOME_SOURCES_01[4:]
_USES = ("basic", "project", "remittance_to_higher", "operating", "subsidy_to_subsidiaries")


class Kind(enum.Enum):
    """How a check compares its figures."""

    SUM = "sum"
    """``report = Σ plus − Σ minus``."""

    EQUAL = "equal"
    """``report = plus[0]``."""

    AT_MOST = "at_most"
    """``report + Σ minus ≤ plus[0]`` (``minus`` holds the extra addends)."""


@attrs.frozen
class Ref:
    """One cell: a table, the index of a row in it, a column."""

    table: str
    index: int
    column: str


@attrs.frozen
class Check:
    """One comparison a rule makes.

    Attributes:
        rule: The rule id.
        kind: Sum, equality or inequality.
        report: The figure the finding is reported at.
        plus: The parts (for a sum), the other figure (equality) or the
            larger side (inequality).
        minus: Subtracted parts (sum) or extra addends (inequality).
    """

    rule: str
    kind: Kind
    report: Ref | None
    plus: tuple[Ref | None, ...]
    minus: tuple[Ref | None, ...] = ()

    def refs(self) -> Iterator[Ref]:
        """Every cell the check reads."""
        for ref in (self.report, *self.plus, *self.minus):
            if ref is not None:
                yield ref


@attrs.frozen
class Outcome:
    """A check that reports a finding, and whether it is beyond the slack."""

    check: Check
    location: tuple[str, str, str]
    difference: Decimal
    slack: Decimal
    error: bool


class _Builder:
    def __init__(self, disclosure: Disclosure) -> None:
        self.disclosure = disclosure
        self.found: list[Check] = []

    def table(self, table_id: str) -> Table | None:
        return self.disclosure.tables.get(table_id)

    def ref(self, table_id: str, key: str, column: str) -> Ref | None:
        """The first row with ``key`` (as ``Table.get`` finds it)."""
        table = self.table(table_id)
        if table is None:
            return None
        for index, row in enumerate(table.rows):
            if row.key == key:
                return Ref(table_id, index, column)
        return None

    def add(
        self,
        rule: str,
        kind: Kind,
        report: Ref | None,
        plus: Sequence[Ref | None],
        minus: Sequence[Ref | None] = (),
    ) -> None:
        self.found.append(Check(rule, kind, report, tuple(plus), tuple(minus)))

    def rows(self, table_id: str) -> list[tuple[int, Row]]:
        table = self.table(table_id)
        return list(enumerate(table.rows)) if table is not None else []

    def columns(self, table_id: str, side: int = 0) -> list[str]:
        table = self.table(table_id)
        assert table is not None
        return [column.id for column in table.layout.sides[side].columns]

    def row_sums(self, rule: str, table_id: str, total: str, parts: Sequence[str]) -> None:
        for index, _ in self.rows(table_id):
            self.add(
                rule,
                Kind.SUM,
                Ref(table_id, index, total),
                [Ref(table_id, index, p) for p in parts],
            )

    def rollups(self, rule: str, table_id: str, columns: Sequence[str]) -> None:
        groups: dict[str, list[int]] = {}
        for index, row in self.rows(table_id):
            if row.key.isdigit():
                parent = "total" if len(row.key) == 3 else row.key[:-2]
                groups.setdefault(parent, []).append(index)
        for parent, children in groups.items():
            for column in columns:
                report = self.ref(table_id, parent, column)
                if report is None:
                    continue
                self.add(rule, Kind.SUM, report, [Ref(table_id, i, column) for i in children])

    def coded(self, table_id: str) -> list[int]:
        return [index for index, row in self.rows(table_id) if row.key.isdigit()]


def checks(disclosure: Disclosure) -> list[Check]:
    """Every comparison the arithmetic and cross-table rules make on ``disclosure``.

    Args:
        disclosure: Any disclosure; tables it lacks give no checks.

    Returns:
        The checks, rule by rule.
    """
    b = _Builder(disclosure)
    t = disclosure.tables
    funds04: list[str] = []
    if "04" in t:
        funds04 = [c for c in b.columns("04", 1) if c != "total"]

    if "01" in t:
        b.add(
            "F01-1",
            Kind.SUM,
            b.ref("01", "income_grand_total", "amount"),
            [
                b.ref("01", k, "amount")
                for k in (
                    "income_total",
                    "fund_balance_used",
                    "non_appropriation_balance_used",
                    "opening_balance",
                )
            ],
        )
        b.add(
            "F01-2",
            Kind.SUM,
            b.ref("01", "expenditure_grand_total", "amount"),
            [
                b.ref("01", k, "amount")
                for k in ("expenditure_total", "surplus_distribution", "closing_balance")
            ],
        )
        b.add(
            "F01-3",
            Kind.EQUAL,
            b.ref("01", "expenditure_grand_total", "amount"),
            [b.ref("01", "income_grand_total", "amount")],
        )
        income = [
            Ref("01", i, "amount")
            for i, row in b.rows("01")
            if row.key in _INCOME_SOURCES_01 or (row.is_filler and row.side == "income")
        ]
        b.add("F01-4", Kind.SUM, b.ref("01", "income_total", "amount"), income)
        b.add(
            "F01-4",
            Kind.SUM,
            b.ref("01", "expenditure_total", "amount"),
            [Ref("01", i, "amount") for i in b.coded("01")],
        )

    if "02" in t:
        b.row_sums("F02-1", "02", "total", ("appropriation", *_SOURCES))
        b.rollups("F02-2", "02", b.columns("02"))
    if "03" in t:
        b.row_sums("F03-1", "03", "total", _USES)
        b.rollups("F03-2", "03", b.columns("03"))

    if "04" in t:
        b.add(
            "F04-1",
            Kind.SUM,
            b.ref("04", "income_grand_total", "amount"),
            [b.ref("04", k, "amount") for k in ("income_total", "opening_balance")],
        )
        b.add(
            "F04-1",
            Kind.SUM,
            b.ref("04", "income_total", "amount"),
            [b.ref("04", f, "amount") for f in funds04],
        )
        b.add(
            "F04-1",
            Kind.SUM,
            b.ref("04", "opening_balance", "amount"),
            [b.ref("04", f"opening_balance.{f}", "amount") for f in funds04],
        )
        for column in ["total", *funds04]:
            b.add(
                "F04-2",
                Kind.SUM,
                b.ref("04", "expenditure_grand_total", column),
                [b.ref("04", k, column) for k in ("expenditure_total", "closing_balance")],
            )
        for column in ["total", *funds04]:
            b.add(
                "F04-2",
                Kind.SUM,
                b.ref("04", "expenditure_total", column),
                [Ref("04", i, column) for i in b.coded("04")],
            )
        b.add(
            "F04-2",
            Kind.EQUAL,
            b.ref("04", "expenditure_grand_total", "total"),
            [b.ref("04", "income_grand_total", "amount")],
        )
        b.row_sums("F04-3", "04", "total", funds04)
        for fund in funds04:
            b.add(
                "F04-4",
                Kind.SUM,
                b.ref("04", "expenditure_total", fund),
                [b.ref("04", fund, "amount"), b.ref("04", f"opening_balance.{fund}", "amount")],
                [b.ref("04", "closing_balance", fund)],
            )

    if "05" in t:
        b.row_sums("F05-1", "05", "total", ("basic", "project"))
        b.rollups("F05-2", "05", b.columns("05"))

    if "06" in t:
        personnel = b.ref("06", "personnel_total", "amount")
        public = b.ref("06", "public_total", "amount")
        categories = [
            Ref("06", i, "amount") for i in b.coded("06") if len(t["06"].rows[i].key) == 3
        ]
        if personnel is not None and public is not None and categories:
            b.add("F06-1", Kind.SUM, personnel, categories, [public])
        groups: dict[str, list[int]] = {}
        for index, row in b.rows("06"):
            if row.key.isdigit() and len(row.key) > 3:
                groups.setdefault(row.key[:-2], []).append(index)
        for parent, children in groups.items():
            report = b.ref("06", parent, "amount")
            if report is not None:
                b.add("F06-2", Kind.SUM, report, [Ref("06", i, "amount") for i in children])
        b.add("F06-3", Kind.SUM, personnel, [b.ref("06", c, "amount") for c in ("301", "303")])
        b.add(
            "F06-4",
            Kind.SUM,
            public,
            [
                b.ref("06", c, "amount")
                for c in ("302", "307", "309", "310", "311", "312", "313", "399")
            ],
        )

    if "07" in t:
        for stage in ("budget", "actual"):
            b.add(
                "F07-1",
                Kind.SUM,
                b.ref("07", "amounts", f"{stage}.total"),
                [
                    b.ref("07", "amounts", f"{stage}.{item}")
                    for item in ("outbound", "vehicles", "reception")
                ],
            )
        for stage in ("budget", "actual"):
            b.add(
                "F07-2",
                Kind.SUM,
                b.ref("07", "amounts", f"{stage}.vehicles"),
                [
                    b.ref("07", "amounts", f"{stage}.{item}")
                    for item in ("vehicle_purchase", "vehicle_operation")
                ],
            )

    if "08" in t:
        b.row_sums("F08-1", "08", "expenditure", ("expenditure.basic", "expenditure.project"))
        for index, _ in b.rows("08"):
            b.add(
                "F08-2",
                Kind.SUM,
                Ref("08", index, "closing_balance"),
                [Ref("08", index, "opening_balance"), Ref("08", index, "income")],
                [Ref("08", index, "expenditure")],
            )
        b.rollups("F08-3", "08", b.columns("08"))

    if "09" in t:
        if t["09"].layout.name == "expenditure":
            b.row_sums("F09-1", "09", "total", ("basic", "project"))
        else:
            b.row_sums("F09-1", "09", "expenditure", ("expenditure.basic", "expenditure.project"))
            for index, _ in b.rows("09"):
                b.add(
                    "F09-1",
                    Kind.SUM,
                    Ref("09", index, "closing_balance"),
                    [Ref("09", index, "opening_balance"), Ref("09", index, "income")],
                    [Ref("09", index, "expenditure")],
                )
        b.rollups("F09-2", "09", b.columns("09"))

    _cross(b, funds04)
    return b.found


def _cross(b: _Builder, funds04: list[str]) -> None:
    t = b.disclosure.tables
    if "01" in t and "02" in t:
        b.add(
            "X-1",
            Kind.EQUAL,
            b.ref("02", "total", "total"),
            [b.ref("01", "income_total", "amount")],
        )
        for key in ("appropriation", *_SOURCES):
            b.add("X-1", Kind.EQUAL, b.ref("02", "total", key), [b.ref("01", key, "amount")])
        b.add(
            "X-1",
            Kind.SUM,
            b.ref("02", "total", "appropriation"),
            [b.ref("01", k, "amount") for k in _FUND_ROWS_01],
        )
    if "01" in t and "03" in t:
        b.add(
            "X-2",
            Kind.EQUAL,
            b.ref("03", "total", "total"),
            [b.ref("01", "expenditure_total", "amount")],
        )
        for index in b.coded("01"):
            key = t["01"].rows[index].key
            b.add("X-2", Kind.EQUAL, b.ref("03", key, "total"), [Ref("01", index, "amount")])
    if "04" in t:
        income = b.ref("04", "income_total", "amount")
        b.add("X-3", Kind.EQUAL, income, [b.ref("02", "total", "appropriation")])
        b.add("X-3", Kind.EQUAL, income, [b.ref("01", "appropriation", "amount")])
        b.add("X-3", Kind.SUM, income, [b.ref("01", k, "amount") for k in _FUND_ROWS_01])
        b.add(
            "X-3",
            Kind.EQUAL,
            b.ref("04", "general_budget", "amount"),
            [b.ref("01", "general_budget_appropriation", "amount")],
        )
        b.add(
            "X-3",
            Kind.EQUAL,
            b.ref("04", "gov_fund", "amount"),
            [b.ref("01", "gov_fund_appropriation", "amount")],
        )
    if "04" in t and "05" in t:
        b.add(
            "X-4",
            Kind.EQUAL,
            b.ref("05", "total", "total"),
            [b.ref("04", "expenditure_total", "general_budget")],
        )
        for index in b.coded("05"):
            key = t["05"].rows[index].key
            if len(key) == 3:
                b.add(
                    "X-4",
                    Kind.EQUAL,
                    Ref("05", index, "total"),
                    [b.ref("04", key, "general_budget")],
                )
    if "05" in t and "06" in t:
        b.add(
            "X-5",
            Kind.SUM,
            b.ref("05", "total", "basic"),
            [b.ref("06", "personnel_total", "amount"), b.ref("06", "public_total", "amount")],
        )
    if "04" in t and "08" in t:
        for column, key, column04 in (
            ("expenditure", "expenditure_total", "gov_fund"),
            ("income", "gov_fund", "amount"),
            ("opening_balance", "opening_balance.gov_fund", "amount"),
            ("closing_balance", "closing_balance", "gov_fund"),
        ):
            b.add("X-6", Kind.EQUAL, b.ref("08", "total", column), [b.ref("04", key, column04)])
    if "04" in t and "09" in t:
        column = "total" if t["09"].layout.name == "expenditure" else "expenditure"
        b.add(
            "X-7",
            Kind.EQUAL,
            b.ref("09", "total", column),
            [b.ref("04", "expenditure_total", "state_capital")],
        )
    if "01" in t:
        if "05" in t and "03" in t:
            for index, row in b.rows("05"):
                for column in ("basic", "project"):
                    b.add(
                        "X-8",
                        Kind.AT_MOST,
                        Ref("05", index, column),
                        [b.ref("03", row.key, column)],
                    )
        b.add(
            "X-8",
            Kind.AT_MOST,
            b.ref("04", "expenditure_total", "total"),
            [b.ref("01", "expenditure_total", "amount")],
        )
    if "06" in t and "07" in t:
        for code, extra, column in (
            ("30212", (), "outbound"),
            ("31013", ("30913",), "vehicle_purchase"),
            ("30231", (), "vehicle_operation"),
            ("30217", (), "reception"),
        ):
            b.add(
                "X-9",
                Kind.AT_MOST,
                b.ref("06", code, "amount"),
                [b.ref("07", "amounts", f"actual.{column}")],
                [b.ref("06", other, "amount") for other in extra],
            )


def evaluate(
    disclosure: Disclosure,
    policy: str | RoundingPolicy = "interval",
    found: Sequence[Check] | None = None,
) -> list[Outcome]:
    """The checks that report a finding on ``disclosure`` under ``policy``.

    Args:
        disclosure: The disclosure.
        policy: The rounding policy or its name.
        found: The checks to evaluate; all of :func:`checks` by default.

    Returns:
        One outcome per check with a non-zero difference (an excess, for an
        inequality), marked as an error when beyond the policy's slack.
    """
    chosen = parse_policy(policy) if isinstance(policy, str) else policy
    context = AuditContext(disclosure, policy=chosen)
    outcomes = []
    for check in checks(disclosure) if found is None else found:
        outcome = _evaluate(context, check)
        if outcome is not None:
            outcomes.append(outcome)
    return outcomes


def figure(context: AuditContext, ref: Ref | None) -> Figure | None:
    """The figure at ``ref``, as the auditor reads it (``None`` if absent or blank)."""
    if ref is None:
        return None
    table = context.disclosure.tables[ref.table]
    return context.figure_of(table, table.rows[ref.index], ref.column)


def location(disclosure: Disclosure, ref: Ref) -> tuple[str, str, str]:
    """(table, row key, column) of a cell, as a finding's location gives them."""
    return (ref.table, disclosure.tables[ref.table].rows[ref.index].key, ref.column)


def measure(context: AuditContext, check: Check) -> tuple[Decimal, Decimal] | None:
    """The difference and slack of one check, zero differences included.

    For an inequality the difference is the excess, which may be negative.

    Returns:
        ``None`` where the rule skips the check (absent total or parts).
    """
    report = figure(context, check.report)
    if report is None:
        return None
    plus = [f for f in (figure(context, r) for r in check.plus) if f is not None]
    minus = [f for f in (figure(context, r) for r in check.minus) if f is not None]

    if check.kind is Kind.SUM:
        if not plus and not minus:
            return None
        expected = sum((f.value for f in plus), _ZERO) - sum((f.value for f in minus), _ZERO)
        difference = report.value - expected
    elif check.kind is Kind.EQUAL:
        if not plus:
            return None
        difference = report.value - plus[0].value
    else:
        if figure(context, check.plus[0]) is None:
            return None
        difference = report.value + sum((f.value for f in minus), _ZERO) - plus[0].value
    halves = [report.half, *(f.half for f in plus), *(f.half for f in minus)]
    return difference, context.policy.slack(halves)


def _evaluate(context: AuditContext, check: Check) -> Outcome | None:
    measured = measure(context, check)
    if measured is None or check.report is None:
        return None
    difference, slack = measured
    if not difference or (check.kind is Kind.AT_MOST and difference < 0):
        return None
    return Outcome(
        check=check,
        location=location(context.disclosure, check.report),
        difference=difference,
        slack=slack,
        error=abs(difference) > slack,
    )


def finding_key(location: Location, rule: str) -> tuple[str, str, str, str]:
    """(rule, table, row, column) of a finding, for comparing with outcomes."""
    return (rule, location.table or "", location.row or "", location.column or "")

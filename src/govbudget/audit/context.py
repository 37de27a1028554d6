"""What a rule sees: the disclosure, the policy, and comparison helpers."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import NamedTuple

import attrs

from govbudget.amounts import Amount, Unit
from govbudget.audit.policy import IntervalPolicy, RoundingPolicy
from govbudget.audit.registry import Rule
from govbudget.codes import Catalog, default_catalog
from govbudget.disclosure import Disclosure
from govbudget.findings import Finding, Severity
from govbudget.location import Location
from govbudget.performance import FormCheckOptions
from govbudget.readers import ImportReport
from govbudget.tables import Row, Table

__all__ = ["AuditContext", "AuditOptions", "Figure"]

_ZERO = Decimal(0)
_MIN_FIGURES_FOR_GRID = 5
"""A table must show at least this many non-zero figures before a coarser
grid is inferred: with two printed decimals, five figures that all happen to
be multiples of 0.1 by chance occur once in 100,000 tables."""


@functools.lru_cache(maxsize=64)
def _half_of(decimals: int) -> Decimal:
    """Half a unit in the last of ``decimals`` printed digits."""
    return Decimal(5).scaleb(-decimals - 1)


class Figure(NamedTuple):
    """One figure taking part in a check: its value, radius and place."""

    value: Decimal
    half: Decimal
    table: Table
    row: Row
    column: str

    @property
    def location(self) -> Location:
        """Where the figure is printed."""
        return self.table.location(self.row, self.column)

    def in_unit(self, unit: Unit) -> tuple[Decimal, Decimal]:
        """The value and radius expressed in ``unit`` (exact)."""
        shift = self.table.unit.exponent - unit.exponent
        if not shift:
            return self.value, self.half
        return self.value.scaleb(shift), self.half.scaleb(shift)

    def describe(self) -> str:
        """A short reference: "T06 302 商品和服务支出 [amount]"."""
        label = f" {self.row.label}" if self.row.label else ""
        return f"T{self.table.table_id} {self.row.key}{label} [{self.column}]"


@attrs.frozen
class AuditOptions:
    """Settings for rules whose identity varies by region.

    Attributes:
        public_cost_categories: The 部门经济分类 类 that make up 公用经费 in
            table 06 (DOMAIN F06-3 ⚠: some regions count only 302 and 310).
        personnel_cost_categories: The 类 that make up 人员经费.
        detect_grid: Notice when every figure of a table is a multiple of a
            coarser unit than printed, and widen the rounding radius to it.
        forms: Regional choices for the performance-form rules (scoring
            weights, accepted 一级/二级 placements, required first levels).
    """

    public_cost_categories: tuple[str, ...] = (
        "302",
        "307",
        "309",
        "310",
        "311",
        "312",
        "313",
        "399",
    )
    personnel_cost_categories: tuple[str, ...] = ("301", "303")
    detect_grid: bool = True
    forms: FormCheckOptions = attrs.Factory(FormCheckOptions)


class AuditContext:
    """The state a rule works with.

    Rules read tables through :meth:`figure` and compare with
    :meth:`check_sum`, :meth:`check_equal` and :meth:`check_at_most`, which
    apply the rounding policy and build findings in the common shape.
    """

    def __init__(
        self,
        disclosure: Disclosure,
        *,
        policy: RoundingPolicy | None = None,
        catalog: Catalog | None = None,
        options: AuditOptions | None = None,
        import_report: ImportReport | None = None,
    ) -> None:
        self.disclosure = disclosure
        self.import_report = import_report
        self.year = disclosure.year
        self.policy: RoundingPolicy = policy or IntervalPolicy()
        self.catalog = catalog or default_catalog()
        self.options = options or AuditOptions()
        self.rule: Rule | None = None
        self._grids: dict[str, Decimal | None] = {}
        self._zeros_exact = isinstance(self.policy, IntervalPolicy) and self.policy.zeros_exact
        # Per table (by id, checked by identity): the coded rows under their
        # parents, and the radius of each precision.
        self._groups: dict[str, tuple[Table, dict[str, list[Row]]]] = {}
        self._halves: dict[tuple[str, int], Decimal] = {}

    # Reading ----------------------------------------------------------------

    def table(self, table_id: str) -> Table | None:
        """The table with this id, if present."""
        return self.disclosure.tables.get(table_id)

    def row(self, table: Table, key: str) -> Row | None:
        """The first row of ``table`` with this key (see :meth:`Table.get`)."""
        return table.get(key)

    def children(self, table: Table) -> dict[str, list[Row]]:
        """Coded rows grouped under their parent's key; 类 rows under ``"total"``.

        Computed once per table; callers must not change the lists.
        """
        cached = self._groups.get(table.table_id)
        if cached is None or cached[0] is not table:
            groups: dict[str, list[Row]] = {}
            for row in table.rows:
                if not row.key.isdigit():
                    continue
                parent = "total" if len(row.key) == 3 else row.key[:-2]
                groups.setdefault(parent, []).append(row)
            cached = (table, groups)
            self._groups[table.table_id] = cached
        return cached[1]

    def figure(self, table: Table | None, key: str, column: str) -> Figure | None:
        """The figure at (row, column), or ``None`` if absent or blank."""
        if table is None:
            return None
        row = self.row(table, key)
        if row is None:
            return None
        return self.figure_of(table, row, column)

    def figure_of(self, table: Table, row: Row, column: str) -> Figure | None:
        """The figure in ``column`` of ``row``, or ``None`` if absent or blank."""
        cell = row.cells.get(column)
        if not isinstance(cell, Amount):
            return None
        return Figure(cell.value, self._half(table, cell), table, row, column)

    def _half(self, table: Table, amount: Amount) -> Decimal:
        if self._zeros_exact and not amount.value:
            return _ZERO
        key = (table.table_id, amount.decimals)
        half = self._halves.get(key)
        if half is None:
            half = _half_of(amount.decimals)
            grid = self.grid(table)
            if grid is not None and grid > half:
                half = grid
            self._halves[key] = half
        return half

    def grid(self, table: Table) -> Decimal | None:
        """The half unit of a coarser grid every figure of ``table`` sits on.

        ``None`` when the figures use their printed precision, or when grid
        detection is off. The sample's table 06 prints two decimals, but
        every figure is a multiple of 0.1: its grid half unit is 0.05.
        """
        if not self.options.detect_grid:
            return None
        if table.table_id in self._grids:
            return self._grids[table.table_id]

        amounts = [
            cell
            for row in table.rows
            for cell in row.cells.values()
            if isinstance(cell, Amount) and cell.value
        ]
        found: Decimal | None = None
        if len(amounts) >= _MIN_FIGURES_FOR_GRID:
            # One digit coarser than printed at most: "16.00" may stand for a
            # figure rounded to 0.1, but a table of whole 万元 printed as "5.00"
            # is as likely exact budget figures as rounded ones, and taking it
            # for rounded would pass a real 1 万元 error as rounding.
            coarser = max(a.decimals for a in amounts) - 1
            step = Decimal(1).scaleb(-coarser)
            if coarser >= 0 and all(a.value % step == 0 for a in amounts):
                found = Decimal(5).scaleb(-coarser - 1)
        self._grids[table.table_id] = found
        return found

    # Findings ---------------------------------------------------------------

    def finding(
        self,
        message_zh: str,
        message_en: str,
        location: Location,
        *,
        severity: Severity | None = None,
        related: Iterable[Location] = (),
    ) -> Finding:
        """A finding of the current rule, outside arithmetic."""
        assert self.rule is not None, "findings are made while a rule runs"
        return Finding(
            rule=self.rule.id,
            severity=severity or self.rule.severity,
            message_zh=message_zh,
            message_en=message_en,
            location=location,
            related=tuple(related),
        )

    def _compare(
        self,
        actual: Figure,
        expected: Decimal,
        halves: Sequence[Decimal],
        what_zh: str,
        what_en: str,
        related: Iterable[Location],
    ) -> Finding | None:
        return self.check_values(
            actual.value,
            expected,
            location=actual.location,
            name=actual.describe(),
            halves=halves,
            what_zh=what_zh,
            what_en=what_en,
            related=related,
        )

    def check_values(
        self,
        actual: Decimal,
        expected: Decimal,
        *,
        location: Location,
        name: str,
        halves: Sequence[Decimal] = (),
        slack: Decimal | None = None,
        what_zh: str,
        what_en: str,
        related: Iterable[Location] = (),
    ) -> Finding | None:
        """Compare a printed value with the value it should have.

        The allowed difference comes from the policy and the operands' half
        units, unless ``slack`` is given (for ratios, whose slack is not a
        sum of half units).
        """
        difference = actual - expected
        if not difference:
            return None

        assert self.rule is not None, "comparisons are made while a rule runs"
        allowed = self.policy.slack(halves) if slack is None else slack
        within = abs(difference) <= allowed
        severity = Severity.INFO if within else self.rule.severity
        verdict_zh = f"在舍入容差 {allowed} 以内" if within else f"超出舍入容差 {allowed}"
        verdict_en = "within" if within else "beyond"
        return Finding(
            rule=self.rule.id,
            severity=severity,
            message_zh=(
                f"{name} 为 {actual}，{what_zh}为 {expected}，相差 {difference}，{verdict_zh}"
            ),
            message_en=(
                f"{name} is {actual}, {what_en} is {expected}: difference {difference}, "
                f"{verdict_en} the rounding slack of {allowed} ({self.policy.name})"
            ),
            location=location,
            expected=expected,
            actual=actual,
            difference=difference,
            slack=allowed,
            policy=self.policy.name,
            rounding=within,
            related=tuple(related),
        )

    def check_sum(
        self,
        total: Figure | None,
        parts: Sequence[Figure | None],
        *,
        what_zh: str = "各项之和",
        what_en: str = "the sum of its parts",
        minus: Sequence[Figure | None] = (),
    ) -> Finding | None:
        """Compare a printed total with the sum of its printed parts.

        Absent or blank parts count as nothing; an absent total skips the
        check (structure rules report missing rows). ``minus`` parts are
        subtracted (for carry-forward identities).
        """
        if total is None:
            return None
        unit = total.table.unit
        present = [p.in_unit(unit) for p in parts if p is not None]
        subtracted = [p.in_unit(unit) for p in minus if p is not None]
        if not present and not subtracted:
            return None
        expected = sum((v for v, _ in present), _ZERO) - sum((v for v, _ in subtracted), _ZERO)
        if total.value == expected:
            return None
        halves = [total.half, *(h for _, h in present), *(h for _, h in subtracted)]
        others = [p for p in (*parts, *minus) if p is not None and p.table is not total.table]
        related = [p.location for p in others]
        return self._compare(total, expected, halves, what_zh, what_en, related)

    def check_rows(
        self,
        table: Table,
        total: Row,
        parts: Sequence[Row],
        column: str,
        *,
        what_zh: str,
        what_en: str,
    ) -> Finding | None:
        """:meth:`check_sum` of one column: a total row against part rows.

        The same verdict and finding as ``check_sum`` over the rows' figures,
        but the figures are only built when the sums differ.
        """
        cell = total.cells.get(column)
        if not isinstance(cell, Amount):
            return None
        expected = _ZERO
        seen = False
        for part in parts:
            value = part.cells.get(column)
            if isinstance(value, Amount):
                expected += value.value
                seen = True
        if not seen or cell.value == expected:
            return None
        halves = [self._half(table, cell)]
        for part in parts:
            value = part.cells.get(column)
            if isinstance(value, Amount):
                halves.append(self._half(table, value))
        total_figure = Figure(cell.value, halves[0], table, total, column)
        return self._compare(total_figure, expected, halves, what_zh, what_en, ())

    def check_columns(
        self,
        table: Table,
        row: Row,
        total: str,
        parts: Sequence[str],
        *,
        what_zh: str,
        what_en: str,
    ) -> Finding | None:
        """:meth:`check_sum` within one row: a total column against part columns.

        The same verdict and finding as ``check_sum`` over the row's figures,
        but the figures are only built when the sums differ.
        """
        cells = row.cells
        cell = cells.get(total)
        if not isinstance(cell, Amount):
            return None
        expected = _ZERO
        seen = False
        for column in parts:
            value = cells.get(column)
            if isinstance(value, Amount):
                expected += value.value
                seen = True
        if not seen or cell.value == expected:
            return None
        halves = [self._half(table, cell)]
        for column in parts:
            value = cells.get(column)
            if isinstance(value, Amount):
                halves.append(self._half(table, value))
        total_figure = Figure(cell.value, halves[0], table, row, total)
        return self._compare(total_figure, expected, halves, what_zh, what_en, ())

    def check_equal(
        self,
        actual: Figure | None,
        other: Figure | None,
        *,
        what_zh: str | None = None,
        what_en: str | None = None,
    ) -> Finding | None:
        """Compare two figures that must be equal (usually in two tables)."""
        if actual is None or other is None:
            return None
        other_value, other_half = other.in_unit(actual.table.unit)
        return self._compare(
            actual,
            other_value,
            [actual.half, other_half],
            what_zh or f"{other.describe()} ",
            what_en or other.describe(),
            [other.location],
        )

    def check_at_most(
        self,
        smaller: Figure | None,
        larger: Figure | None,
        *,
        extra: Sequence[Figure | None] = (),
    ) -> Finding | None:
        """Check ``smaller (+ extra) ≤ larger``, within rounding.

        Only a violation beyond the slack is reported; a smaller figure is
        the normal case and gives no finding.
        """
        if smaller is None or larger is None:
            return None
        unit = smaller.table.unit
        present = [p for p in extra if p is not None]
        added = [p.in_unit(unit) for p in present]
        limit, limit_half = larger.in_unit(unit)
        value = smaller.value + sum((v for v, _ in added), _ZERO)
        excess = value - limit
        if excess <= 0:
            return None

        assert self.rule is not None, "comparisons are made while a rule runs"
        halves = [smaller.half, limit_half, *(h for _, h in added)]
        slack = self.policy.slack(halves)
        within = excess <= slack
        severity = Severity.INFO if within else self.rule.severity
        names = " + ".join(f.describe() for f in (smaller, *present))
        return Finding(
            rule=self.rule.id,
            severity=severity,
            message_zh=(
                f"{names} 为 {value}，不应超过 {larger.describe()} 的 {limit}"
                f"（超出 {excess}，舍入容差 {slack}）"
            ),
            message_en=(
                f"{names} is {value}, more than {larger.describe()} at {limit} "
                f"(excess {excess}, rounding slack {slack})"
            ),
            location=smaller.location,
            expected=limit,
            actual=value,
            difference=excess,
            slack=slack,
            policy=self.policy.name,
            rounding=within,
            related=(larger.location,),
        )

"""The arithmetic floor: the audit's core sums as bare loops over ``Decimal``.

Extraction (not timed) turns each disclosure into plain tuples; the timed
part only adds and compares. Whatever govbudget does beyond this floor is
the price of its object model and its findings.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from govbudget.amounts import Amount
from govbudget.audit import AuditContext
from govbudget.disclosure import Disclosure

__all__ = ["FLOOR_RULES", "Extracted", "extract", "floor_check"]

_ZERO = Decimal(0)

# (table, total column, part columns) of the per-row sums, by rule id.
_ROW_SUMS = {
    "F02-1": (
        "02",
        "total",
        (
            "appropriation",
            "higher_level_subsidy",
            "service_revenue",
            "operating_revenue",
            "subsidiary_remittance",
            "other_revenue",
        ),
    ),
    "F03-1": (
        "03",
        "total",
        ("basic", "project", "remittance_to_higher", "operating", "subsidy_to_subsidiaries"),
    ),
    "F05-1": ("05", "total", ("basic", "project")),
}
_ROLLUPS = {"F02-2": "02", "F03-2": "03", "F05-2": "05"}

FLOOR_RULES = (*_ROW_SUMS, *_ROLLUPS, "F06-1", "F06-2", "F06-3", "F06-4")
"""The govbudget rules whose sums the floor repeats."""

Cell = tuple[Decimal, Decimal] | None
"""A figure's value and rounding radius, or ``None`` for a blank."""

# A table as tuples: per row, the index of its parent row (-1 for none) and
# its cells in column order.
Rows = tuple[tuple[int, tuple[Cell, ...]], ...]


class Extracted:
    """One disclosure's figures as tuples, ready for the floor."""

    __slots__ = ("rollups", "row_sums", "t06")

    def __init__(
        self,
        row_sums: tuple[tuple[Cell, ...], ...],
        rollups: tuple[Rows, ...],
        t06: tuple[Cell, Cell, tuple[Cell, ...], Rows, tuple[Cell, ...], tuple[Cell, ...]],
    ) -> None:
        self.row_sums = row_sums
        self.rollups = rollups
        self.t06 = t06


def _cell(context: AuditContext, table_id: str, row_key: str, column: str) -> Cell:
    table = context.table(table_id)
    if table is None:
        return None
    row = table.get(row_key)
    if row is None:
        return None
    return _of(context, table_id, row.cells.get(column))


def _of(context: AuditContext, table_id: str, cell: object) -> Cell:
    if not isinstance(cell, Amount):
        return None
    table = context.table(table_id)
    assert table is not None
    grid = context.grid(table)
    half = cell.half_unit
    return (cell.value, grid if grid is not None and grid > half else half)


def _rows(context: AuditContext, table_id: str, columns: Sequence[str]) -> Rows:
    table = context.table(table_id)
    if table is None:
        return ()
    position: dict[str, int] = {}
    for index, row in enumerate(table.rows):
        position.setdefault(row.key, index)
    rows = []
    for row in table.rows:
        parent = -1
        if row.key.isdigit():
            parent = position.get("total" if len(row.key) == 3 else row.key[:-2], -1)
        rows.append((parent, tuple(_of(context, table_id, row.cells.get(c)) for c in columns)))
    return tuple(rows)


def extract(disclosure: Disclosure) -> Extracted:
    """The figures the floor adds up, with each figure's radius (grid included)."""
    context = AuditContext(disclosure)
    row_sums = []
    for table_id, total, parts in _ROW_SUMS.values():
        table = context.table(table_id)
        if table is None:
            continue
        for row in table.rows:
            cells = (row.cells.get(total), *(row.cells.get(p) for p in parts))
            row_sums.append(tuple(_of(context, table_id, c) for c in cells))
    rollups = []
    for table_id in _ROLLUPS.values():
        table = context.table(table_id)
        if table is not None:
            columns = [c.id for c in table.layout.sides[0].columns]
            rollups.append(_rows(context, table_id, columns))
    t06 = context.table("06")
    options = context.options
    categories: tuple[Cell, ...] = ()
    if t06 is not None:
        categories = tuple(
            _of(context, "06", row.cells.get("amount"))
            for row in t06.rows
            if row.key.isdigit() and len(row.key) == 3
        )
    return Extracted(
        tuple(row_sums),
        tuple(rollups),
        (
            _cell(context, "06", "personnel_total", "amount"),
            _cell(context, "06", "public_total", "amount"),
            categories,
            _rows(context, "06", ("amount",)) if t06 is not None else (),
            tuple(_cell(context, "06", k, "amount") for k in options.personnel_cost_categories),
            tuple(_cell(context, "06", k, "amount") for k in options.public_cost_categories),
        ),
    )


def _flag(total: Cell, parts: Sequence[Cell], minus: Cell = None) -> int:
    """1 if the printed total misses the sum of its parts by more than the slack.

    Like govbudget, the slack (the sum of every radius) is only added up
    when the two sides differ.
    """
    if total is None:
        return 0
    expected = _ZERO
    seen = False
    for part in parts:
        if part is not None:
            expected += part[0]
            seen = True
    if minus is not None:
        expected -= minus[0]
        seen = True
    if not seen or total[0] == expected:
        return 0
    slack = total[1] + sum(part[1] for part in parts if part is not None)
    if minus is not None:
        slack += minus[1]
    return 1 if abs(total[0] - expected) > slack else 0


def _rollup_flags(rows: Rows) -> int:
    width = len(rows[0][1]) if rows else 0
    sums: dict[int, list[list[Cell]]] = {}
    for parent, cells in rows:
        if parent >= 0:
            columns = sums.get(parent)
            if columns is None:
                columns = sums[parent] = [[] for _ in range(width)]
            for column, cell in enumerate(cells):
                columns[column].append(cell)
    flags = 0
    for parent, columns in sums.items():
        cells = rows[parent][1]
        for column in range(width):
            flags += _flag(cells[column], columns[column])
    return flags


def floor_check(extracted: Extracted) -> int:
    """How many of the floor's identities fail beyond the interval slack."""
    flags = 0
    for cells in extracted.row_sums:
        flags += _flag(cells[0], cells[1:])
    for rows in extracted.rollups:
        flags += _rollup_flags(rows)
    personnel, public, categories, t06_rows, personnel_parts, public_parts = extracted.t06
    if personnel is not None and public is not None and any(c is not None for c in categories):
        flags += _flag(personnel, categories, minus=public)
    if t06_rows:
        flags += _rollup_flags(
            tuple(
                (parent if parent >= 0 and t06_rows[parent][0] >= 0 else -1, cells)
                for parent, cells in t06_rows
            )
        )
    flags += _flag(personnel, personnel_parts)
    flags += _flag(public, public_parts)
    return flags

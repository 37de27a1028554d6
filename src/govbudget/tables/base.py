"""Rows and tables: the shape every disclosure table shares."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator, Mapping
from decimal import Decimal
from types import MappingProxyType
from typing import Any, ClassVar

import attrs

from govbudget.amounts import Amount, Blank, Cell, Unit
from govbudget.codes import ClassificationCode, Level, normalise_label, parse_code
from govbudget.errors import GovBudgetError, LayoutError, WrongTypeError
from govbudget.location import Location
from govbudget.tables.layouts import SideLayout, TableLayout, layout_for

__all__ = ["Row", "RowNotFoundError", "Table"]


class RowNotFoundError(GovBudgetError, KeyError):
    """A table has no row with the key asked for."""

    def __init__(self, table_id: str, key: str) -> None:
        self.table_id = table_id
        self.key = key
        super().__init__(f"table {table_id} has no row {key!r}")

    def __str__(self) -> str:
        return str(self.args[0])


def _freeze_cells(cells: Mapping[str, Cell]) -> Mapping[str, Cell]:
    if type(cells) is not dict and not isinstance(cells, Mapping):
        raise WrongTypeError(cells, "a mapping of column ids to cells")
    for column, cell in cells.items():
        if not isinstance(cell, (Amount, Blank)):
            raise WrongTypeError(cell, f"an Amount or Blank in column {column!r}")
    return MappingProxyType(dict(cells))


@attrs.frozen
class Row:
    """One printed row: its key, its label as printed, and its cells.

    Attributes:
        key: The classification code's digits for coded rows (``"2080505"``,
            ``"30101"``), or the layout's row id (``"income_total"``).
        label: The label as printed, kept even where it differs from the
            catalog name.
        cells: Column id → :class:`~govbudget.amounts.Amount` or
            :class:`~govbudget.amounts.Blank`. Columns the row leaves out
            are absent, not blank.
        ordinal: The 行次 printed beside the row, if any.
        side: For rows that belong to no fixed row or code (the unlabelled
            filler rows of the summary tables), the side they stand on.
        line: The source line, for tables read from text.
        page: The source page, for tables read from PDF.
    """

    key: str
    label: str = ""
    cells: Mapping[str, Cell] = attrs.field(factory=dict, converter=_freeze_cells)
    ordinal: int | None = None
    side: str | None = None
    line: int | None = attrs.field(default=None, eq=False)
    page: int | None = attrs.field(default=None, eq=False)

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        # The cells are a read-only mapping, which pickle cannot write.
        cells = dict(self.cells)
        return Row, (self.key, self.label, cells, self.ordinal, self.side, self.line, self.page)

    @property
    def code(self) -> ClassificationCode | None:
        """The classification code, for coded rows."""
        return parse_code(self.key) if self.key.isdigit() else None

    @property
    def level(self) -> Level | None:
        """类, 款 or 项 for coded rows."""
        return Level((len(self.key) - 1) // 2) if self.key.isdigit() else None

    @property
    def is_filler(self) -> bool:
        """Whether the row is an unlabelled filler row of a summary table."""
        return self.key.startswith("filler")

    def get(self, column: str) -> Cell | None:
        """The cell in ``column``, or ``None`` if the row does not print it."""
        return self.cells.get(column)

    def amount(self, column: str) -> Amount | None:
        """The amount in ``column``, or ``None`` for a blank or absent cell."""
        cell = self.cells.get(column)
        return cell if isinstance(cell, Amount) else None

    def __getitem__(self, column: str) -> Cell:
        return self.cells[column]


def _to_rows(rows: Iterable[Row]) -> tuple[Row, ...]:
    return tuple(rows)


@attrs.frozen
class Table:
    """A disclosure table: a layout, a unit, and rows in print order.

    Subclasses fix the table id (``"01"`` … ``"09"``) and add accessors for
    the rows that matter; the layout, not the class, says which rows and
    columns a year's table has.

    Attributes:
        layout: The table's layout (see :mod:`govbudget.tables.layouts`).
        rows: The rows in print order.
        unit: The unit the table is printed in (单位：万元).
        title: The title as printed, if it differs from the layout's.
        note: The note under the table (注：…), kept whole.
        line: The source line of the title, for tables read from text.

    Raises:
        LayoutError: if the layout belongs to another table, or a row or
            cell does not fit the layout (naming the row and column).
    """

    table_id: ClassVar[str] = ""
    title_zh: ClassVar[str] = ""

    layout: TableLayout
    rows: tuple[Row, ...] = attrs.field(converter=_to_rows)
    unit: Unit = Unit.WAN
    title: str | None = None
    note: str | None = None
    line: int | None = attrs.field(default=None, eq=False)

    def __attrs_post_init__(self) -> None:
        if self.layout.table_id != self.table_id:
            raise LayoutError(
                f"layout {self.layout.name} is for table {self.layout.table_id}, "
                f"not {self.table_id}",
                location=Location(table=self.table_id),
            )
        for row in self.rows:
            self._check_row(row)

    def _check_row(self, row: Row) -> None:
        if not isinstance(row, Row):
            raise WrongTypeError(row, f"a Row in table {self.table_id}")
        side = self.side_of(row)
        if side is None:
            raise LayoutError(
                f"row {row.key!r} is neither a row of layout {self.layout.name} nor a code "
                f"this table classifies by",
                location=self.location(row),
            )
        if side.scheme is not None and row.key.isdigit():
            level = row.level
            if level is None or level > side.deepest or len(row.key) not in side.scheme.lengths:
                raise LayoutError(
                    f"code {row.key} is deeper than this table goes ({side.deepest.chinese})",
                    location=self.location(row),
                )
        for column in row.cells:
            if column not in side.column_ids:
                expected = ", ".join(c.id for c in side.columns)
                raise LayoutError(
                    f"no column {column!r} on the {side.name} side; expected one of {expected}",
                    location=self.location(row, column),
                )

    @classmethod
    def build(
        cls,
        rows: list[Row] | tuple[Row, ...],
        *,
        year: int | None = None,
        layout: str | None = None,
        **fields: Any,
    ) -> Table:
        """Build a table with the named layout, or the default one for ``year``."""
        return cls(layout_for(cls.table_id, name=layout, year=year), tuple(rows), **fields)

    # Lookups ----------------------------------------------------------------

    def side_of(self, row: Row) -> SideLayout | None:
        """The layout side a row stands on."""
        if row.side is not None:
            return next((s for s in self.layout.sides if s.name == row.side), None)
        return self.layout.side_of_row(row.key)

    @functools.cached_property
    def _index(self) -> dict[str, Row]:
        """The first row of each key, built on first lookup."""
        index: dict[str, Row] = {}
        for row in self.rows:
            index.setdefault(row.key, row)
        return index

    def get(self, key: str | ClassificationCode) -> Row | None:
        """The first row with this key (a code, in any printed form, or a row id)."""
        return self._index.get(_key_of(key))

    def row(self, key: str | ClassificationCode) -> Row:
        """The first row with this key.

        Raises:
            RowNotFoundError: if there is none.
        """
        found = self.get(key)
        if found is None:
            raise RowNotFoundError(self.table_id, _key_of(key))
        return found

    def __contains__(self, key: object) -> bool:
        return isinstance(key, (str, ClassificationCode)) and self.get(key) is not None

    def __iter__(self) -> Iterator[Row]:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)

    def find(self, label: str) -> list[Row]:
        """Rows whose printed label matches ``label`` (width and spaces ignored)."""
        wanted = normalise_label(label)
        return [row for row in self.rows if normalise_label(row.label) == wanted]

    def coded_rows(self, level: Level | None = None) -> list[Row]:
        """Rows keyed by a classification code, optionally of one level."""
        return [
            row for row in self.rows if row.key.isdigit() and (level is None or row.level is level)
        ]

    def value(self, key: str | ClassificationCode, column: str) -> Cell | None:
        """The cell at (row, column), or ``None`` if either is absent."""
        row = self.get(key)
        return row.get(column) if row is not None else None

    def amount(self, key: str | ClassificationCode, column: str) -> Amount | None:
        """The amount at (row, column), or ``None`` if absent or blank."""
        row = self.get(key)
        return row.amount(column) if row is not None else None

    @property
    def display_title(self) -> str:
        """The title as printed, or the layout's official title."""
        return self.title or self.layout.title

    def location(self, row: Row | None = None, column: str | None = None) -> Location:
        """A location in this table, for findings and errors."""
        if row is None:
            return Location(table=self.table_id, column=column, line=self.line)
        return Location(
            table=self.table_id,
            row=row.key,
            label=row.label or None,
            column=column,
            line=row.line,
            page=row.page,
        )

    # Export -----------------------------------------------------------------

    def to_records(self) -> list[dict[str, object]]:
        """One plain dict per row, ready for ``pandas.DataFrame(...)``.

        Amounts become ``Decimal`` values in the table's unit; blanks and
        absent cells become ``None``. Each record also carries the table id,
        side, key, code level, label and unit.
        """
        records: list[dict[str, object]] = []
        for row in self.rows:
            side = self.side_of(row)
            record: dict[str, object] = {
                "table": self.table_id,
                "side": side.name if side else None,
                "key": row.key,
                "level": row.level.chinese if row.level else None,
                "label": row.label,
                "unit": self.unit.value,
            }
            columns = side.columns if side else ()
            for column in columns:
                cell = row.cells.get(column.id)
                value: Decimal | None = cell.value if isinstance(cell, Amount) else None
                record[column.id] = value
            records.append(record)
        return records

    def _repr_markdown_(self) -> str:
        from govbudget.render import render_table

        return render_table(self, "markdown")

    def _repr_html_(self) -> str:
        from govbudget.render import render_table

        return render_table(self, "html")


def _key_of(key: str | ClassificationCode) -> str:
    if isinstance(key, ClassificationCode):
        return key.digits
    if not isinstance(key, str):
        raise WrongTypeError(key, "a row key or classification code")
    if key.isascii() and (key.isdigit() or key.isidentifier()):
        return key
    stripped = key.strip()
    if stripped and (stripped[0].isdigit() or stripped[0] in "[【"):
        return parse_code(stripped).digits
    return stripped

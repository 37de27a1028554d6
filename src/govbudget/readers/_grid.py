"""From the lines of one table to its header and body rows.

A table's lines hold its number ("公开 01 表"), its unit, the entity line,
header lines, body rows, a note (注：…), and layout (blank lines, page
numbers). Rows are lines of cells, or, for text with one cell per line,
groups of lines between blank lines.
"""

from __future__ import annotations

import re

import attrs

from govbudget.amounts import Unit
from govbudget.readers._lines import Cell, Kind, SourceLine, clean, is_page_number, is_rule
from govbudget.readers._lines import split_cells as _split
from govbudget.readers._notes import Notebook
from govbudget.readers._titles import match_marker, unit_in

__all__ = ["Grid", "GridRow", "read_grid"]

_ENTITY_LINE = re.compile(r"^(?:部门|单位|单位名称|编制部门|编制单位|填报单位|预算单位)[:：]")
_ORDINAL_LABELS = frozenset({"栏次", "行次"})


@attrs.define
class GridRow:
    """A row of cells and the line (or first line) it came from."""

    cells: list[Cell]
    line: SourceLine
    lines: list[SourceLine] = attrs.field(factory=list)

    @property
    def filled(self) -> list[Cell]:
        """The cells that are not empty."""
        return [cell for cell in self.cells if cell.kind is not Kind.EMPTY]

    @property
    def text_only(self) -> bool:
        """Whether the row holds words and nothing else."""
        filled = self.filled
        return bool(filled) and all(cell.kind is Kind.TEXT for cell in filled)

    @property
    def is_ordinal_row(self) -> bool:
        """The 栏次 row: "栏次 1 2 3 …", or bare 1, 2, 3 … in sequence."""
        filled = self.filled
        words = [clean(cell.text) for cell in filled if cell.kind is Kind.TEXT]
        if words and words[0] in _ORDINAL_LABELS:
            return all(w in _ORDINAL_LABELS for w in words)
        numbers = [cell.text for cell in filled if cell.kind is not Kind.TEXT]
        if words or len(numbers) < 2 or not all(n.isdigit() for n in numbers):
            return False
        return [int(n) for n in numbers] == list(range(1, len(numbers) + 1))


@attrs.define
class Grid:
    """A table's lines sorted out.

    Attributes:
        header: Header rows, top down (including the 栏次 row).
        body: Body rows and stray text rows, in order.
        unit: The unit printed with the table, if any.
        marker: The "公开 NN 表" number, if printed.
        note: The note under the table, if any.
        note_lines: Its lines.
        statements: Lines saying the table is empty (本单位无…).
        cells_mode: Whether the text had one cell per line.
        last_line: The last line that belongs to the table.
    """

    header: list[GridRow] = attrs.field(factory=list)
    body: list[GridRow] = attrs.field(factory=list)
    unit: Unit | None = None
    marker: str | None = None
    note: str | None = None
    note_lines: list[SourceLine] = attrs.field(factory=list)
    statements: list[tuple[str, SourceLine]] = attrs.field(factory=list)
    cells_mode: bool = False
    last_line: int = 0


def read_grid(lines: list[SourceLine], part: str, notes: Notebook) -> Grid:
    """Sort a table's lines (the title excluded) into a :class:`Grid`.

    Notes every line it takes (number, unit, entity line, note, layout);
    header and body rows are left for the table reader to note.
    """
    grid = Grid(last_line=lines[-1].number if lines else 0)
    rows: list[GridRow | None] = []  # None marks a gap (blank line)
    in_note = False

    for position, line in enumerate(lines):
        text = clean(line.text)
        if line.blank or is_rule(line.text) or _page_number_here(lines, position):
            notes.ignore(line, "layout" if line.blank or is_rule(line.text) else "page number")
            rows.append(None)
            in_note = False
            continue
        if in_note:
            grid.note = (grid.note or "") + line.text.strip()
            grid.note_lines.append(line)
            notes.read(line, f"{part} note")
            continue
        if text.startswith(("注:", "注释:", "说明:")):
            grid.note = line.text.strip()
            grid.note_lines.append(line)
            notes.read(line, f"{part} note")
            in_note = True
            continue

        marker = match_marker(line.text)
        unit = unit_in(line.text)
        if marker is not None or unit is not None or _ENTITY_LINE.match(text):
            grid.marker = marker or grid.marker
            grid.unit = unit or grid.unit
            notes.read(line, f"{part} heading")
            rows.append(None)
            continue
        if _is_statement(text):
            grid.statements.append((line.text.strip(), line))
            notes.read(line, f"{part} empty-table statement")
            continue
        rows.append(GridRow(_split(line.text), line, [line]))

    present = [row for row in rows if row is not None]
    grid.cells_mode = len(present) >= 2 and all(len(row.filled) <= 1 for row in present)
    body = _group(rows) if grid.cells_mode else present
    _split_header(grid, body)
    return grid


def _page_number_here(lines: list[SourceLine], position: int) -> bool:
    """A page number inside a table; a bare number must sit at a page break.

    A lone number could also be the 行次 of an empty row, so it counts as
    a page number only after a blank line or just before a new page.
    """
    line = lines[position]
    if not is_page_number(line):
        return False
    if not clean(line.text).isdigit():
        return True
    before = lines[position - 1] if position > 0 else None
    after = lines[position + 1] if position + 1 < len(lines) else None
    return (before is not None and before.blank) or (after is not None and after.page != line.page)


def _is_statement(text: str) -> bool:
    return (
        len(text) >= 6
        and ("无" in text or "没有" in text)
        and text.startswith(("本单位", "本部门", "我单位", "我部门", "本表", "本年度", "此表"))
    )


def _group(rows: list[GridRow | None]) -> list[GridRow]:
    """Join one-cell lines into rows at the blank lines between them."""
    grouped: list[GridRow] = []
    current: GridRow | None = None
    for row in rows:
        if row is None:
            current = None
            continue
        if current is None:
            current = GridRow([], row.line, [])
            grouped.append(current)
        current.cells.extend(row.filled)
        current.lines.append(row.line)
    return [
        GridRow(
            [attrs.evolve(cell, index=None, start=0, end=0) for cell in row.cells],
            row.line,
            row.lines,
        )
        for row in grouped
    ]


def _split_header(grid: Grid, rows: list[GridRow]) -> None:
    """Header rows run until the first row with a figure that is not the 栏次 row."""
    for position, row in enumerate(rows):
        if row.is_ordinal_row or row.text_only:
            grid.header.append(row)
            continue
        grid.body = rows[position:]
        return
    grid.body = []

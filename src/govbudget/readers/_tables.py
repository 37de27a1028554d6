"""Reading the final-accounts tables 01–09 from their grid of cells.

Four shapes cover the nine tables:

- coded tables (02, 03, 05, 08, 09): code, name, then one figure per column;
- two-sided summaries (01, 04): income rows on the left and spending rows
  on the right of the same line, each with 项目, 行次 and figures;
- the three lanes of table 06, each lane a code, a name and a figure;
- the single row of twelve figures of table 07.

Figures go to columns by position when the text keeps empty cells (tabs,
``|``), by count when every column is filled, and by alignment under the
other rows' figures when the text is space-aligned. A row whose figures
cannot be placed is reported, never guessed.
"""

from __future__ import annotations

import functools

import attrs

from govbudget.amounts import Amount, Blank, Unit, parse_amount
from govbudget.codes import Level, Scheme, default_catalog, normalise_label
from govbudget.disclosure import table_class
from govbudget.errors import GovBudgetError
from govbudget.readers._grid import Grid, GridRow, read_grid
from govbudget.readers._lines import Cell, Kind, SourceLine, clean
from govbudget.readers._notes import Notebook
from govbudget.readers._report import FoundTable
from govbudget.readers._titles import TitleMatch
from govbudget.tables import Row, SideLayout, Table, TableLayout, layout_for, layouts_of

__all__ = ["TableRead", "read_table"]

_CODED = frozenset({"02", "03", "05", "08", "09"})
_TWO_SIDED = frozenset({"01", "04"})
_FOOTER_06 = {"人员经费合计": "personnel_total", "公用经费合计": "public_total"}


@attrs.define
class TableRead:
    """What reading one table gave.

    Attributes:
        table: The table, or ``None`` if none could be built.
        found: The report entry for it.
        statements: Lines under the table saying it is empty.
    """

    table: Table | None
    found: FoundTable
    statements: list[str] = attrs.field(factory=list)


@attrs.define
class _Entry:
    """One side of one row, before keys and columns are known."""

    side: str
    line: SourceLine
    label: str = ""
    code: str | None = None
    ordinal: int | None = None
    values: list[Cell] = attrs.field(factory=list)
    slots: list[Cell | None] | None = None
    lane: int = 0


def read_table(
    title: TitleMatch,
    title_line: SourceLine,
    lines: list[SourceLine],
    year: int | None,
    notes: Notebook,
) -> TableRead:
    """Read one final-accounts table from its title and the lines under it.

    Args:
        title: The recognised title (its ``table_id`` must be set).
        title_line: The line of the title.
        lines: The lines from just after the title to the end of the table.
        year: The fiscal year, to pick the layout when the table does not
            show it.
        notes: Where to note what became of each line.

    Returns:
        The table (or ``None``) and the report entry.
    """
    table_id = title.table_id or ""
    part = f"table {table_id}"
    notes.read(title_line, f"{part} title")
    grid = read_grid(lines, part, notes)
    for row in grid.header:
        for line in row.lines:
            notes.read(line, f"{part} header")

    reader = _TableReader(table_id, grid, year, notes, part)
    table = reader.build(title_line, title.name)
    for row in grid.body:
        first = notes.note(row.line)
        for line in row.lines[1:]:
            if first is not None:
                notes.copy(first, line)
    last = max([title_line.number, *(line.number for line in lines if not line.blank)])
    found = FoundTable(
        title=title_line.text.strip(),
        first_line=title_line.number,
        last_line=last,
        table_id=table_id,
        kind="final accounts",
        modelled=table is not None,
        page=title_line.page,
        reason="" if table is not None else reader.failure,
    )
    return TableRead(table, found, [text for text, _ in grid.statements])


class _TableReader:
    """Reads the body rows of one table; one instance per table."""

    def __init__(self, table_id: str, grid: Grid, year: int | None, notes: Notebook, part: str):
        self.table_id = table_id
        self.grid = grid
        self.year = year
        self.notes = notes
        self.part = part
        self.unit = grid.unit or Unit.WAN
        self.failure = ""

    # Building ---------------------------------------------------------------

    def build(self, title_line: SourceLine, printed_title: str) -> Table | None:
        layout = self._layout()
        if self.table_id in _CODED:
            entries = self._coded(layout.sides[0])
        elif self.table_id in _TWO_SIDED:
            entries = self._two_sided(layout)
        elif self.table_id == "06":
            entries = self._lanes()
        else:
            entries = self._single(layout.sides[0])

        if self.table_id == "01":
            layout = self._layout_01(entries)
        rows = self._rows(layout, entries)
        cls = table_class(self.table_id)
        same = _unquoted(title_line.text) == _unquoted(layout.title)
        title = None if same or not printed_title else title_line.text.strip()
        try:
            return cls(
                layout,
                tuple(rows),
                unit=self.unit,
                title=title,
                note=self.grid.note,
                line=title_line.number,
            )
        except GovBudgetError as error:
            self.failure = f"the rows do not fit layout {layout.name}: {error}"
            for row in self.grid.body:
                self.notes.miss(row.line, self.part, self.failure)
            return None

    def _layout(self) -> TableLayout:
        header = "".join(clean(cell.text) for row in self.grid.header for cell in row.cells)
        if self.table_id == "04":
            name = "2021" if "国有资本" in header else None
            if name is None and not header and self.year is not None and self.year >= 2021:
                name = "2021"
            return layout_for("04", name=name or "2016")
        if self.table_id == "05":
            return layout_for("05", name="2019-budget" if "年初预算" in header else "2016")
        if self.table_id == "09":
            return layouts_of("09")[1 if "收入" in header else 0]
        if self.year is not None:
            try:
                return layout_for(self.table_id, year=self.year)
            except GovBudgetError:
                pass
        return layout_for(self.table_id)

    def _layout_01(self, entries: list[_Entry]) -> TableLayout:
        """The 2016 or 2019 layout of table 01, by which income rows are printed."""
        best = layout_for("01", year=self.year) if self.year else layout_for("01")
        best_score = -1
        for layout in layouts_of("01"):
            side = layout.side("income")
            labels = {normalise_label(spec.label) for spec in side.rows}
            for spec in side.rows:
                labels.update(normalise_label(alias) for alias in spec.aliases)
            score = sum(
                1 for e in entries if e.side == "income" and normalise_label(e.label) in labels
            )
            if score > best_score or (score == best_score and layout is best):
                best, best_score = layout, score
        return best

    # The four shapes ----------------------------------------------------------

    def _coded(self, side: SideLayout) -> list[_Entry]:
        entries: list[_Entry] = []
        rows = self.grid.body
        anchors = _anchors(rows, len(side.columns))
        pending: list[GridRow] = []
        for row in rows:
            if row.text_only:
                pending.append(row)
                continue
            entry = self._keyed(row, "main")
            entry.slots = self._place(row, entry.values, len(side.columns), anchors)
            self._attach_wrapped(entry, pending, entries, row)
            pending = []
            entries.append(entry)
        self._leftover(pending, entries)
        return entries

    def _two_sided(self, layout: TableLayout) -> list[_Entry]:
        income, spending = layout.sides
        split = None if self.grid.cells_mode else _side_split(self.grid.header)
        entries: list[_Entry] = []
        sizes = {"income": len(income.columns), "expenditure": len(spending.columns)}
        groups_by_row: list[tuple[GridRow, list[tuple[str, list[Cell]]]]] = []
        for row in self.grid.body:
            if row.text_only and len(row.filled) == 1:
                self.notes.miss(row.line, self.part, "text that is not a row of the table")
                continue
            groups = _split_sides(row, split, sizes)
            groups_by_row.append((row, groups))

        anchors: dict[str, dict[int, float]] = {}
        for side_name, size in sizes.items():
            side_rows = [
                GridRow(cells, row.line)
                for row, groups in groups_by_row
                for name, cells in groups
                if name == side_name
            ]
            anchors[side_name] = _anchors(side_rows, size)

        for row, groups in groups_by_row:
            if not groups:
                reason = "cannot tell the income side from the spending side"
                self.notes.miss(row.line, self.part, reason)
                continue
            for name, cells in groups:
                side_row = GridRow(cells, row.line)
                entry = self._keyed(side_row, name, ordinals=True)
                entry.slots = self._place(side_row, entry.values, sizes[name], anchors[name])
                entries.append(entry)
        return entries

    def _lanes(self) -> list[_Entry]:
        starts = [] if self.grid.cells_mode else _lane_starts(self.grid.header)
        lanes: dict[int, list[_Entry]] = {}
        footer: list[_Entry] = []
        for row in self.grid.body:
            words = [clean(cell.text) for cell in row.filled if cell.kind is Kind.TEXT]
            if any(word in _FOOTER_06 for word in words):
                footer.extend(self._footer(row))
                continue
            triples = _triples(row)
            if not triples:
                self.notes.miss(row.line, self.part, "no code, name and figure in this line")
                continue
            lane = -1
            for cells in triples:
                lane = _lane_of(cells, starts, lanes, lane)
                entry = self._keyed(GridRow(cells, row.line), "main")
                entry.lane = lane
                entry.slots = self._place(GridRow(cells, row.line), entry.values, 1, {})
                lanes.setdefault(lane, []).append(entry)
        ordered = [entry for lane in sorted(lanes) for entry in lanes[lane]]
        return ordered + footer

    def _footer(self, row: GridRow) -> list[_Entry]:
        entries: list[_Entry] = []
        current: _Entry | None = None
        for cell in row.filled:
            if cell.kind is Kind.TEXT:
                current = _Entry("main", row.line, label=cell.text)
                entries.append(current)
            elif current is not None and cell.is_value and not current.values:
                current.values.append(cell)
                current.slots = [cell]
        return entries

    def _single(self, side: SideLayout) -> list[_Entry]:
        entries = []
        anchors = _anchors(self.grid.body, len(side.columns))
        for row in self.grid.body:
            entry = _Entry("main", row.line, values=self._values_of(row))
            entry.slots = self._place(row, entry.values, len(side.columns), anchors)
            if any(c.kind is Kind.TEXT for c in row.filled):
                entry.label = " ".join(c.text for c in row.filled if c.kind is Kind.TEXT)
            entries.append(entry)
        return entries

    # Rows -----------------------------------------------------------------------

    def _keyed(self, row: GridRow, side: str, *, ordinals: bool = False) -> _Entry:
        """Code, label and ordinal at the front of a row; figures after them."""
        entry = _Entry(side, row.line)
        cells = row.filled
        position = 0
        if position < len(cells) and cells[position].kind is Kind.CODE:
            code = cells[position].code or ""
            position += 1
            while (
                position < len(cells)
                and len(code) < 7
                and cells[position].kind is Kind.INTEGER
                and len(cells[position].text) == 2
                and position + 1 < len(cells)
                and cells[position + 1].kind in (Kind.TEXT, Kind.INTEGER)
            ):
                code += cells[position].text
                position += 1
            entry.code = code
        words = []
        while position < len(cells) and cells[position].kind is Kind.TEXT:
            words.append(cells[position].text)
            position += 1
        entry.label = "".join(words)
        if (
            ordinals
            and position < len(cells)
            and cells[position].kind is Kind.INTEGER
            and len(cells[position].text) <= 3
        ):
            entry.ordinal = int(cells[position].text)
            position += 1
        entry.values = [cell for cell in cells[position:] if cell.is_value]
        stray = [cell.text for cell in cells[position:] if not cell.is_value]
        if stray:
            self.notes.partly(row.line, self.part, f"words after the figures: {' '.join(stray)}")
        return entry

    def _values_of(self, row: GridRow) -> list[Cell]:
        return [cell for cell in row.filled if cell.is_value]

    def _place(
        self, row: GridRow, values: list[Cell], size: int, anchors: dict[int, float]
    ) -> list[Cell | None] | None:
        """Which column each figure stands in; ``None`` if that cannot be told."""
        if len(values) == size:
            return list(values)
        indexed = [cell for cell in row.cells if cell.index is not None]
        if indexed and values:
            tail = row.cells[-size:] if len(row.cells) >= size else []
            first_value = row.cells.index(values[0])
            if tail and first_value >= len(row.cells) - size:
                return [cell if cell.is_value else None for cell in tail]
        if not values:
            return [None] * size
        if anchors and not self.grid.cells_mode and all(cell.index is None for cell in values):
            slots: list[Cell | None] = [None] * size
            for cell in values:
                column = min(anchors, key=lambda c: abs(anchors[c] - cell.end))
                if slots[column] is not None:
                    return None
                slots[column] = cell
            return slots
        return None

    def _attach_wrapped(
        self, entry: _Entry, above: list[GridRow], entries: list[_Entry], row: GridRow
    ) -> None:
        """Join a name wrapped onto the lines above and below a row's figures."""
        if entry.label or not above:
            self._leftover(above, entries)
            return
        entry.label = "".join(part.filled[0].text for part in above if part.filled)
        for part in above:
            self.notes.read(part.line, f"{self.part} row name (wrapped)")

    def _leftover(self, pending: list[GridRow], entries: list[_Entry]) -> None:
        """Text lines under a row: the end of its wrapped name, or not understood."""
        for part in pending:
            previous = entries[-1] if entries else None
            if (
                previous is not None
                and previous.code is not None
                and 0 < part.line.number - previous.line.number <= 2
                and len(part.filled) == 1
            ):
                previous.label += part.filled[0].text
                self.notes.read(part.line, f"{self.part} row name (wrapped)")
            else:
                self.notes.miss(part.line, self.part, "text in the table body that is not a row")

    def _rows(self, layout: TableLayout, entries: list[_Entry]) -> list[Row]:
        rows: list[Row] = []
        matcher = _RowMatcher(layout, self.year)
        missed: set[int] = set()
        for entry in entries:
            side = layout.side(entry.side) if entry.side != "main" else layout.sides[0]
            key, problem = matcher.key(entry, side)
            if problem:
                self._problem(entry, problem, missed)
                continue
            if entry.slots is None:
                shown = ", ".join(cell.text for cell in entry.values)
                self._problem(
                    entry,
                    f"cannot tell which of {len(side.columns)} columns the figures "
                    f"{shown} stand in",
                    missed,
                )
                continue
            cells: dict[str, Amount | Blank] = {}
            for column, cell in zip(side.columns, entry.slots, strict=False):
                if cell is None:
                    continue
                try:
                    cells[column.id] = parse_amount(cell.text, self.unit)
                except GovBudgetError as error:
                    self._problem(entry, f"figure {cell.text!r} not read: {error}", missed)
            is_filler = key.startswith("filler")
            rows.append(
                Row(
                    key,
                    entry.label,
                    cells,
                    ordinal=entry.ordinal,
                    side=entry.side if is_filler else None,
                    line=entry.line.number,
                    page=entry.line.page,
                )
            )
            if entry.line.number not in missed:
                self.notes.read(entry.line, f"{self.part} row")
        return rows

    def _problem(self, entry: _Entry, reason: str, missed: set[int]) -> None:
        missed.add(entry.line.number)
        shown = f"{entry.code or ''} {entry.label}".strip()
        reason = f"{shown}: {reason}" if shown else reason
        if self.notes.status(entry.line) is None:
            self.notes.miss(entry.line, self.part, reason)
        else:
            self.notes.partly(entry.line, self.part, reason)


class _RowMatcher:
    """Finds the key of a row: its code, a fixed row of the layout, or a filler."""

    def __init__(self, layout: TableLayout, year: int | None) -> None:
        self.layout = layout
        self.year = year
        self.used: set[tuple[str, str]] = set()
        self.cursor: dict[str, int] = {}
        self.fillers = 0

    def key(self, entry: _Entry, side: SideLayout) -> tuple[str, str]:
        if entry.code is not None:
            return self._coded(entry.code, side)
        label = normalise_label(entry.label)
        if not label:
            if side.name == "main" and self.layout.table_id == "07":
                return "amounts", ""
            self.fillers += 1
            return f"filler.{entry.ordinal if entry.ordinal is not None else self.fillers}", ""
        found = self._fixed(label, side)
        if found is not None:
            return found, ""
        if side.scheme is Scheme.FUNCTIONAL and side.deepest is Level.CATEGORY:
            code = _category_by_name(label, self.year)
            if code is not None:
                return code, ""
        return "", f"not a row of table {self.layout.table_id} ({side.name} side)"

    def _coded(self, code: str, side: SideLayout) -> tuple[str, str]:
        if side.scheme is None or Scheme.of_digits(code) is not side.scheme:
            return "", f"code {code} is not of the {side.name} side's classification"
        if (len(code) - 1) // 2 > side.deepest.value or len(code) not in side.scheme.lengths:
            return "", f"code {code} is deeper than this table goes"
        return code, ""

    def _fixed(self, label: str, side: SideLayout) -> str | None:
        specs = list(side.rows)
        start = self.cursor.get(side.name, 0)
        for order in (range(start, len(specs)), range(0, start)):
            for position in order:
                spec = specs[position]
                names = {normalise_label(spec.label), *map(normalise_label, spec.aliases)}
                if label in names and (side.name, spec.id) not in self.used:
                    self.used.add((side.name, spec.id))
                    self.cursor[side.name] = position + 1
                    return spec.id
        return None


def _unquoted(text: str) -> str:
    return "".join(ch for ch in clean(text) if ch not in "“”\"'‘’「」")


@functools.lru_cache(maxsize=1024)
def _category_by_name(label: str, year: int | None) -> str | None:
    """The functional 类 whose name the label is, in ``year`` or any year."""
    catalog = default_catalog()
    for when in (year, None):
        for entry in catalog.entries(when, scheme=Scheme.FUNCTIONAL, level=Level.CATEGORY):
            if normalise_label(entry.name) == label:
                return entry.code
    for entry in catalog.entries(None, scheme=Scheme.FUNCTIONAL, level=Level.CATEGORY):
        if any(normalise_label(old.name) == label for old in catalog.history(entry.code)):
            return entry.code
    return None


def _anchors(rows: list[GridRow], size: int) -> dict[int, float]:
    """Where each column's figures end, from the rows that fill every column."""
    ends: dict[int, list[int]] = {}
    for row in rows:
        values = [cell for cell in row.filled if cell.is_value]
        if len(values) == size and all(cell.index is None for cell in values):
            for column, cell in enumerate(values):
                ends.setdefault(column, []).append(cell.end)
    return {column: sum(found) / len(found) for column, found in ends.items()}


def _side_split(header: list[GridRow]) -> tuple[str, float] | None:
    """Where the spending side starts: a cell index, or a display column."""
    for row in header:
        cells = row.filled
        for word in ("项目", "支出"):
            hits = [c for c in cells if clean(c.text).startswith(word) or clean(c.text) == word]
            if word == "项目" and len(hits) >= 2:
                hit = hits[1]
            elif word == "支出" and hits and cells.index(hits[0]) > 0:
                hit = hits[0]
            else:
                continue
            if hit.index is not None:
                return ("index", float(hit.index))
            return ("column", float(hit.start))
    return None


def _split_sides(
    row: GridRow, split: tuple[str, float] | None, sizes: dict[str, int]
) -> list[tuple[str, list[Cell]]]:
    """The income and spending parts of a two-sided row."""
    if split is not None:
        how, at = split
        left: list[Cell] = []
        right: list[Cell] = []
        for cell in row.cells:
            place = cell.index if how == "index" and cell.index is not None else None
            if place is None and how == "index":
                break
            if place is not None:
                (left if place < at else right).append(cell)
            else:
                (left if cell.end <= at + 1 else right).append(cell)
        else:
            return [
                (name, cells)
                for name, cells in (("income", left), ("expenditure", right))
                if any(c.kind is not Kind.EMPTY for c in cells)
            ]
    return _split_by_grammar(row.filled, sizes)


def _split_by_grammar(cells: list[Cell], sizes: dict[str, int]) -> list[tuple[str, list[Cell]]]:
    """Split a row without positions: name, 行次, figures, then the other side."""
    groups: list[list[Cell]] = []
    current: list[Cell] = []
    capacity = sizes["income"]

    def full() -> bool:
        return sum(1 for c in current if c.is_value and c is not _ordinal_of(current)) >= capacity

    for cell in cells:
        starts_new = False
        if cell.kind is Kind.TEXT:
            starts_new = any(c.kind is not Kind.TEXT for c in current)
        elif (
            cell.kind is Kind.INTEGER
            and _ordinal_of(current) is not None
            and not any(c.is_value and c is not _ordinal_of(current) for c in current)
        ):
            starts_new = int(cell.text) > int(_ordinal_of(current).text)  # type: ignore[union-attr]
        elif cell.is_value and full():
            starts_new = True
        if starts_new and current:
            groups.append(current)
            current = []
            capacity = sizes["expenditure"]
        current.append(cell)
    if current:
        groups.append(current)
    if len(groups) == 2:
        return [("income", groups[0]), ("expenditure", groups[1])]
    if len(groups) == 1:
        return [(_side_by_label(groups[0]), groups[0])]
    return []


def _ordinal_of(cells: list[Cell]) -> Cell | None:
    """The 行次 of a side: the first whole number right after the name."""
    for cell in cells:
        if cell.kind is Kind.TEXT:
            continue
        return cell if cell.kind is Kind.INTEGER and len(cell.text) <= 3 else None
    return None


def _side_by_label(cells: list[Cell]) -> str:
    label = next((normalise_label(c.text) for c in cells if c.kind is Kind.TEXT), "")
    spending_words = ("支出", "结余分配", "年末")
    return "expenditure" if label.endswith(spending_words) or label.startswith("年末") else "income"


def _lane_starts(header: list[GridRow]) -> list[tuple[str, float]]:
    """Where each lane of table 06 starts: cells whose header names the code."""
    for row in header:
        hits = [cell for cell in row.filled if "编码" in clean(cell.text)]
        if len(hits) >= 2:
            return [
                ("index", float(c.index)) if c.index is not None else ("column", float(c.start))
                for c in hits
            ]
    return []


def _triples(row: GridRow) -> list[list[Cell]]:
    """Code, name and figure triples of a lane row, in print order."""
    triples: list[list[Cell]] = []
    for cell in row.filled:
        if cell.kind is Kind.CODE:
            triples.append([cell])
        elif triples:
            triples[-1].append(cell)
    return triples


def _lane_of(
    cells: list[Cell],
    starts: list[tuple[str, float]],
    lanes: dict[int, list[_Entry]],
    after: int,
) -> int:
    """The lane a code stands in: by position if known, else by code order."""
    first = cells[0]
    if starts:
        place = float(first.index) if first.index is not None else float(first.start)
        how = "index" if first.index is not None else "column"
        positions = [at for kind, at in starts if kind == how]
        if positions:
            lane = max((i for i, at in enumerate(positions) if place >= at - 2), default=0)
            return max(lane, after + 1) if lane <= after else lane
    code = first.code or ""
    for lane in range(after + 1, max(len(lanes), after + 1) + 1):
        last = lanes.get(lane)
        if not last or _follows(code, last[-1].code or ""):
            return lane
    return after + 1


def _follows(code: str, previous: str) -> bool:
    """Whether ``code`` comes after ``previous`` in one lane's code order."""
    return code.ljust(7, "0") > previous.ljust(7, "0")

"""The indicator block of a performance form (一级/二级/三级指标, 指标值).

Two readings, one per kind of text:

* Separated cells (tabs, ``|``), as copied from a web page. Rows are often
  ragged: merged 一级 cells leave the row short by one, and a row's tail
  may shift a column. The cells are read by what they say: a cell that
  names a first level is the first level, one that names a second level
  the second; of the rest, the first is the indicator and the second its
  value. A lone cell that reads as a number (``1 年``) is the value.
* Space-aligned text (``pdftotext -layout``). Cells go to the header's
  columns by where they stand; lines that touch (no blank line between)
  are one row whose cells wrapped, and are joined.

Merged level cells are filled down from the row above; rows above the first
printed label take it from below. A value that cannot be read leaves the
indicator without a target and a note in the report.
"""

from __future__ import annotations

import re

import attrs

from govbudget.errors import GovBudgetError
from govbudget.performance import FirstLevel, Indicator, IndicatorValue, SecondLevel
from govbudget.readers._form_cells import FormRow, LineTally
from govbudget.readers._lines import Cell as TextCell
from govbudget.readers._lines import clean

__all__ = ["is_indicator_header", "read_indicators"]

_SIDE_LABELS = frozenset({"年度绩效指标", "绩效指标", "绩效目标", "年度绩效目标"})
_BRACKET_UNIT = re.compile(r"^(.*\d)\s*[(（]([^()（）]{1,6})[)）]$")


def is_indicator_header(row: FormRow, neighbours: list[FormRow]) -> bool:
    """Whether a row heads the indicator block (一级指标 … 二级指标 …).

    In space-aligned text the 一级 label may sit on the line above or below
    (``一级`` / ``指标`` wrapped round the row with 二级指标); ``neighbours``
    are the rows on the lines next to this one.
    """
    if not any(clean(text).startswith("二级") for text in row.texts):
        return False
    return any(
        clean(text).startswith("一级")
        for other in [row, *neighbours]
        if other is row or abs(other.line.number - row.line.number) == 1
        for text in other.texts
    )


@attrs.define
class _Record:
    """One indicator row as printed, before levels are filled in."""

    rows: list[FormRow]
    first: str = ""
    second: str = ""
    content: str = ""
    target: str = ""
    unused: list[str] = attrs.field(factory=list)
    filled: str = ""


def read_indicators(
    header: list[FormRow], rows: list[FormRow], tally: LineTally, part: str
) -> tuple[Indicator, ...]:
    """The indicators of the rows under ``header``, each line noted in ``tally``.

    Args:
        header: The header row(s) of the block.
        rows: The rows below it, to the end of the form.
        tally: Where to note what became of each line.
        part: The report's name for the form ("performance form 1").
    """
    for row in header:
        tally.read(row.line, f"{part} indicator header")
    if not rows:
        return ()
    if all(row.indexed for row in rows):
        records = [_indexed_record(row) for row in rows]
    else:
        records = _aligned_records(header, rows)
    _fill_levels(records, aligned=not all(row.indexed for row in rows))

    indicators = []
    for record in records:
        indicator = _indicator(record, tally, part)
        if indicator is not None:
            indicators.append(indicator)
    return tuple(indicators)


# Separated cells -------------------------------------------------------------


def _looks_like_value(text: str) -> bool:
    try:
        return IndicatorValue.parse(_unbracketed(text)).is_quantitative
    except GovBudgetError:
        return False


def _indexed_record(row: FormRow) -> _Record:
    texts = [text for text in row.texts if clean(text) not in _SIDE_LABELS]
    record = _Record([row])
    if texts and FirstLevel.parse(texts[0]) is not None:
        # 成本指标 names a first and a second level; it is the first only
        # when a second level follows it.
        either = SecondLevel.parse(texts[0]) is not None
        if not either or (len(texts) > 1 and SecondLevel.parse(texts[1]) is not None):
            record.first = texts.pop(0)
    if texts and (SecondLevel.parse(texts[0]) is not None or len(texts) >= 3):
        record.second = texts.pop(0)
    if len(texts) == 1 and _looks_like_value(texts[0]):
        record.target = texts[0]
    elif texts:
        record.content = texts[0]
        record.target = texts[1] if len(texts) > 1 else ""
        record.unused = texts[2:]
    return record


# Space-aligned text ----------------------------------------------------------


@attrs.frozen
class _Column:
    role: str
    start: int
    end: int

    @property
    def centre(self) -> float:
        return (self.start + self.end) / 2


def _role(text: str) -> str:
    words = clean(text)
    if words.startswith("一级"):
        return "first"
    if words.startswith("二级"):
        return "second"
    if words.startswith(("三级", "指标内容", "指标名称", "绩效指标名称")):
        return "content"
    if "指标值" in words:
        return "target"
    if words.startswith(("分值", "权重")):
        return "weight"
    return "other"


def _columns(header: list[FormRow]) -> list[_Column]:
    columns = [
        _Column(_role(cell.text), cell.start, cell.end)
        for row in header
        for cell in row.cells
        if _role(cell.text) != "other"
    ]
    return sorted(columns, key=lambda column: column.start)


def _aligned_records(header: list[FormRow], rows: list[FormRow]) -> list[_Record]:
    columns = _columns(header)
    firsts = [column.start for column in columns if column.role == "first"]
    left_edge = min(firsts) if firsts else 0
    order = [column.role for column in columns]
    placed: list[list[tuple[str, str]]] = []
    for row in rows:
        cells: list[tuple[str, str]] = []
        for cell in _level_pieces(row.cells):
            if cell.end <= left_edge or clean(cell.text) in _SIDE_LABELS:
                continue
            role = _labelled(cell.text) or _nearest(columns, cell)
            taken = {placed_role for placed_role, _ in cells}
            if role in taken and role in order and order.index(role) + 1 < len(order):
                role = order[order.index(role) + 1]
            cells.append((role, cell.text))
        placed.append(cells)

    records: list[_Record] = []
    for block in _blocks(list(zip(rows, placed, strict=True))):
        records.extend(_block_records(block))
    return records


def _level_pieces(cells: tuple[TextCell, ...]) -> list[TextCell]:
    """Cells with a level label split off ("效益指标 社会效益指标" is two cells)."""
    pieces: list[TextCell] = []
    for cell in cells:
        words = cell.text.split(" ")
        if len(words) < 2 or not any(_labelled(word) for word in words):
            pieces.append(cell)
            continue
        offset = cell.start
        for word in words:
            if word:
                pieces.append(attrs.evolve(cell, text=word, start=offset, end=offset + len(word)))
            offset += len(word) + 1
    return pieces


def _labelled(text: str) -> str | None:
    """The level column a cell belongs to by what it says, if it names a level."""
    first, second = FirstLevel.parse(text), SecondLevel.parse(text)
    if first is not None and second is not None:
        return None  # 成本指标 is either; where it stands decides
    if first is not None:
        return "first"
    if second is not None:
        return "second"
    return None


def _nearest(columns: list[_Column], cell: TextCell) -> str:
    if not columns:
        return "other"
    middle = (cell.start + cell.end) / 2
    return min(columns, key=lambda column: abs(column.centre - middle)).role


def _blocks(
    placed: list[tuple[FormRow, list[tuple[str, str]]]],
) -> list[list[tuple[FormRow, list[tuple[str, str]]]]]:
    """Runs of lines with no blank line between them."""
    blocks: list[list[tuple[FormRow, list[tuple[str, str]]]]] = []
    for item in placed:
        if blocks and blocks[-1][-1][0].line.number + 1 == item[0].line.number:
            blocks[-1].append(item)
        else:
            blocks.append([item])
    return blocks


def _block_records(block: list[tuple[FormRow, list[tuple[str, str]]]]) -> list[_Record]:
    """One record per value line; the other lines wrap into their neighbours."""
    with_value = [i for i, (_, cells) in enumerate(block) if any(r == "target" for r, _ in cells)]
    if len(with_value) <= 1:
        groups = [block]
    else:
        cuts = [0, *(_start_of(block, i) for i in with_value[1:]), len(block)]
        groups = [block[cuts[i] : cuts[i + 1]] for i in range(len(cuts) - 1)]
    records = []
    for group in groups:
        record = _Record([row for row, _ in group])
        for _, cells in group:
            for role, text in cells:
                if role in ("first", "second", "content", "target"):
                    setattr(record, role, _join(getattr(record, role), text))
                elif role == "weight":
                    record.unused.append(f"分值 {text} (no place on a target form)")
                else:
                    record.unused.append(text)
        records.append(record)
    return records


def _start_of(block: list[tuple[FormRow, list[tuple[str, str]]]], value_line: int) -> int:
    """Where the row of a value line starts: above it when its indicator wrapped.

    A value line without an indicator cell takes the line just above, if
    that line has an indicator cell and no value (the name wrapped round
    the value, as ``pdftotext`` prints a centred cell).
    """
    roles = {role for role, _ in block[value_line][1]}
    if "content" in roles or value_line == 0:
        return value_line
    above = {role for role, _ in block[value_line - 1][1]}
    return value_line - 1 if "content" in above and "target" not in above else value_line


def _join(before: str, after: str) -> str:
    """Join a wrapped cell: no space between Chinese characters."""
    if not before:
        return after
    if before[-1].isascii() and after[:1].isascii():
        return f"{before} {after}"
    return before + after


# Levels and indicators -------------------------------------------------------


def _fill_levels(records: list[_Record], *, aligned: bool) -> None:
    """Fill merged level cells: down from above, and up for the leading rows."""
    for level in ("first", "second"):
        printed = [i for i, record in enumerate(records) if getattr(record, level)]
        if not printed:
            continue
        label = getattr(records[printed[0]], level)
        for record in records[: printed[0]]:
            if record.content or record.target:
                setattr(record, level, label)
                record.filled = "levels taken from the merged cell printed below"
        current = label
        for record in records[printed[0] :]:
            if getattr(record, level):
                current = getattr(record, level)
                continue
            setattr(record, level, current)
            if aligned and (record.content or record.target):
                record.filled = (
                    "levels filled down from the rows above; space-aligned text does not "
                    "show where a merged cell ends"
                )


def _unbracketed(text: str) -> str:
    """``≥13459.00(平方米)`` as ``≥13459.00平方米``: a unit printed in brackets."""
    found = _BRACKET_UNIT.match(text.strip())
    return f"{found.group(1)}{found.group(2)}" if found else text


def _indicator(record: _Record, tally: LineTally, part: str) -> Indicator | None:
    lines = [row.line for row in record.rows]
    if not (record.content or record.target):
        for line in lines:
            tally.read(line, f"{part} indicator level label")
        return None

    problems = []
    target = record.target or None
    try:
        indicator = Indicator.from_cells(
            record.first,
            record.second,
            record.content,
            _unbracketed(target) if target else None,
        )
    except GovBudgetError as error:
        first_line = str(error).splitlines()[0] if str(error) else type(error).__name__
        problems.append(f"indicator value {target!r} not read: {first_line}")
        indicator = Indicator.from_cells(record.first, record.second, record.content, None)
    if record.first and indicator.first is None:
        problems.append(f"first level {record.first!r} not recognised")
    if record.second and indicator.second is None:
        problems.append(f"second level {record.second!r} not recognised")
    if record.unused:
        problems.append("cells not read: " + ", ".join(record.unused))
    if record.filled:
        problems.append(record.filled)

    where = f"{part} indicator {indicator.path}"
    for line in lines:
        if problems:
            tally.partly(line, where, "; ".join(problems))
        else:
            tally.read(line, where)
    return indicator

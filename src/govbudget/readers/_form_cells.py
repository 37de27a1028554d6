"""Rows, labels and labelled values of performance forms.

A performance form prints its header as label/value pairs: a label cell
(项目名称, 本年预算金额(万元), 其中:财政拨款 …) and the value in the next
cell, several pairs to a row. Choices are printed as options with a tick
(项目类别 常规 √ 一次性 追加). This module turns a line into the non-empty
cells of a form row and reads the pairs of a row against a table of labels.
"""

from __future__ import annotations

import re

import attrs

from govbudget.amounts import Blank, Cell, Unit, parse_amount
from govbudget.errors import GovBudgetError
from govbudget.readers._lines import Cell as TextCell
from govbudget.readers._lines import SourceLine, clean, split_cells
from govbudget.readers._report import LineStatus

__all__ = [
    "FieldValue",
    "FormRow",
    "LineTally",
    "form_rows",
    "label_key",
    "read_amount",
    "read_fields",
]

_TICKS = frozenset({"√", "✓", "✔", "☑", "■"})
_UNIT_BRACKET = re.compile(r"\((万元|亿元|元)\)")
_SEAL = re.compile(r"\(公章\)|\(盖章\)")


@attrs.frozen
class FormRow:
    """One non-blank line of a form and its non-empty cells.

    Attributes:
        line: The source line.
        cells: The cells holding text, in print order.
        indexed: Whether the cells were separated (tabs, ``|``) rather than
            aligned with spaces.
    """

    line: SourceLine
    cells: tuple[TextCell, ...]
    indexed: bool

    @property
    def texts(self) -> list[str]:
        """The cells' texts, stripped."""
        return [cell.text for cell in self.cells]


def form_rows(lines: list[SourceLine]) -> list[FormRow]:
    """The rows of the non-blank lines, in order."""
    rows = []
    for line in lines:
        if line.blank:
            continue
        cells = tuple(cell for cell in split_cells(line.text) if cell.text)
        indexed = any(cell.index is not None for cell in cells)
        rows.append(FormRow(line, cells, indexed))
    return rows


def label_key(text: str) -> tuple[str, Unit | None]:
    """A printed label without spaces, colon, 其中 or seal mark, and its unit.

    >>> label_key("其中:财政拨款(万元)")
    ('财政拨款', <Unit.WAN: '万元'>)
    """
    words = _SEAL.sub("", clean(text))
    unit = None
    found = _UNIT_BRACKET.search(words)
    if found is not None:
        unit = Unit.parse(found.group(1))
        words = _UNIT_BRACKET.sub("", words)
    words = words.rstrip(":").removeprefix("其中:").removeprefix("其中")
    return words, unit


@attrs.frozen
class FieldValue:
    """A value read for a labelled field.

    Attributes:
        field: The field name the label maps to.
        label: The label as printed.
        text: The value as printed (the ticked option, for ticked choices).
        unit: The unit the label names (``(万元)``), if any.
    """

    field: str
    label: str
    text: str
    unit: Unit | None = None


@attrs.frozen
class _Token:
    text: str
    field: str | None = None
    label: bool = False
    unit: Unit | None = None


def _tokens(texts: list[str], labels: dict[str, str | None]) -> list[_Token]:
    """Cells as label and value tokens; "label：value" cells are split."""
    tokens: list[_Token] = []
    for text in texts:
        key, unit = label_key(text)
        if key in labels:
            tokens.append(_Token(text, labels[key], True, unit))
            continue
        parts = re.split(r"([:：])", text, maxsplit=1)
        if len(parts) == 3 and parts[2].strip() and label_key(parts[0])[0] in labels:
            key, unit = label_key(parts[0])
            tokens.append(_Token(parts[0] + parts[1], labels[key], True, unit))
            tokens.append(_Token(parts[2].strip()))
            continue
        pieces = text.split(" ")
        if len(pieces) > 1 and any(label_key(piece)[0] in labels for piece in pieces):
            tokens.extend(_tokens([piece for piece in pieces if piece], labels))
            continue
        tokens.append(_Token(text))
    return tokens


def read_fields(
    texts: list[str], labels: dict[str, str | None]
) -> tuple[list[FieldValue], list[str]]:
    """The labelled values of one row, and the cells not used.

    Args:
        texts: The row's non-empty cell texts.
        labels: Label keys (see :func:`label_key`) to field names; ``None``
            for a label the model knows but has no field for, ``""`` for a
            label that only groups others (项目资金).

    Returns:
        The values read, in print order, and the texts of cells that were
        neither a label nor the value of a modelled field.
    """
    tokens = _tokens(texts, labels)
    values: list[FieldValue] = []
    unused: list[str] = []
    position = 0
    while position < len(tokens) and not tokens[position].label:
        unused.append(tokens[position].text)
        position += 1
    while position < len(tokens):
        label = tokens[position]
        position += 1
        following: list[str] = []
        while position < len(tokens) and not tokens[position].label:
            following.append(tokens[position].text)
            position += 1
        if label.field is None:
            unused.extend(following)
            if not following:
                unused.append(label.text)
            continue
        if not label.field:
            unused.extend(following)
            continue
        chosen, rest = _choice(following)
        if chosen is None:
            unused.extend([label.text, *rest])
            continue
        values.append(FieldValue(label.field, label.text, chosen, label.unit))
        unused.extend(rest)
    return values, unused


def _choice(following: list[str]) -> tuple[str | None, list[str]]:
    """The value after a label: the ticked option, or the first cell."""
    ticks = [i for i, text in enumerate(following) if text.strip() in _TICKS]
    if ticks:
        options = [text for text in following[: ticks[0]] if text.strip() not in _TICKS]
        if options:
            return options[-1], []
        return None, following
    if not following:
        return None, []
    return following[0], following[1:]


def read_amount(value: FieldValue, unit: Unit) -> tuple[Cell, str]:
    """The amount of a field, and a problem in words if it cannot be read."""
    try:
        return parse_amount(value.text, value.unit or unit), ""
    except GovBudgetError as error:
        return Blank(), f"{value.label} {value.text!r} is not an amount ({error})"


class LineTally:
    """What became of each line of a form, kept until the form is done.

    A later word about a line replaces an earlier one, except that a line
    once partly read stays partly read and gathers the reasons.
    """

    def __init__(self) -> None:
        self.notes: dict[int, tuple[LineStatus, str, str]] = {}

    def read(self, line: SourceLine, part: str) -> None:
        """The line was used as ``part``."""
        earlier = self.notes.get(line.number)
        if earlier is None or earlier[0] is not LineStatus.PARTLY_READ:
            self.notes[line.number] = (LineStatus.READ, part, "")

    def partly(self, line: SourceLine, part: str, reason: str) -> None:
        """Part of the line was used; ``reason`` says what was not."""
        earlier = self.notes.get(line.number)
        if earlier is not None and earlier[0] is LineStatus.PARTLY_READ and earlier[2] != reason:
            reason = f"{earlier[2]}; {reason}"
        self.notes[line.number] = (LineStatus.PARTLY_READ, part, reason)

    def miss(self, line: SourceLine, part: str, reason: str) -> None:
        """Nothing of the line was used."""
        self.notes[line.number] = (LineStatus.NOT_UNDERSTOOD, part, reason)

    def ignore(self, line: SourceLine, reason: str) -> None:
        """The line is layout."""
        self.notes[line.number] = (LineStatus.IGNORED, "", reason)

    def status(self, line: SourceLine) -> LineStatus | None:
        """The status noted so far, if any."""
        earlier = self.notes.get(line.number)
        return earlier[0] if earlier else None

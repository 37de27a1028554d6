"""Source lines, and the cells and tokens a table line splits into.

Text reaches the reader in four shapes: tab-separated cells (copied from a
web page or a spreadsheet), ``|``-separated cells, layout-preserving text
where columns are aligned with runs of spaces (``pdftotext -layout``), and
one cell per line. This module turns a line into cells, keeping where each
cell stood: its index for separated cells, its display column for aligned
text. It also types each cell (code, figure, whole number, text).
"""

from __future__ import annotations

import enum
import functools
import re
import unicodedata

import attrs

from govbudget.codes import normalise
from govbudget.errors import CodeParseError

__all__ = [
    "Cell",
    "Kind",
    "SourceLine",
    "clean",
    "is_page_number",
    "is_rule",
    "split_cells",
    "split_lines",
]


@attrs.frozen
class SourceLine:
    """One line of the input.

    Attributes:
        number: 1-based; lines end at ``\\n``.
        page: 1-based page for text with form feeds or from PDF, else ``None``.
        text: The line without its ending and without form feeds.
    """

    number: int
    page: int | None
    text: str

    @property
    def blank(self) -> bool:
        """Whether the line holds nothing but spaces."""
        return not self.text.strip()


def split_lines(text: str, *, first_page: int | None = None) -> list[SourceLine]:
    """The lines of ``text``, with the page each stands on.

    A form feed (``\\f``, as ``pdftotext`` puts between pages) starts a new
    page; text without one has no page numbers unless ``first_page`` says
    where to start counting.
    """
    page = first_page if first_page is not None else (1 if "\f" in text else None)
    lines: list[SourceLine] = []
    for number, raw in enumerate(text.split("\n"), start=1):
        breaks = raw.count("\f")
        if breaks and page is not None and raw.lstrip("\f") and raw.startswith("\f"):
            page += breaks
            breaks = 0
        lines.append(SourceLine(number, page, raw.replace("\f", "").rstrip("\r")))
        if breaks and page is not None:
            page += breaks
    return lines


@functools.lru_cache(maxsize=8192)
def clean(text: str) -> str:
    """Half-width form without any spaces, for comparing printed words."""
    return "".join(unicodedata.normalize("NFKC", text).split())


_PAGE_NUMBER = re.compile(
    r"^(?:第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?"
    r"|[-—–]\s*\d{1,4}\s*[-—–]"
    r"|\d{1,4}\s*/\s*\d{1,4}"
    r"|\d{1,4})$"
)


def is_page_number(line: SourceLine, *, bare: bool = False) -> bool:
    """Whether the line is a page number ("12", "- 12 -", "第 12 页").

    A bare number counts only when indented (as ``pdftotext -layout``
    centres it) or when ``bare`` says the context allows it.
    """
    stripped = unicodedata.normalize("NFKC", line.text).strip()
    if not _PAGE_NUMBER.match(stripped):
        return False
    if not stripped.isdigit():
        return True
    indent = len(line.text) - len(line.text.lstrip())
    return bare or indent >= 4


def is_rule(text: str) -> bool:
    """Whether the line is a table rule (``|---|---|``, ``-----``, ``====``)."""
    stripped = text.strip()
    return len(stripped) >= 3 and set(stripped) <= set("|-=:+ _—─━┼┬┴├┤│")


class Kind(enum.Enum):
    """What a cell holds."""

    EMPTY = "empty"
    TEXT = "text"
    CODE = "code"
    INTEGER = "integer"
    FIGURE = "figure"
    BLANK = "blank"


@attrs.frozen
class Cell:
    """A cell of a table line.

    Attributes:
        text: The cell as printed, stripped.
        index: Its position among separated cells, or ``None`` for
            space-aligned text.
        start: Character column where it starts. Aligned text is aligned
            by characters, as ``pdftotext -layout`` writes it, whatever
            width a terminal gives CJK characters.
        end: Character column just past its end.
        kind: What it holds.
        code: The normalised classification code, for code cells.
    """

    text: str
    index: int | None
    start: int
    end: int
    kind: Kind
    code: str | None = None

    @property
    def is_value(self) -> bool:
        """A figure, a whole number or a blank mark ("-", "—")."""
        return self.kind in (Kind.FIGURE, Kind.INTEGER, Kind.BLANK)


_FIGURE = re.compile(r"^[-+(]?(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+)\)?$")
_INTEGER = re.compile(r"^[-+]?\d+$")
_CODE = re.compile(r"^[235]\d{2}(?: ?\d{2}){0,2}$")
_BLANKS = frozenset({"-", "--", "—", "——", "–", "/", "不适用", "*"})
_SPACE_RUN = re.compile(r"\S+(?: \S+)*")


@functools.lru_cache(maxsize=8192)
def kind_of(text: str) -> tuple[Kind, str | None]:
    """Type a cell's text; for codes, also return the normalised code."""
    norm = unicodedata.normalize("NFKC", text).strip().replace("\u2212", "-")
    if not norm:
        return Kind.EMPTY, None
    if norm in _BLANKS:
        return Kind.BLANK, None
    if _CODE.match(norm):
        try:
            return Kind.CODE, normalise(norm)
        except CodeParseError:
            pass
    if _FIGURE.match(norm):
        return Kind.FIGURE, None
    if _INTEGER.match(norm):
        return Kind.INTEGER, None
    return Kind.TEXT, None


def split_cells(text: str) -> list[Cell]:
    """The cells of one line, whatever the separator.

    Tabs and ``|`` keep empty cells (their index says the column); runs of
    two or more spaces separate aligned columns, and empty cells are then
    simply absent. A cell of whole numbers split by single spaces that is
    not a code ("1 2 3", "0.00 0.00") is split further.
    """
    if "\t" in text:
        parts = text.split("\t")
        return _indexed(parts)
    if "|" in text and not is_rule(text):
        parts = text.strip().strip("|").split("|")
        return _indexed(parts)
    return _aligned(text)


def _indexed(parts: list[str]) -> list[Cell]:
    cells = []
    column = 0
    for index, part in enumerate(parts):
        kind, code = kind_of(part)
        stripped = part.strip()
        cells.append(Cell(stripped, index, column, column + len(part), kind, code))
        column += len(part) + 1
    return cells


def _aligned(text: str) -> list[Cell]:
    cells: list[Cell] = []
    expanded = text.expandtabs()
    for match in _SPACE_RUN.finditer(expanded):
        for offset, piece in _pieces(match.group()):
            kind, code = kind_of(piece)
            begin = match.start() + offset
            cells.append(Cell(piece, None, begin, begin + len(piece), kind, code))
    return _join_spaced_words(cells)


def _pieces(chunk: str) -> list[tuple[int, str]]:
    """Split a chunk of single-spaced words where figures meet other words.

    Tight layouts leave one space between cells ("668.20 一、一般公共服务支出",
    "0.00 0.00"); codes ("208 05 05") and words with numbers in them
    ("公开 01 表", "2018 年度") stay whole.
    """
    if " " not in chunk or kind_of(chunk)[0] is Kind.CODE:
        return [(0, chunk)]
    words = chunk.split(" ")
    kinds = [kind_of(word)[0] for word in words]
    if all(kind in (Kind.FIGURE, Kind.BLANK, Kind.INTEGER) for kind in kinds):
        cut = [True] * len(words)
    else:
        after = [*kinds[1:], Kind.EMPTY]
        cut = [
            position > 0
            and (
                kind in _LONE
                or kinds[position - 1] in _LONE
                or (kind is Kind.INTEGER and after[position] in _LONE)
            )
            for position, kind in enumerate(kinds)
        ]
    pieces: list[tuple[int, str]] = []
    offset = 0
    for word, starts in zip(words, cut, strict=True):
        if starts or not pieces:
            pieces.append((offset, word))
        else:
            start, text = pieces[-1]
            pieces[-1] = (start, f"{text} {word}")
        offset += len(word) + 1
    return pieces


_LONE = (Kind.FIGURE, Kind.BLANK)


def _join_spaced_words(cells: list[Cell]) -> list[Cell]:
    """Join single characters spaced out over columns ("合    计") into one cell."""
    joined: list[Cell] = []
    for cell in cells:
        previous = joined[-1] if joined else None
        if (
            previous is not None
            and previous.kind is Kind.TEXT
            and cell.kind is Kind.TEXT
            and len(cell.text) == 1
            and len(previous.text.replace(" ", "")) <= 3
            and all(ord(ch) > 0x2E7F for ch in previous.text.replace(" ", "") + cell.text)
        ):
            text = previous.text + " " + cell.text
            joined[-1] = Cell(text, None, previous.start, cell.end, Kind.TEXT)
        else:
            joined.append(cell)
    return joined

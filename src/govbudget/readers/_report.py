"""The import report: what a reader made of every line of its input."""

from __future__ import annotations

import enum
from collections import Counter

import attrs

__all__ = ["FoundTable", "ImportReport", "LineNote", "LineStatus"]


class LineStatus(enum.Enum):
    """What became of one source line."""

    READ = "read"
    """Understood and used (a row, a heading, a paragraph, a unit line…)."""

    PARTLY_READ = "partly read"
    """Part of the line was used; the reason says what was not."""

    IGNORED = "ignored"
    """Layout only: a blank line, a page number, a table rule."""

    NOT_UNDERSTOOD = "not understood"
    """Nothing of the line made it into the model; the reason says why."""


@attrs.frozen
class LineNote:
    """One source line and what the reader made of it.

    Attributes:
        line: The 1-based line number (lines end at ``\\n``).
        page: The 1-based page, for PDF input or text with form feeds.
        text: The line as given, without its line ending.
        status: Read, partly read, ignored or not understood.
        part: Where the line went ("table 01 row", "narrative (三)"…) or
            what it was taken for.
        reason: Why it was not (fully) read, for the last three statuses.
    """

    line: int
    page: int | None
    text: str
    status: LineStatus
    part: str = ""
    reason: str = ""

    def __str__(self) -> str:
        where = f"page {self.page} line {self.line}" if self.page else f"line {self.line}"
        why = f": {self.reason}" if self.reason else ""
        return f"{where} [{self.status.value}] {self.part}{why} | {self.text.strip()[:60]}"


@attrs.frozen
class FoundTable:
    """A table the reader recognised, modelled or not.

    Attributes:
        title: The title line as printed (stripped).
        first_line: The line of the title.
        last_line: The last line of the table (its note, or its last row).
        table_id: "01" … "09" for final-accounts tables the model covers.
        kind: "final accounts", "budget", "university final accounts",
            "performance form".
        modelled: Whether the table was read into the model.
        page: The page of the title, if known.
        reason: Why an unmodelled table was not read.
    """

    title: str
    first_line: int
    last_line: int
    table_id: str | None = None
    kind: str = "final accounts"
    modelled: bool = True
    page: int | None = None
    reason: str = ""


@attrs.frozen
class ImportReport:
    """Every line of the input, and the tables found in it.

    Attributes:
        source: The file name or other label of the input.
        lines: One note per input line, in order; none is left out.
        tables: The tables recognised, in print order.
        problems: Problems with the document as a whole (no fiscal year
            found, a table printed twice…).
    """

    source: str | None
    lines: tuple[LineNote, ...]
    tables: tuple[FoundTable, ...] = ()
    problems: tuple[str, ...] = ()

    def with_status(self, status: LineStatus) -> list[LineNote]:
        """The notes of lines with this status."""
        return [note for note in self.lines if note.status is status]

    @property
    def not_understood(self) -> list[LineNote]:
        """Lines nothing was read from."""
        return self.with_status(LineStatus.NOT_UNDERSTOOD)

    @property
    def partly_read(self) -> list[LineNote]:
        """Lines only part of which was read."""
        return self.with_status(LineStatus.PARTLY_READ)

    @property
    def ignored(self) -> list[LineNote]:
        """Blank lines, page numbers and other layout."""
        return self.with_status(LineStatus.IGNORED)

    def counts(self) -> dict[str, int]:
        """How many lines have each status, by status value."""
        found = Counter(note.status.value for note in self.lines)
        return {status.value: found.get(status.value, 0) for status in LineStatus}

    def reasons(self) -> dict[str, int]:
        """How many lines were left out (wholly or partly) for each reason."""
        return dict(
            Counter(
                note.reason
                for note in self.lines
                if note.status in (LineStatus.NOT_UNDERSTOOD, LineStatus.PARTLY_READ)
            )
        )

    def summary(self) -> str:
        """A few lines for a person: tables found, and line counts by status."""
        out = [f"{self.source or '<text>'}: {len(self.lines)} lines"]
        for table in self.tables:
            state = "read" if table.modelled else f"not read ({table.reason})"
            ident = f"T{table.table_id} " if table.table_id else ""
            out.append(
                f"  {ident}{table.title} (lines {table.first_line}-{table.last_line}): {state}"
            )
        counts = ", ".join(f"{n} {status}" for status, n in self.counts().items())
        out.append(f"  lines: {counts}")
        out.extend(f"  problem: {problem}" for problem in self.problems)
        return "\n".join(out)

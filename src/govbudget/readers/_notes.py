"""A notebook of what became of each line, filled in as the reader goes."""

from __future__ import annotations

from govbudget.readers._lines import SourceLine
from govbudget.readers._report import LineNote, LineStatus

__all__ = ["Notebook"]


class Notebook:
    """Notes by line number; a later note about a line replaces an earlier one."""

    def __init__(self, lines: list[SourceLine]) -> None:
        self._lines = lines
        self._notes: dict[int, LineNote] = {}

    def _put(self, line: SourceLine, status: LineStatus, part: str, reason: str) -> None:
        self._notes[line.number] = LineNote(line.number, line.page, line.text, status, part, reason)

    def read(self, line: SourceLine, part: str) -> None:
        """The line was understood and used as ``part``."""
        self._put(line, LineStatus.READ, part, "")

    def partly(self, line: SourceLine, part: str, reason: str) -> None:
        """Part of the line was used; ``reason`` says what was left."""
        self._put(line, LineStatus.PARTLY_READ, part, reason)

    def ignore(self, line: SourceLine, reason: str = "layout") -> None:
        """The line is layout only."""
        self._put(line, LineStatus.IGNORED, "", reason)

    def miss(self, line: SourceLine, part: str, reason: str) -> None:
        """Nothing of the line was used."""
        self._put(line, LineStatus.NOT_UNDERSTOOD, part, reason)

    def status(self, line: SourceLine) -> LineStatus | None:
        """The status noted so far for the line, if any."""
        note = self._notes.get(line.number)
        return note.status if note else None

    def note(self, line: SourceLine) -> LineNote | None:
        """The note made so far about the line, if any."""
        return self._notes.get(line.number)

    def copy(self, note: LineNote, line: SourceLine) -> None:
        """Note ``line`` as ``note`` says (for rows spread over several lines)."""
        self._put(line, note.status, note.part, note.reason)

    def finish(self) -> list[LineNote]:
        """One note per line; lines nobody noted are reported as not understood."""
        notes = []
        for line in self._lines:
            note = self._notes.get(line.number)
            if note is None:
                note = LineNote(
                    line.number,
                    line.page,
                    line.text,
                    LineStatus.NOT_UNDERSTOOD,
                    "",
                    "no part of the document claimed this line",
                )
            notes.append(note)
        return notes

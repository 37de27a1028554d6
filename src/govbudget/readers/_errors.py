"""The error a reader raises when a text is not a disclosure at all."""

from __future__ import annotations

from govbudget.errors import GovBudgetError


class ReadError(GovBudgetError, ValueError):
    """A text in which no part of a disclosure could be recognised.

    A reader raises it only when it finds nothing to build on; anything
    less goes into the import report instead.

    Attributes:
        file: The source the text came from, or ``None``.
        line: The 1-based line where reading stopped, or ``None``.
        reason: What the reader looked for and why it stopped.
    """

    def __init__(self, reason: str, *, file: str | None = None, line: int | None = None) -> None:
        self.file = file
        self.line = line
        self.reason = reason
        where = [part for part in (file, f"line {line}" if line is not None else None) if part]
        prefix = f"{', '.join(where)}: " if where else ""
        super().__init__(f"{prefix}{reason}")

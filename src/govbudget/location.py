"""Where something is: in a file, a table, a row and a column."""

from __future__ import annotations

import attrs


@attrs.frozen
class Location:
    """A place in a disclosure, as precise as what is known about it.

    Every field is optional: a finding about a whole table has no row, a
    disclosure built in code has no file or line.

    Attributes:
        table: The table id (``"01"`` … ``"09"``) or another part of the
            document (``"narrative"``, ``"other_matters"``).
        row: The row key: a classification code or a row id.
        label: The row label as printed.
        column: The column id.
        file: The source file.
        line: The 1-based line in the source file.
        page: The 1-based page, for documents read from PDF.
    """

    table: str | None = None
    row: str | None = None
    label: str | None = None
    column: str | None = None
    file: str | None = None
    line: int | None = None
    page: int | None = None

    def __str__(self) -> str:
        parts: list[str] = []
        if self.file is not None:
            parts.append(self.file)
        if self.page is not None:
            parts.append(f"page {self.page}")
        if self.line is not None:
            parts.append(f"line {self.line}")
        if self.table is not None:
            parts.append(f"T{self.table}" if self.table[:1].isdigit() else self.table)
        if self.row is not None:
            row = self.row if self.label is None else f"{self.row} {self.label}"
            parts.append(row)
        elif self.label is not None:
            parts.append(self.label)
        if self.column is not None:
            parts.append(f"[{self.column}]")
        return " · ".join(parts) if parts else "(whole document)"

"""Reading a disclosure from a PDF with a text layer, through pdfplumber.

pdfplumber is an optional dependency (``pip install govbudget[pdf]``); it
is imported only when a PDF is read. Each page's text is laid out with
columns aligned by spaces, as ``pdftotext -layout`` does, and the pages go
through the same reader as text, every line keeping its page number.

Scanned PDFs (images without a text layer) give no text; OCR is not done.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from govbudget.entity import Entity
from govbudget.readers._document import ReadResult, read_lines
from govbudget.readers._errors import ReadError
from govbudget.readers._lines import SourceLine

__all__ = ["pdf_lines", "read_pdf"]


def _pdfplumber() -> Any:
    try:
        import pdfplumber
    except ImportError as error:
        raise ReadError(
            "reading PDF needs pdfplumber; install it with: pip install 'govbudget[pdf]'"
        ) from error
    return pdfplumber


def pdf_lines(path: str | Path, *, layout: bool = True) -> list[SourceLine]:
    """The text lines of a PDF, each with its page number.

    Args:
        path: The PDF file.
        layout: Keep columns aligned with spaces (as ``pdftotext -layout``);
            without it each text line's words are joined by single spaces.

    Raises:
        ReadError: if pdfplumber is missing or the file is not a readable PDF.
    """
    pdfplumber = _pdfplumber()
    lines: list[SourceLine] = []
    try:
        with pdfplumber.open(str(path)) as pdf:
            for page_number, page in enumerate(pdf.pages, start=1):
                text = page.extract_text(layout=layout) or ""
                for raw in text.split("\n"):
                    lines.append(SourceLine(len(lines) + 1, page_number, raw.rstrip()))
    except (OSError, ValueError, TypeError, KeyError) as error:
        raise ReadError(f"cannot read the PDF: {error}", file=str(path)) from error
    except Exception as error:
        if type(error).__module__.startswith(("pdfminer", "pdfplumber", "pypdfium2")):
            raise ReadError(f"cannot read the PDF: {error}", file=str(path)) from error
        raise
    return lines


def read_pdf(path: str | Path, *, layout: bool = True, entity: Entity | None = None) -> ReadResult:
    """Read a disclosure from a PDF (see :func:`govbudget.readers.read_text`).

    Line numbers count the lines of the extracted text across the whole
    document; every row and report note also carries its page.

    Raises:
        ReadError: if pdfplumber is missing, the PDF cannot be read, or no
            part of a disclosure is recognised in its text.
    """
    lines = pdf_lines(path, layout=layout)
    return read_lines(lines, source=str(path), entity=entity)

"""Reading PDFs through pdfplumber; skipped when the pdf extra is missing.

The test PDFs are drawn here with reportlab and its built-in Adobe CID font
STSong-Light, which needs no font file on the machine.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from _readers_support import figures

from govbudget import examples
from govbudget.readers import ReadError, read_pdf
from govbudget.writers import render_text

pytest.importorskip("pdfplumber")
canvas = pytest.importorskip("reportlab.pdfgen.canvas")
pdfmetrics = pytest.importorskip("reportlab.pdfbase.pdfmetrics")
cidfonts = pytest.importorskip("reportlab.pdfbase.cidfonts")

FONT = "STSong-Light"
SIZE = 10.0
LINE = 14.0
GAP = 16.0


def _width(text: str) -> float:
    return sum(SIZE if ord(ch) > 0x2E7F else SIZE / 2 for ch in text)


def _columns(block: list[list[str]]) -> list[float]:
    """Where each column of a tab-separated block starts, in points."""
    count = max(len(cells) for cells in block)
    widths = [max((_width(c[i]) for c in block if i < len(c)), default=0.0) for i in range(count)]
    starts, x = [], 20.0
    for size in widths:
        starts.append(x)
        x += size + GAP
    return starts


def _draw(text: str, path: Path) -> None:
    """One page per form feed; tab-separated lines drawn as a table."""
    pdfmetrics.registerFont(cidfonts.UnicodeCIDFont(FONT))
    pages = [page.split("\n") for page in text.split("\f")]
    width = max(40 + _width(line.replace("\t", "    ")) for page in pages for line in page)
    height = 60 + LINE * max(len(page) for page in pages)
    sheet = canvas.Canvas(str(path), pagesize=(width + 400, height))
    for lines in pages:
        sheet.setFont(FONT, SIZE)
        block: list[list[str]] = []
        for row, line in enumerate([*lines, ""]):
            if "\t" in line:
                block.append(line.split("\t"))
                continue
            if block:
                starts = _columns(block)
                first = row - len(block)
                for offset, cells in enumerate(block):
                    y = height - 30 - (first + offset) * LINE
                    for x, cell in zip(starts, cells, strict=False):
                        sheet.drawString(x, y, cell)
                block = []
            sheet.drawString(20, height - 30 - row * LINE, line)
        sheet.showPage()
    sheet.save()


def test_pdf_tables_read_with_pages(tmp_path: Path) -> None:
    sample = examples.load("futian-housing-2018")
    text = render_text(sample, variant="tabs")
    middle = text.index("一般公共预算财政拨款支出决算表\n")
    path = tmp_path / "futian.pdf"
    _draw(text[:middle] + "\f" + text[middle:], path)

    result = read_pdf(path)

    assert result.disclosure is not None
    for table_id, table in sample.tables.items():
        assert figures(table) == figures(result.disclosure.table(table_id))
    pages = {table_id: t.rows[0].page for table_id, t in result.disclosure.tables.items()}
    assert {"01": 1, "04": 1, "05": 2, "08": 2} == {k: pages[k] for k in ("01", "04", "05", "08")}
    assert all(note.page in (1, 2) for note in result.report.lines)


def test_not_a_pdf(tmp_path: Path) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"not a pdf at all")

    with pytest.raises(ReadError):
        read_pdf(path)

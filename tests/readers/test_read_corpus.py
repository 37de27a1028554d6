"""Every corpus document reads; the report says what was not understood.

The corpus lives in /work/shared/corpus on the development machine; three of
its documents are copied under fixtures/ so that CI, without the corpus,
still runs the bundled ones.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from govbudget.readers import read_text_file

HERE = Path(__file__).parent / "fixtures"
CORPUS = Path("/work/shared/corpus")


def _documents() -> list[Path]:
    found = sorted(HERE.glob("*/document.txt"))
    if CORPUS.is_dir():
        bundled = {path.parent.name for path in found}
        found += [p for p in sorted(CORPUS.glob("*/document.txt")) if p.parent.name not in bundled]
    return found


@pytest.mark.parametrize("path", _documents(), ids=lambda p: p.parent.name)
def test_document_reads_and_reports_honestly(path: Path) -> None:
    source = json.loads((path.parent / "source.json").read_text(encoding="utf-8"))

    result = read_text_file(path)
    report = result.report

    assert len(path.read_text(encoding="utf-8").split("\n")) == len(report.lines)
    assert report.not_understood
    assert all(note.reason for note in report.not_understood)
    if source["kind"] == "预算":
        budget_tables = [t for t in report.tables if t.kind == "budget"]
        assert budget_tables
        assert all("budget table, not modelled yet" == t.reason for t in budget_tables)
        assert all(not t.modelled for t in budget_tables)
    else:
        titles = [t.title for t in report.tables]
        assert len(source["tables_present"]) == len(titles)
        for printed, wanted in zip(titles, source["tables_present"], strict=True):
            assert wanted in printed.replace(" ", "")
    if result.disclosure is not None:
        assert source["year"] == result.disclosure.year
        assert source["kind"] == result.disclosure.kind.value


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the shared corpus is not on this machine")
def test_whole_corpus_is_present() -> None:
    assert 12 == len(list(CORPUS.glob("*/document.txt")))


def test_university_final_accounts_tables_found_with_lines() -> None:
    path = HERE / "06-swu-2023-final" / "document.txt"

    report = read_text_file(path).report

    assert [(140, 187), (188, 243)] == [(t.first_line, t.last_line) for t in report.tables[:2]]
    assert all(t.kind == "university final accounts" for t in report.tables)

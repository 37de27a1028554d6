"""Reading the Futian 2018 sample gives the hand transcription."""

from __future__ import annotations

import attrs
import pytest

from govbudget import examples
from govbudget.readers import LineStatus, read_text
from govbudget.readers._lines import SourceLine

EXPECTED = examples.load("futian-housing-2018")


@pytest.fixture(scope="module")
def result():  # type: ignore[no-untyped-def]
    return read_text(examples.text("futian-housing-2018"), source="futian.txt")


def test_whole_disclosure_equals_the_transcription(result) -> None:  # type: ignore[no-untyped-def]
    read = attrs.evolve(result.disclosure, entity=EXPECTED.entity)

    assert EXPECTED == read


@pytest.mark.parametrize("table_id", ["01", "02", "03", "04", "05", "06", "07", "08"])
def test_tables_figure_by_figure(result, table_id: str) -> None:  # type: ignore[no-untyped-def]
    expected = EXPECTED.table(table_id)
    read = result.disclosure.table(table_id)
    pairs = list(zip(expected.rows, read.rows, strict=True))

    assert [(r.key, r.label, r.ordinal, r.side) for r, _ in pairs] == [
        (r.key, r.label, r.ordinal, r.side) for _, r in pairs
    ]
    for want, got in pairs:
        assert dict(want.cells) == dict(got.cells)
        for column, cell in want.cells.items():
            assert getattr(cell, "decimals", None) == getattr(got.cells[column], "decimals", None)
    assert (expected.unit, expected.note, expected.title, expected.layout) == (
        read.unit,
        read.note,
        read.title,
        read.layout,
    )


def test_entity_as_far_as_the_text_says(result) -> None:  # type: ignore[no-untyped-def]
    entity = result.disclosure.entity

    assert attrs.evolve(EXPECTED.entity, region="深圳市福田区") == entity


def test_prose_parts(result) -> None:  # type: ignore[no-untyped-def]
    read = result.disclosure

    assert EXPECTED.overview == read.overview
    assert EXPECTED.narrative == read.narrative
    assert [s.line for s in EXPECTED.narrative] == [s.line for s in read.narrative]
    assert EXPECTED.other_matters == read.other_matters
    assert EXPECTED.glossary == read.glossary
    assert EXPECTED.attachments == read.attachments
    assert EXPECTED.empty_statements == read.empty_statements
    assert (EXPECTED.title, EXPECTED.year, EXPECTED.kind) == (read.title, read.year, read.kind)


def test_rows_point_at_their_lines(result) -> None:  # type: ignore[no-untyped-def]
    lines = examples.text("futian-housing-2018").split("\n")

    for table in result.disclosure.tables.values():
        assert table.line is not None
        assert lines[table.line - 1].strip() == table.display_title
        for row in table.rows:
            assert row.line is not None
            printed = lines[row.line - 1]
            assert row.label in printed
            for cell in row.cells.values():
                assert str(cell) in printed


def test_report_accounts_for_every_line(result) -> None:  # type: ignore[no-untyped-def]
    report = result.report
    text = examples.text("futian-housing-2018")

    assert len(text.split("\n")) == len(report.lines)
    assert [n.line for n in report.lines] == list(range(1, len(report.lines) + 1))
    assert [t.table_id for t in report.tables if t.modelled] == [
        "01",
        "02",
        "03",
        "04",
        "05",
        "06",
        "07",
        "08",
    ]
    assert (28, 53) == (report.tables[0].first_line, report.tables[0].last_line)
    assert all(note.reason for note in report.not_understood + report.partly_read)


def test_forms_are_read_and_their_lines_noted(result) -> None:  # type: ignore[no-untyped-def]
    form_lines = [n for n in result.report.lines if "performance form" in n.part]

    assert EXPECTED.performance_forms == result.disclosure.performance_forms
    assert {262, 266, 280, 286, 300, 358, 364, 372} <= {n.line for n in form_lines}
    assert all(n.status is LineStatus.READ for n in form_lines)


def test_source_line_pages_from_form_feeds() -> None:
    from govbudget.readers import split_lines

    lines = split_lines("a\nb\n\fc\nd\f\ne")

    assert [SourceLine(1, 1, "a"), SourceLine(2, 1, "b"), SourceLine(3, 2, "c")] == lines[:3]
    assert [2, 3] == [lines[3].page, lines[4].page]

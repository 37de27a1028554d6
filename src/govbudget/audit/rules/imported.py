"""Import: what the reader of a text or PDF could not read."""

from __future__ import annotations

from collections.abc import Iterator

from govbudget.audit.context import AuditContext
from govbudget.audit.registry import rule
from govbudget.findings import Category, Finding, Severity
from govbudget.location import Location
from govbudget.readers import LineStatus


@rule(
    "I-1",
    title="every line of the source was read",
    title_zh="原文每一行均已读取",
    category=Category.IMPORT,
    severity=Severity.WARNING,
)
def unread_lines(ctx: AuditContext) -> Iterator[Finding]:
    """For a disclosure read from text or PDF, every line the reader did not
    understand, or understood only in part, is reported with its line (and
    page) and the text itself, so that you see at once what the audit did
    not cover. Blank lines and page numbers are not reported. Disclosures
    loaded from JSON or built in code have nothing to report."""
    report = ctx.import_report
    if report is None:
        return
    for note in report.lines:
        if note.status not in (LineStatus.NOT_UNDERSTOOD, LineStatus.PARTLY_READ):
            continue
        text = note.text.strip()
        shown = text if len(text) <= 80 else text[:80] + "…"
        how_zh = "未能读取" if note.status is LineStatus.NOT_UNDERSTOOD else "部分读取"
        how_en = note.status.value
        yield ctx.finding(
            f"第 {note.line} 行{how_zh}（{note.reason or note.part}）：{shown}",
            f"line {note.line} {how_en} ({note.reason or note.part}): {shown}",
            Location(table="import", file=report.source, line=note.line, page=note.page),
        )

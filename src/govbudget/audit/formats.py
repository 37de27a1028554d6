"""Reports as text for people, markdown, JSON (with a JSON Schema) and CSV."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from decimal import Decimal
from itertools import groupby
from typing import Any

from govbudget.audit.report import Report
from govbudget.errors import WrongTypeError
from govbudget.findings import Finding

__all__ = [
    "FINDING_COLUMNS",
    "REPORT_FORMATS",
    "REPORT_SCHEMA",
    "csv_cells",
    "finding_records",
    "format_report",
    "report_to_data",
]

REPORT_FORMATS = ("text", "markdown", "json", "csv")

REPORT_SCHEMA_VERSION = "1.0"

FINDING_COLUMNS = (
    "source", "entity", "year", "rule", "severity", "rounding", "accepted", "table", "row",
    "label", "column", "line", "page", "expected", "actual", "difference", "slack", "policy",
    "message",
)
"""The columns of the flat finding records (CSV reports, ``--findings`` exports)."""


def _number(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def finding_to_data(finding: Finding, lang: str = "zh") -> dict[str, Any]:
    """One finding as plain JSON-ready data."""
    where = finding.location
    return {
        "rule": finding.rule,
        "severity": finding.severity.label,
        "message": finding.message(lang),
        "message_zh": finding.message_zh,
        "message_en": finding.message_en,
        "location": {
            "file": where.file,
            "page": where.page,
            "line": where.line,
            "table": where.table,
            "row": where.row,
            "label": where.label,
            "column": where.column,
        },
        "expected": _number(finding.expected),
        "actual": _number(finding.actual),
        "difference": _number(finding.difference),
        "slack": _number(finding.slack),
        "policy": finding.policy,
        "rounding": finding.rounding,
        "accepted": finding.accepted,
        "related": [str(loc) for loc in finding.related],
    }


def report_to_data(report: Report, lang: str = "zh") -> dict[str, Any]:
    """The report as plain JSON-ready data; see :data:`REPORT_SCHEMA`."""
    return {
        "schema_version": REPORT_SCHEMA_VERSION,
        "govbudget_version": report.version,
        "source": report.source,
        "entity": report.entity,
        "year": report.year,
        "policy": report.policy,
        "catalog": report.catalog,
        "rules": list(report.rules),
        "summary": report.counts(),
        "unused_acceptances": list(report.unused_acceptances),
        "findings": [finding_to_data(f, lang) for f in report.sorted()],
    }


def format_report(report: Report, fmt: str = "text", *, lang: str = "zh") -> str:
    """The report in one of :data:`REPORT_FORMATS`.

    Raises:
        WrongTypeError: for an unknown format.
    """
    if fmt == "json":
        return json.dumps(report_to_data(report, lang), ensure_ascii=False, indent=2)
    if fmt == "csv":
        return _csv(report, lang)
    if fmt == "markdown":
        return _markdown(report, lang)
    if fmt == "text":
        return _text(report, lang)
    raise WrongTypeError(fmt, f"a report format: {', '.join(REPORT_FORMATS)}")


def summary_line(report: Report, lang: str = "zh") -> str:
    """One line: the document and how many findings of each kind."""
    counts = report.counts()
    name = report.source or report.entity
    if lang == "en":
        return (
            f"{name} ({report.year}): {counts['error']} errors, {counts['warning']} warnings, "
            f"{counts['info']} infos, {counts['accepted']} accepted [policy {report.policy}]"
        )
    return (
        f"{name}（{report.year}）：错误 {counts['error']}，警告 {counts['warning']}，"
        f"提示 {counts['info']}，已说明 {counts['accepted']}［舍入规则 {report.policy}］"
    )


def _group_title(table: str | None, lang: str) -> str:
    if table is None:
        return "整体" if lang == "zh" else "Whole document"
    if table[:1].isdigit():
        return f"公开{table}表" if lang == "zh" else f"Table {table}"
    return table


def _badge(finding: Finding, lang: str) -> str:
    label = finding.severity.label.upper()
    if finding.rounding:
        label += " (rounding)" if lang == "en" else "（舍入）"
    if finding.accepted is not None:
        label += " (accepted)" if lang == "en" else "（已说明）"
    return label


def _text(report: Report, lang: str) -> str:
    lines: list[str] = []
    for table, group in groupby(report.sorted(), key=lambda f: f.location.table):
        lines.append(_group_title(table, lang))
        for finding in group:
            lines.append(f"  {_badge(finding, lang)} {finding.rule} {finding.location}")
            lines.append(f"    {finding.message(lang)}")
            if finding.accepted is not None:
                lines.append(f"    {'accepted' if lang == 'en' else '说明'}: {finding.accepted}")
    for unused in report.unused_acceptances:
        lines.append(f"unused acceptance: {unused}" if lang == "en" else f"未用到的说明：{unused}")
    lines.append(summary_line(report, lang))
    return "\n".join(lines)


def _markdown(report: Report, lang: str) -> str:
    title = f"# {report.entity} {report.year}"
    lines = [title, "", summary_line(report, lang), ""]
    for table, group in groupby(report.sorted(), key=lambda f: f.location.table):
        lines += [
            f"## {_group_title(table, lang)}",
            "",
            "| severity | rule | where | message |",
            "|---|---|---|---|",
        ]
        for finding in group:
            message = finding.message(lang).replace("|", "\\|")
            if finding.accepted is not None:
                message += f" — *{finding.accepted}*"
            lines.append(
                f"| {_badge(finding, lang)} | {finding.rule} | {finding.location} | {message} |"
            )
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _csv(report: Report, lang: str) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(FINDING_COLUMNS)
    for record in finding_records(report, lang):
        writer.writerow(csv_cells(record))
    return buffer.getvalue()


def finding_records(
    report: Report, lang: str = "zh", *, source: str | None = None
) -> Iterator[dict[str, Any]]:
    """One flat record per finding (keys :data:`FINDING_COLUMNS`), amounts as
    exact decimal strings: the shape of CSV reports and findings exports."""
    for finding in report.sorted():
        where = finding.location
        yield {
            "source": source if source is not None else report.source,
            "entity": report.entity,
            "year": report.year,
            "rule": finding.rule,
            "severity": finding.severity.label,
            "rounding": finding.rounding,
            "accepted": finding.accepted,
            "table": where.table,
            "row": where.row,
            "label": where.label,
            "column": where.column,
            "line": where.line,
            "page": where.page,
            "expected": _number(finding.expected),
            "actual": _number(finding.actual),
            "difference": _number(finding.difference),
            "slack": _number(finding.slack),
            "policy": finding.policy,
            "message": finding.message(lang),
        }


def csv_cells(record: dict[str, Any]) -> list[str]:
    """A flat record as CSV cells: empty for none, lower-case booleans."""
    return [
        "" if v is None else str(v).lower() if isinstance(v, bool) else str(v)
        for v in record.values()
    ]


_NULLABLE_STRING = {"type": ["string", "null"]}
_NUMBER_TEXT = {"type": ["string", "null"], "pattern": r"^-?\d+(\.\d+)?$"}

REPORT_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://govbudget.invalid/schema/report-1.0.json",
    "title": "govbudget audit report",
    "type": "object",
    "required": [
        "schema_version",
        "govbudget_version",
        "entity",
        "year",
        "policy",
        "rules",
        "summary",
        "findings",
    ],
    "properties": {
        "schema_version": {"const": REPORT_SCHEMA_VERSION},
        "govbudget_version": {"type": "string"},
        "source": _NULLABLE_STRING,
        "entity": {"type": "string"},
        "year": {"type": "integer"},
        "policy": {"type": "string"},
        "catalog": {"type": "string"},
        "rules": {"type": "array", "items": {"type": "string"}},
        "summary": {
            "type": "object",
            "properties": {
                k: {"type": "integer"} for k in ("error", "warning", "info", "accepted")
            },
        },
        "unused_acceptances": {"type": "array", "items": {"type": "string"}},
        "findings": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["rule", "severity", "message", "location"],
                "properties": {
                    "rule": {"type": "string"},
                    "severity": {"enum": ["error", "warning", "info"]},
                    "message": {"type": "string"},
                    "message_zh": {"type": "string"},
                    "message_en": {"type": "string"},
                    "location": {
                        "type": "object",
                        "properties": {
                            "file": _NULLABLE_STRING,
                            "page": {"type": ["integer", "null"]},
                            "line": {"type": ["integer", "null"]},
                            "table": _NULLABLE_STRING,
                            "row": _NULLABLE_STRING,
                            "label": _NULLABLE_STRING,
                            "column": _NULLABLE_STRING,
                        },
                    },
                    "expected": _NUMBER_TEXT,
                    "actual": _NUMBER_TEXT,
                    "difference": _NUMBER_TEXT,
                    "slack": _NUMBER_TEXT,
                    "policy": _NULLABLE_STRING,
                    "rounding": {"type": "boolean"},
                    "accepted": _NULLABLE_STRING,
                    "related": {"type": "array", "items": {"type": "string"}},
                },
            },
        },
    },
}
"""JSON Schema (draft 2020-12) of the JSON report."""

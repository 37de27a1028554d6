"""Writing a disclosure back out as plain text, in the published layout.

Four variants of the same layout, as disclosures reach readers:

- ``"tabs"``: cells separated by tabs, empty cells kept (copied from a
  web page or spreadsheet);
- ``"spaces"``: columns aligned with spaces, empty cells left blank (as
  ``pdftotext -layout`` gives a PDF: aligned by characters, so CJK text
  looks ragged in a terminal);
- ``"pipes"``: cells between ``|``;
- ``"cells"``: one cell per line, empty cells left out, a blank line
  after each row.

Page breaks (a blank line and a page-number line) can be put before any
table row, counting the rows of all tables from 0 in print order.

>>> from govbudget import examples
>>> text = render_text(examples.load("futian-housing-2018"))
>>> text.splitlines()[0]
'深圳市福田区住房事务中心 2018 年度部门决算'
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Literal

import attrs

from govbudget.amounts import Amount, Blank
from govbudget.disclosure import Disclosure
from govbudget.errors import GovBudgetError
from govbudget.tables import Row, SideLayout, Table

__all__ = ["UnknownVariantError", "render_table_text", "render_text"]

Variant = Literal["tabs", "spaces", "pipes", "cells"]
_VARIANTS = ("tabs", "spaces", "pipes", "cells")
_NUMERALS = "一二三四五六七八九十"


class UnknownVariantError(GovBudgetError, ValueError):
    """A text variant other than tabs, spaces, pipes or cells."""

    def __init__(self, variant: object) -> None:
        self.variant = variant
        known = ", ".join(_VARIANTS)
        super().__init__(f"unknown text variant {variant!r}; expected one of {known}")


@attrs.define
class _Grid:
    """A table as lines of cells: header lines, then body rows."""

    header: list[list[str]]
    body: list[list[str]]


def render_text(
    disclosure: Disclosure,
    *,
    variant: Variant = "tabs",
    page_breaks: frozenset[int] = frozenset(),
) -> str:
    """The disclosure as plain text: title, overview, tables, narrative, glossary.

    Args:
        disclosure: What to write.
        variant: ``"tabs"``, ``"spaces"``, ``"pipes"`` or ``"cells"``.
        page_breaks: Table rows (counted from 0 over all tables) before
            which a page ends.

    Returns:
        The text, lines ending in ``\\n``.

    Raises:
        UnknownVariantError: for another variant.

    Attachments and performance forms are not written.
    """
    if variant not in _VARIANTS:
        raise UnknownVariantError(variant)

    title = disclosure.title or f"{disclosure.entity.name} {disclosure.year} 年度部门决算"
    out: list[str] = [title, ""]
    chapter = iter(_NUMERALS)
    overview = disclosure.overview
    if overview.duties or overview.organisation:
        out += [f"{next(chapter)}、部门概况", ""]
        for number, title, text in (
            ("(一)", "部门职责", overview.duties),
            ("(二)", "机构设置", overview.organisation),
        ):
            if text:
                out += [f"{number} {title}", "", text, ""]

    out += [f"{next(chapter)}、{disclosure.year} 年度部门决算表", ""]
    counter = _Pages(page_breaks)
    for table in disclosure.tables.values():
        out += render_table_text(table, variant=variant, pages=counter)
        out.append("")

    if disclosure.narrative:
        out += [f"{next(chapter)}、{disclosure.year} 年度部门决算情况说明", ""]
        for section in disclosure.narrative:
            out += [f"{section.number} {section.title}", "", section.text, ""]
    if disclosure.glossary:
        out += [f"{next(chapter)}、名词解释", ""]
        for position, entry in enumerate(disclosure.glossary, start=1):
            out += [f"{position}. {entry.term}：{entry.definition}", ""]
    return "\n".join(out).rstrip("\n") + "\n"


@attrs.define
class _Pages:
    """Counts table rows over the whole document, to place page breaks."""

    breaks: frozenset[int]
    row: int = 0
    page: int = 1

    def before_row(self) -> bool:
        found = self.row in self.breaks
        self.row += 1
        if found:
            self.page += 1
        return found


def render_table_text(
    table: Table, *, variant: Variant = "tabs", pages: _Pages | None = None
) -> list[str]:
    """One table as lines of text: title, number, unit, header, rows, note.

    Raises:
        UnknownVariantError: for another variant.
    """
    if variant not in _VARIANTS:
        raise UnknownVariantError(variant)
    pages = pages or _Pages(frozenset())
    grid = _grid(table)
    widths = _widths(grid.header + grid.body)

    lines = [table.display_title, "", f"公开 {table.table_id} 表", f"单位：{table.unit.value}", ""]
    for cells in grid.header:
        lines += _format(cells, variant, widths)
    for cells in grid.body:
        if pages.before_row():
            lines += ["", _page_line(pages.page, variant)]
            if variant == "cells":
                lines.append("")
        lines += _format(cells, variant, widths)
    if table.note:
        lines += ["", table.note]
    return lines


def _page_line(page: int, variant: str) -> str:
    return " " * 30 + str(page) if variant == "spaces" else f"- {page} -"


def _format(cells: list[str], variant: str, widths: list[int]) -> list[str]:
    if variant == "tabs":
        return ["\t".join(cells)]
    if variant == "pipes":
        return ["| " + " | ".join(cells) + " |"]
    if variant == "cells":
        return [cell for cell in cells if cell] + [""]
    padded = []
    for cell, size in zip(cells, widths[: len(cells)], strict=True):
        pad = " " * (size - len(cell))
        padded.append(pad + cell if _is_figure(cell) else cell + pad)
    return ["  ".join(padded).rstrip()]


def _is_figure(cell: str) -> bool:
    return bool(cell) and cell.replace(",", "").replace(".", "").lstrip("-").isdigit()


def _widths(lines: Iterable[list[str]]) -> list[int]:
    widths: list[int] = []
    for cells in lines:
        for index, cell in enumerate(cells):
            if index >= len(widths):
                widths.append(0)
            widths[index] = max(widths[index], len(cell))
    return widths


def _cell(cell: Amount | Blank | None) -> str:
    if cell is None:
        return ""
    return str(cell)


def _values(row: Row | None, side: SideLayout) -> list[str]:
    if row is None:
        return [""] * len(side.columns)
    return [_cell(row.cells.get(column.id)) for column in side.columns]


def _grid(table: Table) -> _Grid:
    if table.table_id in ("01", "04"):
        return _two_sided(table)
    if table.table_id == "06":
        return _lanes(table)
    if table.table_id == "07":
        return _single(table)
    return _coded(table)


def _group_headers(side: SideLayout) -> tuple[list[str], list[str]]:
    """Two header lines: group labels above, column labels below."""
    top: list[str] = []
    below: list[str] = []
    previous: tuple[str, ...] = ()
    for column in side.columns:
        if column.groups:
            top.append(column.groups[0] if column.groups != previous else "")
            below.append(column.label)
        else:
            top.append(column.label)
            below.append("")
        previous = column.groups
    return top, below


def _coded(table: Table) -> _Grid:
    side = table.layout.sides[0]
    top, below = _group_headers(side)
    header = [
        ["项目", "", *top],
        ["功能分类科目编码", "科目名称", *below],
        ["栏次", "", *(str(n) for n in range(1, len(side.columns) + 1))],
    ]
    body = []
    for row in table.rows:
        key = [row.key, row.label] if row.key.isdigit() else [row.label, ""]
        body.append([*key, *_values(row, side)])
    return _Grid(header, body)


def _two_sided(table: Table) -> _Grid:
    income, spending = table.layout.sides
    left = [row for row in table.rows if table.side_of(row) is income]
    right = [row for row in table.rows if table.side_of(row) is spending]
    header = [
        ["收入", "", *[""] * len(income.columns), "支出", "", *[""] * len(spending.columns)],
        [
            "项目",
            "行次",
            *(c.label for c in income.columns),
            "项目",
            "行次",
            *(c.label for c in spending.columns),
        ],
        [
            "栏次",
            "",
            *(str(n) for n in range(1, len(income.columns) + 1)),
            "栏次",
            "",
            *(str(n + 1 + len(income.columns)) for n in range(len(spending.columns))),
        ],
    ]
    body = []
    for position in range(max(len(left), len(right))):
        cells: list[str] = []
        for rows, side in ((left, income), (right, spending)):
            row = rows[position] if position < len(rows) else None
            ordinal = str(row.ordinal) if row is not None and row.ordinal is not None else ""
            cells += [row.label if row is not None else "", ordinal, *_values(row, side)]
        body.append(cells)
    return _Grid(header, body)


def _lanes(table: Table) -> _Grid:
    coded = [row for row in table.rows if row.key.isdigit()]
    groups: list[list[Row]] = []
    for row in coded:
        if len(row.key) == 3 or not groups:
            groups.append([])
        groups[-1].append(row)
    lanes = _balance(groups, 3)
    header = [["经济分类科目编码", "科目名称", "决算数"] * 3]
    body = []
    for position in range(max((len(lane) for lane in lanes), default=0)):
        cells: list[str] = []
        for lane in lanes:
            if position < len(lane):
                row = lane[position]
                cells += [row.key, row.label, _cell(row.cells.get("amount"))]
            else:
                cells += ["", "", ""]
        body.append(cells)
    footer: list[str] = []
    for key in ("personnel_total", "public_total"):
        found = table.get(key)
        if found is not None:
            footer += [
                found.label or {"personnel_total": "人员经费合计"}.get(key, "公用经费合计"),
                "",
                _cell(found.cells.get("amount")),
            ]
    if footer:
        body.append(footer + [""] * (9 - len(footer)))
    return _Grid(header, body)


def _balance(groups: Sequence[list[Row]], count: int) -> list[list[Row]]:
    """Groups dealt into ``count`` lanes of about equal length, order kept."""
    total = sum(len(group) for group in groups)
    target = -(-total // count) if total else 0
    lanes: list[list[Row]] = [[] for _ in range(count)]
    lane = 0
    for group in groups:
        if lanes[lane] and len(lanes[lane]) + len(group) > target and lane < count - 1:
            lane += 1
        lanes[lane].extend(group)
    return lanes


def _single(table: Table) -> _Grid:
    side = table.layout.sides[0]
    stages = [column.groups[0] if column.groups else "" for column in side.columns]
    first = _dedupe(stages)
    middle = [c.groups[1] if len(c.groups) > 1 else c.label for c in side.columns]
    bottom = [column.label if len(column.groups) > 1 else "" for column in side.columns]
    header = [first, _dedupe(middle), bottom, [str(n) for n in range(1, len(side.columns) + 1)]]
    body = [_values(row, side) for row in table.rows]
    return _Grid(header, body)


def _dedupe(cells: list[str]) -> list[str]:
    """A merged header cell printed once, over the first of its columns."""
    out = []
    previous = None
    for cell in cells:
        out.append(cell if cell != previous else "")
        previous = cell
    return out

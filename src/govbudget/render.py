"""Render tables and disclosures in the official layout (text, markdown, HTML).

The layouts follow the published tables: the two-sided 01 and 04 with 行次,
the three lanes of 06, the two-level header of 07, 栏次 rows where the
official table has them, amounts exactly as printed, and the unit line.

>>> from govbudget.examples import load
>>> text = render_table(load("futian-housing-2018").table("06"))
>>> "26.40" in text and "基本工资" in text
True
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from tabulate import tabulate

from govbudget.amounts import Blank, Cell
from govbudget.disclosure import Disclosure
from govbudget.errors import WrongTypeError
from govbudget.tables import Row, Table

__all__ = ["FORMATS", "render_disclosure", "render_table", "table_grid"]

FORMATS = ("text", "markdown", "html")

_LANES = {"301": 0, "303": 0, "302": 1, "307": 1}
"""Lane of each 经济分类 类 in table 06 as the central template prints it;
every other 类 goes to the third lane."""


def _cell(cell: Cell | None) -> str:
    if cell is None:
        return ""
    return cell.text if isinstance(cell, Blank) else str(cell)


def _ordinal(row: Row | None) -> str:
    return "" if row is None or row.ordinal is None else str(row.ordinal)


def table_grid(table: Table) -> tuple[list[list[str]], list[list[str]]]:
    """The header rows and body rows of a table in its official layout."""
    if table.table_id in ("01", "04"):
        return _two_sided(table)
    if table.table_id == "06":
        return _lanes(table)
    if table.table_id == "07":
        return _sangong(table)
    return _coded(table)


def _two_sided(table: Table) -> tuple[list[list[str]], list[list[str]]]:
    income_side, spending_side = table.layout.sides
    income = [r for r in table.rows if (s := table.side_of(r)) and s.name == "income"]
    spending = [r for r in table.rows if (s := table.side_of(r)) and s.name == "expenditure"]
    income_columns = [c.id for c in income_side.columns]
    spending_columns = [c.id for c in spending_side.columns]

    first = ["收入", "", *[""] * len(income_columns), "支出", "", *[""] * len(spending_columns)]
    names = [
        "项目",
        "行次",
        *(c.label for c in income_side.columns),
        "项目",
        "行次",
        *(c.label for c in spending_side.columns),
    ]
    numbers = ["栏次", "", *(str(i + 1) for i in range(len(income_columns)))]
    numbers += [
        "栏次",
        "",
        *(str(len(income_columns) + i + 1) for i in range(len(spending_columns))),
    ]

    body = []
    for index in range(max(len(income), len(spending))):
        left = income[index] if index < len(income) else None
        right = spending[index] if index < len(spending) else None
        body.append(
            [
                left.label if left else "",
                _ordinal(left),
                *(_cell(left.get(c)) if left else "" for c in income_columns),
                right.label if right else "",
                _ordinal(right),
                *(_cell(right.get(c)) if right else "" for c in spending_columns),
            ]
        )
    return [first, names, numbers], body


def _coded(table: Table) -> tuple[list[list[str]], list[list[str]]]:
    side = table.layout.sides[0]
    groups = [" ".join(c.groups) for c in side.columns]
    headers: list[list[str]] = []
    if any(groups):
        headers.append(["项目", "", *groups])
    headers.append(["功能分类科目编码", "科目名称", *(c.label for c in side.columns)])
    headers.append(["栏次", "", *(str(i + 1) for i in range(len(side.columns)))])
    body = [
        [
            row.key if row.key.isdigit() else "",
            row.label,
            *(_cell(row.get(c.id)) for c in side.columns),
        ]
        for row in table.rows
    ]
    return headers, body


def _lanes(table: Table) -> tuple[list[list[str]], list[list[str]]]:
    lanes: list[list[Row]] = [[], [], []]
    footer = []
    for row in table.rows:
        if row.key.isdigit():
            lanes[_LANES.get(row.key[:3], 2)].append(row)
        else:
            footer.append(row)
    header = ["经济分类科目编码", "科目名称", "决算数"] * 3
    body = []
    for index in range(max(len(lane) for lane in lanes)):
        line: list[str] = []
        for lane in lanes:
            entry = lane[index] if index < len(lane) else None
            line += [entry.key, entry.label, _cell(entry.get("amount"))] if entry else ["", "", ""]
        body.append(line)
    if footer:
        line = []
        for total in footer[:3]:
            line += [total.label, "", _cell(total.get("amount"))]
        body.append(line + [""] * (9 - len(line)))
    return [header], body


def _sangong(table: Table) -> tuple[list[list[str]], list[list[str]]]:
    columns = table.layout.sides[0].columns
    stages = [c.groups[0] if i % 6 == 0 else "" for i, c in enumerate(columns)]
    middle = []
    bottom = []
    for column in columns:
        inner = column.groups[1] if len(column.groups) > 1 else ""
        if inner:
            middle.append(inner if column.id.endswith(".vehicles") else "")
            bottom.append(column.label)
        else:
            middle.append(column.label)
            bottom.append("")
    numbers = [str(i + 1) for i in range(len(columns))]
    body = [[_cell(row.get(c.id)) for c in columns] for row in table.rows]
    return [stages, middle, bottom, numbers], body


def render_table(table: Table, fmt: str = "text") -> str:
    """A table in its official layout.

    Args:
        table: Any disclosure table.
        fmt: ``"text"``, ``"markdown"`` or ``"html"``.

    Raises:
        WrongTypeError: for an unknown format.
    """
    if fmt not in FORMATS:
        raise WrongTypeError(fmt, f"a format: {', '.join(FORMATS)}")
    headers, body = table_grid(table)
    title = f"{table.display_title}（公开{table.table_id}表）"
    unit = f"单位：{table.unit.value}"
    note = table.note or ""

    if fmt == "html":
        return _html(title, unit, headers, body, note)
    if fmt == "markdown":
        grid = tabulate(
            [[f"**{h}**" if h else "" for h in row] for row in headers[1:]] + body,
            headers=headers[0],
            tablefmt="pipe",
            disable_numparse=True,
        )
        parts = [f"### {title}", "", unit, "", grid]
        return "\n".join([*parts, "", note] if note else parts)
    grid = tabulate(headers + body, tablefmt="simple_grid", disable_numparse=True)
    return "\n".join(part for part in (title, unit, grid, note) if part)


def _html(
    title: str,
    unit: str,
    headers: Sequence[Sequence[str]],
    body: Sequence[Sequence[str]],
    note: str,
) -> str:
    def cells(row: Sequence[str], tag: str) -> str:
        return "".join(f"<{tag}>{html.escape(value)}</{tag}>" for value in row)

    head = "".join(f"<tr>{cells(row, 'th')}</tr>" for row in headers)
    rows = "".join(f"<tr>{cells(row, 'td')}</tr>" for row in body)
    caption = f"<caption>{html.escape(title)}<br><small>{html.escape(unit)}</small></caption>"
    foot = f"<p>{html.escape(note)}</p>" if note else ""
    body_html = f"<thead>{head}</thead><tbody>{rows}</tbody>"
    return f'<table class="govbudget">{caption}{body_html}</table>{foot}'


def render_disclosure(
    disclosure: Disclosure, fmt: str = "text", tables: Sequence[str] | None = None
) -> str:
    """The disclosure's tables (all, or the ids given) with a heading.

    Performance forms are rendered after the tables when ``tables`` is
    ``None`` or contains ``"forms"``.
    """
    chosen = list(tables) if tables is not None else [*disclosure.tables, "forms"]
    heading = (
        disclosure.title
        or f"{disclosure.entity.name} {disclosure.year} 年度部门{disclosure.kind.value}"
    )
    parts = [
        f"# {heading}"
        if fmt == "markdown"
        else f"<h1>{html.escape(heading)}</h1>"
        if fmt == "html"
        else heading
    ]
    for table_id in chosen:
        if table_id == "forms":
            parts.extend(_render_form(form, fmt) for form in disclosure.performance_forms)
            continue
        parts.append(render_table(disclosure.table(table_id), fmt))
        statement = disclosure.empty_statements.get(table_id)
        if statement:
            parts.append(f"（{statement}）")
    return "\n\n".join(parts)


def _render_form(form: object, fmt: str) -> str:
    render = getattr(form, "render", None)
    if render is None:
        raise WrongTypeError(form, "a performance form with a render() method")
    result: str = render(fmt)
    return result

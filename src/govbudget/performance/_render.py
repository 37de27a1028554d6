"""Printing performance forms the way the official forms look.

Each form renders as a title, a header block of labelled fields, and its
tables (funds, targets, indicators), with :mod:`tabulate`. Repeated 一级 and
二级 labels are left blank below their first row, as merged cells print.
"""

from __future__ import annotations

from decimal import Decimal

from tabulate import tabulate

from govbudget.amounts import Cell
from govbudget.errors import GovBudgetError, WrongTypeError
from govbudget.performance._forms import (
    DepartmentTargetForm,
    Form,
    LegacySelfEvaluation,
    ProjectTargetForm,
    QuarterlySchedule,
    SelfEvaluation,
)
from govbudget.performance._indicators import Indicator

__all__ = ["UnknownFormatError", "render", "to_rows"]

Rows = list[list[str]]
Block = tuple[list[str] | None, Rows]

_FORMATS = {"text": "grid", "markdown": "pipe", "html": "html"}


class UnknownFormatError(GovBudgetError, ValueError):
    """A render format other than ``text``, ``markdown`` or ``html``."""

    def __init__(self, fmt: str) -> None:
        self.fmt = fmt
        super().__init__(f"unknown format {fmt!r}; expected one of: text, markdown, html")


def to_rows(form: Form) -> Rows:
    """The whole form as rows of text: header fields, then each table.

    Table headings are rows of their own, so the result reads top to bottom
    like the printed form.
    """
    rows: Rows = [[_title(form)]]
    for headers, body in _blocks(form):
        if headers is not None:
            rows.append(list(headers))
        rows.extend(body)
    return rows


def render(form: Form, fmt: str = "text") -> str:
    """The form as text, Markdown or HTML.

    Args:
        form: Any performance form.
        fmt: ``"text"`` (a grid), ``"markdown"`` (pipe tables) or ``"html"``.

    Raises:
        UnknownFormatError: for any other format.

    >>> from govbudget.performance import ProjectTargetForm
    >>> print(render(ProjectTargetForm("示例项目", year=2019), "markdown").splitlines()[0])
    ### 2019 年度 项目支出绩效目标表
    """
    if not isinstance(fmt, str):
        raise WrongTypeError(fmt, "a format name as a string")
    if fmt not in _FORMATS:
        raise UnknownFormatError(fmt)
    tablefmt = _FORMATS[fmt]

    title = _title(form)
    if fmt == "markdown":
        parts = [f"### {title}"]
    elif fmt == "html":
        parts = [f"<h3>{_escape(title)}</h3>"]
    else:
        parts = [title]
    for headers, body in _blocks(form):
        cells = [[_cell_text(cell, fmt) for cell in row] for row in body]
        if headers is None and fmt == "markdown":
            # A pipe table needs a header row; an empty one keeps the layout.
            width = max((len(row) for row in cells), default=0)
            parts.append(
                tabulate(cells, headers=[""] * width, tablefmt=tablefmt, disable_numparse=True)
            )
        elif headers is None:
            parts.append(tabulate(cells, tablefmt=tablefmt, disable_numparse=True))
        else:
            head = [_cell_text(cell, fmt) for cell in headers]
            parts.append(tabulate(cells, headers=head, tablefmt=tablefmt, disable_numparse=True))
    return "\n\n".join(parts)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _cell_text(text: str, fmt: str) -> str:
    if fmt == "markdown":
        return text.replace("|", "\\|").replace("\n", " ")
    return text


def _title(form: Form) -> str:
    year = f"{form.year} 年度 " if form.year is not None else ""
    if isinstance(form, LegacySelfEvaluation):
        return f"{year}{form.name} {form.kind_zh}"
    return f"{year}{form.kind_zh}"


def _cell(cell: Cell | None) -> str:
    return "" if cell is None else str(cell)


def _number(value: Decimal | None, suffix: str = "") -> str:
    return "" if value is None else f"{value}{suffix}"


def _indicator_rows(indicators: tuple[Indicator, ...]) -> Rows:
    rows: Rows = []
    previous = ("", "")
    for row in indicators:
        first = row.first_label if row.first_label != previous[0] else ""
        second = row.second_label if (row.first_label, row.second_label) != previous else ""
        previous = (row.first_label, row.second_label)
        target = "" if row.target is None else str(row.target)
        rows.append([first, second, row.content, target])
    return rows


def _schedule_row(schedule: QuarterlySchedule) -> list[str]:
    quarters = "，".join(
        f"第{name}季度 {_cell(cell)}"
        for name, cell in zip("一二三四", schedule.quarters, strict=True)
    )
    total = f"；合计 {_cell(schedule.stated_total)}" if schedule.stated_total is not None else ""
    return [f"资金使用{schedule.kind.value}(万元)", quarters + total]


def _blocks(form: Form) -> list[Block]:
    if isinstance(form, ProjectTargetForm):
        return _project_blocks(form)
    if isinstance(form, DepartmentTargetForm):
        return _department_blocks(form)
    if isinstance(form, SelfEvaluation):
        return _self_evaluation_blocks(form)
    return _legacy_blocks(form)


def _project_blocks(form: ProjectTargetForm) -> list[Block]:
    attribute = form.attribute_label or (form.attribute.value if form.attribute else "")
    continuity = form.continuity_label or (form.continuity.value if form.continuity else "")
    header: Rows = [
        ["项目名称", form.name, "项目属性", attribute, "项目起止时间", form.period],
        ["项目主管部门", form.department, "续存属性", continuity, "", ""],
        ["项目实施单位", form.implementer, "", "", "", ""],
        [
            "本年预算金额(万元)",
            _cell(form.budget),
            "其中:财政拨款(万元)",
            _cell(form.fiscal),
            "其他资金(万元)",
            _cell(form.other),
        ],
        ["项目中长期目标", form.long_term_goal, "", "", "", ""],
        ["项目年度目标", form.annual_goal, "", "", "", ""],
    ]
    if form.schedule is not None:
        header.append([*_schedule_row(form.schedule), "", "", "", ""])
    indicators = (["一级指标", "二级指标", "指标内容", "指标值"], _indicator_rows(form.indicators))
    return [(None, header), indicators]


def _department_blocks(form: DepartmentTargetForm) -> list[Block]:
    header: Rows = [
        ["部门(单位)名称", form.department],
        ["部门职责", form.duties],
        ["年度总体目标", form.annual_goal],
    ]
    blocks: list[Block] = [(None, header)]
    if form.tasks:
        tasks = [
            [t.name, t.content, _cell(t.total), _cell(t.fiscal), _cell(t.other)] for t in form.tasks
        ]
        blocks.append((["任务名称", "主要内容", "总额", "财政拨款", "其他资金"], tasks))
    blocks.append(
        (["一级指标", "二级指标", "指标内容", "指标值"], _indicator_rows(form.indicators))
    )
    return blocks


def _self_evaluation_blocks(form: SelfEvaluation) -> list[Block]:
    header: Rows = [
        ["项目名称", form.name],
        ["主管部门", form.department],
        ["实施单位", form.implementer],
    ]
    funds = [
        [
            row.kind.value,
            _cell(row.initial_budget),
            _cell(row.full_year_budget),
            _cell(row.executed),
            _number(row.weight),
            _number(row.rate, "%"),
            _number(row.score),
        ]
        for row in form.funds
    ]
    goals = [[form.expected_goal, form.achieved_goal]]
    base = _indicator_rows(tuple(row.indicator for row in form.indicators))
    indicators = [
        [
            *cells,
            "" if row.actual is None else str(row.actual),
            _number(row.weight),
            _number(row.score),
            row.deviation,
        ]
        for cells, row in zip(base, form.indicators, strict=True)
    ]
    footer = [["总分", _number(form.total), "等级", form.grade.value if form.grade else ""]]
    return [
        (None, header),
        (
            ["项目资金(万元)", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
            funds,
        ),
        (["预期目标", "实际完成情况"], goals),
        (
            [
                "一级指标",
                "二级指标",
                "三级指标",
                "年度指标值",
                "实际完成值",
                "分值",
                "得分",
                "偏差原因分析及改进措施",
            ],
            indicators,
        ),
        (None, footer),
    ]


def _legacy_blocks(form: LegacySelfEvaluation) -> list[Block]:
    attribute = form.attribute.value if form.attribute is not None else ""
    header: Rows = [
        ["项目名称", form.name, "项目类别", form.category],
        ["项目主管部门", form.department, "项目实施单位", form.implementer],
        ["项目周期", form.period, "项目属性", attribute],
        ["预算金额(万元)", _cell(form.budget), "其中：财政拨款", _cell(form.fiscal)],
        ["其它资金", _cell(form.other), "", ""],
        ["年度目标总体描述", form.annual_goal, "", ""],
    ]
    if form.schedule is not None:
        header.append([*_schedule_row(form.schedule), "", ""])
    targets = [[t.kind.value, t.content, t.completion, t.reason] for t in form.targets]
    columns = ["绩效内容", "目标内容", "目标完成情况", "未完成的原因及改进措施"]
    return [(None, header), (columns, targets)]

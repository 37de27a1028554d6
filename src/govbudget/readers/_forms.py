"""Reading performance forms (绩效目标表, 绩效自评表) from their lines.

A form starts at its title and runs while its lines look like a form:
separated or space-aligned cells, the year, a seal line. Its header is read
as label/value pairs (see ``_form_cells``), its indicator block row by row
(see ``_form_indicators``), and the older self-evaluation's target rows as
such (see ``_form_legacy``). Three kinds are read:

* 项目支出绩效目标表 (any title ending in 绩效目标表 or 绩效目标填报表
  without 部门整体) into :class:`~govbudget.performance.ProjectTargetForm`;
* 部门整体支出绩效目标表 into
  :class:`~govbudget.performance.DepartmentTargetForm`;
* the unscored 绩效目标自评表 with 投入/产出/效益目标 rows into
  :class:`~govbudget.performance.LegacySelfEvaluation`.

The scored self-evaluation of the national format and the 绩效评价表 are
recognised but not read; their lines say so.
"""

from __future__ import annotations

import re

import attrs

from govbudget.amounts import Blank, Cell, Unit
from govbudget.performance import (
    Continuity,
    DepartmentTargetForm,
    Form,
    LegacySelfEvaluation,
    LegacyTarget,
    LegacyTargetKind,
    MainTask,
    ProjectAttribute,
    ProjectTargetForm,
)
from govbudget.readers._form_cells import (
    FieldValue,
    FormRow,
    LineTally,
    form_rows,
    label_key,
    read_amount,
    read_fields,
)
from govbudget.readers._form_indicators import is_indicator_header, read_indicators
from govbudget.readers._form_legacy import is_target_header, read_costs, target_kind, target_row
from govbudget.readers._lines import SourceLine, clean, is_page_number
from govbudget.readers._narrative import heading_of
from govbudget.readers._notes import Notebook
from govbudget.readers._report import LineStatus
from govbudget.readers._titles import match_title

__all__ = ["FormRead", "form_end", "read_form"]

_YEAR_LINE = re.compile(r"^[(（]?(20\d{2})年度?[)）]?$")
_YEAR = re.compile(r"(20\d{2})\s*年")
_UNIT_LINE = re.compile(
    r"^(?:金额)?单位[:：](万元|亿元|元)$|^(?:项目资金)?[(（](万元|亿元|元)[)）]$"
)
_SEAL_LINE = re.compile(r".*[(（]公章[)）][:：].*|单位[:：].*")
_ATTACHMENT = re.compile(r"^附件\s*\S{0,3}\s*[:：]?$")

_GROUP = ""
"""Field name of a label that only groups others (项目资金, 年度主要任务)."""

_COMMON: dict[str, str | None] = {
    "项目名称": "name",
    "项目主管部门": "department",
    "主管部门": "department",
    "主管部门及代码": "department",
    "项目实施单位": "implementer",
    "实施单位": "implementer",
    "财政拨款": "fiscal",
    "当年财政拨款": "fiscal",
    "其他资金": "other",
    "其它资金": "other",
    "项目资金": _GROUP,
    "项目资金总额": None,
    "财政资金": None,
    "上年结转": None,
    "上年结转资金": None,
    "执行率": None,
    "分值": None,
}
_PROJECT: dict[str, str | None] = {
    **_COMMON,
    "项目属性名称": "attribute",
    "项目属性": "attribute",
    "续存属性名称": "continuity",
    "续存属性": "continuity",
    "项目性质": "continuity",
    "项目类别": None,
    "项目起止时间": "period",
    "计划开始日期": "start",
    "计划完成日期": "end",
    "本年预算金额": "budget",
    "年度资金总额": "budget",
    "年度资金申请总额": "budget",
    "项目中长期目标": "long_term_goal",
    "中长期目标": "long_term_goal",
    "项目总目标": "long_term_goal",
    "项目年度目标": "annual_goal",
    "年度目标": "annual_goal",
    "年度总体目标": "annual_goal",
}
_LEGACY: dict[str, str | None] = {
    **_COMMON,
    "项目类别": "category",
    "项目周期": "period",
    "项目属性": "attribute",
    "预算金额": "budget",
    "年度目标总体描述": "annual_goal",
    "年度总体目标": "annual_goal",
    "年度目标": "annual_goal",
}
_DEPARTMENT: dict[str, str | None] = {
    "部门名称": "department",
    "部门(单位)名称": "department",
    "单位名称": "department",
    "部门职责": "duties",
    "年度总体绩效目标": "annual_goal",
    "年度绩效目标": "annual_goal",
    "年度总体目标": "annual_goal",
    "部门整体绩效目标": "annual_goal",
    "年度主要任务": _GROUP,
}


@attrs.frozen
class FormRead:
    """What reading one form gave.

    Attributes:
        form: The form, or ``None`` if it could not be built.
        reason: Why not, when ``form`` is ``None``.
        last_line: The number of the form's last non-blank line.
    """

    form: Form | None
    reason: str
    last_line: int


# Where a form ends ---------------------------------------------------------------


def form_end(lines: list[SourceLine], start: int) -> int:
    """The index just past the form whose title is ``lines[start]``.

    Forms copied from a web page (tab- or ``|``-separated) end at the first
    line that is neither a row, the year nor a seal line. Space-aligned
    forms, whose goals wrap over plain lines, end at the next title,
    attachment mark or heading at the left margin.
    """
    following = lines[start + 1 : start + 16]
    separated = any("\t" in line.text or "|" in line.text for line in following)
    position = start + 1
    while position < len(lines):
        line = lines[position]
        if not line.blank and match_title(line.text) is not None:
            break
        if separated and not _separated_line(line):
            break
        if not separated and not _aligned_line(line):
            break
        position += 1
    return position


def _separated_line(line: SourceLine) -> bool:
    if line.blank or is_page_number(line):
        return True
    if "\t" in line.text or "|" in line.text or re.search(r"\S\s{2,}\S", line.text.strip()):
        return True
    words = clean(line.text)
    return bool(_YEAR_LINE.match(words) or _SEAL_LINE.fullmatch(words))


def _aligned_line(line: SourceLine) -> bool:
    if line.blank or is_page_number(line):
        return True
    words = clean(line.text)
    if _ATTACHMENT.match(words):
        return False
    heading = heading_of(line.text)
    indent = len(line.text) - len(line.text.lstrip())
    return not (heading is not None and heading.level in ("chapter", "section") and indent <= 2)


# Reading ---------------------------------------------------------------------------


def read_form(
    title: SourceLine,
    body: list[SourceLine],
    notes: Notebook,
    *,
    part: str = "performance form",
    attachment: str | None = None,
) -> FormRead:
    """Read one form and note every one of its lines.

    Args:
        title: The title line.
        body: The lines after it, to the end of the form.
        notes: The notebook of the import report.
        part: The report's name for the form.
        attachment: The report's name of the attachment the lines are also
            kept in, if any; lines not used by the form are then partly read.

    Returns:
        The form (or ``None``, with the reason) and its last line.
    """
    tally = LineTally()
    tally.read(title, f"{part} title")
    for line in body:
        if line.blank or is_page_number(line):
            tally.ignore(line, "layout" if line.blank else "page number")
    rows = form_rows([line for line in body if not is_page_number(line)])
    reader = _FormReader(title, rows, tally, part)
    form, reason = reader.run()

    for line in body:
        if tally.status(line) is None:
            tally.miss(line, part, "a line of the form the reader found no place for")
    if form is None:
        for line in [title, *body]:
            if tally.status(line) is not LineStatus.IGNORED:
                tally.miss(line, part, f"performance form not read: {reason}")
    _flush(tally, [title, *body], notes, attachment)
    last = max([title.number, *(line.number for line in body if not line.blank)])
    return FormRead(form, reason, last)


def _flush(
    tally: LineTally, lines: list[SourceLine], notes: Notebook, attachment: str | None
) -> None:
    for line in lines:
        status, part, reason = tally.notes[line.number]
        if attachment is not None and status is not LineStatus.IGNORED:
            part = f"{attachment}; {part}"
            if status is LineStatus.NOT_UNDERSTOOD:
                status = LineStatus.PARTLY_READ
                reason = f"{reason}; kept as attachment text"
        if status is LineStatus.READ:
            notes.read(line, part)
        elif status is LineStatus.PARTLY_READ:
            notes.partly(line, part, reason)
        elif status is LineStatus.NOT_UNDERSTOOD:
            notes.miss(line, part, reason)
        else:
            notes.ignore(line, reason)


class _FormReader:
    def __init__(self, title: SourceLine, rows: list[FormRow], tally: LineTally, part: str):
        self.title = title
        self.rows = rows
        self.tally = tally
        self.part = part
        self.year: int | None = None
        self.unit = Unit.WAN
        found = _YEAR.search(title.text)
        if found is not None:
            self.year = int(found.group(1))

    def run(self) -> tuple[Form | None, str]:
        self._year_and_unit()
        name = clean(self.title.text)
        if "自评" in name or "评价" in name:
            if any(target_kind(row.texts[0]) for row in self.rows if row.texts):
                return self._legacy()
            return None, "scored self-evaluation and evaluation forms are not read yet"
        if "部门整体" in name:
            return self._department()
        return self._project()

    def _year_and_unit(self) -> None:
        for row in self.rows:
            words = clean(" ".join(row.texts))
            year = _YEAR_LINE.match(words)
            unit = _UNIT_LINE.match(words)
            if year is not None:
                self.year = self.year or int(year.group(1))
                self.tally.read(row.line, f"{self.part} year")
            elif unit is not None:
                self.unit = Unit.parse(unit.group(1) or unit.group(2))
                self.tally.read(row.line, f"{self.part} unit")

    def _pending(self) -> list[FormRow]:
        return [row for row in self.rows if self.tally.status(row.line) is None]

    # Header pairs ----------------------------------------------------------------

    def _fields(self, rows: list[FormRow], labels: dict[str, str | None]) -> dict[str, FieldValue]:
        """Labelled values of the rows; the first value of a field wins."""
        values: dict[str, FieldValue] = {}
        for row in rows:
            read, unused = read_fields(row.texts, labels)
            where = f"{self.part} header"
            used = [value for value in read if value.field != _GROUP]
            if not used and not any(_has_label(text, labels) for text in row.texts):
                self.tally.miss(row.line, where, "no label the reader knows")
                continue
            if not used and not unused:
                self.tally.read(row.line, f"{self.part} group label")
                continue
            if not used:
                self.tally.miss(
                    row.line,
                    where,
                    "labels with no value beside them (printed on other lines, or not "
                    "modelled): " + ", ".join(unused),
                )
                continue
            for value in used:
                values.setdefault(value.field, value)
            if unused:
                self.tally.partly(row.line, where, "cells not read: " + ", ".join(unused))
            else:
                self.tally.read(row.line, where)
        return values

    def _amounts(self, values: dict[str, FieldValue]) -> tuple[Cell, Cell, Cell]:
        """Budget, fiscal and other funds; an amount that cannot be read is noted."""
        found: list[Cell] = []
        for name in ("budget", "fiscal", "other"):
            if name not in values:
                found.append(Blank())
                continue
            amount, problem = read_amount(values[name], self.unit)
            found.append(amount)
            if problem:
                self._problem(values[name], problem)
        return found[0], found[1], found[2]

    def _problem(self, value: FieldValue, problem: str) -> None:
        for row in self.rows:
            if value.label in row.texts or any(value.label in text for text in row.texts):
                self.tally.partly(row.line, f"{self.part} header", problem)
                return

    def _split(self, rows: list[FormRow]) -> tuple[list[FormRow], list[FormRow], list[FormRow]]:
        """Rows above the indicator header, the header, and the rows below."""
        for index, row in enumerate(rows):
            neighbours = rows[max(0, index - 1) : index] + rows[index + 1 : index + 2]
            if not is_indicator_header(row, neighbours):
                continue
            header = [other for other in neighbours if _header_word_row(other, row)]
            header.insert(len([x for x in header if x.line.number < row.line.number]), row)
            above = [other for other in rows[:index] if other not in header]
            below = [other for other in rows[index + 1 :] if other not in header]
            return above, header, below
        return rows, [], []

    # The three kinds -------------------------------------------------------------

    def _project(self) -> tuple[Form | None, str]:
        above, header, below = self._split(self._pending())
        values = self._fields(above, _PROJECT)
        indicators = read_indicators(header, below, self.tally, self.part) if header else ()
        if "name" not in values:
            return None, "no 项目名称 (project name) found"

        text = {name: value.text for name, value in values.items()}
        period = text.get("period", "")
        if not period and "start" in text and "end" in text:
            period = f"{text['start']}~{text['end']}"
        budget, fiscal, other = self._amounts(values)
        attribute = text.get("attribute", "")
        continuity = text.get("continuity", "")
        form = ProjectTargetForm(
            name=text["name"],
            year=self.year,
            attribute=ProjectAttribute.parse(attribute),
            continuity=Continuity.parse(continuity),
            period=period,
            department=text.get("department", ""),
            implementer=text.get("implementer", ""),
            long_term_goal=text.get("long_term_goal", ""),
            annual_goal=text.get("annual_goal", ""),
            indicators=indicators,
            attribute_label=attribute,
            continuity_label=continuity,
            budget=budget,
            fiscal=fiscal,
            other=other,
        )
        return form, ""

    def _department(self) -> tuple[Form | None, str]:
        above, header, below = self._split(self._pending())
        tasks: list[MainTask] = []
        task_rows = [row for row in above if "任务名称" in [clean(t) for t in row.texts]]
        if task_rows:
            start = above.index(task_rows[0])
            self.tally.read(task_rows[0].line, f"{self.part} task header")
            for row in above[start + 1 :]:
                tasks.append(self._task(row))
            above = above[:start]
        values = self._fields(above, _DEPARTMENT)
        indicators = read_indicators(header, below, self.tally, self.part) if header else ()
        if "department" not in values:
            return None, "no 部门名称 (department name) found"
        text = {name: value.text for name, value in values.items()}
        form = DepartmentTargetForm(
            department=text["department"],
            year=self.year,
            duties=text.get("duties", ""),
            annual_goal=text.get("annual_goal", ""),
            tasks=tuple(tasks),
            indicators=indicators,
        )
        return form, ""

    def _task(self, row: FormRow) -> MainTask:
        texts = row.texts
        name = texts[0]
        content = texts[1] if len(texts) > 1 else ""
        amounts = []
        problems = []
        for figure in texts[2:5]:
            amount, problem = read_amount(FieldValue("task", name, figure), self.unit)
            amounts.append(amount)
            if problem:
                problems.append(problem)
        where = f"{self.part} task"
        if problems or len(texts) > 5:
            extra = ["cells not read: " + ", ".join(texts[5:])] if len(texts) > 5 else []
            self.tally.partly(row.line, where, "; ".join(problems + extra))
        else:
            self.tally.read(row.line, where)
        return MainTask(name, content, *amounts)

    def _legacy(self) -> tuple[Form | None, str]:
        rows = self._pending()
        headers = [row for row in rows if is_target_header(row)]
        first_target = next(
            (i for i, row in enumerate(rows) if row.texts and target_kind(row.texts[0])), len(rows)
        )
        above = [row for row in rows[:first_target] if row not in headers]
        values = self._fields(above, _LEGACY)
        header = headers[0] if headers else None
        for row in headers:
            self.tally.read(row.line, f"{self.part} target header")

        targets: list[LegacyTarget] = []
        for row in rows[first_target:]:
            if row in headers or not row.texts or target_kind(row.texts[0]) is None:
                continue
            target, unused = target_row(row, header)
            targets.append(target)
            where = f"{self.part} {target.kind.value}"
            if unused:
                self.tally.partly(row.line, where, "cells not read: " + ", ".join(unused))
            else:
                self.tally.read(row.line, where)
        if "name" not in values:
            return None, "no 项目名称 (project name) found"

        first = targets[0] if targets else None
        costs = (
            read_costs(first.content) if first and first.kind is LegacyTargetKind.INPUT else None
        )
        if costs is not None and costs.problems:
            line = next(row.line for row in rows if target_kind(row.texts[0]) is not None)
            self.tally.partly(line, f"{self.part} 投入目标", "; ".join(costs.problems))
        text = {name: value.text for name, value in values.items()}
        budget, fiscal, other = self._amounts(values)
        form = LegacySelfEvaluation(
            name=_unwrapped(text["name"]),
            year=self.year,
            category=text.get("category", ""),
            department=text.get("department", ""),
            implementer=text.get("implementer", ""),
            period=text.get("period", ""),
            attribute=ProjectAttribute.parse(text.get("attribute", "")),
            annual_goal=text.get("annual_goal", ""),
            targets=tuple(targets),
            cost_items=tuple(costs.items) if costs else (),
            total_cost=costs.total if costs else None,
            schedule=costs.schedule if costs else None,
            budget=budget,
            fiscal=fiscal,
            other=other,
        )
        return form, ""


def _has_label(text: str, labels: dict[str, str | None]) -> bool:
    return label_key(text)[0] in labels


def _header_word_row(row: FormRow, header: FormRow) -> bool:
    """A line of a header that wraps over several lines (一级 / 指标, 分值 / （90）)."""
    if row.indexed or abs(row.line.number - header.line.number) != 1:
        return False
    return all(len(clean(text)) <= 6 for text in row.texts) and bool(row.texts)


def _unwrapped(text: str) -> str:
    """A name without the spaces line wrapping left between Chinese characters."""
    return re.sub(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])", "", text)

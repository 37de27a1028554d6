"""Reading performance forms: the sample's three, small made-up ones, junk."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govbudget import examples
from govbudget.amounts import Amount, Unit
from govbudget.errors import GovBudgetError
from govbudget.performance import (
    DepartmentTargetForm,
    FirstLevel,
    IndicatorValue,
    LegacySelfEvaluation,
    ProjectTargetForm,
    ScheduleKind,
    SecondLevel,
)
from govbudget.readers import LineStatus, read_text
from govbudget.readers._form_legacy import read_costs

SAMPLE = examples.text("futian-housing-2018")
EXPECTED = examples.load("futian-housing-2018").performance_forms
FORM_LINES = list(range(262, 301)) + list(range(356, 373))
CORPUS = Path("/work/shared/corpus")


@pytest.fixture(scope="module")
def sample():  # type: ignore[no-untyped-def]
    return read_text(SAMPLE)


@pytest.mark.parametrize("position", [0, 1, 2])
def test_sample_forms_equal_the_transcription(sample, position: int) -> None:  # type: ignore[no-untyped-def]
    read = sample.disclosure.performance_forms

    assert 3 == len(read)
    assert EXPECTED[position] == read[position]


def test_every_form_line_is_read_or_layout(sample) -> None:  # type: ignore[no-untyped-def]
    notes = [sample.report.lines[number - 1] for number in FORM_LINES]

    assert {LineStatus.READ, LineStatus.IGNORED} == {note.status for note in notes}
    assert all(note.part for note in notes if note.status is LineStatus.READ)


def test_the_attachment_keeps_its_text(sample) -> None:  # type: ignore[no-untyped-def]
    attachment = sample.disclosure.attachments[0]

    assert "投入目标" in attachment.text
    assert "附件 1" in attachment.title


def test_read_forms_are_not_listed_as_unread_tables(sample) -> None:  # type: ignore[no-untyped-def]
    assert [] == [t for t in sample.report.tables if t.kind == "performance form"]


HEAD = "某某中心 2019 年度部门预算\n\n"
PROJECT = (
    "项目支出绩效目标表\n\n2019 年度\n\n"
    "项目名称\t测试项目\t项目属性名称\t新增\t项目起止时间\t2019-01-01~2019-12-31\n"
    "本年预算金额(万元)\t12.50\t其中:财政拨款(万元)\t12.50\t其他资金(万元)\t-\n"
    "年度绩效指标\t一级指标\t二级指标\t指标内容\t指标值\n"
    "\t产出指标\t数量指标\t培训人次\t≥8O%\n"
    "\t\t时效指标\t按时完成\t=100%\t多余\n"
)


def test_a_bad_value_becomes_a_note_not_a_crash() -> None:
    result = read_text(HEAD + PROJECT)
    (form,) = result.disclosure.performance_forms  # type: ignore[union-attr]
    notes = {note.line: note for note in result.report.lines}

    assert isinstance(form, ProjectTargetForm)
    assert (None, "培训人次") == (form.indicators[0].target, form.indicators[0].content)
    assert LineStatus.PARTLY_READ is notes[10].status
    assert "indicator value '≥8O%' not read" in notes[10].reason
    assert "cells not read: 多余" in notes[11].reason
    assert IndicatorValue.parse("=100%") == form.indicators[1].target
    assert Amount(Decimal("12.50"), Unit.WAN) == form.budget


def test_a_form_without_a_name_is_reported_not_invented() -> None:
    text = HEAD + PROJECT.replace("项目名称\t测试项目\t", "")

    result = read_text(text)
    title = result.report.lines[2]

    assert () == result.disclosure.performance_forms  # type: ignore[union-attr]
    assert LineStatus.NOT_UNDERSTOOD is title.status
    assert "no 项目名称" in title.reason
    assert ["performance form"] == [t.kind for t in result.report.tables]


def test_department_form_with_tasks() -> None:
    text = HEAD + (
        "部门整体支出绩效目标表\n\n"
        "部门(单位)名称\t某某中心\n"
        "部门职责\t管理住房\n"
        "年度总体绩效目标\t完成维修\n"
        "任务名称\t主要内容\t总额\t财政拨款\t其他资金\n"
        "维修\t维修住房\t10.00\t10.00\t0.00\n"
        "年度绩效指标\t一级指标\t二级指标\t指标内容\t指标值\n"
        "\t满意度指标\t服务对象满意度指标\t住户满意度\t≥90%\n"
    )

    (form,) = read_text(text).disclosure.performance_forms  # type: ignore[union-attr]

    assert isinstance(form, DepartmentTargetForm)
    assert ("某某中心", "管理住房", "完成维修") == (form.department, form.duties, form.annual_goal)
    assert ["维修"] == [task.name for task in form.tasks]
    assert FirstLevel.SATISFACTION is form.indicators[0].first


def test_space_aligned_form_with_wrapped_labels() -> None:
    text = HEAD + (
        "                 财政项目支出绩效目标填报表\n"
        "                        （2023年度）\n\n"
        "  项目名称         社区服务       项目性质         经常性项目\n\n"
        "  主管部门         某某街道       实施单位         某某街道\n\n"
        "        一级指标    二级指标          三级指标              年度(/项目)指标值\n\n"
        "                数量指标          服务人次              ≥100.00(人次)\n"
        "        产出指标\n"
        "                质量指标          服务达标率            =100.00(%)\n\n"
        "               服务对象满意\n"
        "       满意度指标                 居民满意度            ≥80.00(%)\n"
        "                 度指标\n"
    )

    (form,) = read_text(text).disclosure.performance_forms  # type: ignore[union-attr]

    assert isinstance(form, ProjectTargetForm)
    assert ("社区服务", 2023, "经常性项目") == (form.name, form.year, form.continuity_label)
    assert [
        (FirstLevel.OUTPUT, SecondLevel.QUANTITY, "≥100.00人次"),
        (FirstLevel.OUTPUT, SecondLevel.QUALITY, "=100.00%"),
        (FirstLevel.SATISFACTION, SecondLevel.SERVICE_SATISFACTION, "≥80.00%"),
    ] == [(i.first, i.second, str(i.target)) for i in form.indicators]


def test_scored_self_evaluation_is_recognised_and_reported() -> None:
    text = HEAD + (
        "项目支出绩效自评表\n\n"
        "项目名称\t某项目\n"
        "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n"
    )

    result = read_text(text)

    assert () == result.disclosure.performance_forms  # type: ignore[union-attr]
    assert all(
        "scored self-evaluation" in note.reason
        for note in result.report.lines[2:]
        if note.status is not LineStatus.IGNORED
    )


def test_costs_and_schedule_from_the_input_target() -> None:
    costs = read_costs(
        "单位成本： 1、甲 2 万元。2、乙 3.5 万元。 总成本：5.5 万元 "
        "使用进度安排： 第一季度 1 万元，第二季度 1 万元，第三季度 2 万元，第四季度 1.5 万元"
    )

    assert [("甲", "2"), ("乙", "3.5")] == [(i.name, str(i.amount)) for i in costs.items]
    assert "5.5" == str(costs.total)
    assert costs.schedule is not None
    assert ScheduleKind.PLAN is costs.schedule.kind
    assert [] == costs.problems


@st.composite
def edited_forms(draw: st.DrawFn) -> str:
    """The sample with its form lines dropped, duplicated, cut or changed."""
    lines = SAMPLE.split("\n")
    for _ in range(draw(st.integers(min_value=1, max_value=10))):
        where = draw(st.sampled_from(FORM_LINES)) - 1
        if where >= len(lines):
            continue
        line = lines[where]
        action = draw(st.sampled_from(["drop", "duplicate", "cut", "replace", "tabs"]))
        if action == "drop":
            del lines[where]
        elif action == "duplicate":
            lines.insert(where, line)
        elif action == "cut" and line:
            lines[where] = line[: draw(st.integers(min_value=0, max_value=len(line)))]
        elif action == "replace" and line:
            at = draw(st.integers(min_value=0, max_value=len(line) - 1))
            char = draw(st.sampled_from(list("0９.%≥≤=\t|-—（）万元年季度√ 指标一级效益")))
            lines[where] = line[:at] + char + line[at + 1 :]
        elif action == "tabs":
            lines[where] = line.replace("\t", "   ")
    return "\n".join(lines)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=edited_forms())
def test_edited_forms_raise_only_govbudget_errors(text: str) -> None:
    try:
        result = read_text(text)
    except GovBudgetError:
        return

    assert len(text.split("\n")) == len(result.report.lines)
    assert all(note.reason for note in result.report.not_understood + result.report.partly_read)
    if result.disclosure is not None:
        for form in result.disclosure.performance_forms:
            assert isinstance(form, (ProjectTargetForm, LegacySelfEvaluation))


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the shared corpus is not on this machine")
@pytest.mark.parametrize(
    ("name", "count"),
    [("05-putuo-wanli-2023-dept-budget", 5), ("08-swu-2024-budget", 26)],
)
def test_corpus_forms_are_read_as_far_as_they_go(name: str, count: int) -> None:
    text = (CORPUS / name / "document.txt").read_text(encoding="utf-8")

    result = read_text(text)
    forms = result.disclosure.performance_forms  # type: ignore[union-attr]
    form_notes = [n for n in result.report.lines if "performance form" in n.part]

    assert count == len(forms)
    assert all(form.name and form.indicators for form in forms)  # type: ignore[union-attr]
    assert all(note.reason for note in form_notes if note.status is not LineStatus.READ)

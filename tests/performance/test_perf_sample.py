"""The sample's forms: transcription and what the rules say."""

# Expected values come first in asserts (STYLE.md, habit 13).

from __future__ import annotations

from decimal import Decimal

from govbudget.examples._futian_forms import futian_forms
from govbudget.findings import Severity
from govbudget.performance import (
    OLDER_PLACEMENTS,
    Continuity,
    FirstLevel,
    FormCheckOptions,
    ProjectAttribute,
    SecondLevel,
    check_forms,
)


def test_transcription() -> None:
    maintenance, daily, legacy = futian_forms()

    assert ("300.00", "300.00", "0.00") == tuple(
        str(c) for c in (maintenance.budget, maintenance.fiscal, maintenance.other)
    )
    assert ProjectAttribute.CONTINUING == maintenance.attribute
    assert ProjectAttribute.NEW == daily.attribute
    assert Continuity.RECURRING == daily.continuity
    assert ["≤60套", "≤5%", "1年", "不适用", "≥80%", "不适用", "≥80%", "≥75%"] == [
        str(row.target) for row in maintenance.indicators
    ]
    assert ["5561", "≥80%", "1年", "None", "≥80%", "None", "≥80%", "≥80%"] == [
        str(row.target) for row in daily.indicators
    ]
    assert SecondLevel.TIMELINESS == maintenance.indicators[2].second
    assert "工作时效" == maintenance.indicators[2].second_label
    assert SecondLevel.SUSTAINABLE_IMPACT == daily.indicators[6].second
    assert [Decimal(0), Decimal(0), Decimal(75), Decimal(1)] == [
        q.value
        for q in legacy.schedule.quarters  # type: ignore[union-attr]
    ]


def test_not_applicable_rows() -> None:
    maintenance, daily, _ = futian_forms()

    assert [3, 5] == [i for i, row in enumerate(maintenance.indicators) if row.not_applicable]
    assert [3, 5] == [i for i, row in enumerate(daily.indicators) if row.not_applicable]


def test_rules_on_the_sample() -> None:
    findings = check_forms(futian_forms())

    assert [("P-14", Severity.WARNING)] * 2 == [(f.rule, f.severity) for f in findings]
    assert all(f.location.row.endswith("满意度") for f in findings)  # type: ignore[union-attr]


def test_sample_passes_under_older_placements() -> None:
    options = FormCheckOptions(placements=OLDER_PLACEMENTS)

    assert [] == check_forms(futian_forms(), options)


def test_satisfaction_is_under_benefit_as_printed() -> None:
    maintenance, _, _ = futian_forms()

    last = maintenance.indicators[-1]

    assert (FirstLevel.BENEFIT, SecondLevel.SERVICE_SATISFACTION) == (last.first, last.second)


def test_render_formats() -> None:
    maintenance, _, legacy = futian_forms()

    text = maintenance.render()
    markdown = legacy.render("markdown")
    html = maintenance.render("html")

    assert "≤60套" in text and "工作时效" in text
    assert markdown.startswith("### 2018 年度 保障性住房维修维护管理支出 绩效目标自评表")
    assert "部分完成" in markdown
    assert "<table>" in html and "&lt;" not in html.split("<table>")[0]
    assert ["2019 年度 项目支出绩效目标表"] == maintenance.to_rows()[0]

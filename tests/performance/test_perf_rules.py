"""Each form rule, with a passing and a failing case."""

# Expected values come first in asserts (STYLE.md, habit 13).

from __future__ import annotations

from decimal import Decimal

import attrs
import pytest
from _perf_builders import (
    department_form,
    funds,
    indicators,
    legacy_form,
    project_form,
    scored_rows,
    self_evaluation,
    wan,
)

from govbudget.findings import Category, Finding, Severity
from govbudget.performance import (
    FORM_RULES,
    OLDER_PLACEMENTS,
    FormCheckOptions,
    Grade,
    Indicator,
    LegacyTarget,
    LegacyTargetKind,
    MainTask,
    QuarterlySchedule,
    ScheduleKind,
    ScoringWeights,
    check_forms,
)


def only(rule: str, findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.rule == rule]


def test_rules_have_ids_titles_and_docs() -> None:
    ids = [rule.id for rule in FORM_RULES]

    assert [f"P-{n:02d}" for n in range(1, 17)] == ids
    assert all(rule.title and rule.doc for rule in FORM_RULES)
    assert {Category.PERFORMANCE} == {rule.category for rule in FORM_RULES}


@pytest.mark.parametrize(
    "form",
    [project_form(), department_form(), legacy_form(), self_evaluation()],
    ids=["project", "department", "legacy", "self-evaluation"],
)
def test_consistent_forms_pass_every_rule(form: object) -> None:
    assert [] == check_forms([form])  # type: ignore[list-item]


def test_p01_budget_split_fails() -> None:
    findings = only("P-01", check_forms([project_form(other=wan("30.00"))]))

    assert 1 == len(findings)
    finding = findings[0]
    assert Severity.ERROR == finding.severity
    assert (Decimal("310.00"), Decimal("300.00")) == (finding.expected, finding.actual)
    assert Decimal("-10.00") == finding.difference
    assert "interval" == finding.policy
    assert "performance" == finding.location.table
    assert "项目:测试项目" == finding.location.row


def test_p01_within_rounding_is_info() -> None:
    form = project_form(budget=wan("300.0"), fiscal=wan("280.04"), schedule=None)

    findings = only("P-01", check_forms([form]))

    assert [Severity.INFO] == [f.severity for f in findings]
    assert findings[0].rounding
    assert Decimal("0.060") == findings[0].slack


def test_p01_department_tasks() -> None:
    task = MainTask("任务一", "内容", wan("10.00"), wan("8.00"), wan("1.00"))

    findings = only("P-01", check_forms([department_form(tasks=(task,))]))

    assert ["部门:测试部门/任务/任务一"] == [f.location.row for f in findings]


def test_p02_stated_total_and_plan() -> None:
    schedule = QuarterlySchedule(
        wan("75.00"), wan("75.00"), wan("75.00"), wan("70.00"), ScheduleKind.PLAN, wan("300.00")
    )

    findings = only("P-02", check_forms([project_form(schedule=schedule)]))

    assert ["合计", "预算金额"] == [f.location.column for f in findings]
    assert all(Severity.ERROR == f.severity for f in findings)


def test_p02_progress_makes_no_claim() -> None:
    schedule = QuarterlySchedule(wan("0"), wan("0"), wan("75"), wan("1"), ScheduleKind.PROGRESS)

    assert [] == only("P-02", check_forms([legacy_form(schedule=schedule)]))


def test_p03_progress_beyond_budget() -> None:
    schedule = QuarterlySchedule(
        wan("100"), wan("100"), wan("100"), wan("10"), ScheduleKind.PROGRESS
    )

    findings = only("P-03", check_forms([legacy_form(schedule=schedule)]))

    assert [Severity.WARNING] == [f.severity for f in findings]
    assert Decimal("310") == findings[0].actual


def test_p03_progress_just_over_budget_is_rounding() -> None:
    schedule = QuarterlySchedule(
        wan("100"), wan("100"), wan("100"), wan("1"), ScheduleKind.PROGRESS
    )

    findings = only("P-03", check_forms([legacy_form(schedule=schedule)]))

    assert [(Severity.INFO, True)] == [(f.severity, f.rounding) for f in findings]


def test_p03_complete_claim_with_money_unspent() -> None:
    done = (LegacyTarget(LegacyTargetKind.INPUT, "投入", "已完成"),)

    findings = only("P-03", check_forms([legacy_form(targets=done)]))

    assert [Severity.WARNING] == [f.severity for f in findings]
    assert (Decimal("300"), Decimal("76")) == (findings[0].expected, findings[0].actual)


def test_p04_cost_breakdown() -> None:
    form = legacy_form(total_cost=wan("290"))

    findings = only("P-04", check_forms([form]))

    assert ["总成本", "预算金额"] == [f.location.column for f in findings]


def test_p05_funds_rows() -> None:
    form = self_evaluation(funds=funds(initial_budget=wan("101.00")))

    findings = only("P-05", check_forms([form]))

    assert ["initial_budget"] == [f.location.column for f in findings]
    assert Severity.ERROR == findings[0].severity


def test_p06_execution_rate() -> None:
    form = self_evaluation(funds=funds(rate=Decimal("95.00")))

    findings = only("P-06", check_forms([form]))

    assert [Severity.ERROR] == [f.severity for f in findings]
    assert Decimal("90.0000") == findings[0].expected


def test_p06_rate_rounded_is_fine() -> None:
    form = self_evaluation(funds=funds(executed=wan("108.01"), rate=Decimal("90.01")))

    assert [] == only("P-06", check_forms([form]))


def test_p07_weights_total() -> None:
    rows = scored_rows()
    rows = (attrs.evolve(rows[0], weight=Decimal(35)), *rows[1:])

    findings = only("P-07", check_forms([self_evaluation(indicators=rows)]))

    assert [Decimal(105)] == [f.actual for f in findings]


def test_p08_first_level_weights_follow_policy() -> None:
    options = FormCheckOptions(weights=ScoringWeights(output=60, benefit=20))

    findings = only("P-08", check_forms([self_evaluation()], options))

    assert {"产出指标", "效益指标"} == {f.location.row.split("/")[1] for f in findings}  # type: ignore[union-attr]
    assert [] == only("P-08", check_forms([self_evaluation()]))


def test_p09_score_above_weight() -> None:
    rows = scored_rows()
    rows = (attrs.evolve(rows[0], score=Decimal("31.00")), *rows[1:])

    findings = only("P-09", check_forms([self_evaluation(indicators=rows)]))

    assert [Severity.ERROR] == [f.severity for f in findings]


def test_p09_negative_score() -> None:
    rows = scored_rows()
    rows = (attrs.evolve(rows[1], score=Decimal("-1")), *rows[2:])

    assert 1 == len(only("P-09", check_forms([self_evaluation(indicators=rows)])))


def test_p10_total() -> None:
    findings = only("P-10", check_forms([self_evaluation(total=Decimal("88.00"))]))

    assert [(Decimal("89.00"), Decimal("88.00"))] == [(f.expected, f.actual) for f in findings]


def test_p11_grade() -> None:
    findings = only("P-11", check_forms([self_evaluation(grade=Grade.EXCELLENT)]))

    assert 1 == len(findings)
    assert "良" in findings[0].message_zh


def test_p12_recomputed_scores() -> None:
    rows = scored_rows()
    rows = (rows[0], attrs.evolve(rows[1], score=Decimal("20.00")), *rows[2:])

    findings = only("P-12", check_forms([self_evaluation(indicators=rows, total=Decimal(99))]))

    assert [(Decimal("10.00"), Decimal("20.00"))] == [(f.expected, f.actual) for f in findings]
    assert Severity.WARNING == findings[0].severity


def test_p12_qualitative_band_accepts_any_score_inside() -> None:
    rows = scored_rows()
    rows = (*rows[:2], attrs.evolve(rows[2], score=Decimal("25.00")), *rows[3:])

    form = self_evaluation(indicators=rows, total=Decimal("84.00"))

    assert [] == check_forms([form])


def test_p13_required_first_levels() -> None:
    rows = indicators()[:4]

    findings = only("P-13", check_forms([project_form(indicators=rows)]))

    assert ["满意度指标"] == [f.location.label for f in findings]


def test_p14_placement() -> None:
    rows = (
        *indicators()[:4],
        Indicator.from_cells("效益指标", "服务对象满意度指标", "租户满意度", "≥80%"),
    )
    form = project_form(indicators=rows)

    findings = only("P-14", check_forms([form]))

    assert [Severity.WARNING] == [f.severity for f in findings]
    assert [] == check_forms([form], FormCheckOptions(placements=OLDER_PLACEMENTS))


def test_p15_unknown_levels() -> None:
    rows = (*indicators(), Indicator.from_cells("部门履职", "重点工作", "按时完成", "达到预期"))

    findings = only("P-15", check_forms([department_form(indicators=rows)]))

    assert ["部门履职", "重点工作"] == [f.location.label for f in findings]
    assert all(Severity.INFO == f.severity for f in findings)


def test_p16_missing_target() -> None:
    rows = (*indicators(), Indicator.from_cells("产出指标", "时效指标", "完成时限", ""))

    findings = only("P-16", check_forms([project_form(indicators=rows)]))

    assert ["完成时限"] == [f.location.label for f in findings]


def test_rule_run_for_one_form() -> None:
    rule = FORM_RULES[0]

    assert [] == rule.run(project_form())

"""Small consistent forms for the rule tests; each test spoils one field."""

from __future__ import annotations

from decimal import Decimal

from govbudget.amounts import Amount
from govbudget.performance import (
    CostItem,
    DepartmentTargetForm,
    FundsRow,
    FundsRowKind,
    Grade,
    Indicator,
    LegacySelfEvaluation,
    LegacyTarget,
    LegacyTargetKind,
    MainTask,
    ProjectTargetForm,
    QuarterlySchedule,
    ScheduleKind,
    ScoredIndicator,
    SelfEvaluation,
)


def wan(text: str) -> Amount:
    return Amount(text)


def indicators() -> tuple[Indicator, ...]:
    return (
        Indicator.from_cells("产出指标", "数量指标", "维修套数", "≥50套"),
        Indicator.from_cells("产出指标", "质量指标", "返修率", "≤5%"),
        Indicator.from_cells("效益指标", "社会效益指标", "住房需求保障", "达到预期"),
        Indicator.from_cells("效益指标", "生态效益指标", "不适用", "不适用"),
        Indicator.from_cells("满意度指标", "服务对象满意度指标", "租户满意度", "≥80%"),
    )


def project_form(**changes: object) -> ProjectTargetForm:
    fields: dict[str, object] = dict(
        name="测试项目",
        year=2019,
        budget=wan("300.00"),
        fiscal=wan("280.00"),
        other=wan("20.00"),
        indicators=indicators(),
        schedule=QuarterlySchedule(
            wan("75.00"), wan("75.00"), wan("75.00"), wan("75.00"), ScheduleKind.PLAN, wan("300.00")
        ),
    )
    fields.update(changes)
    return ProjectTargetForm(**fields)  # type: ignore[arg-type]


def department_form(**changes: object) -> DepartmentTargetForm:
    fields: dict[str, object] = dict(
        department="测试部门",
        tasks=(MainTask("任务一", "内容", wan("10.00"), wan("8.00"), wan("2.00")),),
        indicators=indicators(),
    )
    fields.update(changes)
    return DepartmentTargetForm(**fields)  # type: ignore[arg-type]


def legacy_form(**changes: object) -> LegacySelfEvaluation:
    fields: dict[str, object] = dict(
        name="测试项目",
        budget=wan("300"),
        fiscal=wan("300"),
        other=wan("0"),
        targets=(LegacyTarget(LegacyTargetKind.INPUT, "投入", "部分完成"),),
        cost_items=(CostItem("工程款", wan("250")), CostItem("其他", wan("50"))),
        total_cost=wan("300"),
        schedule=QuarterlySchedule(wan("0"), wan("0"), wan("75"), wan("1"), ScheduleKind.PROGRESS),
    )
    fields.update(changes)
    return LegacySelfEvaluation(**fields)  # type: ignore[arg-type]


def funds(**changes: object) -> tuple[FundsRow, ...]:
    total: dict[str, object] = dict(
        kind=FundsRowKind.TOTAL,
        initial_budget=wan("100.00"),
        full_year_budget=wan("120.00"),
        executed=wan("108.00"),
        weight=Decimal(10),
        rate=Decimal("90.00"),
        score=Decimal("9.00"),
    )
    total.update(changes)
    return (
        FundsRow(**total),  # type: ignore[arg-type]
        FundsRow(FundsRowKind.FISCAL, wan("100.00"), wan("110.00"), wan("100.00")),
        FundsRow(FundsRowKind.CARRYOVER, wan("0.00"), wan("10.00"), wan("8.00")),
        FundsRow(FundsRowKind.OTHER, wan("0.00"), wan("0.00"), wan("0.00")),
    )


def scored_rows() -> tuple[ScoredIndicator, ...]:
    rows = indicators()
    return (
        ScoredIndicator(
            rows[0], Indicator.from_cells("", "", "", "60套").target, Decimal(30), Decimal("30.00")
        ),
        ScoredIndicator(
            rows[1], Indicator.from_cells("", "", "", "10%").target, Decimal(20), Decimal("10.00")
        ),
        ScoredIndicator(
            rows[2],
            Indicator.from_cells("", "", "", "已完成").target,
            Decimal(30),
            Decimal("30.00"),
        ),
        ScoredIndicator(rows[3], None, Decimal(0), None),
        ScoredIndicator(
            rows[4], Indicator.from_cells("", "", "", "85%").target, Decimal(10), Decimal("10.00")
        ),
    )


def self_evaluation(**changes: object) -> SelfEvaluation:
    fields: dict[str, object] = dict(
        name="测试项目",
        year=2020,
        funds=funds(),
        indicators=scored_rows(),
        total=Decimal("89.00"),
        grade=Grade.GOOD,
    )
    fields.update(changes)
    return SelfEvaluation(**fields)  # type: ignore[arg-type]

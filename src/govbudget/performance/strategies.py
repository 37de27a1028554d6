"""Hypothesis strategies for performance forms and indicator values.

Every strategy takes keyword-only options and draws values that the
library itself considers well formed. The form strategies draw *consistent*
forms: amounts add up, weights follow the national default, and
self-evaluations carry the scores :func:`govbudget.performance.score` gives
them, so that :func:`govbudget.performance.check_forms` finds no error.

This is the only module of the package that imports hypothesis.
"""

from __future__ import annotations

from decimal import Decimal
from itertools import pairwise

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from govbudget.amounts import Amount, Unit
from govbudget.performance._forms import (
    Continuity,
    CostItem,
    DepartmentTargetForm,
    FundsRow,
    FundsRowKind,
    LegacySelfEvaluation,
    LegacyTarget,
    LegacyTargetKind,
    MainTask,
    ProjectAttribute,
    ProjectTargetForm,
    QuarterlySchedule,
    ScheduleKind,
    ScoredIndicator,
    SelfEvaluation,
)
from govbudget.performance._indicators import FirstLevel, Indicator, SecondLevel
from govbudget.performance._scoring import ScoringWeights, score
from govbudget.performance._values import IndicatorValue, Operator

__all__ = [
    "department_target_forms",
    "indicator_values",
    "legacy_self_evaluations",
    "project_target_forms",
    "self_evaluations",
]

_UNITS = ("%", "套", "个", "户", "万元", "年", "天", "人次", "件", "项", None)
_PHRASES = (
    "达到预期",
    "效果明显",
    "应保尽保",
    "严格执行相关制度规定",
    "符合相关规定",
    "按月安排",
    "在项目计划完成时间内完成",
)
_CONTENTS = (
    "维修套数",
    "返修率",
    "完成时限",
    "受益户数",
    "政策知晓率",
    "租户满意度",
    "资金支付及时率",
    "巡查次数",
)
_NAMES = ("保障性住房管理支出", "保障性住房日常管理费", "公积金管理", "档案管理费")
_SECONDS = {
    FirstLevel.OUTPUT: (
        SecondLevel.QUANTITY,
        SecondLevel.QUALITY,
        SecondLevel.TIMELINESS,
        SecondLevel.COST,
    ),
    FirstLevel.BENEFIT: (
        SecondLevel.ECONOMIC_BENEFIT,
        SecondLevel.SOCIAL_BENEFIT,
        SecondLevel.ECOLOGICAL_BENEFIT,
        SecondLevel.SUSTAINABLE_IMPACT,
    ),
    FirstLevel.SATISFACTION: (SecondLevel.SERVICE_SATISFACTION,),
}
_HUNDREDTH = Decimal("0.01")


def _check_range(min_value: Decimal, max_value: Decimal) -> None:
    if min_value > max_value:
        raise InvalidArgument(f"min_value {min_value} is greater than max_value {max_value}")


@st.composite
def _numbers(draw: st.DrawFn, min_value: Decimal, max_value: Decimal) -> Decimal:
    places = draw(st.integers(min_value=0, max_value=2))
    value = draw(
        st.decimals(
            min_value=min_value,
            max_value=max_value,
            places=places,
            allow_nan=False,
            allow_infinity=False,
        )
    )
    return value


def indicator_values(
    *,
    kinds: tuple[str, ...] = ("quantitative", "range", "qualitative", "not_applicable"),
    min_value: Decimal = Decimal(0),
    max_value: Decimal = Decimal(10000),
) -> st.SearchStrategy[IndicatorValue]:
    """Indicator values (指标值) in normalised form.

    Args:
        kinds: Which kinds to draw from: ``"quantitative"``, ``"range"``,
            ``"qualitative"``, ``"not_applicable"``.
        min_value: The smallest number drawn.
        max_value: The largest number drawn.

    Raises:
        InvalidArgument: if ``kinds`` is empty or names an unknown kind, or
            ``min_value`` exceeds ``max_value``.
    """
    _check_range(min_value, max_value)
    known = {"quantitative", "range", "qualitative", "not_applicable"}
    if not kinds or not set(kinds) <= known:
        raise InvalidArgument(f"kinds must be a non-empty subset of {sorted(known)}")

    numbers = _numbers(min_value, max_value)
    units = st.sampled_from(_UNITS)
    choices: list[st.SearchStrategy[IndicatorValue]] = []
    if "quantitative" in kinds:
        operators = st.sampled_from(
            (None, Operator.EQ, Operator.GE, Operator.LE, Operator.GT, Operator.LT)
        )
        choices.append(st.builds(IndicatorValue.quantitative, numbers, operators, units))
    if "range" in kinds:
        choices.append(
            st.tuples(numbers, numbers, units).map(
                lambda t: IndicatorValue.between(min(t[0], t[1]), max(t[0], t[1]), t[2])
            )
        )
    if "qualitative" in kinds:
        choices.append(st.sampled_from(_PHRASES).map(IndicatorValue.qualitative))
    if "not_applicable" in kinds:
        choices.append(st.just(IndicatorValue.not_applicable()))
    return st.one_of(choices)


@st.composite
def _money(draw: st.DrawFn, max_value: int = 100000) -> Amount:
    cents = draw(st.integers(min_value=0, max_value=max_value * 100))
    return Amount(Decimal(cents) * _HUNDREDTH, Unit.WAN, 2)


@st.composite
def _indicator_table(draw: st.DrawFn, *, with_not_applicable: bool = True) -> tuple[Indicator, ...]:
    rows: list[Indicator] = []
    for first in (FirstLevel.OUTPUT, FirstLevel.BENEFIT, FirstLevel.SATISFACTION):
        seconds = draw(st.lists(st.sampled_from(_SECONDS[first]), min_size=1, max_size=3))
        for second in seconds:
            kinds: tuple[str, ...] = ("quantitative", "qualitative", "range")
            if with_not_applicable and first is FirstLevel.BENEFIT:
                kinds = (*kinds, "not_applicable")
            target = draw(indicator_values(kinds=kinds, min_value=Decimal(1)))
            content = "不适用" if target.is_not_applicable else draw(st.sampled_from(_CONTENTS))
            rows.append(Indicator(first, second, content, target))
    return tuple(rows)


@st.composite
def project_target_forms(
    draw: st.DrawFn, *, with_schedule: bool | None = None
) -> ProjectTargetForm:
    """Consistent project target forms (项目支出绩效目标表).

    Args:
        with_schedule: ``True`` always draws a quarterly plan, ``False``
            never, ``None`` (the default) sometimes.
    """
    fiscal = draw(_money())
    other = draw(_money(1000))
    budget = Amount(fiscal.value + other.value, Unit.WAN, 2)
    schedule = None
    if with_schedule or (with_schedule is None and draw(st.booleans())):
        schedule = draw(_plans(budget))
    return ProjectTargetForm(
        name=draw(st.sampled_from(_NAMES)),
        year=draw(st.integers(min_value=2015, max_value=2030)),
        attribute=draw(st.sampled_from(ProjectAttribute)),
        continuity=draw(st.sampled_from(Continuity)),
        period="全年",
        department="某区住房和建设局",
        implementer="某区住房事务中心",
        budget=budget,
        fiscal=fiscal,
        other=other,
        long_term_goal="完善住房保障体系",
        annual_goal="完成年度维修任务",
        indicators=draw(_indicator_table()),
        schedule=schedule,
    )


@st.composite
def _plans(draw: st.DrawFn, budget: Amount) -> QuarterlySchedule:
    cents = int(budget.value * 100)
    cuts = sorted(draw(st.lists(st.integers(min_value=0, max_value=cents), min_size=3, max_size=3)))
    bounds = [0, *cuts, cents]
    parts = [Amount(Decimal(b - a) * _HUNDREDTH, Unit.WAN, 2) for a, b in pairwise(bounds)]
    return QuarterlySchedule(parts[0], parts[1], parts[2], parts[3], ScheduleKind.PLAN, budget)


@st.composite
def department_target_forms(draw: st.DrawFn, *, max_tasks: int = 3) -> DepartmentTargetForm:
    """Consistent department-wide target forms (部门整体支出绩效目标表).

    Args:
        max_tasks: The most 年度主要任务 drawn.

    Raises:
        InvalidArgument: if ``max_tasks`` is negative.
    """
    if max_tasks < 0:
        raise InvalidArgument("max_tasks must not be negative")
    tasks = []
    for index in range(draw(st.integers(min_value=0, max_value=max_tasks))):
        fiscal, other = draw(_money()), draw(_money(1000))
        total = Amount(fiscal.value + other.value, Unit.WAN, 2)
        tasks.append(MainTask(f"任务{index + 1}", "主要内容", total, fiscal, other))
    return DepartmentTargetForm(
        department="某区住房事务中心",
        year=draw(st.integers(min_value=2015, max_value=2030)),
        duties="负责住房保障管理",
        annual_goal="完成年度工作任务",
        tasks=tuple(tasks),
        indicators=draw(_indicator_table()),
    )


def _split(total: int, count: int, draw: st.DrawFn) -> list[int]:
    """``count`` non-negative integers adding up to ``total``."""
    cuts = sorted(
        draw(
            st.lists(
                st.integers(min_value=0, max_value=total), min_size=count - 1, max_size=count - 1
            )
        )
    )
    bounds = [0, *cuts, total]
    return [b - a for a, b in pairwise(bounds)]


@st.composite
def _actuals(draw: st.DrawFn, target: IndicatorValue) -> IndicatorValue | None:
    if target.is_not_applicable:
        return None
    if not target.is_quantitative:
        return IndicatorValue.qualitative(draw(st.sampled_from(("已完成", "部分完成", "未完成"))))
    assert target.number is not None
    base = target.upper if target.upper is not None else target.number
    factor = draw(st.sampled_from((Decimal("0.5"), Decimal("0.9"), Decimal(1), Decimal("1.2"))))
    return IndicatorValue.quantitative((base * factor).quantize(_HUNDREDTH), None, target.unit)


@st.composite
def _funds(draw: st.DrawFn) -> tuple[FundsRow, ...]:
    columns = []
    for _ in range(3):
        columns.append([draw(_money(1000)) for _ in range(3)])
    initial, full_year, executed = columns
    full_year[0] = Amount(full_year[0].value + Decimal(1), Unit.WAN, 2)  # budget never zero
    rows = []
    for index, kind in enumerate((FundsRowKind.FISCAL, FundsRowKind.CARRYOVER, FundsRowKind.OTHER)):
        rows.append(FundsRow(kind, initial[index], full_year[index], executed[index]))
    totals = [Amount(sum((c.value for c in col), Decimal(0)), Unit.WAN, 2) for col in columns]
    rate = (totals[2].value / totals[1].value * 100).quantize(_HUNDREDTH)
    total = FundsRow(FundsRowKind.TOTAL, totals[0], totals[1], totals[2], Decimal(10), rate)
    return (total, *rows)


@st.composite
def self_evaluations(draw: st.DrawFn, *, weights: ScoringWeights | None = None) -> SelfEvaluation:
    """Consistent, scored self-evaluations (绩效自评表).

    Weights follow ``weights`` (national default if omitted) and must fix
    every first level; each printed score, the total and the grade are the
    ones :func:`govbudget.performance.score` gives.

    Raises:
        InvalidArgument: if the policy leaves the first-level split free.
    """
    policy = weights or ScoringWeights()
    if policy.output is None or policy.benefit is None or policy.satisfaction is None:
        raise InvalidArgument("self_evaluations() needs a policy that fixes every first level")
    funds = draw(_funds())
    funds = (
        FundsRow(
            funds[0].kind,
            funds[0].initial_budget,
            funds[0].full_year_budget,
            funds[0].executed,
            policy.execution,
            funds[0].rate,
        ),
        *funds[1:],
    )

    rows: list[ScoredIndicator] = []
    table = draw(_indicator_table())
    for first, points in (
        (FirstLevel.OUTPUT, policy.output),
        (FirstLevel.BENEFIT, policy.benefit),
        (FirstLevel.SATISFACTION, policy.satisfaction),
    ):
        level_rows = [row for row in table if row.first is first]
        split = _split(int(points), len(level_rows), draw)
        for indicator, weight in zip(level_rows, split, strict=True):
            actual = draw(_actuals(indicator.target)) if indicator.target else None
            rows.append(ScoredIndicator(indicator, actual, Decimal(weight)))

    draft = SelfEvaluation(
        name=draw(st.sampled_from(_NAMES)),
        year=draw(st.integers(min_value=2015, max_value=2030)),
        department="某区住房和建设局",
        implementer="某区住房事务中心",
        funds=funds,
        expected_goal="完成年度维修任务",
        achieved_goal="基本完成",
        indicators=tuple(rows),
    )
    sheet = score(draft, policy)
    scored = tuple(
        ScoredIndicator(row.indicator, row.actual, row.weight, line.score, row.deviation)
        for row, line in zip(draft.indicators, sheet.lines, strict=True)
    )
    total_row = funds[0]
    funds = (
        FundsRow(
            total_row.kind,
            total_row.initial_budget,
            total_row.full_year_budget,
            total_row.executed,
            total_row.weight,
            total_row.rate,
            sheet.execution.score,
        ),
        *funds[1:],
    )
    return SelfEvaluation(
        name=draft.name,
        year=draft.year,
        department=draft.department,
        implementer=draft.implementer,
        funds=funds,
        expected_goal=draft.expected_goal,
        achieved_goal=draft.achieved_goal,
        indicators=scored,
        total=sheet.total,
        grade=sheet.grade,
    )


@st.composite
def legacy_self_evaluations(draw: st.DrawFn) -> LegacySelfEvaluation:
    """Consistent older self-evaluations (绩效目标自评表, pre-2020 style).

    The cost lines add up to the total cost, which equals the budget; the
    spending progress never exceeds the budget, and the 投入目标 says 已完成
    only when the progress spends it all.
    """
    fiscal = draw(_money())
    other = draw(_money(1000))
    budget = Amount(fiscal.value + other.value, Unit.WAN, 2)
    cents = int(budget.value * 100)
    costs = _split(cents, 2, draw)
    spent = draw(st.integers(min_value=0, max_value=cents))
    quarters = [Amount(Decimal(c) * _HUNDREDTH, Unit.WAN, 2) for c in _split(spent, 4, draw)]
    completion = "已完成" if spent == cents else "部分完成"
    targets = (
        LegacyTarget(LegacyTargetKind.INPUT, "单位成本与使用进度", completion),
        LegacyTarget(LegacyTargetKind.OUTPUT, "数量目标", "已完成"),
        LegacyTarget(LegacyTargetKind.BENEFIT, "服务对象满意度", "已完成"),
    )
    return LegacySelfEvaluation(
        name=draw(st.sampled_from(_NAMES)),
        year=draw(st.integers(min_value=2010, max_value=2019)),
        category="常规",
        department="某区住房和建设局",
        implementer="某区住房事务中心",
        period="1 年",
        attribute=draw(st.sampled_from(ProjectAttribute)),
        budget=budget,
        fiscal=fiscal,
        other=other,
        annual_goal="完成维修任务",
        targets=targets,
        cost_items=tuple(
            CostItem(name, Amount(Decimal(c) * _HUNDREDTH, Unit.WAN, 2))
            for name, c in zip(("工程款", "其他费用"), costs, strict=True)
        ),
        total_cost=budget,
        schedule=QuarterlySchedule(
            quarters[0], quarters[1], quarters[2], quarters[3], ScheduleKind.PROGRESS
        ),
    )

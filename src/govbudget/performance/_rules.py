"""Audit rules for performance forms (绩效表审核规则).

Each rule is a small function with a stable id (``P-01`` …), a title, a
default severity and a docstring; :data:`FORM_RULES` lists them and
:func:`check_forms` runs them all. Rules yield
:class:`govbudget.findings.Finding` records of category
``PERFORMANCE`` located at ``Location(table="performance", row=<form key or
indicator path>)``.

Equalities between printed amounts are judged by the interval policy: the
slack is the sum of the operands' half units (``Amount.half_unit``) in the
total's unit. A difference of zero gives no finding, a difference within
the slack an INFO finding with ``rounding=True``, and a larger one the
rule's severity.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from decimal import Decimal

import attrs

from govbudget.amounts import Amount, Cell
from govbudget.findings import Category, Finding, Severity
from govbudget.location import Location
from govbudget.performance._forms import (
    DepartmentTargetForm,
    Form,
    FundsRow,
    FundsRowKind,
    LegacySelfEvaluation,
    LegacyTargetKind,
    ProjectTargetForm,
    QuarterlySchedule,
    ScheduleKind,
    SelfEvaluation,
)
from govbudget.performance._indicators import (
    CURRENT_PLACEMENTS,
    FirstLevel,
    Indicator,
    SecondLevel,
)
from govbudget.performance._scoring import ScoringWeights, _effective_weights, grade_of, score
from govbudget.performance._values import Completion

__all__ = ["FORM_RULES", "FormCheckOptions", "FormRule", "check_forms"]

_ZERO = Decimal(0)
_HUNDRED = Decimal(100)
_TABLE = "performance"
_POLICY = "interval"


@attrs.frozen
class FormCheckOptions:
    """Choices the form rules leave to the region or the caller.

    Attributes:
        weights: The scoring policy for P-08, P-09 and P-12.
        placements: The (一级, 二级) pairs P-14 accepts. Use
            ``OLDER_PLACEMENTS`` for forms that put 服务对象满意度 under 效益.
        required: The first levels P-13 expects on every indicator table.
    """

    weights: ScoringWeights = attrs.Factory(ScoringWeights)
    placements: frozenset[tuple[FirstLevel, SecondLevel]] = CURRENT_PLACEMENTS
    required: tuple[FirstLevel, ...] = (
        FirstLevel.OUTPUT,
        FirstLevel.BENEFIT,
        FirstLevel.SATISFACTION,
    )


Check = Callable[[Form, FormCheckOptions, "FormRule"], Iterator[Finding]]


@attrs.frozen
class FormRule:
    """A rule for performance forms.

    Attributes:
        id: The stable id (``P-01``).
        title: A short English title.
        severity: The severity of a finding beyond rounding.
        check: The function that yields findings for one form.
        doc: What the rule checks, from the function's docstring.
        category: Always ``Category.PERFORMANCE``.
    """

    id: str
    title: str
    severity: Severity
    check: Check
    doc: str
    category: Category = Category.PERFORMANCE

    def run(self, form: Form, options: FormCheckOptions | None = None) -> list[Finding]:
        """Every finding of this rule on one form."""
        return list(self.check(form, options or FormCheckOptions(), self))


_REGISTRY: list[FormRule] = []


def _rule(rule_id: str, title: str, severity: Severity) -> Callable[[Check], Check]:
    def register(check: Check) -> Check:
        doc = " ".join((check.__doc__ or "").split())
        _REGISTRY.append(FormRule(rule_id, title, severity, check, doc))
        return check

    return register


def check_forms(forms: Iterable[Form], options: FormCheckOptions | None = None) -> list[Finding]:
    """Run every rule of :data:`FORM_RULES` on every form.

    Args:
        forms: Project and department target forms and self-evaluations.
        options: Regional choices; the national defaults if omitted.

    Returns:
        The findings, form by form, in rule order.
    """
    chosen = options or FormCheckOptions()
    findings: list[Finding] = []
    for form in forms:
        for rule in FORM_RULES:
            findings.extend(rule.check(form, chosen, rule))
    return findings


# -- helpers -------------------------------------------------------------------


def _location(
    form: Form, path: str | None = None, *, label: str | None = None, column: str | None = None
) -> Location:
    row = form.key if path is None else f"{form.key}/{path}"
    return Location(table=_TABLE, row=row, label=label, column=column)


def _amounts(cells: Sequence[Cell | None]) -> list[Amount]:
    return [cell for cell in cells if isinstance(cell, Amount)]


def _sum_check(
    rule: FormRule,
    location: Location,
    total: Cell | None,
    parts: Sequence[Cell | None],
    what_zh: str,
    what_en: str,
) -> Iterator[Finding]:
    """Judge ``total = Σ parts`` by the interval policy; blank parts count as 0."""
    present = _amounts(parts)
    if not isinstance(total, Amount) or not present:
        return
    unit = total.unit
    converted = [part.to(unit) for part in present]
    expected = sum((part.value for part in converted), _ZERO)
    slack = total.half_unit + sum((part.half_unit for part in converted), _ZERO)
    yield from _judge(rule, location, expected, total.value, slack, what_zh, what_en)


def _judge(
    rule: FormRule,
    location: Location,
    expected: Decimal,
    actual: Decimal,
    slack: Decimal,
    what_zh: str,
    what_en: str,
) -> Iterator[Finding]:
    difference = actual - expected
    if difference == 0:
        return
    rounding = abs(difference) <= slack
    severity = Severity.INFO if rounding else rule.severity
    note_zh = "（在舍入范围内）" if rounding else ""
    note_en = " (within rounding)" if rounding else ""
    yield Finding(
        rule=rule.id,
        severity=severity,
        message_zh=f"{what_zh}：应为 {expected}，实为 {actual}，差 {difference}{note_zh}",
        message_en=f"{what_en}: expected {expected}, printed {actual}, "
        f"difference {difference}{note_en}",
        location=location,
        expected=expected,
        actual=actual,
        difference=difference,
        slack=slack,
        policy=_POLICY,
        rounding=rounding,
    )


def _plain(
    rule: FormRule, location: Location, zh: str, en: str, severity: Severity | None = None
) -> Finding:
    return Finding(
        rule=rule.id,
        severity=severity or rule.severity,
        message_zh=zh,
        message_en=en,
        location=location,
    )


def _indicators(form: Form) -> tuple[Indicator, ...]:
    if isinstance(form, (ProjectTargetForm, DepartmentTargetForm)):
        return form.indicators
    if isinstance(form, SelfEvaluation):
        return tuple(row.indicator for row in form.indicators)
    return ()


def _half_unit(value: Decimal) -> Decimal:
    exponent = value.as_tuple().exponent
    assert isinstance(exponent, int)
    return Decimal(5).scaleb(exponent - 1)


# -- rules ---------------------------------------------------------------------


@_rule("P-01", "budget equals appropriation plus other funds", Severity.ERROR)
def check_budget_split(form: Form, options: FormCheckOptions, rule: FormRule) -> Iterator[Finding]:
    """本年预算金额 = 财政拨款 + 其他资金, on project target forms, on the older
    self-evaluation, and for each 年度主要任务 of a department form."""
    if isinstance(form, (ProjectTargetForm, LegacySelfEvaluation)):
        yield from _sum_check(
            rule,
            _location(form, label="本年预算金额", column="budget"),
            form.budget,
            (form.fiscal, form.other),
            "本年预算金额 ≠ 财政拨款 + 其他资金",
            "budget is not appropriation plus other funds",
        )
    elif isinstance(form, DepartmentTargetForm):
        for task in form.tasks:
            yield from _sum_check(
                rule,
                _location(form, f"任务/{task.name}", label=task.name, column="total"),
                task.total,
                (task.fiscal, task.other),
                "任务总额 ≠ 财政拨款 + 其他资金",
                "task total is not appropriation plus other funds",
            )


def _budget_of(form: Form) -> Cell | None:
    if isinstance(form, (ProjectTargetForm, LegacySelfEvaluation)):
        return form.budget
    return None


def _schedule_of(form: Form) -> QuarterlySchedule | None:
    if isinstance(form, (ProjectTargetForm, LegacySelfEvaluation)):
        return form.schedule
    return None


@_rule("P-02", "quarterly schedule adds up to what it claims", Severity.ERROR)
def check_schedule_total(
    form: Form, options: FormCheckOptions, rule: FormRule
) -> Iterator[Finding]:
    """The four quarters add up to the schedule's own printed total (合计), and a
    spending *plan* (资金使用进度安排) adds up to the year's budget. A report of
    spending *progress* (使用进度) makes no such claim and is left to P-03."""
    schedule = _schedule_of(form)
    if schedule is None:
        return
    location = _location(form, "分季度", label="使用进度")
    if schedule.stated_total is not None:
        yield from _sum_check(
            rule,
            attrs.evolve(location, column="合计"),
            schedule.stated_total,
            schedule.quarters,
            "分季度合计 ≠ 各季度之和",
            "schedule total is not the sum of quarters",
        )
    if schedule.kind is ScheduleKind.PLAN:
        yield from _sum_check(
            rule,
            attrs.evolve(location, column="预算金额"),
            _budget_of(form),
            schedule.quarters,
            "分季度安排之和 ≠ 本年预算金额",
            "quarterly plan does not add up to the budget",
        )


@_rule("P-03", "spending progress against the budget", Severity.WARNING)
def check_schedule_progress(
    form: Form, options: FormCheckOptions, rule: FormRule
) -> Iterator[Finding]:
    """A report of spending progress (使用进度) may fall short of the budget, so a
    shortfall alone is no finding. It is one when the progress exceeds the
    budget beyond rounding, or when the form says the 投入目标 was 完成 while
    the quarters leave money unspent."""
    schedule = _schedule_of(form)
    budget = _budget_of(form)
    if schedule is None or schedule.kind is not ScheduleKind.PROGRESS:
        return
    if not isinstance(budget, Amount):
        return
    quarters = [q.to(budget.unit) for q in _amounts(schedule.quarters)]
    spent = sum((q.value for q in quarters), _ZERO)
    slack = budget.half_unit + sum((q.half_unit for q in quarters), _ZERO)
    location = _location(form, "分季度", label="使用进度", column="预算金额")

    if spent > budget.value:
        yield from _judge(
            rule,
            location,
            budget.value,
            spent,
            slack,
            "使用进度之和超过预算金额",
            "spending progress exceeds the budget",
        )
        return
    claimed = None
    if isinstance(form, LegacySelfEvaluation):
        target = form.target(LegacyTargetKind.INPUT)
        claimed = target.status if target is not None else None
    if claimed is Completion.COMPLETE and budget.value - spent > slack:
        yield from _judge(
            rule,
            location,
            budget.value,
            spent,
            slack,
            "投入目标称已完成，但使用进度之和小于预算金额",
            "input target claims completion but spending falls short of the budget",
        )


@_rule("P-04", "cost breakdown adds up", Severity.ERROR)
def check_cost_breakdown(
    form: Form, options: FormCheckOptions, rule: FormRule
) -> Iterator[Finding]:
    """On the older self-evaluation, the 单位成本 lines add up to 总成本, and
    总成本 equals the 预算金额."""
    if not isinstance(form, LegacySelfEvaluation) or form.total_cost is None:
        return
    location = _location(form, "投入目标", label="总成本", column="总成本")
    if form.cost_items:
        yield from _sum_check(
            rule,
            location,
            form.total_cost,
            [item.amount for item in form.cost_items],
            "单位成本之和 ≠ 总成本",
            "cost lines do not add up to the total cost",
        )
    yield from _sum_check(
        rule,
        attrs.evolve(location, column="预算金额"),
        form.budget,
        (form.total_cost,),
        "总成本 ≠ 预算金额",
        "total cost is not the budget",
    )


_FUNDS_COLUMNS = (
    ("initial_budget", "年初预算数"),
    ("full_year_budget", "全年预算数"),
    ("executed", "全年执行数"),
)


@_rule("P-05", "funds rows add up", Severity.ERROR)
def check_funds_rows(form: Form, options: FormCheckOptions, rule: FormRule) -> Iterator[Finding]:
    """In each column of the funds block, 年度资金总额 = 本年财政拨款 + 上年结转资金
    + 其他资金."""
    if not isinstance(form, SelfEvaluation):
        return
    total = form.funds_row(FundsRowKind.TOTAL)
    parts = [row for row in form.funds if row.kind is not FundsRowKind.TOTAL]
    if total is None or not parts:
        return
    for field, label in _FUNDS_COLUMNS:
        yield from _sum_check(
            rule,
            _location(form, "项目资金/年度资金总额", label=label, column=field),
            getattr(total, field),
            [getattr(row, field) for row in parts],
            f"{label}：年度资金总额 ≠ 各项资金之和",
            f"{field}: total is not the sum of the rows",
        )


def _rate_interval(row: FundsRow) -> tuple[Decimal, Decimal, Decimal] | None:
    """Exact rate, and the lowest and highest rates the printed amounts allow."""
    executed, budget = row.executed, row.full_year_budget
    if not isinstance(executed, Amount) or not isinstance(budget, Amount) or budget.value <= 0:
        return None
    executed = executed.to(budget.unit)
    point = executed.value / budget.value * _HUNDRED
    ex, bud = executed.interval(), budget.interval()
    if bud.low <= 0:
        return point, point, point
    return point, max(ex.low, _ZERO) / bud.high * _HUNDRED, ex.high / bud.low * _HUNDRED


@_rule("P-06", "execution rate is executed over budget", Severity.ERROR)
def check_execution_rate(
    form: Form, options: FormCheckOptions, rule: FormRule
) -> Iterator[Finding]:
    """执行率 = 全年执行数 / 全年预算数 for each funds row that prints a rate. The
    slack covers the rounding of both amounts and of the printed rate."""
    if not isinstance(form, SelfEvaluation):
        return
    for row in form.funds:
        rates = _rate_interval(row)
        if row.rate is None or rates is None:
            continue
        point, low, high = rates

        # A printed rate is the exact rate rounded to the printed places;
        # that alone is no finding.
        if abs(row.rate - point) <= _half_unit(row.rate):
            continue
        exponent = row.rate.as_tuple().exponent
        assert isinstance(exponent, int)
        expected = point.quantize(Decimal(1).scaleb(exponent - 2))
        slack = max(point - low, high - point) + _half_unit(row.rate)
        yield from _judge(
            rule,
            _location(form, f"项目资金/{row.kind.value}", label="执行率", column="rate"),
            expected,
            row.rate,
            slack,
            f"{row.kind.value} 执行率",
            f"{row.kind.name} execution rate",
        )


@_rule("P-07", "weights add up to 100", Severity.ERROR)
def check_weights_total(form: Form, options: FormCheckOptions, rule: FormRule) -> Iterator[Finding]:
    """The printed 分值 of the execution rate and of every indicator add up to 100."""
    if not isinstance(form, SelfEvaluation):
        return
    total_row = form.funds_row(FundsRowKind.TOTAL)
    weights = [row.weight for row in form.indicators if row.weight is not None]
    if total_row is not None and total_row.weight is not None:
        weights.append(total_row.weight)
    if not weights:
        return
    yield from _judge(
        rule,
        _location(form, label="分值", column="weight"),
        _HUNDRED,
        sum(weights, _ZERO),
        _ZERO,
        "分值合计 ≠ 100",
        "weights do not add up to 100",
    )


@_rule("P-08", "first-level weights follow the policy", Severity.WARNING)
def check_first_level_weights(
    form: Form, options: FormCheckOptions, rule: FormRule
) -> Iterator[Finding]:
    """The execution rate and each first level carry the points the scoring
    policy fixes (national default 10 / 产出 50 / 效益 30 / 满意度 10). Regions
    that split the 90 indicator points freely set those weights to ``None``."""
    if not isinstance(form, SelfEvaluation):
        return
    policy = options.weights
    total_row = form.funds_row(FundsRowKind.TOTAL)
    if total_row is not None and total_row.weight is not None:
        yield from _judge(
            rule,
            _location(form, "项目资金", label="分值", column="weight"),
            policy.execution,
            total_row.weight,
            _ZERO,
            "预算执行率分值与评分办法不符",
            "execution weight differs from the policy",
        )
    for level in FirstLevel:
        fixed = policy.first_level_weight(level)
        rows = [row for row in form.indicators if row.indicator.first is level]
        printed = [row.weight for row in rows if row.weight is not None]
        if fixed is None or not printed:
            continue
        yield from _judge(
            rule,
            _location(form, level.value, label="分值", column="weight"),
            fixed,
            sum(printed, _ZERO),
            _ZERO,
            f"{level.value}分值合计与评分办法不符",
            f"{level.name} weights differ from the policy",
        )


@_rule("P-09", "each score within its weight", Severity.ERROR)
def check_scores_within_weights(
    form: Form, options: FormCheckOptions, rule: FormRule
) -> Iterator[Finding]:
    """Every 得分 lies between 0 and its 分值. For indicators the 分值 is the one
    scored against: the printed weight, re-scaled when 不适用 rows were
    dropped."""
    if not isinstance(form, SelfEvaluation):
        return
    policy = options.weights
    effective = _effective_weights(form.indicators, policy)
    pairs: list[tuple[str, Decimal | None, Decimal | None]] = []
    total_row = form.funds_row(FundsRowKind.TOTAL)
    if total_row is not None:
        pairs.append(("预算执行率", total_row.score, total_row.weight))
    for row, scored_against in zip(form.indicators, effective, strict=True):
        pairs.append(
            (row.indicator.path, row.score, scored_against if row.weight is not None else None)
        )
    for path, points, weight in pairs:
        if points is None:
            continue
        location = _location(form, path, label="得分", column="score")
        if points < 0:
            yield _plain(rule, location, f"得分 {points} 为负数", f"score {points} is negative")
        elif weight is not None and points > weight:
            yield from _judge(
                rule,
                location,
                weight,
                points,
                policy.score_step,
                "得分超过分值",
                "score exceeds its weight",
            )


@_rule("P-10", "scores add up to the total", Severity.ERROR)
def check_total(form: Form, options: FormCheckOptions, rule: FormRule) -> Iterator[Finding]:
    """Σ 得分 (execution rate and every indicator) = 总分. The slack is half a
    unit of the scoring policy's last place per score."""
    if not isinstance(form, SelfEvaluation) or form.total is None:
        return
    points = [row.score for row in form.indicators if row.score is not None]
    total_row = form.funds_row(FundsRowKind.TOTAL)
    if total_row is not None and total_row.score is not None:
        points.append(total_row.score)
    if not points:
        return
    slack = options.weights.score_step * len(points)
    yield from _judge(
        rule,
        _location(form, label="总分", column="total"),
        sum(points, _ZERO),
        form.total,
        slack,
        "总分 ≠ 各项得分之和",
        "total is not the sum of the scores",
    )


@_rule("P-11", "grade matches the total", Severity.ERROR)
def check_grade(form: Form, options: FormCheckOptions, rule: FormRule) -> Iterator[Finding]:
    """The printed 等级 is the one the printed 总分 earns: 优 ≥ 90, 良 ≥ 80,
    中 ≥ 60, 差 below (thresholds from the scoring policy)."""
    if not isinstance(form, SelfEvaluation) or form.total is None or form.grade is None:
        return
    expected = grade_of(form.total, options.weights)
    if expected is not form.grade:
        yield _plain(
            rule,
            _location(form, label="等级", column="grade"),
            f"总分 {form.total} 应评为“{expected.value}”，表中为“{form.grade.value}”",
            f"total {form.total} earns grade {expected.name}, printed {form.grade.name}",
        )


@_rule("P-12", "printed scores agree with the recomputed ones", Severity.WARNING)
def check_recomputed(form: Form, options: FormCheckOptions, rule: FormRule) -> Iterator[Finding]:
    """Each printed 得分 agrees with the score the policy gives (execution rate,
    positive and reverse formulas, ``=`` rule, qualitative bands). A warning,
    because regions score differently; set the policy to match the region."""
    if not isinstance(form, SelfEvaluation):
        return
    sheet = score(form, options.weights)
    step = options.weights.score_step
    for line in (sheet.execution, *sheet.lines):
        if line.printed is None or line.low <= line.printed <= line.high:
            continue
        nearest = line.low if line.printed < line.low else line.high
        yield from _judge(
            rule,
            _location(form, line.path, label=line.method, column="score"),
            nearest,
            line.printed,
            step,
            f"得分与按评分办法重算的结果不符（{line.method}）",
            f"score differs from the recomputed one ({line.method})",
        )


@_rule("P-13", "required first-level indicators present", Severity.WARNING)
def check_required_levels(
    form: Form, options: FormCheckOptions, rule: FormRule
) -> Iterator[Finding]:
    """Every indicator table has the first levels the options require (产出, 效益,
    满意度 by default). A first level counts as present when it is printed, or
    when one of its second levels is printed under another first level (P-14
    reports the placement)."""
    indicators = _indicators(form)
    if not indicators:
        return
    present = {row.first for row in indicators}
    present |= {row.second.home for row in indicators if row.second is not None}
    for level in options.required:
        if level not in present:
            yield _plain(
                rule,
                _location(form, level.value, label=level.value),
                f"缺少一级指标“{level.value}”",
                f"first level {level.name} is missing",
            )


@_rule("P-14", "second level under its own first level", Severity.WARNING)
def check_placement(form: Form, options: FormCheckOptions, rule: FormRule) -> Iterator[Finding]:
    """Each known 二级指标 stands under a 一级指标 it belongs to (数量 under 产出,
    服务对象满意度 under 满意度 …). Older forms print 服务对象满意度 under 效益;
    ``OLDER_PLACEMENTS`` accepts that."""
    for row in _indicators(form):
        if row.first is None or row.second is None:
            continue
        if (row.first, row.second) not in options.placements:
            yield _plain(
                rule,
                _location(form, row.path, label=row.second_label),
                f"二级指标“{row.second_label}”不应列在“{row.first_label}”下",
                f"second level {row.second.name} is placed under {row.first.name}, "
                f"expected {row.second.home.name}",
            )


@_rule("P-15", "indicator levels known", Severity.INFO)
def check_known_levels(form: Form, options: FormCheckOptions, rule: FormRule) -> Iterator[Finding]:
    """一级 and 二级 labels the library does not know are kept as printed and
    reported, so that regional sets (部门决策, 部门管理 …) stay visible."""
    for row in _indicators(form):
        for known, label, level in (
            (row.first, row.first_label, "一级"),
            (row.second, row.second_label, "二级"),
        ):
            if known is None and label.strip():
                yield _plain(
                    rule,
                    _location(form, row.path, label=label),
                    f"未识别的{level}指标“{label}”",
                    f"unrecognised {'first' if level == '一级' else 'second'} level {label!r}",
                )


@_rule("P-16", "applicable indicators have a target", Severity.WARNING)
def check_targets_present(
    form: Form, options: FormCheckOptions, rule: FormRule
) -> Iterator[Finding]:
    """Every indicator that is not 不适用 prints a target value (指标值)."""
    for row in _indicators(form):
        if row.target is None and not row.not_applicable:
            yield _plain(
                rule,
                _location(form, row.path, label=row.content, column="target"),
                "指标值为空",
                "indicator has no target value",
            )


FORM_RULES: tuple[FormRule, ...] = tuple(_REGISTRY)
"""Every performance-form rule, in id order."""

"""Scoring a self-evaluation (绩效自评评分), recomputed from its figures.

The national default (DOMAIN §8.6, [P27]) gives 10 points to the budget
execution rate (预算执行率) and 90 to the indicators: 产出 50, 效益 30,
满意度 10. :func:`score` recomputes every line of a :class:`SelfEvaluation`
under a :class:`ScoringWeights` policy and returns a :class:`ScoreSheet`.

Where the rules are conventions rather than printed law, the policy makes
them options: the cap on over-achievement (超额不加分), the ``=`` rule, the
qualitative bands, execution-rate bands, and the rounding of scores.

>>> weights = ScoringWeights()
>>> weights.execution, weights.output, weights.benefit, weights.satisfaction
(Decimal('10'), Decimal('50'), Decimal('30'), Decimal('10'))
>>> grade_of(Decimal("89.99"))
<Grade.GOOD: '良'>
"""

from __future__ import annotations

import decimal
import enum
from decimal import Decimal

import attrs

from govbudget.amounts import Amount, Cell, to_decimal
from govbudget.errors import GovBudgetError, UnitMismatchError
from govbudget.performance._forms import FundsRowKind, Grade, ScoredIndicator, SelfEvaluation
from govbudget.performance._indicators import FirstLevel
from govbudget.performance._values import (
    Completion,
    IndicatorValueError,
    Operator,
    ValueKind,
    completion_of,
)

__all__ = [
    "EqualRule",
    "QualitativeRule",
    "ScoreLine",
    "ScoreSheet",
    "ScoringConfigError",
    "ScoringWeights",
    "execution_rate",
    "grade_of",
    "score",
]

_ONE = Decimal(1)
_ZERO = Decimal(0)
_HUNDRED = Decimal(100)


class ScoringConfigError(GovBudgetError, ValueError):
    """A scoring policy that cannot work, such as weights not adding to 100."""


class EqualRule(enum.Enum):
    """How an ``=`` target that is missed scores."""

    PROPORTIONAL = "proportional"
    """The smaller of target and actual over the larger, times the weight."""

    ZERO = "zero"
    """No points unless the target is met exactly."""


class QualitativeRule(enum.Enum):
    """How a qualitative (定性) indicator scores."""

    BANDS = "bands"
    """达成 80–100%, 部分达成 60–80%, 未达成 0–60% of the weight. A
    recomputed score is the top of the band; any printed score inside the
    band agrees with it."""

    ALL_OR_NOTHING = "all-or-nothing"
    """Full weight when achieved, nothing otherwise."""


def _decimal(value: object) -> Decimal:
    return to_decimal(value, "a scoring weight")


def _optional_decimal(value: object) -> Decimal | None:
    return None if value is None else _decimal(value)


def _bands(value: object) -> tuple[tuple[Decimal, Decimal], ...]:
    if not isinstance(value, (tuple, list)):
        raise ScoringConfigError("execution_bands must be a tuple of (rate, fraction) pairs")
    pairs = []
    for pair in value:
        if not isinstance(pair, (tuple, list)) or len(pair) != 2:
            raise ScoringConfigError("each execution band is a (minimum rate %, fraction) pair")
        pairs.append((_decimal(pair[0]), _decimal(pair[1])))
    return tuple(sorted(pairs, reverse=True))


@attrs.frozen
class ScoringWeights:
    """A scoring policy: weights per part, formula options and rounding.

    Args:
        execution: Points for the budget execution rate (预算执行率分值).
        output: Points for 产出指标; ``None`` leaves the split free.
        benefit: Points for 效益指标; ``None`` leaves the split free.
        satisfaction: Points for 满意度指标; ``None`` leaves the split free.
        cost: Points for 成本指标 as a first level; ``None`` by default.
        cap: The highest fraction of its weight an indicator may earn;
            1 means over-achievement earns nothing extra (超额不加分).
        equal_rule: How a missed ``=`` target scores.
        qualitative_rule: How qualitative indicators score.
        execution_bands: ``(minimum rate in %, fraction)`` pairs. Empty
            (the default) scores the rate linearly: min(rate, 100%) × points.
        places: Decimal places scores are rounded to.
        rounding: A :mod:`decimal` rounding mode; ``ROUND_HALF_UP`` by default.
        excellent: Lowest total graded 优.
        good: Lowest total graded 良.
        fair: Lowest total graded 中; below it is 差.

    Raises:
        ScoringConfigError: if the fixed weights do not add up to 100, the
            grade thresholds are not in order, or the options are invalid.
        FloatNotAllowedError: if a weight is a float.

    >>> sichuan = ScoringWeights(output=Decimal(60), satisfaction=None)
    >>> try:
    ...     ScoringWeights(output=Decimal(60))
    ... except ScoringConfigError as error:
    ...     print(error)
    the execution points and the fixed first-level points must add up to 100;
    got 10 + 60 + 30 + 10
    """

    execution: Decimal = attrs.field(default=Decimal(10), converter=_decimal)
    output: Decimal | None = attrs.field(default=Decimal(50), converter=_optional_decimal)
    benefit: Decimal | None = attrs.field(default=Decimal(30), converter=_optional_decimal)
    satisfaction: Decimal | None = attrs.field(default=Decimal(10), converter=_optional_decimal)
    cost: Decimal | None = attrs.field(default=None, converter=_optional_decimal)
    cap: Decimal = attrs.field(default=_ONE, converter=_decimal)
    equal_rule: EqualRule = EqualRule.PROPORTIONAL
    qualitative_rule: QualitativeRule = QualitativeRule.BANDS
    execution_bands: tuple[tuple[Decimal, Decimal], ...] = attrs.field(default=(), converter=_bands)
    places: int = 2
    rounding: str = decimal.ROUND_HALF_UP
    excellent: Decimal = attrs.field(default=Decimal(90), converter=_decimal)
    good: Decimal = attrs.field(default=Decimal(80), converter=_decimal)
    fair: Decimal = attrs.field(default=Decimal(60), converter=_decimal)

    def __attrs_post_init__(self) -> None:
        fixed = [w for w in (self.output, self.benefit, self.satisfaction, self.cost) if w]
        if fixed and self.execution + sum(fixed) != _HUNDRED:
            parts = " + ".join(str(w) for w in (self.execution, *fixed))
            raise ScoringConfigError(
                "the execution points and the fixed first-level points must add up to 100;"
                f"\ngot {parts}"
            )
        if not _ZERO <= self.execution <= _HUNDRED:
            raise ScoringConfigError(f"execution weight {self.execution} is not in 0–100")
        if not self.excellent >= self.good >= self.fair:
            raise ScoringConfigError("grade thresholds must satisfy excellent ≥ good ≥ fair")
        if self.cap < 0:
            raise ScoringConfigError("cap must not be negative")
        if isinstance(self.places, bool) or not isinstance(self.places, int):
            raise ScoringConfigError("places must be an int")
        if self.rounding not in _ROUNDING_MODES:
            raise ScoringConfigError(f"unknown rounding mode {self.rounding!r}")

    @property
    def indicators_total(self) -> Decimal:
        """The points the indicators share: 100 minus the execution points."""
        return _HUNDRED - self.execution

    def first_level_weight(self, level: FirstLevel) -> Decimal | None:
        """The fixed points of a first level, ``None`` if the split is free."""
        return {
            FirstLevel.OUTPUT: self.output,
            FirstLevel.BENEFIT: self.benefit,
            FirstLevel.SATISFACTION: self.satisfaction,
            FirstLevel.COST: self.cost,
        }[level]

    def round(self, value: Decimal) -> Decimal:
        """A score rounded by this policy (2 places, half up by default).

        >>> ScoringWeights().round(Decimal("8.125"))
        Decimal('8.13')
        """
        return value.quantize(_ONE.scaleb(-self.places), rounding=self.rounding)

    @property
    def score_step(self) -> Decimal:
        """Half a unit in the last place scores are rounded to."""
        return Decimal(5).scaleb(-self.places - 1)


_ROUNDING_MODES = frozenset(
    {
        decimal.ROUND_HALF_UP,
        decimal.ROUND_HALF_EVEN,
        decimal.ROUND_HALF_DOWN,
        decimal.ROUND_UP,
        decimal.ROUND_DOWN,
        decimal.ROUND_CEILING,
        decimal.ROUND_FLOOR,
        decimal.ROUND_05UP,
    }
)


def grade_of(total: Decimal, weights: ScoringWeights | None = None) -> Grade:
    """The grade a total earns: 优 ≥ 90, 良 ≥ 80, 中 ≥ 60, 差 below ([P30]).

    >>> grade_of(Decimal(90)), grade_of(Decimal("59.99"))
    (<Grade.EXCELLENT: '优'>, <Grade.POOR: '差'>)
    """
    policy = weights or ScoringWeights()
    if total >= policy.excellent:
        return Grade.EXCELLENT
    if total >= policy.good:
        return Grade.GOOD
    if total >= policy.fair:
        return Grade.FAIR
    return Grade.POOR


@attrs.frozen
class ScoreLine:
    """One recomputed score.

    Attributes:
        path: ``预算执行率`` or the indicator's ``一级/二级/三级`` path.
        method: The formula used: ``execution``, ``positive``, ``reverse``,
            ``equal``, ``range``, ``qualitative``, ``not-applicable``,
            ``no-actual`` or ``unjudged`` (a result the rules cannot read;
            the printed score is taken as it stands).
        weight: The weight scored against, after re-scaling for
            not-applicable rows.
        score: The recomputed score, rounded.
        low: The lowest score the rules allow (differs for bands).
        high: The highest score the rules allow.
        printed_weight: 分值 as printed.
        printed: 得分 as printed.
        rate: For the execution line, the recomputed rate in percent.
    """

    path: str
    method: str
    weight: Decimal
    score: Decimal
    low: Decimal
    high: Decimal
    printed_weight: Decimal | None = None
    printed: Decimal | None = None
    rate: Decimal | None = None


@attrs.frozen
class ScoreSheet:
    """Every score of a self-evaluation, recomputed.

    Attributes:
        execution: The budget execution-rate line.
        lines: One line per indicator row, in printed order.
        total: The recomputed total: execution plus every line.
        low: The lowest total the rules allow.
        high: The highest total the rules allow.
        grade: The grade of ``total``.
        weights: The policy used.
    """

    execution: ScoreLine
    lines: tuple[ScoreLine, ...]
    total: Decimal
    low: Decimal
    high: Decimal
    grade: Grade
    weights: ScoringWeights

    @property
    def weight_total(self) -> Decimal:
        """The weights scored against, summed (100 on a consistent form)."""
        return self.execution.weight + sum((line.weight for line in self.lines), _ZERO)


def _yuan(cell: Cell | None) -> Decimal | None:
    return cell.yuan if isinstance(cell, Amount) else None


def execution_rate(form: SelfEvaluation) -> Decimal | None:
    """执行率 of the 年度资金总额 row in percent, exact: 执行数 / 全年预算数.

    Returns ``None`` when the row, either figure, or a non-zero budget is
    missing.
    """
    row = form.funds_row(FundsRowKind.TOTAL)
    if row is None:
        return None
    executed = _yuan(row.executed)
    budget = _yuan(row.full_year_budget)
    if executed is None or budget is None or budget == 0:
        return None
    return executed / budget * _HUNDRED


def score(form: SelfEvaluation, weights: ScoringWeights | None = None) -> ScoreSheet:
    """Recompute every score of a self-evaluation (绩效自评表).

    Args:
        form: The self-evaluation.
        weights: The scoring policy; the national default if omitted.

    Returns:
        The recomputed sheet. Indicators marked 不适用 are dropped and the
        others' weights re-scaled so that the weights still add up to what
        was printed ([P29]); each score is rounded by the policy and the
        total is the sum of the rounded scores.

    Does not check that the printed weights follow the policy's first-level
    split; :data:`FORM_RULES` does that.
    """
    policy = weights or ScoringWeights()

    execution = _score_execution(form, policy)
    effective = _effective_weights(form.indicators, policy)
    lines = tuple(
        _score_indicator(row, weight, policy)
        for row, weight in zip(form.indicators, effective, strict=True)
    )

    total = execution.score + sum((line.score for line in lines), _ZERO)
    low = execution.low + sum((line.low for line in lines), _ZERO)
    high = execution.high + sum((line.high for line in lines), _ZERO)
    return ScoreSheet(execution, lines, total, low, high, grade_of(total, policy), policy)


def _score_execution(form: SelfEvaluation, policy: ScoringWeights) -> ScoreLine:
    row = form.funds_row(FundsRowKind.TOTAL)
    printed_weight = row.weight if row is not None else None
    weight = printed_weight if printed_weight is not None else policy.execution
    printed = row.score if row is not None else None

    rate = execution_rate(form)
    if rate is None:
        fraction = _ZERO
    elif policy.execution_bands:
        fraction = next((f for floor, f in policy.execution_bands if rate >= floor), _ZERO)
    else:
        fraction = min(max(rate / _HUNDRED, _ZERO), _ONE)
    points = policy.round(fraction * weight)
    return ScoreLine(
        "预算执行率", "execution", weight, points, points, points, printed_weight, printed, rate
    )


def _effective_weights(rows: tuple[ScoredIndicator, ...], policy: ScoringWeights) -> list[Decimal]:
    """Printed weights with not-applicable rows' points spread over the rest."""
    printed = [row.weight if row.weight is not None else _ZERO for row in rows]
    applicable = [not row.indicator.not_applicable for row in rows]
    total = sum(printed, _ZERO)
    kept = sum((w for w, keep in zip(printed, applicable, strict=True) if keep), _ZERO)
    if kept == total:
        return printed
    if kept == 0:
        return [_ZERO for _ in rows]

    scaled = [
        policy.round(w * total / kept) if keep else _ZERO
        for w, keep in zip(printed, applicable, strict=True)
    ]

    # Rounding each share may leave a few hundredths over or short; the
    # last row with points takes the remainder so the total stays exact.
    last = max(i for i, w in enumerate(scaled) if w > 0)
    scaled[last] += total - sum(scaled, _ZERO)
    return scaled


def _score_indicator(row: ScoredIndicator, weight: Decimal, policy: ScoringWeights) -> ScoreLine:
    indicator = row.indicator
    path = indicator.path

    method, low, high = _fractions(row, policy)
    if method == "unjudged":
        printed = row.score if row.score is not None else _ZERO
        point = min(max(printed, _ZERO), weight)
        return ScoreLine(path, method, weight, point, _ZERO, weight, row.weight, row.score)
    return ScoreLine(
        path,
        method,
        weight,
        policy.round(high * weight),
        policy.round(low * weight),
        policy.round(high * weight),
        row.weight,
        row.score,
    )


def _fractions(row: ScoredIndicator, policy: ScoringWeights) -> tuple[str, Decimal, Decimal]:
    """The method and the (low, high) fraction of the weight a row earns."""
    target = row.indicator.target
    actual = row.actual
    if row.indicator.not_applicable:
        return "not-applicable", _ZERO, _ZERO
    if actual is None:
        return "no-actual", _ZERO, _ZERO
    if target is None:
        return "unjudged", _ZERO, _ONE

    if actual.kind is ValueKind.QUALITATIVE or target.kind is ValueKind.QUALITATIVE:
        return _qualitative(row, policy)
    try:
        number = target.achieved_number(actual)
    except (IndicatorValueError, UnitMismatchError):
        return "unjudged", _ZERO, _ONE
    method, fraction = _quantitative(target.direction, target.number, target.upper, number, policy)
    fraction = min(max(fraction, _ZERO), policy.cap)
    return method, fraction, fraction


def _qualitative(row: ScoredIndicator, policy: ScoringWeights) -> tuple[str, Decimal, Decimal]:
    target, actual = row.indicator.target, row.actual
    assert target is not None and actual is not None
    if actual.kind is ValueKind.QUALITATIVE:
        assert actual.text is not None
        status = completion_of(actual.text)
        if status is Completion.UNKNOWN and target.text == actual.text:
            status = Completion.COMPLETE
    else:
        status = Completion.UNKNOWN
    if status is Completion.UNKNOWN:
        return "unjudged", _ZERO, _ONE
    if policy.qualitative_rule is QualitativeRule.ALL_OR_NOTHING:
        fraction = _ONE if status is Completion.COMPLETE else _ZERO
        return "qualitative", fraction, fraction
    low, high = _BANDS[status]
    return "qualitative", low, high


_BANDS = {
    Completion.COMPLETE: (Decimal("0.8"), _ONE),
    Completion.PARTIAL: (Decimal("0.6"), Decimal("0.8")),
    Completion.NOT_COMPLETE: (_ZERO, Decimal("0.6")),
}


def _quantitative(
    direction: Operator | None,
    target: Decimal | None,
    upper: Decimal | None,
    actual: Decimal,
    policy: ScoringWeights,
) -> tuple[str, Decimal]:
    assert target is not None
    if direction is Operator.RANGE:
        assert upper is not None
        if target <= actual <= upper:
            return "range", _ONE
        if actual < target:
            return "range", _positive(target, actual)
        return "range", _reverse(upper, actual)
    if direction in (Operator.GE, Operator.GT):
        return "positive", _positive(target, actual)
    if direction in (Operator.LE, Operator.LT):
        return "reverse", _reverse(target, actual)

    if actual == target:
        return "equal", _ONE
    if policy.equal_rule is EqualRule.ZERO or actual <= 0 or target <= 0:
        return "equal", _ZERO
    return "equal", min(actual, target) / max(actual, target)


def _positive(target: Decimal, actual: Decimal) -> Decimal:
    """得分率 of a higher-is-better target: actual / target ([P29])."""
    if target <= 0:
        return _ONE if actual >= target else _ZERO
    return actual / target


def _reverse(target: Decimal, actual: Decimal) -> Decimal:
    """得分率 of a lower-is-better target: target / actual ([P29])."""
    if actual <= target:
        return _ONE
    if target <= 0:
        return _ZERO
    return target / actual

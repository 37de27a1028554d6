"""Narrative (情况说明): the figures the prose states, against the tables and
against each other (DOMAIN §4.3).

The claims come from :func:`govbudget.narrative.claims_of`. Every finding
is located at the claim (table ``"narrative"``, row the section number,
label its title, column the characters, line the source line), with the
table figures or other claims it was compared with in ``related``.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from decimal import Decimal
from typing import NamedTuple

import attrs

from govbudget.amounts import Amount, Percent, Unit
from govbudget.audit.context import AuditContext
from govbudget.audit.registry import rule
from govbudget.findings import Category, Finding, Severity
from govbudget.location import Location
from govbudget.narrative import (
    Claim,
    ClaimKind,
    Count,
    Direction,
    Reference,
    Year,
    claims_of,
    is_partition,
    percent_range,
    quantity,
    rounded,
    sentences,
    truncated,
)

_ZERO = Decimal(0)
_HUNDRED = Decimal(100)
_WHAT = {"share": "占比", "completion": "预算完成率", "rate": "增长率"}
_REASON_WORDS = ("原因", "主要是", "由于", "因为", "主要用于", "所致", "导致", "系")


class _Known(NamedTuple):
    """A figure taking part in a narrative check, in the disclosure's unit."""

    value: Decimal
    half: Decimal
    location: Location
    name: str
    claim: Claim | None = None


# Reading claims and the figures they name -----------------------------------


def _claims(ctx: AuditContext) -> list[Claim]:
    return claims_of(ctx.disclosure)


def _describe(claim: Claim) -> str:
    """A claim's name for messages: 情况说明(一)“年末结转和结余”, with the
    year when it is not this year's."""
    name = claim.name
    if claim.quantity is not None and not name:
        name = quantity(claim.quantity).name
    year = f"{claim.fiscal_year}年" if claim.year is not Year.THIS and claim.fiscal_year else ""
    return f"情况说明{claim.location.section}“{year}{name}”"


def _convert(value: Decimal, source: Unit, target: Unit) -> Decimal:
    return value * source.yuan / target.yuan


def _stated(ctx: AuditContext, claim: Claim | None) -> _Known | None:
    """The figure a claim states, in the disclosure's unit (``None`` for an
    approximate count or no claim)."""
    if claim is None:
        return None
    value = claim.value
    location = claim.location.to_location()
    if isinstance(value, Amount):
        unit = ctx.disclosure.unit
        return _Known(
            _convert(value.value, value.unit, unit),
            _convert(value.half_unit, value.unit, unit),
            location,
            _describe(claim),
            claim,
        )
    if isinstance(value, Percent):
        return _Known(value.value, value.half_unit, location, _describe(claim), claim)
    if isinstance(value, Count) and not value.approximate:
        return _Known(value.value, _ZERO, location, _describe(claim), claim)
    return None


def _table_value(ctx: AuditContext, quantity_id: str | None) -> _Known | None:
    """The figure the tables (or the other-matters model) print for a quantity."""
    if quantity_id is None:
        return None
    try:
        refs = quantity(quantity_id).refs
    except KeyError:
        return None
    for ref in refs:
        found = _table_figure(ctx, ref) if ref.table[:1].isdigit() else _model_figure(ctx, ref)
        if found is not None:
            return found
    return None


def _table_figure(ctx: AuditContext, ref: Reference) -> _Known | None:
    table = ctx.table(ref.table)
    figure = ctx.figure(table, ref.row, ref.column)
    if table is None or figure is None:
        return None
    unit = ctx.disclosure.unit
    return _Known(
        _convert(figure.value, table.unit, unit),
        _convert(figure.half, table.unit, unit),
        figure.location,
        figure.describe(),
    )


def _model_figure(ctx: AuditContext, ref: Reference) -> _Known | None:
    """A figure of the other-matters or overview model (政府采购, 车辆, 编制)."""
    if ref.table == "overview":
        source: object = ctx.disclosure.overview.staffing
    elif ref.row == "procurement":
        source = ctx.disclosure.other_matters.procurement
    elif ref.row == "assets":
        source = ctx.disclosure.other_matters.assets
    else:
        source = ctx.disclosure.other_matters
    field = "running_costs" if ref.row == "running_costs" else ref.column
    value = getattr(source, field, None)
    location = Location(table=ref.table, row=ref.row, column=field)
    if isinstance(value, Amount):
        unit = ctx.disclosure.unit
        return _Known(
            _convert(value.value, value.unit, unit),
            _convert(value.half_unit, value.unit, unit),
            location,
            f"{ref.table} {ref.row}.{field}",
        )
    if isinstance(value, int) and not isinstance(value, bool):
        return _Known(Decimal(value), _ZERO, location, f"{ref.table} {ref.row}.{field}")
    return None


def _find(
    claims: Sequence[Claim], key: str | None, year: Year, near: Claim | None = None
) -> Claim | None:
    """An amount claim about ``key`` in ``year``: in ``near``'s section first
    (the closest before it, then after), else anywhere."""
    if key is None:
        return None
    found = [c for c in claims if c.kind is ClaimKind.AMOUNT and c.key == key and c.year is year]
    if near is None:
        return found[0] if found else None
    same = [c for c in found if c.location.section == near.location.section]
    before = [c for c in same if c.index < near.index]
    if before:
        return before[-1]
    return same[0] if same else (found[0] if found else None)


def _decimals(claim: Claim) -> int:
    """The printed decimals of a claim's figure (0 for counts)."""
    value = claim.value
    return value.decimals if isinstance(value, (Amount, Percent)) else 0


def _related(*figures: _Known | None) -> list[Location]:
    return [f.location for f in figures if f is not None]


# N-1 ------------------------------------------------------------------------


@rule(
    "N-1",
    title="narrative amounts equal the table figures",
    title_zh="情况说明所述本年金额与表内数一致",
    category=Category.NARRATIVE,
)
def stated_amounts(ctx: AuditContext) -> Iterator[Finding]:
    """Every amount the narrative states for this year, of a quantity a table
    prints, equals the table's figure: 本年收入合计/支出合计, 财政拨款收入,
    基本/项目支出, 人员/公用经费, each 类, 年末结转和结余, the “三公” 预算数
    and 决算数, and the other-matters figures (政府采购, 机关运行经费, 车辆).

    The narrative's own precision counts: "666.1 万元" stands for anything in
    [666.05, 666.15]. The finding is located at the claim, with the table
    figure in ``related``. The figure is taken from the table the section
    explains first (年末结转和结余 in section (一) from table 01)."""
    for claim in _claims(ctx):
        if claim.kind not in (ClaimKind.AMOUNT, ClaimKind.COUNT) or claim.year is not Year.THIS:
            continue
        stated, known = _stated(ctx, claim), _table_value(ctx, claim.quantity)
        if stated is None or known is None:
            continue
        found = ctx.check_values(
            stated.value,
            known.value,
            location=stated.location,
            name=stated.name,
            halves=[stated.half, known.half],
            what_zh=f"{known.name} ",
            what_en=known.name,
            related=[known.location],
        )
        if found is not None:
            yield found


# N-2 ------------------------------------------------------------------------


@rule(
    "N-2",
    title="shares recompute from their part and fixed denominator",
    title_zh="占比 = 部分 / 分母（收入→本年收入合计，支出→本年支出合计，三公→三公决算合计）",
    category=Category.NARRATIVE,
    severity=Severity.WARNING,
    uncertain=True,
)
def shares(ctx: AuditContext) -> Iterator[Finding]:
    """A stated share (占…的 X%) equals the part over its whole. The part is
    the amount the sentence states (or the table's figure); the whole is the
    one the text names after 占, else the fixed denominator: income →
    本年收入合计 (tables 01/02), spending → 本年支出合计 (01/03), a “三公”
    item → the “三公” 决算 total (07), the SME amount → the procurement total.
    The share agrees when some values that print as the two amounts give a
    ratio that prints as the share.

    Which amounts a sentence's part and whole are is read from its wording,
    and documents outside the national template (a university's 决算, for
    one) word them differently, so a mismatch is a warning; switch the rule
    off with ``--ignore N-2``."""
    claims = _claims(ctx)
    for claim in claims:
        if claim.kind is not ClaimKind.SHARE or claim.base is None:
            continue
        part = _stated(ctx, claims[claim.subject]) if claim.subject is not None else None
        part = part or _table_value(ctx, claim.quantity)
        whole = _table_value(ctx, claim.base) or _stated(
            ctx, _find(claims, claim.base, claim.year, claim)
        )
        found = _ratio(ctx, claim, part, whole, what="share")
        if found is not None:
            yield found


def _ratio(
    ctx: AuditContext,
    claim: Claim,
    numerator: _Known | None,
    denominator: _Known | None,
    *,
    what: str,
) -> Finding | None:
    """Compare a stated percentage with numerator / denominator × 100."""
    stated = _stated(ctx, claim)
    if stated is None or numerator is None or denominator is None:
        return None
    span = percent_range(numerator.value, numerator.half, denominator.value, denominator.half)
    if span is None:
        return None
    low, high = span
    value = claim.signed if what == "rate" else stated.value
    if low - stated.half <= value <= high + stated.half:
        return None
    computed = numerator.value / denominator.value * _HUNDRED
    slack = max(high - computed, computed - low) + stated.half
    return ctx.check_values(
        value,
        rounded(computed, _decimals(claim)),
        location=stated.location,
        name=f"{stated.name} {_WHAT[what]} (%)",
        slack=slack.quantize(Decimal("0.0001")),
        what_zh=f"{numerator.name} / {denominator.name} ",
        what_en=f"{numerator.name} / {denominator.name}",
        related=_related(numerator, denominator),
    )


# N-3 ------------------------------------------------------------------------


class _YearOnYear(NamedTuple):
    """The figures of one year-on-year statement (any may be missing)."""

    this: _Known | None
    prior: _Known | None
    change: _Known | None
    rate: _Known | None


@rule(
    "N-3",
    title="year-on-year change and rate follow from the two years' amounts",
    title_zh="增减额 = 本年 − 上年，增长率 = 增减额 / 上年",
    category=Category.NARRATIVE,
)
def year_on_year(ctx: AuditContext) -> Iterator[Finding]:
    """A stated change (增长/增加/减少/下降 X 万元, 持平) equals this year's
    amount minus last year's, and a stated rate (增长率 X%) equals the change
    over last year's amount, rounded to the printed decimals. Last year's
    amount comes from the text itself, so the check needs no earlier
    disclosure; this year's comes from the text, else from the tables.

    When the figures disagree, the one figure whose correction makes the
    others agree is named: the change, the prior-year amount, this year's
    amount or the rate. A rate that is the truncation of the right value
    (38.28% for 38.289…%) is a warning that says "truncated"; a rate
    computed on this year's amount instead of last year's is an error that
    says so."""
    claims = _claims(ctx)
    for claim in claims:
        group = _group(ctx, claims, claim)
        if group is not None:
            found = _judge(ctx, group)
            if found is not None:
                yield found


def _group(ctx: AuditContext, claims: Sequence[Claim], claim: Claim) -> _YearOnYear | None:
    """The year-on-year figures led by a change claim, or by a rate without one."""
    if claim.base != "prior":
        return None
    if claim.kind is ClaimKind.CHANGE:
        change: Claim | None = claim
        rate = next(
            (c for c in claims if c.kind is ClaimKind.RATE and c.subject == claim.index), None
        )
    elif claim.kind is ClaimKind.RATE and (
        claim.subject is None or claims[claim.subject].kind is not ClaimKind.CHANGE
    ):
        change, rate = None, claim
    else:
        return None
    this_claim = _find(claims, claim.key, Year.THIS, claim)
    this = _stated(ctx, this_claim) or _table_value(ctx, claim.quantity)
    prior = _stated(ctx, _find(claims, claim.key, Year.PRIOR, claim))
    stated_change = _stated(ctx, change)
    if stated_change is not None and claim.direction is Direction.FLAT:
        stated_change = stated_change._replace(half=_ZERO)  # 持平: exactly no change
    return _YearOnYear(this, prior, stated_change, _stated(ctx, rate))


def _signed(known: _Known) -> Decimal:
    assert known.claim is not None
    if known.claim.direction is Direction.FLAT:
        return _ZERO
    # The claim's sign, on the magnitude already converted to the disclosure's unit.
    return -abs(known.value) if known.claim.signed < 0 else abs(known.value)


def _holds(ctx: AuditContext, group: _YearOnYear) -> dict[str, tuple[frozenset[str], bool]]:
    """Each relation the group's figures allow: its members and whether it holds."""
    this, prior, change, rate = group
    relations: dict[str, tuple[frozenset[str], bool]] = {}
    if this and prior and change:
        halves = [this.half, prior.half, change.half]
        difference = abs(this.value - prior.value - _signed(change))
        relations["amounts"] = (
            frozenset({"this", "prior", "change"}),
            difference <= ctx.policy.slack(halves),
        )
    if rate is not None:
        for members, numerator, denominator in _rate_bases(group):
            span = percent_range(*numerator, *denominator)
            if span is None:
                continue
            holds = span[0] - rate.half <= _signed(rate) <= span[1] + rate.half
            relations["rate:" + "+".join(sorted(members))] = (members | {"rate"}, holds)
    return relations


def _rate_bases(
    group: _YearOnYear,
) -> Iterator[tuple[frozenset[str], tuple[Decimal, Decimal], tuple[Decimal, Decimal]]]:
    """(members, (numerator, half), (denominator, half)) a rate can be recomputed from."""
    this, prior, change, _ = group
    if change and prior:
        yield (
            frozenset({"change", "prior"}),
            (_signed(change), change.half),
            (prior.value, prior.half),
        )
    if this and prior:
        yield (
            frozenset({"this", "prior"}),
            (this.value - prior.value, this.half + prior.half),
            (prior.value, prior.half),
        )
    if change and this and not prior:
        base = this.value - _signed(change)
        yield (
            frozenset({"change", "this"}),
            (_signed(change), change.half),
            (base, this.half + change.half),
        )


def _judge(ctx: AuditContext, group: _YearOnYear) -> Finding | None:
    """One finding for a group whose relations fail, at the figure to blame."""
    relations = _holds(ctx, group)
    failing = [members for members, holds in relations.values() if not holds]
    if not failing:
        return None
    holding = [members for members, holds in relations.values() if holds]
    suspects = frozenset.intersection(*failing) - frozenset().union(*holding)
    stated = {name for name, known in group._asdict().items() if known and known.claim}
    suspects &= stated
    if len(suspects) == 1:
        blamed = next(iter(suspects))
    else:
        blamed = "rate" if any("rate" in m for m in failing) and group.rate else "change"
    if blamed == "rate":
        return _wrong_rate(ctx, group)
    if blamed == "prior":
        return _wrong_prior(ctx, group)
    if blamed == "this" and group.prior and group.change:
        return _wrong_amount(ctx, group.this, group.prior.value + _signed(group.change), group)
    return _wrong_change(ctx, group)


def _wrong_change(ctx: AuditContext, group: _YearOnYear) -> Finding | None:
    this, prior, change, _ = group
    if change is None or this is None or prior is None:
        return _wrong_rate(ctx, group)
    return ctx.check_values(
        _signed(change),
        this.value - prior.value,
        location=change.location,
        name=f"{change.name} 增减额",
        halves=[this.half, prior.half, change.half],
        what_zh="本年数减上年数",
        what_en="this year's amount minus last year's",
        related=_related(this, prior),
    )


def _wrong_prior(ctx: AuditContext, group: _YearOnYear) -> Finding | None:
    this, prior, change, rate = group
    assert prior is not None and this is not None
    expected = this.value - _signed(change) if change else this.value / (1 + _signed(rate) / 100)  # type: ignore[arg-type]
    return _wrong_amount(ctx, prior, expected, group)


def _wrong_amount(
    ctx: AuditContext, known: _Known | None, expected: Decimal, group: _YearOnYear
) -> Finding | None:
    if known is None:
        return None
    others = [f for f in group if f is not None and f is not known]
    return ctx.check_values(
        known.value,
        expected,
        location=known.location,
        name=known.name,
        halves=[f.half for f in group if f is not None and f is not group.rate],
        what_zh="按其余所述数字（增减额、增长率）推算的金额",
        what_en="the amount the other stated figures (change, rate) imply",
        related=_related(*others),
    )


def _wrong_rate(ctx: AuditContext, group: _YearOnYear) -> Finding | None:
    """The rate is off: say whether it was truncated or taken on the wrong base."""
    this, rate = group.this, group.rate
    if rate is None or rate.claim is None:
        return None
    bases = list(_rate_bases(group))
    if not bases:
        return None
    _, numerator, denominator = bases[0]
    decimals = _decimals(rate.claim)
    computed = numerator[0] / denominator[0] * _HUNDRED
    found = ctx.check_values(
        _signed(rate),
        rounded(computed, decimals),
        location=rate.location,
        name=f"{rate.name} 增长率 (%)",
        slack=rate.half,
        what_zh="按上年数计算的增长率",
        what_en="the rate computed on last year's amount",
        related=_related(*(f for f in group if f is not rate)),
    )
    if found is None:
        return None
    if truncated(computed, decimals) == _signed(rate):
        return attrs.evolve(
            found,
            severity=Severity.WARNING,
            message_zh=found.message_zh + "；所述增长率系截尾而非四舍五入",
            message_en=found.message_en + "; the stated rate was truncated, not rounded",
        )
    current = this.value if this is not None else None
    if current and rounded(numerator[0] / current * _HUNDRED, decimals) == _signed(rate):
        return attrs.evolve(
            found,
            message_zh=found.message_zh + "；所述增长率系以本年数而非上年数为分母计算",
            message_en=found.message_en
            + "; the stated rate was computed on this year's amount instead of last year's",
        )
    return found


# N-4 ------------------------------------------------------------------------


@rule(
    "N-4",
    title="completion rates against the budget; none against a zero opening budget",
    title_zh="完成预算% = 决算数 / 预算数；年初预算为 0 时不得称“完成年初预算的X%”",
    category=Category.NARRATIVE,
)
def completion(ctx: AuditContext) -> Iterator[Finding]:
    """A stated completion rate (完成年初预算的 X%, 为调整预算的 X%) equals the
    actual amount over the budget, rounded to the printed decimals. The
    budget is the one the text states (年初预算数为 …), else the tables'
    (the “三公” 预算数 of table 07, the 年初预算数 column some regions add to
    table 05). A completion rate against an opening budget of zero is an
    error: the text should compare with the adjusted budget instead. A
    change stated against the budget (比年初预算增加 X 万元) equals the
    actual amount minus the budget."""
    claims = _claims(ctx)
    for claim in claims:
        if claim.base is None or not claim.base.startswith(("budget.", "sangong.budget.")):
            continue
        budget = _stated(ctx, _find(claims, claim.base, Year.THIS, claim)) or _table_value(
            ctx, claim.base
        )
        subject = claims[claim.subject] if claim.subject is not None else None
        actual = _stated(ctx, subject or _find(claims, claim.quantity, Year.THIS, claim))
        actual = actual or _table_value(ctx, claim.quantity)
        if budget is None:
            continue
        if claim.kind is ClaimKind.COMPLETION:
            yield from _completion(ctx, claim, actual, budget)
        elif claim.kind is ClaimKind.CHANGE and actual is not None:
            stated = _stated(ctx, claim)
            assert stated is not None
            found = ctx.check_values(
                _signed(stated),
                actual.value - budget.value,
                location=stated.location,
                name=f"{stated.name} 与预算相比的增减额",
                halves=[stated.half, actual.half, budget.half],
                what_zh="决算数减预算数",
                what_en="the actual amount minus the budget",
                related=_related(actual, budget),
            )
            if found is not None:
                yield found


def _completion(
    ctx: AuditContext, claim: Claim, actual: _Known | None, budget: _Known
) -> Iterator[Finding]:
    if budget.value == 0:
        yield ctx.finding(
            f"{_describe(claim)} 称完成预算的 {claim.value}，但该预算数为 0"
            "（年初预算为 0 时应与调整预算比较）",
            f"{_describe(claim)} states {claim.value} of a budget that is 0 "
            "(with no opening budget, compare with the adjusted budget)",
            claim.location.to_location(),
            related=[budget.location],
        )
        return
    found = _ratio(ctx, claim, actual, budget, what="completion")
    if found is not None:
        yield found


# N-6 ------------------------------------------------------------------------


@rule(
    "N-6",
    title="a figure stated twice in the narrative agrees with itself",
    title_zh="情况说明多处所述同一数字一致",
    category=Category.NARRATIVE,
    severity=Severity.WARNING,
    uncertain=True,
)
def restated(ctx: AuditContext) -> Iterator[Finding]:
    """The same quantity of the same year stated twice (in two sections, or
    twice in one) has the same amount, within the rounding of both. Only
    quantities no table prints are compared this way — last year's amounts,
    budgets the tables leave out, all-funds 人员经费 — because N-1 already
    holds each statement of a table-backed quantity to the table. A later
    statement is compared with the first.

    Two statements are taken for the same quantity by their wording and the
    section they stand in; where a document's sections do not follow the
    national template, two different quantities can read alike ("项目支出" of
    all funds and of appropriations), so a mismatch is a warning; switch the
    rule off with ``--ignore N-6``."""
    first: dict[tuple[str, Year], Claim] = {}
    for claim in _claims(ctx):
        if claim.kind is not ClaimKind.AMOUNT or claim.quantity is None:
            continue
        if claim.year is Year.THIS and _table_value(ctx, claim.quantity) is not None:
            continue
        key = (claim.quantity, claim.year)
        earlier = first.setdefault(key, claim)
        if earlier is claim:
            continue
        stated, other = _stated(ctx, claim), _stated(ctx, earlier)
        assert stated is not None and other is not None
        found = ctx.check_values(
            stated.value,
            other.value,
            location=stated.location,
            name=stated.name,
            halves=[stated.half, other.half],
            what_zh=f"{other.name}（前文所述）",
            what_en=f"{other.name} stated earlier",
            related=[other.location],
        )
        if found is not None:
            yield found


# N-7 ------------------------------------------------------------------------


@rule(
    "N-7",
    title="a stated change is followed by its reason",
    title_zh="增减变化须说明原因",
    category=Category.NARRATIVE,
    severity=Severity.WARNING,
)
def reasons(ctx: AuditContext) -> Iterator[Finding]:
    """A sentence stating a year-on-year change or a change against the
    budget (增长/减少 X 万元, X%) gives the reason in the same sentence or the
    next one (主要原因…, 主要是…, 由于…, 因为…). One warning per sentence."""
    sections = {s.number: s for s in ctx.disclosure.narrative}
    done: set[tuple[str, int]] = set()
    for claim in _claims(ctx):
        if claim.kind not in (ClaimKind.CHANGE, ClaimKind.RATE):
            continue
        if claim.direction is Direction.FLAT:
            continue
        place = (claim.location.section, claim.location.sentence)
        if place in done:
            continue
        done.add(place)
        texts = sentences(sections[claim.location.section])
        following = texts[claim.location.sentence - 1 : claim.location.sentence + 1]
        if not any(word in text for text in following for word in _REASON_WORDS):
            yield ctx.finding(
                f"{_describe(claim)} 所述增减变化未说明原因",
                f"{_describe(claim)}: the change is stated without a reason",
                claim.location.to_location(),
            )


# N-8 ------------------------------------------------------------------------


@rule(
    "N-8",
    title="agency running costs are at most the public costs of table 06",
    title_zh="机关运行经费不超过06表公用经费合计",
    category=Category.NARRATIVE,
    severity=Severity.WARNING,
    uncertain=True,
)
def running_costs(ctx: AuditContext) -> Iterator[Finding]:
    """The 机关运行经费 the text states is at most 公用经费合计 of 公开06表
    (in many regions they are equal; DOMAIN N-8 marks the relation
    regional ⚠). Only an excess beyond rounding is reported.

    Switch it off with ``--ignore N-8``."""
    public = _table_value(ctx, "general_budget.public")
    if public is None:
        return
    for claim in _claims(ctx):
        if claim.quantity != "running_costs" or claim.year is not Year.THIS:
            continue
        stated = _stated(ctx, claim)
        if stated is None or stated.value <= public.value:
            continue
        slack = ctx.policy.slack([stated.half, public.half])
        excess = stated.value - public.value
        yield attrs.evolve(
            ctx.finding(
                f"{stated.name} 为 {stated.value}，超过 {public.name} 的 {public.value}"
                f"（超出 {excess}，舍入容差 {slack}）",
                f"{stated.name} is {stated.value}, more than {public.name} at {public.value} "
                f"(excess {excess}, rounding slack {slack})",
                stated.location,
                severity=Severity.INFO if excess <= slack else None,
                related=[public.location],
            ),
            expected=public.value,
            actual=stated.value,
            difference=excess,
            slack=slack,
            policy=ctx.policy.name,
            rounding=excess <= slack,
        )


# N-9 ------------------------------------------------------------------------


@rule(
    "N-9",
    title="a stated breakdown (其中…) adds up to its total",
    title_zh="其中各项之和与所述合计一致（政府采购：货物 + 工程 + 服务 = 总额）",
    category=Category.NARRATIVE,
)
def breakdowns(ctx: AuditContext) -> Iterator[Finding]:
    """The parts a sentence lists after a total (其中 A X 万元，B Y 万元) add up
    to it when they make up the whole of it — 人员经费 + 公用经费 = 基本支出,
    基本支出 + 项目支出 = 一般公共预算财政拨款支出, 货物 + 工程 + 服务 =
    政府采购支出总额, the “三公” items = their total. Parts that need not
    make up the whole (some 类 of all spending, some income sources) must
    not exceed it. The finding is located at the total, with the parts in
    ``related``."""
    claims = _claims(ctx)
    parts: dict[int, list[Claim]] = {}
    for claim in claims:
        if claim.parent is not None and claim.kind is ClaimKind.AMOUNT:
            parts.setdefault(claim.parent, []).append(claim)
    for parent_index, members in parts.items():
        total = _stated(ctx, claims[parent_index])
        figures = [f for f in (_stated(ctx, m) for m in members) if f is not None]
        if total is None or not figures:
            continue
        found = _breakdown(ctx, claims[parent_index], total, figures)
        if found is not None:
            yield found


def _breakdown(
    ctx: AuditContext, parent: Claim, total: _Known, parts: Sequence[_Known]
) -> Finding | None:
    ids = frozenset(p.claim.quantity for p in parts if p.claim and p.claim.quantity)
    whole = (
        parent.quantity is not None
        and len(ids) == len(parts)
        and is_partition(parent.quantity, ids)
    )
    value = sum((p.value for p in parts), _ZERO)
    halves = [total.half, *(p.half for p in parts)]
    if not whole and value <= total.value:
        return None
    found = ctx.check_values(
        total.value,
        value,
        location=total.location,
        name=total.name,
        halves=halves,
        what_zh="其中所列各项之和" if whole else "其中所列各项之和（不应超过合计）",
        what_en="the sum of the parts listed" if whole else "the sum of the parts (at most)",
        related=[p.location for p in parts],
    )
    return found


# N-10 -----------------------------------------------------------------------


@rule(
    "N-10",
    title="an amount in 元 where the tables are in 万元 is probably a unit slip",
    title_zh="表内以万元列示而文字写“X 元”（0.01 ≤ X ≤ 9999），疑为单位错误",
    category=Category.NARRATIVE,
    severity=Severity.WARNING,
    uncertain=True,
)
def unit_words(ctx: AuditContext) -> Iterator[Finding]:
    """Where the tables are in 万元, an amount the text gives in 元 between
    0.01 and 9999 is almost surely a 万元 figure with the wrong unit word
    (no department spends less than 10,000 元 on a reported line, and the
    text copies the tables). When the claim names a table quantity and the
    figure read as 万元 equals the table, the message says so.

    DOMAIN N-10 takes this from one audit tool's practice; switch it off
    with ``--ignore N-10``."""
    if ctx.disclosure.unit is not Unit.WAN:
        return
    for claim in _claims(ctx):
        value = claim.value
        if not isinstance(value, Amount) or value.unit is not Unit.YUAN:
            continue
        if not Decimal("0.01") <= value.value <= Decimal(9999):
            continue
        known = _table_value(ctx, claim.quantity) if claim.year is Year.THIS else None
        matches = known is not None and abs(value.value - known.value) <= (
            value.half_unit + known.half
        )
        hint_zh = f"；按万元读则与 {known.name} 一致" if matches and known else ""
        hint_en = f"; read as 万元 it equals {known.name}" if matches and known else ""
        yield ctx.finding(
            f"{_describe(claim)} 写作 {value.value} 元，而表内金额单位为万元{hint_zh}",
            f"{_describe(claim)} is given as {value.value} 元 while the tables are in 万元"
            f"{hint_en}",
            claim.location.to_location(),
            related=_related(known) if matches else (),
        )

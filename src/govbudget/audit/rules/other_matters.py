"""Other matters (其他重要事项): government procurement arithmetic."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from govbudget.amounts import Amount
from govbudget.audit.context import AuditContext
from govbudget.audit.registry import rule
from govbudget.findings import Category, Finding
from govbudget.location import Location

_HUNDRED = Decimal(100)


def _where(field: str) -> Location:
    return Location(table="other_matters", row="procurement", column=field)


@rule(
    "O-1",
    title="政府采购 total = 货物 + 工程 + 服务",
    title_zh="政府采购支出总额 = 货物 + 工程 + 服务",
    category=Category.OTHER_MATTERS,
)
def procurement_total(ctx: AuditContext) -> Iterator[Finding]:
    """The government-procurement total stated under 其他重要事项 is the sum of
    its goods (货物), works (工程) and services (服务) parts (DOMAIN N-9)."""
    procurement = ctx.disclosure.other_matters.procurement
    total = procurement.total
    if not isinstance(total, Amount):
        return
    # The parts may be stated in another unit than the total (元 vs 万元).
    printed = (procurement.goods, procurement.works, procurement.services)
    parts = [p.to(total.unit) for p in printed if isinstance(p, Amount)]
    if not parts:
        return
    found = ctx.check_values(
        total.value,
        sum((p.value for p in parts), Decimal(0)),
        location=_where("total"),
        name="政府采购支出总额 / procurement total",
        halves=[total.half_unit, *(p.half_unit for p in parts)],
        what_zh="货物、工程、服务之和",
        what_en="goods + works + services",
    )
    if found is not None:
        yield found


@rule(
    "O-2",
    title="SME share = SME amount / procurement total",
    title_zh="授予中小企业合同金额占比 = 中小企业金额 / 政府采购支出总额",
    category=Category.OTHER_MATTERS,
)
def sme_share(ctx: AuditContext) -> Iterator[Finding]:
    """The stated share awarded to small and medium enterprises (占政府采购支出
    总额的 …%) follows from the SME amount and the total. The verdict allows
    for the rounding of all three printed figures: the share is consistent if
    some pair of values that print as the two amounts gives a ratio that
    prints as the share."""
    procurement = ctx.disclosure.other_matters.procurement
    sme, total, share = procurement.sme_amount, procurement.total, procurement.sme_share
    if not (isinstance(sme, Amount) and isinstance(total, Amount) and share is not None):
        return
    if not total.value:
        return
    sme = sme.to(total.unit)
    computed = sme.value / total.value * _HUNDRED
    low = (sme.value - sme.half_unit) / (total.value + total.half_unit) * _HUNDRED
    high = (sme.value + sme.half_unit) / (total.value - total.half_unit) * _HUNDRED
    if low - share.half_unit <= share.value <= high + share.half_unit:
        return
    # Report the gap to the nearest end of the attainable range as the slack.
    slack = max(high - computed, computed - low) + share.half_unit
    found = ctx.check_values(
        share.value,
        computed.quantize(Decimal(1).scaleb(-share.decimals)),
        location=_where("sme_share"),
        name="中小企业占比 / SME share (%)",
        slack=slack.quantize(Decimal("0.0001")),
        what_zh="按金额计算的占比",
        what_en="the share computed from the amounts",
    )
    if found is not None:
        yield found

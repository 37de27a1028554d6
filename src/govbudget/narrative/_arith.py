"""Ratios of printed figures: every percentage the figures can give.

A printed figure stands for an interval ("481.40" is [481.395, 481.405]),
so a ratio of two printed figures is an interval too. A stated percentage
agrees with the figures when it is the rounding of some value in that
interval.
"""

from __future__ import annotations

from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

__all__ = ["percent_range", "rounded", "truncated"]

_HUNDRED = Decimal(100)


def percent_range(
    numerator: Decimal, numerator_half: Decimal, denominator: Decimal, denominator_half: Decimal
) -> tuple[Decimal, Decimal] | None:
    """The lowest and highest ``numerator / denominator × 100`` within rounding.

    Args:
        numerator: The numerator as printed.
        numerator_half: Its rounding radius.
        denominator: The denominator as printed.
        denominator_half: Its rounding radius.

    Returns:
        ``(low, high)``, or ``None`` when the denominator may be zero.

    >>> low, high = percent_range(Decimal("186.8"), Decimal("0.05"),
    ...                           Decimal("481.40"), Decimal("0.005"))
    >>> f"{low:.3f} {high:.3f}"
    '38.793 38.814'
    """
    low_d, high_d = denominator - denominator_half, denominator + denominator_half
    if low_d <= 0 <= high_d:
        return None
    corners = [
        n / d * _HUNDRED
        for n in (numerator - numerator_half, numerator + numerator_half)
        for d in (low_d, high_d)
    ]
    return min(corners), max(corners)


def rounded(value: Decimal, decimals: int) -> Decimal:
    """``value`` rounded half up to ``decimals`` places (the usual print rule)."""
    return value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def truncated(value: Decimal, decimals: int) -> Decimal:
    """``value`` cut (toward zero) to ``decimals`` places."""
    return value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_DOWN)

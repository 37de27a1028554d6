"""Rounding policies: when does a total disagree with its parts?

A printed figure stands for an interval: "16.0" is anything in
[15.95, 16.05]. The default :class:`IntervalPolicy` follows XBRL
Calculations 1.1: a total disagrees with the sum of its parts only when the
interval of the sum cannot meet the total's interval, so the slack is the
sum of every operand's half unit. :class:`ExactPolicy` allows no slack at
all; :class:`TolerancePolicy` allows a fixed amount whatever the precision.

>>> policy = IntervalPolicy()
>>> policy.slack([Decimal("0.005")] * 3)
Decimal('0.015')
>>> parse_policy("tolerance:0.05").name
'tolerance:0.05'
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal, InvalidOperation
from typing import Protocol

import attrs

from govbudget.errors import WrongTypeError

__all__ = [
    "ExactPolicy",
    "IntervalPolicy",
    "RoundingPolicy",
    "TolerancePolicy",
    "parse_policy",
]

_ZERO = Decimal(0)


class RoundingPolicy(Protocol):
    """How much two sides of an identity may differ before it is an error."""

    @property
    def name(self) -> str:
        """The policy's name, as reported with every finding."""

    def slack(self, half_units: Sequence[Decimal]) -> Decimal:
        """The allowed difference, given every operand's rounding radius."""


@attrs.frozen
class IntervalPolicy:
    """Interval arithmetic in the spirit of XBRL Calculations 1.1.

    The allowed difference is the sum of the half units of every figure
    involved, so it grows with the number of parts and shrinks with the
    printed precision.

    Attributes:
        zeros_exact: Count figures printed as zero as exactly zero (no
            radius). Tighter; right when zeros mean "nothing spent" rather
            than "less than half a unit".
    """

    zeros_exact: bool = False

    @property
    def name(self) -> str:
        return "interval-zeros-exact" if self.zeros_exact else "interval"

    def slack(self, half_units: Sequence[Decimal]) -> Decimal:
        return sum(half_units, _ZERO)


@attrs.frozen
class ExactPolicy:
    """No slack: any difference is an error."""

    @property
    def name(self) -> str:
        return "exact"

    def slack(self, half_units: Sequence[Decimal]) -> Decimal:
        return _ZERO


@attrs.frozen
class TolerancePolicy:
    """A fixed allowed difference, in the unit of the compared figures.

    Attributes:
        tolerance: The allowed absolute difference (e.g. 0.05 万元).
    """

    tolerance: Decimal = attrs.field()

    @tolerance.validator
    def _check(self, _: attrs.Attribute[Decimal], value: Decimal) -> None:
        if not isinstance(value, Decimal) or value < 0:
            raise WrongTypeError(value, "a non-negative Decimal tolerance")

    @property
    def name(self) -> str:
        return f"tolerance:{self.tolerance}"

    def slack(self, half_units: Sequence[Decimal]) -> Decimal:
        return self.tolerance


def parse_policy(text: str) -> IntervalPolicy | ExactPolicy | TolerancePolicy:
    """A policy from its name: ``interval``, ``interval-zeros-exact``,
    ``exact`` or ``tolerance:AMOUNT``.

    Raises:
        WrongTypeError: for an unknown name or a bad tolerance.
    """
    if not isinstance(text, str):
        raise WrongTypeError(text, "a policy name as a string")
    name = text.strip().lower()
    if name == "interval":
        return IntervalPolicy()
    if name == "interval-zeros-exact":
        return IntervalPolicy(zeros_exact=True)
    if name == "exact":
        return ExactPolicy()
    if name.startswith("tolerance:"):
        try:
            return TolerancePolicy(Decimal(name.split(":", 1)[1]))
        except InvalidOperation:
            pass
    raise WrongTypeError(
        text, "a policy: interval, interval-zeros-exact, exact or tolerance:AMOUNT"
    )

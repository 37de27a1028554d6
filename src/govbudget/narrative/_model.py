"""Claims: the figures a narrative section states, as data."""

from __future__ import annotations

import enum
from decimal import Decimal

import attrs

from govbudget.amounts import Amount, Percent
from govbudget.location import Location

__all__ = ["Claim", "ClaimKind", "ClaimLocation", "Count", "Direction", "Year"]


class ClaimKind(enum.Enum):
    """What a stated figure says."""

    AMOUNT = "amount"
    """An amount of a quantity (金额): "支出合计数为 666.10 万元"."""

    CHANGE = "change"
    """A change from last year (增减额): "增长 184.71 万元"."""

    RATE = "rate"
    """A rate of change (增长率): "增长率 38.37%"."""

    SHARE = "share"
    """A share of a whole (占比): "占政府采购支出总额的 98.29%"."""

    COMPLETION = "completion"
    """A completion rate against a budget (预算完成率): "完成年初预算的 95.20%"."""

    COUNT = "count"
    """A count of things (数量): "车辆 0 辆", "编制数 9 人"."""

    PERCENT = "percent"
    """A percentage the grammar cannot place."""


class Year(enum.Enum):
    """Which fiscal year a figure is about, relative to the disclosure."""

    THIS = "this"
    """The disclosure's own year (本年)."""

    PRIOR = "prior"
    """The year before (上年)."""

    OTHER = "other"
    """Any other year (a coming year's targets, an earlier year)."""


class Direction(enum.Enum):
    """The direction a change or rate is stated in."""

    UP = "up"
    """增长, 增加, 上升, 提高."""

    DOWN = "down"
    """减少, 下降, 降低."""

    FLAT = "flat"
    """持平."""


@attrs.frozen
class Count:
    """A count with its measure word: ``Count(0, "辆")``.

    Attributes:
        value: The number as printed (counts can be approximate: "6000 余次").
        measure: The measure word (量词) printed after it.
        approximate: True when "余", "多" or "左右" qualifies the number.
    """

    value: Decimal
    measure: str
    approximate: bool = False

    def __str__(self) -> str:
        return f"{'约' if self.approximate else ''}{self.value}{self.measure}"


@attrs.frozen
class ClaimLocation:
    """Where a claim stands in the document.

    Attributes:
        section: The section number as printed ("（一）").
        title: The section heading.
        sentence: The 1-based sentence of the section.
        start: The first character of the claim in the section text.
        end: One past its last character.
        line: The source line of the figure, when the section has a line;
            see :func:`govbudget.narrative.claims_in` for how exact it is.
    """

    section: str
    title: str
    sentence: int
    start: int
    end: int
    line: int | None = None

    def to_location(self) -> Location:
        """The location in the shape findings use."""
        return Location(
            table="narrative",
            row=self.section,
            label=self.title,
            column=f"chars {self.start}–{self.end}",
            line=self.line,
        )

    def __str__(self) -> str:
        line = f"line {self.line}, " if self.line is not None else ""
        return f"{self.section} {line}sentence {self.sentence}, chars {self.start}–{self.end}"


Value = Amount | Percent | Count


@attrs.frozen
class Claim:
    """One figure a narrative section states, with what it is about.

    Attributes:
        index: The claim's position in the list it was read into; other
            claims refer to it by this number.
        kind: Amount, change, rate, share, completion, count or percent.
        value: The figure as printed: an :class:`~govbudget.amounts.Amount`
            (in the unit the text names), a :class:`~govbudget.amounts.Percent`
            or a :class:`Count`.
        quantity: The id of the quantity it is bound to (see
            :data:`govbudget.narrative.QUANTITIES`), or ``None`` when the text
            names nothing the lexicon knows.
        name: The name the text gives, cleaned of years and filler words.
        year: This year, the prior year, or another.
        fiscal_year: The calendar year printed or implied, if known.
        text: The words of the claim as printed in the section.
        location: Where it stands.
        direction: For changes and rates: up, down or flat.
        subject: For rates, shares and completion rates, the index of the
            claim whose figure they qualify, if the sentence states one.
        parent: For a part of a breakdown (其中…), the index of the total.
        base: For shares, the quantity of the denominator; for completion
            rates, the budget quantity; for changes, ``"prior"`` or the
            budget quantity compared with.
    """

    index: int
    kind: ClaimKind
    value: Value
    quantity: str | None
    name: str
    year: Year
    fiscal_year: int | None
    text: str
    location: ClaimLocation
    direction: Direction | None = None
    subject: int | None = None
    parent: int | None = None
    base: str | None = None

    @property
    def bound(self) -> bool:
        """Whether the claim names a quantity the lexicon knows."""
        return self.quantity is not None

    @property
    def key(self) -> str | None:
        """What identifies the quantity across sentences: the bound id, or
        the cleaned name of an unbound claim (``None`` if it has no name)."""
        if self.quantity is not None:
            return self.quantity
        return f"name:{self.name}" if self.name else None

    @property
    def signed(self) -> Decimal:
        """The value with the sign its direction gives ("减少 3" is −3)."""
        number = self.value.value
        return -number if self.direction is Direction.DOWN else number

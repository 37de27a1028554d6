"""Amounts as printed: exact value, unit and printed precision.

A disclosure prints "16.0" or "16.00" or "924,289.71"; the three digits
after a figure are part of what it says. An :class:`Amount` keeps the exact
value in the unit it was printed in (元, 万元 or 亿元) together with its
precision, so that rounding-aware checks can reason about the interval a
figure stands for: ``16.0`` means anything in [15.95, 16.05].

A cell that is empty, or says "-", "—", "/" or "不适用", is a :class:`Blank`,
which is never zero.

>>> a = parse_amount("3.80")
>>> a.value, a.unit, a.decimals
(Decimal('3.80'), <Unit.WAN: '万元'>, 2)
>>> str(a.interval())
'[3.795, 3.805]'
>>> a.to(Unit.YUAN)
Amount('38000', unit='元', decimals=-2)
>>> parse_amount("—")
Blank('—')
"""

from __future__ import annotations

import enum
import itertools
import unicodedata
from decimal import Decimal, InvalidOperation

import attrs
from moneyed import Money

from govbudget.errors import AmountParseError, FloatNotAllowedError, WrongTypeError

__all__ = [
    "Amount",
    "Blank",
    "Cell",
    "Interval",
    "Percent",
    "Unit",
    "parse_amount",
    "to_decimal",
]


class Unit(enum.Enum):
    """The unit a table or figure is printed in (金额单位)."""

    YUAN = "元"
    WAN = "万元"
    YI = "亿元"

    @property
    def yuan(self) -> Decimal:
        """How many 元 one of this unit is."""
        return _YUAN_PER_UNIT[self]

    @property
    def exponent(self) -> int:
        """The power of ten of this unit in 元 (元 0, 万元 4, 亿元 8)."""
        return _EXPONENT[self]

    @classmethod
    def parse(cls, text: str) -> Unit:
        """Read a unit as printed: "万元", "单位：万元", "元", "yuan", "wan"…

        Raises:
            AmountParseError: if the text names no known unit.
        """
        if not isinstance(text, str):
            raise WrongTypeError(text, "a unit name as a string")
        cleaned = unicodedata.normalize("NFKC", text).replace(" ", "")
        for prefix in ("金额单位:", "单位:"):
            cleaned = cleaned.removeprefix(prefix)
        cleaned = cleaned.split("(")[0]
        unit = _UNIT_NAMES.get(cleaned.lower())
        if unit is None:
            raise AmountParseError(text, "a unit: 元, 万元 or 亿元")
        return unit


_EXPONENT = {Unit.YUAN: 0, Unit.WAN: 4, Unit.YI: 8}
_YUAN_PER_UNIT = {unit: Decimal(10) ** exp for unit, exp in _EXPONENT.items()}
_UNIT_NAMES = {
    "元": Unit.YUAN,
    "yuan": Unit.YUAN,
    "万元": Unit.WAN,
    "wan": Unit.WAN,
    "亿元": Unit.YI,
    "yi": Unit.YI,
}


MAX_DIGITS = 20
"""The most significant digits an amount may have. 10^18 元 is far beyond
any budget, and sums of many such figures stay exact in Decimal's default
28-digit context."""


def to_decimal(value: object, what: str = "an amount") -> Decimal:
    """Turn an exact number into a ``Decimal``, refusing floats.

    Accepts ``Decimal``, ``int`` (not ``bool``) and numeric strings.

    Raises:
        FloatNotAllowedError: for a ``float``.
        WrongTypeError: for any other type, or a string that is not a number.
    """
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, bool):
        raise WrongTypeError(value, f"{what} as a Decimal, int or numeric string")
    elif isinstance(value, int):
        result = Decimal(value)
    elif isinstance(value, float):
        raise FloatNotAllowedError(value, what)
    elif isinstance(value, str):
        try:
            result = Decimal(value.strip())
        except InvalidOperation:
            raise WrongTypeError(value, f"{what} as a numeric string") from None
    else:
        raise WrongTypeError(value, f"{what} as a Decimal, int or numeric string")
    if not result.is_finite():
        raise WrongTypeError(value, f"{what} as a finite number")
    if len(result.as_tuple().digits) > MAX_DIGITS:
        raise AmountParseError(
            str(value)[:60], f"{what} of at most {MAX_DIGITS} significant digits"
        )
    return result


@attrs.frozen
class Interval:
    """A closed interval of exact values, ``[low, high]``."""

    low: Decimal
    high: Decimal

    def __str__(self) -> str:
        return f"[{self.low}, {self.high}]"

    def __add__(self, other: Interval) -> Interval:
        return Interval(self.low + other.low, self.high + other.high)

    def __contains__(self, value: Decimal) -> bool:
        return self.low <= value <= self.high

    def meets(self, other: Interval) -> bool:
        """Whether the two intervals share at least one value."""
        return self.low <= other.high and other.low <= self.high

    def gap(self, other: Interval) -> Decimal:
        """The distance between the intervals, zero where they meet."""
        return max(Decimal(0), self.low - other.high, other.low - self.high)


def _to_value(value: object) -> Decimal:
    return to_decimal(value, "an amount's value")


def _check_decimals(instance: Amount, attribute: attrs.Attribute[int], decimals: int) -> None:
    if isinstance(decimals, bool) or not isinstance(decimals, int):
        raise WrongTypeError(decimals, "decimals as an int")


@attrs.frozen(repr=False)
class Amount:
    """An amount of money as printed: exact value, unit and precision.

    Attributes:
        value: The printed value in ``unit``, as ``Decimal``, ``int`` or a
            numeric string. Floats are refused.
        unit: The unit the value was printed in; 万元 by default, as in
            most disclosure tables.
        decimals: How many digits were printed after the decimal point.
            Negative when the figure is a multiple of a power of ten (an
            amount in 万元 converted to 元 has ``decimals`` of -2 at most).
            Defaults to the digits ``value`` carries.

    Raises:
        FloatNotAllowedError: if ``value`` is a float.
        WrongTypeError: if ``value`` is not a number.
        AmountParseError: if ``value`` has more digits than ``decimals``.

    >>> Amount("16.0") == Amount("16.00")
    False
    >>> Amount("16.0").money
    Money('160000.0', 'CNY')
    """

    value: Decimal = attrs.field(converter=_to_value)
    unit: Unit = attrs.field(default=Unit.WAN, validator=attrs.validators.instance_of(Unit))
    decimals: int = attrs.field(validator=_check_decimals)

    @decimals.default
    def _decimals_of_value(self) -> int:
        exponent = self.value.as_tuple().exponent
        assert isinstance(exponent, int)  # finite values only, checked above
        return -exponent

    def __attrs_post_init__(self) -> None:
        # Store the value with exactly its printed digits, so that equal
        # amounts have equal representations and str() gives the print form.
        step = Decimal(1).scaleb(-max(self.decimals, 0))
        quantized = self.value.quantize(step)
        multiple = Decimal(1).scaleb(-self.decimals)
        if quantized != self.value or (self.decimals < 0 and quantized % multiple != 0):
            raise AmountParseError(
                str(self.value),
                f"at most {self.decimals} decimals"
                if self.decimals >= 0
                else f"a multiple of {multiple}",
            )
        object.__setattr__(self, "value", quantized)

    def __repr__(self) -> str:
        return f"Amount({str(self.value)!r}, unit={self.unit.value!r}, decimals={self.decimals})"

    def __str__(self) -> str:
        return self.format()

    is_blank = False

    @property
    def money(self) -> Money:
        """The amount as py-moneyed ``Money`` in 元 (CNY)."""
        return Money(self.yuan, "CNY")

    @property
    def yuan(self) -> Decimal:
        """The exact value in 元."""
        return self.value * self.unit.yuan

    @property
    def half_unit(self) -> Decimal:
        """Half a unit in the last printed digit: the rounding radius."""
        return Decimal(5).scaleb(-self.decimals - 1)

    def interval(self) -> Interval:
        """Every value, in this amount's unit, that prints as this amount.

        >>> str(Amount("16.0").interval())
        '[15.95, 16.05]'
        """
        return Interval(self.value - self.half_unit, self.value + self.half_unit)

    def to(self, unit: Unit) -> Amount:
        """The same amount in another unit; value and precision stay exact.

        >>> Amount("0.20").to(Unit.YUAN).to(Unit.WAN)
        Amount('0.20', unit='万元', decimals=2)
        """
        shift = self.unit.exponent - unit.exponent
        decimals = self.decimals - shift
        value = self.value.scaleb(shift).quantize(Decimal(1).scaleb(-max(decimals, 0)))
        return Amount(value, unit, decimals)

    def format(self, *, grouping: bool = False) -> str:
        """The amount as a table prints it, optionally with thousands separators.

        >>> Amount("924289.71").format(grouping=True)
        '924,289.71'
        """
        if grouping:
            return f"{self.value:,}"
        return str(self.value)

    @classmethod
    def from_money(cls, money: Money, unit: Unit = Unit.WAN, decimals: int = 2) -> Amount:
        """An amount from py-moneyed ``Money`` in CNY, expressed in ``unit``.

        Raises:
            WrongTypeError: if ``money`` is not ``Money`` in CNY.
            AmountParseError: if the money has more digits than ``decimals``.
        """
        if not isinstance(money, Money) or money.currency.code != "CNY":
            raise WrongTypeError(money, "Money in CNY")
        return cls(money.amount.scaleb(-unit.exponent), unit, decimals)


@attrs.frozen(repr=False)
class Blank:
    """A cell with no figure: empty, "-", "—", "/" or "不适用".

    A blank is not zero. It keeps the text it was printed with.
    """

    text: str = ""

    is_blank = True

    def __repr__(self) -> str:
        return f"Blank({self.text!r})"

    def __str__(self) -> str:
        return self.text


Cell = Amount | Blank
"""What a table cell holds: a printed amount or a blank."""

_BLANK_TEXTS = frozenset({"", "-", "--", "—", "——", "–", "/", "不适用", "无"})
_DASHES = {"\u2212": "-", "\u2010": "-", "\u2011": "-", "\uff0d": "-"}
_SUFFIXES = (("亿元", Unit.YI), ("万元", Unit.WAN), ("元", Unit.YUAN))


def parse_amount(text: str, unit: Unit = Unit.WAN) -> Amount | Blank:
    """Read a printed figure.

    Accepts thousands separators, full-width digits and punctuation, a
    leading sign or parentheses for negatives, surrounding spaces, and a
    unit word after the number ("300 万元"), which overrides ``unit``.

    Args:
        text: The figure as printed.
        unit: The unit of the table the figure stands in.

    Returns:
        An :class:`Amount`, or a :class:`Blank` for "", "-", "—", "/",
        "不适用".

    Raises:
        AmountParseError: if the text is not a figure, with a caret under
            the first character that could not be read.
        WrongTypeError: if ``text`` is not a string (floats included).

    >>> parse_amount("（1,234.50）")
    Amount('-1234.50', unit='万元', decimals=2)
    >>> parse_amount("３００ 万元")
    Amount('300', unit='万元', decimals=0)
    """
    if not isinstance(text, str):
        if isinstance(text, float):
            raise FloatNotAllowedError(text, "a printed figure")
        raise WrongTypeError(text, "a printed figure as a string")

    chars, offsets = _normalise(text)
    if "".join(chars) in _BLANK_TEXTS:
        return Blank(text.strip())

    for suffix, suffix_unit in _SUFFIXES:
        if "".join(chars[-len(suffix) :]) == suffix:
            del chars[-len(suffix) :], offsets[-len(suffix) :]
            unit = suffix_unit
            break

    value = _read_number(text, chars, offsets)
    return Amount(value, unit)


def _normalise(text: str) -> tuple[list[str], list[int]]:
    """Characters of ``text`` in half-width form, without spaces.

    Returns the characters with the offset each came from in ``text``, so
    that errors can point at the original input.
    """
    chars: list[str] = []
    offsets: list[int] = []
    for offset, raw in enumerate(text):
        char = _DASHES.get(raw) or unicodedata.normalize("NFKC", raw)
        if char.isspace() or not char:
            continue
        chars.append(char)
        offsets.append(offset)
    return chars, offsets


def _read_number(text: str, chars: list[str], offsets: list[int]) -> Decimal:
    """Read sign, digits, separators and fraction from normalised characters."""
    if not chars:
        raise AmountParseError(text, "a number")

    # Parentheses around a figure mark it negative, as accountants print it.
    negative = False
    body = chars
    if chars[0] == "(":
        if chars[-1] != ")":
            raise _fail_at(text, offsets, len(chars), "a closing parenthesis")
        negative, body, offsets = True, chars[1:-1], offsets[1:-1]
    elif chars[0] in "+-":
        negative, body, offsets = chars[0] == "-", chars[1:], offsets[1:]

    whole: list[str] = []
    group_sizes: list[int] = []
    index = 0
    while index < len(body) and (body[index].isdigit() or body[index] == ","):
        if body[index] == ",":
            group_sizes.append(len(whole))
        elif body[index].isascii():
            whole.append(body[index])
        else:
            raise _fail_at(text, offsets, index, "an ASCII or full-width digit")
        index += 1
    if not whole:
        raise _fail_at(text, offsets, index, "a digit")
    _check_groups(text, offsets, group_sizes, len(whole))

    fraction: list[str] = []
    if index < len(body) and body[index] == ".":
        index += 1
        while index < len(body) and body[index].isdigit() and body[index].isascii():
            fraction.append(body[index])
            index += 1
        if not fraction:
            raise _fail_at(text, offsets, index, "a digit after the decimal point")
    if index < len(body):
        raise _fail_at(text, offsets, index, "a digit, ',' or '.'")

    digits = "".join(whole) + ("." + "".join(fraction) if fraction else "")
    if len(whole) + len(fraction) > MAX_DIGITS:
        raise AmountParseError(text, f"at most {MAX_DIGITS} digits")
    return Decimal(("-" if negative else "") + digits)


def _fail_at(text: str, offsets: list[int], index: int, expected: str) -> AmountParseError:
    start = offsets[index] if index < len(offsets) else len(text)
    return AmountParseError(text, expected, start=start)


def _check_groups(text: str, offsets: list[int], positions: list[int], total: int) -> None:
    """Thousands separators must split the integer digits into groups of three."""
    if not positions:
        return
    marks = [*positions, total]
    first = marks[0]
    sizes = [b - a for a, b in itertools.pairwise(marks)]
    if not 1 <= first <= 3 or any(size != 3 for size in sizes):
        raise AmountParseError(text, "thousands separators every three digits")


def _to_percent_value(value: object) -> Decimal:
    return to_decimal(value, "a percentage")


@attrs.frozen(repr=False)
class Percent:
    """A percentage as printed: "98.29%" is ``Percent(Decimal("98.29"))``.

    Like :class:`Amount`, it keeps its printed decimals, so that
    ``Percent("38.80") != Percent("38.8")``.
    """

    value: Decimal = attrs.field(converter=_to_percent_value)

    @property
    def decimals(self) -> int:
        """Digits printed after the decimal point."""
        exponent = self.value.as_tuple().exponent
        assert isinstance(exponent, int)
        return max(0, -exponent)

    @property
    def half_unit(self) -> Decimal:
        """Half a unit in the last printed digit, in percentage points."""
        return Decimal(5).scaleb(-self.decimals - 1)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Percent):
            return NotImplemented
        return (self.value, self.decimals) == (other.value, other.decimals)

    def __hash__(self) -> int:
        return hash((self.value, self.decimals))

    def __repr__(self) -> str:
        return f"Percent({str(self.value)!r})"

    def __str__(self) -> str:
        return f"{self.value}%"

    @classmethod
    def parse(cls, text: str) -> Percent:
        """Read "98.29%", "98.29 ％" or "98.29".

        Raises:
            AmountParseError: if the text is not a percentage.
        """
        if not isinstance(text, str):
            raise WrongTypeError(text, "a percentage as a string")
        chars, offsets = _normalise(text)
        if chars[-1:] == ["%"]:
            chars, offsets = chars[:-1], offsets[:-1]
        return cls(_read_number(text, chars, offsets))

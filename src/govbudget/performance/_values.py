"""Indicator values (指标值): the short targets printed in performance forms.

A target is an operator, a number and a unit (``≥80%``, ``≤60 套``), a bare
number (``5561``), a range (``80%-90%``), a qualitative phrase
(``达到预期``), or ``不适用`` (not applicable). :meth:`IndicatorValue.parse`
reads all of them into one object with a normalised ``str()``, in the way
packaging reads version specifiers.

>>> v = IndicatorValue.parse("≥ 80 ％")
>>> v.operator, v.number, v.unit
(<Operator.GE: '≥'>, Decimal('80'), '%')
>>> str(v)
'≥80%'
>>> v.is_met_by("85%")
True
>>> str(IndicatorValue.parse("≤60 套"))
'≤60套'
"""

from __future__ import annotations

import enum
import re
import unicodedata
from decimal import Decimal

import attrs

from govbudget.amounts import to_decimal
from govbudget.errors import (
    FloatNotAllowedError,
    GovBudgetError,
    ParseError,
    UnitMismatchError,
    WrongTypeError,
)

__all__ = [
    "Completion",
    "IndicatorValue",
    "IndicatorValueError",
    "Operator",
    "ValueKind",
    "completion_of",
]

MAX_LENGTH = 500
"""The longest text :meth:`IndicatorValue.parse` reads, in characters."""


class IndicatorValueError(ParseError):
    """An indicator value (指标值) that follows none of the accepted forms."""

    what = "indicator value"


class ValueKind(enum.Enum):
    """What kind of target a value states (指标值类型)."""

    QUANTITATIVE = "定量"
    """A number, with an operator and a unit where printed (定量)."""

    QUALITATIVE = "定性"
    """A phrase such as 达到预期 or 效果明显 (定性)."""

    NOT_APPLICABLE = "不适用"
    """The row does not apply to this project (不适用)."""


class Operator(enum.Enum):
    """How a quantitative target compares with what is achieved (指标性质)."""

    EQ = "="
    GE = "≥"
    LE = "≤"
    GT = ">"
    LT = "<"
    RANGE = "-"
    """Between two bounds, both included (``80%-90%``, ``80~90``)."""

    @classmethod
    def parse(cls, text: str) -> Operator | None:
        """Read an operator given in its own column (指标性质).

        Accepts ASCII, full-width and word forms (``>=``, ``＞＝``, ``≧``,
        ``大于等于``, ``不低于``). An empty cell, ``-`` or ``/`` gives ``None``.

        Raises:
            IndicatorValueError: if the text is not an operator.
            WrongTypeError: if ``text`` is not a string.

        >>> Operator.parse("＞＝")
        <Operator.GE: '≥'>
        >>> Operator.parse("") is None
        True
        """
        if not isinstance(text, str):
            raise _type_error(text, "an operator as a string")
        cleaned = _normalise_text(text).replace(" ", "")
        if cleaned in {"", "-", "/", "—", "无"}:
            return None
        operator = _SYMBOL_OPERATORS.get(cleaned) or _WORD_OPERATORS.get(cleaned)
        if operator is None:
            raise IndicatorValueError(text, "an operator: =, ≥, ≤, > or <", start=0)
        return operator


class Completion(enum.Enum):
    """How far a completion value (完成情况) says a target was reached."""

    COMPLETE = "完成"
    PARTIAL = "部分完成"
    NOT_COMPLETE = "未完成"
    UNKNOWN = "?"
    """Text that says neither; kept as printed elsewhere."""


_COMPLETE_WORDS = frozenset(
    {
        "完成",
        "已完成",
        "全部完成",
        "达成",
        "已达成",
        "达到",
        "已达到",
        "达标",
        "是",
        "达成预期指标",
        "达到预期",
        "达到预期目标",
        "达成预期",
        "完成目标",
    }
)
_PARTIAL_WORDS = frozenset({"部分完成", "部分达成", "基本完成", "基本达成", "部分达到"})
_NOT_WORDS = frozenset({"未完成", "未达成", "未达到", "否", "没有完成"})


def completion_of(text: str) -> Completion:
    """Classify a completion phrase (完成情况) such as 已完成 or 部分完成.

    >>> completion_of("部分完成")
    <Completion.PARTIAL: '部分完成'>
    >>> completion_of("按计划推进")
    <Completion.UNKNOWN: '?'>
    """
    if not isinstance(text, str):
        raise _type_error(text, "a completion phrase as a string")
    cleaned = _normalise_text(text).replace(" ", "").rstrip("。.")
    if cleaned in _PARTIAL_WORDS:
        return Completion.PARTIAL
    if cleaned in _NOT_WORDS:
        return Completion.NOT_COMPLETE
    if cleaned in _COMPLETE_WORDS:
        return Completion.COMPLETE
    return Completion.UNKNOWN


# Characters NFKC leaves alone but forms print as comparison signs.
_CHAR_MAP = {
    "≧": "≥",
    "≦": "≤",
    "〉": ">",
    "〈": "<",
    "》": ">",
    "《": "<",
    "≮": "≥",
    "≯": "≤",
    "⩾": "≥",
    "⩽": "≤",
    "\u2212": "-",
    "\u2010": "-",
    "\u2011": "-",
    "\u2013": "-",
    "\u2014": "-",
    "\u2015": "-",
    "\uff5e": "~",
    "\u301c": "~",
    "㎡": "㎡",
    "²": "²",
    "³": "³",
}
_SYMBOL_OPERATORS = {
    "=": Operator.EQ,
    "==": Operator.EQ,
    "≥": Operator.GE,
    ">=": Operator.GE,
    "≥=": Operator.GE,
    "=>": Operator.GE,
    "≤": Operator.LE,
    "<=": Operator.LE,
    "≤=": Operator.LE,
    "=<": Operator.LE,
    ">": Operator.GT,
    "<": Operator.LT,
}
_WORD_OPERATORS = {
    "大于等于": Operator.GE,
    "不低于": Operator.GE,
    "不少于": Operator.GE,
    "不小于": Operator.GE,
    "小于等于": Operator.LE,
    "不高于": Operator.LE,
    "不超过": Operator.LE,
    "不多于": Operator.LE,
    "不大于": Operator.LE,
    "大于": Operator.GT,
    "高于": Operator.GT,
    "多于": Operator.GT,
    "小于": Operator.LT,
    "低于": Operator.LT,
    "少于": Operator.LT,
    "等于": Operator.EQ,
}
_SUFFIX_OPERATORS = (
    ("及以上", Operator.GE),
    ("以上", Operator.GE),
    ("及以下", Operator.LE),
    ("以下", Operator.LE),
    ("以内", Operator.LE),
)
_NOT_APPLICABLE = frozenset({"不适用", "不涉及", "/", "-", "—", "——", "--"})
_BLANK_UNITS = frozenset({"", "-", "/", "—", "无"})
_UNIT_ALIASES = {"百分比": "%", "百分率": "%", "平米": "平方米"}
_ASCII_UNITS = frozenset(
    {"%", "‰", "km", "m", "m²", "m³", "km²", "kg", "t", "h", "kW", "MW", "GB", "TB"}
)
_TIME_UNITS = frozenset(
    {"年", "个月", "月", "周", "天", "日", "工作日", "个工作日", "小时", "分钟"}
)
_RANGE_SEPARATORS = frozenset({"-", "~", "至", "到"})
_OPERATOR_CHARS = frozenset("=≥≤<>")
_WHITESPACE = re.compile(r"\s+")


def _type_error(value: object, expected: str) -> GovBudgetError:
    if isinstance(value, float):
        return FloatNotAllowedError(value, "an indicator value")
    return WrongTypeError(value, expected)


def _normalise_char(char: str) -> str:
    return _CHAR_MAP.get(char) or unicodedata.normalize("NFKC", char)


def _normalise_text(text: str) -> str:
    return "".join(_normalise_char(char) for char in text).strip()


def _is_cjk(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff" or "\u3400" <= char <= "\u4dbf"


def _valid_unit(unit: str) -> bool:
    """A unit is a known short symbol or a short run of Chinese characters."""
    if unit in _ASCII_UNITS or unit == "㎡":
        return True
    return 0 < len(unit) <= 5 and all(_is_cjk(char) for char in unit)


def _normal_unit(unit: str | None) -> str | None:
    if unit is None:
        return None
    cleaned = _normalise_text(unit).replace(" ", "")
    if cleaned in _BLANK_UNITS:
        return None
    return _UNIT_ALIASES.get(cleaned, cleaned)


def _format_number(number: Decimal) -> str:
    return format(number, "f")


@attrs.frozen(repr=False)
class IndicatorValue:
    """A target (指标值) or a completion value (实际完成值), as one object.

    Build values with :meth:`parse` or the factories :meth:`quantitative`,
    :meth:`between`, :meth:`qualitative` and :meth:`not_applicable`; they
    keep the invariant ``IndicatorValue.parse(str(v)) == v``.

    Attributes:
        kind: Quantitative (定量), qualitative (定性) or not applicable.
        operator: The comparison, ``None`` for a bare number.
        number: The number, or the lower bound of a range.
        upper: The upper bound of a range, else ``None``.
        unit: The unit as printed (``%``, ``套``, ``万元``, ``年``), with
            ``百分比`` read as ``%``; ``None`` if none was printed.
        text: The phrase of a qualitative value, whitespace collapsed.
    """

    kind: ValueKind
    operator: Operator | None = None
    number: Decimal | None = None
    upper: Decimal | None = None
    unit: str | None = None
    text: str | None = None

    def __repr__(self) -> str:
        return f"IndicatorValue.parse({str(self)!r})"

    def __str__(self) -> str:
        if self.kind is ValueKind.NOT_APPLICABLE:
            return "不适用"
        if self.kind is ValueKind.QUALITATIVE:
            return self.text or ""
        unit = self.unit or ""
        assert self.number is not None
        number = _format_number(self.number)
        if self.operator is Operator.RANGE:
            assert self.upper is not None
            return f"{number}{unit}-{_format_number(self.upper)}{unit}"
        sign = self.operator.value if self.operator is not None else ""
        return f"{sign}{number}{unit}"

    @property
    def is_quantitative(self) -> bool:
        """Whether the value is a number (定量)."""
        return self.kind is ValueKind.QUANTITATIVE

    @property
    def is_not_applicable(self) -> bool:
        """Whether the value says 不适用."""
        return self.kind is ValueKind.NOT_APPLICABLE

    @property
    def direction(self) -> Operator | None:
        """The operator scoring and :meth:`is_met_by` use.

        A printed operator wins. A bare number with a time unit (年, 月,
        天, 工作日 …) is read as an upper limit (``≤``); any other bare number
        as a lower limit (``≥``). This reading is a convention, not a rule
        printed on the forms.

        >>> IndicatorValue.parse("1 年").direction
        <Operator.LE: '≤'>
        >>> IndicatorValue.parse("5561").direction
        <Operator.GE: '≥'>
        """
        if self.kind is not ValueKind.QUANTITATIVE:
            return None
        if self.operator is not None:
            return self.operator
        return Operator.LE if self.unit in _TIME_UNITS else Operator.GE

    # -- construction -------------------------------------------------------

    @classmethod
    def not_applicable(cls) -> IndicatorValue:
        """The value 不适用."""
        return cls(ValueKind.NOT_APPLICABLE)

    @classmethod
    def quantitative(
        cls,
        number: Decimal | int | str,
        operator: Operator | None = None,
        unit: str | None = None,
    ) -> IndicatorValue:
        """A number with an optional operator and unit.

        Raises:
            IndicatorValueError: if the unit is not a short unit word.
            FloatNotAllowedError: if ``number`` is a float.

        >>> str(IndicatorValue.quantitative(50, Operator.GE, "个"))
        '≥50个'
        """
        value = _plain(to_decimal(number, "an indicator number"))
        if operator is Operator.RANGE:
            raise IndicatorValueError(str(operator), "a comparison; use between() for ranges")
        return cls(ValueKind.QUANTITATIVE, operator, value, None, _checked_unit(unit))

    @classmethod
    def between(
        cls, low: Decimal | int | str, high: Decimal | int | str, unit: str | None = None
    ) -> IndicatorValue:
        """A range with both bounds included (``80%-90%``).

        Raises:
            IndicatorValueError: if ``low`` is above ``high`` or the unit is bad.

        >>> str(IndicatorValue.between(80, 90, "%"))
        '80%-90%'
        """
        lower = _plain(to_decimal(low, "a range bound"))
        upper = _plain(to_decimal(high, "a range bound"))
        if lower > upper:
            raise IndicatorValueError(f"{lower}-{upper}", "a range whose low end comes first")
        return cls(ValueKind.QUANTITATIVE, Operator.RANGE, lower, upper, _checked_unit(unit))

    @classmethod
    def qualitative(cls, text: str) -> IndicatorValue:
        """A qualitative target or completion phrase (定性), e.g. 达到预期.

        Raises:
            IndicatorValueError: if the text would read as a number or as
                不适用, or is not Chinese text.
        """
        value = cls.parse(text)
        if value.kind is not ValueKind.QUALITATIVE:
            raise IndicatorValueError(text, "a phrase, not a number or 不适用", start=0)
        return value

    @classmethod
    def parse(
        cls, text: str, *, operator: str | None = None, unit: str | None = None
    ) -> IndicatorValue:
        """Read an indicator value as printed.

        Args:
            text: The 指标值 cell: ``≥80%``, ``≤60 套``, ``=100%``, ``5561``,
                ``1 年``, ``80%-90%``, ``80~90``, ``达到预期``, ``不适用`` …
                ASCII and full-width signs (``>=``, ``＞＝``, ``≧``, ``〉``)
                and words (``不低于``, ``以上``) are accepted.
            operator: The operator when a form prints it in its own column
                (指标性质); it must agree with one in ``text``.
            unit: The unit when a form prints it in its own column
                (计量单位/度量单位); it must agree with one in ``text``.

        Returns:
            The value, normalised.

        Raises:
            IndicatorValueError: if the text follows no accepted form; the
                message shows the text with a caret under the bad part.
            WrongTypeError: if ``text`` is not a string.
            FloatNotAllowedError: if ``text`` is a float.

        >>> str(IndicatorValue.parse("100", operator=">=", unit="百分比"))
        '≥100%'
        >>> try:
        ...     IndicatorValue.parse("≥8O%")
        ... except IndicatorValueError as error:
        ...     print(error)
        cannot read indicator value '≥8O%': expected a unit such as %, 套 or 万元
            ≥8O%
              ^^
        """
        if not isinstance(text, str):
            raise _type_error(text, "an indicator value as a string")
        if len(text) > MAX_LENGTH:
            raise IndicatorValueError(text, f"at most {MAX_LENGTH} characters", start=MAX_LENGTH)
        side_operator = _side_operator(operator)
        side_unit = _side_unit(unit)

        value = _Reader(text).read()

        if value.kind is ValueKind.NOT_APPLICABLE:
            return value
        if value.kind is ValueKind.QUALITATIVE:
            if side_operator is not None or side_unit is not None:
                raise IndicatorValueError(text, "a number to go with the operator or unit", start=0)
            return value
        return _merge_columns(text, value, side_operator, side_unit)

    # -- comparison ---------------------------------------------------------

    def is_met_by(self, actual: IndicatorValue | Decimal | int | str) -> bool:
        """Whether an achieved value (实际完成值) meets this target.

        Args:
            actual: A number, a value, or text such as ``"95%"``, ``"已完成"``
                or ``"部分完成"``.

        Returns:
            For a not-applicable target, always ``True``. For a qualitative
            target, whether ``actual`` is a completion word (已完成, 达成预期指标)
            or the same phrase. For a quantitative target, whether the number
            satisfies the operator (see :attr:`direction` for bare numbers);
            a completion word counts as met, 部分完成 as not met.

        Raises:
            IndicatorValueError: if ``actual`` cannot be read, or is a phrase
                that says nothing about a numeric target.
            UnitMismatchError: if both carry units and the units differ.

        >>> IndicatorValue.parse("≤5%").is_met_by(Decimal("3.2"))
        True
        >>> IndicatorValue.parse("达到预期").is_met_by("已完成")
        True
        """
        achieved = _as_value(actual)
        if self.kind is ValueKind.NOT_APPLICABLE:
            return True
        if achieved.kind is ValueKind.NOT_APPLICABLE:
            return False
        if achieved.kind is ValueKind.QUALITATIVE:
            assert achieved.text is not None
            status = completion_of(achieved.text)
            if status is not Completion.UNKNOWN:
                return status is Completion.COMPLETE
            if self.kind is ValueKind.QUALITATIVE:
                return achieved.text == self.text
            raise IndicatorValueError(achieved.text, "a number or a completion word", start=0)
        if self.kind is ValueKind.QUALITATIVE:
            return False
        number = self.achieved_number(achieved)
        return _compare(self, number)

    def achieved_number(self, actual: IndicatorValue) -> Decimal:
        """The number of a quantitative ``actual``, checked against this unit.

        Raises:
            UnitMismatchError: if both carry units and the units differ.
            IndicatorValueError: if ``actual`` is not a single number.
        """
        if actual.kind is not ValueKind.QUANTITATIVE or actual.operator is Operator.RANGE:
            raise IndicatorValueError(str(actual), "a single achieved number", start=0)
        if actual.unit is not None and self.unit is not None and actual.unit != self.unit:
            raise UnitMismatchError(self.unit, actual.unit)
        assert actual.number is not None
        return actual.number


def _plain(number: Decimal) -> Decimal:
    """The number without an exponent, so that ``str()`` prints plain digits."""
    exponent = number.as_tuple().exponent
    assert isinstance(exponent, int)
    return number.quantize(Decimal(1)) if exponent > 0 else number


def _checked_unit(unit: str | None) -> str | None:
    if unit is not None and not isinstance(unit, str):
        raise _type_error(unit, "a unit as a string")
    normal = _normal_unit(unit)
    if normal is not None and not _valid_unit(normal):
        raise IndicatorValueError(unit, "a unit such as %, 套 or 万元", start=0)
    return normal


def _side_operator(operator: str | None) -> Operator | None:
    if operator is None:
        return None
    return Operator.parse(operator)


def _side_unit(unit: str | None) -> str | None:
    if unit is None:
        return None
    return _checked_unit(unit)


def _merge_columns(
    text: str, value: IndicatorValue, operator: Operator | None, unit: str | None
) -> IndicatorValue:
    """Combine a value with an operator and a unit printed in their own columns."""
    if operator is not None:
        if value.operator is Operator.RANGE:
            raise IndicatorValueError(text, "a single number when an operator column is given")
        if value.operator is not None and value.operator is not operator:
            raise IndicatorValueError(
                text, f"the operator {operator.value} given in its own column", start=0
            )
        value = attrs.evolve(value, operator=operator)
    if unit is not None:
        if value.unit is not None and value.unit != unit:
            raise IndicatorValueError(text, f"the unit {unit} given in its own column")
        value = attrs.evolve(value, unit=unit)
    return value


def _as_value(actual: object) -> IndicatorValue:
    if isinstance(actual, IndicatorValue):
        return actual
    if isinstance(actual, str):
        return IndicatorValue.parse(actual)
    if isinstance(actual, (Decimal, int)) and not isinstance(actual, bool):
        return IndicatorValue.quantitative(actual)
    raise _type_error(actual, "an achieved value: IndicatorValue, Decimal, int or text")


def _compare(target: IndicatorValue, number: Decimal) -> bool:
    assert target.number is not None
    direction = target.direction
    if direction is Operator.RANGE:
        assert target.upper is not None
        return target.number <= number <= target.upper
    if direction is Operator.GE:
        return number >= target.number
    if direction is Operator.LE:
        return number <= target.number
    if direction is Operator.GT:
        return number > target.number
    if direction is Operator.LT:
        return number < target.number
    return number == target.number


class _Reader:
    """A one-pass reader over the normalised characters of one value."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.chars: list[str] = []
        self.offsets: list[int] = []
        for offset, raw in enumerate(text):
            for char in _normalise_char(raw):
                self.chars.append(char)
                self.offsets.append(offset)
        self.pos = 0

    # -- helpers --------------------------------------------------------------

    def fail(self, expected: str, end: int | None = None) -> IndicatorValueError:
        start = self.offsets[self.pos] if self.pos < len(self.offsets) else len(self.text)
        stop = self.offsets[end - 1] + 1 if end is not None and end > self.pos else None
        return IndicatorValueError(self.text, expected, start=start, end=stop)

    def peek(self, count: int = 1) -> str:
        return "".join(self.chars[self.pos : self.pos + count])

    def skip_spaces(self) -> None:
        while self.pos < len(self.chars) and self.chars[self.pos].isspace():
            self.pos += 1

    def at_end(self) -> bool:
        self.skip_spaces()
        return self.pos >= len(self.chars)

    def at_number(self) -> bool:
        char = self.peek()
        if char in "+-":
            return self.peek(2)[1:].isdigit() and self.peek(2)[1:].isascii()
        return char.isdigit() and char.isascii()

    # -- grammar --------------------------------------------------------------

    def read(self) -> IndicatorValue:
        whole = "".join(self.chars).strip()
        if whole in _NOT_APPLICABLE:
            return IndicatorValue.not_applicable()
        if not whole:
            raise IndicatorValueError(self.text, "an indicator value, not an empty cell")
        bad = [
            i
            for i, c in enumerate(self.chars)
            if unicodedata.category(c)[0] == "C" and not c.isspace()
        ]
        if bad:
            self.pos = bad[0]
            raise self.fail("printable text")

        self.skip_spaces()
        operator = self.read_operator()
        self.skip_spaces()
        if operator is None and not self.at_number():
            return self.read_phrase()

        start = self.pos
        try:
            return self.read_quantity(operator)
        except IndicatorValueError:
            # A phrase that opens with a number ("2019年12月前完成") is
            # qualitative; with an explicit operator it is a bad number.
            if operator is None and any(_is_cjk(char) for char in whole):
                self.pos = start
                return self.read_phrase()
            raise

    def read_operator(self) -> Operator | None:
        for length in (2, 1):
            symbol = self.peek(length)
            if len(symbol) == length and symbol in _SYMBOL_OPERATORS:
                self.pos += length
                return _SYMBOL_OPERATORS[symbol]
        for word, operator in sorted(_WORD_OPERATORS.items(), key=lambda item: -len(item[0])):
            if self.peek(len(word)) == word:
                saved = self.pos
                self.pos += len(word)
                self.skip_spaces()
                if self.at_number():
                    return operator
                self.pos = saved
        return None

    def read_phrase(self) -> IndicatorValue:
        phrase = _WHITESPACE.sub(" ", "".join(self.chars[self.pos :])).strip()
        if not any(_is_cjk(char) for char in phrase):
            raise self.fail("an operator, a number, 不适用 or a Chinese phrase")
        if phrase[0] in _OPERATOR_CHARS:
            raise self.fail("a number after the operator")
        return IndicatorValue(ValueKind.QUALITATIVE, text=phrase)

    def read_number(self) -> Decimal:
        start = self.pos
        if self.peek() in "+-":
            self.pos += 1
        digits: list[str] = []
        while self.pos < len(self.chars):
            char = self.chars[self.pos]
            if char.isdigit() and char.isascii():
                digits.append(char)
            elif char == "," and digits and self.peek(4)[1:].isdigit():
                pass
            else:
                break
            self.pos += 1
        if not digits:
            raise self.fail("a number")
        if self.peek() == ".":
            self.pos += 1
            if not (self.peek().isdigit() and self.peek().isascii()):
                raise self.fail("a digit after the decimal point")
            while self.peek().isdigit() and self.peek().isascii():
                self.pos += 1
        literal = "".join(self.chars[start : self.pos]).replace(",", "")
        return Decimal(literal)

    def read_unit(self) -> tuple[str, Operator | None, int]:
        """Read the unit run after a number; a trailing 以上/以下 is an operator."""
        self.skip_spaces()
        start = self.pos
        while self.pos < len(self.chars):
            char = self.chars[self.pos]
            if (char.isdigit() and char.isascii()) or char in _RANGE_SEPARATORS:
                break
            if char in _OPERATOR_CHARS or char in ".,+":
                break
            self.pos += 1
        run = "".join(self.chars[start : self.pos]).strip()
        suffix_operator = None
        for suffix, operator in _SUFFIX_OPERATORS:
            if run.endswith(suffix):
                run, suffix_operator = run[: -len(suffix)].strip(), operator
                break
        return run, suffix_operator, start

    def checked_unit(self, run: str, start: int) -> str | None:
        unit = _UNIT_ALIASES.get(run.replace(" ", ""), run.replace(" ", ""))
        if not unit:
            return None
        if not _valid_unit(unit):
            saved, self.pos = self.pos, start
            error = self.fail("a unit such as %, 套 or 万元", end=saved)
            self.pos = saved
            raise error
        return unit

    def read_quantity(self, operator: Operator | None) -> IndicatorValue:
        low = self.read_number()
        run, suffix_operator, unit_start = self.read_unit()
        unit = self.checked_unit(run, unit_start)

        self.skip_spaces()
        if self.peek() in _RANGE_SEPARATORS and self.pos < len(self.chars):
            if operator is not None or suffix_operator is not None:
                raise self.fail("the end of a single value; a range takes no operator")
            self.pos += 1
            self.skip_spaces()
            high = self.read_number()
            run, suffix_operator, high_start = self.read_unit()
            high_unit = self.checked_unit(run, high_start)
            if suffix_operator is not None or not self.at_end():
                raise self.fail("the end of the range")
            if unit is not None and high_unit is not None and unit != high_unit:
                self.pos = high_start
                raise self.fail(f"the same unit at both ends ({unit})")
            if low > high:
                self.pos = 0
                raise self.fail("a range whose low end comes first", end=len(self.chars))
            return IndicatorValue(
                ValueKind.QUANTITATIVE,
                Operator.RANGE,
                _plain(low),
                _plain(high),
                unit or high_unit,
            )

        if suffix_operator is not None:
            if operator is not None:
                raise self.fail("one operator, not one before and one after")
            operator = suffix_operator
        if not self.at_end():
            raise self.fail("the end of the value")
        return IndicatorValue(ValueKind.QUANTITATIVE, operator, _plain(low), None, unit)

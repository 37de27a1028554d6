"""The code classes: one per scheme, sharing one small surface."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from typing import ClassVar, TypeVar

import attrs

from govbudget.codes._scheme import Level, Scheme
from govbudget.codes.catalog import Catalog, CatalogEntry, default_catalog
from govbudget.errors import CodeParseError, FloatNotAllowedError, UnknownCodeError, WrongTypeError

__all__ = [
    "ClassificationCode",
    "DeptEconomicCode",
    "FunctionalCode",
    "GovEconomicCode",
    "normalise",
    "parse_code",
]

_SEPARATORS = frozenset(" -._/\u3000·")
_BRACKETS = (("[", "]"), ("【", "】"), ("(", ")"), ("〔", "〕"))

C = TypeVar("C", bound="ClassificationCode")


def _digits_of(value: object) -> str:
    """Digits of a printed code, separators and brackets removed.

    Raises:
        CodeParseError: for characters that cannot be part of a code.
        WrongTypeError: for values that are not strings, ints or parts.
    """
    if isinstance(value, bool) or value is None:
        raise WrongTypeError(value, "a code as a string, an int or a sequence of parts")
    if isinstance(value, float):
        raise FloatNotAllowedError(value, "a classification code")
    if isinstance(value, int):
        if value < 0:
            raise CodeParseError(str(value), "a code of digits only")
        return str(value)
    if isinstance(value, (tuple, list)):
        return _join_parts(value)
    if not isinstance(value, str):
        raise WrongTypeError(value, "a code as a string, an int or a sequence of parts")

    text = unicodedata.normalize("NFKC", value).strip()
    for left, right in _BRACKETS:
        if text[:1] == left and text[-1:] == right:
            text = text[1:-1].strip()
            break
    digits = []
    for offset, char in enumerate(text):
        if char.isascii() and char.isdigit():
            digits.append(char)
        elif char not in _SEPARATORS:
            start = _original_offset(value, offset)
            raise CodeParseError(value, "digits, optionally split by spaces or '-'", start=start)
    if not digits:
        raise CodeParseError(value, "at least three digits")
    return "".join(digits)


def _original_offset(original: str, normalised_offset: int) -> int:
    """Map an offset in the stripped, NFKC form back to the original text."""
    lead = len(original) - len(original.lstrip())
    bracket = 1 if original.lstrip()[:1] in "[【(（〔" else 0
    return min(len(original) - 1, lead + bracket + normalised_offset)


def _join_parts(parts: Sequence[object]) -> str:
    """Join 类 | 款 | 项 cells printed in separate columns.

    Each cell may hold its own two digits ("05") or the whole code so far
    ("20805"); empty cells end the code.
    """
    code = ""
    for part in parts:
        if part is None or (isinstance(part, str) and not part.strip()):
            break
        digits = _digits_of(part)
        if code and digits.startswith(code) and len(digits) == len(code) + 2:
            code = digits
        elif not code and len(digits) != 3:
            raise CodeParseError(repr(list(parts)), "a three-digit 类 in the first column")
        elif code and len(digits) != 2:
            raise CodeParseError(repr(list(parts)), "two digits for each 款 or 项 column")
        else:
            code += digits
    if not code:
        raise CodeParseError(repr(list(parts)), "at least a 类 column")
    return code


def normalise(value: object, scheme: Scheme | None = None) -> str:
    """The canonical digits of a printed code, checked against its scheme.

    Accepts "2080505", "208 05 05", "208-05-05", "[2080505]", full-width
    digits, an int, or the 类/款/项 columns as a sequence.

    Raises:
        CodeParseError: if the code is not well formed, showing the input.

    >>> normalise("２０８-０５-０５")
    '2080505'
    >>> normalise(("208", "05", "05"))
    '2080505'
    """
    digits = _digits_of(value)
    shown = value if isinstance(value, str) else repr(value)
    found = Scheme.of_digits(digits)
    if found is None:
        raise CodeParseError(shown, "a code starting with 2 (功能), 3 (部门经济) or 5 (政府经济)")
    if scheme is not None and found is not scheme:
        raise CodeParseError(
            shown, f"a code of {scheme.chinese} (starting with {scheme.leading_digit})"
        )
    if len(digits) not in found.lengths:
        lengths = " or ".join(str(n) for n in found.lengths)
        raise CodeParseError(shown, f"{lengths} digits for {found.chinese}, got {len(digits)}")
    return digits


@attrs.frozen(order=True, repr=False, init=False)
class ClassificationCode:
    """A code of one of the three expenditure classifications.

    Use :func:`parse_code` to get an instance of the right subclass, or the
    subclass itself (``FunctionalCode("2080505")``) to insist on a scheme.
    Instances are immutable, hashable and ordered by their digits.

    Attributes:
        digits: The normalised code, e.g. ``"2080505"``.
    """

    scheme: ClassVar[Scheme]
    digits: str = attrs.field()

    def __init__(self, code: object) -> None:
        scheme = getattr(type(self), "scheme", None)
        self.__attrs_init__(normalise(code, scheme))

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.digits!r})"

    def __str__(self) -> str:
        return self.digits

    @property
    def level(self) -> Level:
        """类, 款 or 项."""
        return Level((len(self.digits) - 1) // 2)

    @property
    def parent(self: C) -> C | None:
        """The code one level up, or ``None`` for a 类.

        >>> FunctionalCode("2080505").parent
        FunctionalCode('20805')
        """
        if len(self.digits) == 3:
            return None
        return type(self)(self.digits[:-2])

    @property
    def ancestors(self: C) -> tuple[C, ...]:
        """Every code above this one, the 类 first."""
        found = []
        parent = self.parent
        while parent is not None:
            found.append(parent)
            parent = parent.parent
        return tuple(reversed(found))

    @property
    def category(self: C) -> C:
        """The 类 this code belongs to (itself for a 类)."""
        return type(self)(self.digits[:3])

    def is_ancestor_of(self, other: ClassificationCode) -> bool:
        """Whether ``other`` lies below this code in the same scheme."""
        return (
            other.scheme is self.scheme
            and len(other.digits) > len(self.digits)
            and other.digits.startswith(self.digits)
        )

    def entry(
        self, year: int | None = None, *, catalog: Catalog | None = None, strict: bool = False
    ) -> CatalogEntry | None:
        """The catalog entry for this code in fiscal ``year``.

        Args:
            year: The fiscal year; ``None`` for the current name.
            catalog: Another catalog to look in; the shipped one by default.
            strict: Raise instead of returning ``None`` for unknown codes.

        Raises:
            UnknownCodeError: in strict mode, if the catalog lacks the code.
        """
        found = (catalog or default_catalog()).lookup(self.digits, year)
        if found is None and strict:
            raise UnknownCodeError(self.digits, self.scheme.value, year or 0)
        return found

    def label(
        self, year: int | None = None, *, catalog: Catalog | None = None, strict: bool = False
    ) -> str | None:
        """The catalog name (科目名称) in fiscal ``year``, or ``None`` if unknown.

        >>> FunctionalCode("210").label(2018)
        '医疗卫生与计划生育支出'
        >>> FunctionalCode("210").label(2019)
        '卫生健康支出'
        """
        found = self.entry(year, catalog=catalog, strict=strict)
        return found.name if found is not None else None

    def children(self: C, year: int | None = None, *, catalog: Catalog | None = None) -> list[C]:
        """The catalog's codes one level below this one, valid in ``year``."""
        entries = (catalog or default_catalog()).children(self.digits, year)
        return [type(self)(entry.code) for entry in entries]

    def is_known(self, year: int | None = None, *, catalog: Catalog | None = None) -> bool:
        """Whether the catalog lists this code for fiscal ``year``."""
        return self.entry(year, catalog=catalog) is not None


class FunctionalCode(ClassificationCode):
    """支出功能分类科目: 类 (3 digits) → 款 (5) → 项 (7).

    >>> code = FunctionalCode("208 05 05")
    >>> code, code.level.chinese, [str(a) for a in code.ancestors]
    (FunctionalCode('2080505'), '项', ['208', '20805'])
    """

    scheme = Scheme.FUNCTIONAL


class DeptEconomicCode(ClassificationCode):
    """部门预算支出经济分类科目: 类 (3 digits) → 款 (5), e.g. 301 → 30101."""

    scheme = Scheme.DEPT_ECONOMIC


class GovEconomicCode(ClassificationCode):
    """政府预算支出经济分类科目: 类 (3 digits) → 款 (5), e.g. 501 → 50101."""

    scheme = Scheme.GOV_ECONOMIC


_CLASSES: dict[Scheme, type[ClassificationCode]] = {
    Scheme.FUNCTIONAL: FunctionalCode,
    Scheme.DEPT_ECONOMIC: DeptEconomicCode,
    Scheme.GOV_ECONOMIC: GovEconomicCode,
}


def parse_code(value: object, scheme: Scheme | None = None) -> ClassificationCode:
    """A code of whichever scheme its leading digit names.

    >>> parse_code("[30101]")
    DeptEconomicCode('30101')

    Raises:
        CodeParseError: if the code is malformed or not of ``scheme``.
    """
    digits = normalise(value, scheme)
    found = Scheme.of_digits(digits)
    assert found is not None  # normalise() checked it
    return _CLASSES[found](digits)

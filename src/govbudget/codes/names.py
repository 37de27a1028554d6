"""Matching a printed row label against the catalog name of its code.

Printed names differ from catalog names in small ways: full- or half-width
brackets (维修(护)费 / 维修（护）费), spaces inside words (合 计), a word
that local practice changes (公务招待费 for 公务接待费), or a name from an
earlier edition (医疗卫生与计划生育支出 printed in a year when 210 is
卫生健康支出). :func:`match_name` says which of these explains a difference.
"""

from __future__ import annotations

import enum
import re
import unicodedata

import attrs

from govbudget.codes._code import ClassificationCode
from govbudget.codes.catalog import Catalog, default_catalog

__all__ = ["MatchKind", "NameMatch", "match_name", "normalise_label"]

# Printed variants seen in real disclosures for the same catalog item
# (CATALOG-NOTES §4). Keyed by code, because 309 and 310 share names.
_PRINTED_VARIANTS: dict[str, frozenset[str]] = {
    "30108": frozenset({"机关事业单位基本养老保险费"}),
    "30217": frozenset({"公务招待费"}),
    "30231": frozenset({"公务用车运行费"}),
    "30399": frozenset(
        {"对其他个人和家庭的补助支出", "对其他个人和家庭的补助", "其他对个人和家庭的补助支出"}
    ),
}

# Chinese ordinal prefixes in 01/04 类 rows ("七、社会保障和就业支出").
_ORDINAL = re.compile(r"^[一二三四五六七八九十]+、")
_CODE_PREFIX = re.compile(r"^\[?\d{3,7}\]?")


class MatchKind(enum.Enum):
    """How a printed label relates to the catalog name."""

    EXACT = "exact"
    """The same characters."""

    NORMALISED = "normalised"
    """The same after width, bracket, space and ordinal normalisation."""

    VARIANT = "variant"
    """A known printed variant of the catalog name."""

    FORMER_NAME = "former-name"
    """The code's name in another fiscal year."""

    MISMATCH = "mismatch"
    """None of the above."""

    UNKNOWN_CODE = "unknown-code"
    """The catalog has no entry for the code in that year."""


@attrs.frozen
class NameMatch:
    """The outcome of comparing a printed label with the catalog.

    Attributes:
        kind: How the label matched.
        printed: The label as printed.
        catalog_name: The catalog name for the code and year, if known.
        other_years: For a former name, the years the printed name was valid.
    """

    kind: MatchKind
    printed: str
    catalog_name: str | None
    other_years: tuple[int | None, int | None] | None = None

    @property
    def ok(self) -> bool:
        """True unless the label contradicts the catalog."""
        return self.kind in (MatchKind.EXACT, MatchKind.NORMALISED, MatchKind.VARIANT)


def normalise_label(label: str) -> str:
    """A label reduced to what matters for comparison.

    Half-width forms, no spaces, no ordinal prefix, no leading code, and
    the "(支出)" style endings left alone.

    >>> normalise_label("七、社会保障和就业支出")
    '社会保障和就业支出'
    >>> normalise_label("维修（护）费") == normalise_label("维修(护)费")
    True
    """
    text = unicodedata.normalize("NFKC", label)
    text = "".join(text.split())
    text = _CODE_PREFIX.sub("", text)
    return _ORDINAL.sub("", text)


def match_name(
    code: ClassificationCode,
    printed: str,
    year: int | None,
    *,
    catalog: Catalog | None = None,
) -> NameMatch:
    """Compare a printed label with the catalog name of ``code`` in ``year``.

    >>> from govbudget.codes import FunctionalCode
    >>> match_name(FunctionalCode("210"), "医疗卫生与计划生育支出", 2019).kind
    <MatchKind.FORMER_NAME: 'former-name'>
    >>> from govbudget.codes import DeptEconomicCode
    >>> match_name(DeptEconomicCode("30217"), "公务招待费", 2018).kind
    <MatchKind.VARIANT: 'variant'>
    """
    catalog = catalog or default_catalog()
    entry = catalog.lookup(code.digits, year)
    if entry is None:
        return NameMatch(MatchKind.UNKNOWN_CODE, printed, None)
    if printed == entry.name:
        return NameMatch(MatchKind.EXACT, printed, entry.name)

    wanted = normalise_label(entry.name)
    found = normalise_label(printed)
    if found == wanted:
        return NameMatch(MatchKind.NORMALISED, printed, entry.name)
    variants = {normalise_label(v) for v in _PRINTED_VARIANTS.get(code.digits, ())}
    if found in variants:
        return NameMatch(MatchKind.VARIANT, printed, entry.name)
    for other in catalog.history(code.digits):
        if other is not entry and normalise_label(other.name) == found:
            years = (other.valid_from, other.valid_to)
            return NameMatch(MatchKind.FORMER_NAME, printed, entry.name, years)
    return NameMatch(MatchKind.MISMATCH, printed, entry.name)

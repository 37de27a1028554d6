"""Year-versioned catalogs of classification codes and their names.

The shipped catalogs live in ``govbudget/codes/data/`` as sorted, tab-separated
text with a provenance header: one row per code and name period, with the
years the name is valid for, the years a source was seen printing it, how
sure we are, and the sources. They are read on first use and cached.

Users with a fuller catalog (for example their province's own) load it from
CSV with :func:`load_catalog_csv` and pass it wherever a ``catalog=`` keyword
is offered, or merge it over the shipped one with :meth:`Catalog.merged_over`.
"""

from __future__ import annotations

import csv
import enum
import functools
import importlib.resources
from collections.abc import Iterable, Iterator
from pathlib import Path

import attrs

from govbudget.codes._scheme import Level, Scheme
from govbudget.errors import CatalogError

__all__ = [
    "CATALOG_RELEASE",
    "Catalog",
    "CatalogEntry",
    "Confidence",
    "default_catalog",
    "load_catalog_csv",
]

CATALOG_RELEASE = "2026.12"
"""The release of the shipped catalog data, reported with every audit."""

_COLUMNS = ("code", "name", "valid_from", "valid_to", "seen", "confidence", "sources")
_DATA_FILES = {
    Scheme.FUNCTIONAL: "functional.tsv",
    Scheme.DEPT_ECONOMIC: "dept_economic.tsv",
    Scheme.GOV_ECONOMIC: "gov_economic.tsv",
}


class Confidence(enum.Enum):
    """How well a catalog entry is supported by its sources."""

    CONFIRMED = "confirmed"
    """Printed with this code in a real disclosure or an official text."""

    INDIRECT = "indirect"
    """Seen in a code fragment or secondary page, backed by other evidence."""

    ASSUMED = "assumed"
    """From the domain reference; not seen printed with its code."""

    USER = "user"
    """From a catalog the user loaded."""


@attrs.frozen
class CatalogEntry:
    """One code with its name over a range of fiscal years.

    Attributes:
        code: The normalised code digits.
        name: The catalog name (科目名称) for the years in range.
        valid_from: First fiscal year the name applies, ``None`` if open.
        valid_to: Last fiscal year the name applies, ``None`` if current.
        seen: Fiscal years in which a source printed this code and name.
        confidence: How well the entry is supported.
        sources: Keys of the sources (see ``data/sources.tsv``).
    """

    code: str
    name: str
    valid_from: int | None = None
    valid_to: int | None = None
    seen: tuple[int, ...] = ()
    confidence: Confidence = Confidence.CONFIRMED
    sources: tuple[str, ...] = ()

    @property
    def scheme(self) -> Scheme:
        """The scheme the code belongs to."""
        scheme = Scheme.of_digits(self.code)
        assert scheme is not None  # checked when the entry was read
        return scheme

    @property
    def level(self) -> Level:
        """类, 款 or 项, from the code's length."""
        return Level((len(self.code) - 1) // 2)

    def valid_in(self, year: int | None) -> bool:
        """Whether the entry applies to fiscal ``year`` (``None``: the latest)."""
        if year is None:
            return self.valid_to is None
        starts = self.valid_from is None or self.valid_from <= year
        return starts and (self.valid_to is None or year <= self.valid_to)


@attrs.frozen(eq=False)
class Catalog:
    """Entries of one or more schemes, looked up by code and fiscal year.

    Codes of the three schemes never collide (they start with 2, 3 and 5),
    so one catalog can hold all of them.

    Attributes:
        name: Where the catalog came from (``"govbudget 2026.12"`` for the
            shipped one: the name and the data release).
    """

    name: str
    _by_code: dict[str, tuple[CatalogEntry, ...]] = attrs.field(alias="by_code")

    @classmethod
    def from_entries(cls, name: str, entries: Iterable[CatalogEntry]) -> Catalog:
        """Build a catalog from entries in any order."""
        by_code: dict[str, list[CatalogEntry]] = {}
        for entry in entries:
            by_code.setdefault(entry.code, []).append(entry)
        ordered = {
            code: tuple(sorted(found, key=lambda e: e.valid_from or 0))
            for code, found in sorted(by_code.items())
        }
        return cls(name, ordered)

    def lookup(self, code: str, year: int | None = None) -> CatalogEntry | None:
        """The entry for ``code`` in fiscal ``year``, or ``None`` if unknown.

        With ``year=None`` the current name is returned.
        """
        for entry in self._by_code.get(code, ()):
            if entry.valid_in(year):
                return entry
        return None

    def history(self, code: str) -> tuple[CatalogEntry, ...]:
        """Every entry for ``code``, oldest name first."""
        return self._by_code.get(code, ())

    def children(self, code: str, year: int | None = None) -> list[CatalogEntry]:
        """The entries one level below ``code`` that are valid in ``year``."""
        length = len(code) + 2
        found = []
        for candidate, entries in self._by_code.items():
            if len(candidate) == length and candidate.startswith(code):
                entry = next((e for e in entries if e.valid_in(year)), None)
                if entry is not None:
                    found.append(entry)
        return found

    def entries(
        self,
        year: int | None = None,
        *,
        scheme: Scheme | None = None,
        level: Level | None = None,
    ) -> Iterator[CatalogEntry]:
        """Every entry valid in ``year``, optionally of one scheme and level."""
        for code, entries in self._by_code.items():
            if scheme is not None and Scheme.of_digits(code) is not scheme:
                continue
            if level is not None and len(code) != level.length:
                continue
            entry = next((e for e in entries if e.valid_in(year)), None)
            if entry is not None:
                yield entry

    def merged_over(self, base: Catalog) -> Catalog:
        """This catalog's codes replacing ``base``'s, the rest kept from ``base``."""
        merged = dict(base._by_code)
        merged.update(self._by_code)
        return Catalog(f"{self.name} over {base.name}", dict(sorted(merged.items())))

    def __contains__(self, code: object) -> bool:
        return code in self._by_code

    def __len__(self) -> int:
        return len(self._by_code)


@functools.cache
def default_catalog() -> Catalog:
    """The catalog shipped with govbudget, all three schemes, read once."""
    entries: list[CatalogEntry] = []
    data = importlib.resources.files("govbudget.codes") / "data"
    for scheme, file_name in _DATA_FILES.items():
        resource = data / file_name
        text = resource.read_text(encoding="utf-8")
        entries.extend(_read_tsv(f"govbudget/codes/data/{file_name}", text, scheme))
    return Catalog.from_entries(f"govbudget {CATALOG_RELEASE}", entries)


def _read_tsv(path: str, text: str, scheme: Scheme) -> Iterator[CatalogEntry]:
    """Entries of a shipped catalog file; see the file header for its columns."""
    header_seen = False
    for number, line in enumerate(text.splitlines(), start=1):
        if not line or line.startswith("#"):
            continue
        cells = line.split("\t")
        if not header_seen:
            if tuple(cells) != _COLUMNS:
                raise CatalogError(path, f"expected the header {_COLUMNS}", line=number)
            header_seen = True
            continue
        if len(cells) != len(_COLUMNS):
            raise CatalogError(path, f"expected {len(_COLUMNS)} cells", line=number)
        code, name, valid_from, valid_to, seen, confidence, sources = cells
        _check_code(path, number, code, scheme)
        yield CatalogEntry(
            code=code,
            name=name,
            valid_from=_year(path, number, valid_from),
            valid_to=_year(path, number, valid_to),
            seen=tuple(int(y) for y in seen.split(",")) if seen != "-" else (),
            confidence=Confidence(confidence),
            sources=tuple(sources.split(",")) if sources else (),
        )


def _year(path: str, line: int, text: str) -> int | None:
    if text in ("-", ""):
        return None
    if not (text.isascii() and text.isdigit() and len(text) == 4):
        raise CatalogError(path, f"expected a fiscal year or '-', got {text!r}", line=line)
    return int(text)


def _check_code(path: str, line: int, code: str, scheme: Scheme | None) -> Scheme:
    found = Scheme.of_digits(code)
    well_formed = code.isascii() and code.isdigit() and found is not None
    if not well_formed or (scheme is not None and found is not scheme):
        wanted = scheme.chinese if scheme else "a classification code"
        raise CatalogError(path, f"{code!r} is not a code of {wanted}", line=line)
    assert found is not None
    if len(code) not in found.lengths:
        raise CatalogError(path, f"{code!r} has {len(code)} digits", line=line)
    return found


_USER_COLUMNS = ("code", "name", "level", "parent", "valid_from", "valid_to")
_LEVEL_WORDS = {
    "类": Level.CATEGORY,
    "款": Level.SECTION,
    "项": Level.ITEM,
    "1": Level.CATEGORY,
    "2": Level.SECTION,
    "3": Level.ITEM,
    "category": Level.CATEGORY,
    "section": Level.SECTION,
    "item": Level.ITEM,
}


def load_catalog_csv(path: str | Path, *, name: str | None = None) -> Catalog:
    """Read a user catalog from CSV.

    The file has a header row with the columns ``code, name, level, parent,
    valid_from, valid_to``; ``level`` is 类/款/项 (or 1/2/3), ``parent`` the
    parent code (empty for a 类), and the years may be empty for "open".
    Codes may mix the three schemes. Every row is checked: the level must
    match the code's length and the parent must be its prefix.

    Args:
        path: The CSV file (UTF-8, with or without a byte order mark).
        name: A name for the catalog in reports; defaults to the file name.

    Raises:
        CatalogError: naming the file and line of the first bad row.
    """
    path = Path(path)
    shown = str(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise CatalogError(shown, f"cannot read the file ({error})") from None

    rows = csv.reader(text.splitlines())
    header = next(rows, None)
    if header is None or tuple(cell.strip() for cell in header) != _USER_COLUMNS:
        raise CatalogError(shown, f"expected the header {','.join(_USER_COLUMNS)}", line=1)

    entries = []
    for number, cells in enumerate(rows, start=2):
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) != len(_USER_COLUMNS):
            raise CatalogError(shown, f"expected {len(_USER_COLUMNS)} cells", line=number)
        code, label, level, parent, valid_from, valid_to = (cell.strip() for cell in cells)
        _check_code(shown, number, code, None)
        expected_level = Level((len(code) - 1) // 2)
        if _LEVEL_WORDS.get(level.lower()) is not expected_level:
            raise CatalogError(shown, f"level {level!r} does not match code {code}", line=number)
        if parent != code[: len(code) - 2] if len(code) > 3 else parent:
            raise CatalogError(
                shown, f"parent {parent!r} is not the prefix of code {code}", line=number
            )
        entries.append(
            CatalogEntry(
                code=code,
                name=label,
                valid_from=_year(shown, number, valid_from),
                valid_to=_year(shown, number, valid_to),
                confidence=Confidence.USER,
                sources=(path.name,),
            )
        )
    return Catalog.from_entries(name or path.name, entries)

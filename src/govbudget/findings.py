"""Findings: what the auditor reports, as data."""

from __future__ import annotations

import enum
from decimal import Decimal

import attrs

from govbudget.location import Location

__all__ = ["Category", "Finding", "Severity"]


class Severity(enum.IntEnum):
    """How bad a finding is. Ordered: ``ERROR > WARNING > INFO``."""

    INFO = 1
    """Worth knowing, not wrong: a difference within rounding, a note."""

    WARNING = 2
    """Probably wrong, or wrong under a convention that varies by region."""

    ERROR = 3
    """The disclosure contradicts itself beyond what rounding explains."""

    @property
    def label(self) -> str:
        """The lower-case name used in reports: error, warning, info."""
        return self.name.lower()

    @classmethod
    def parse(cls, text: str) -> Severity:
        """Read ``"error"``, ``"warning"`` or ``"info"`` (any case)."""
        return cls[text.strip().upper()]


class Category(enum.Enum):
    """What kind of check a rule makes."""

    ARITHMETIC = "arithmetic"
    """Totals against their parts inside one table."""

    CROSS_TABLE = "cross-table"
    """The same quantity in two tables."""

    STRUCTURE = "structure"
    """Tables and rows that must be present, layouts, stated-empty tables."""

    CATALOG = "catalog"
    """Codes well formed and known, labels matching the catalog."""

    NARRATIVE = "narrative"
    """Figures stated in the text against the tables and each other."""

    OTHER_MATTERS = "other-matters"
    """Government procurement and the other matters section."""

    PERFORMANCE = "performance"
    """Performance-target and self-evaluation forms."""

    IMPORT = "import"
    """Lines of a text or PDF the reader could not (fully) read."""


@attrs.frozen
class Finding:
    """One inconsistency, with where it is, how large, and how sure we are.

    Attributes:
        rule: The id of the rule that found it (``"F06-2"``).
        severity: Error, warning or info.
        message_zh: The message in Chinese.
        message_en: The message in English.
        location: Where it is (table, row, column; file and line if known).
        expected: The value the rule computed (a sum of parts, another table's
            figure), in the location's unit.
        actual: The value printed at the location.
        difference: ``actual - expected``.
        slack: How far apart the two may lie under the rounding policy.
        policy: The name of the rounding policy that judged it.
        rounding: True when the difference is non-zero but within the slack.
        related: Other places involved (the other end of a cross-table check).
        accepted: The reason given in an accepted-explanations file, if any.
    """

    rule: str
    severity: Severity
    message_zh: str
    message_en: str
    location: Location = attrs.field(factory=Location)
    expected: Decimal | None = None
    actual: Decimal | None = None
    difference: Decimal | None = None
    slack: Decimal | None = None
    policy: str | None = None
    rounding: bool = False
    related: tuple[Location, ...] = ()
    accepted: str | None = None

    def message(self, lang: str = "zh") -> str:
        """The message in ``"zh"`` or ``"en"``."""
        return self.message_en if lang == "en" else self.message_zh

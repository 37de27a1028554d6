"""The rule modules; importing this package registers every rule."""

from govbudget.audit.rules import (
    basic,
    catalog,
    cross,
    detail,
    imported,
    narrative,
    other_matters,
    performance,
    precision,
    structure,
    summary,
)

__all__ = [
    "basic",
    "catalog",
    "cross",
    "detail",
    "imported",
    "narrative",
    "other_matters",
    "performance",
    "precision",
    "structure",
    "summary",
]

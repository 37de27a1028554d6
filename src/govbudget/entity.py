"""The body a disclosure is about: its name, department, kind and level."""

from __future__ import annotations

import enum

import attrs

__all__ = ["Entity", "ReportingLevel", "UnitKind"]


class UnitKind(enum.Enum):
    """Whether a budget unit is an administrative body or an institution.

    The kind decides how 部门 economic items map onto the 政府 economic
    classification (DOMAIN §7.5).
    """

    ADMINISTRATIVE = "行政单位"
    """An administrative body (行政单位), including bodies managed as one (参公)."""

    INSTITUTION = "事业单位"
    """A public service institution (事业单位)."""


class ReportingLevel(enum.Enum):
    """Whether a disclosure covers a whole department or a single unit."""

    DEPARTMENT = "部门"
    """A department, consolidating its own office and the units under it (部门)."""

    UNIT = "单位"
    """A single budget unit (单位)."""


@attrs.frozen
class Entity:
    """The department or unit a disclosure belongs to (公开主体).

    Attributes:
        name: The full name as printed, e.g. 深圳市福田区住房事务中心.
        department: The supervising department (主管部门), if stated.
        kind: 行政单位 or 事业单位, if stated.
        level: 部门 or 单位.
        region: The administrative region, free text (e.g. 广东省深圳市福田区).
    """

    name: str
    department: str | None = None
    kind: UnitKind | None = None
    level: ReportingLevel = ReportingLevel.DEPARTMENT
    region: str | None = None

"""Schemes and levels shared by the three classification schemes."""

from __future__ import annotations

import enum

__all__ = ["Level", "Scheme"]


class Scheme(enum.Enum):
    """A classification scheme of government expenditure (支出分类)."""

    FUNCTIONAL = "functional"
    """支出功能分类科目: what the money is for (201 一般公共服务支出 …)."""

    DEPT_ECONOMIC = "dept_economic"
    """部门预算支出经济分类科目: what the money buys, departmental view (301 …)."""

    GOV_ECONOMIC = "gov_economic"
    """政府预算支出经济分类科目: what the money buys, government view (501 …)."""

    @property
    def chinese(self) -> str:
        """The scheme's official Chinese name."""
        return _CHINESE[self]

    @property
    def leading_digit(self) -> str:
        """The digit every code of this scheme starts with."""
        return _LEADING[self]

    @property
    def lengths(self) -> tuple[int, ...]:
        """The code lengths of this scheme's levels, from 类 down."""
        return (3, 5, 7) if self is Scheme.FUNCTIONAL else (3, 5)

    @classmethod
    def of_digits(cls, digits: str) -> Scheme | None:
        """The scheme a normalised code belongs to, by its leading digit."""
        return _BY_LEADING.get(digits[:1])


_CHINESE = {
    Scheme.FUNCTIONAL: "支出功能分类科目",
    Scheme.DEPT_ECONOMIC: "部门预算支出经济分类科目",
    Scheme.GOV_ECONOMIC: "政府预算支出经济分类科目",
}
_LEADING = {Scheme.FUNCTIONAL: "2", Scheme.DEPT_ECONOMIC: "3", Scheme.GOV_ECONOMIC: "5"}
_BY_LEADING = {digit: scheme for scheme, digit in _LEADING.items()}


class Level(enum.IntEnum):
    """The level of a code in its scheme's hierarchy."""

    CATEGORY = 1
    """类: three digits (208, 301, 501)."""

    SECTION = 2
    """款: five digits (20805, 30101, 50101)."""

    ITEM = 3
    """项: seven digits, functional scheme only (2080505)."""

    @property
    def chinese(self) -> str:
        """类, 款 or 项."""
        return "类款项"[self - 1]

    @property
    def length(self) -> int:
        """The number of digits of a code at this level."""
        return 1 + 2 * self

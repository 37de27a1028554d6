"""The indicator hierarchy (绩效指标体系): 一级, 二级 and 三级 indicators.

Forms arrange indicators in three levels: a first level (一级指标: 产出,
效益, 满意度, and 成本 where a form uses it as a first level), a second level
(二级指标: 数量, 质量, 时效, 成本 …) and the indicator itself (三级指标,
printed as 指标内容) with its target value (指标值).

The known levels are enums; the text a form printed stays beside them, so
``工作时效`` reads as :attr:`SecondLevel.TIMELINESS` and prints as printed.

>>> SecondLevel.parse("工作时效")
<SecondLevel.TIMELINESS: '时效指标'>
>>> FirstLevel.parse("满意度")
<FirstLevel.SATISFACTION: '满意度指标'>
"""

from __future__ import annotations

import enum
import unicodedata

import attrs

from govbudget.errors import WrongTypeError
from govbudget.performance._values import IndicatorValue

__all__ = [
    "CURRENT_PLACEMENTS",
    "OLDER_PLACEMENTS",
    "FirstLevel",
    "Indicator",
    "SecondLevel",
]


def _key(text: str) -> str:
    """Text without spaces, full-width forms or a trailing 指标."""
    cleaned = unicodedata.normalize("NFKC", text).replace(" ", "").strip()
    return cleaned.removesuffix("指标")


class FirstLevel(enum.Enum):
    """A first-level indicator (一级指标)."""

    OUTPUT = "产出指标"
    """What the money delivers: quantity, quality, timeliness, cost (产出)."""

    BENEFIT = "效益指标"
    """What the delivery achieves: economic, social, ecological, lasting (效益)."""

    SATISFACTION = "满意度指标"
    """How satisfied the people served are (满意度)."""

    COST = "成本指标"
    """What the delivery costs, as a first level in newer templates (成本)."""

    @classmethod
    def parse(cls, text: str) -> FirstLevel | None:
        """The first level a printed label names, or ``None`` if unknown.

        Accepts the label with or without 指标 and with spaces.
        """
        if not isinstance(text, str):
            raise WrongTypeError(text, "a first-level label as a string")
        return _FIRST_BY_KEY.get(_key(text))


class SecondLevel(enum.Enum):
    """A second-level indicator (二级指标)."""

    QUANTITY = "数量指标"
    QUALITY = "质量指标"
    TIMELINESS = "时效指标"
    COST = "成本指标"
    """成本 as a second level under 产出 (older templates)."""

    ECONOMIC_BENEFIT = "经济效益指标"
    SOCIAL_BENEFIT = "社会效益指标"
    ECOLOGICAL_BENEFIT = "生态效益指标"
    SUSTAINABLE_IMPACT = "可持续影响指标"
    SERVICE_SATISFACTION = "服务对象满意度指标"
    ECONOMIC_COST = "经济成本指标"
    SOCIAL_COST = "社会成本指标"
    ECOLOGICAL_COST = "生态环境成本指标"

    @property
    def home(self) -> FirstLevel:
        """The first level this second level belongs to in current templates."""
        return _HOME[self]

    @classmethod
    def parse(cls, text: str) -> SecondLevel | None:
        """The second level a printed label names, or ``None`` if unknown.

        Accepts the variants forms print: ``工作时效`` and ``时效`` for
        时效指标, ``可持续影响`` without 指标, ``满意度`` and
        ``社会公众或服务对象满意度`` for 服务对象满意度指标.
        """
        if not isinstance(text, str):
            raise WrongTypeError(text, "a second-level label as a string")
        return _SECOND_BY_KEY.get(_key(text))


_FIRST_BY_KEY = {
    "产出": FirstLevel.OUTPUT,
    "效益": FirstLevel.BENEFIT,
    "满意度": FirstLevel.SATISFACTION,
    "成本": FirstLevel.COST,
}
_SECOND_BY_KEY = {
    "数量": SecondLevel.QUANTITY,
    "质量": SecondLevel.QUALITY,
    "时效": SecondLevel.TIMELINESS,
    "工作时效": SecondLevel.TIMELINESS,
    "成本": SecondLevel.COST,
    "经济效益": SecondLevel.ECONOMIC_BENEFIT,
    "社会效益": SecondLevel.SOCIAL_BENEFIT,
    "生态效益": SecondLevel.ECOLOGICAL_BENEFIT,
    "可持续影响": SecondLevel.SUSTAINABLE_IMPACT,
    "服务对象满意度": SecondLevel.SERVICE_SATISFACTION,
    "社会公众或服务对象满意度": SecondLevel.SERVICE_SATISFACTION,
    "满意度": SecondLevel.SERVICE_SATISFACTION,
    "经济成本": SecondLevel.ECONOMIC_COST,
    "社会成本": SecondLevel.SOCIAL_COST,
    "生态环境成本": SecondLevel.ECOLOGICAL_COST,
}
_HOME = {
    SecondLevel.QUANTITY: FirstLevel.OUTPUT,
    SecondLevel.QUALITY: FirstLevel.OUTPUT,
    SecondLevel.TIMELINESS: FirstLevel.OUTPUT,
    SecondLevel.COST: FirstLevel.OUTPUT,
    SecondLevel.ECONOMIC_BENEFIT: FirstLevel.BENEFIT,
    SecondLevel.SOCIAL_BENEFIT: FirstLevel.BENEFIT,
    SecondLevel.ECOLOGICAL_BENEFIT: FirstLevel.BENEFIT,
    SecondLevel.SUSTAINABLE_IMPACT: FirstLevel.BENEFIT,
    SecondLevel.SERVICE_SATISFACTION: FirstLevel.SATISFACTION,
    SecondLevel.ECONOMIC_COST: FirstLevel.COST,
    SecondLevel.SOCIAL_COST: FirstLevel.COST,
    SecondLevel.ECOLOGICAL_COST: FirstLevel.COST,
}

CURRENT_PLACEMENTS: frozenset[tuple[FirstLevel, SecondLevel]] = frozenset(
    {(second.home, second) for second in SecondLevel}
    | {
        # 经济成本/社会成本 appear as second levels under 产出 before 成本
        # became a first level of its own (DOMAIN §8.3).
        (FirstLevel.OUTPUT, SecondLevel.ECONOMIC_COST),
        (FirstLevel.OUTPUT, SecondLevel.SOCIAL_COST),
        (FirstLevel.OUTPUT, SecondLevel.ECOLOGICAL_COST),
        (FirstLevel.COST, SecondLevel.COST),
    }
)
"""Where each second level may stand under the current templates."""

OLDER_PLACEMENTS: frozenset[tuple[FirstLevel, SecondLevel]] = CURRENT_PLACEMENTS | {
    (FirstLevel.BENEFIT, SecondLevel.SERVICE_SATISFACTION),
}
"""Current placements plus 服务对象满意度 under 效益, as older forms print it."""


def _first_label(instance: Indicator) -> str:
    return instance.first.value if instance.first is not None else ""


def _second_label(instance: Indicator) -> str:
    return instance.second.value if instance.second is not None else ""


@attrs.frozen
class Indicator:
    """One row of an indicator table: levels, content and target.

    Attributes:
        first: The first level (一级指标), ``None`` if the label is unknown.
        second: The second level (二级指标), ``None`` if unknown.
        content: The indicator itself (三级指标, 指标内容) as printed.
        target: The target (指标值); ``None`` for an empty cell.
        first_label: The first level as printed (default: the enum's text).
        second_label: The second level as printed (``工作时效``).
    """

    first: FirstLevel | None
    second: SecondLevel | None
    content: str
    target: IndicatorValue | None = None
    first_label: str = attrs.field(default=attrs.Factory(_first_label, takes_self=True))
    second_label: str = attrs.field(default=attrs.Factory(_second_label, takes_self=True))

    @classmethod
    def from_cells(
        cls,
        first: str,
        second: str,
        content: str,
        target: str | None,
        *,
        operator: str | None = None,
        unit: str | None = None,
    ) -> Indicator:
        """An indicator from its printed cells; the target is parsed.

        Args:
            first: The 一级指标 cell (filled down from a merged cell).
            second: The 二级指标 cell.
            content: The 指标内容 / 三级指标 cell.
            target: The 指标值 cell; ``None`` or ``""`` for an empty cell.
            operator: The 指标性质 column, where a form has one.
            unit: The 计量单位 column, where a form has one.

        Raises:
            IndicatorValueError: if the target cannot be read.

        >>> row = Indicator.from_cells("产出指标", "数量指标", "维修套数", "≤60 套")
        >>> row.path, str(row.target)
        ('产出指标/数量指标/维修套数', '≤60套')
        """
        for cell in (first, second, content):
            if not isinstance(cell, str):
                raise WrongTypeError(cell, "a printed cell as a string")
        value = None
        if target is not None and (not isinstance(target, str) or target.strip()):
            value = IndicatorValue.parse(target, operator=operator, unit=unit)
        return cls(
            FirstLevel.parse(first),
            SecondLevel.parse(second),
            content,
            value,
            first,
            second,
        )

    @property
    def not_applicable(self) -> bool:
        """Whether the row says 不适用, in its content or its target."""
        if self.target is not None and self.target.is_not_applicable:
            return True
        return _key(self.content) == "不适用"

    @property
    def path(self) -> str:
        """``一级/二级/三级`` as printed, for locations in findings."""
        return f"{self.first_label}/{self.second_label}/{self.content}"

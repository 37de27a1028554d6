"""Performance forms (绩效表): targets at budget time, self-evaluations after.

Four kinds of form are modelled, each an immutable attrs class:

* :class:`ProjectTargetForm`, the 项目支出绩效目标表 of the budget stage;
* :class:`DepartmentTargetForm`, the 部门整体支出绩效目标表;
* :class:`SelfEvaluation`, the scored 绩效自评表 of the national format
  (财预〔2020〕10号 attachment, DOMAIN §8.5);
* :class:`LegacySelfEvaluation`, the older unscored self-evaluation with
  投入/产出/效益 targets (pre-2020 Shenzhen style).

Fields hold plain types (str, Decimal, Amount, Blank, IndicatorValue,
enums, tuples) so that a cattrs converter can structure and unstructure them.
"""

from __future__ import annotations

import enum
import unicodedata
from decimal import Decimal

import attrs

from govbudget.amounts import Blank, Cell
from govbudget.errors import WrongTypeError
from govbudget.performance._indicators import Indicator
from govbudget.performance._values import Completion, IndicatorValue, completion_of

__all__ = [
    "Continuity",
    "CostItem",
    "DepartmentTargetForm",
    "Form",
    "FundsRow",
    "FundsRowKind",
    "Grade",
    "LegacySelfEvaluation",
    "LegacyTarget",
    "LegacyTargetKind",
    "MainTask",
    "ProjectAttribute",
    "ProjectTargetForm",
    "QuarterlySchedule",
    "ScheduleKind",
    "ScoredIndicator",
    "SelfEvaluation",
]


class _Printable:
    """Rendering shared by every form; the work is done in ``_render``."""

    __slots__ = ()

    def to_rows(self) -> list[list[str]]:
        """The form as rows of text, top to bottom as printed."""
        from govbudget.performance._render import to_rows

        return to_rows(self)  # type: ignore[arg-type]

    def render(self, fmt: str = "text") -> str:
        """The form as ``"text"``, ``"markdown"`` or ``"html"``.

        Raises:
            UnknownFormatError: for any other format.
        """
        from govbudget.performance._render import render

        return render(self, fmt)  # type: ignore[arg-type]


_EMPTY = Blank()
"""The default of amount fields: an empty cell, which is not zero."""


def _clean(text: str) -> str:
    return unicodedata.normalize("NFKC", text).replace(" ", "").strip()


class ProjectAttribute(enum.Enum):
    """Whether a project is new or continues from last year (项目属性)."""

    NEW = "新增"
    CONTINUING = "延续"

    @classmethod
    def parse(cls, text: str) -> ProjectAttribute | None:
        """Read 新增, 新增项目, 延续, 上年延续 …; ``None`` if neither.

        >>> ProjectAttribute.parse("上年延续")
        <ProjectAttribute.CONTINUING: '延续'>
        """
        if not isinstance(text, str):
            raise WrongTypeError(text, "a project attribute as a string")
        cleaned = _clean(text).removesuffix("项目")
        if cleaned.endswith("延续"):
            return cls.CONTINUING
        if cleaned == "新增":
            return cls.NEW
        return None


class Continuity(enum.Enum):
    """Whether a project recurs every year or happens once (续存属性)."""

    RECURRING = "经常性"
    ONE_OFF = "一次性"

    @classmethod
    def parse(cls, text: str) -> Continuity | None:
        """Read 经常性, 经常性项目, 一次性, 一次性项目; ``None`` if neither.

        >>> Continuity.parse("经常性项目")
        <Continuity.RECURRING: '经常性'>
        """
        if not isinstance(text, str):
            raise WrongTypeError(text, "a continuity attribute as a string")
        cleaned = _clean(text).removesuffix("项目")
        for member in cls:
            if cleaned == member.value:
                return member
        return None


class ScheduleKind(enum.Enum):
    """What a quarterly schedule reports."""

    PLAN = "安排"
    """Planned spending per quarter (资金使用进度安排); adds up to the budget."""

    PROGRESS = "进度"
    """Spending so far per quarter (使用进度); may fall short of the budget."""


@attrs.frozen
class QuarterlySchedule:
    """Money per quarter (分季度资金使用进度).

    Attributes:
        first: 第一季度.
        second: 第二季度.
        third: 第三季度.
        fourth: 第四季度.
        kind: A plan or a report of progress; see :class:`ScheduleKind`.
        stated_total: A total the schedule prints itself (合计), if any.
    """

    first: Cell
    second: Cell
    third: Cell
    fourth: Cell
    kind: ScheduleKind = ScheduleKind.PLAN
    stated_total: Cell | None = None

    @property
    def quarters(self) -> tuple[Cell, Cell, Cell, Cell]:
        """The four quarters in order."""
        return (self.first, self.second, self.third, self.fourth)


@attrs.frozen
class ProjectTargetForm(_Printable):
    """A project expenditure performance target form (项目支出绩效目标表).

    Attributes:
        name: 项目名称.
        year: The budget year (年度), if printed.
        attribute: 项目属性: new or continuing.
        continuity: 续存属性: recurring or one-off.
        period: 项目起止时间 as printed (``2019-01-01~2019-12-31``).
        department: 项目主管部门.
        implementer: 项目实施单位.
        budget: 本年预算金额.
        fiscal: 其中: 财政拨款.
        other: 其中: 其他资金.
        long_term_goal: 项目中长期目标.
        annual_goal: 项目年度目标.
        indicators: The indicator table (年度绩效指标), in printed order.
        schedule: A quarterly spending plan, on forms that print one.
        attribute_label: 项目属性 as printed (``上年延续``).
        continuity_label: 续存属性 as printed (``经常性项目``).
    """

    name: str
    year: int | None = None
    attribute: ProjectAttribute | None = None
    continuity: Continuity | None = None
    period: str = ""
    department: str = ""
    implementer: str = ""
    budget: Cell = _EMPTY
    fiscal: Cell = _EMPTY
    other: Cell = _EMPTY
    long_term_goal: str = ""
    annual_goal: str = ""
    indicators: tuple[Indicator, ...] = ()
    schedule: QuarterlySchedule | None = None
    attribute_label: str = ""
    continuity_label: str = ""

    kind_zh = "项目支出绩效目标表"

    @property
    def key(self) -> str:
        """The id findings use for this form: ``项目:<name>``."""
        return f"项目:{self.name}"


@attrs.frozen
class MainTask:
    """A main task of a department's year (年度主要任务).

    Attributes:
        name: 任务名称.
        content: 主要内容.
        total: 预算金额 总额.
        fiscal: 财政拨款.
        other: 其他资金.
    """

    name: str
    content: str = ""
    total: Cell = _EMPTY
    fiscal: Cell = _EMPTY
    other: Cell = _EMPTY


@attrs.frozen
class DepartmentTargetForm(_Printable):
    """A department-wide expenditure performance target form (部门整体支出绩效目标表).

    Attributes:
        department: 部门(单位)名称.
        year: The budget year, if printed.
        duties: 部门职责.
        annual_goal: 年度总体绩效目标.
        tasks: 年度主要任务, with amounts (central template).
        indicators: The indicator table.
    """

    department: str
    year: int | None = None
    duties: str = ""
    annual_goal: str = ""
    tasks: tuple[MainTask, ...] = ()
    indicators: tuple[Indicator, ...] = ()

    kind_zh = "部门整体支出绩效目标表"

    @property
    def key(self) -> str:
        """The id findings use for this form: ``部门:<department>``."""
        return f"部门:{self.department}"


class FundsRowKind(enum.Enum):
    """A row of the funds block of a self-evaluation (项目资金)."""

    TOTAL = "年度资金总额"
    FISCAL = "本年财政拨款"
    CARRYOVER = "上年结转资金"
    OTHER = "其他资金"


@attrs.frozen
class FundsRow:
    """One row of the funds block (项目资金).

    Attributes:
        kind: Which row: total, this year's appropriation, carry-over, other.
        initial_budget: 年初预算数.
        full_year_budget: 全年预算数 (after adjustments).
        executed: 全年执行数.
        weight: 分值 (usually 10 on the total row, blank elsewhere).
        rate: 执行率 in percent as printed (``98.29`` for 98.29%).
        score: 得分.
    """

    kind: FundsRowKind
    initial_budget: Cell = _EMPTY
    full_year_budget: Cell = _EMPTY
    executed: Cell = _EMPTY
    weight: Decimal | None = None
    rate: Decimal | None = None
    score: Decimal | None = None


@attrs.frozen
class ScoredIndicator:
    """An indicator row of a self-evaluation, with its result and score.

    Attributes:
        indicator: Levels, content and 年度指标值 (the target).
        actual: 实际完成值; ``None`` for an empty cell.
        weight: 分值.
        score: 得分.
        deviation: 偏差原因分析及改进措施.
    """

    indicator: Indicator
    actual: IndicatorValue | None = None
    weight: Decimal | None = None
    score: Decimal | None = None
    deviation: str = ""


class Grade(enum.Enum):
    """The grade (等级) a total score earns."""

    EXCELLENT = "优"
    GOOD = "良"
    FAIR = "中"
    POOR = "差"

    @classmethod
    def parse(cls, text: str) -> Grade | None:
        """Read 优/优秀, 良/良好, 中/中等/合格, 差/较差/不合格.

        >>> Grade.parse("优秀")
        <Grade.EXCELLENT: '优'>
        """
        if not isinstance(text, str):
            raise WrongTypeError(text, "a grade as a string")
        return _GRADES.get(_clean(text))


_GRADES = {
    "优": Grade.EXCELLENT,
    "优秀": Grade.EXCELLENT,
    "良": Grade.GOOD,
    "良好": Grade.GOOD,
    "中": Grade.FAIR,
    "中等": Grade.FAIR,
    "合格": Grade.FAIR,
    "差": Grade.POOR,
    "较差": Grade.POOR,
    "不合格": Grade.POOR,
}


@attrs.frozen
class SelfEvaluation(_Printable):
    """A scored project self-evaluation form (项目支出绩效自评表).

    Attributes:
        name: 项目名称.
        year: The year evaluated.
        department: 主管部门.
        implementer: 实施单位.
        funds: The funds block rows; see :class:`FundsRowKind`.
        expected_goal: 年度总体目标: 预期目标.
        achieved_goal: 年度总体目标: 实际完成情况.
        indicators: The indicator rows with results and scores.
        total: 总分 as printed.
        grade: 等级 as printed, if printed.
    """

    name: str
    year: int | None = None
    department: str = ""
    implementer: str = ""
    funds: tuple[FundsRow, ...] = ()
    expected_goal: str = ""
    achieved_goal: str = ""
    indicators: tuple[ScoredIndicator, ...] = ()
    total: Decimal | None = None
    grade: Grade | None = None

    kind_zh = "项目支出绩效自评表"

    @property
    def key(self) -> str:
        """The id findings use for this form: ``自评:<name>``."""
        return f"自评:{self.name}"

    def funds_row(self, kind: FundsRowKind) -> FundsRow | None:
        """The funds row of the given kind, if printed."""
        return next((row for row in self.funds if row.kind is kind), None)


class LegacyTargetKind(enum.Enum):
    """A target row of the older self-evaluation (绩效内容)."""

    INPUT = "投入目标"
    OUTPUT = "产出目标"
    BENEFIT = "效益目标"


@attrs.frozen
class LegacyTarget:
    """A target row of the older self-evaluation.

    Attributes:
        kind: 投入, 产出 or 效益目标.
        content: 目标内容, as printed.
        completion: 目标完成情况 (已完成, 部分完成 …).
        reason: 未完成的原因及改进措施.
    """

    kind: LegacyTargetKind
    content: str
    completion: str = ""
    reason: str = ""

    @property
    def status(self) -> Completion:
        """The completion phrase, classified."""
        return completion_of(self.completion)


@attrs.frozen
class CostItem:
    """One line of a cost breakdown (单位成本), e.g. 维修维护工程款 250 万元."""

    name: str
    amount: Cell


@attrs.frozen
class LegacySelfEvaluation(_Printable):
    """The older, unscored self-evaluation form (绩效目标自评表, pre-2020).

    It states 投入/产出/效益 targets with their completion in words and has
    no scores. The 投入目标 text carries a cost breakdown, a total cost and
    a quarterly spending schedule, kept here in structured fields beside
    the text.

    Attributes:
        name: 项目名称.
        year: The year evaluated.
        category: 项目类别 ticked (常规, 一次性, 追加).
        department: 项目主管部门.
        implementer: 项目实施单位.
        period: 项目周期 as printed (``1 年``).
        attribute: 项目属性 ticked (新增/延续).
        budget: 预算金额.
        fiscal: 其中: 财政拨款.
        other: 其它资金.
        annual_goal: 年度目标总体描述.
        targets: The 投入/产出/效益 rows.
        cost_items: 单位成本 lines read from the 投入目标 text.
        total_cost: 总成本 read from the 投入目标 text.
        schedule: 使用进度 read from the 投入目标 text.
    """

    name: str
    year: int | None = None
    category: str = ""
    department: str = ""
    implementer: str = ""
    period: str = ""
    attribute: ProjectAttribute | None = None
    budget: Cell = _EMPTY
    fiscal: Cell = _EMPTY
    other: Cell = _EMPTY
    annual_goal: str = ""
    targets: tuple[LegacyTarget, ...] = ()
    cost_items: tuple[CostItem, ...] = ()
    total_cost: Cell | None = None
    schedule: QuarterlySchedule | None = None

    kind_zh = "绩效目标自评表"

    @property
    def key(self) -> str:
        """The id findings use for this form: ``自评:<name>``."""
        return f"自评:{self.name}"

    def target(self, kind: LegacyTargetKind) -> LegacyTarget | None:
        """The target row of the given kind, if printed."""
        return next((row for row in self.targets if row.kind is kind), None)


Form = ProjectTargetForm | DepartmentTargetForm | SelfEvaluation | LegacySelfEvaluation
"""Any performance form."""

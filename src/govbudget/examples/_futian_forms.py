"""The performance forms of the Futian housing affairs centre sample.

Transcribed from the 2019 department budget disclosure of 深圳市福田区住房事务
中心 (sample ``000_fc1384726991ee33``): the two 2019 项目支出绩效目标表 of
section （九）, and the 2018 绩效目标自评表 of 附件 1, an older unscored
self-evaluation.

Cells are kept as printed, with three readings of the ragged text noted
where they are made:

* The 工作时效 rows print ``1 年`` in the 指标内容 column and nothing under
  指标值; the text is read as the target, with empty content.
* Merged 一级 cells are filled down, so 可持续影响 and 服务对象满意度指标 stand
  under 效益指标, as printed (the forms have no 满意度指标 first level).
* The 2018 project name prints with line-wrap spaces
  (``保障性住房 维修维护管 理支出``); they are removed.

>>> first, second, legacy = futian_forms()
>>> str(first.budget), str(first.indicators[0].target)
('300.00', '≤60套')
>>> [str(q) for q in legacy.schedule.quarters]
['0', '0', '75', '1']
"""

from __future__ import annotations

from govbudget.amounts import Amount, parse_amount
from govbudget.performance import (
    Continuity,
    CostItem,
    Indicator,
    LegacySelfEvaluation,
    LegacyTarget,
    LegacyTargetKind,
    ProjectAttribute,
    ProjectTargetForm,
    QuarterlySchedule,
    ScheduleKind,
)

__all__ = ["futian_forms"]

_DEPARTMENT = "深圳市福田区住房和建设局"
_IMPLEMENTER = "深圳市福田区住房事务中心"
_PERIOD = "2019-01-01~2019-12-31"


def _amount(text: str) -> Amount:
    value = parse_amount(text)
    assert isinstance(value, Amount)
    return value


def _row(first: str, second: str, content: str, target: str | None) -> Indicator:
    return Indicator.from_cells(first, second, content, target)


def _maintenance_2019() -> ProjectTargetForm:
    """保障性住房管理支出, sample lines 266–280."""
    indicators = (
        _row("产出指标", "数量指标", "根据保障房承租人报修情况核定", "≤60 套"),
        _row("产出指标", "质量指标", "根据维修后的工程返修率而定", "≤5%"),
        _row("产出指标", "工作时效", "", "1 年"),
        _row("效益指标", "经济效益指标", "不适用", "不适用"),
        _row(
            "效益指标",
            "社会效益指标",
            "切实保障区内企业、社会组织及人才的住房需求,提升人才就业创业率。",
            "≥80%",
        ),
        _row("效益指标", "生态效益指标", "不适用", "不适用"),
        _row(
            "效益指标",
            "可持续影响",
            "稳步推进保障性住房建设筹集,不断完善住房保障体系,持续增强住房保障能力,"
            "为实现全体人民“住有所居”目标打下坚实基础,让辖区群众安居福田、乐享福田",
            "≥80%",
        ),
        _row("效益指标", "服务对象满意度指标", "报修保障性住房租户的满意度", "≥75%"),
    )
    return ProjectTargetForm(
        name="保障性住房管理支出",
        year=2019,
        attribute=ProjectAttribute.parse("上年延续"),
        continuity=Continuity.parse("经常性项目"),
        period=_PERIOD,
        department=_DEPARTMENT,
        implementer=_IMPLEMENTER,
        budget=_amount("300.00"),
        fiscal=_amount("300.00"),
        other=_amount("0.00"),
        long_term_goal="对申报维修的保障性住房进行验房以及确定维修主体,明确维修数量。",
        annual_goal="委托第三方完成对辖区内保障性住房的维修工程",
        indicators=indicators,
        attribute_label="上年延续",
        continuity_label="经常性项目",
    )


def _daily_management_2019() -> ProjectTargetForm:
    """保障性住房日常管理费, sample lines 286–300."""
    indicators = (
        _row("产出指标", "数量指标", "做好各类住房的管理", "5561"),
        _row("产出指标", "质量指标", "完成因管理保障性住房产生费用的支付工作", "≥80%"),
        _row("产出指标", "工作时效", "", "1年"),
        _row("效益指标", "经济效益指标", "不适用", None),
        _row(
            "效益指标",
            "社会效益指标",
            "切实保障福田辖区保障性住房承租人的住房需求,提高居民生活幸福指数",
            "≥80%",
        ),
        _row("效益指标", "生态效益指标", "不适用", None),
        _row(
            "效益指标",
            "可持续影响",
            "创新保障房智能化、精细化管理理念,提高保障房管理工作、优化办事流程,提高办事效率。",
            "≥80%",
        ),
        _row("效益指标", "服务对象满意度指标", "辖区内保障性住房承租人满意度", "≥80%"),
    )
    return ProjectTargetForm(
        name="保障性住房日常管理费",
        year=2019,
        attribute=ProjectAttribute.parse("新增项目"),
        continuity=Continuity.parse("经常性项目"),
        period=_PERIOD,
        department=_DEPARTMENT,
        implementer=_IMPLEMENTER,
        budget=_amount("200.00"),
        fiscal=_amount("200.00"),
        other=_amount("0.00"),
        long_term_goal="通过日常巡查等方式,减少保障性住房转租转借等违规行为",
        annual_goal="对辖区内保障性住房进行日常巡查、管理,加强对辖区内保障房的管理。",
        indicators=indicators,
        attribute_label="新增项目",
        continuity_label="经常性项目",
    )


def _self_evaluation_2018() -> LegacySelfEvaluation:
    """保障性住房维修维护管理支出项目 绩效目标自评表 (2018), sample lines 356–372."""
    targets = (
        LegacyTarget(
            LegacyTargetKind.INPUT,
            "单位成本： 1、保障性住房维修维护工程款 250 万元。2、其他维护维修费用 50 万元。 "
            "总成本：300 万元 使用进度： 第一季度 0 万元，第二季度 0 万元，第三季度 75 万元，"
            "第四季度 1 万元",
            "部分完成",
            "5 月签订合同，按照合同约定先支付合同价款的 30%75 万元，"
            "剩余款项 2019 年结算审计后再支付",
        ),
        LegacyTarget(
            LegacyTargetKind.OUTPUT,
            "1、数量目标： 根据保障房承租人报修情况核定（约 45 套） "
            "质量目标： 根据维修后的工程返修率而定（≤5%） 工作时效： 1 年",
            "已完成",
        ),
        LegacyTarget(
            LegacyTargetKind.BENEFIT,
            "经济效益： 不适用 社会效益： 不适用 生态效益： 不适用 "
            "服务对象满意度： 报修保障房维修租户的满意度（≥98%）",
            "已完成",
        ),
    )
    return LegacySelfEvaluation(
        name="保障性住房维修维护管理支出",
        year=2018,
        category="常规",
        department=_DEPARTMENT,
        implementer=_IMPLEMENTER,
        period="1 年",
        attribute=ProjectAttribute.CONTINUING,
        budget=_amount("300 万元"),
        fiscal=_amount("300 万元"),
        other=_amount("0 万元"),
        annual_goal="委托第三方对申报维修的保障性住房进行验房以及确定维修主体，明确维修数量。",
        targets=targets,
        cost_items=(
            CostItem("保障性住房维修维护工程款", _amount("250 万元")),
            CostItem("其他维护维修费用", _amount("50 万元")),
        ),
        total_cost=_amount("300 万元"),
        schedule=QuarterlySchedule(
            _amount("0 万元"),
            _amount("0 万元"),
            _amount("75 万元"),
            _amount("1 万元"),
            kind=ScheduleKind.PROGRESS,
        ),
    )


def futian_forms() -> tuple[ProjectTargetForm, ProjectTargetForm, LegacySelfEvaluation]:
    """The sample's two 2019 project target forms and its 2018 self-evaluation.

    Returns:
        ``(保障性住房管理支出, 保障性住房日常管理费, 2018 绩效目标自评表)``.
    """
    return _maintenance_2019(), _daily_management_2019(), _self_evaluation_2018()

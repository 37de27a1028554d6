"""Performance forms: the form rules of :mod:`govbudget.performance` as audit rules.

Each rule in ``FORM_RULES`` (P-01 … P-16) runs over every performance form
the disclosure carries, with the regional choices in
``AuditOptions.forms``. The rules' own documentation is in the performance
pages of the docs.
"""

from __future__ import annotations

from collections.abc import Iterator

from govbudget.audit.context import AuditContext
from govbudget.audit.registry import Check, rule
from govbudget.findings import Finding
from govbudget.performance import FORM_RULES, FormRule

_TITLES_ZH = {
    "P-01": "本年预算金额 = 财政拨款 + 其他资金",
    "P-02": "分季度资金安排之和等于所列总额",
    "P-03": "资金使用进度不超过预算",
    "P-04": "成本构成之和等于总成本",
    "P-05": "资金行次相加一致",
    "P-06": "执行率 = 执行数 / 预算数",
    "P-07": "分值合计为 100",
    "P-08": "一级指标分值符合评分规则",
    "P-09": "得分不超过分值",
    "P-10": "各项得分之和 = 总分",
    "P-11": "等级与总分相符",
    "P-12": "所列得分与按规则重算的得分一致",
    "P-13": "必备的一级指标齐全",
    "P-14": "二级指标位于其所属一级指标之下",
    "P-15": "指标层级可识别",
    "P-16": "适用的指标都有指标值",
}


def _wrap(form_rule: FormRule) -> Check:
    def check(ctx: AuditContext) -> Iterator[Finding]:
        for form in ctx.disclosure.performance_forms:
            yield from form_rule.check(form, ctx.options.forms, form_rule)

    check.__doc__ = form_rule.doc
    return check


for _form_rule in FORM_RULES:
    rule(
        _form_rule.id,
        title=_form_rule.title,
        title_zh=_TITLES_ZH[_form_rule.id],
        category=_form_rule.category,
        severity=_form_rule.severity,
    )(_wrap(_form_rule))

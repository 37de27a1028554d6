"""Reading the prose: headings, staffing counts, other matters, glossary.

The prose parts are kept whole; this module only recognises headings and
picks out the few figures the model types (编制数 and other counts,
政府采购 amounts and share, 车辆, 机关运行经费).
"""

from __future__ import annotations

import re

import attrs

from govbudget.amounts import Amount, Blank, Percent, parse_amount
from govbudget.disclosure import OtherMatters, Procurement, Staffing, StateAssets
from govbudget.errors import GovBudgetError
from govbudget.readers._lines import SourceLine, clean

__all__ = [
    "Heading",
    "heading_of",
    "join_text",
    "other_matters",
    "section_topic",
    "staffing",
]

_CHAPTER = re.compile(r"^\s*(第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、)\s*(\S.*)$")
_SECTION = re.compile(r"^\s*([(（][一二三四五六七八九十]+[)）])\s*(\S.*)$")
_ITEM = re.compile(r"^\s*(\d{1,2}[.．、](?!\d))\s*(\S.*)$")


@attrs.frozen
class Heading:
    """A heading line: its level, number as printed, and title."""

    level: str  # "chapter", "section" or "item"
    number: str
    title: str


def heading_of(text: str) -> Heading | None:
    """Whether a line is a heading ("一、…", "(一) …", "1. …") and which.

    Headings are short and do not end a sentence with a figure; a numbered
    line of prose longer than 40 characters is not a heading.
    """
    for level, pattern in (("chapter", _CHAPTER), ("section", _SECTION), ("item", _ITEM)):
        found = pattern.match(text)
        if found is None:
            continue
        title = found.group(2).strip()
        words = clean(title)
        if len(words) > 40 or re.search(r"[,，;；]|。.|万元", words) or words.startswith("、"):
            return None
        return Heading(level, found.group(1), title)
    return None


def join_text(lines: list[SourceLine]) -> str:
    """Lines kept as printed, runs of blank lines reduced to one."""
    text = "\n".join(line.text.rstrip() for line in lines).strip()
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    return text


_TOPICS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("三公",), "07"),
    (("一般公共预算", "基本支出"), "06"),
    (("一般公共预算", "支出"), "05"),
    (("政府性基金",), "08"),
    (("国有资本经营",), "09"),
    (("财政拨款", "收入支出"), "04"),
    (("财政拨款", "收支"), "04"),
    (("绩效",), "performance"),
    (("其他重要事项",), "other_matters"),
    (("收入支出决算总",), "01"),
    (("收支决算总",), "01"),
    (("收入决算",), "02"),
    (("支出决算",), "03"),
)


def section_topic(title: str) -> str | None:
    """What a 情况说明 section explains: a table id, "performance" or "other_matters"."""
    words = clean(title).replace("“", "").replace("”", "").replace('"', "")
    if "高等学校" in words:
        return None
    for needed, topic in _TOPICS:
        if all(word in words for word in needed):
            return topic
    return None


_COUNTS = {
    "authorised": re.compile(r"编制(?:数|人数)?(?:为|共)?(\d+)(?:人|名)"),
    "actual": re.compile(r"(?<!派遣)实有(?:人数|在职人员)?(?:为|共)?(\d+)(?:人|名)"),
    "contract_staff": re.compile(r"雇员(?:员额)?(?:为|共)?(\d+)(?:人|名)"),
    "dispatched": re.compile(r"劳务派遣(?:实有)?(?:人数|人员)?(?:为|共)?(\d+)(?:人|名)"),
    "retired": re.compile(r"离退休(?:人员|人数)?(?:为|共)?(\d+)(?:人|名)"),
}


def staffing(text: str) -> Staffing:
    """The counts a 机构设置 text states: 编制数, 实有人数, 雇员, 劳务派遣, 离退休."""
    flat = clean(text)
    found: dict[str, int] = {}
    for field, pattern in _COUNTS.items():
        match = pattern.search(flat)
        if match is not None:
            found[field] = int(match.group(1))
    return Staffing(**found)


_FIGURE = r"([\d,]+(?:\.\d+)?)(万元|亿元|元)"
_PROCUREMENT = {
    "total": re.compile(r"政府采购(?:支出)?总额(?:为|共计|合计)?" + _FIGURE),
    "goods": re.compile(r"货物(?:类)?(?:支出|采购)?(?:为)?" + _FIGURE),
    "works": re.compile(r"工程(?:类)?(?:支出|采购)?(?:为)?" + _FIGURE),
    "services": re.compile(r"服务(?:类)?(?:支出|采购)?(?:为)?" + _FIGURE),
    "sme_amount": re.compile(r"中小企业合同金额(?:为)?" + _FIGURE),
}
_SME_SHARE = re.compile(
    r"占[^。；%]{0,20}?比例?(?:为)?(\d+(?:\.\d+)?)%|占政府采购支出总额的(\d+(?:\.\d+)?)%"
)
_VEHICLES = re.compile(r"车辆(?:共)?(\d+)(?:辆|台)")
_RUNNING = re.compile(r"机关运行经费(?:支出)?(?:共计|合计|为)?" + _FIGURE)


def _amount(match: re.Match[str] | None) -> Amount | Blank | None:
    if match is None:
        return None
    try:
        return parse_amount(match.group(1) + match.group(2))
    except GovBudgetError:
        return None


@attrs.define
class OtherParts:
    """The numbered items of 其他重要事项, sorted by what they are about."""

    running_costs: list[str] = attrs.field(factory=list)
    procurement: list[str] = attrs.field(factory=list)
    assets: list[str] = attrs.field(factory=list)
    other: list[str] = attrs.field(factory=list)


def item_kind(title: str) -> str:
    """Which part of 其他重要事项 a numbered item heading introduces."""
    words = clean(title)
    if "机关运行经费" in words:
        return "running_costs"
    if "政府采购" in words:
        return "procurement"
    if "国有资产" in words or "资产占用" in words:
        return "assets"
    return "other"


def other_matters(parts: OtherParts) -> OtherMatters:
    """Typed 其他重要事项 from the texts of its numbered items."""
    running = "\n\n".join(parts.running_costs)
    buying = clean("".join(parts.procurement))
    assets = "\n\n".join(parts.assets)

    share_match = _SME_SHARE.search(buying)
    share = None
    if share_match is not None:
        share = Percent.parse(share_match.group(1) or share_match.group(2))
    procurement = Procurement(
        **{field: _amount(pattern.search(buying)) for field, pattern in _PROCUREMENT.items()},
        sme_share=share,
    )
    vehicles = _VEHICLES.search(clean(assets))
    return OtherMatters(
        running_costs=_amount(_RUNNING.search(clean(running))),
        running_costs_text=running,
        procurement=procurement,
        assets=StateAssets(vehicles=int(vehicles.group(1)) if vehicles else None, text=assets),
        other="\n\n".join(parts.other),
    )


_GLOSSARY = re.compile(
    r"^\s*(?:\d{1,2}[.．、]|[(（][一二三四五六七八九十\d]+[)）])\s*([^：:]{1,30})[：:]\s*(.*)$"
)


def glossary_entry(text: str) -> tuple[str, str] | None:
    """A numbered "term：definition" line, as (term, definition)."""
    found = _GLOSSARY.match(text)
    if found is None:
        return None
    return found.group(1).strip(), found.group(2).strip()


def empty_statement(text: str) -> bool:
    """Whether a paragraph states that a table has nothing to show (本单位无…)."""
    words = clean(text)
    return ("无" in words or "没有" in words) and not re.search(r"[1-9]", words)

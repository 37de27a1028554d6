"""The patterns the grammar reads: figures, years, change words, fillers."""

from __future__ import annotations

import re

__all__ = [
    "BOUNDARY",
    "CHANGE_AT_END",
    "COMPARISON",
    "CONJUNCTION",
    "DOWN_WORDS",
    "FIGURE",
    "FLAT",
    "RATE_WORDS",
    "YEAR",
    "clean_name",
]

_NUM = r"\d+(?:,\d{3})*(?:\.\d+)?"

FIGURE = re.compile(
    rf"(?P<list>(?:{_NUM}[、，和及与])+(?={_NUM}(?:亿元|万元|元)))?"
    rf"(?P<number>{_NUM})"
    r"(?:(?P<unit>亿元|万元|元)"
    r"|(?P<percent>%)"
    r"|(?P<approx>余|多)?(?P<measure>辆|台|人次|人|名|个(?!月)|套|户|次|例|项|所|家)(?P<about>左右)?)"
)
"""A figure: an amount with its unit word, a percentage, or a count with its
measure word. ``list`` catches the numbers of "11.10、577.00、78.00 万元"
that share the last one's unit."""

BOUNDARY = re.compile(r"[，,；;：:、]")
"""Where a clause starts: the name of a figure is read back to the last of these."""

CONJUNCTION = re.compile(r"[、，和及与]?")
"""What may stand between two figures of a list."""

YEAR = re.compile(
    r"(?P<year>\d{4})年(?:度)?|(?P<prior>上一?年度?(?!结转)|去年)|(?P<this>本年度?|当年|今年)"
)
"""A year mention: a calendar year, or 上年/本年 words ("上年结转" is a
balance, not a year)."""

COMPARISON = re.compile(
    r"较|比|同比|相比|与(?:上年|\d{4}年)|在(?:上年|\d{4}年)(?:度)?(?:决算\S*?)?(?:的)?基础上"
)
"""The words that introduce what a change is measured against."""

CHANGE_AT_END = re.compile(
    r"(?P<verb>增长|增加|减少|下降|降低|上升|提高|增支|减支|节约|节支)(?:了|约|为)?$"
)
"""A change verb just before an amount: "…较上年减少 100.82 万元"."""

RATE_WORDS = re.compile(
    r"(?P<verb>增长率|增幅|降幅|减幅|增长|增加|减少|下降|降低|上升|提高)(?:率)?(?:为|了|约|达)?$"
)
"""A change word just before a percentage: "增长率 38.37%", "下降 5.2%"."""

DOWN_WORDS = frozenset({"减少", "下降", "降低", "降幅", "减幅", "减支", "节约", "节支"})

FLAT = re.compile(r"(?:与|和|同)(?:上年|\d{4}年)(?:度)?(?:相比)?(?:基本)?持平")
"""A change stated as none: "与上年持平"."""

_FILLER_END = re.compile(r"(?:为|是|达到|达|约|共计|共|了|的|数)+$")
_FILLER_START = re.compile(r"^(?:其中|其次|另外|以及|和|及|本部门|本单位|我中心|我单位|全年|累计)+")


def clean_name(text: str) -> str:
    """A name without years, brackets at the ends, and filler words.

    >>> clean_name("2018年度支出合计数为")
    '支出合计'
    >>> clean_name("其中人员经费支出")
    '人员经费支出'
    """
    name = YEAR.sub("", text)
    name = re.sub(r"[“”‘’\"']", "", BOUNDARY.sub("", name)).strip("()（） ")
    previous = None
    while previous != name:
        previous = name
        name = _FILLER_END.sub("", _FILLER_START.sub("", name))
    return name

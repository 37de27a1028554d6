"""Recognising table titles, table numbers, units and form titles.

Tables are found by what they are called, not by where they stand: a
title may carry a year, an entity or a number before it ("2018年收入支出
决算总表", "表一 …", "公开01表 …"), and the number may stand on a line of
its own ("公开 01 表").
"""

from __future__ import annotations

import re

import attrs

from govbudget.amounts import Unit
from govbudget.readers._lines import clean

__all__ = ["TitleMatch", "match_marker", "match_title", "unit_in"]

# Titles of the final-accounts tables, longest first so that
# 财政拨款收入支出决算总表 is not taken for 收入支出决算总表. Quotes are
# removed before matching ("三公" is printed with “” or "").
_FINAL_TITLES: tuple[tuple[str, str], ...] = tuple(
    sorted(
        (
            ("收入支出决算总表", "01"),
            ("收入支出决算表", "01"),
            ("收入决算表", "02"),
            ("支出决算表", "03"),
            ("财政拨款收入支出决算总表", "04"),
            ("财政拨款收入支出决算表", "04"),
            ("一般公共预算财政拨款支出决算表", "05"),
            ("一般公共预算财政拨款收入支出决算表", "05"),
            ("一般公共预算财政拨款基本支出决算表", "06"),
            ("一般公共预算财政拨款三公经费支出决算表", "07"),
            ("一般公共预算财政拨款安排的三公经费支出决算表", "07"),
            ("财政拨款三公经费支出决算表", "07"),
            ("政府性基金预算财政拨款收入支出决算表", "08"),
            ("国有资本经营预算财政拨款支出决算表", "09"),
            ("国有资本经营预算财政拨款收入支出决算表", "09"),
        ),
        key=lambda pair: -len(pair[0]),
    )
)

_QUOTES = str.maketrans("", "", "“”\"'‘’「」")
_MARKER = re.compile(r"公开(\d{1,2})表")
_PREFIX = re.compile(
    r"^(?:公开\d{1,2}表|表[一二三四五六七八九十\d]+[:：、.]?|附表\d*[:：、.]?"
    r"|[(（]?[一二三四五六七八九十\d]+[)）、.]|\d{4}年度?)+"
)
_UNIT = re.compile(r"(?:金额)?单位[:：]\s*(万元|亿元|元)")
_PROSE = re.compile(r"[《》。，；]")
_FORM_ENDINGS = ("绩效目标表", "绩效自评表", "目标自评表", "绩效目标填报表", "绩效评价表")


@attrs.frozen
class TitleMatch:
    """A line recognised as the title of a table.

    Attributes:
        kind: "final accounts", "budget", "university final accounts" or
            "performance form".
        table_id: For final-accounts tables, "01" … "09".
        name: The title as matched, quotes and spaces removed.
    """

    kind: str
    table_id: str | None
    name: str


def match_marker(text: str) -> str | None:
    """The table number of a "公开 01 表" line, as "01"."""
    found = _MARKER.search(clean(text))
    return found.group(1).zfill(2) if found else None


def unit_in(text: str) -> Unit | None:
    """The unit named on a line ("单位：万元", "金额单位:元"), if any."""
    found = _UNIT.search(clean(text))
    return Unit.parse(found.group(1)) if found else None


def match_title(text: str) -> TitleMatch | None:
    """Whether a line is a table title, and of which table.

    A title is a short line ending in 表 (or a form name), not prose: it
    holds no 《》, no full stop and no comma.
    """
    name = clean(text).translate(_QUOTES)
    if not name or len(name) > 48 or _PROSE.search(name):
        return None
    name = name.removesuffix("(续)").removesuffix("续表")
    if name.endswith(_FORM_ENDINGS):
        return TitleMatch("performance form", None, name)
    if not name.endswith("表") or name.endswith(("公开表", "报表")):
        return None

    body = _PREFIX.sub("", name)
    if "高等学校" in body and "决算" in body:
        return TitleMatch("university final accounts", None, name)
    if "决算" in body:
        for title, table_id in _FINAL_TITLES:
            if body.endswith(title):
                return TitleMatch("final accounts", table_id, name)
        if body.endswith(("部门决算表", "年度决算表", "单位决算表")):
            return None
        return TitleMatch("final accounts (other)", None, name)
    if "预算" in body and body.endswith(("预算表", "预算总表", "情况表")):
        return TitleMatch("budget", None, name)
    return None

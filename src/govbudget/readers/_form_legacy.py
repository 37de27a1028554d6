"""The older, unscored self-evaluation (绩效目标自评表, pre-2020 Shenzhen style).

Below the header pairs it prints three target rows, 投入目标, 产出目标 and
效益目标, each with its 目标内容, 目标完成情况 and 未完成的原因及改进措施.
The 投入目标 text states the unit costs, the total cost and the quarterly
schedule in words ("单位成本： 1、… 250 万元。… 总成本：300 万元 使用进度：
第一季度 0 万元，…"); they are read from it as well.
"""

from __future__ import annotations

import re

from govbudget.amounts import Amount, Cell, parse_amount
from govbudget.errors import GovBudgetError
from govbudget.performance import (
    CostItem,
    LegacyTarget,
    LegacyTargetKind,
    QuarterlySchedule,
    ScheduleKind,
)
from govbudget.readers._form_cells import FormRow
from govbudget.readers._lines import clean

__all__ = ["CostReading", "is_target_header", "read_costs", "target_kind", "target_row"]

_MONEY = r"\d[\d,]*(?:\.\d+)?\s*(?:万元|亿元|元)"
_UNIT_COST = re.compile(r"单位成本\s*[:：]\s*(.*?)\s*(?=总成本|使用进度|进度安排|$)")
_TOTAL_COST = re.compile(rf"总成本\s*[:：]\s*({_MONEY})")
_QUARTER = re.compile(rf"第([一二三四])季度\s*[:：]?\s*({_MONEY})")
_ITEM = re.compile(rf"^\s*(.+?)\s*({_MONEY})[\s。；;，,.]*$")
_SCHEDULE_LABEL = re.compile(r"([^\s:：，。]*进度[^\s:：，。]*)\s*[:：]")
_QUARTERS = "一二三四"


def target_kind(text: str) -> LegacyTargetKind | None:
    """The target row a label cell opens (投入目标 (包括…) → INPUT)."""
    words = clean(text)
    for kind in LegacyTargetKind:
        if words.startswith(kind.value):
            return kind
    return None


def is_target_header(row: FormRow) -> bool:
    """Whether a row heads the target rows (绩效内容 | 目标内容 | …)."""
    words = [clean(text) for text in row.texts]
    return "目标内容" in words or ("绩效内容" in words and any("完成" in w for w in words))


def target_row(row: FormRow, header: FormRow | None) -> tuple[LegacyTarget, list[str]]:
    """A target row, and the cells left over.

    Cells go to the header's columns when the row keeps the header's cell
    positions (tab-separated text); otherwise they are taken in order.
    """
    kind = target_kind(row.texts[0])
    assert kind is not None
    cells = row.cells[1:]
    columns = _header_columns(header)
    if columns and all(cell.index in columns.values() for cell in cells):
        by_index = {cell.index: cell.text for cell in cells}
        return (
            LegacyTarget(
                kind,
                by_index.get(columns.get("content"), ""),
                by_index.get(columns.get("completion"), ""),
                by_index.get(columns.get("reason"), ""),
            ),
            [],
        )
    texts = [cell.text for cell in cells]
    padded = [*texts[:3], "", "", ""][:3]
    return LegacyTarget(kind, padded[0], padded[1], padded[2]), texts[3:]


def _header_columns(header: FormRow | None) -> dict[str, int | None]:
    if header is None or not header.indexed:
        return {}
    columns: dict[str, int | None] = {}
    for cell in header.cells:
        words = clean(cell.text)
        if words == "目标内容":
            columns["content"] = cell.index
        elif "完成情况" in words:
            columns["completion"] = cell.index
        elif "原因" in words:
            columns["reason"] = cell.index
    return columns if len(columns) == 3 else {}


class CostReading:
    """Unit costs, total cost and schedule read from the 投入目标 text.

    Attributes:
        items: The 单位成本 lines.
        total: 总成本, if stated.
        schedule: The quarterly schedule, if all four quarters are stated.
        problems: What was stated but could not be read.
    """

    def __init__(self) -> None:
        self.items: list[CostItem] = []
        self.total: Cell | None = None
        self.schedule: QuarterlySchedule | None = None
        self.problems: list[str] = []


def read_costs(text: str) -> CostReading:
    """Read the cost breakdown, total and schedule from an 投入目标 text.

    >>> costs = read_costs("单位成本： 1、工程款 250 万元。 总成本：250 万元")
    >>> [(item.name, str(item.amount)) for item in costs.items], str(costs.total)
    ([('工程款', '250')], '250')
    """
    reading = CostReading()
    found = _UNIT_COST.search(text)
    if found is not None:
        for piece in re.split(r"\d+\s*[、.．]\s*(?=\D)", found.group(1)):
            if not piece.strip():
                continue
            item = _ITEM.match(piece)
            amount = _amount(item.group(2)) if item else None
            if item is None or amount is None:
                reading.problems.append(f"unit cost {piece.strip()!r} not read")
                continue
            reading.items.append(CostItem(item.group(1).strip(), amount))

    total = _TOTAL_COST.search(text)
    if total is not None:
        reading.total = _amount(total.group(1))
    elif "总成本" in text:
        reading.problems.append("总成本 stated but not read")

    quarters = _QUARTER.findall(text)
    if [name for name, _ in quarters] == list(_QUARTERS):
        amounts = [_amount(money) for _, money in quarters]
        if all(amount is not None for amount in amounts):
            first, second, third, fourth = (a for a in amounts if a is not None)
            reading.schedule = QuarterlySchedule(first, second, third, fourth, kind=_kind(text))
    if reading.schedule is None and "季度" in text:
        reading.problems.append("quarterly schedule stated but not read (four quarters wanted)")
    return reading


def _kind(text: str) -> ScheduleKind:
    """A plan (…进度安排) or a report of progress (使用进度)."""
    label = _SCHEDULE_LABEL.search(text)
    if label is None or "安排" in label.group(1) or "计划" in label.group(1):
        return ScheduleKind.PLAN
    return ScheduleKind.PROGRESS


def _amount(text: str) -> Amount | None:
    try:
        value = parse_amount(text)
    except GovBudgetError:
        return None
    return value if isinstance(value, Amount) else None

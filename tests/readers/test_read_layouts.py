"""Layouts the reader understands beyond the sample's tab-separated text."""

from __future__ import annotations

from decimal import Decimal

import pytest

from govbudget.amounts import Blank, Unit
from govbudget.readers import LineStatus, ReadError, read_text

ALIGNED = """某某区统计局 2019 年度部门决算

二、2019 年度部门决算表

公开05表 一般公共预算财政拨款支出决算表
                                                         单位：元
  项      目                                本年支出
功能分类科目编码     科目名称          小计          基本支出        项目支出
栏 次                                      1              2              3
合    计                           １,２３４.５０     1,000.00          234.50
201                一般公共服务支出    1,234.50      1,000.00          234.50
20105              统计信息事务        1,234.50      1,000.00          234.50
                   统计抽样调查
2010507                                  234.50                        234.50
                   (专项)
2010501            行政运行            1,000.00      1,000.00

                                   3
\f208 05 05        机关事业单位基本养老保险缴费支出        -        -       -
注：本表反映部门本年度一般公共预算财政拨款支出情况。

政府性基金预算财政拨款收入支出决算表

公开 08 表
| 项目 | | 年初结转和结余 | 本年收入 | 本年支出 | | | 年末结转和结余 |
|---|---|---|---|---|---|---|---|
| 合计 | | 0.00 | 0.00 | 0.00 | 0.00 | 0.00 | 0.00 |
本单位无政府性基金预算财政拨款收入、支出及结转结余情况，故本表为空表。
"""


def test_space_aligned_table_with_wrapped_names_and_sparse_rows() -> None:
    result = read_text(ALIGNED)
    table = result.disclosure.table("05")  # type: ignore[union-attr]

    assert Unit.YUAN == table.unit
    assert ["total", "201", "20105", "2010507", "2010501", "2080505"] == [r.key for r in table]
    assert "合 计" == table.row("total").label
    assert Decimal("1234.50") == table.amount("total", "total").value  # type: ignore[union-attr]
    assert "统计抽样调查(专项)" == table.row("2010507").label
    assert {"total", "project"} == set(table.row("2010507").cells)
    assert Blank("-") == table.value("2080505", "basic")
    assert (19, 2) == (table.row("2080505").line, table.row("2080505").page)
    assert "公开05表 一般公共预算财政拨款支出决算表" == table.title


def test_pipes_and_empty_table_statement() -> None:
    result = read_text(ALIGNED)
    disclosure = result.disclosure

    assert disclosure is not None
    assert "本单位无政府性基金" in disclosure.empty_statements["08"]
    assert "0.00" == str(disclosure.table("08").amount("total", "closing_balance"))


def test_page_number_and_rule_lines_are_layout() -> None:
    report = read_text(ALIGNED).report
    by_line = {note.line: note for note in report.lines}

    assert LineStatus.IGNORED is by_line[18].status
    assert "page number" == by_line[18].reason
    assert LineStatus.IGNORED is by_line[26].status
    assert [] == report.not_understood


def test_text_without_a_disclosure_raises_read_error() -> None:
    with pytest.raises(ReadError) as caught:
        read_text("hello\nworld\n", source="notes.txt")

    assert "looked for" in caught.value.reason
    assert ("notes.txt", 3) == (caught.value.file, caught.value.line)
    assert isinstance(caught.value, ValueError)


def test_unmodelled_lines_keep_their_reason() -> None:
    text = "某某局 2020 年度部门决算\n\n二、2020 年度部门决算表\n\n这一行不属于任何表格\n"

    report = read_text(text).report

    assert ["text between tables"] == [note.reason for note in report.not_understood]

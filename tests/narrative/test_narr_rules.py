"""Each narrative rule, passing and failing, on hand-written sections.

The sections stand on the bundled example's tables: 本年收入合计 668.20,
本年支出合计 666.10, 年末结转和结余 2.10, 基本支出 271.80 (人员经费 255.80,
公用经费 16.0), 项目支出 394.30, “三公” all 0.00.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from _narr_builders import findings, with_text

from govbudget import Severity, audit
from govbudget.audit import RULES


def chars(text: str, figure: str) -> str:
    """The location column of a figure printed in ``text``."""
    start = text.index(figure)
    return f"chars {start}–{start + len(figure)}"


def errors(text: str, rule: str, topic: str = "01") -> list[str]:
    """The messages of the rule's findings beyond rounding."""
    return [
        f.message_en for f in findings(with_text(text, topic), rule) if f.severity > Severity.INFO
    ]


def test_the_rules_are_registered_with_their_flags() -> None:
    ids = {rule_id for rule_id in RULES if rule_id.startswith("N-")}

    assert {"N-1", "N-2", "N-3", "N-4", "N-6", "N-7", "N-8", "N-9", "N-10"} == ids
    assert {"N-2", "N-6", "N-8", "N-10"} == {i for i in ids if RULES[i].uncertain}


# N-1 ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("年末结转和结余数为 2.10 万元。", "01"),
        ("2018年财政拨款决算支出666.1万元。", "04"),
        ("人员经费255.80万元，公用经费16.00万元。", "06"),
        ("城乡社区支出577.00万元。", "03"),
        ("“三公”经费决算数0.00万元，预算数0.00万元。", "07"),
    ],
)
def test_n1_passes(text: str, topic: str) -> None:
    assert [] == errors(text, "N-1", topic)


def test_n1_fails_and_points_at_both_ends() -> None:
    text = "年末结转和结余数为 2.20 万元。"
    [found] = findings(with_text(text), "N-1")

    assert ("narrative", "（一）", chars(text, "2.20 万元"), 102) == (
        found.location.table,
        found.location.row,
        found.location.column,
        found.location.line,
    )
    assert ("01", "closing_balance") == (found.related[0].table, found.related[0].row)
    assert (Decimal("2.20"), Decimal("2.10")) == (found.actual, found.expected)


def test_n1_precision_of_the_text_counts() -> None:
    assert [] == errors("2018年一般公共预算财政拨款支出666.1万元。", "N-1", "05")
    assert 1 == len(errors("2018年一般公共预算财政拨款支出666.3万元。", "N-1", "05"))


def test_n1_leaves_prior_years_alone() -> None:
    assert [] == errors("2017年决算支出481.39万元。", "N-1")


# N-2 ------------------------------------------------------------------------


def test_n2_passes_and_fails() -> None:
    good = "基本支出271.80万元，占本年支出合计的40.80%；项目支出394.30万元，占59.20%。"
    bad = "基本支出271.80万元，占本年支出合计的41.80%。"

    assert [] == errors(good, "N-2", "03")
    [message] = errors(bad, "N-2", "03")
    assert "40.80" in message


def test_n2_sme_share() -> None:
    text = "政府采购支出总额95.18万元。授予中小企业合同金额93.55万元，占政府采购支出总额的{}%。"

    assert [] == errors(text.format("98.29"), "N-2", "other_matters")
    assert 1 == len(errors(text.format("96.29"), "N-2", "other_matters"))


# N-3 ------------------------------------------------------------------------

YOY = (
    "2018年支出合计{this}万元，2017年支出合计{prior}万元，"
    "比上年{verb}{change}万元，{rate_word}{rate}%，主要原因是业务调整。"
)


def yoy(**figures: str) -> str:
    values = {
        "this": "666.10",
        "prior": "481.39",
        "verb": "增加",
        "change": "184.71",
        "rate_word": "增长率",
        "rate": "38.37",
    }
    values.update(figures)
    return YOY.format(**values)


def test_n3_passes_on_consistent_figures() -> None:
    assert [] == errors(yoy(), "N-3")
    assert [] == errors(
        yoy(
            this="400.00",
            prior="500.00",
            verb="减少",
            change="100.00",
            rate_word="下降",
            rate="20.00",
        ),
        "N-3",
    )


@pytest.mark.parametrize(
    ("figures", "blamed"),
    [
        ({"change": "184.17"}, "184.17万元"),
        ({"prior": "481.93"}, "481.93万元"),
        ({"rate": "38.73"}, "38.73%"),
        ({"verb": "减少"}, "184.71万元"),
        ({"this": "667.10"}, "667.10万元"),
    ],
)
def test_n3_blames_the_one_wrong_figure(figures: dict[str, str], blamed: str) -> None:
    text = yoy(**figures)
    found = findings(with_text(text), "N-3")

    assert [chars(text, blamed)] == [f.location.column for f in found]


def test_n3_checks_a_sentence_without_last_years_amount() -> None:
    text = "2018年支出合计666.10万元，较上年增加184.71万元，增长38.37%，主要原因是业务调整。"

    assert [] == errors(text, "N-3")
    assert 1 == len(errors(text.replace("38.37", "38.73"), "N-3"))


def test_n3_says_truncated() -> None:
    text = yoy(this="665.42", change="184.03", rate="38.22")
    [found] = findings(with_text(text), "N-3")

    assert Severity.WARNING is found.severity
    assert "truncated" in found.message_en
    assert "截尾" in found.message_zh


def test_n3_names_a_rate_on_the_wrong_base() -> None:
    [message] = errors(yoy(rate="27.73"), "N-3")

    assert "this year's amount instead of last year's" in message


def test_n3_持平() -> None:
    flat = "2018年“三公”经费支出0.00万元，与上年持平。2017年“三公”经费支出{}万元。"

    assert [] == errors(flat.format("0.00"), "N-3", "07")
    assert 1 == len(errors(flat.format("0.50"), "N-3", "07"))


def test_n3_the_sample_sentence_with_one_decimal() -> None:
    text = (
        "2017 年决算收入 481.40 万元，2018 年在 2017 年决算收入的基础上增长 186.8 万元，"
        "增长率 38.80%，主要原因是业务增加。2018 年决算收入 668.20 万元。"
    )

    assert [] == errors(text, "N-3", "02")


# N-4 ------------------------------------------------------------------------


def test_n4_completion_against_a_stated_budget() -> None:
    text = "年初预算为700.00万元。2018年一般公共预算财政拨款支出666.10万元，完成年初预算的{}%。"

    assert [] == errors(text.format("95.16"), "N-4", "05")
    assert 1 == len(errors(text.format("96.16"), "N-4", "05"))


def test_n4_no_completion_of_a_zero_opening_budget() -> None:
    text = "2018年一般公共预算财政拨款支出666.10万元，完成年初预算的95.00%。年初预算为0.00万元。"
    [message] = errors(text, "N-4", "05")

    assert "budget that is 0" in message


def test_n4_a_change_against_the_budget() -> None:
    text = (
        "年初预算为700.00万元。2018年一般公共预算财政拨款支出666.10万元，"
        "比年初预算减少{}万元，主要原因是项目延后。"
    )

    assert [] == errors(text.format("33.90"), "N-4", "05")
    assert 1 == len(errors(text.format("43.90"), "N-4", "05"))


def test_n4_completion_of_the_三公_budget_from_table_07() -> None:
    text = "2018年“三公”经费支出0.00万元，完成预算的100.00%。"
    [message] = errors(text, "N-4", "07")

    assert "budget that is 0" in message


# N-6 ------------------------------------------------------------------------


def test_n6_the_same_prior_year_figure_twice() -> None:
    first = "2017年决算支出481.39万元。"
    same = with_text(first, "01", ("03", "2017年决算支出481.39万元。"))
    other = with_text(first, "01", ("03", "2017年决算支出481.93万元。"))

    assert [] == findings(same, "N-6")
    [found] = findings(other, "N-6")
    assert "（2）" == found.location.row
    assert "（一）" == found.related[0].row


def test_n6_leaves_table_backed_figures_to_n1() -> None:
    twice = with_text("支出合计666.10万元。", "01", ("03", "2018年决算支出666.20万元。"))

    assert [] == findings(twice, "N-6")
    assert 1 == len([f for f in findings(twice, "N-1") if f.severity is Severity.ERROR])


# N-7 ------------------------------------------------------------------------


def test_n7_a_change_needs_a_reason() -> None:
    assert [] == errors(yoy(), "N-7")
    assert [] == errors("支出较上年增加184.71万元。主要是因为业务增加。", "N-7")
    assert 1 == len(errors("支出较上年增加184.71万元，增长38.37%。", "N-7"))


# N-8 ------------------------------------------------------------------------


def test_n8_running_costs_at_most_public_costs() -> None:
    assert [] == errors("2018年机关运行经费16.00万元。", "N-8", "other_matters")
    assert 1 == len(errors("2018年机关运行经费26.00万元。", "N-8", "other_matters"))


# N-9 ------------------------------------------------------------------------


def test_n9_parts_that_make_up_the_whole() -> None:
    text = "2018年基本支出271.80万元，其中人员经费支出255.80万元，公用经费支出{}万元。"

    assert [] == errors(text.format("16.00"), "N-9", "06")
    [found] = findings(with_text(text.format("6.00"), "06"), "N-9")
    assert chars(text, "271.80万元") == found.location.column
    assert 2 == len(found.related)


def test_n9_procurement() -> None:
    text = (
        "政府采购支出总额95.18万元，其中：政府采购货物支出1.63万元、"
        "政府采购工程支出{}万元、政府采购服务支出18.55万元。"
    )

    assert [] == errors(text.format("75.00"), "N-9", "other_matters")
    assert 1 == len(errors(text.format("57.00"), "N-9", "other_matters"))


def test_n9_some_parts_may_be_left_out_but_not_exceed() -> None:
    some = "支出合计666.10万元，其中城乡社区支出577.00万元。"
    more = "支出合计666.10万元，其中城乡社区支出577.00万元，住房保障支出178.00万元。"

    assert [] == errors(some, "N-9")
    assert 1 == len(errors(more, "N-9"))


# N-10 -----------------------------------------------------------------------


def test_n10_a_unit_slip() -> None:
    [found] = findings(with_text("年末结转和结余2.10元。"), "N-10")

    assert Severity.WARNING is found.severity
    assert "read as 万元 it equals" in found.message_en
    assert [] == findings(with_text("年末结转和结余21,000.00元。"), "N-10")


def test_the_sample_runs_every_narrative_rule_without_other_findings() -> None:
    from govbudget.examples import load

    report = audit(load("futian-housing-2018"), select=["N-"])

    assert ["N-1"] == [f.rule for f in report.findings]

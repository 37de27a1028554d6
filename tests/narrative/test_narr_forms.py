"""Every claim form the grammar reads, on hand-written sentences."""

from __future__ import annotations

from decimal import Decimal

import pytest
from _narr_builders import claims
from hypothesis import given, settings
from hypothesis import strategies as st

from govbudget import Amount, Percent, Unit, WrongTypeError
from govbudget.disclosure import Section
from govbudget.narrative import (
    ClaimKind,
    Count,
    Direction,
    Year,
    bind_name,
    claims_in,
    sentences,
)


def summary(text: str, topic: str | None = "01") -> list[tuple[str, str | None, str, str]]:
    return [(c.kind.value, c.quantity, c.year.value, str(c.value)) for c in claims(text, topic)]


def test_an_amount_of_a_named_quantity() -> None:
    assert [("amount", "all.expenditure_total", "this", "666.10")] == summary(
        "2018 年度支出合计数为 666.10 万元。"
    )


def test_a_prior_year_amount() -> None:
    assert [("amount", "all.expenditure_total", "prior", "481.39")] == summary(
        "2017 年决算支出数为 481.39 万元。"
    )


def test_上年_words_name_the_prior_year_but_上年结转_is_a_balance() -> None:
    assert [
        ("amount", "all.income_total", "prior", "481.40"),
        ("amount", "all.opening_balance", "this", "0.00"),
    ] == summary("上年决算收入481.40万元。年初结转和结余（上年结转）0.00万元。")


def test_a_change_with_amount_and_rate() -> None:
    found = claims("2018年决算支出在2017年基础上增长184.71万元，增长率38.37%，主要原因是……")
    change, rate = found

    assert (ClaimKind.CHANGE, Direction.UP, "prior") == (change.kind, change.direction, change.base)
    assert (ClaimKind.RATE, change.index) == (rate.kind, rate.subject)
    assert Percent("38.37") == rate.value


@pytest.mark.parametrize(
    ("sentence", "direction"),
    [
        ("人员经费较2017年减少100.82万元。", Direction.DOWN),
        ("人员经费比上年下降100.82万元。", Direction.DOWN),
        ("人员经费同比增加100.82万元。", Direction.UP),
        ("人员经费与上年相比降低100.82万元。", Direction.DOWN),
    ],
)
def test_change_words(sentence: str, direction: Direction) -> None:
    [change] = claims(sentence, "06")

    assert (ClaimKind.CHANGE, "general_budget.personnel", direction) == (
        change.kind,
        change.quantity,
        change.direction,
    )
    assert Decimal("100.82") == abs(change.signed)


def test_持平_is_a_change_of_nothing() -> None:
    [_, flat] = claims("2018年“三公”经费支出0.00万元，与上年持平。", "07")

    assert ClaimKind.CHANGE is flat.kind
    assert Direction.FLAT is flat.direction
    assert "sangong.actual.total" == flat.quantity
    assert "持平" in flat.text


def test_a_share_with_its_named_whole() -> None:
    [amount, share] = claims("授予中小企业合同金额 93.55 万元，占政府采购支出总额的 98.29%。")

    assert (ClaimKind.SHARE, "procurement.sme_amount", "procurement.total", amount.index) == (
        share.kind,
        share.quantity,
        share.base,
        share.subject,
    )


def test_a_share_without_a_named_whole_takes_the_fixed_denominator() -> None:
    [_, share] = claims("基本支出271.80万元，占比40.81%。", "03")

    assert "all.expenditure_total" == share.base


@pytest.mark.parametrize(
    ("sentence", "base"),
    [
        (
            "支出666.10万元，完成年初预算的95.16%。",
            "budget.opening.general_budget.expenditure_total",
        ),
        (
            "支出666.10万元，为调整预算的95.16%。",
            "budget.adjusted.general_budget.expenditure_total",
        ),
        (
            "支出666.10万元，占全年预算的95.16%。",
            "budget.adjusted.general_budget.expenditure_total",
        ),
    ],
)
def test_completion_rates(sentence: str, base: str) -> None:
    [amount, rate] = claims(sentence, "05")

    assert (ClaimKind.COMPLETION, base, amount.index) == (rate.kind, rate.base, rate.subject)


def test_a_breakdown() -> None:
    found = claims("基本支出271.80万元，其中人员经费支出255.80万元，公用经费支出16.00万元。", "06")

    assert [None, 0, 0] == [c.parent for c in found]
    assert ["general_budget.basic", "general_budget.personnel", "general_budget.public"] == [
        c.quantity for c in found
    ]


def test_a_breakdown_ends_at_a_figure_that_is_no_part() -> None:
    found = claims("支出合计666.10万元，其中住房保障支出78.00万元，年末结转和结余2.10万元。")

    assert [None, 0, None] == [c.parent for c in found]


@pytest.mark.parametrize(
    ("sentence", "quantity", "value"),
    [
        ("车辆 0 辆。", "vehicles", Count(Decimal(0), "辆")),
        ("编制数 9 人。", "staffing.authorised", Count(Decimal(9), "人")),
        ("受理 136 例专项使用申请。", None, Count(Decimal(136), "例")),
        ("入户检查 200 户左右。", None, Count(Decimal(200), "户", approximate=True)),
    ],
)
def test_counts(sentence: str, quantity: str | None, value: Count) -> None:
    [count] = claims(sentence)

    assert (ClaimKind.COUNT, quantity, value) == (count.kind, count.quantity, count.value)


def test_full_width_digits_and_spaces_inside_numbers_and_words() -> None:
    assert [("amount", "all.expenditure_total", "this", "666.10")] == summary(
        "２０１８ 年度 支出 合计数为 ６６６．１０ 万 元。"
    )


@pytest.mark.parametrize(
    ("printed", "amount"),
    [
        ("666.1万元", Amount("666.1", Unit.WAN)),
        ("6,661,000.00元", Amount("6661000.00", Unit.YUAN)),
        ("0.06661亿元", Amount("0.06661", Unit.YI)),
    ],
)
def test_units(printed: str, amount: Amount) -> None:
    [claim] = claims(f"支出合计{printed}。")

    assert amount == claim.value


def test_a_figure_split_over_a_page_break() -> None:
    [claim] = claims("2017年基本支出决算数359.69\n\n万元，主要用于人员开支。", "06")

    assert ("359.69", Year.PRIOR, "general_budget.basic") == (
        str(claim.value),
        claim.year,
        claim.quantity,
    )
    assert 102 == claim.location.line


def test_lists_with_分别() -> None:
    found = summary(
        "社会保障和就业支出、城乡社区支出和住房保障支出分别为11.10、577.00、78.00万元。"
    )

    assert [
        ("amount", "all.category.208", "this", "11.10"),
        ("amount", "all.category.212", "this", "577.00"),
        ("amount", "all.category.221", "this", "78.00"),
    ] == found


def test_lists_with_a_unit_on_each_figure() -> None:
    found = summary("政府采购货物支出、工程支出、服务支出分别为1.63万元、75.00万元和18.55万元。")

    assert ["procurement.goods", "procurement.works", "procurement.services"] == [
        q for _, q, _, _ in found
    ]


def test_category_codes_in_names() -> None:
    assert "general_budget.category.221" == bind_name("221类", scope="general_budget")


@pytest.mark.parametrize(
    ("topic", "quantity"),
    [
        ("01", "all.expenditure_total"),
        ("03", "all.expenditure_total"),
        ("04", "appropriation.expenditure_total"),
        ("05", "general_budget.expenditure_total"),
        ("08", "gov_fund.expenditure_total"),
    ],
)
def test_the_section_decides_what_支出_means(topic: str, quantity: str) -> None:
    [claim] = claims("2018年决算支出666.10万元。", topic)

    assert quantity == claim.quantity


def test_a_qualifier_overrides_the_section() -> None:
    [claim] = claims("2018年财政拨款决算支出666.1万元。", "01")

    assert "appropriation.expenditure_total" == claim.quantity


def test_a_budget_figure() -> None:
    [first, second] = claims("2018年部门预算收支826.87万元，年初预算收入826.87万元。", "04")

    assert "budget.opening.all.income_expenditure" == first.quantity
    assert "budget.opening.appropriation.income_total" == second.quantity


def test_an_unbound_claim_is_kept_with_its_text() -> None:
    [claim] = claims("共涉及财政资金 300 万元。", "performance")

    assert (None, "共涉及财政资金 300 万元") == (claim.quantity, claim.text)
    assert not claim.bound


def test_dates_durations_and_numbering_are_no_claims() -> None:
    assert [] == claims("1. 2019 年绩效目标编报情况\n\n截至 2018 年 12 月 31 日，共 5 个月。")


def test_the_location_of_a_claim() -> None:
    [_, second] = claims("收入合计668.20万元。\n\n年末结转和结余数为 2.20 万元。")

    assert ("（一）", "说明", 2, 25, 32, 104) == (
        second.location.section,
        second.location.title,
        second.location.sentence,
        second.location.start,
        second.location.end,
        second.location.line,
    )
    assert "chars 25–32" == second.location.to_location().column


def test_sentences_of_a_section() -> None:
    section = Section("（一）", "说明", "收入 1 万元。支出\n\n2 万元；结余 0 万元", 1, "01")

    assert ["收入1万元。", "支出2万元；", "结余0万元"] == sentences(section)


def test_claims_in_refuses_junk() -> None:
    with pytest.raises(WrongTypeError):
        claims_in("text", 2018)  # type: ignore[arg-type]
    with pytest.raises(WrongTypeError):
        claims_in(Section("1", "t", "x"), 2018.0)  # type: ignore[arg-type]


@settings(max_examples=200, deadline=None)
@given(
    st.text(
        alphabet="0123456789.,，、。；%万元亿辆人个年月较上增长减少其中占的分别为 \n１２．％",
        max_size=80,
    )
)
def test_junk_never_breaks_the_reader(text: str) -> None:
    for claim in claims_in(Section("（一）", "说明", text, 1, "01"), 2018):
        assert 0 <= claim.location.start < claim.location.end <= len(text)


def test_a_figure_too_long_to_be_an_amount_is_skipped() -> None:
    assert [] == claims("支出" + "9" * 30 + "万元。")

"""Build the bundled Futian 2018 example from its published text.

The figures are transcribed by hand below, exactly as printed (including the
document's own inconsistencies: 302 items that add to 16.10 against 16.00,
公用经费合计 printed "16.0", 年末结转和结余 2.20 in the text against 2.10 in
the tables). The narrative, overview, glossary and attachments are cut from
the text by line range, so they stay verbatim.

Run from the repository root:

    python tools/make_futian_example.py

It writes ``src/govbudget/examples/data/futian-housing-2018.json`` and the
same file under ``examples/``. ``--check`` exits 1 if either differs.
"""

from __future__ import annotations

import sys
from pathlib import Path

from govbudget.amounts import Amount, Blank, Percent, parse_amount
from govbudget.disclosure import (
    Attachment,
    Disclosure,
    GlossaryEntry,
    OtherMatters,
    Overview,
    Procurement,
    Section,
    Staffing,
    StateAssets,
)
from govbudget.entity import Entity, ReportingLevel, UnitKind
from govbudget.serialize import dumps
from govbudget.tables import (
    AppropriationSummary,
    ExpenditureTable,
    GeneralBudgetBasicExpenditure,
    GeneralBudgetExpenditure,
    GovFundTable,
    IncomeExpenditureSummary,
    IncomeTable,
    Row,
    ThreePublicExpenses,
)

ROOT = Path(__file__).resolve().parent.parent
TEXT = ROOT / "src/govbudget/examples/data/futian-housing-2018.txt"
OUTPUTS = (
    ROOT / "src/govbudget/examples/data/futian-housing-2018.json",
    ROOT / "examples/futian-housing-2018.json",
)
YEAR = 2018


def cells(**printed: str) -> dict[str, Amount | Blank]:
    return {column: parse_amount(text) for column, text in printed.items()}


def row(
    key: str, label: str, ordinal: int | None, line: int, side: str | None = None, **printed: str
) -> Row:
    return Row(key, label, cells(**printed), ordinal=ordinal, side=side, line=line)


def table_01() -> IncomeExpenditureSummary:
    rows = [
        row("appropriation", "一、财政拨款收入", 1, 38, amount="668.20"),
        row("201", "一、一般公共服务支出", 14, 38, amount="0.00"),
        row("higher_level_subsidy", "二、上级补助收入", 2, 39, amount="0.00"),
        row("202", "二、外交支出", 15, 39, amount="0.00"),
        row("service_revenue", "三、事业收入", 3, 40, amount="0.00"),
        row("203", "三、国防支出", 16, 40, amount="0.00"),
        row("operating_revenue", "四、经营收入", 4, 41, amount="0.00"),
        row("204", "四、公共安全支出", 17, 41, amount="0.00"),
        row("subsidiary_remittance", "五、附属单位上缴收入", 5, 42, amount="0.00"),
        row("205", "五、教育支出", 18, 42, amount="0.00"),
        row("other_revenue", "六、其他收入", 6, 43, amount="0.00"),
        row("206", "六、科学技术支出", 19, 43, amount="0.00"),
        row("filler.7", "", 7, 44, side="income", amount="0.00"),
        row("208", "七、社会保障和就业支出", 20, 44, amount="11.10"),
        row("filler.8", "", 8, 45, side="income", amount="0.00"),
        row("212", "八、城乡社区支出", 21, 45, amount="577.00"),
        row("filler.9", "", 9, 46, side="income", amount="0.00"),
        row("221", "九、住房保障支出", 22, 46, amount="78.00"),
        row("income_total", "本年收入合计", 10, 47, amount="668.20"),
        row("expenditure_total", "本年支出合计", 23, 47, amount="666.10"),
        row("fund_balance_used", "用事业基金弥补收支差额", 11, 49, amount="0.00"),
        row("surplus_distribution", "结余分配", 24, 49, amount="0.00"),
        row("opening_balance", "年初结转和结余", 12, 50, amount="0.00"),
        row("closing_balance", "年末结转和结余", 25, 50, amount="2.10"),
        row("income_grand_total", "总计", 13, 51, amount="668.20"),
        row("expenditure_grand_total", "总计", 26, 51, amount="668.20"),
    ]
    return IncomeExpenditureSummary.build(
        rows, year=YEAR, note="注：本表反映部门本年度的总收支和年末结转结余情况。", line=28
    )


def table_02() -> IncomeTable:
    totals = dict(
        total="668.20",
        appropriation="668.20",
        higher_level_subsidy="0.00",
        service_revenue="0.00",
        operating_revenue="0.00",
        subsidiary_remittance="0.00",
        other_revenue="0.00",
    )
    return IncomeTable.build(
        [row("total", "合计", None, 66, **totals)],
        year=YEAR,
        note="注：本表反映部门本年度取得的各项收入情况。",
        line=55,
    )


def table_03() -> ExpenditureTable:
    totals = dict(
        total="666.10",
        basic="271.80",
        project="394.30",
        remittance_to_higher="0.00",
        operating="0.00",
        subsidy_to_subsidiaries="0.00",
    )
    return ExpenditureTable.build(
        [row("total", "合计", None, 81, **totals)],
        year=YEAR,
        note="注：本表反映部门本年度各项支出情况。",
        line=70,
    )


def table_04() -> AppropriationSummary:
    def spent(
        key: str, label: str, ordinal: int, line: int, total: str, general: str, fund: str
    ) -> Row:
        return row(key, label, ordinal, line, total=total, general_budget=general, gov_fund=fund)

    def filler(side: str, ordinal: int, line: int) -> Row:
        return Row(f"filler.{ordinal}", "", {}, ordinal=ordinal, side=side, line=line)

    rows = [
        row("general_budget", "一、一般公共预算财政拨款", 1, 98, amount="668.20"),
        spent("201", "一、一般公共服务支出", 17, 98, "0.00", "0.00", "0.00"),
        row("gov_fund", "二、政府性基金预算财政拨款", 2, 99, amount="0.00"),
        spent("202", "二、外交支出", 18, 99, "0.00", "0.00", "0.00"),
        filler("income", 3, 100),
        spent("203", "三、国防支出", 19, 100, "0.00", "0.00", "0.00"),
        filler("income", 4, 101),
        spent("204", "四、公共安全支出", 20, 101, "0.00", "0.00", "0.00"),
        filler("income", 5, 102),
        spent("205", "五、教育支出", 21, 102, "0.00", "0.00", "0.00"),
        filler("income", 6, 103),
        spent("206", "六、科学技术支出", 22, 103, "0.00", "0.00", "0.00"),
        filler("income", 7, 104),
        spent("208", "七、社会保障和就业支出", 23, 104, "11.10", "11.10", "0.00"),
        filler("income", 8, 106),
        spent("212", "八、城乡社区支出", 24, 106, "577.00", "577.00", "0.00"),
        filler("income", 9, 107),
        spent("221", "九、住房保障支出", 25, 107, "78.00", "78.00", "0.00"),
        filler("income", 10, 108),
        filler("expenditure", 26, 108),
        row("income_total", "本年收入合计", 11, 109, amount="668.20"),
        spent("expenditure_total", "本年支出合计", 27, 109, "666.10", "666.10", "0.00"),
        row("opening_balance", "年初财政拨款结转和结余", 12, 110, amount="0.00"),
        spent("closing_balance", "年末财政拨款结转和结余", 28, 110, "2.10", "2.10", "0.00"),
        row("opening_balance.general_budget", "一般公共预算财政拨款", 13, 111, amount="0.00"),
        filler("expenditure", 29, 111),
        row("opening_balance.gov_fund", "政府性基金预算财政拨款", 14, 112, amount="0.00"),
        filler("expenditure", 30, 112),
        filler("income", 15, 113),
        filler("expenditure", 31, 113),
        row("income_grand_total", "总计", 16, 114, amount="668.20"),
        spent("expenditure_grand_total", "总计", 32, 114, "668.20", "668.20", "0.00"),
    ]
    return AppropriationSummary.build(
        rows,
        year=YEAR,
        note=(
            "注：本表反映部门本年度一般公共预算财政拨款和政府性基金预算财政拨款的总收支和"
            "年末结转结余情况。"
        ),
        line=87,
    )


def table_05() -> GeneralBudgetExpenditure:
    return GeneralBudgetExpenditure.build(
        [row("total", "合计", None, 128, total="666.10", basic="271.80", project="394.30")],
        year=YEAR,
        note="注：本表反映部门本年度一般公共预算财政拨款支出情况。",
        line=118,
    )


# 公开06表, lane by lane as printed: (code, label as printed, amount, line).
LANE_1 = [
    ("301", "工资福利支出", "240.80", 141),
    ("30101", "基本工资", "26.40", 142),
    ("30102", "津贴补贴", "89.70", 143),
    ("30103", "奖金", "1.90", 144),
    ("30106", "伙食补助费", "0.00", 145),
    ("30107", "绩效工资", "35.30", 146),
    ("30108", "机关事业单位基本养老保险费", "27.10", 147),
    ("30109", "职业年金缴费", "10.80", 148),
    ("30110", "职工基本医疗保险缴费", "8.20", 149),
    ("30111", "公务员医疗补助缴费", "0.00", 150),
    ("30112", "其他社会保障缴费", "0.80", 151),
    ("30113", "住房公积金", "30.60", 152),
    ("30114", "医疗费", "0.00", 153),
    ("30199", "其他工资福利支出", "10.00", 154),
    ("303", "对个人和家庭的补助", "15.00", 155),
    ("30301", "离休费", "0.00", 157),
    ("30302", "退休费", "11.10", 158),
    ("30303", "退职（役）费", "0.00", 159),
    ("30304", "抚恤金", "0.00", 160),
    ("30305", "生活补助", "0.00", 161),
    ("30306", "救济费", "0.00", 162),
    ("30307", "医疗费补助", "0.00", 163),
    ("30308", "助学金", "0.00", 164),
    ("30309", "奖励金", "3.90", 165),
    ("30310", "个人农业生产补贴", "0.00", 166),
    ("30399", "对其他个人和家庭的补助支出", "0.00", 167),
]
LANE_2 = [
    ("302", "商品和服务支出", "16.00", 141),
    ("30201", "办公费", "3.80", 142),
    ("30202", "印刷费", "0.00", 143),
    ("30203", "咨询费", "0.00", 144),
    ("30204", "手续费", "0.00", 145),
    ("30205", "水费", "0.00", 146),
    ("30206", "电费", "1.80", 147),
    ("30207", "邮电费", "0.10", 148),
    ("30208", "取暖费", "0.00", 149),
    ("30209", "物业管理费", "1.40", 150),
    ("30211", "差旅费", "0.00", 151),
    ("30212", "因公出国（境）费用", "0.00", 152),
    ("30213", "维修（护）费", "4.60", 153),
    ("30214", "租赁费", "0.00", 154),
    ("30215", "会议费", "0.00", 155),
    ("30216", "培训费", "0.20", 157),
    ("30217", "公务招待费", "0.00", 158),
    ("30218", "专用材料费", "0.00", 159),
    ("30224", "被装购置费", "0.00", 160),
    ("30225", "专用燃料费", "0.00", 161),
    ("30226", "劳务费", "0.70", 162),
    ("30227", "委托业务费", "0.20", 163),
    ("30228", "工会经费", "1.60", 164),
    ("30229", "福利费", "0.10", 165),
    ("30231", "公务用车运行维护费", "0.00", 166),
    ("30239", "其他交通费用", "0.00", 167),
    ("30240", "税金及附加费用", "0.00", 168),
    ("30299", "其他商品和服务支出", "1.60", 169),
    ("307", "债务利息及费用支出", "0.00", 170),
    ("30701", "国内债务付息", "0.00", 171),
    ("30702", "国外债务付息", "0.00", 172),
    ("30703", "国内债务发行费用", "0.00", 173),
    ("30704", "国外债务发行费用", "0.00", 174),
]
LANE_3 = [
    ("310", "资本性支出", "0.00", 141),
    ("31001", "房屋建筑物购建", "0.00", 142),
    ("31002", "办公设备购置", "0.00", 143),
    ("31003", "专用设备购置", "0.00", 144),
    ("31005", "基础设施建设", "0.00", 145),
    ("31006", "大型修缮", "0.00", 146),
    ("31007", "信息网络及软件购置更新", "0.00", 147),
    ("31008", "物资储备", "0.00", 148),
    ("31009", "土地补偿", "0.00", 149),
    ("31010", "安置补助", "0.00", 150),
    ("31011", "地上附着物和青苗补偿", "0.00", 151),
    ("31012", "拆迁补偿", "0.00", 152),
    ("31013", "公务用车购置", "0.00", 153),
    ("31019", "其他交通工具购置", "0.00", 154),
    ("31021", "文物和陈列品购置", "0.00", 155),
    ("31022", "无形资产购置", "0.00", 157),
    ("31099", "其他资本性支出", "0.00", 158),
    ("312", "对企业补助", "0.00", 159),
    ("31201", "资本金注入", "0.00", 160),
    ("31203", "政府投资基金股权投资", "0.00", 161),
    ("31204", "费用补贴", "0.00", 162),
    ("31205", "利息补贴", "0.00", 163),
    ("31299", "其他对企业补助", "0.00", 164),
    ("313", "对社会保障基金补助", "0.00", 165),
    ("31302", "对社会保险基金补助", "0.00", 166),
    ("31303", "补充全国社会保障基金", "0.00", 167),
    ("399", "其他支出", "0.00", 168),
    ("39906", "赠与", "0.00", 169),
    ("39907", "国家赔偿费用支出", "0.00", 170),
    ("39908", "对民间非营利组织和群众性自治组织补贴", "0.00", 171),
    ("39999", "其他支出", "0.00", 172),
]


def table_06() -> GeneralBudgetBasicExpenditure:
    rows = [
        row(code, label, None, line, amount=amount)
        for code, label, amount, line in (*LANE_1, *LANE_2, *LANE_3)
    ]
    rows.append(row("personnel_total", "人员经费合计", None, 175, amount="255.80"))
    rows.append(row("public_total", "公用经费合计", None, 175, amount="16.0"))
    return GeneralBudgetBasicExpenditure.build(
        rows,
        year=YEAR,
        note="注：本表反映部门本年度一般公共预算财政拨款基本支出明细情况。",
        line=132,
    )


def table_07() -> ThreePublicExpenses:
    columns = (
        "total",
        "outbound",
        "vehicles",
        "vehicle_purchase",
        "vehicle_operation",
        "reception",
    )
    figures = {f"{stage}.{c}": "0.00" for stage in ("budget", "actual") for c in columns}
    return ThreePublicExpenses.build(
        [row("amounts", "", None, 191, **figures)],
        year=YEAR,
        note=(
            "注：本表反映部门本年度“三公”经费支出预决算情况。其中，预算数为“三公”经费年初预算数，"
            "决算数是包括当年一般公共预算财政拨款和以前年度结转资金安排的实际支出。"
        ),
        line=179,
    )


def table_08() -> GovFundTable:
    figures = dict(
        opening_balance="0.00",
        income="0.00",
        expenditure="0.00",
        **{"expenditure.basic": "0.00", "expenditure.project": "0.00"},
        closing_balance="0.00",
    )
    return GovFundTable.build(
        [row("total", "合计", None, 206, **figures)],
        year=YEAR,
        note="注：本表反映部门本年度政府性基金预算财政拨款收入、支出及结转和结余情况。",
        line=195,
    )


def lines() -> list[str]:
    return TEXT.read_text(encoding="utf-8").splitlines()


def span(first: int, last: int) -> str:
    """Lines first..last (1-based, inclusive), blank lines collapsed to one."""
    kept = [line.rstrip() for line in lines()[first - 1 : last]]
    text = "\n".join(kept).strip()
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    return text


def narrative() -> list[Section]:
    # (number, title, first body line, last body line, heading line, topic)
    layout = [
        ("(一)", "收入支出决算总体情况说明", 214, 218, 212, "01"),
        ("(二)", "收入决算情况说明", 222, 226, 220, "02"),
        ("（三）", "支出决算情况说明", 230, 230, 228, "03"),
        ("（四）", "财政拨款收入支出决算总体情况说明", 234, 234, 232, "04"),
        ("（五）", "一般公共预算财政拨款支出决算情况说明", 238, 238, 236, "05"),
        ("（六）", "一般公共预算财政拨款基本支出决算情况说明", 242, 246, 240, "06"),
        ("（七）", "一般公共预算财政拨款“三公”经费支出决算情况说明", 250, 250, 248, "07"),
        ("（八）", "政府性基金预算财政拨款收入支出决算情况说明", 254, 254, 252, "08"),
        ("（九）", "预算绩效目标编报及绩效评价开展情况说明", 258, 328, 256, "performance"),
        ("(十)", "其他重要事项情况说明", 332, 346, 330, "other_matters"),
    ]
    sections = []
    for number, title, first, last, heading, topic in layout:
        text = span(first, last)
        if topic == "performance":
            # The two target forms (lines 262-300) are typed separately.
            text = span(first, 261) + "\n\n" + span(302, last)
        sections.append(Section(number, title, text, line=heading, topic=topic))
    return sections


def build() -> Disclosure:
    tables = [
        table_01(),
        table_02(),
        table_03(),
        table_04(),
        table_05(),
        table_06(),
        table_07(),
        table_08(),
    ]
    try:
        from govbudget.examples._futian_forms import futian_forms

        forms = futian_forms()
    except ImportError:
        forms = ()
    return Disclosure(
        entity=Entity(
            name="深圳市福田区住房事务中心",
            department="深圳市福田区住房和建设局",
            kind=UnitKind.INSTITUTION,
            level=ReportingLevel.DEPARTMENT,
            region="广东省深圳市福田区",
        ),
        year=YEAR,
        title="深圳市福田区住房事务中心 2018 年度部门决算",
        tables={table.table_id: table for table in tables},
        empty_statements={
            "07": "本单位并无公务车以及因公出国（境）情况，所以并无“三公”经费支出情况。",
            "08": "本单位无政府性基金预算财政拨款收入以及支出情况。",
        },
        overview=Overview(
            duties=span(18, 18),
            organisation=span(22, 22),
            staffing=Staffing(authorised=9, actual=9, contract_staff=0, dispatched=0, retired=1),
        ),
        narrative=narrative(),
        other_matters=OtherMatters(
            running_costs=None,
            running_costs_text=span(334, 334),
            procurement=Procurement(
                total=Amount("95.18"),
                goods=Amount("1.63"),
                works=Amount("75.00"),
                services=Amount("18.55"),
                sme_amount=Amount("93.55"),
                sme_share=Percent("98.29"),
            ),
            assets=StateAssets(vehicles=0, text=span(342, 342)),
            other=span(346, 346),
        ),
        glossary=[
            GlossaryEntry(term, definition)
            for term, definition in (
                line.split(". ", 1)[1].split("：", 1)
                for line in (lines()[349], lines()[351], lines()[353])
            )
        ],
        attachments=[
            Attachment("附件 1 保障性住房维修维护管理支出项目 绩效目标自评表", span(356, 372)),
            Attachment("2018 年度重点项目支出 绩效评价报告", span(376, len(lines()))),
        ],
        performance_forms=forms,
    )


def misplaced(disclosure: Disclosure) -> list[str]:
    """Rows whose line in the text does not hold their label and figures."""
    text = lines()
    problems = []
    for table in disclosure.tables.values():
        title = text[table.line - 1] if table.line else ""
        if table.layout.title not in title.replace(" ", ""):
            problems.append(f"table {table.table_id}: line {table.line} is {title!r}")
        for row in table.rows:
            printed = text[row.line - 1] if row.line else ""
            wanted = [row.label, *(str(cell) for cell in row.cells.values())]
            if any(part and part not in printed for part in wanted):
                problems.append(
                    f"table {table.table_id} row {row.key}: line {row.line} is {printed!r}"
                )
    return problems


def main() -> int:
    disclosure = build()
    problems = misplaced(disclosure)
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 2
    text = dumps(disclosure) + "\n"
    if "--check" in sys.argv:
        stale = [str(p) for p in OUTPUTS if not p.exists() or p.read_text(encoding="utf-8") != text]
        if stale:
            print("out of date: " + ", ".join(stale), file=sys.stderr)
            return 1
        return 0
    for path in OUTPUTS:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

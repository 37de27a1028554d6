"""Generated consistent figures, rendered into prose in varied wordings.

The narrative rules find nothing in them; after one stated number is
changed, every error the rules report involves that number.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal

import attrs
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govbudget import Amount, Disclosure, Severity, audit
from govbudget.disclosure import Section
from govbudget.examples import load
from govbudget.location import Location
from govbudget.narrative import claims_of
from govbudget.tables import Row
from govbudget.tables.final_accounts import FINAL_ACCOUNTS_TABLES

YEAR = 2018
CENT = Decimal("0.01")
FULL_WIDTH = str.maketrans("0123456789.", "０１２３４５６７８９．")


@attrs.frozen
class Number:
    """A stated figure in a template: its slot, value and what follows it."""

    slot: str
    value: Decimal
    suffix: str = "万元"


Piece = str | Number


@attrs.frozen
class Style:
    """How figures are printed: spaces, full-width digits, dropped zeros."""

    space: str
    full_width: bool
    short: bool

    def number(self, number: Number) -> str:
        text = f"{number.value:.2f}"
        if self.short and text.endswith("0"):
            text = text[:-1]
        if self.full_width:
            text = text.translate(FULL_WIDTH)
        return f"{text}{self.space}{number.suffix}"


def percent(part: Decimal, whole: Decimal) -> Decimal:
    return (part / whole * 100).quantize(CENT, rounding=ROUND_HALF_UP)


def money(low: int, high: int) -> st.SearchStrategy[Decimal]:
    return st.integers(low, high).map(lambda cents: Decimal(cents) * CENT)


@attrs.frozen
class Figures:
    """A consistent set of this year's, last year's and budget figures."""

    personnel: Decimal
    public: Decimal
    project: Decimal
    closing: Decimal
    prior_personnel: Decimal
    prior_public: Decimal
    prior_total: Decimal
    budget: Decimal
    goods: Decimal
    works: Decimal
    services: Decimal
    sme_part: Decimal

    @property
    def basic(self) -> Decimal:
        return self.personnel + self.public

    @property
    def total(self) -> Decimal:
        return self.basic + self.project

    @property
    def income(self) -> Decimal:
        return self.total + self.closing

    @property
    def prior_basic(self) -> Decimal:
        return self.prior_personnel + self.prior_public

    @property
    def procurement(self) -> Decimal:
        return self.goods + self.works + self.services


# Totals of at least 100 万元 and procurement parts of at least 1 万元: with
# smaller figures a change of one percentage point can hide in the rounding of
# a ratio (1.00 / 1.00 万元 is anything from 99% to 101%).
figures = st.builds(
    Figures,
    personnel=money(100_00, 90_000_00),
    public=money(100, 9_000_00),
    project=money(0, 90_000_00),
    closing=money(0, 500_00),
    prior_personnel=money(100_00, 90_000_00),
    prior_public=money(100, 9_000_00),
    prior_total=money(100_00, 200_000_00),
    budget=money(100_00, 200_000_00),
    goods=money(1_00, 500_00),
    works=money(1_00, 500_00),
    services=money(1_00, 500_00),
    sme_part=st.integers(1, 100).map(Decimal),
)


def change_words(
    this: Decimal, prior: Decimal, draw: Callable[[st.SearchStrategy[str]], str]
) -> tuple[str, str]:
    """(amount verb, rate verb) for a change, in one of the usual wordings."""
    if this >= prior:
        return draw(st.sampled_from(["增加", "增长"])), draw(st.sampled_from(["增长", "增长率"]))
    return draw(st.sampled_from(["减少", "下降"])), draw(st.sampled_from(["下降", "下降率"]))


@st.composite
def narratives(draw: st.DrawFn) -> tuple[Figures, Style, list[tuple[str, list[Piece]]]]:
    """Figures, a print style and the sections as templates (topic, pieces)."""
    f = draw(figures)
    style = Style(draw(st.sampled_from(["", " "])), draw(st.booleans()), draw(st.booleans()))
    s = style.space
    sections: list[tuple[str, list[Piece]]] = []

    income_name = draw(st.sampled_from(["决算总收入", "本年收入合计", "总收入"]))
    spending_name = draw(st.sampled_from(["支出合计", "决算支出", "本年支出合计", "总支出"]))
    if draw(st.booleans()):
        opening: list[Piece] = [
            f"{YEAR}{s}年{s}{income_name}{s}",
            Number("income", f.income),
            f"，{YEAR}{s}年{spending_name}为",
            Number("total.01", f.total),
            "。",
        ]
    else:
        opening = [
            f"{YEAR}年本年收入合计、本年支出合计分别为",
            Number("income", f.income, "、"),
            Number("total.01", f.total),
            "。",
        ]
    sections.append(
        ("01", [*opening, f"年末结转和结余数为{s}", Number("closing", f.closing), "。"])
    )

    change = abs(f.total - f.prior_total)
    verb, rate_verb = change_words(f.total, f.prior_total, draw)
    against = draw(st.sampled_from(["比上年", f"较{YEAR - 1}年", f"在{YEAR - 1}年基础上"]))
    yoy: list[Piece] = [
        f"{YEAR}年决算支出",
        Number("total.03", f.total),
        f"，{YEAR - 1}{s}年决算支出",
        Number("prior_total", f.prior_total),
        "，",
    ]
    if change:
        yoy += [
            f"{YEAR}年决算支出{against}{verb}",
            Number("change", change),
            f"，{rate_verb}",
            Number("rate", percent(change, f.prior_total), "%"),
            "，主要原因是业务调整。",
        ]
    else:
        yoy += ["与上年持平。"]
    if f.total:
        yoy += [
            "基本支出",
            Number("basic.03", f.basic),
            "，占本年支出合计的",
            Number("share.basic", percent(f.basic, f.total), "%"),
            "；项目支出",
            Number("project", f.project),
            "，占",
            Number("share.project", percent(f.project, f.total), "%"),
            "。",
        ]
    sections.append(("03", yoy))

    sections.append(
        (
            "05",
            [
                "年初预算为",
                Number("budget", f.budget),
                f"。{YEAR}年一般公共预算财政拨款支出",
                Number("total.05", f.total),
                "，完成年初预算的",
                Number("completion", percent(f.total, f.budget), "%"),
                "。",
            ],
        )
    )

    personnel_change = abs(f.personnel - f.prior_personnel)
    verb, _ = change_words(f.personnel, f.prior_personnel, draw)
    basic: list[Piece] = [
        f"{YEAR}年一般公共预算财政拨款基本支出",
        Number("basic.06", f.basic),
        "，其中人员经费",
        Number("personnel", f.personnel),
        "，公用经费",
        Number("public", f.public),
        f"。{YEAR - 1}年基本支出决算数",
        Number("prior_basic", f.prior_basic),
        "，其中人员经费支出",
        Number("prior_personnel", f.prior_personnel),
        "，公用经费支出",
        Number("prior_public", f.prior_public),
        "。",
    ]
    if personnel_change:
        basic += [
            f"{YEAR}年人员经费较{YEAR - 1}年{verb}",
            Number("personnel_change", personnel_change),
            "，主要原因是人员变动。",
        ]
    sections.append(("06", basic))

    sme = (f.procurement * f.sme_part / 100).quantize(CENT)
    sections.append(
        (
            "other_matters",
            [
                f"本部门{YEAR}年度政府采购支出总额",
                Number("procurement", f.procurement),
                "，其中：政府采购货物支出",
                Number("goods", f.goods),
                "、政府采购工程支出",
                Number("works", f.works),
                "、政府采购服务支出",
                Number("services", f.services),
                "。授予中小企业合同金额",
                Number("sme", sme),
                "，占政府采购支出总额的",
                Number("sme_share", percent(sme, f.procurement), "%"),
                "。",
            ],
        )
    )
    return f, style, sections


def render(
    style: Style, pieces: list[Piece], changed: str | None = None
) -> tuple[str, dict[str, int]]:
    """The section text, and where each slot's figure starts in it."""
    text = ""
    starts: dict[str, int] = {}
    for piece in pieces:
        if isinstance(piece, str):
            text += piece
            continue
        if piece.slot == changed:
            # A tenth more (at least one unit): small changes of a large
            # denominator can vanish in the rounding of a ratio.
            step = max(Decimal(1), (piece.value / 10).quantize(CENT))
            piece = attrs.evolve(piece, value=piece.value + step)
        starts[piece.slot] = len(text)
        text += style.number(piece)
    return text, starts


def table(table_id: str, cells: dict[str, dict[str, Decimal]]) -> object:
    rows = [
        Row(key, cells={column: Amount(value) for column, value in row.items()})
        for key, row in cells.items()
    ]
    return FINAL_ACCOUNTS_TABLES[table_id].build(rows, year=YEAR)


def disclosure(f: Figures, sections: list[Section]) -> Disclosure:
    tables = {
        "01": table(
            "01",
            {
                "income_total": {"amount": f.income},
                "expenditure_total": {"amount": f.total},
                "closing_balance": {"amount": f.closing},
            },
        ),
        "03": table("03", {"total": {"total": f.total, "basic": f.basic, "project": f.project}}),
        "05": table("05", {"total": {"total": f.total, "basic": f.basic, "project": f.project}}),
        "06": table(
            "06", {"personnel_total": {"amount": f.personnel}, "public_total": {"amount": f.public}}
        ),
    }
    return Disclosure(
        entity=load("futian-housing-2018").entity,
        year=YEAR,
        tables=tables,  # type: ignore[arg-type]
        narrative=sections,
    )


def build(
    drawn: tuple[Figures, Style, list[tuple[str, list[Piece]]]], changed: str | None = None
) -> tuple[Disclosure, Location | None]:
    """The disclosure, and where the changed figure's claim stands."""
    f, style, templates = drawn
    sections: list[Section] = []
    where: tuple[str, int] | None = None
    for number, (topic, pieces) in enumerate(templates, 1):
        text, starts = render(style, pieces, changed)
        name = f"（{number}）"
        sections.append(Section(name, f"说明{number}", text, 10 * number, topic))
        if changed in starts:
            where = (name, starts[changed])
    result = disclosure(f, sections)
    if where is None:
        return result, None
    claim = next(c for c in claims_of(result) if (c.location.section, c.location.start) == where)
    return result, claim.location.to_location()


SLOW = settings(
    max_examples=int(__import__("os").environ.get("NARR_EXAMPLES", "60")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


@SLOW
@given(narratives())
def test_consistent_prose_gives_no_finding(
    drawn: tuple[Figures, Style, list[tuple[str, list[Piece]]]],
) -> None:
    result, _ = build(drawn)
    report = audit(result, select=["N-"])

    assert [] == [f for f in report.findings if f.severity > Severity.INFO]


@SLOW
@given(narratives(), st.data())
def test_one_changed_figure_is_found_and_nothing_else(
    drawn: tuple[Figures, Style, list[tuple[str, list[Piece]]]], data: st.DataObject
) -> None:
    slots = sorted(
        piece.slot for _, pieces in drawn[2] for piece in pieces if isinstance(piece, Number)
    )
    changed = data.draw(st.sampled_from(slots))
    result, where = build(drawn, changed)
    report = audit(result, select=["N-"])
    # N-2 (shares) and N-6 (restated figures) report warnings: their binding
    # is read from wording. Every other narrative rule reports errors.
    errors = [f for f in report.findings if f.severity >= Severity.WARNING and f.rule != "N-7"]

    assert where is not None
    assert errors, f"changing {changed} went unnoticed"
    assert all(where == f.location or where in f.related for f in errors), [
        (f.rule, f.message_en) for f in errors
    ]

"""The narrative of the bundled Futian example: every claim, and what the rules find."""

from __future__ import annotations

from decimal import Decimal

from govbudget import Disclosure, Severity, audit
from govbudget.examples import text
from govbudget.narrative import ClaimKind, Direction, Year, claims_of

# (kind, quantity, year, value as printed, section, source line)
EXPECTED = [
    ("amount", "budget.opening.all.income_expenditure", "this", "826.87", "(一)", 214),
    ("amount", "all.income_total", "this", "668.20", "(一)", 214),
    ("amount", "appropriation.income_total", "this", "668.20", "(一)", 214),
    ("amount", "all.other_revenue", "this", "0.00", "(一)", 214),
    ("amount", "all.expenditure_total", "this", "666.10", "(一)", 216),
    ("amount", "all.category.208", "this", "11.10", "(一)", 216),
    ("amount", "all.category.212", "this", "577.00", "(一)", 216),
    ("amount", "all.category.221", "this", "78.00", "(一)", 216),
    ("amount", "all.closing_balance", "this", "2.20", "(一)", 216),
    ("amount", "all.expenditure_total", "prior", "481.39", "(一)", 218),
    ("change", "all.expenditure_total", "this", "184.71", "(一)", 218),
    ("rate", "all.expenditure_total", "this", "38.37%", "(一)", 218),
    ("amount", "all.income_total", "this", "668.20", "(二)", 222),
    ("amount", "budget.opening.all.income_total", "this", "826.87", "(二)", 222),
    ("amount", "all.income_total", "prior", "481.40", "(二)", 224),
    ("change", "all.income_total", "this", "186.8", "(二)", 224),
    ("rate", "all.income_total", "this", "38.80%", "(二)", 224),
    ("amount", "all.expenditure_total", "this", "666.10", "（三）", 230),
    ("amount", "all.expenditure_total", "prior", "481.39", "（三）", 230),
    ("change", "all.expenditure_total", "this", "184.71", "（三）", 230),
    ("rate", "all.expenditure_total", "this", "38.37%", "（三）", 230),
    ("amount", "budget.opening.all.income_expenditure", "this", "826.87", "（四）", 234),
    ("amount", "appropriation.income_total", "this", "668.20", "（四）", 234),
    ("amount", "appropriation.expenditure_total", "this", "666.1", "（四）", 234),
    ("amount", "general_budget.expenditure_total", "this", "666.10", "（五）", 238),
    ("amount", "general_budget.expenditure_total", "prior", "481.39", "（五）", 238),
    ("change", "general_budget.expenditure_total", "this", "184.71", "（五）", 238),
    ("rate", "general_budget.expenditure_total", "this", "38.37%", "（五）", 238),
    ("amount", "general_budget.basic", "this", "271.80", "（六）", 242),
    ("amount", "general_budget.personnel", "this", "255.80", "（六）", 242),
    ("amount", "general_budget.public", "this", "16.00", "（六）", 242),
    ("amount", "general_budget.basic", "prior", "359.69", "（六）", 242),
    ("amount", "general_budget.personnel", "prior", "356.62", "（六）", 244),
    ("amount", "general_budget.public", "prior", "3.07", "（六）", 244),
    ("change", "general_budget.personnel", "this", "100.82", "（六）", 246),
    ("change", "general_budget.public", "this", "12.93", "（六）", 246),
    ("count", None, "other", "2个", "（九）", 260),
    ("amount", None, "other", "500", "（九）", 260),
    ("count", None, "this", "1093个", "（九）", 308),
    ("count", None, "this", "约6000次", "（九）", 308),
    ("count", None, "this", "136例", "（九）", 308),
    ("count", None, "this", "101例", "（九）", 308),
    ("count", None, "this", "7109套", "（九）", 308),
    ("count", None, "this", "约200户", "（九）", 308),
    ("amount", None, "this", "2.932", "（九）", 310),
    ("count", None, "this", "8222人次", "（九）", 310),
    ("count", None, "this", "1个", "（九）", 314),
    ("amount", None, "this", "300", "（九）", 314),
    ("amount", None, "this", "300", "（九）", 316),
    ("amount", None, "this", "300", "（九）", 320),
    ("amount", "procurement.total", "this", "95.18", "(十)", 338),
    ("amount", "procurement.goods", "this", "1.63", "(十)", 338),
    ("amount", "procurement.works", "this", "75.00", "(十)", 338),
    ("amount", "procurement.services", "this", "18.55", "(十)", 338),
    ("amount", "procurement.sme_amount", "this", "93.55", "(十)", 338),
    ("share", "procurement.sme_amount", "this", "98.29%", "(十)", 338),
    ("count", "vehicles", "this", "0辆", "(十)", 342),
]


def test_every_claim_of_the_example(futian: Disclosure) -> None:
    claims = claims_of(futian, source=text("futian-housing-2018"))
    found = [
        (
            c.kind.value,
            c.quantity,
            c.year.value,
            str(c.value),
            c.location.section,
            c.location.line,
        )
        for c in claims
    ]

    assert EXPECTED == found
    assert list(range(len(claims))) == [c.index for c in claims]


def test_bound_and_unbound_counts(futian: Disclosure) -> None:
    claims = claims_of(futian)

    assert 57 == len(claims)
    assert 43 == sum(c.bound for c in claims)
    assert all(c.location.section == "（九）" for c in claims if not c.bound)


def test_links_between_claims(futian: Disclosure) -> None:
    claims = claims_of(futian)
    by_text = {c.text: c for c in claims}
    rate = by_text["增长率 38.80%"]
    change = claims[rate.subject or 0]
    parts = [c for c in claims if c.parent == 31]

    assert ClaimKind.CHANGE is change.kind
    assert Decimal("186.8") == change.value.value
    assert Direction.UP is change.direction
    assert ["356.62", "3.07"] == [str(p.value) for p in parts]
    assert all(Year.PRIOR is p.year for p in parts)
    assert "procurement.total" == claims[55].base
    assert 54 == claims[55].subject
    assert Direction.DOWN is claims[34].direction
    assert Decimal("-100.82") == claims[34].signed


def test_lines_without_the_source_are_estimated_from_the_heading(futian: Disclosure) -> None:
    estimated = claims_of(futian)
    exact = claims_of(futian, source=text("futian-housing-2018"))
    differ = {c.index for c, e in zip(estimated, exact, strict=True) if c.location != e.location}

    assert set(range(38, 50)) == differ
    assert all(
        c.location.line == e.location.line
        for c, e in zip(estimated, exact, strict=True)
        if c.index < 38
    )


def test_the_closing_balance_is_the_one_error(futian: Disclosure) -> None:
    report = audit(futian, select=["N-"])
    [error] = report.errors

    assert [error] == list(report.findings)
    assert "N-1" == error.rule
    assert "narrative" == error.location.table
    assert "(一)" == error.location.row
    assert "收入支出决算总体情况说明" == error.location.label
    assert "chars 173–180" == error.location.column
    assert 216 == error.location.line
    assert Decimal("2.20") == error.actual
    assert Decimal("2.10") == error.expected
    assert Decimal("0.10") == error.difference
    assert [("01", "closing_balance", "amount")] == [
        (r.table, r.row, r.column) for r in error.related
    ]
    assert Severity.ERROR is error.severity


def test_the_span_points_at_the_figure(futian: Disclosure) -> None:
    section = futian.section("01")
    assert section is not None

    assert "2.20 万元" == section.text[173:180]


def test_the_prior_year_arithmetic_of_the_example_is_consistent(futian: Disclosure) -> None:
    report = audit(futian, select=["N-3", "N-6", "N-9", "N-7"])

    assert () == report.findings

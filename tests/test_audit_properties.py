"""Properties of the auditor on generated disclosures.

- A consistent disclosure (every identity exact before rounding, each figure
  rounded on its own) gives no error and no warning, in every layout year,
  under ``interval`` and ``interval-zeros-exact``; under ``exact`` its honest
  rounding differences are errors, exactly where ``interval`` reports them
  as rounding infos; under ``tolerance:T`` the errors are the differences
  larger than T.
- The auditor's arithmetic and cross-table findings are exactly those of the
  independent statement of the rules in ``govbudget.testing._spec``.
- An injected fault is reported, as errors, at exactly the places the fault
  description lists, and nothing else is an error or a warning. "Explained
  by the fault" is therefore defined as: the finding's (rule, table, row,
  column) is one of ``Fault.findings``, the checks of the rules that read a
  figure the fault changed (for a changed figure: every sum and equality it
  takes part in, in any table; for a dropped, duplicated or moved row: the
  sums it was or is now part of, plus S-4 for a duplicate).
- JSON round trip: ``loads(dumps(x)) == x``.
"""

from __future__ import annotations

import random
from collections import Counter
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govbudget.audit import RULES, AuditContext, Finding, Severity, audit, parse_policy
from govbudget.disclosure import Disclosure
from govbudget.serialize import dumps, loads
from govbudget.testing import _spec
from govbudget.testing.faults import Fault, FaultKind, faulty_disclosures
from govbudget.testing.strategies import disclosures

LAYOUT_YEARS = (2016, 2018, 2019, 2020, 2021, 2025)
"""A year for each layout boundary: 01 changes in 2019, 04 and 09 in 2021."""

QUICK = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
REALISTIC = settings(max_examples=5, deadline=None, suppress_health_check=[HealthCheck.too_slow])

_SPEC_RULES = frozenset(r for r in RULES if r.startswith(("F", "X")))


def _key(finding: Finding) -> tuple[str, str, str, str]:
    return _spec.finding_key(finding.location, finding.rule)


def _problems(disclosure: Disclosure, policy: str) -> list[str]:
    report = audit(disclosure, policy=policy)
    return [
        f"{f.rule} {f.severity.label} {f.location}: {f.message_en}"
        for f in report.findings
        if f.severity >= Severity.WARNING
    ]


@pytest.mark.parametrize("year", LAYOUT_YEARS)
@pytest.mark.parametrize("policy", ["interval", "interval-zeros-exact"])
@QUICK
@given(data=st.data())
def test_consistent_disclosures_have_no_error_or_warning(
    year: int, policy: str, data: st.DataObject
) -> None:
    disclosure = data.draw(disclosures(year=year))

    problems = _problems(disclosure, policy)

    assert [] == problems


@pytest.mark.parametrize("policy", ["interval", "interval-zeros-exact"])
@REALISTIC
@given(disclosure=disclosures(size="realistic"))
def test_realistic_disclosures_have_no_error_or_warning(
    policy: str, disclosure: Disclosure
) -> None:
    problems = _problems(disclosure, policy)

    assert [] == problems


@QUICK
@given(disclosure=disclosures(min_function_rows=3))
def test_exact_policy_turns_rounding_into_errors(disclosure: Disclosure) -> None:
    rounding = Counter(_key(f) for f in audit(disclosure).findings if f.rounding)

    exact = Counter(_key(f) for f in audit(disclosure, policy="exact").errors)

    assert rounding == exact


@REALISTIC
@given(disclosure=disclosures(size="realistic"))
def test_realistic_disclosures_show_rounding_that_exact_rejects(
    disclosure: Disclosure,
) -> None:
    errors = audit(disclosure, policy="exact").errors

    assert errors
    assert all(f.difference is not None and f.rule in _SPEC_RULES | {"O-1"} for f in errors)


@QUICK
@given(disclosure=disclosures(min_function_rows=3))
def test_tolerance_policy_rejects_exactly_the_larger_differences(
    disclosure: Disclosure,
) -> None:
    differences = [abs(f.difference) for f in audit(disclosure).findings if f.difference]
    largest = max(differences, default=Decimal(0))
    below = max(largest - Decimal("0.01"), Decimal(0))

    at_largest = audit(disclosure, policy=f"tolerance:{largest}").errors
    under = audit(disclosure, policy=f"tolerance:{below}").errors

    assert [] == at_largest
    assert sum(1 for d in differences if d > below) == len(under)


@pytest.mark.parametrize("policy", ["interval", "interval-zeros-exact", "exact"])
@QUICK
@given(disclosure=disclosures())
def test_auditor_agrees_with_the_independent_rules(policy: str, disclosure: Disclosure) -> None:
    expected = Counter(
        (*(o.check.rule, *o.location), Severity.ERROR if o.error else Severity.INFO)
        for o in _spec.evaluate(disclosure, policy)
    )

    found = Counter(
        (*_key(f), f.severity)
        for f in audit(disclosure, policy=policy).findings
        if f.rule in _SPEC_RULES
    )

    assert expected == found


def _check_fault(corrupted: Disclosure, fault: Fault) -> None:
    report = audit(corrupted, policy=fault.policy)
    errors = {(f.rule, f.location.table, f.location.row, f.location.column) for f in report.errors}

    assert fault.findings
    assert set(fault.findings) == errors
    assert [] == [f"{f.rule} {f.location}" for f in report.warnings]


@pytest.mark.parametrize("kind", list(FaultKind), ids=lambda k: k.value)
@QUICK
@given(data=st.data())
def test_every_fault_is_reported_where_it_is_and_nowhere_else(
    kind: FaultKind, data: st.DataObject
) -> None:
    corrupted, fault = data.draw(faulty_disclosures(kinds=[kind]))

    _check_fault(corrupted, fault)


@settings(max_examples=6, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_faults_are_reported_under_zeros_exact(data: st.DataObject) -> None:
    corrupted, fault = data.draw(faulty_disclosures(policy="interval-zeros-exact"))

    _check_fault(corrupted, fault)


@REALISTIC
@given(data=st.data())
def test_faults_in_realistic_disclosures(data: st.DataObject) -> None:
    corrupted, fault = data.draw(faulty_disclosures(disclosures(size="realistic")))

    _check_fault(corrupted, fault)


@QUICK
@given(
    data=st.data(),
    kind=st.sampled_from(
        [FaultKind.CHANGED_FIGURE, FaultKind.TRANSPOSED_DIGITS, FaultKind.WRONG_CATEGORY_TOTAL]
    ),
)
def test_figure_faults_break_every_identity_they_are_in(
    data: st.DataObject, kind: FaultKind
) -> None:
    corrupted, fault = data.draw(faulty_disclosures(kinds=[kind]))
    table = corrupted.tables[fault.table]
    index = next(i for i, row in enumerate(table.rows) if row.key == fault.row)
    ref = _spec.Ref(fault.table, index, fault.column or "")
    context = AuditContext(corrupted, policy=parse_policy(fault.policy))
    reading = [
        check
        for check in _spec.checks(corrupted)
        if check.kind is not _spec.Kind.AT_MOST
        and ref in set(check.refs())
        and _spec.measure(context, check) is not None
    ]

    outcomes = _spec.evaluate(corrupted, fault.policy, reading)

    assert reading
    assert len(reading) == len([o for o in outcomes if o.error])
    assert {(o.check.rule, *o.location) for o in outcomes} <= set(fault.findings)


@settings(max_examples=15, deadline=None)
@given(disclosure=disclosures())
def test_json_round_trip(disclosure: Disclosure) -> None:
    text = dumps(disclosure)

    again = loads(text)

    assert disclosure == again


def test_json_round_trip_of_a_realistic_disclosure() -> None:
    from govbudget.testing import generate_disclosure

    disclosure = generate_disclosure(random.Random(2024), year=2023, size="realistic")

    assert disclosure == loads(dumps(disclosure))

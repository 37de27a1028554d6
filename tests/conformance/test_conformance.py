"""The conformance suite: one passing and one failing disclosure per rule.

Each file in ``cases/`` is named ``<rule id>-pass.json`` or
``<rule id>-fail.json`` and holds two objects: ``case`` (the rule, the
outcome, a description, the rounding policy and the expected findings) and
``disclosure`` (a small disclosure in govbudget's JSON format, holding only
the tables the rule reads).

A case runs its rule alone (``select=[rule]``) under its policy. The
figures of these small cases are round (many are whole 万元), so the
auditor's coarser-grid detection would widen every rounding radius; each
case says whether it is on (``detect_grid``): only the R-1 cases, which test
the detection itself, switch it on. What counts as reported is
every finding of warning or error severity, or, for a rule whose own severity
is info (R-1), every finding. A failing case must report exactly its expected
findings (rule, severity, table, row, column); a passing case must report
none.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from govbudget.audit import RULES, AuditOptions, Severity, audit
from govbudget.serialize import from_data

CASES = Path(__file__).parent / "cases"
Key = tuple[str, str, Any, Any, Any]


def _cases() -> list[Path]:
    return sorted(CASES.glob("*.json"))


def _read(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def _reported(path: Path) -> Counter[Key]:
    data = _read(path)
    case = data["case"]
    rule = RULES[case["rule"]]
    disclosure = from_data(data["disclosure"], source=path.name)
    options = AuditOptions(detect_grid=case["detect_grid"])
    report = audit(disclosure, select=[rule.id], policy=case["policy"], options=options)
    floor = Severity.INFO if rule.severity is Severity.INFO else Severity.WARNING
    return Counter(
        (f.rule, f.severity.label, f.location.table, f.location.row, f.location.column)
        for f in report.findings
        if f.severity >= floor
    )


def _expected(path: Path) -> Counter[Key]:
    return Counter(
        (e["rule"], e["severity"], e["table"], e["row"], e["column"])
        for e in _read(path)["case"]["expected"]
    )


@pytest.mark.parametrize("path", _cases(), ids=lambda p: p.stem)
def test_case(path: Path) -> None:
    """A failing case reports exactly its expected findings; a passing one none."""
    case = _read(path)["case"]
    expected = _expected(path)

    reported = _reported(path)

    assert path.stem == f"{case['rule']}-{case['outcome']}"
    if case["outcome"] == "pass":
        assert Counter() == expected
    else:
        assert expected, "a failing case lists at least one finding"
        assert {case["rule"]} == {key[0] for key in expected}
    assert expected == reported


_ELSEWHERE = {
    "performance": "checks performance forms, not tables; see tests/performance",
    "import": "reads the reader's report of unread lines, which JSON cannot carry",
    "narrative": "reads the narrative through its own grammar; cases still to be written",
}
"""Rule categories whose cases live elsewhere or are still missing, and why."""


@pytest.mark.parametrize("rule_id", sorted(RULES))
def test_every_rule_has_a_passing_and_a_failing_case(rule_id: str) -> None:
    """Every registered rule has both cases, unless its category is listed above."""
    rule = RULES[rule_id]
    if rule.category.value in _ELSEWHERE:
        pytest.skip(f"{rule_id}: {_ELSEWHERE[rule.category.value]}")

    present = {path.stem for path in _cases()}

    assert {f"{rule_id}-pass", f"{rule_id}-fail"} <= present


def test_no_case_names_an_unknown_rule() -> None:
    rules = {path.stem.rsplit("-", 1)[0] for path in _cases()}

    unknown = rules - set(RULES)

    assert set() == unknown

"""Accepted explanations: findings a user has looked at and explained.

An acceptance file is plain UTF-8 text, one entry per line, three fields
separated by tabs: the rule id, a location pattern, and the reason::

    # rule   location        reason
    F06-2    06:302:amount   明细按 0.1 万元列示，合计按 0.01 万元列示

A location pattern is ``TABLE[:ROW[:COLUMN]]``, each part an exact value or
``*``. Matching findings stay in the report, marked accepted with the reason;
they no longer count towards the exit code. An entry that matches nothing is
reported too, so stale explanations do not pile up.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

import attrs

from govbudget.errors import DocumentError, Problem, WrongTypeError
from govbudget.findings import Finding

__all__ = ["Acceptance", "apply_acceptances", "load_acceptances", "parse_acceptances"]


@attrs.frozen
class Acceptance:
    """One accepted explanation.

    Attributes:
        rule: The rule id, or ``*`` for any rule.
        table: The table id or ``*``.
        row: The row key or ``*``.
        column: The column id or ``*``.
        reason: Why the finding is acceptable, kept in the report.
        line: The line of the acceptance file.
    """

    rule: str
    table: str = "*"
    row: str = "*"
    column: str = "*"
    reason: str = ""
    line: int | None = None

    def matches(self, finding: Finding) -> bool:
        """Whether this acceptance explains ``finding``."""
        where = finding.location
        return all(
            wanted == "*" or wanted == actual
            for wanted, actual in (
                (self.rule, finding.rule),
                (self.table, where.table),
                (self.row, where.row),
                (self.column, where.column),
            )
        )


def parse_acceptances(text: str, source: str = "<string>") -> list[Acceptance]:
    """Read acceptances from text; every bad line is reported at once.

    Raises:
        DocumentError: listing each bad line.
    """
    if not isinstance(text, str):
        raise WrongTypeError(text, "acceptance text as a string")
    found: list[Acceptance] = []
    problems: list[Problem] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        fields = [field.strip() for field in raw.split("\t") if field.strip()]
        if len(fields) != 3:
            problems.append(
                Problem(f"line {number}", "expected rule id, location and reason separated by tabs")
            )
            continue
        rule, location, reason = fields
        parts = location.split(":")
        if len(parts) > 3 or not all(parts):
            problems.append(
                Problem(
                    f"line {number}", f"bad location {location!r}; expected TABLE[:ROW[:COLUMN]]"
                )
            )
            continue
        parts += ["*"] * (3 - len(parts))
        found.append(Acceptance(rule, parts[0], parts[1], parts[2], reason, number))
    if problems:
        raise DocumentError(source, problems)
    return found


def load_acceptances(path: str | Path) -> list[Acceptance]:
    """Read an acceptance file.

    Raises:
        DocumentError: if the file cannot be read or has bad lines.
    """
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise DocumentError(str(path), [Problem("file", f"cannot read: {error}")]) from None
    return parse_acceptances(text, str(path))


def apply_acceptances(
    findings: Sequence[Finding], acceptances: Iterable[Acceptance]
) -> tuple[list[Finding], list[Acceptance]]:
    """Mark the findings each acceptance explains.

    Returns:
        The findings (accepted ones carrying their reason) and the
        acceptances that matched nothing.
    """
    acceptances = list(acceptances)
    used: set[int] = set()
    marked: list[Finding] = []
    for finding in findings:
        for index, acceptance in enumerate(acceptances):
            if acceptance.matches(finding):
                used.add(index)
                finding = attrs.evolve(finding, accepted=acceptance.reason)
                break
        marked.append(finding)
    unused = [a for index, a in enumerate(acceptances) if index not in used]
    return marked, unused

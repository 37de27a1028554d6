"""The audit report: findings plus what produced them."""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from govbudget.findings import Finding, Severity

__all__ = ["Report"]


@attrs.frozen
class Report:
    """Everything one audit found, and how it was run.

    Attributes:
        findings: Every finding, in the order the rules produced them.
        source: The audited file, if any.
        entity: The entity's name.
        year: The fiscal year.
        version: The govbudget version that ran the audit.
        rules: The ids of the rules that ran.
        policy: The rounding policy's name.
        catalog: The catalog used: its name, data release and the fiscal year
            whose edition was looked up.
        unused_acceptances: Accepted explanations that matched no finding,
            as "line N: rule location".
    """

    findings: tuple[Finding, ...]
    source: str | None
    entity: str
    year: int
    version: str
    rules: tuple[str, ...]
    policy: str
    catalog: str
    unused_acceptances: tuple[str, ...] = ()

    def __iter__(self) -> Iterator[Finding]:
        return iter(self.findings)

    def __len__(self) -> int:
        return len(self.findings)

    def of(self, severity: Severity, *, accepted: bool = False) -> list[Finding]:
        """Findings of one severity; accepted ones only if asked for."""
        return [
            f for f in self.findings if f.severity is severity and (accepted or f.accepted is None)
        ]

    @property
    def errors(self) -> list[Finding]:
        """Errors not explained by an accepted explanation."""
        return self.of(Severity.ERROR)

    @property
    def warnings(self) -> list[Finding]:
        """Warnings not explained by an accepted explanation."""
        return self.of(Severity.WARNING)

    @property
    def infos(self) -> list[Finding]:
        """Infos (rounding-level differences among them) not explained by an
        accepted explanation."""
        return self.of(Severity.INFO)

    @property
    def accepted(self) -> list[Finding]:
        """Findings explained by an accepted explanation."""
        return [f for f in self.findings if f.accepted is not None]

    def counts(self) -> dict[str, int]:
        """Numbers of errors, warnings, infos and accepted findings."""
        return {
            "error": len(self.errors),
            "warning": len(self.warnings),
            "info": len(self.infos),
            "accepted": len(self.accepted),
        }

    def exit_code(self, fail_on: Severity = Severity.ERROR) -> int:
        """1 if any unaccepted finding is at least ``fail_on``, else 0."""
        failing = any(f.severity >= fail_on and f.accepted is None for f in self.findings)
        return 1 if failing else 0

    def by_rule(self, rule_id: str) -> list[Finding]:
        """Findings of one rule."""
        return [f for f in self.findings if f.rule == rule_id]

    def sorted(self) -> list[Finding]:
        """Findings grouped by table (document order), the worst first within each."""
        return sorted(
            self.findings,
            key=lambda f: (_table_order(f.location.table), -f.severity, f.rule),
        )


def _table_order(table: str | None) -> tuple[int, str]:
    if table is None:
        return (0, "")
    return (1, table) if table[:1].isdigit() else (2, table)

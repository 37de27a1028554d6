"""Run the rules over a disclosure and collect a report."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from pathlib import Path

from govbudget._version import __version__
from govbudget.audit import rules as _rules  # noqa: F401  (registers every rule)
from govbudget.audit.accept import Acceptance, apply_acceptances, load_acceptances
from govbudget.audit.context import AuditContext, AuditOptions
from govbudget.audit.policy import RoundingPolicy, parse_policy
from govbudget.audit.registry import RULES, Rule, select_rules
from govbudget.audit.report import Report
from govbudget.codes import Catalog
from govbudget.disclosure import Disclosure
from govbudget.errors import GovBudgetError, WrongTypeError
from govbudget.findings import Finding, Severity
from govbudget.location import Location
from govbudget.readers import ImportReport

__all__ = ["audit"]


def audit(
    disclosure: Disclosure,
    *,
    policy: str | RoundingPolicy = "interval",
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    accept: str | Path | Sequence[Acceptance] | None = None,
    catalog: Catalog | None = None,
    options: AuditOptions | None = None,
    import_report: ImportReport | None = None,
) -> Report:
    """Check a disclosure against every rule that applies to it.

    Args:
        disclosure: The disclosure to audit.
        policy: The rounding policy, or its name (``"interval"``,
            ``"interval-zeros-exact"``, ``"exact"``, ``"tolerance:0.05"``).
        select: Rule ids, id prefixes ("F06", "X-") or categories to run;
            all rules if ``None``.
        ignore: Rule ids, prefixes or categories to leave out.
        accept: Accepted explanations, or the path of a file of them.
        catalog: The classification catalog; the shipped one by default.
        options: Settings for regional rules.
        import_report: What a reader could not read, for disclosures read
            from text or PDF; its lines become ``I-1`` warnings.

    Returns:
        A :class:`~govbudget.audit.report.Report`.

    Raises:
        WrongTypeError: for an unknown policy or rule pattern.
        DocumentError: for a bad acceptance file.

    >>> from govbudget.examples import load
    >>> report = audit(load("futian-housing-2018"))
    >>> report.counts()["error"]
    1
    """
    if not isinstance(disclosure, Disclosure):
        raise WrongTypeError(disclosure, "a Disclosure")
    chosen_policy = parse_policy(policy) if isinstance(policy, str) else policy
    context = AuditContext(
        disclosure,
        policy=chosen_policy,
        catalog=catalog,
        options=options,
        import_report=import_report,
    )

    ran: list[str] = []
    findings: list[Finding] = []
    for rule in _selected(select, ignore):
        if not _applies(rule, disclosure):
            continue
        ran.append(rule.id)
        context.rule = rule
        findings.extend(_run_one(rule, context))

    acceptances = (
        load_acceptances(accept) if isinstance(accept, (str, Path)) else list(accept or ())
    )
    marked, unused = apply_acceptances(findings, acceptances)
    return Report(
        findings=tuple(_with_source(marked, disclosure.source)),
        source=disclosure.source,
        entity=disclosure.entity.name,
        year=disclosure.year,
        version=__version__,
        rules=tuple(sorted(ran)),
        policy=chosen_policy.name,
        catalog=f"{context.catalog.name}, fiscal year {disclosure.year}",
        unused_acceptances=tuple(
            f"line {a.line}: {a.rule} {a.table}:{a.row}:{a.column}" for a in unused
        ),
    )


def _selected(select: Iterable[str] | None, ignore: Iterable[str] | None) -> Iterable[Rule]:
    """:func:`select_rules`, remembered for patterns given as strings: a batch
    audits thousands of disclosures with the same selection."""
    chosen = None if select is None else tuple(select)
    left_out = tuple(ignore or ())
    if all(isinstance(p, str) for p in (*(chosen or ()), *left_out)):
        return _select_cached(chosen, left_out, len(RULES))
    return select_rules(chosen, left_out)


@functools.lru_cache(maxsize=256)
def _select_cached(
    select: tuple[str, ...] | None, ignore: tuple[str, ...], registered: int
) -> tuple[Rule, ...]:
    # ``registered`` keys the cache on the rules registered so far.
    return tuple(select_rules(select, ignore))


def _applies(rule: Rule, disclosure: Disclosure) -> bool:
    if not rule.applies_to(disclosure.year):
        return False
    return all(table_id in disclosure.tables for table_id in rule.tables)


def _run_one(rule: Rule, context: AuditContext) -> list[Finding]:
    """The findings of one rule; a rule that cannot read its input says so."""
    try:
        return list(rule.check(context))
    except GovBudgetError as error:
        return [
            Finding(
                rule=rule.id,
                severity=Severity.WARNING,
                message_zh=f"规则 {rule.id} 无法执行：{error}",
                message_en=f"rule {rule.id} could not run: {error}",
                location=getattr(error, "location", None) or Location(),
            )
        ]


def _with_source(findings: list[Finding], source: str | None) -> Iterable[Finding]:
    """Findings with the source file in their locations."""
    if source is None:
        return findings
    import attrs

    return [
        attrs.evolve(f, location=attrs.evolve(f.location, file=source))
        if f.location.file is None
        else f
        for f in findings
    ]

"""Rules: one small function each, with a stable id and what it applies to."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING

import attrs

from govbudget.errors import WrongTypeError
from govbudget.findings import Category, Finding, Severity

if TYPE_CHECKING:
    from govbudget.audit.context import AuditContext

__all__ = ["RULES", "Rule", "rule", "select_rules"]

Check = Callable[["AuditContext"], Iterable[Finding]]


@attrs.frozen
class Rule:
    """An audit rule.

    Attributes:
        id: Stable id (``"F06-2"``), matching DOMAIN.md's invariant ids.
        title: One line, in English.
        title_zh: One line, in Chinese.
        category: What kind of check it is.
        severity: The severity of a finding beyond rounding.
        check: The function that yields findings.
        tables: The tables it needs; the rule is skipped if one is absent.
        since: First fiscal year it applies to, if limited.
        until: Last fiscal year it applies to, if limited.
        uncertain: True where DOMAIN.md marks the identity uncertain or
            regional; such rules can be switched off with ``ignore``.
        doc: The rule's documentation (its function's docstring).
    """

    id: str
    title: str
    title_zh: str
    category: Category
    severity: Severity
    check: Check = attrs.field(repr=False)
    tables: tuple[str, ...] = ()
    since: int | None = None
    until: int | None = None
    uncertain: bool = False
    doc: str = ""

    def applies_to(self, year: int) -> bool:
        """Whether the rule covers fiscal ``year``."""
        return (self.since is None or self.since <= year) and (
            self.until is None or year <= self.until
        )


RULES: dict[str, Rule] = {}
"""Every registered rule, by id, in registration order."""


def rule(
    rule_id: str,
    *,
    title: str,
    title_zh: str,
    category: Category,
    severity: Severity = Severity.ERROR,
    tables: tuple[str, ...] = (),
    since: int | None = None,
    until: int | None = None,
    uncertain: bool = False,
) -> Callable[[Check], Check]:
    """Register a rule function under ``rule_id``."""

    def register(check: Check) -> Check:
        if rule_id in RULES:
            raise WrongTypeError(rule_id, "a rule id not registered yet")
        RULES[rule_id] = Rule(
            id=rule_id,
            title=title,
            title_zh=title_zh,
            category=category,
            severity=severity,
            check=check,
            tables=tables,
            since=since,
            until=until,
            uncertain=uncertain,
            doc=_clean_doc(check.__doc__ or ""),
        )
        return check

    return register


def _clean_doc(doc: str) -> str:
    lines = doc.expandtabs().splitlines()
    if not lines:
        return ""
    indents = [len(line) - len(line.lstrip()) for line in lines[1:] if line.strip()]
    margin = min(indents, default=0)
    return "\n".join([lines[0].strip(), *(line[margin:] for line in lines[1:])]).strip()


def _matches(rule_id: str, patterns: Iterable[str]) -> bool:
    """A pattern selects a rule by id, by prefix ("F06", "X-"), or by category."""
    for pattern in patterns:
        pattern = pattern.strip()
        if not pattern:
            continue
        if rule_id == pattern or rule_id.startswith(pattern):
            return True
        found = RULES.get(rule_id)
        if found is not None and found.category.value == pattern:
            return True
    return False


def select_rules(
    select: Iterable[str] | None = None, ignore: Iterable[str] | None = None
) -> Iterator[Rule]:
    """The registered rules chosen by ``select`` (all if ``None``) minus ``ignore``.

    Raises:
        WrongTypeError: if a pattern matches no rule at all (a typo).
    """
    select = list(select) if select is not None else None
    ignore = list(ignore or ())
    for pattern in [*(select or ()), *ignore]:
        if not any(_matches(rule_id, [pattern]) for rule_id in RULES):
            raise WrongTypeError(
                pattern, "a rule id, id prefix or category (see `govbudget rules`)"
            )
    for rule_id, found in RULES.items():
        if select is not None and not _matches(rule_id, select):
            continue
        if _matches(rule_id, ignore):
            continue
        yield found

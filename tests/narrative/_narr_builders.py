"""Disclosures with hand-written narrative, built on the bundled example's tables."""

from __future__ import annotations

import attrs

from govbudget import Disclosure
from govbudget.disclosure import Section
from govbudget.examples import load
from govbudget.findings import Finding
from govbudget.narrative import Claim, claims_of


def with_text(text: str, topic: str | None = "01", *others: tuple[str, str]) -> Disclosure:
    """The example with its narrative replaced by one section (and ``others``:
    (topic, text) pairs as further sections)."""
    sections = [Section("（一）", "说明", text, 100, topic)]
    for number, (other_topic, other_text) in enumerate(others, 2):
        sections.append(
            Section(f"（{number}）", "说明", other_text, 100 + 10 * number, other_topic)
        )
    return attrs.evolve(load("futian-housing-2018"), narrative=sections)


def claims(text: str, topic: str | None = "01") -> list[Claim]:
    """The claims of one hand-written section."""
    return claims_of(with_text(text, topic))


def findings(disclosure: Disclosure, rule: str) -> list[Finding]:
    """The findings of one rule (and only that rule) on a disclosure."""
    from govbudget import audit

    return [f for f in audit(disclosure, select=[rule]).findings if f.rule == rule]

"""Write docs/rules.md, the reference of every audit rule, from the rules themselves.

Run from the repository root: ``python tools/make_rule_docs.py``.
``--check`` exits 1 if the page on disk is out of date.
"""

from __future__ import annotations

import sys
from itertools import groupby
from pathlib import Path

from govbudget.audit import RULES, Rule

PAGE = Path(__file__).resolve().parent.parent / "docs" / "rules.md"

INTRO = """\
# Rule reference

Every rule the auditor runs, generated from the rules themselves
(`python tools/make_rule_docs.py`). Ids are stable: `F…` rules check one
table (the number is the table), `X-…` rules compare tables, `S-…` check
structure, `C-…` the classification catalog, `O-…` other matters, `R-…`
precision, `P-…` performance forms. The ids of table and cross-table rules
follow the invariant ids of the domain reference.

Rules marked **uncertain** check identities that the domain reference marks
as unconfirmed or regional; they run by default and can be switched off with
`--ignore ID` (or `audit(..., ignore=["ID"])`).

`govbudget rules` prints the same list in a terminal.
"""


def _section(rule: Rule) -> str:
    applies = []
    if rule.tables:
        applies.append("tables " + ", ".join(rule.tables))
    if rule.since or rule.until:
        applies.append(f"fiscal years {rule.since or '…'}–{rule.until or '…'}")
    lines = [
        f"### {rule.id}: {rule.title}",
        "",
        f"{rule.title_zh}",
        "",
        f"- severity: **{rule.severity.label}**"
        + (" · **uncertain** (can be switched off)" if rule.uncertain else ""),
        f"- needs: {'; '.join(applies)}" if applies else "- needs: nothing in particular",
        "",
        rule.doc,
        "",
    ]
    return "\n".join(lines)


def render() -> str:
    parts = [INTRO]
    ordered = sorted(RULES.values(), key=lambda r: (r.category.value, r.id))
    for category, rules in groupby(ordered, key=lambda r: r.category):
        parts.append(f"## {category.value}\n")
        parts.extend(_section(rule) for rule in rules)
    return "\n".join(parts).rstrip() + "\n"


def main() -> int:
    text = render()
    if "--check" in sys.argv:
        if not PAGE.exists() or PAGE.read_text(encoding="utf-8") != text:
            print(f"{PAGE} is out of date; run python tools/make_rule_docs.py", file=sys.stderr)
            return 1
        return 0
    PAGE.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

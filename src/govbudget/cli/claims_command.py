"""``govbudget claims [PATH]``: the figures the narrative states, bound or not."""

from __future__ import annotations

import argparse
import json
from typing import Any

from tabulate import tabulate

from govbudget import examples
from govbudget.cli.inputs import EXAMPLE, disclosure_from
from govbudget.narrative import Claim, claims_of, quantity

CLAIM_FORMATS = ("text", "json")


def register(commands: Any) -> None:
    """Add the ``claims`` subcommand."""
    parser: argparse.ArgumentParser = commands.add_parser(
        "claims",
        help="list the figures the narrative states",
        description=(
            "List the claims of the narrative (情况说明): each figure with its kind, "
            "the quantity it is bound to (or none), its year and where it stands. "
            "Without PATH: the bundled example."
        ),
    )
    parser.add_argument("path", nargs="?", metavar="PATH", help="a disclosure file (JSON)")
    parser.add_argument("--format", choices=CLAIM_FORMATS, default="text")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Print the claims of one disclosure."""
    claims = claims_of(disclosure_from(args.path), source=_example_text(args.path))
    if args.format == "json":
        print(json.dumps([claim_to_data(c) for c in claims], ensure_ascii=False, indent=2))
        return 0
    rows = [
        (
            c.index,
            c.location.section,
            c.location.line if c.location.line is not None else "",
            c.kind.value,
            c.year.value,
            str(c.value),
            c.quantity or "(unbound)",
            c.name,
        )
        for c in claims
    ]
    headers = ("#", "section", "line", "kind", "year", "value", "quantity", "name")
    print(tabulate(rows, headers=headers, disable_numparse=True))
    bound = sum(c.bound for c in claims)
    print(f"\n{len(claims)} claims: {bound} bound, {len(claims) - bound} unbound")
    return 0


def _example_text(path: str | None) -> str | None:
    """The published text of a bundled example, for exact line numbers."""
    if path is not None and not path.startswith("example:"):
        return None
    name = EXAMPLE if path is None else path.removeprefix("example:")
    return examples.text(name) if name in examples.names() else None


def claim_to_data(claim: Claim) -> dict[str, Any]:
    """A claim as plain JSON data."""
    value = claim.value
    data: dict[str, Any] = {
        "index": claim.index,
        "kind": claim.kind.value,
        "value": str(value.value),
        "unit": getattr(getattr(value, "unit", None), "value", None)
        or getattr(value, "measure", None)
        or "%",
        "quantity": claim.quantity,
        "quantity_name": quantity(claim.quantity).name if claim.quantity else None,
        "name": claim.name,
        "year": claim.year.value,
        "fiscal_year": claim.fiscal_year,
        "direction": claim.direction.value if claim.direction else None,
        "subject": claim.subject,
        "parent": claim.parent,
        "base": claim.base,
        "text": claim.text,
        "location": {
            "section": claim.location.section,
            "title": claim.location.title,
            "sentence": claim.location.sentence,
            "start": claim.location.start,
            "end": claim.location.end,
            "line": claim.location.line,
        },
    }
    return data

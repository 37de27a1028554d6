"""``govbudget rules``: every audit rule, with its id and what it checks."""

from __future__ import annotations

import argparse
from typing import Any

from govbudget.audit import RULES


def register(commands: Any) -> None:
    """Add the ``rules`` subcommand."""
    parser: argparse.ArgumentParser = commands.add_parser(
        "rules", help="list the audit rules", description="List every audit rule."
    )
    parser.add_argument("--lang", choices=("zh", "en"), default="zh")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Print one line per rule."""
    for rule in sorted(RULES.values(), key=lambda r: r.id):
        title = rule.title_zh if args.lang == "zh" else rule.title
        flag = " (uncertain)" if rule.uncertain else ""
        print(f"{rule.id:<6} {rule.severity.label:<7} {rule.category.value:<13} {title}{flag}")
    return 0

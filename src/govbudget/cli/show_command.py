"""``govbudget show [PATH]``: tables in the official layout."""

from __future__ import annotations

import argparse
from typing import Any

from govbudget.cli.inputs import disclosure_from
from govbudget.render import FORMATS, render_disclosure

_TABLES = ("01", "02", "03", "04", "05", "06", "07", "08", "09", "forms", "all")


def register(commands: Any) -> None:
    """Add the ``show`` subcommand."""
    parser: argparse.ArgumentParser = commands.add_parser(
        "show",
        help="render a disclosure's tables in the official layout",
        description="Render tables in the official layout. Without PATH: the bundled example.",
    )
    parser.add_argument("path", nargs="?", help="a disclosure file (JSON); default: the example")
    parser.add_argument(
        "--table",
        action="append",
        choices=_TABLES,
        help="a table id, 'forms' or 'all' (repeatable; default: all)",
    )
    parser.add_argument("--format", choices=FORMATS, default="text")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Print the chosen tables."""
    disclosure = disclosure_from(args.path)
    chosen = args.table or ["all"]
    tables = None if "all" in chosen else chosen
    print(render_disclosure(disclosure, args.format, tables))
    return 0

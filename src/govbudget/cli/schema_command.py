"""``govbudget schema``: JSON Schemas of the disclosure and report formats."""

from __future__ import annotations

import argparse
import json
from typing import Any

from govbudget.audit.formats import REPORT_SCHEMA
from govbudget.schema import disclosure_schema


def register(commands: Any) -> None:
    """Add the ``schema`` subcommand."""
    parser: argparse.ArgumentParser = commands.add_parser(
        "schema",
        help="print the JSON Schema of the disclosure (or report) format",
        description="Print a JSON Schema so other tools can validate files without Python.",
    )
    parser.add_argument("--of", choices=("disclosure", "report"), default="disclosure")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Print the schema."""
    schema = disclosure_schema() if args.of == "disclosure" else REPORT_SCHEMA
    print(json.dumps(schema, ensure_ascii=False, indent=2))
    return 0

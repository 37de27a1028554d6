"""Entry point: parse arguments, dispatch to a subcommand, map errors to exit codes.

Exit codes: 0 success (no errors found), 1 errors found (for ``audit``),
2 bad usage or unreadable input.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from govbudget._version import __version__
from govbudget.cli import (
    audit_command,
    claims_command,
    codes_command,
    read_command,
    rules_command,
    schema_command,
    show_command,
)
from govbudget.errors import GovBudgetError

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand registered."""
    parser = argparse.ArgumentParser(
        prog="govbudget",
        description="Model and audit Chinese public budget disclosures (部门预算/部门决算公开).",
    )
    parser.add_argument("--version", action="version", version=f"govbudget {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    audit_command.register(commands)
    show_command.register(commands)
    codes_command.register(commands)
    claims_command.register(commands)
    read_command.register(commands)
    rules_command.register(commands)
    schema_command.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        result: int = args.run(args)
    except GovBudgetError as error:
        print(f"govbudget: {error}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        # A reader such as `head` closed the pipe; that is not an error.
        return EXIT_OK
    return result


if __name__ == "__main__":
    sys.exit(main())

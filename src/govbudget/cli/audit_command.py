"""``govbudget audit [PATH ...]``: every inconsistency, with where and how large."""

from __future__ import annotations

import argparse
from typing import Any

from govbudget.audit import Severity, audit
from govbudget.audit.formats import REPORT_FORMATS, format_report
from govbudget.cli.inputs import disclosure_from
from govbudget.codes import load_catalog_csv


def register(commands: Any) -> None:
    """Add the ``audit`` subcommand."""
    parser: argparse.ArgumentParser = commands.add_parser(
        "audit",
        help="audit disclosures; exit 1 if errors are found",
        description=(
            "Audit disclosures. Without PATH: the bundled example. "
            "Exit codes: 0 no errors, 1 errors found, 2 bad usage or unreadable input."
        ),
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="disclosure files (JSON)")
    parser.add_argument("--format", choices=REPORT_FORMATS, default="text")
    parser.add_argument("--lang", choices=("zh", "en"), default="zh")
    parser.add_argument(
        "--policy",
        default="interval",
        help="rounding policy: interval (default), interval-zeros-exact, exact, tolerance:AMOUNT",
    )
    parser.add_argument("--select", action="append", help="rule ids, prefixes or categories to run")
    parser.add_argument(
        "--ignore", action="append", help="rule ids, prefixes or categories to skip"
    )
    parser.add_argument(
        "--accept", metavar="FILE", help="accepted explanations (rule, location, reason)"
    )
    parser.add_argument("--catalog", metavar="CSV", help="a fuller classification catalog to use")
    parser.add_argument(
        "--fail-on",
        choices=("error", "warning", "info"),
        default="error",
        help="the lowest severity that makes the exit code 1",
    )
    parser.set_defaults(run=run)


def _patterns(values: list[str] | None) -> list[str] | None:
    if values is None:
        return None
    return [p for value in values for p in value.split(",") if p.strip()]


def run(args: argparse.Namespace) -> int:
    """Audit each path and print its report; the exit code is the worst."""
    catalog = None
    if args.catalog:
        from govbudget.codes import default_catalog

        catalog = load_catalog_csv(args.catalog).merged_over(default_catalog())

    fail_on = Severity.parse(args.fail_on)
    worst = 0
    for path in args.paths or [None]:
        report = audit(
            disclosure_from(path),
            policy=args.policy,
            select=_patterns(args.select),
            ignore=_patterns(args.ignore),
            accept=args.accept,
            catalog=catalog,
        )
        print(format_report(report, args.format, lang=args.lang))
        worst = max(worst, report.exit_code(fail_on))
    return worst

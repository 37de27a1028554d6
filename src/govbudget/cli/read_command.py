"""``govbudget read FILE``: read a published text or PDF and say what was read."""

from __future__ import annotations

import argparse
from typing import Any

from govbudget.io import read
from govbudget.readers import LineStatus
from govbudget.serialize import dump


def register(commands: Any) -> None:
    """Add the ``read`` subcommand."""
    parser: argparse.ArgumentParser = commands.add_parser(
        "read",
        help="read a published disclosure (text or PDF) and report what was read",
        description=(
            "Read a published disclosure from text (.txt) or PDF (.pdf, needs the 'pdf' extra), "
            "print what was read, and optionally save it as JSON."
        ),
    )
    parser.add_argument("path", help="the text or PDF file")
    parser.add_argument(
        "--lines", action="store_true", help="list every line that was not (fully) read"
    )
    parser.add_argument("--json", metavar="OUT", help="write the disclosure as JSON to OUT")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Read the file, print the import summary, write JSON if asked."""
    loaded = read(args.path)
    report = loaded.import_report
    if report is not None:
        print(report.summary())
        if args.lines:
            for note in report.lines:
                if note.status in (LineStatus.NOT_UNDERSTOOD, LineStatus.PARTLY_READ):
                    print(f"  {note}")
    if args.json:
        dump(loaded.disclosure, args.json)
        print(f"wrote {args.json}")
    return 0

"""``govbudget audit [PATH ...]``: every inconsistency, with where and how large.

One document gets its full report; several (files, or directories of them)
get one summary line each, audited on ``--jobs`` processes, with a progress
bar when stderr is a terminal. ``--findings FILE`` writes every finding of
every document as JSON lines or CSV.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor
from contextlib import ExitStack
from pathlib import Path
from typing import IO, Any

from govbudget import io
from govbudget.audit import Severity
from govbudget.audit.formats import (
    FINDING_COLUMNS,
    REPORT_FORMATS,
    csv_cells,
    finding_records,
    format_report,
    summary_line,
)
from govbudget.audit.report import Report
from govbudget.batch import BatchResult, Source, audit_many
from govbudget.cli.inputs import disclosure_from
from govbudget.codes import load_catalog_csv
from govbudget.errors import GovBudgetError, WrongTypeError

_EXIT_UNREADABLE = 2

def register(commands: Any) -> None:
    """Add the ``audit`` subcommand."""
    parser: argparse.ArgumentParser = commands.add_parser(
        "audit",
        help="audit disclosures; exit 1 if errors are found",
        description=(
            "Audit disclosures. Without PATH: the bundled example. A directory stands for "
            "the disclosure files in it. Exit codes: 0 no errors, 1 errors found, "
            "2 bad usage or an unreadable input (after auditing the others)."
        ),
    )
    parser.add_argument(
        "paths", nargs="*", metavar="PATH", help="disclosure files, or directories of them"
    )
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
    parser.add_argument(
        "--jobs",
        "-j",
        type=int,
        default=1,
        metavar="N",
        help="audit on N processes (default 1: in this process)",
    )
    parser.add_argument(
        "--findings",
        metavar="FILE",
        help="also write every finding of every document to FILE (.jsonl or .csv)",
    )
    parser.add_argument(
        "--full",
        action="store_true",
        help="print the full report of each document, even when there are several",
    )
    parser.set_defaults(run=run)


def _patterns(values: list[str] | None) -> list[str] | None:
    if values is None:
        return None
    return [p for value in values for p in value.split(",") if p.strip()]


def run(args: argparse.Namespace) -> int:
    """Audit each document; the exit code is the worst over all of them."""
    if args.jobs < 1:
        raise WrongTypeError(args.jobs, "--jobs of at least 1")
    export = _FindingsWriter.check(args.findings)
    catalog = None
    if args.catalog:
        from govbudget.codes import default_catalog

        catalog = load_catalog_csv(args.catalog).merged_over(default_catalog())

    sources = expand(args.paths)
    single = len(sources) == 1 and not args.full
    fail_on = Severity.parse(args.fail_on)
    executor: Executor = ThreadPoolExecutor(1) if args.jobs == 1 else ProcessPoolExecutor(args.jobs)
    progress = _Progress(len(sources)) if len(sources) > 1 and sys.stderr.isatty() else None
    counts = {"documents": 0, "failing": 0, "unreadable": 0}
    worst = 0
    with ExitStack() as stack:
        stack.enter_context(executor)
        results = audit_many(
            sources,
            executor,
            chunksize=1 if args.jobs == 1 else 4,
            policy=args.policy,
            select=_patterns(args.select),
            ignore=_patterns(args.ignore),
            accept=args.accept,
            catalog=catalog,
        )
        writer = _FindingsWriter.open(export, args.lang, stack)
        for result in results:
            if progress is not None:
                progress.clear()
            _show(result, args, single, fail_on)
            if writer is not None and result.report is not None:
                writer.write(result.name, result.report)
            code = result.exit_code(fail_on)
            counts["documents"] += 1
            counts["failing"] += code == 1
            counts["unreadable"] += code == _EXIT_UNREADABLE
            worst = max(worst, code)
            if progress is not None:
                progress.advance()
    if progress is not None:
        progress.clear()
    if len(sources) > 1 and not args.full:
        print(_totals(counts, args.lang))
    return worst


def expand(paths: list[str]) -> list[Source]:
    """The documents named on the command line, in order.

    A directory stands for its files with a suffix :func:`govbudget.io.read`
    reads (:data:`govbudget.io.READABLE_SUFFIXES`), sorted by name;
    ``example:NAME`` and no path at all name a bundled example. Any other
    path is kept as given: a missing file is reported as unreadable when its
    turn comes.
    """
    if not paths:
        return [disclosure_from(None)]
    suffixes = io.READABLE_SUFFIXES
    sources: list[Source] = []
    for path in paths:
        if path.startswith("example:"):
            sources.append(disclosure_from(path))
        elif Path(path).is_dir():
            found = sorted(
                p for p in Path(path).iterdir() if p.is_file() and p.suffix.lower() in suffixes
            )
            sources.extend(str(p) for p in found)
        else:
            sources.append(path)
    return sources


def _show(result: BatchResult, args: argparse.Namespace, single: bool, fail_on: Severity) -> None:
    if result.report is None:
        print(f"govbudget: {result.error}", file=sys.stderr)
        if not single:
            first = str(result.error).splitlines()[0] if result.error else ""
            unreadable = "unreadable" if args.lang == "en" else "无法读取"
            print(f"{result.name}: {unreadable}: {first}")
        return
    if single or args.full:
        print(format_report(result.report, args.format, lang=args.lang))
    else:
        print(summary_line(result.report, args.lang))


def _totals(counts: dict[str, int], lang: str) -> str:
    if lang == "en":
        return (
            f"{counts['documents']} documents: {counts['failing']} failing, "
            f"{counts['unreadable']} unreadable"
        )
    return (
        f"共 {counts['documents']} 份文件：未通过 {counts['failing']}，"
        f"无法读取 {counts['unreadable']}"
    )


class _Progress:
    """A one-line progress bar on stderr, redrawn at most ten times a second."""

    def __init__(self, total: int, width: int = 30) -> None:
        self.total = total
        self.width = width
        self.done = 0
        self.started = time.monotonic()
        self.drawn = 0.0

    def advance(self) -> None:
        self.done += 1
        now = time.monotonic()
        if now - self.drawn < 0.1 and self.done < self.total:
            return
        self.drawn = now
        filled = self.width * self.done // self.total
        rate = self.done / max(now - self.started, 1e-9)
        bar = "#" * filled + "." * (self.width - filled)
        sys.stderr.write(f"\r[{bar}] {self.done}/{self.total}  {rate:.1f}/s")
        sys.stderr.flush()

    def clear(self) -> None:
        if self.drawn:
            sys.stderr.write("\r" + " " * (self.width + 40) + "\r")
            sys.stderr.flush()


class _FindingsWriter:
    """Every finding of every document, one per line, as JSON lines or CSV."""

    def __init__(self, stream: IO[str], kind: str, lang: str) -> None:
        self.stream = stream
        self.lang = lang
        self.csv = csv.writer(stream, lineterminator="\n") if kind == ".csv" else None
        if self.csv is not None:
            self.csv.writerow(FINDING_COLUMNS)

    @staticmethod
    def check(path: str | None) -> Path | None:
        """The export path, refused early if its suffix is not .jsonl or .csv."""
        if path is None:
            return None
        if Path(path).suffix.lower() not in (".jsonl", ".csv"):
            raise WrongTypeError(path, "a --findings file ending in .jsonl or .csv")
        return Path(path)

    @classmethod
    def open(cls, path: Path | None, lang: str, stack: ExitStack) -> _FindingsWriter | None:
        """A writer to ``path``, closed with ``stack``; ``None`` without a path."""
        if path is None:
            return None
        try:
            stream = stack.enter_context(path.open("w", encoding="utf-8", newline=""))
        except OSError as error:
            raise _ExportError(f"cannot write {path}: {error}") from None
        return cls(stream, path.suffix.lower(), lang)

    def write(self, source: str, report: Report) -> None:
        """Add the findings of one document."""
        for record in finding_records(report, self.lang, source=source):
            if self.csv is None:
                self.stream.write(json.dumps(record, ensure_ascii=False) + "\n")
            else:
                self.csv.writerow(csv_cells(record))


class _ExportError(GovBudgetError):
    """The findings file cannot be written."""

"""``govbudget codes CODE``: what a classification code means in a given year."""

from __future__ import annotations

import argparse
import json
from typing import Any

from govbudget.codes import ClassificationCode, match_name, parse_code


def register(commands: Any) -> None:
    """Add the ``codes`` subcommand."""
    parser: argparse.ArgumentParser = commands.add_parser(
        "codes",
        help="show a classification code: scheme, level, label, parents",
        description="Show what a classification code (科目编码) means in a fiscal year.",
    )
    parser.add_argument("code", nargs="+", help="a code as printed, e.g. 2080505 or '208 05 05'")
    parser.add_argument(
        "--year", type=int, default=None, help="fiscal year (default: current names)"
    )
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument(
        "--label", default=None, help="a printed label to compare with the catalog name"
    )
    parser.set_defaults(run=run)


def describe(
    code: ClassificationCode, year: int | None, label: str | None = None
) -> dict[str, Any]:
    """Everything the command shows about one code, as plain data."""
    entry = code.entry(year)
    described: dict[str, Any] = {
        "code": code.digits,
        "scheme": code.scheme.value,
        "scheme_name": code.scheme.chinese,
        "level": code.level.chinese,
        "year": year,
        "label": entry.name if entry else None,
        "known": entry is not None,
        "confidence": entry.confidence.value if entry else None,
        "sources": list(entry.sources) if entry else [],
        "parents": [
            {"code": parent.digits, "level": parent.level.chinese, "label": parent.label(year)}
            for parent in code.ancestors
        ],
        "children": [
            {"code": child.digits, "label": child.label(year)} for child in code.children(year)
        ],
    }
    if label is not None:
        match = match_name(code, label, year)
        described["label_match"] = {"printed": label, "kind": match.kind.value, "ok": match.ok}
    return described


def run(args: argparse.Namespace) -> int:
    """Print each code given on the command line."""
    described = [describe(parse_code(text), args.year, args.label) for text in args.code]
    if args.format == "json":
        payload: object = described[0] if len(described) == 1 else described
        print(json.dumps(payload, ensure_ascii=False, indent=2))
        return 0

    for number, item in enumerate(described):
        if number:
            print()
        print(_as_text(item))
    return 0


def _as_text(item: dict[str, Any]) -> str:
    year = f" ({item['year']})" if item["year"] else ""
    label = item["label"] or "(unknown: not in the shipped catalog for this year)"
    lines = [f"{item['code']}  {label}{year}"]
    lines.append(f"  scheme: {item['scheme_name']} ({item['scheme']}), level: {item['level']}")
    if item["known"]:
        lines.append(f"  confidence: {item['confidence']}; sources: {', '.join(item['sources'])}")
    for parent in item["parents"]:
        lines.append(f"  {parent['level']} {parent['code']}  {parent['label'] or '(unknown)'}")
    if item["children"]:
        lines.append(f"  {len(item['children'])} children in the catalog:")
        lines.extend(f"    {child['code']}  {child['label']}" for child in item["children"])
    if "label_match" in item:
        match = item["label_match"]
        lines.append(f"  printed label {match['printed']!r}: {match['kind']}")
    return "\n".join(lines)

#!/usr/bin/env python3
"""Build the classification catalogs shipped in ``src/govbudget/codes/data/``.

Reads the evidence table (``catalog-evidence.tsv``, one row per code, printed
name and source) and the hand-curated ``tools/catalog-supplement.tsv``, then
writes four sorted TSV files plus ``sources.tsv``:

    functional.tsv      支出功能分类科目
    dept_economic.tsv   部门预算支出经济分类科目
    gov_economic.tsv    政府预算支出经济分类科目
    crosswalk.tsv       部门 → 政府 economic classification mapping
    sources.tsv         every source key used by the four files

Usage::

    python tools/build_catalogs.py [EVIDENCE]           # write the files
    python tools/build_catalogs.py [EVIDENCE] --check   # exit 1 if they differ
    python tools/build_catalogs.py [EVIDENCE] --coverage

The build stops with a list of every problem found (overlapping validity, a
missing parent, an undefined source key, an unmapped 款 ...) rather than
writing a catalog that breaks its own rules. Only the standard library is used.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_EVIDENCE = REPO.parent / "shared" / "reference" / "catalog-evidence.tsv"
SUPPLEMENT = REPO / "tools" / "catalog-supplement.tsv"
DATA_DIR = REPO / "src" / "govbudget" / "codes" / "data"

COVERAGE_YEARS = (2018, 2019, 2024, 2026)
FIRST_CROSSWALK_YEAR = 2018  # the 政府 economic classification starts with the 2018 reform

CONFIDENCES = ("confirmed", "indirect", "assumed")  # best first
KIND_CONFIDENCE = {
    "disclosure": "confirmed",
    "official": "confirmed",
    "fragment": "indirect",
    "reference": "assumed",
}
PRIMARY_KINDS = frozenset({"disclosure", "official"})  # the kinds whose years count as seen
UNIT_KINDS = ("administrative", "institution")

# Printed names that are variants of the catalog name (CATALOG-NOTES §4). The
# row still confirms the code; its name is replaced by the catalog name.
PRINTED_VARIANTS: dict[tuple[str, str, str], str] = {
    ("dept_economic", "30108", "机关事业单位基本养老保险费"): "机关事业单位基本养老保险缴费",
    ("dept_economic", "30217", "公务招待费"): "公务接待费",
    ("dept_economic", "30399", "对其他个人和家庭的补助支出"): "其他对个人和家庭的补助",
    # a 2026 capture pairs 22198 with the name of its only 项; the 2025 决算 tables
    # print the 款 name three times
    ("functional", "22198", "其他住房保障支出"): "超长期特别国债安排的支出",
}

# Evidence rows that are not catalog names at all: (scheme, code, printed name, source url).
REJECTED: dict[tuple[str, str, str, str], str] = {
    ("functional", "20805", "行政事业单位离退休", "code-index:68310921798"): (
        "2025 narrative prose keeps the old 款 name; the tables of that year use the new one"
    ),
    (
        "functional",
        "2101102",
        "事业单位医疗保险",
        "https://github.com/zxj6827111-blip/GovBudgetChecker/blob/"
        "91faac5bb93a5c56d60ca072d497b9fe94123a03/rules/v3_3.yaml",
    ): "a checker's alias, not a catalog name",
    ("gov_economic", "50101", "工资津补贴", "code-index:7649321578"): "wrong name in a mock",
    ("gov_economic", "50102", "社会保险缴费", "code-index:7649321578"): "wrong name in a mock",
}

# Crosswalk evidence outside 501-506 does not tell the unit kind by its target;
# the source does (a junior middle school is an institution).
SOURCE_UNIT_KIND = {"CI-60284080812": "institution"}


@dataclass(frozen=True)
class Scheme:
    """One classification scheme and the shape of its codes."""

    id: str
    chinese: str
    english: str
    prefix: str
    lengths: tuple[int, ...]


SCHEMES = (
    Scheme(
        "functional", "支出功能分类科目", "functional classification of expenditure", "2", (3, 5, 7)
    ),
    Scheme(
        "dept_economic",
        "部门预算支出经济分类科目",
        "departmental economic classification of expenditure",
        "3",
        (3, 5),
    ),
    Scheme(
        "gov_economic",
        "政府预算支出经济分类科目",
        "government economic classification of expenditure",
        "5",
        (3, 5),
    ),
)
SCHEME_BY_ID = {scheme.id: scheme for scheme in SCHEMES}
LEVEL_LEGEND = {3: "3 digits = 类 (category)", 5: "5 = 款 (section)", 7: "7 = 项 (item)"}


class BuildError(Exception):
    """The inputs break a catalog rule; ``problems`` lists every one found."""

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems = list(problems)
        super().__init__(f"{len(problems)} problem(s):\n  " + "\n  ".join(problems))


@dataclass(frozen=True)
class Source:
    """A document or reference that a catalog row cites by key."""

    key: str
    kind: str
    url: str
    title: str


@dataclass(frozen=True)
class EvidenceRow:
    """One row of catalog-evidence.tsv, after name normalisation."""

    scheme: str
    code: str
    name: str
    years: frozenset[int]
    source_key: str


@dataclass
class Entry:
    """One catalog row: a code with one name for one period of validity."""

    scheme: str
    code: str
    name: str
    valid_from: int | None = None
    valid_to: int | None = None
    seen: set[int] = field(default_factory=set)
    confidence: str | None = None
    sources: set[str] = field(default_factory=set)

    def valid_in(self, year: int) -> bool:
        """Return whether the name applies in fiscal ``year``."""
        return (self.valid_from is None or self.valid_from <= year) and (
            self.valid_to is None or year <= self.valid_to
        )


@dataclass
class Mapping:
    """One crosswalk row: a 部门 economic code, a unit kind and its 政府 款."""

    dept_code: str
    unit_kind: str
    gov_code: str
    confidence: str | None = None
    sources: set[str] = field(default_factory=set)


@dataclass
class Supplement:
    """The three sections of tools/catalog-supplement.tsv, as raw cells."""

    sources: dict[str, Source] = field(default_factory=dict)
    catalog: list[list[str]] = field(default_factory=list)
    crosswalk: list[list[str]] = field(default_factory=list)


@dataclass
class Build:
    """Everything the build produces, before it is rendered to text."""

    catalogs: dict[str, list[Entry]]
    crosswalk: list[Mapping]
    sources: dict[str, Source]


# --- reading -------------------------------------------------------------------------------


def read_tsv(path: Path) -> list[list[str]]:
    """Return the non-comment, non-blank lines of ``path`` split on tabs."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.split("\t"))
    return rows


def normalise_name(name: str) -> str:
    """Return ``name`` with its brackets in the catalog's full-width form."""
    return (
        name.strip()
        .replace("(", "\N{FULLWIDTH LEFT PARENTHESIS}")
        .replace(")", "\N{FULLWIDTH RIGHT PARENTHESIS}")
    )


def parse_years(text: str, separator: str) -> frozenset[int]:
    """Parse ``2017;2018`` (evidence) or ``2017,2018`` (supplement); ``-``/``n/a`` are empty."""
    if text in ("-", "n/a", ""):
        return frozenset()
    return frozenset(int(part) for part in text.split(separator))


def parse_year(text: str) -> int | None:
    """Parse a validity bound; ``-`` means open."""
    return None if text == "-" else int(text)


def read_supplement(path: Path) -> Supplement:
    """Split the supplement into its sources, catalog and crosswalk sections."""
    supplement = Supplement()
    widths = {"key": 4, "scheme": 9, "dept_code": 6}
    section = ""
    problems = []

    for cells in read_tsv(path):
        if cells[0] in widths:
            section = cells[0]
            continue
        if len(cells) != widths.get(section, -1):
            problems.append(f"supplement: {len(cells)} cells in a {section!r} row: {cells}")
            continue
        if section == "key":
            key, kind, url, title = cells
            if kind not in KIND_CONFIDENCE or key in supplement.sources:
                problems.append(f"supplement: bad or repeated source {key!r} ({kind})")
            supplement.sources[key] = Source(key, kind, url, title)
        elif section == "scheme":
            supplement.catalog.append(cells)
        else:
            supplement.crosswalk.append(cells)

    # sort keys: source key; scheme, code, start ('-' first); dept, unit kind, gov
    sections: dict[str, list[tuple[str, ...]]] = {
        "sources": [(key,) for key in supplement.sources],
        "catalog": [(c[0], c[1], c[3].strip("-")) for c in supplement.catalog],
        "crosswalk": [tuple(cells[:3]) for cells in supplement.crosswalk],
    }
    for name, keys in sections.items():
        if keys != sorted(keys):
            problems.append(f"supplement: the {name} section is not sorted")

    if problems:
        raise BuildError(problems)
    return supplement


def read_evidence(path: Path, sources: dict[str, Source]) -> list[EvidenceRow]:
    """Read the evidence table, dropping rejected rows and normalising names."""
    key_by_url = {source.url: source.key for source in sources.values()}
    rows = read_tsv(path)
    header, body = rows[0], rows[1:]
    if header[:6] != ["scheme", "code", "name", "level", "years_seen", "source_url"]:
        raise BuildError([f"{path.name}: unexpected header {header}"])

    evidence = []
    problems = []
    for cells in body:
        scheme, code, printed, _level, years, url = cells[:6]
        if (scheme, code, printed, url) in REJECTED:
            continue
        if url not in key_by_url:
            problems.append(f"evidence: no source key for {url}")
            continue
        name = normalise_name(PRINTED_VARIANTS.get((scheme, code, printed), printed))
        evidence.append(EvidenceRow(scheme, code, name, parse_years(years, ";"), key_by_url[url]))

    if problems:
        raise BuildError(sorted(set(problems)))
    return evidence


# --- building ------------------------------------------------------------------------------


def best(first: str | None, second: str | None) -> str | None:
    """Return the stronger of two confidence levels (``None`` is the weakest)."""
    ranked = [level for level in (first, second) if level is not None]
    return min(ranked, key=CONFIDENCES.index) if ranked else None


def build_catalogs(
    evidence: Iterable[EvidenceRow], supplement: Supplement
) -> dict[str, list[Entry]]:
    """Merge evidence and supplement into one list of entries per scheme."""
    entries: dict[tuple[str, str, str], Entry] = {}
    problems = []

    for row in evidence:
        if row.scheme == "crosswalk":
            continue
        entry = entries.setdefault(
            (row.scheme, row.code, row.name), Entry(row.scheme, row.code, row.name)
        )
        source = supplement.sources[row.source_key]
        entry.sources.add(row.source_key)
        entry.confidence = best(entry.confidence, KIND_CONFIDENCE[source.kind])
        if source.kind in PRIMARY_KINDS:
            entry.seen |= row.years

    curated: set[tuple[str, str, str]] = set()
    for cells in supplement.catalog:
        scheme, code, name, valid_from, valid_to, seen, confidence, sources, _note = cells
        key = (scheme, code, normalise_name(name))
        adds_evidence = confidence != "-"
        if scheme not in SCHEME_BY_ID or key in curated:
            problems.append(f"supplement: {scheme} {code} {name} is repeated or has no scheme")
            continue
        curated.add(key)
        if not adds_evidence and key not in entries:
            problems.append(f"supplement: {scheme} {code} {name} sets validity on a missing pair")
            continue
        if not adds_evidence and valid_from == valid_to == "-":
            problems.append(f"supplement: {scheme} {code} {name} changes nothing")
            continue
        if adds_evidence and (confidence not in CONFIDENCES or sources == "-"):
            problems.append(f"supplement: {scheme} {code} {name} needs a confidence and sources")
            continue

        entry = entries.setdefault(key, Entry(*key))
        entry.valid_from = parse_year(valid_from)
        entry.valid_to = parse_year(valid_to)
        entry.seen |= parse_years(seen, ",")
        if adds_evidence:
            entry.confidence = best(entry.confidence, confidence)
            entry.sources |= set(sources.split(","))

    if problems:
        raise BuildError(problems)

    catalogs: dict[str, list[Entry]] = {scheme.id: [] for scheme in SCHEMES}
    for entry in entries.values():
        catalogs[entry.scheme].append(entry)
    for scheme_entries in catalogs.values():
        scheme_entries.sort(key=entry_sort_key)
    return catalogs


def entry_sort_key(entry: Entry) -> tuple[str, int]:
    """Sort by code, then by start of validity with an open start first."""
    return entry.code, -1 if entry.valid_from is None else entry.valid_from


def gov_unit_kinds(gov_code: str, source_key: str) -> tuple[str, ...]:
    """Return the unit kinds a crosswalk evidence row speaks for."""
    gov_class = int(gov_code[:3])
    if 501 <= gov_class <= 504:
        return ("administrative",)
    if gov_class in (505, 506):
        return ("institution",)
    if source_key in SOURCE_UNIT_KIND:
        return (SOURCE_UNIT_KIND[source_key],)
    raise BuildError([f"crosswalk evidence {gov_code} from {source_key}: unit kind unknown"])


def build_crosswalk(evidence: Iterable[EvidenceRow], supplement: Supplement) -> list[Mapping]:
    """Merge crosswalk evidence and supplement rows into sorted mappings."""
    mappings: dict[tuple[str, str, str], Mapping] = {}

    for row in evidence:
        if row.scheme != "crosswalk":
            continue
        dept_code, gov_code = row.code.split(">")
        confidence = KIND_CONFIDENCE[supplement.sources[row.source_key].kind]
        for unit_kind in gov_unit_kinds(gov_code, row.source_key):
            key = (dept_code, unit_kind, gov_code)
            mapping = mappings.setdefault(key, Mapping(*key))
            mapping.confidence = best(mapping.confidence, confidence)
            mapping.sources.add(row.source_key)

    for dept_code, unit_kind, gov_code, confidence, sources, _note in supplement.crosswalk:
        key = (dept_code, unit_kind, gov_code)
        mapping = mappings.setdefault(key, Mapping(*key))
        mapping.confidence = best(mapping.confidence, confidence)
        mapping.sources |= set(sources.split(","))

    return sorted(mappings.values(), key=lambda m: (m.dept_code, m.unit_kind, m.gov_code))


# --- checking ------------------------------------------------------------------------------


def covers(periods: Iterable[tuple[int, int]], start: int, end: int) -> bool:
    """Return whether the union of closed ``periods`` covers ``start..end``."""
    reach = start - 1
    for low, high in sorted(periods):
        if low > reach + 1:
            break
        reach = max(reach, high)
    return reach >= end


def period(entry: Entry) -> tuple[int, int]:
    """Return the validity as closed bounds, open ends as 0 and 9999."""
    low = 0 if entry.valid_from is None else entry.valid_from
    high = 9999 if entry.valid_to is None else entry.valid_to
    return low, high


def check_catalog(
    scheme: Scheme, entries: Sequence[Entry], sources: dict[str, Source]
) -> list[str]:
    """Return every rule that the entries of one scheme break."""
    problems = []
    by_code: dict[str, list[Entry]] = defaultdict(list)
    for entry in entries:
        by_code[entry.code].append(entry)

    for entry in entries:
        where = f"{scheme.id} {entry.code} {entry.name}"
        if not (entry.code.isdigit() and entry.code.startswith(scheme.prefix)):
            problems.append(f"{where}: not a {scheme.prefix}xx code")
        if len(entry.code) not in scheme.lengths:
            problems.append(f"{where}: {len(entry.code)} digits")
        if any(mark in entry.name for mark in "()\t"):
            problems.append(f"{where}: half-width bracket or tab in the name")
        if entry.confidence is None or not entry.sources:
            problems.append(f"{where}: no confidence or no source")
        problems += [f"{where}: undefined source {key}" for key in entry.sources - set(sources)]

        low, high = period(entry)
        if low > high:
            problems.append(f"{where}: valid_from after valid_to")
        problems += [
            f"{where}: seen in {year}, outside its validity"
            for year in sorted(entry.seen)
            if not low <= year <= high
        ]

        if len(entry.code) > 3:
            parent = entry.code[:-2]
            if not covers([period(p) for p in by_code.get(parent, [])], low, high):
                problems.append(f"{where}: parent {parent} missing in part of its validity")

    for code, same_code in by_code.items():
        bounds = sorted(period(entry) for entry in same_code)
        for (_, earlier_end), (later_start, _) in pairwise(bounds):
            if later_start <= earlier_end:
                problems.append(f"{scheme.id} {code}: validity periods overlap")
    return problems


def check_crosswalk(
    mappings: Sequence[Mapping], catalogs: dict[str, list[Entry]], sources: dict[str, Source]
) -> list[str]:
    """Return every rule the crosswalk breaks, including unmapped 部门 款."""
    problems = []
    dept_codes = {entry.code for entry in catalogs["dept_economic"]}
    gov_codes = {entry.code for entry in catalogs["gov_economic"] if len(entry.code) == 5}
    targets: dict[tuple[str, str], set[str]] = defaultdict(set)

    for mapping in mappings:
        where = f"crosswalk {mapping.dept_code} {mapping.unit_kind} → {mapping.gov_code}"
        if mapping.dept_code not in dept_codes:
            problems.append(f"{where}: no such 部门 code")
        if mapping.gov_code not in gov_codes:
            problems.append(f"{where}: no such 政府 款")
        if mapping.unit_kind not in UNIT_KINDS:
            problems.append(f"{where}: unknown unit kind")
        if mapping.confidence not in CONFIDENCES or not mapping.sources:
            problems.append(f"{where}: no confidence or no source")
        problems += [f"{where}: undefined source {key}" for key in mapping.sources - set(sources)]
        targets[(mapping.dept_code, mapping.unit_kind)].add(mapping.gov_code)

    problems += [
        f"crosswalk {dept} {kind}: maps to {sorted(gov)}"
        for (dept, kind), gov in sorted(targets.items())
        if len(gov) > 1
    ]

    for entry in catalogs["dept_economic"]:
        still_used = entry.valid_to is None or entry.valid_to >= FIRST_CROSSWALK_YEAR
        if len(entry.code) != 5 or not still_used:
            continue
        for unit_kind in UNIT_KINDS:
            if not targets.get((entry.code, unit_kind)) and not targets.get(
                (entry.code[:3], unit_kind)
            ):
                problems.append(f"crosswalk: {entry.code} {entry.name} ({unit_kind}) is unmapped")
    return problems


def build(evidence_path: Path, supplement_path: Path = SUPPLEMENT) -> Build:
    """Read both inputs, merge them and check every rule; raise on any problem."""
    supplement = read_supplement(supplement_path)
    evidence = read_evidence(evidence_path, supplement.sources)

    catalogs = build_catalogs(evidence, supplement)
    crosswalk = build_crosswalk(evidence, supplement)

    problems = []
    for scheme in SCHEMES:
        problems += check_catalog(scheme, catalogs[scheme.id], supplement.sources)
    problems += check_crosswalk(crosswalk, catalogs, supplement.sources)
    used = {key for entries in catalogs.values() for entry in entries for key in entry.sources}
    used |= {key for mapping in crosswalk for key in mapping.sources}
    problems += [
        f"supplement: source {key} is never used" for key in sorted(set(supplement.sources) - used)
    ]
    if problems:
        raise BuildError(problems)

    sources = {key: supplement.sources[key] for key in sorted(used)}
    return Build(catalogs, crosswalk, sources)


# --- rendering -----------------------------------------------------------------------------

PROVENANCE = (
    "# built by tools/build_catalogs.py from catalog-evidence.tsv and "
    "tools/catalog-supplement.tsv; do not edit by hand"
)
CONFIDENCE_LEGEND = (
    "#   confidence  confirmed (printed in a real disclosure or official text) | indirect (code "
    "fragment, secondary page, mock confirmed by other evidence) | assumed (domain reference, "
    "not seen with its code)"
)


def render_catalog(scheme: Scheme, entries: Sequence[Entry]) -> str:
    """Render one scheme as TSV text with its provenance header."""
    code_legend = ", ".join(LEVEL_LEGEND[length] for length in scheme.lengths)
    lines = [
        f"# govbudget classification catalog: {scheme.id} ({scheme.chinese}, {scheme.english})",
        PROVENANCE,
        "# columns:",
        f"#   code        {code_legend}; parent = prefix",
        "#   name        the catalog name for the years in valid_from..valid_to",
        "#   valid_from  first fiscal year this name applies, or - when no earlier edition is "
        "known to differ",
        "#   valid_to    last fiscal year this name applies, or - when still current",
        "#   seen        fiscal years in which a primary source printed this code with this name "
        "(comma-separated, or -)",
        CONFIDENCE_LEGEND,
        "#   sources     comma-separated keys of sources.tsv",
        "code\tname\tvalid_from\tvalid_to\tseen\tconfidence\tsources",
    ]
    for entry in entries:
        cells = [
            entry.code,
            entry.name,
            "-" if entry.valid_from is None else str(entry.valid_from),
            "-" if entry.valid_to is None else str(entry.valid_to),
            ",".join(str(year) for year in sorted(entry.seen)) or "-",
            entry.confidence or "",
            ",".join(sorted(entry.sources)),
        ]
        lines.append("\t".join(cells))
    return "\n".join(lines) + "\n"


def render_crosswalk(mappings: Sequence[Mapping]) -> str:
    """Render the crosswalk as TSV text with its provenance header."""
    lines = [
        "# govbudget classification crosswalk: dept_economic -> gov_economic "
        "(部门预算支出经济分类 → 政府预算支出经济分类, departmental to government economic "
        "classification)",
        PROVENANCE,
        "# columns:",
        "#   dept_code   a 部门 economic 款 (5 digits) or 类 (3 digits = every 款 of that 类 "
        "not listed on its own)",
        "#   unit_kind   administrative (行政单位) | institution (事业单位)",
        "#   gov_code    the 政府 economic 款 it maps to",
        CONFIDENCE_LEGEND,
        "#   sources     comma-separated keys of sources.tsv",
        "dept_code\tunit_kind\tgov_code\tconfidence\tsources",
    ]
    for mapping in mappings:
        cells = [
            mapping.dept_code,
            mapping.unit_kind,
            mapping.gov_code,
            mapping.confidence or "",
            ",".join(sorted(mapping.sources)),
        ]
        lines.append("\t".join(cells))
    return "\n".join(lines) + "\n"


def render_sources(sources: dict[str, Source]) -> str:
    """Render the source keys used by the catalogs as TSV text."""
    lines = [
        "# govbudget classification catalog sources",
        PROVENANCE,
        "# columns:",
        "#   key    the key used in the sources column of the catalog and crosswalk files",
        "#   title  what the source is",
        "#   url    where it is; code-index:<id> = a public code-search entry whose repository "
        "path was not resolved; sample: and project: = files of the govbudget project; - = none",
        "key\ttitle\turl",
    ]
    lines += [f"{source.key}\t{source.title}\t{source.url}" for source in sources.values()]
    return "\n".join(lines) + "\n"


def render(result: Build) -> dict[Path, str]:
    """Return the text of every data file, keyed by its path."""
    files = {
        DATA_DIR / f"{scheme.id}.tsv": render_catalog(scheme, result.catalogs[scheme.id])
        for scheme in SCHEMES
    }
    files[DATA_DIR / "crosswalk.tsv"] = render_crosswalk(result.crosswalk)
    files[DATA_DIR / "sources.tsv"] = render_sources(result.sources)
    return files


def coverage_table(result: Build) -> str:
    """Return a Markdown table of code counts per scheme and fiscal year."""
    lines = [
        "| fiscal year | scheme | 类 | 款 | 项 | confirmed | indirect | assumed |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for year in COVERAGE_YEARS:
        for scheme in SCHEMES:
            valid = [entry for entry in result.catalogs[scheme.id] if entry.valid_in(year)]
            levels = [sum(len(e.code) == length for e in valid) for length in (3, 5, 7)]
            confidences = [sum(e.confidence == level for e in valid) for level in CONFIDENCES]
            item_cell = str(levels[2]) if 7 in scheme.lengths else "-"
            cells = [str(year), scheme.id, str(levels[0]), str(levels[1]), item_cell]
            lines.append("| " + " | ".join(cells + [str(n) for n in confidences]) + " |")

    lines += [
        "",
        "| crosswalk | rows | confirmed | indirect | assumed |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for unit_kind in UNIT_KINDS:
        rows = [m for m in result.crosswalk if m.unit_kind == unit_kind]
        counts = [sum(m.confidence == level for m in rows) for level in CONFIDENCES]
        lines.append(f"| {unit_kind} | {len(rows)} | " + " | ".join(map(str, counts)) + " |")
    return "\n".join(lines)


# --- command line --------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    """Run the build; return the process exit status."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "evidence",
        nargs="?",
        type=Path,
        default=DEFAULT_EVIDENCE,
        help="catalog-evidence.tsv (default: ../shared/reference/ from the repo)",
    )
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument(
        "--check",
        action="store_true",
        help="exit 1 if the files on disk differ from what would be written",
    )
    mode.add_argument(
        "--coverage",
        action="store_true",
        help="print the coverage table (Markdown) instead of writing",
    )
    args = parser.parse_args(argv)

    try:
        result = build(args.evidence)
    except BuildError as error:
        print(f"build_catalogs: {error}", file=sys.stderr)
        return 2

    if args.coverage:
        print(coverage_table(result))
        return 0

    files = render(result)
    if args.check:
        stale = [
            path
            for path, text in files.items()
            if not path.exists() or path.read_text(encoding="utf-8") != text
        ]
        for path in stale:
            print(f"build_catalogs: {path.relative_to(REPO)} is out of date", file=sys.stderr)
        return 1 if stale else 0

    DATA_DIR.mkdir(parents=True, exist_ok=True)
    for path, text in files.items():
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

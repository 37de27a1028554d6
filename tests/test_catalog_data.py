"""Checks on the shipped classification catalogs in src/govbudget/codes/data/.

These tests read the TSV files directly (they do not import govbudget), so
they hold the data to its own rules whatever state the loader is in.
"""

from __future__ import annotations

import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "src" / "govbudget" / "codes" / "data"
BUILD = REPO / "tools" / "build_catalogs.py"
EVIDENCE = REPO.parent / "shared" / "reference" / "catalog-evidence.tsv"

CATALOG_COLUMNS = ["code", "name", "valid_from", "valid_to", "seen", "confidence", "sources"]
CROSSWALK_COLUMNS = ["dept_code", "unit_kind", "gov_code", "confidence", "sources"]
SOURCES_COLUMNS = ["key", "title", "url"]
CONFIDENCES = {"confirmed", "indirect", "assumed"}
UNIT_KINDS = {"administrative", "institution"}

# scheme file -> (first digit of every code, allowed code lengths)
SCHEMES = {
    "functional": ("2", {3, 5, 7}),
    "dept_economic": ("3", {3, 5}),
    "gov_economic": ("5", {3, 5}),
}
OPEN_START, OPEN_END = 0, 9999


def read(name: str) -> tuple[list[str], list[str], list[dict[str, str]]]:
    """Return the comment lines, the column names and the rows of a data file."""
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    comments = [line for line in lines if line.startswith("#")]
    body = [line.split("\t") for line in lines if line and not line.startswith("#")]
    columns, rows = body[0], body[1:]
    return comments, columns, [dict(zip(columns, cells, strict=True)) for cells in rows]


def catalog(scheme: str) -> list[dict[str, str]]:
    """Return the rows of one catalog file."""
    return read(f"{scheme}.tsv")[2]


def bounds(row: dict[str, str]) -> tuple[int, int]:
    """Return a row's validity as closed bounds with open ends widened."""
    low = OPEN_START if row["valid_from"] == "-" else int(row["valid_from"])
    high = OPEN_END if row["valid_to"] == "-" else int(row["valid_to"])
    return low, high


def names_in(scheme: str, year: int) -> dict[str, str]:
    """Return code -> catalog name for the rows valid in ``year``."""
    valid = {}
    for row in catalog(scheme):
        low, high = bounds(row)
        if low <= year <= high:
            valid[row["code"]] = row["name"]
    return valid


@pytest.mark.parametrize("scheme", sorted(SCHEMES))
def test_catalog_file_has_header_and_declared_columns(scheme: str) -> None:
    comments, columns, rows = read(f"{scheme}.tsv")
    expected = CATALOG_COLUMNS

    assert comments[0].startswith(f"# govbudget classification catalog: {scheme} (")
    assert "do not edit by hand" in comments[1]
    assert expected == columns
    assert rows
    assert all(all(cell for cell in row.values()) for row in rows)


def test_crosswalk_and_sources_have_declared_columns() -> None:
    _, crosswalk_columns, crosswalk_rows = read("crosswalk.tsv")
    _, sources_columns, sources_rows = read("sources.tsv")
    expected = (CROSSWALK_COLUMNS, SOURCES_COLUMNS)

    assert expected == (crosswalk_columns, sources_columns)
    assert crosswalk_rows
    assert sources_rows


@pytest.mark.parametrize("scheme", sorted(SCHEMES))
def test_catalog_rows_are_sorted_by_code_then_start(scheme: str) -> None:
    rows = catalog(scheme)
    keys = [(row["code"], bounds(row)[0]) for row in rows]

    assert sorted(keys) == keys


def test_crosswalk_and_sources_are_sorted() -> None:
    crosswalk = [(r["dept_code"], r["unit_kind"], r["gov_code"]) for r in read("crosswalk.tsv")[2]]
    keys = [row["key"] for row in read("sources.tsv")[2]]

    assert sorted(crosswalk) == crosswalk
    assert sorted(keys) == keys


@pytest.mark.parametrize("scheme", sorted(SCHEMES))
def test_codes_have_the_scheme_shape(scheme: str) -> None:
    prefix, lengths = SCHEMES[scheme]
    bad = [
        row["code"]
        for row in catalog(scheme)
        if not row["code"].isdigit()
        or not row["code"].startswith(prefix)
        or len(row["code"]) not in lengths
    ]

    assert not bad


@pytest.mark.parametrize("scheme", sorted(SCHEMES))
def test_every_parent_is_present(scheme: str) -> None:
    codes = {row["code"] for row in catalog(scheme)}
    orphans = sorted(code for code in codes if len(code) > 3 and code[:-2] not in codes)

    assert not orphans


@pytest.mark.parametrize("scheme", sorted(SCHEMES))
def test_every_parent_is_valid_whenever_its_child_is(scheme: str) -> None:
    by_code = defaultdict(list)
    for row in catalog(scheme):
        by_code[row["code"]].append(bounds(row))
    years = range(2010, 2031)
    gaps = [
        (code, year)
        for code, periods in by_code.items()
        if len(code) > 3
        for year in years
        if any(low <= year <= high for low, high in periods)
        and not any(low <= year <= high for low, high in by_code[code[:-2]])
    ]

    assert not gaps


@pytest.mark.parametrize("scheme", sorted(SCHEMES))
def test_validity_periods_do_not_overlap(scheme: str) -> None:
    by_code = defaultdict(list)
    for row in catalog(scheme):
        by_code[row["code"]].append(bounds(row))
    overlapping = [
        code
        for code, periods in by_code.items()
        for (_, end), (start, _) in zip(sorted(periods), sorted(periods)[1:], strict=False)
        if start <= end
    ]

    assert not overlapping


@pytest.mark.parametrize("scheme", sorted(SCHEMES))
def test_seen_years_fall_inside_validity(scheme: str) -> None:
    outside = []
    for row in catalog(scheme):
        low, high = bounds(row)
        if low > high:
            outside.append((row["code"], "empty period"))
        if row["seen"] != "-":
            outside += [
                (row["code"], year)
                for year in row["seen"].split(",")
                if not low <= int(year) <= high
            ]

    assert not outside


@pytest.mark.parametrize("scheme", sorted(SCHEMES))
def test_confidence_values_are_from_the_legend(scheme: str) -> None:
    values = {row["confidence"] for row in catalog(scheme)}

    assert values <= CONFIDENCES


@pytest.mark.parametrize("scheme", sorted(SCHEMES))
def test_names_use_catalog_form(scheme: str) -> None:
    printed_variants = {"公务招待费", "机关事业单位基本养老保险费", "对其他个人和家庭的补助支出"}
    bad = [
        row["name"]
        for row in catalog(scheme)
        if "(" in row["name"] or ")" in row["name"] or row["name"] in printed_variants
    ]

    assert not bad


def test_every_source_key_is_defined_and_used() -> None:
    defined = {row["key"] for row in read("sources.tsv")[2]}
    used = set()
    for scheme in SCHEMES:
        for row in catalog(scheme):
            used |= set(row["sources"].split(","))
    for row in read("crosswalk.tsv")[2]:
        used |= set(row["sources"].split(","))

    assert not used - defined
    assert not defined - used


def test_crosswalk_points_at_existing_codes() -> None:
    gov_sections = {row["code"] for row in catalog("gov_economic") if len(row["code"]) == 5}
    dept_codes = {row["code"] for row in catalog("dept_economic")}
    rows = read("crosswalk.tsv")[2]

    assert not {row["gov_code"] for row in rows} - gov_sections
    assert not {row["dept_code"] for row in rows} - dept_codes
    assert not {row["unit_kind"] for row in rows} - UNIT_KINDS
    assert not {row["confidence"] for row in rows} - CONFIDENCES


def test_crosswalk_maps_every_2018_section_once_per_unit_kind() -> None:
    targets = defaultdict(set)
    for row in read("crosswalk.tsv")[2]:
        targets[(row["dept_code"], row["unit_kind"])].add(row["gov_code"])
    sections = [code for code in names_in("dept_economic", 2018) if len(code) == 5]
    unmapped = [
        (code, kind)
        for code in sections
        for kind in sorted(UNIT_KINDS)
        if not targets.get((code, kind)) and not targets.get((code[:3], kind))
    ]
    ambiguous = [key for key, gov in targets.items() if len(gov) > 1]

    assert not unmapped
    assert not ambiguous


def test_crosswalk_keeps_the_official_administrative_rows() -> None:
    rows = {(r["dept_code"], r["unit_kind"]): r["gov_code"] for r in read("crosswalk.tsv")[2]}
    expected = {
        ("30102", "administrative"): "50101",
        ("30110", "administrative"): "50102",
        ("30113", "administrative"): "50103",
        ("30114", "administrative"): "50199",
        ("301", "institution"): "50501",
        ("309", "institution"): "50602",
    }

    assert expected == {key: rows.get(key) for key in expected}


def test_renamed_classes_change_name_between_2018_and_2019() -> None:
    before, after = names_in("functional", 2018), names_in("functional", 2019)
    expected = {
        "207": ("文化体育与传媒支出", "文化旅游体育与传媒支出"),
        "210": ("医疗卫生与计划生育支出", "卫生健康支出"),
        "215": ("资源勘探信息等支出", "资源勘探工业信息等支出"),
        "220": ("国土海洋气象等支出", "自然资源海洋气象等支出"),
        "224": (None, "灾害防治及应急管理支出"),
    }

    assert expected == {code: (before.get(code), after.get(code)) for code in expected}


def test_economic_reform_of_2018_is_versioned() -> None:
    by_year = {year: names_in("dept_economic", year) for year in (2017, 2018, 2024)}
    expected = {
        "30307": ("医疗费", "医疗费补助", "医疗费补助"),
        "310": ("其他资本性支出", "资本性支出", "资本性支出"),
        "30311": ("住房公积金", None, "代缴社会保险费"),
        "30113": (None, "住房公积金", "住房公积金"),
    }

    assert expected == {
        code: tuple(by_year[year].get(code) for year in (2017, 2018, 2024)) for code in expected
    }


def test_every_functional_class_of_the_reference_list_is_present() -> None:
    classes = {row["code"] for row in catalog("functional") if len(row["code"]) == 3}
    expected = {str(code) for code in range(201, 235)} - {"218", "225", "226", "228"}

    assert not expected - classes


@pytest.mark.skipif(not EVIDENCE.exists(), reason="catalog-evidence.tsv is not checked out here")
def test_build_script_reproduces_the_shipped_files() -> None:
    result = subprocess.run(
        [sys.executable, str(BUILD), str(EVIDENCE), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )

    assert not result.returncode, result.stderr

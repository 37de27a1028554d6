"""Classification codes, catalogs, name matching and the crosswalk."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govbudget import (
    CatalogError,
    CodeParseError,
    DeptEconomicCode,
    FunctionalCode,
    GovEconomicCode,
    Level,
    Scheme,
    UnitKind,
    UnknownCodeError,
    load_catalog_csv,
    parse_code,
    to_gov_economic,
)
from govbudget.codes import (
    Confidence,
    MatchKind,
    default_catalog,
    match_name,
    normalise,
)


@pytest.mark.parametrize(
    "printed",
    [
        "2080505",
        "208 05 05",
        "208-05-05",
        "[2080505]",
        "【2080505】",
        "２０８０５０５",
        " 2080505 ",
        ("208", "05", "05"),
        ("208", "20805", "2080505"),
        2080505,
    ],
)
def test_printed_forms_normalise(printed: object) -> None:
    assert "2080505" == normalise(printed)


@pytest.mark.parametrize(
    ("printed", "expected_fragment"),
    [
        ("2080", "3 or 5 or 7 digits"),
        ("408", "starting with 2"),
        ("20x8", "digits"),
        ("", "at least three"),
        ("30101011", "3 or 5 digits"),
    ],
)
def test_malformed_codes_show_the_input(printed: str, expected_fragment: str) -> None:
    with pytest.raises(CodeParseError) as caught:
        parse_code(printed)

    assert expected_fragment in str(caught.value)
    assert repr(printed) in str(caught.value)


def test_a_code_of_the_wrong_scheme_is_refused() -> None:
    with pytest.raises(CodeParseError):
        FunctionalCode("30101")
    with pytest.raises(ValueError):
        DeptEconomicCode("50101")


def test_scheme_follows_the_leading_digit() -> None:
    assert FunctionalCode("201") == parse_code("201")
    assert DeptEconomicCode("30101") == parse_code("30101")
    assert GovEconomicCode("50101") == parse_code("50101")
    assert Scheme.GOV_ECONOMIC is parse_code("501").scheme


def test_hierarchy() -> None:
    code = FunctionalCode("2080505")

    assert Level.ITEM is code.level
    assert FunctionalCode("20805") == code.parent
    assert (FunctionalCode("208"), FunctionalCode("20805")) == code.ancestors
    assert FunctionalCode("208") == code.category
    assert code.category.is_ancestor_of(code)
    assert None is FunctionalCode("208").parent


def test_labels_follow_the_fiscal_year() -> None:
    assert "医疗卫生与计划生育支出" == FunctionalCode("210").label(2018)
    assert "卫生健康支出" == FunctionalCode("210").label(2019)
    assert "文化体育与传媒支出" == FunctionalCode("207").label(2018)
    assert "文化旅游体育与传媒支出" == FunctionalCode("207").label(2019)
    assert "医疗费" == DeptEconomicCode("30307").label(2017)
    assert "医疗费补助" == DeptEconomicCode("30307").label(2018)
    assert None is FunctionalCode("224").label(2018)
    assert "灾害防治及应急管理支出" == FunctionalCode("224").label(2019)


def test_children_in_the_catalog() -> None:
    children = DeptEconomicCode("301").children(2018)

    assert DeptEconomicCode("30101") in children
    assert all(child.parent == DeptEconomicCode("301") for child in children)
    assert 13 == len(children)


def test_unknown_codes_are_unknown_unless_strict() -> None:
    code = FunctionalCode("2089977")

    assert None is code.label(2018)
    assert not code.is_known(2018)
    with pytest.raises(UnknownCodeError) as caught:
        code.label(2018, strict=True)
    assert "2089977" == caught.value.code
    assert isinstance(caught.value, LookupError)


def test_every_shipped_entry_has_a_source_and_a_parent() -> None:
    catalog = default_catalog()

    for entry in catalog.entries():
        assert entry.sources, entry
        if len(entry.code) > 3:
            assert entry.code[:-2] in catalog, entry


def test_shipped_coverage_minimum() -> None:
    catalog = default_catalog()
    categories = {
        e.code for e in catalog.entries(2018, scheme=Scheme.DEPT_ECONOMIC, level=Level.CATEGORY)
    }

    assert {"301", "302", "303", "307", "309", "310", "311", "312", "313", "399"} <= categories
    for year in (2018, 2019):
        functional = {
            e.code for e in catalog.entries(year, scheme=Scheme.FUNCTIONAL, level=Level.CATEGORY)
        }
        assert {
            "201",
            "204",
            "205",
            "207",
            "208",
            "210",
            "211",
            "212",
            "213",
            "214",
            "220",
            "221",
        } <= functional
    gov = {e.code for e in catalog.entries(2019, scheme=Scheme.GOV_ECONOMIC, level=Level.CATEGORY)}
    assert {"501", "502", "503", "505", "509", "599"} <= gov


def test_user_catalog_from_csv(tmp_path: Path) -> None:
    path = tmp_path / "local.csv"
    path.write_text(
        "code,name,level,parent,valid_from,valid_to\n2089977,本地扩展项目,项,20899,2018,\n",
        encoding="utf-8",
    )

    catalog = load_catalog_csv(path).merged_over(default_catalog())

    assert "本地扩展项目" == FunctionalCode("2089977").label(2018, catalog=catalog)
    assert Confidence.USER is FunctionalCode("2089977").entry(2018, catalog=catalog).confidence  # type: ignore[union-attr]
    assert "行政运行" == FunctionalCode("2010101").label(2018, catalog=catalog)


@pytest.mark.parametrize(
    ("body", "line", "fragment"),
    [
        ("code,name,level,parent,valid_from,valid_to\n2089977,x,款,20899,,\n", 2, "level"),
        ("code,name,level,parent,valid_from,valid_to\n2089977,x,项,20898,,\n", 2, "parent"),
        ("code,name,level,parent,valid_from,valid_to\n20x,x,类,,,\n", 2, "not a code"),
        ("code,name\n201,x\n", 1, "header"),
        ("code,name,level,parent,valid_from,valid_to\n201,x,类,,20,\n", 2, "fiscal year"),
    ],
)
def test_bad_user_catalogs_name_file_and_line(
    tmp_path: Path, body: str, line: int, fragment: str
) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(body, encoding="utf-8")

    with pytest.raises(CatalogError) as caught:
        load_catalog_csv(path)

    assert line == caught.value.line
    assert fragment in str(caught.value)
    assert str(path) in str(caught.value)


@pytest.mark.parametrize(
    ("code", "printed", "year", "kind"),
    [
        ("30101", "基本工资", 2018, MatchKind.EXACT),
        ("30213", "维修(护)费", 2018, MatchKind.NORMALISED),
        ("208", "七、社会保障和就业支出", 2018, MatchKind.NORMALISED),
        ("30217", "公务招待费", 2018, MatchKind.VARIANT),
        ("210", "医疗卫生与计划生育支出", 2019, MatchKind.FORMER_NAME),
        ("30101", "津贴补贴", 2018, MatchKind.MISMATCH),
        ("2089977", "本地扩展项目", 2018, MatchKind.UNKNOWN_CODE),
    ],
)
def test_name_matching_says_how_it_matched(
    code: str, printed: str, year: int, kind: MatchKind
) -> None:
    assert kind is match_name(parse_code(code), printed, year).kind


def test_crosswalk_depends_on_the_unit_kind() -> None:
    assert GovEconomicCode("50101") == to_gov_economic("30102", UnitKind.ADMINISTRATIVE)
    assert GovEconomicCode("50501") == to_gov_economic("30102", UnitKind.INSTITUTION)
    assert GovEconomicCode("50102") == to_gov_economic("30108", UnitKind.ADMINISTRATIVE)
    assert GovEconomicCode("50103") == to_gov_economic(
        DeptEconomicCode("30113"), UnitKind.ADMINISTRATIVE
    )


def test_crosswalk_covers_every_2018_section() -> None:
    sections = default_catalog().entries(2018, scheme=Scheme.DEPT_ECONOMIC, level=Level.SECTION)

    for entry in sections:
        for kind in UnitKind:
            assert to_gov_economic(entry.code, kind).is_known(2018), (entry.code, kind)


def test_crosswalk_refuses_a_category() -> None:
    with pytest.raises(UnknownCodeError):
        to_gov_economic("301", UnitKind.ADMINISTRATIVE)


codes = st.sampled_from([e.code for e in default_catalog().entries()])


@given(codes)
def test_normalising_is_idempotent(code: str) -> None:
    assert normalise(code) == normalise(normalise(code))


@given(codes)
def test_parent_is_the_prefix_one_level_up(code: str) -> None:
    parsed = parse_code(code)

    if parsed.parent is None:
        assert 3 == len(code)
    else:
        assert code[:-2] == parsed.parent.digits
        assert parsed.level - 1 == parsed.parent.level


@given(codes, st.sampled_from([" ", "-", "."]))
def test_separated_forms_normalise_back(code: str, separator: str) -> None:
    parts = [code[:3]] + [code[i : i + 2] for i in range(3, len(code), 2)]

    assert code == normalise(separator.join(parts))
    assert code == normalise(tuple(parts))

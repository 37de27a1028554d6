"""JSON: lossless round trip, every problem with its path, schema versions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from govbudget import Disclosure, DocumentError, SchemaVersionError, dump, dumps, load, loads
from govbudget.schema import disclosure_schema

EXAMPLE_JSON = Path(__file__).parent.parent / "examples" / "futian-housing-2018.json"


def test_the_example_round_trips(futian: Disclosure, tmp_path: Path) -> None:
    path = tmp_path / "d.json"

    dump(futian, path)

    assert futian == load(path)
    assert dumps(futian) == dumps(load(path))


def test_precision_survives_json(futian: Disclosure) -> None:
    data = json.loads(dumps(futian))

    rows = data["tables"]["06"]["rows"]
    assert "16.0" == next(r for r in rows if r["key"] == "public_total")["cells"]["amount"]
    assert "16.00" == next(r for r in rows if r["key"] == "302")["cells"]["amount"]
    assert "95.18 万元" == data["other_matters"]["procurement"]["total"]


def test_shipped_example_json_matches_the_package(futian: Disclosure) -> None:
    assert futian == load(EXAMPLE_JSON)


def _broken() -> dict[str, object]:
    data: dict[str, object] = json.loads(EXAMPLE_JSON.read_text(encoding="utf-8"))
    tables = data["tables"]
    assert isinstance(tables, dict)
    tables["06"]["rows"][3]["cells"]["amount"] = "1,2x"
    tables["06"]["rows"][5]["cells"]["amount"] = 12
    tables["02"]["layout"] = "1999"
    tables["05"]["rows"][0]["cells"]["nope"] = "1.00"
    data["year"] = "two thousand"
    return data


def test_every_problem_is_reported_at_once_with_its_path() -> None:
    with pytest.raises(DocumentError) as caught:
        loads(json.dumps(_broken()), source="broken.json")

    paths = [problem.path for problem in caught.value.problems]
    assert '$.tables["06"].rows[3].cells.amount' in paths
    assert '$.tables["06"].rows[5].cells.amount' in paths
    assert '$.tables["02"].layout' in paths
    assert '$.tables["05"].rows[0].cells.nope' in paths
    assert "$.year" in paths
    assert "broken.json" in str(caught.value)
    messages = " ".join(problem.message for problem in caught.value.problems)
    assert "known layouts" in messages


def test_invalid_json_names_line_and_column() -> None:
    with pytest.raises(DocumentError) as caught:
        loads('{"schema_version": "1.0",\n  "year": }')

    assert "line 2" in caught.value.problems[0].path


def test_a_newer_major_version_is_refused() -> None:
    with pytest.raises(SchemaVersionError) as caught:
        loads(json.dumps({"schema_version": "2.0"}))

    assert "2.0" == caught.value.found
    assert "upgrade" in str(caught.value)


def test_a_missing_version_is_a_problem() -> None:
    with pytest.raises(DocumentError):
        loads(json.dumps({"year": 2018}))


def test_unknown_keys_are_problems_not_ignored() -> None:
    data = json.loads(EXAMPLE_JSON.read_text(encoding="utf-8"))
    data["entity"]["nickname"] = "x"

    with pytest.raises(DocumentError) as caught:
        loads(json.dumps(data))

    assert "nickname" in str(caught.value)


def test_a_missing_file_is_a_document_error(tmp_path: Path) -> None:
    with pytest.raises(DocumentError):
        load(tmp_path / "absent.json")


def test_the_schema_describes_the_example() -> None:
    schema = disclosure_schema()
    data = json.loads(EXAMPLE_JSON.read_text(encoding="utf-8"))

    tables = schema["properties"]["tables"]["properties"]
    for table_id, table in data["tables"].items():
        allowed = tables[table_id]["properties"]["rows"]["items"]["properties"]["cells"][
            "properties"
        ]
        assert table["layout"] in tables[table_id]["properties"]["layout"]["enum"]
        for row in table["rows"]:
            assert set(row["cells"]) <= set(allowed)

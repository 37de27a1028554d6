"""``govbudget claims``: the narrative's claims on the command line."""

from __future__ import annotations

import json

import pytest

from govbudget.cli import main


def test_claims_text(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["claims"])
    out = capsys.readouterr().out

    assert 0 == code
    assert "all.closing_balance" in out
    assert "(unbound)" in out
    assert "57 claims: 43 bound, 14 unbound" == out.splitlines()[-1]


def test_claims_json(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["claims", "example:futian-housing-2018", "--format", "json"])
    data = json.loads(capsys.readouterr().out)
    closing = data[8]

    assert 0 == code
    assert 57 == len(data)
    assert ("amount", "2.20", "万元", "all.closing_balance") == (
        closing["kind"],
        closing["value"],
        closing["unit"],
        closing["quantity"],
    )
    assert {"section": "(一)", "sentence": 3, "start": 173, "end": 180, "line": 216} == {
        k: closing["location"][k] for k in ("section", "sentence", "start", "end", "line")
    }
    assert 308 == data[38]["location"]["line"]
    assert "%" == data[11]["unit"]
    assert "辆" == data[56]["unit"]


def test_claims_of_a_json_file(tmp_path: object, capsys: pytest.CaptureFixture[str]) -> None:
    from pathlib import Path

    from govbudget import dump
    from govbudget.examples import load

    path = Path(str(tmp_path)) / "d.json"
    dump(load("futian-housing-2018"), path)
    code = main(["claims", str(path)])

    assert 0 == code
    assert "57 claims" in capsys.readouterr().out


def test_audit_lists_the_narrative_error(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["audit", "--select", "N-", "--format", "json"])
    data = json.loads(capsys.readouterr().out)

    assert 1 == code
    assert ["N-1"] == [f["rule"] for f in data["findings"]]

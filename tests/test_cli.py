"""The command line: output, formats and exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from govbudget.cli import main

EXAMPLE_JSON = Path(__file__).parent.parent / "examples" / "futian-housing-2018.json"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_codes_text(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "codes", "2080505", "--year", "2018")

    assert 0 == code
    assert "2080505  机关事业单位基本养老保险缴费支出" in out
    assert "类 208  社会保障和就业支出" in out
    assert "款 20805  行政事业单位离退休" in out


def test_codes_json_keys(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "codes", "208 05 05", "--format", "json", "--year", "2024")
    data = json.loads(out)

    assert 0 == code
    assert {"code", "scheme", "level", "label", "parents"} <= set(data)
    assert "2080505" == data["code"]
    assert "functional" == data["scheme"]
    assert ["208", "20805"] == [p["code"] for p in data["parents"]]
    assert "行政事业单位养老支出" == data["parents"][1]["label"]


def test_codes_bad_input_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "codes", "20x8")

    assert 2 == code
    assert "20x8" in err


def test_audit_example_exits_1_on_its_own_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "audit", "--lang", "en")

    # The narrative says 年末结转和结余 2.20 where the tables say 2.10.
    assert 1 == code
    assert "F06-2" in out
    assert "N-1" in out
    assert "1 errors" in out.splitlines()[-1]


def test_audit_text_lists_unread_lines(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    from govbudget.examples import text

    lines = text("futian-housing-2018").split("\n")
    lines.insert(140, "无法识别的一行\t123.45\tabc")  # inside table 06
    source = tmp_path / "futian.txt"
    source.write_text("\n".join(lines), encoding="utf-8")

    code, out, _ = run(capsys, "audit", str(source), "--lang", "en", "--select", "I-1")

    assert 0 == code
    assert "I-1" in out
    assert "line 141" in out
    assert "无法识别的一行" in out


def test_audit_exit_1_on_errors_and_fail_on(capsys: pytest.CaptureFixture[str]) -> None:
    assert 0 == run(capsys, "audit", "--ignore", "N-1")[0]
    assert 1 == run(capsys, "audit", "--policy", "exact", "--ignore", "N-1")[0]
    assert 1 == run(capsys, "audit", "--fail-on", "info", "--ignore", "N-1")[0]
    # The sample's target forms print 满意度 under 效益 (P-14 warnings).
    assert 1 == run(capsys, "audit", "--fail-on", "warning", "--ignore", "N-1")[0]
    quiet = ("--fail-on", "warning", "--ignore", "N-1,P-14,N-7")
    assert 0 == run(capsys, "audit", *quiet)[0]


def test_audit_json_and_csv(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "audit", str(EXAMPLE_JSON), "--format", "json")
    assert "F06-2" in {f["rule"] for f in json.loads(out)["findings"]}

    _, out, _ = run(capsys, "audit", "--format", "csv", "--select", "F06-2")
    assert 2 == len(out.strip().splitlines())


def test_audit_accept_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    accept = tmp_path / "accept.tsv"
    accept.write_text(
        "F06-2\t06:302:amount\t明细按 0.1 万元列示\nN-1\tnarrative\t以报表为准\n", encoding="utf-8"
    )

    code, out, _ = run(capsys, "audit", "--policy", "exact", "--accept", str(accept))

    assert 0 == code
    assert "明细按 0.1 万元列示" in out


def test_audit_unreadable_input_exits_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")

    code, _, err = run(capsys, "audit", str(bad))

    assert 2 == code
    assert "bad.json" in err


def test_audit_bad_policy_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert 2 == run(capsys, "audit", "--policy", "sloppy")[0]


def test_show_table_06(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "show", "--table", "06")
    line = next(line for line in out.splitlines() if "30101" in line)

    assert 0 == code
    assert line.index("30101") < line.index("基本工资") < line.index("26.40")
    assert "单位：万元" in out


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_show_formats(capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    code, out, _ = run(capsys, "show", "--table", "07", "--format", fmt)

    assert 0 == code
    assert "公务用车购置费" in out


def test_schema_and_rules(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "schema")
    assert "govbudget disclosure" == json.loads(out)["title"]

    _, out, _ = run(capsys, "schema", "--of", "report")
    assert "govbudget audit report" == json.loads(out)["title"]

    _, out, _ = run(capsys, "rules", "--lang", "en")
    assert "F06-2" in out


def test_console_script_runs() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "govbudget", "codes", "301", "--format", "json"],
        capture_output=True,
        text=True,
        check=False,
    )

    assert 0 == result.returncode
    assert "工资福利支出" == json.loads(result.stdout)["label"]

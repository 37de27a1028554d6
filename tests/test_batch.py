"""Auditing many disclosures: order, streaming, errors, executors and the CLI."""

from __future__ import annotations

import csv
import json
import pickle
import random
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from decimal import Decimal
from pathlib import Path

import attrs
import pytest

from govbudget import audit
from govbudget.amounts import Amount
from govbudget.batch import BatchResult, audit_many, audit_source
from govbudget.cli import main
from govbudget.disclosure import Disclosure
from govbudget.errors import DocumentError, WrongTypeError
from govbudget.examples import load as load_example
from govbudget.io import dumps, load
from govbudget.testing import generate_disclosure


@pytest.fixture(scope="module")
def disclosures() -> list[Disclosure]:
    rng = random.Random(8)
    return [generate_disclosure(rng, year=rng.randint(2016, 2025), size="small") for _ in range(12)]


def with_error(disclosure: Disclosure, delta: str = "1.00") -> Disclosure:
    """The disclosure with ``delta`` added to the 支出小计 of table 05's first row."""
    table = disclosure.tables["05"]
    rows = list(table.rows)
    index = next(i for i, row in enumerate(rows) if isinstance(row.cells.get("total"), Amount))
    cells = dict(rows[index].cells)
    old = cells["total"]
    assert isinstance(old, Amount)
    cells["total"] = Amount(old.value + Decimal(delta), old.unit, old.decimals)
    rows[index] = attrs.evolve(rows[index], cells=cells)
    return attrs.evolve(
        disclosure, tables={**disclosure.tables, "05": attrs.evolve(table, rows=rows)}
    )


def test_threads_keep_order_and_match_audit(disclosures: list[Disclosure]) -> None:
    expected = [audit(d) for d in disclosures]

    with ThreadPoolExecutor(3) as pool:
        results = list(audit_many(disclosures, pool, chunksize=2))

    assert list(range(len(disclosures))) == [r.index for r in results]
    assert expected == [r.report for r in results]
    assert all(r.source is d for r, d in zip(results, disclosures, strict=True))


def test_processes_match_audit(disclosures: list[Disclosure]) -> None:
    expected = [audit(d, policy="exact") for d in disclosures]

    with ProcessPoolExecutor(2) as pool:
        results = list(audit_many(disclosures, pool, chunksize=3, policy="exact"))

    assert expected == [r.report for r in results]
    assert all(r.seconds >= 0 for r in results)


def test_default_pool_is_created_and_shut_down(disclosures: list[Disclosure]) -> None:
    results = list(audit_many(disclosures[:3], max_workers=2))

    assert [audit(d) for d in disclosures[:3]] == [r.report for r in results]


def test_reports_and_disclosures_survive_pickling(disclosures: list[Disclosure]) -> None:
    report = audit(with_error(disclosures[0]))

    assert report == pickle.loads(pickle.dumps(report))
    assert report.errors


def test_sources_are_taken_lazily(disclosures: list[Disclosure]) -> None:
    taken: list[int] = []

    def sources() -> Iterator[Disclosure]:
        for number in range(1_000):
            taken.append(number)
            yield disclosures[number % len(disclosures)]

    with ThreadPoolExecutor(1) as pool:
        results = audit_many(sources(), pool, chunksize=2, window=3)
        first = next(results)
        in_flight = len(taken)
        results.close()

    assert 0 == first.index
    assert in_flight <= 2 * 3
    assert len(taken) < 20


def test_unreadable_sources_are_reported_not_raised(
    tmp_path: Path, disclosures: list[Disclosure]
) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    sources = [disclosures[0], str(tmp_path / "missing.json"), broken, disclosures[1]]

    with ProcessPoolExecutor(2) as pool:
        results = list(audit_many(sources, pool, chunksize=1))

    assert [True, False, False, True] == [r.ok for r in results]
    assert isinstance(results[1].error, DocumentError)
    assert "missing.json" in results[1].error.source
    assert isinstance(results[2].error, DocumentError)
    assert str(broken) == results[2].name
    assert [0, 2, 2, 0] == [r.exit_code() for r in results]


def test_options_are_checked_before_any_work() -> None:
    with pytest.raises(WrongTypeError):
        audit_many([], policy="sloppy")
    with pytest.raises(WrongTypeError):
        audit_many([], select=["NO-SUCH-RULE"])
    with pytest.raises(WrongTypeError):
        audit_many([], colour="red")
    with pytest.raises(WrongTypeError):
        audit_many([], chunksize=0)


def test_audit_source_is_the_sequential_form(disclosures: list[Disclosure]) -> None:
    result = audit_source(disclosures[0], ignore=["C-"])

    assert isinstance(result, BatchResult)
    assert audit(disclosures[0], ignore=["C-"]) == result.report
    assert not audit_source("no/such/file.json").ok


def test_dask_executor(disclosures: list[Disclosure]) -> None:
    distributed = pytest.importorskip("distributed")
    expected = [audit(d) for d in disclosures[:4]]

    with (
        distributed.LocalCluster(
            n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        results = list(audit_many(disclosures[:4], client.get_executor(), chunksize=2))

    assert expected == [r.report for r in results]


# The command line --------------------------------------------------------------


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    example = load_example("futian-housing-2018")
    (tmp_path / "a-original.json").write_text(dumps(example), encoding="utf-8")
    (tmp_path / "b-changed.json").write_text(dumps(with_error(example)), encoding="utf-8")
    (tmp_path / "notes.md").write_text("not a disclosure", encoding="utf-8")
    return tmp_path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_cli_jobs_on_a_directory(capsys: pytest.CaptureFixture[str], folder: Path) -> None:
    code, out, err = run(capsys, "audit", str(folder), "--jobs", "2", "--lang", "en")
    lines = out.strip().splitlines()

    assert 1 == code
    assert 3 == len(lines)
    assert "a-original.json" in lines[0]
    assert "b-changed.json" in lines[1]
    assert "2 documents" in lines[2]
    assert "" == err


def test_cli_unreadable_file_exits_2_after_the_rest(
    capsys: pytest.CaptureFixture[str], folder: Path
) -> None:
    (folder / "c-broken.json").write_text("{", encoding="utf-8")

    code, out, err = run(capsys, "audit", str(folder), "-j", "2", "--lang", "en")

    assert 2 == code
    assert "c-broken.json: unreadable" in out
    assert "b-changed.json" in out
    assert "c-broken.json" in err


def test_cli_findings_jsonl(capsys: pytest.CaptureFixture[str], folder: Path) -> None:
    target = folder / "out" / "findings.jsonl"
    target.parent.mkdir()

    run(capsys, "audit", str(folder), "--jobs", "2", "--findings", str(target))
    records = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    by_source: dict[str, set[str]] = {}
    for record in records:
        by_source.setdefault(Path(record["source"]).name, set()).add(record["rule"])

    assert {"a-original.json", "b-changed.json"} == set(by_source)
    assert "F05-1" in by_source["b-changed.json"] - by_source["a-original.json"]
    assert {"source", "rule", "severity", "difference", "table", "row"} <= set(records[0])


def test_cli_findings_csv_single_document(capsys: pytest.CaptureFixture[str], folder: Path) -> None:
    target = folder / "findings.csv"
    changed = str(folder / "b-changed.json")

    code, out, _ = run(capsys, "audit", changed, "--findings", str(target), "--lang", "en")
    with target.open(encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))

    assert 1 == code
    assert "b-changed.json" in out.splitlines()[-1]
    assert len(audit(load(changed)).findings) == len(rows)
    assert {changed} == {row["source"] for row in rows}
    assert any(row["rule"] == "F05-1" and row["severity"] == "error" for row in rows)


def test_cli_findings_needs_a_known_suffix(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "audit", "--findings", "out.xlsx")

    assert 2 == code
    assert "out.xlsx" in err


def test_text_files_are_read_with_their_import_report(tmp_path: Path) -> None:
    from govbudget import examples

    text = tmp_path / "futian.txt"
    text.write_text(examples.text("futian-housing-2018"), encoding="utf-8")

    with ThreadPoolExecutor(1) as pool:
        (result,) = audit_many([text], pool)

    assert result.ok
    assert result.report is not None
    assert "I-1" in result.report.rules
    assert str(text) == result.report.source

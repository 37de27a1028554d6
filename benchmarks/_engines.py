"""The core rules written for other engines: pandera, frictionless, DuckDB.

Every engine reads the same pre-extracted data: one record per row of tables
02, 03 and 05, with the figures as integers in thousandths of the printed
unit (exact), each with its rounding radius (grid included), so that no
engine pays for, or differs in, how it reads numbers. The rules:

- R1, per row: 合计 = Σ parts, within the sum of the radii of the figures
  printed;
- R2, per column: each parent row (合计, 类, 款) = Σ its printed children,
  within the radii;
- R3: every code is in the catalog of the fiscal year.

Each engine returns the set of disclosure numbers it flags.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any, ClassVar

from govbudget.audit import AuditContext
from govbudget.codes import Scheme, default_catalog
from govbudget.disclosure import Disclosure

__all__ = [
    "COLUMNS",
    "GOVBUDGET_RULES",
    "catalog_records",
    "duckdb_flags",
    "frictionless_flags",
    "pandera_batch_flags",
    "pandera_flags",
    "records",
]

_MILLI = Decimal(1000)
_WIDTH = 9
_PARTS = range(1, 7)
"""Slots 1-6 hold the parts of the row total in slot 0; slots 7 and 8 hold
columns that only roll up (年初预算数 and 调整预算数 of table 05 from 2019)."""
COLUMNS = (
    "doc",
    "year",
    "table",
    "key",
    "parent",
    *(f"c{j}" for j in range(_WIDTH)),
    *(f"h{j}" for j in range(_WIDTH)),
)
"""The record layout: figures ``c0`` (the total) … ``c6``, radii ``h0`` … ``h6``."""

_TABLE_COLUMNS = {
    "02": (
        "total",
        "appropriation",
        "higher_level_subsidy",
        "service_revenue",
        "operating_revenue",
        "subsidiary_remittance",
        "other_revenue",
    ),
    "03": (
        "total",
        "basic",
        "project",
        "remittance_to_higher",
        "operating",
        "subsidy_to_subsidiaries",
    ),
    "05": ("total", "basic", "project"),
}
_ROLL_ONLY = {"opening_budget": 7, "adjusted_budget": 8}

GOVBUDGET_RULES = ("F02-1", "F02-2", "F03-1", "F03-2", "F05-1", "F05-2", "C-1")
"""The govbudget rules that check R1–R3 on tables 02, 03 and 05."""


def records(number: int, disclosure: Disclosure) -> list[tuple[Any, ...]]:
    """The disclosure's rows of tables 02, 03 and 05 in the layout of :data:`COLUMNS`."""
    context = AuditContext(disclosure)
    found: list[tuple[Any, ...]] = []
    for table_id, columns in _TABLE_COLUMNS.items():
        table = context.table(table_id)
        if table is None:
            continue
        slots = {column: j for j, column in enumerate(columns)}
        for column in table.layout.sides[0].columns:
            if column.id not in slots:
                slots[column.id] = _ROLL_ONLY[column.id]
        for row in table.rows:
            parent = None
            if row.key.isdigit():
                parent = "total" if len(row.key) == 3 else row.key[:-2]
            values: list[int | None] = [None] * _WIDTH
            halves: list[int | None] = [None] * _WIDTH
            for column, j in slots.items():
                figure = context.figure_of(table, row, column)
                if figure is not None:
                    values[j] = int(figure.value * _MILLI)
                    halves[j] = int(figure.half * _MILLI)
            found.append((number, disclosure.year, table_id, row.key, parent, *values, *halves))
    return found


def catalog_records(years: Iterable[int]) -> list[tuple[int, str]]:
    """(year, code) of every code of the 功能分类 in the shipped catalog."""
    catalog = default_catalog()
    return [
        (year, entry.code)
        for year in sorted(set(years))
        for entry in catalog.entries(year, scheme=Scheme.FUNCTIONAL)
    ]


# pandera ------------------------------------------------------------------------


def _r1_ok(frame: Any) -> Any:
    parts = frame[[f"c{j}" for j in _PARTS]]
    radii = frame[[f"h{j}" for j in _PARTS]]
    present = parts.notna().any(axis=1)
    expected = parts.sum(axis=1, min_count=1)
    slack = frame["h0"] + radii.sum(axis=1)
    bad = frame["c0"].notna() & present & ((frame["c0"] - expected).abs() > slack)
    return ~bad.fillna(False).astype(bool)


def _r2_ok(frame: Any) -> Any:
    import pandas as pd

    figures = [f"c{j}" for j in range(_WIDTH)]
    radii = [f"h{j}" for j in range(_WIDTH)]
    children = frame[frame["parent"].notna()]
    sums = children.groupby(["doc", "table", "parent"])[figures + radii].sum(min_count=1)
    sums.index = sums.index.set_names(["doc", "table", "key"])
    joined = frame[["doc", "table", "key", *figures, *radii]].join(
        sums, on=["doc", "table", "key"], rsuffix="_kids"
    )
    bad = pd.Series(False, index=frame.index)
    for figure, radius in zip(figures, radii, strict=True):
        kids = joined[f"{figure}_kids"]
        slack = joined[radius] + joined[f"{radius}_kids"]
        miss = joined[figure].notna() & kids.notna() & ((joined[figure] - kids).abs() > slack)
        bad |= miss.fillna(False).astype(bool)
    return ~bad


def _schema(codes: frozenset[tuple[int, str]]) -> Any:
    import pandera.pandas as pa

    def known(frame: Any) -> Any:
        coded = frame["key"].str.isdigit()
        pairs = [(y, k) in codes for y, k in zip(frame["year"], frame["key"], strict=True)]
        return ~coded | pairs

    return pa.DataFrameSchema(
        {
            "doc": pa.Column(int),
            "key": pa.Column(str),
            "parent": pa.Column(str, nullable=True),
        },
        checks=[
            pa.Check(_r1_ok, name="R1 total = sum of parts"),
            pa.Check(_r2_ok, name="R2 parent = sum of children"),
            pa.Check(known, name="R3 code in catalog"),
        ],
    )


def _failed_docs(frame: Any, schema: Any) -> set[int]:
    import pandera.pandas as pa

    try:
        schema.validate(frame, lazy=True)
    except pa.errors.SchemaErrors as error:
        index = error.failure_cases["index"].dropna().astype(int)
        return set(frame.loc[index, "doc"].astype(int))
    return set()


def pandera_flags(frames: Sequence[Any], codes: frozenset[tuple[int, str]]) -> set[int]:
    """One ``validate(lazy=True)`` per disclosure frame."""
    schema = _schema(codes)
    flagged: set[int] = set()
    for frame in frames:
        flagged |= _failed_docs(frame, schema)
    return flagged


def pandera_batch_flags(frame: Any, codes: frozenset[tuple[int, str]]) -> set[int]:
    """One ``validate(lazy=True)`` over every disclosure at once."""
    return _failed_docs(frame, _schema(codes))


# frictionless ---------------------------------------------------------------------


def frictionless_flags(
    tables: Sequence[list[list[Any]]], codes: frozenset[tuple[int, str]]
) -> set[int]:
    """One ``Resource.validate`` per disclosure, with a custom check for R1–R3."""
    import frictionless
    from frictionless import errors

    class CoreRules(frictionless.Check):  # type: ignore[misc]
        type = "govbudget-core"
        Errors: ClassVar[list[type[Any]]] = [errors.RowConstraintError]

        def validate_start(self) -> Iterable[Any]:
            self.rows: list[Any] = []
            return []

        def validate_row(self, row: Any) -> Iterable[Any]:
            self.rows.append(row)
            key, year = row["key"], row["year"]
            if key.isdigit() and (year, key) not in codes:
                yield errors.RowConstraintError.from_row(row, note="R3 code not in catalog")
            total = row["c0"]
            parts = [(row[f"c{j}"], row[f"h{j}"]) for j in _PARTS]
            present = [(v, h) for v, h in parts if v is not None]
            if total is not None and present:
                slack = row["h0"] + sum(h for _, h in present)
                if abs(total - sum(v for v, _ in present)) > slack:
                    yield errors.RowConstraintError.from_row(row, note="R1 total != parts")

        def validate_end(self) -> Iterable[Any]:
            sums: dict[tuple[str, str], list[list[int]]] = {}
            for row in self.rows:
                if row["parent"] is None:
                    continue
                acc = sums.get((row["table"], row["parent"]))
                if acc is None:
                    acc = sums[(row["table"], row["parent"])] = [[0, 0, 0] for _ in range(_WIDTH)]
                for j in range(_WIDTH):
                    value = row[f"c{j}"]
                    if value is not None:
                        acc[j][0] += value
                        acc[j][1] += row[f"h{j}"]
                        acc[j][2] = 1
            for row in self.rows:
                acc = sums.get((row["table"], row["key"]))
                if acc is None:
                    continue
                for j in range(_WIDTH):
                    value = row[f"c{j}"]
                    if value is None or not acc[j][2]:
                        continue
                    if abs(value - acc[j][0]) > row[f"h{j}"] + acc[j][1]:
                        yield errors.RowConstraintError.from_row(row, note="R2 parent != kids")

    fields = [
        {"name": "doc", "type": "integer"},
        {"name": "year", "type": "integer"},
        {"name": "table", "type": "string"},
        {"name": "key", "type": "string"},
        {"name": "parent", "type": "string"},
        *({"name": f"c{j}", "type": "integer"} for j in range(_WIDTH)),
        *({"name": f"h{j}", "type": "integer"} for j in range(_WIDTH)),
    ]
    schema = frictionless.Schema.from_descriptor({"fields": fields})
    flagged: set[int] = set()
    for table in tables:
        resource = frictionless.Resource(data=[list(COLUMNS), *table], schema=schema)
        report = resource.validate(
            checklist=frictionless.Checklist(checks=[CoreRules()]), limit_errors=10**9
        )
        if not report.valid:
            flagged.add(int(table[0][0]))
    return flagged


# DuckDB -----------------------------------------------------------------------------

_SQL = """
WITH r1 AS (
    SELECT doc FROM rows
    WHERE c0 IS NOT NULL AND coalesce(c1, c2, c3, c4, c5, c6) IS NOT NULL
      AND abs(c0 - ({parts})) > h0 + {radii}
), kids AS (
    SELECT doc, "table", parent, {kid_sums}
    FROM rows WHERE parent IS NOT NULL GROUP BY ALL
), r2 AS (
    SELECT p.doc FROM rows p
    JOIN kids k ON p.doc = k.doc AND p."table" = k."table" AND p.key = k.parent
    WHERE {rollups}
), r3 AS (
    SELECT r.doc FROM rows r
    WHERE regexp_full_match(r.key, '[0-9]+')
      AND NOT EXISTS (SELECT 1 FROM catalog c WHERE c.year = r.year AND c.code = r.key)
)
SELECT DISTINCT doc FROM (SELECT doc FROM r1 UNION ALL SELECT doc FROM r2
                          UNION ALL SELECT doc FROM r3)
"""


def duckdb_query() -> str:
    """The SQL that flags disclosures, over tables ``rows`` and ``catalog``."""
    js = range(_WIDTH)
    return _SQL.format(
        parts=" + ".join(f"coalesce(c{j}, 0)" for j in _PARTS),
        radii=" + ".join(f"coalesce(h{j}, 0)" for j in _PARTS),
        kid_sums=", ".join(f"sum(c{j}) AS s{j}, sum(h{j}) AS k{j}" for j in js),
        rollups=" OR ".join(
            f"(p.c{j} IS NOT NULL AND k.s{j} IS NOT NULL"
            f" AND abs(p.c{j} - k.s{j}) > p.h{j} + k.k{j})"
            for j in js
        ),
    )


def duckdb_flags(connection: Any) -> set[int]:
    """Every flagged disclosure, in one query over all of them."""
    return {int(doc) for (doc,) in connection.execute(duckdb_query()).fetchall()}

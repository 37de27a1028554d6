"""Catalog: codes known for the year, labels matching the catalog name."""

from __future__ import annotations

import functools
from collections.abc import Iterator

from govbudget.audit.context import AuditContext
from govbudget.audit.registry import rule
from govbudget.codes import Catalog, MatchKind, NameMatch, match_name, parse_code
from govbudget.findings import Category, Finding, Severity


@functools.lru_cache(maxsize=16384)
def _match(catalog: Catalog, key: str, label: str, year: int) -> NameMatch:
    """``match_name`` for a row, remembered: the same codes and labels recur
    in tables 02, 03 and 05 and across a corpus. Catalogs are immutable and
    hashed by identity."""
    return match_name(parse_code(key), label, year, catalog=catalog)


@rule(
    "C-1",
    title="codes are in the catalog for the year",
    title_zh="科目编码在当年科目表中",
    category=Category.CATALOG,
    severity=Severity.WARNING,
)
def codes_known(ctx: AuditContext) -> Iterator[Finding]:
    """Every code is listed in the classification catalog for the fiscal year.

    The shipped catalog is not complete (see the catalog coverage page), and
    local catalogs add extension codes, so an unknown code is a warning, not
    an error. Load a fuller catalog with ``--catalog FILE.csv``."""
    seen: set[str] = set()
    for table in ctx.disclosure.tables.values():
        for row in table.coded_rows():
            if row.key in seen or ctx.catalog.lookup(row.key, ctx.year) is not None:
                continue
            seen.add(row.key)
            known_elsewhere = ctx.catalog.history(row.key)
            years = "；该编码在其他年度有效" if known_elsewhere else ""
            yield ctx.finding(
                f"科目 {row.key}（{row.label}）不在 {ctx.year} 年科目表中{years}",
                f"code {row.key} ({row.label}) is not in the {ctx.year} catalog"
                + ("; it is valid in other years" if known_elsewhere else ""),
                table.location(row),
            )


@rule(
    "C-2",
    title="labels match the catalog name for the year",
    title_zh="科目名称与当年科目表一致",
    category=Category.CATALOG,
    severity=Severity.WARNING,
)
def labels_match(ctx: AuditContext) -> Iterator[Finding]:
    """The printed label of each coded row matches the catalog name of its
    code in the fiscal year. Width, brackets, spaces and ordinal prefixes
    ("七、") are ignored; a known printed variant (公务招待费 for 公务接待费) is
    an info; a name from another edition (医疗卫生与计划生育支出 after 2018)
    or a different name is a warning."""
    for table in ctx.disclosure.tables.values():
        for row in table.coded_rows():
            if not row.label:
                continue
            match = _match(ctx.catalog, row.key, row.label, ctx.year)
            if match.ok and match.kind is not MatchKind.VARIANT:
                continue
            if match.kind is MatchKind.UNKNOWN_CODE:
                continue
            severity = Severity.INFO if match.kind is MatchKind.VARIANT else None
            kind_zh = {
                MatchKind.VARIANT: "为常见的印刷变体",
                MatchKind.FORMER_NAME: "为其他年度的科目名称",
                MatchKind.MISMATCH: "与科目表不一致",
            }[match.kind]
            yield ctx.finding(
                f"{row.key} 名称“{row.label}”{kind_zh}，"
                f"{ctx.year} 年科目表为“{match.catalog_name}”",
                f"{row.key} is printed as “{row.label}” ({match.kind.value}); the {ctx.year} "
                f"catalog name is “{match.catalog_name}”",
                table.location(row),
                severity=severity,
            )

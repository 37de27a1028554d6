"""From 部门预算支出经济分类 to 政府预算支出经济分类 (两套经济分类对照).

The same departmental item maps to different government items depending on
the kind of unit that spends it: a 行政单位's 30102 津贴补贴 is
50101 工资奖金津补贴, an 事业单位's is 50501 工资福利支出 (DOMAIN §7.5). The
mapping is therefore a function of the 款 *and* the unit kind.

Only part of the official 对照表 was confirmed from a primary text; every row
of ``data/crosswalk.tsv`` says how sure it is.

>>> to_gov_economic("30102", UnitKind.ADMINISTRATIVE)
GovEconomicCode('50101')
>>> to_gov_economic("30102", UnitKind.INSTITUTION)
GovEconomicCode('50501')
"""

from __future__ import annotations

import functools
import importlib.resources

import attrs

from govbudget.codes._code import DeptEconomicCode, GovEconomicCode
from govbudget.codes._scheme import Level, Scheme
from govbudget.codes.catalog import Confidence
from govbudget.entity import UnitKind
from govbudget.errors import CatalogError, UnknownCodeError

__all__ = ["CrosswalkRow", "crosswalk_row", "crosswalk_rows", "to_gov_economic"]

_COLUMNS = ("dept_code", "unit_kind", "gov_code", "confidence", "sources")
_KINDS = {"administrative": UnitKind.ADMINISTRATIVE, "institution": UnitKind.INSTITUTION}


@attrs.frozen
class CrosswalkRow:
    """One row of the crosswalk.

    Attributes:
        dept_code: A 部门 economic 款, or a 类 standing for each of its 款
            that has no row of its own.
        unit_kind: The kind of unit the row applies to.
        gov_code: The 政府 economic 款 it maps to.
        confidence: How well a source supports the row.
        sources: Keys of the sources.
    """

    dept_code: DeptEconomicCode
    unit_kind: UnitKind
    gov_code: GovEconomicCode
    confidence: Confidence
    sources: tuple[str, ...]


@functools.cache
def crosswalk_rows() -> dict[tuple[str, UnitKind], CrosswalkRow]:
    """Every shipped crosswalk row, keyed by (部门 code, unit kind)."""
    path = "govbudget/codes/data/crosswalk.tsv"
    text = (importlib.resources.files("govbudget.codes") / "data" / "crosswalk.tsv").read_text(
        encoding="utf-8"
    )
    rows: dict[tuple[str, UnitKind], CrosswalkRow] = {}
    header_seen = False
    for number, line in enumerate(text.splitlines(), start=1):
        if not line or line.startswith("#"):
            continue
        cells = tuple(line.split("\t"))
        if not header_seen:
            if cells != _COLUMNS:
                raise CatalogError(path, f"expected the header {_COLUMNS}", line=number)
            header_seen = True
            continue
        if len(cells) != len(_COLUMNS) or cells[1] not in _KINDS:
            raise CatalogError(
                path, "expected code, unit kind, code, confidence, sources", line=number
            )
        row = CrosswalkRow(
            dept_code=DeptEconomicCode(cells[0]),
            unit_kind=_KINDS[cells[1]],
            gov_code=GovEconomicCode(cells[2]),
            confidence=Confidence(cells[3]),
            sources=tuple(cells[4].split(",")),
        )
        rows[(row.dept_code.digits, row.unit_kind)] = row
    return rows


def to_gov_economic(code: object, unit_kind: UnitKind) -> GovEconomicCode:
    """The 政府 economic 款 a 部门 economic 款 maps to, for a kind of unit.

    Args:
        code: A 部门预算支出经济分类 款 (five digits), printed in any form
            :func:`~govbudget.codes.parse_code` accepts.
        unit_kind: 行政单位 or 事业单位.

    Raises:
        CodeParseError: if ``code`` is not a 部门 economic code.
        UnknownCodeError: if no row covers the code (a 类 alone never maps:
            its 款 may go to different places).
    """
    dept = code if isinstance(code, DeptEconomicCode) else DeptEconomicCode(code)
    rows = crosswalk_rows()
    if dept.level is Level.SECTION:
        for key in (dept.digits, dept.digits[:3]):
            row = rows.get((key, unit_kind))
            if row is not None:
                return row.gov_code
    raise UnknownCodeError(
        dept.digits, f"{Scheme.DEPT_ECONOMIC.value} crosswalk ({unit_kind.value})", 0
    )


def crosswalk_row(code: object, unit_kind: UnitKind) -> CrosswalkRow | None:
    """The crosswalk row that decides ``code`` for ``unit_kind``, if any."""
    dept = code if isinstance(code, DeptEconomicCode) else DeptEconomicCode(code)
    rows = crosswalk_rows()
    return rows.get((dept.digits, unit_kind)) or rows.get((dept.digits[:3], unit_kind))

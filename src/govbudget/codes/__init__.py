"""Classification codes (政府收支分类科目) and their shipped catalogs.

Three schemes, one class each, one small surface:

- :class:`FunctionalCode`: 支出功能分类科目, 类 208 → 款 20805 → 项 2080505;
- :class:`DeptEconomicCode`: 部门预算支出经济分类科目, 301 → 30101;
- :class:`GovEconomicCode`: 政府预算支出经济分类科目, 501 → 50101.

>>> code = parse_code("208 05 05")
>>> code.label(2018), code.parent.label(2018)
('机关事业单位基本养老保险缴费支出', '行政事业单位离退休')
"""

from govbudget.codes._code import (
    ClassificationCode,
    DeptEconomicCode,
    FunctionalCode,
    GovEconomicCode,
    normalise,
    parse_code,
)
from govbudget.codes._scheme import Level, Scheme
from govbudget.codes.catalog import (
    Catalog,
    CatalogEntry,
    Confidence,
    default_catalog,
    load_catalog_csv,
)
from govbudget.codes.crosswalk import CrosswalkRow, crosswalk_row, to_gov_economic
from govbudget.codes.names import MatchKind, NameMatch, match_name, normalise_label

__all__ = [
    "Catalog",
    "CatalogEntry",
    "ClassificationCode",
    "Confidence",
    "CrosswalkRow",
    "DeptEconomicCode",
    "FunctionalCode",
    "GovEconomicCode",
    "Level",
    "MatchKind",
    "NameMatch",
    "Scheme",
    "crosswalk_row",
    "default_catalog",
    "load_catalog_csv",
    "match_name",
    "normalise",
    "normalise_label",
    "parse_code",
    "to_gov_economic",
]

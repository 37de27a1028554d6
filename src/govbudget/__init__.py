"""govbudget: typed models and a rounding-aware auditor for Chinese public
budget disclosures (部门预算/部门决算公开).

>>> import govbudget
>>> disclosure = govbudget.examples.load("futian-housing-2018")
>>> report = govbudget.audit(disclosure)
>>> report.counts()["error"]  # 年末结转和结余: 2.20 in the text, 2.10 in the tables
1
"""

from govbudget import examples
from govbudget._version import __version__
from govbudget.amounts import Amount, Blank, Cell, Interval, Percent, Unit, parse_amount
from govbudget.audit import (
    AuditOptions,
    Category,
    Finding,
    Report,
    Severity,
    audit,
)
from govbudget.batch import BatchResult, audit_many
from govbudget.codes import (
    Catalog,
    ClassificationCode,
    DeptEconomicCode,
    FunctionalCode,
    GovEconomicCode,
    Level,
    Scheme,
    load_catalog_csv,
    parse_code,
    to_gov_economic,
)
from govbudget.disclosure import (
    Attachment,
    Disclosure,
    DisclosureKind,
    GlossaryEntry,
    OtherMatters,
    Overview,
    Procurement,
    Section,
    Staffing,
    StateAssets,
)
from govbudget.entity import Entity, ReportingLevel, UnitKind
from govbudget.errors import (
    AmountParseError,
    CatalogError,
    CodeParseError,
    DocumentError,
    FloatNotAllowedError,
    GovBudgetError,
    LayoutError,
    ParseError,
    SchemaVersionError,
    UnitMismatchError,
    UnknownCodeError,
    WrongTypeError,
)
from govbudget.io import Loaded, dump, dumps, load, loads, read
from govbudget.location import Location
from govbudget.readers import ImportReport, ReadError, read_pdf, read_text, read_text_file
from govbudget.render import render_disclosure, render_table
from govbudget.tables import Row, Table

__all__ = [
    "Amount",
    "AmountParseError",
    "Attachment",
    "AuditOptions",
    "BatchResult",
    "Blank",
    "Catalog",
    "CatalogError",
    "Category",
    "Cell",
    "ClassificationCode",
    "CodeParseError",
    "DeptEconomicCode",
    "Disclosure",
    "DisclosureKind",
    "DocumentError",
    "Entity",
    "Finding",
    "FloatNotAllowedError",
    "FunctionalCode",
    "GlossaryEntry",
    "GovBudgetError",
    "GovEconomicCode",
    "ImportReport",
    "Interval",
    "LayoutError",
    "Level",
    "Loaded",
    "Location",
    "OtherMatters",
    "Overview",
    "ParseError",
    "Percent",
    "Procurement",
    "ReadError",
    "Report",
    "ReportingLevel",
    "Row",
    "SchemaVersionError",
    "Scheme",
    "Section",
    "Severity",
    "Staffing",
    "StateAssets",
    "Table",
    "Unit",
    "UnitKind",
    "UnitMismatchError",
    "UnknownCodeError",
    "WrongTypeError",
    "__version__",
    "audit",
    "audit_many",
    "dump",
    "dumps",
    "examples",
    "load",
    "load_catalog_csv",
    "loads",
    "parse_amount",
    "parse_code",
    "read",
    "read_pdf",
    "read_text",
    "read_text_file",
    "render_disclosure",
    "render_table",
    "to_gov_economic",
]

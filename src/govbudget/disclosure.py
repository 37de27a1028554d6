"""A whole disclosure: the entity, its tables, and the document around them."""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator, Mapping
from types import MappingProxyType
from typing import Any

import attrs

from govbudget.amounts import Amount, Blank, Percent, Unit
from govbudget.entity import Entity
from govbudget.errors import LayoutError, WrongTypeError
from govbudget.location import Location
from govbudget.performance import Form
from govbudget.tables import FINAL_ACCOUNTS_TABLES, Table

__all__ = [
    "Attachment",
    "Disclosure",
    "DisclosureKind",
    "GlossaryEntry",
    "OtherMatters",
    "Overview",
    "Procurement",
    "Section",
    "Staffing",
    "StateAssets",
]


class DisclosureKind(enum.Enum):
    """Budget or final accounts."""

    FINAL_ACCOUNTS = "决算"
    """部门决算: what was received and spent in a closed year."""

    BUDGET = "预算"
    """部门预算: what is planned for the coming year."""


@attrs.frozen
class Staffing:
    """机构设置 figures: authorised posts and people (counts, not money).

    Attributes:
        authorised: 编制数.
        actual: 实有人数.
        contract_staff: 雇员员额.
        dispatched: 劳务派遣 (实有人数).
        retired: 离退休人员.
    """

    authorised: int | None = None
    actual: int | None = None
    contract_staff: int | None = None
    dispatched: int | None = None
    retired: int | None = None


@attrs.frozen
class Overview:
    """部门概况: duties, organisation and staffing.

    Attributes:
        duties: 部门职责, the text kept whole.
        organisation: 机构设置, the text kept whole.
        staffing: The counts the organisation text states.
    """

    duties: str = ""
    organisation: str = ""
    staffing: Staffing = attrs.field(factory=Staffing)


@attrs.frozen
class Section:
    """A narrative section (情况说明), kept whole.

    Attributes:
        number: The section number as printed ("（一）", "1.").
        title: The heading.
        text: The body, paragraphs separated by blank lines.
        line: The source line of the heading, for documents read from text.
        topic: What the section explains: a table id ("01"…"09") or
            "performance", "other_matters"; ``None`` if unknown.
    """

    number: str
    title: str
    text: str
    line: int | None = attrs.field(default=None, eq=False)
    topic: str | None = None


@attrs.frozen
class Procurement:
    """政府采购支出: government procurement in the year.

    Attributes:
        total: 政府采购支出总额.
        goods: 政府采购货物支出.
        works: 政府采购工程支出.
        services: 政府采购服务支出.
        sme_amount: 授予中小企业合同金额.
        sme_share: 占政府采购支出总额的比例, as printed.
    """

    total: Amount | Blank | None = None
    goods: Amount | Blank | None = None
    works: Amount | Blank | None = None
    services: Amount | Blank | None = None
    sme_amount: Amount | Blank | None = None
    sme_share: Percent | None = None


@attrs.frozen
class StateAssets:
    """国有资产占用情况.

    Attributes:
        vehicles: 车辆 in use at year end (count).
        text: The section text kept whole.
    """

    vehicles: int | None = None
    text: str = ""


@attrs.frozen
class OtherMatters:
    """其他重要事项: running costs, procurement, assets, anything else.

    Attributes:
        running_costs: 机关运行经费, if a figure is stated.
        running_costs_text: The section text kept whole.
        procurement: 政府采购 figures.
        assets: 国有资产占用.
        other: 其他需要说明的事项, kept whole.
    """

    running_costs: Amount | Blank | None = None
    running_costs_text: str = ""
    procurement: Procurement = attrs.field(factory=Procurement)
    assets: StateAssets = attrs.field(factory=StateAssets)
    other: str = ""


@attrs.frozen
class GlossaryEntry:
    """One 名词解释 entry."""

    term: str
    definition: str


@attrs.frozen
class Attachment:
    """An attachment (附件) kept as text: a report or form the model does not type."""

    title: str
    text: str


def _freeze_tables(tables: Mapping[str, Table]) -> Mapping[str, Table]:
    if not isinstance(tables, Mapping):
        raise WrongTypeError(tables, "a mapping of table ids to tables")
    for table_id, table in tables.items():
        if not isinstance(table, Table):
            raise WrongTypeError(table, f"a Table for table {table_id!r}")
        if table.table_id != table_id:
            raise LayoutError(
                f"table {table.table_id} filed under id {table_id!r}",
                location=Location(table=table_id),
            )
    return MappingProxyType(dict(sorted(tables.items())))


def _to_forms(forms: Iterable[Form]) -> tuple[Form, ...]:
    return tuple(forms)


def _to_sections(sections: Iterable[Section]) -> tuple[Section, ...]:
    return tuple(sections)


def _to_glossary(entries: Iterable[GlossaryEntry]) -> tuple[GlossaryEntry, ...]:
    return tuple(entries)


def _to_attachments(attachments: Iterable[Attachment]) -> tuple[Attachment, ...]:
    return tuple(attachments)


def _freeze_statements(statements: Mapping[str, str]) -> Mapping[str, str]:
    return MappingProxyType(dict(sorted(statements.items())))


@attrs.frozen
class Disclosure:
    """A published budget or final-accounts disclosure (部门预算/决算公开).

    Attributes:
        entity: The department or unit.
        year: The fiscal year the disclosure covers.
        kind: 决算 or 预算.
        title: The document title as printed.
        tables: The tables present, by id ("01" … "09").
        empty_statements: Tables the document states are empty, by id, with
            the statement ("本单位无政府性基金预算财政拨款收入以及支出情况。").
            A table can be both present (printed with zeros) and stated empty.
        overview: 部门概况.
        narrative: 情况说明 sections in print order.
        other_matters: 其他重要事项.
        glossary: 名词解释.
        attachments: Attachments kept as text.
        performance_forms: Performance-target and self-evaluation forms.
        source: The file the disclosure was read from, if any.
    """

    entity: Entity
    year: int
    kind: DisclosureKind = DisclosureKind.FINAL_ACCOUNTS
    title: str = ""
    tables: Mapping[str, Table] = attrs.field(factory=dict, converter=_freeze_tables)
    empty_statements: Mapping[str, str] = attrs.field(factory=dict, converter=_freeze_statements)
    overview: Overview = attrs.field(factory=Overview)
    narrative: tuple[Section, ...] = attrs.field(default=(), converter=_to_sections)
    other_matters: OtherMatters = attrs.field(factory=OtherMatters)
    glossary: tuple[GlossaryEntry, ...] = attrs.field(default=(), converter=_to_glossary)
    attachments: tuple[Attachment, ...] = attrs.field(default=(), converter=_to_attachments)
    performance_forms: tuple[Form, ...] = attrs.field(default=(), converter=_to_forms)
    source: str | None = attrs.field(default=None, eq=False)

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        # tables and empty_statements are read-only mappings, which pickle
        # cannot write; rebuild from plain dicts.
        fields = attrs.asdict(self, recurse=False)
        fields["tables"] = dict(self.tables)
        fields["empty_statements"] = dict(self.empty_statements)
        return _rebuild_disclosure, (fields,)

    def table(self, table_id: str) -> Table:
        """The table with this id ("05", or "5", or "公开05表").

        Raises:
            LayoutError: if the disclosure has no such table.
        """
        key = _table_key(table_id)
        found = self.tables.get(key)
        if found is None:
            stated = " (the document states it is empty)" if key in self.empty_statements else ""
            present = ", ".join(self.tables) or "none"
            raise LayoutError(
                f"no table {key}{stated}; tables present: {present}",
                location=Location(table=key),
            )
        return found

    def __iter__(self) -> Iterator[Table]:
        return iter(self.tables.values())

    @property
    def unit(self) -> Unit:
        """The unit most tables are printed in."""
        units = [table.unit for table in self.tables.values()]
        return max(set(units), key=units.count) if units else Unit.WAN

    def section(self, topic: str) -> Section | None:
        """The first narrative section about ``topic`` (a table id or a name)."""
        return next((s for s in self.narrative if s.topic == topic), None)

    def _repr_markdown_(self) -> str:
        from govbudget.render import render_disclosure

        return render_disclosure(self, "markdown")

    def _repr_html_(self) -> str:
        from govbudget.render import render_disclosure

        return render_disclosure(self, "html")


def _rebuild_disclosure(fields: dict[str, Any]) -> Disclosure:
    return Disclosure(**fields)


def _table_key(table_id: str) -> str:
    digits = "".join(ch for ch in str(table_id) if ch.isdigit())
    return digits.zfill(2) if digits else str(table_id)


def table_class(table_id: str) -> type[Table]:
    """The final-accounts table class for a table id.

    Raises:
        LayoutError: for an id that is not 01–09.
    """
    cls = FINAL_ACCOUNTS_TABLES.get(_table_key(table_id))
    if cls is None:
        raise LayoutError(
            f"no final-accounts table {table_id!r}; expected 01–09",
            location=Location(table=str(table_id)),
        )
    return cls

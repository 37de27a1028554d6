"""The lexicon: names the prose uses, bound to the quantities tables hold.

A quantity id is ``scope.base``: the scope is which money is meant (``all``
funds, ``appropriation`` 财政拨款, ``general_budget`` 一般公共预算财政拨款,
``gov_fund`` 政府性基金, ``state_capital`` 国有资本经营), the base what is
measured (``income_total``, ``expenditure_total``, ``basic``,
``category.208``…). Budget figures are ``budget.opening.<scope>.<base>`` or
``budget.adjusted.…``; the “三公” expenses ``sangong.actual.<item>`` and
``sangong.budget.<item>``; other matters ``procurement.*``,
``running_costs``, ``vehicles`` and ``staffing.*``.

The scope comes from the words of the name ("一般公共预算财政拨款基本支出"),
else from the total a part belongs to, else from the section the sentence
stands in: in the section on table 05, "支出" is general-budget spending.
"""

from __future__ import annotations

import functools
import re

import attrs

from govbudget.codes import Level, Scheme, default_catalog, normalise_label

__all__ = [
    "Quantity",
    "Reference",
    "base_of_topic",
    "bind_name",
    "budget_for",
    "default_denominator",
    "is_part",
    "is_partition",
    "quantity",
    "scope_of_topic",
]


@attrs.frozen
class Reference:
    """Where a table (or the other-matters model) prints a quantity.

    Attributes:
        table: A table id ("01"…"09"), ``"other_matters"`` or ``"overview"``.
        row: The row key, or the field group (``"procurement"``).
        column: The column id, or the field name.
    """

    table: str
    row: str
    column: str

    def __str__(self) -> str:
        prefix = f"T{self.table}" if self.table[:1].isdigit() else self.table
        return f"{prefix}:{self.row}:{self.column}"


@attrs.frozen
class Quantity:
    """A quantity the narrative can name.

    Attributes:
        id: The quantity id.
        name: Its Chinese name, for messages.
        refs: Where the tables print it, in order of preference; empty when
            no table holds it (a prior-year figure, a budget the tables
            leave out, all-funds 人员经费).
    """

    id: str
    name: str
    refs: tuple[Reference, ...] = ()


_SCOPE_NAMES = {
    "all": "",
    "appropriation": "财政拨款",
    "general_budget": "一般公共预算财政拨款",
    "gov_fund": "政府性基金预算财政拨款",
    "state_capital": "国有资本经营预算财政拨款",
}
_BASE_NAMES = {
    "income_total": "收入",
    "expenditure_total": "支出",
    "income_expenditure": "收支",
    "closing_balance": "年末结转和结余",
    "opening_balance": "年初结转和结余",
    "basic": "基本支出",
    "project": "项目支出",
    "personnel": "人员经费",
    "public": "公用经费",
    "higher_level_subsidy": "上级补助收入",
    "service_revenue": "事业收入",
    "operating_revenue": "经营收入",
    "subsidiary_remittance": "附属单位上缴收入",
    "other_revenue": "其他收入",
}
_SANGONG_NAMES = {
    "total": "“三公”经费",
    "outbound": "因公出国（境）费",
    "vehicles": "公务用车购置及运行费",
    "vehicle_purchase": "公务用车购置费",
    "vehicle_operation": "公务用车运行费",
    "reception": "公务接待费",
}
_FIXED = {
    "procurement.total": ("政府采购支出总额", ("other_matters", "procurement", "total")),
    "procurement.goods": ("政府采购货物支出", ("other_matters", "procurement", "goods")),
    "procurement.works": ("政府采购工程支出", ("other_matters", "procurement", "works")),
    "procurement.services": ("政府采购服务支出", ("other_matters", "procurement", "services")),
    "procurement.sme_amount": (
        "授予中小企业合同金额",
        ("other_matters", "procurement", "sme_amount"),
    ),
    "running_costs": ("机关运行经费", ("other_matters", "running_costs", "amount")),
    "vehicles": ("车辆", ("other_matters", "assets", "vehicles")),
    "staffing.authorised": ("编制数", ("overview", "staffing", "authorised")),
    "staffing.actual": ("实有人数", ("overview", "staffing", "actual")),
}


def _r(table: str, row: str, column: str) -> Reference:
    return Reference(table, row, column)


def _refs(scope: str, base: str) -> tuple[Reference, ...]:
    """The table places of ``scope.base``, most direct first."""
    if base.startswith("category."):
        code = base.split(".", 1)[1]
        places = {
            "all": (_r("01", code, "amount"), _r("03", code, "total")),
            "appropriation": (_r("04", code, "total"),),
            "general_budget": (_r("05", code, "total"), _r("04", code, "general_budget")),
            "gov_fund": (_r("08", code, "expenditure"), _r("04", code, "gov_fund")),
        }
        return places.get(scope, ())
    table: dict[tuple[str, str], tuple[Reference, ...]] = {
        ("all", "income_total"): (_r("01", "income_total", "amount"), _r("02", "total", "total")),
        ("all", "expenditure_total"): (
            _r("01", "expenditure_total", "amount"),
            _r("03", "total", "total"),
        ),
        ("all", "closing_balance"): (_r("01", "closing_balance", "amount"),),
        ("all", "opening_balance"): (_r("01", "opening_balance", "amount"),),
        ("all", "basic"): (_r("03", "total", "basic"),),
        ("all", "project"): (_r("03", "total", "project"),),
        ("appropriation", "income_total"): (
            _r("04", "income_total", "amount"),
            _r("02", "total", "appropriation"),
            _r("01", "appropriation", "amount"),
        ),
        ("appropriation", "expenditure_total"): (_r("04", "expenditure_total", "total"),),
        ("appropriation", "closing_balance"): (_r("04", "closing_balance", "total"),),
        ("appropriation", "opening_balance"): (_r("04", "opening_balance", "amount"),),
        ("general_budget", "income_total"): (
            _r("04", "general_budget", "amount"),
            _r("01", "general_budget_appropriation", "amount"),
        ),
        ("general_budget", "expenditure_total"): (
            _r("05", "total", "total"),
            _r("04", "expenditure_total", "general_budget"),
        ),
        ("general_budget", "closing_balance"): (_r("04", "closing_balance", "general_budget"),),
        ("general_budget", "basic"): (_r("05", "total", "basic"),),
        ("general_budget", "project"): (_r("05", "total", "project"),),
        ("general_budget", "personnel"): (_r("06", "personnel_total", "amount"),),
        ("general_budget", "public"): (_r("06", "public_total", "amount"),),
        ("gov_fund", "income_total"): (
            _r("08", "total", "income"),
            _r("04", "gov_fund", "amount"),
        ),
        ("gov_fund", "expenditure_total"): (
            _r("08", "total", "expenditure"),
            _r("04", "expenditure_total", "gov_fund"),
        ),
        ("gov_fund", "closing_balance"): (_r("08", "total", "closing_balance"),),
        ("state_capital", "expenditure_total"): (
            _r("09", "total", "total"),
            _r("09", "total", "expenditure"),
            _r("04", "expenditure_total", "state_capital"),
        ),
    }
    for source in ("higher_level_subsidy", "service_revenue", "operating_revenue"):
        table["all", source] = (_r("01", source, "amount"), _r("02", "total", source))
    for source in ("subsidiary_remittance", "other_revenue"):
        table["all", source] = (_r("01", source, "amount"), _r("02", "total", source))
    return table.get((scope, base), ())


def _budget_refs(stage: str, scope: str, base: str) -> tuple[Reference, ...]:
    """Only the regional 05 layout prints budgets beside spending."""
    column = "opening_budget" if stage == "opening" else "adjusted_budget"
    if scope == "general_budget" and base == "expenditure_total":
        return (_r("05", "total", column),)
    return ()


@functools.cache
def quantity(quantity_id: str) -> Quantity:
    """The quantity with this id, with its name and table places.

    Raises:
        KeyError: for an id the lexicon cannot build.
    """
    if quantity_id in _FIXED:
        name, (table, row, column) = _FIXED[quantity_id]
        return Quantity(quantity_id, name, (_r(table, row, column),))
    parts = quantity_id.split(".")
    if parts[0] == "sangong":
        stage, item = parts[1], parts[2]
        label = _SANGONG_NAMES[item] + ("预算数" if stage == "budget" else "决算数")
        return Quantity(quantity_id, label, (_r("07", "amounts", f"{stage}.{item}"),))
    if parts[0] == "budget":
        stage, scope, base = parts[1], parts[2], ".".join(parts[3:])
        label = ("年初预算" if stage == "opening" else "调整预算") + _label(scope, base)
        return Quantity(quantity_id, label, _budget_refs(stage, scope, base))
    scope, base = parts[0], ".".join(parts[1:])
    if scope not in _SCOPE_NAMES:
        raise KeyError(quantity_id)
    return Quantity(quantity_id, _label(scope, base), _refs(scope, base))


def _label(scope: str, base: str) -> str:
    if base.startswith("category."):
        code = base.split(".", 1)[1]
        entry = default_catalog().lookup(code)
        return _SCOPE_NAMES[scope] + (entry.name if entry else code)
    return _SCOPE_NAMES[scope] + _BASE_NAMES.get(base, base)


_TOPIC_SCOPES = {
    "01": "all",
    "02": "all",
    "03": "all",
    "04": "appropriation",
    "05": "general_budget",
    "06": "general_budget",
    "07": "general_budget",
    "08": "gov_fund",
    "09": "state_capital",
}


def scope_of_topic(topic: str | None) -> str:
    """The scope a section's unqualified names have ("all" if unknown)."""
    return _TOPIC_SCOPES.get(topic or "", "all")


def base_of_topic(topic: str | None) -> str:
    """What a bare budget figure ("年初预算为 X 万元") is of, in a section."""
    return {"01": "income_expenditure", "02": "income_total", "04": "income_expenditure"}.get(
        topic or "", "expenditure_total"
    )


_QUALIFIERS = (
    ("general_budget", re.compile(r"一般公共预算(?:财政拨款)?")),
    ("gov_fund", re.compile(r"政府性基金(?:预算)?(?:财政拨款)?")),
    ("state_capital", re.compile(r"国有资本经营(?:预算)?(?:财政拨款)?")),
    ("appropriation", re.compile(r"财政拨款")),
)
_BASES = (
    ("closing_balance", re.compile(r"年末(?:财政拨款)?结转和?结余|年末结余|年末结转")),
    ("opening_balance", re.compile(r"年初(?:财政拨款)?结转和?结余|年初结余|上年结转")),
    ("personnel", re.compile(r"人员经费")),
    ("public", re.compile(r"公用经费")),
    ("basic", re.compile(r"基本支出")),
    ("project", re.compile(r"项目支出")),
    ("higher_level_subsidy", re.compile(r"上级补助收入")),
    ("service_revenue", re.compile(r"事业收入")),
    ("operating_revenue", re.compile(r"经营收入")),
    ("subsidiary_remittance", re.compile(r"附属单位上缴收入")),
    ("other_revenue", re.compile(r"其他收入")),
    ("income_expenditure", re.compile(r"收支")),
    ("income_total", re.compile(r"收入")),
    ("expenditure_total", re.compile(r"支出|决算数")),
)
_SANGONG = (
    ("outbound", re.compile(r"因公出国")),
    ("vehicle_purchase", re.compile(r"公务用车购置费|车辆购置费|公务用车购置(?!及|和)")),
    ("vehicle_operation", re.compile(r"公务用车运行|车辆运行")),
    ("vehicles", re.compile(r"公务用车")),
    ("reception", re.compile(r"公务接待")),
    ("total", re.compile(r"三公")),
)
_PROCUREMENT = (
    ("sme_amount", re.compile(r"中小企业")),
    ("goods", re.compile(r"货物")),
    ("works", re.compile(r"工程")),
    ("services", re.compile(r"服务")),
)
_STAFFING = (
    ("staffing.authorised", re.compile(r"编制")),
    ("staffing.actual", re.compile(r"实有")),
)


@functools.cache
def _categories() -> tuple[tuple[str, str], ...]:
    """(normalised name, code) of every functional 类, longest name first."""
    found: dict[str, str] = {}
    catalog = default_catalog()
    for entry in catalog.entries(None, scheme=Scheme.FUNCTIONAL, level=Level.CATEGORY):
        for older in catalog.history(entry.code):
            found.setdefault(normalise_label(older.name), entry.code)
    return tuple(sorted(found.items(), key=lambda pair: -len(pair[0])))


def _category(name: str) -> str | None:
    code = re.search(r"(?<!\d)(2\d\d)(?!\d)", name)
    if code is not None and default_catalog().lookup(code.group(1)) is not None:
        return code.group(1)
    for label, found in _categories():
        if label in name:
            return found
    return None


def bind_name(
    name: str,
    *,
    scope: str,
    parent: str | None = None,
    count: bool = False,
    budget_base: str = "expenditure_total",
) -> str | None:
    """The quantity id a name denotes, or ``None``.

    Args:
        name: The name as flat text ("2018年一般公共预算财政拨款基本支出决算数").
        scope: The scope to use when the name has no qualifier.
        parent: The quantity id of the total this name is a part of.
        count: Whether the figure is a count (only counts bind to 车辆, 编制).
        budget_base: What a budget figure that names no base is of.

    Returns:
        A quantity id, or ``None`` if the name denotes nothing the lexicon knows.
    """
    if count:
        if "车辆" in name or "公务用车" in name:
            return "vehicles"
        return next((qid for qid, pattern in _STAFFING if pattern.search(name)), None)

    if "政府采购" in name or "中小企业" in name or (parent or "").startswith("procurement."):
        found = next((f for f, pattern in _PROCUREMENT if pattern.search(name)), None)
        if found is not None or "政府采购" in name:
            return f"procurement.{found or 'total'}"
    if "机关运行经费" in name:
        return "running_costs"
    if re.search(r"三公|因公出国|公务用车|公务接待", name):
        stage = "budget" if _is_budget(name) else "actual"
        item = next(item for item, pattern in _SANGONG if pattern.search(name) or item == "total")
        return f"sangong.{stage}.{item}"

    own_scope = next((s for s, pattern in _QUALIFIERS if pattern.search(name)), None)
    if own_scope is None and "部门预算" in name:
        own_scope = "all"  # the department's whole budget, whatever the section
    if own_scope is None and parent is not None and parent.split(".")[0] in _SCOPE_NAMES:
        own_scope = parent.split(".")[0]
    scope = own_scope or scope

    base = _base(name)
    if base is None and _is_budget(name):
        base = budget_base
    if base is None:
        return None
    if _is_budget(name):
        stage = "adjusted" if re.search(r"调整|全年预算", name) else "opening"
        return f"budget.{stage}.{scope}.{base}"
    return f"{scope}.{base}"


def _base(name: str) -> str | None:
    for base, pattern in _BASES[:-3]:
        if pattern.search(name):
            return base
    category = _category(name)
    if category is not None:
        return f"category.{category}"
    for base, pattern in _BASES[-3:]:
        if pattern.search(name):
            return base
    return None


def _is_budget(name: str) -> bool:
    """Whether a name is a budget figure (预算数), not spending of a budget fund."""
    bare = re.sub(r"一般公共预算|政府性基金预算|国有资本经营预算", "", name)
    return "预算" in bare and "决算" not in bare


_COMPONENTS = {
    "income_total": frozenset(
        {
            "income_total",
            "higher_level_subsidy",
            "service_revenue",
            "operating_revenue",
            "subsidiary_remittance",
            "other_revenue",
        }
    ),
    "expenditure_total": frozenset({"expenditure_total", "basic", "project"}),
    "basic": frozenset({"personnel", "public"}),
}
_NARROWER = {
    "all": frozenset(_SCOPE_NAMES),
    "appropriation": frozenset({"appropriation", "general_budget", "gov_fund", "state_capital"}),
}
_SANGONG_PARTS = {
    "total": frozenset(
        {"outbound", "vehicles", "vehicle_purchase", "vehicle_operation", "reception"}
    ),
    "vehicles": frozenset({"vehicle_purchase", "vehicle_operation"}),
}
_PARTITIONS = (
    ("basic", frozenset({"personnel", "public"})),
    ("expenditure_total", frozenset({"basic", "project"})),
)
_PROCUREMENT_PARTS = frozenset({"procurement.goods", "procurement.works", "procurement.services"})


def _split(quantity_id: str) -> tuple[str, str]:
    scope, _, base = quantity_id.partition(".")
    return scope, base


def is_part(total: str, part: str) -> bool:
    """Whether ``part`` can be one of the parts a text lists under ``total`` (其中…).

    >>> is_part("general_budget.basic", "general_budget.personnel")
    True
    >>> is_part("all.expenditure_total", "all.closing_balance")
    False
    """
    if total == "procurement.total":
        return part in _PROCUREMENT_PARTS
    if total.startswith("sangong.") and part.startswith("sangong."):
        (_, stage, item), (_, part_stage, part_item) = total.split("."), part.split(".")
        return stage == part_stage and part_item in _SANGONG_PARTS.get(item, frozenset())
    scope, base = _split(total)
    part_scope, part_base = _split(part)
    if scope not in _SCOPE_NAMES or part_scope not in _SCOPE_NAMES:
        return False
    if part_scope != scope and part_scope not in _NARROWER.get(scope, frozenset()):
        return False
    if part_base.startswith("category."):
        return base == "expenditure_total"
    return part_base in _COMPONENTS.get(base, frozenset()) and part != total


def is_partition(total: str, parts: frozenset[str]) -> bool:
    """Whether ``parts`` together make up all of ``total`` (so they must add up).

    Personnel and public costs make up basic expenditure; basic and project
    expenditure make up general-budget spending; goods, works and services
    make up procurement; the “三公” items make up their total.

    >>> is_partition("procurement.total", frozenset(
    ...     {"procurement.goods", "procurement.works", "procurement.services"}))
    True
    >>> is_partition("all.expenditure_total", frozenset({"all.basic", "all.project"}))
    False
    """
    if total == "procurement.total":
        return parts == _PROCUREMENT_PARTS
    if total.startswith("sangong."):
        _, stage, item = total.split(".")
        items = {p.split(".")[-1] for p in parts if p.startswith(f"sangong.{stage}.")}
        if item == "vehicles":
            return items == {"vehicle_purchase", "vehicle_operation"}
        return item == "total" and (
            items == {"outbound", "vehicles", "reception"}
            or items == {"outbound", "vehicle_purchase", "vehicle_operation", "reception"}
        )
    scope, base = _split(total)
    bases = {_split(p)[1] for p in parts if _split(p)[0] == scope}
    for whole, members in _PARTITIONS:
        if base == whole and bases == members:
            # All-funds spending also has 上缴上级支出, 经营支出 and the like.
            return not (whole == "expenditure_total" and scope == "all")
    return False


def budget_for(quantity_id: str | None, stage: str) -> str | None:
    """The budget quantity an actual one is measured against.

    >>> budget_for("general_budget.expenditure_total", "opening")
    'budget.opening.general_budget.expenditure_total'
    >>> budget_for("sangong.actual.reception", "opening")
    'sangong.budget.reception'
    """
    if quantity_id is None or quantity_id.startswith(("budget.", "sangong.budget.")):
        return None
    if quantity_id.startswith("sangong.actual."):
        return "sangong.budget." + quantity_id.removeprefix("sangong.actual.")
    if _split(quantity_id)[0] not in _SCOPE_NAMES:
        return None
    return f"budget.{stage}.{quantity_id}"


def default_denominator(quantity_id: str | None) -> str | None:
    """The whole a share of ``quantity_id`` is taken of, when the text names none.

    Income → 本年收入合计, spending → 本年支出合计 (DOMAIN N-2), “三公” items
    → the “三公” total, the SME amount → the procurement total.
    """
    if quantity_id is None:
        return None
    if quantity_id == "procurement.sme_amount" or quantity_id.startswith("procurement."):
        return "procurement.total"
    if quantity_id.startswith("sangong."):
        return "sangong." + quantity_id.split(".")[1] + ".total"
    scope, base = _split(quantity_id)
    if scope not in _SCOPE_NAMES:
        return None
    if base in _COMPONENTS["income_total"]:
        return "all.income_total"
    return "all.expenditure_total"

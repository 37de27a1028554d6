"""JSON: load and dump disclosures losslessly.

Amounts travel as strings, so that "16.0" and "16.00" stay distinct: table
cells as the bare figure (the table carries the unit), amounts elsewhere
with their unit ("95.18 万元"). Blanks travel as the text they were printed
with. Every file carries a ``schema_version``; a newer major version is
refused rather than half-read.

>>> from govbudget.examples import load as load_example
>>> disclosure = load_example("futian-housing-2018")
>>> loads(dumps(disclosure)) == disclosure
True
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any, TypeVar

import attrs
import cattrs
from cattrs import transform_error
from cattrs.errors import ClassValidationError, IterableValidationError

from govbudget.amounts import Amount, Blank, Percent, Unit, parse_amount
from govbudget.disclosure import Disclosure, table_class
from govbudget.errors import (
    DocumentError,
    GovBudgetError,
    Problem,
    SchemaVersionError,
    WrongTypeError,
)
from govbudget.performance import (
    DepartmentTargetForm,
    Form,
    IndicatorValue,
    LegacySelfEvaluation,
    ProjectTargetForm,
    SelfEvaluation,
)
from govbudget.tables import Row, Table, layout_for

__all__ = ["SCHEMA_VERSION", "converter", "dump", "dumps", "load", "loads"]

SCHEMA_VERSION = "1.0"
"""The version of the JSON format this govbudget writes."""

T = TypeVar("T")


def _cell_text(cell: Amount | Blank) -> str:
    if isinstance(cell, Blank):
        return cell.text
    if cell.decimals < 0:
        # Coarser than units: keep the exponent so the precision survives.
        return f"{cell.value.scaleb(cell.decimals)}E+{-cell.decimals}"
    return str(cell)


_CANONICAL_FIGURE = re.compile(r"-?[0-9]{1,20}(?:\.[0-9]{1,20})?\Z")
"""A figure as :func:`dumps` writes it; anything else takes the full parser."""


_CELLS: dict[Unit, dict[str, Amount | Blank]] = {unit: {} for unit in Unit}
"""Cells already read, per unit. Cells are immutable, so the same text in the
same unit ("0.00" above all) is read once and shared."""
_CELLS_KEPT = 65536


def _parse_cell(
    text: object, unit: Unit, cache: dict[str, Amount | Blank] | None = None
) -> Amount | Blank:
    """The cell a JSON string stands for, from ``cache`` (the unit's) if read before."""
    if not isinstance(text, str):
        raise ValueError(f'expected a figure as a string such as "16.00", got {text!r}')
    if cache is None:
        cache = _CELLS[unit]
    cell = cache.get(text)
    if cell is None:
        cell = _cell_of(text, unit)
        if len(cache) >= _CELLS_KEPT:
            cache.clear()
        cache[text] = cell
    return cell


def _cell_of(text: str, unit: Unit) -> Amount | Blank:
    """The cell a JSON string stands for."""
    if _CANONICAL_FIGURE.match(text):
        return Amount(Decimal(text), unit)
    if "E+" in text:
        mantissa, exponent = text.split("E+")
        value = Decimal(mantissa).scaleb(int(exponent))
        return Amount(value, unit, -int(exponent))
    return parse_amount(text, unit)


def _standalone_text(amount: Amount | Blank) -> str:
    if isinstance(amount, Blank):
        return amount.text
    return f"{_cell_text(amount)} {amount.unit.value}"


def _parse_standalone(text: object) -> Amount | Blank:
    if not isinstance(text, str):
        raise ValueError(f'expected an amount as a string such as "95.18 万元", got {text!r}')
    stripped = text.strip()
    for unit in Unit:
        if stripped.endswith(" " + unit.value):
            return _parse_cell(stripped[: -len(unit.value) - 1], unit)
    return parse_amount(stripped)


def _unstructure_table(table: Table) -> dict[str, Any]:
    rows = []
    for row in table.rows:
        item: dict[str, Any] = {"key": row.key, "label": row.label}
        if row.ordinal is not None:
            item["ordinal"] = row.ordinal
        if row.side is not None:
            item["side"] = row.side
        item["cells"] = {column: _cell_text(cell) for column, cell in row.cells.items()}
        if row.line is not None:
            item["line"] = row.line
        if row.page is not None:
            item["page"] = row.page
        rows.append(item)
    out: dict[str, Any] = {
        "layout": table.layout.name,
        "unit": table.unit.value,
        "title": table.title,
        "note": table.note,
        "rows": rows,
    }
    if table.line is not None:
        out["line"] = table.line
    return out


def _structure_tables(data: object, _: object) -> dict[str, Table]:
    """Structure the ``tables`` mapping, collecting every problem with its path."""
    if not isinstance(data, Mapping):
        raise _Problems([Problem("", "expected an object of table id → table")])
    tables: dict[str, Table] = {}
    problems: list[Problem] = []
    for table_id, raw in data.items():
        path = f'["{table_id}"]'
        try:
            tables[table_id] = _structure_table(str(table_id), raw, path, problems)
        except _Skip:
            continue
        except GovBudgetError as error:
            problems.append(Problem(path, str(error)))
    if problems:
        raise _Problems(problems)
    return tables


def _is_object(value: object) -> bool:
    """Whether a value is a JSON object (``json.loads`` gives dicts; the ABC
    check is the slow path for other mappings)."""
    return type(value) is dict or isinstance(value, Mapping)


class _Skip(Exception):
    """A table whose problems were recorded; go on with the next one."""


def _structure_table(table_id: str, raw: object, path: str, problems: list[Problem]) -> Table:
    if not isinstance(raw, Mapping):
        problems.append(Problem(path, "expected an object with layout, unit and rows"))
        raise _Skip
    before = len(problems)
    cls = table_class(table_id)
    layout = unit = None
    try:
        layout = layout_for(table_id, name=str(raw.get("layout")))
    except GovBudgetError as error:
        problems.append(Problem(f"{path}.layout", str(error)))
    try:
        unit = Unit(raw.get("unit", Unit.WAN.value))
    except ValueError:
        problems.append(Problem(f"{path}.unit", "expected 元, 万元 or 亿元"))

    rows: list[Row] = []
    raw_rows = raw.get("rows")
    if not isinstance(raw_rows, list):
        problems.append(Problem(f"{path}.rows", "expected a list of rows"))
        raw_rows = []
    cell_unit = unit or Unit.WAN
    cache = _CELLS[cell_unit]
    for index, raw_row in enumerate(raw_rows):
        if not _is_object(raw_row) or not isinstance(raw_row.get("key"), str):
            where = f"{path}.rows[{index}]"
            problems.append(Problem(where, "expected an object with a string key"))
            continue
        cells: dict[str, Amount | Blank] = {}
        raw_cells = raw_row.get("cells", {})
        if not _is_object(raw_cells):
            problems.append(
                Problem(f"{path}.rows[{index}].cells", "expected an object of column → figure")
            )
            continue
        for column, text in raw_cells.items():
            try:
                cells[column] = _parse_cell(text, cell_unit, cache)
            except (GovBudgetError, ValueError, ArithmeticError) as error:
                where = f"{path}.rows[{index}].cells.{column}"
                problems.append(Problem(where, str(error).split("\n")[0]))
        rows.append(
            Row(
                key=raw_row["key"],
                label=str(raw_row.get("label", "")),
                cells=cells,
                ordinal=raw_row.get("ordinal"),
                side=raw_row.get("side"),
                line=raw_row.get("line"),
                page=raw_row.get("page"),
            )
        )
    if len(problems) > before or layout is None or unit is None:
        raise _Skip

    try:
        return cls(
            layout,
            tuple(rows),
            unit=unit,
            title=raw.get("title"),
            note=raw.get("note"),
            line=raw.get("line"),
        )
    except GovBudgetError as error:
        location = getattr(error, "location", None)
        found_at = next(
            (i for i, built in enumerate(rows) if location and built.key == location.row), None
        )
        where = f"{path}.rows[{found_at}]" if found_at is not None else path
        if location is not None and location.column and found_at is not None:
            where += f".cells.{location.column}"
        problems.append(Problem(where, getattr(error, "reason", str(error))))
        raise _Skip from None


class _Problems(Exception):
    """Problems found inside a custom hook, with paths relative to it."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(f"{len(problems)} problems")
        self.problems = problems


def _make_converter() -> cattrs.Converter:
    conv = cattrs.Converter(detailed_validation=True, forbid_extra_keys=True)

    conv.register_unstructure_hook(Amount, _standalone_text)
    conv.register_unstructure_hook(Blank, _standalone_text)
    conv.register_unstructure_hook(Percent, str)
    conv.register_unstructure_hook(Decimal, str)
    conv.register_structure_hook(Decimal, lambda v, _: _decimal(v))
    conv.register_structure_hook(Percent, lambda v, _: Percent.parse(v))
    for hint in (Amount, Amount | Blank, Amount | Blank | None):
        conv.register_structure_hook(hint, _structure_amount_like(hint))

    conv.register_unstructure_hook(Table, _unstructure_table)
    conv.register_unstructure_hook_func(
        lambda t: isinstance(t, type) and issubclass(t, Table), _unstructure_table
    )
    conv.register_structure_hook_func(lambda t: t == Mapping[str, Table], _structure_tables)
    conv.register_unstructure_hook_func(
        lambda t: t == Mapping[str, Table],
        lambda tables: {k: _unstructure_table(v) for k, v in tables.items()},
    )
    conv.register_structure_hook_func(lambda t: t == Mapping[str, str], lambda v, _: _string_map(v))
    conv.register_unstructure_hook_func(lambda t: t == Mapping[str, str], dict)

    _register_forms(conv)
    return conv


_FORM_TAGS: dict[type, str] = {
    ProjectTargetForm: "project_target",
    DepartmentTargetForm: "department_target",
    SelfEvaluation: "self_evaluation",
    LegacySelfEvaluation: "legacy_self_evaluation",
}
_FORM_CLASSES = {tag: cls for cls, tag in _FORM_TAGS.items()}


def _register_forms(conv: cattrs.Converter) -> None:
    """Performance forms travel as objects tagged with their kind: ``{"form": …}``."""
    conv.register_unstructure_hook(IndicatorValue, str)
    conv.register_structure_hook(IndicatorValue, lambda v, _: IndicatorValue.parse(v))

    def unstructure(form: Form) -> dict[str, Any]:
        body: dict[str, Any] = conv.unstructure(form, type(form))
        return {"form": _FORM_TAGS[type(form)], **body}

    def structure(data: object, _: object) -> Form:
        if not isinstance(data, Mapping) or data.get("form") not in _FORM_CLASSES:
            kinds = ", ".join(_FORM_CLASSES)
            raise ValueError(f"expected an object with \"form\" one of: {kinds}")
        body = {k: v for k, v in data.items() if k != "form"}
        form: Form = conv.structure(body, _FORM_CLASSES[data["form"]])
        return form

    conv.register_unstructure_hook_func(lambda t: t == Form, unstructure)
    conv.register_structure_hook_func(lambda t: t == Form, structure)


def _decimal(value: object) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise ValueError(f"expected a number as a string, got {value!r}")
    return Decimal(value)


def _string_map(value: object) -> dict[str, str]:
    if not isinstance(value, Mapping) or not all(isinstance(v, str) for v in value.values()):
        raise ValueError("expected an object of strings")
    return {str(k): v for k, v in value.items()}


def _structure_amount_like(hint: object) -> Callable[[object, object], Amount | Blank | None]:
    allows_none = hint == Amount | Blank | None
    allows_blank = hint != Amount

    def structure(value: object, _: object) -> Amount | Blank | None:
        if value is None and allows_none:
            return None
        cell = _parse_standalone(value)
        if isinstance(cell, Blank) and not allows_blank:
            raise ValueError(f"expected an amount, got the blank {value!r}")
        return cell

    return structure


converter = _make_converter()
"""The cattrs converter behind :func:`load` and :func:`dump`."""


def to_data(disclosure: Disclosure) -> dict[str, Any]:
    """The disclosure as plain JSON-ready data, ``schema_version`` first."""
    data: dict[str, Any] = converter.unstructure(disclosure)
    data.pop("source", None)
    return {"schema_version": SCHEMA_VERSION, **data}


def from_data(data: object, source: str = "<data>") -> Disclosure:
    """A disclosure from plain data, every problem reported at once.

    Raises:
        DocumentError: listing every problem with its JSON path.
        SchemaVersionError: for a newer major ``schema_version``.
    """
    if not isinstance(data, dict):
        raise DocumentError(source, [Problem("$", "expected a JSON object")])
    body = dict(data)
    version = body.pop("schema_version", None)
    if not isinstance(version, str):
        raise DocumentError(source, [Problem("$.schema_version", f'expected "{SCHEMA_VERSION}"')])
    if version.split(".")[0] != SCHEMA_VERSION.split(".")[0]:
        if version.split(".")[0].isdigit() and int(version.split(".")[0]) > 1:
            raise SchemaVersionError(source, version, SCHEMA_VERSION)
        raise DocumentError(source, [Problem("$.schema_version", f'expected "{SCHEMA_VERSION}"')])

    try:
        disclosure = converter.structure(body, Disclosure)
    except (ClassValidationError, IterableValidationError) as error:
        raise DocumentError(source, _problems_of(error)) from None
    return attrs.evolve(disclosure, source=source if source != "<data>" else None)


def _problems_of(error: Exception) -> list[Problem]:
    problems: list[Problem] = []

    def describe(exc: BaseException, _type: Any) -> str:
        if isinstance(exc, _Problems):
            return "\x00".join(f"{p.path}\x01{p.message}" for p in exc.problems)
        if isinstance(exc, KeyError):
            return "required field missing"
        text = str(exc).split("\n")[0]
        if isinstance(exc, GovBudgetError):
            return text
        if "extra fields" in text:
            return f"unexpected keys: {text.split(':', 1)[-1].strip()}"
        expected = getattr(_type, "__name__", str(_type))
        return f"invalid value, expected {expected}: {text}" if text else f"expected {expected}"

    for line in transform_error(error, path="$", format_exception=describe):
        message, _, path = line.rpartition(" @ ")
        if "\x01" in message:
            for item in message.split("\x00"):
                sub_path, sub_message = item.split("\x01")
                problems.append(Problem(f"{path}{sub_path}", sub_message))
        else:
            problems.append(Problem(path, message))
    return problems


def dumps(disclosure: Disclosure, *, indent: int | None = 2) -> str:
    """The disclosure as a JSON string."""
    return json.dumps(to_data(disclosure), ensure_ascii=False, indent=indent)


def loads(text: str, *, source: str = "<string>") -> Disclosure:
    """A disclosure from a JSON string.

    Raises:
        DocumentError: for invalid JSON or content, every problem with its path.
        SchemaVersionError: for a newer major ``schema_version``.
    """
    if not isinstance(text, str):
        raise WrongTypeError(text, "JSON text as a string")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        where = f"line {error.lineno}, column {error.colno}"
        raise DocumentError(source, [Problem(where, f"not valid JSON: {error.msg}")]) from None
    except (ValueError, RecursionError) as error:
        raise DocumentError(source, [Problem("$", f"not readable JSON: {error}")]) from None
    return from_data(data, source)


def dump(disclosure: Disclosure, path: str | Path) -> None:
    """Write the disclosure as JSON (UTF-8) to ``path``."""
    Path(path).write_text(dumps(disclosure) + "\n", encoding="utf-8")


def load(path: str | Path) -> Disclosure:
    """Read a disclosure from a JSON file.

    Raises:
        DocumentError: if the file cannot be read or has problems.
        SchemaVersionError: for a newer major ``schema_version``.
    """
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise DocumentError(str(path), [Problem("$", f"cannot read the file: {error}")]) from None
    return loads(text, source=str(path))

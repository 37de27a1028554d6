"""A JSON Schema of the govbudget disclosure format, built from the layouts."""

from __future__ import annotations

from typing import Any

from govbudget.amounts import Unit
from govbudget.disclosure import DisclosureKind
from govbudget.entity import ReportingLevel, UnitKind
from govbudget.serialize import SCHEMA_VERSION
from govbudget.tables import FINAL_ACCOUNTS_TABLES, layouts_of

__all__ = ["disclosure_schema"]

_FIGURE = r"^(-?\d+(\.\d+)?(E\+\d+)?|-|--|—|——|–|/|不适用|无|)$"
_AMOUNT_WITH_UNIT = r"^(-?\d+(\.\d+)?(E\+\d+)? (元|万元|亿元)|-|—|/|不适用|)$"


def _string(nullable: bool = False) -> dict[str, Any]:
    return {"type": ["string", "null"]} if nullable else {"type": "string"}


def _amount(nullable: bool = True) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": "string", "pattern": _AMOUNT_WITH_UNIT}
    return {"anyOf": [schema, {"type": "null"}]} if nullable else schema


def _table_schema(table_id: str) -> dict[str, Any]:
    layouts = layouts_of(table_id)
    columns = sorted({c.id for layout in layouts for side in layout.sides for c in side.columns})
    return {
        "type": "object",
        "required": ["layout", "rows"],
        "additionalProperties": False,
        "properties": {
            "layout": {"enum": [layout.name for layout in layouts]},
            "unit": {"enum": [unit.value for unit in Unit]},
            "title": _string(nullable=True),
            "note": _string(nullable=True),
            "line": {"type": ["integer", "null"]},
            "rows": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["key"],
                    "additionalProperties": False,
                    "properties": {
                        "key": {"type": "string"},
                        "label": {"type": "string"},
                        "ordinal": {"type": ["integer", "null"]},
                        "side": {"enum": ["income", "expenditure", "main", None]},
                        "line": {"type": ["integer", "null"]},
                        "page": {"type": ["integer", "null"]},
                        "cells": {
                            "type": "object",
                            "additionalProperties": False,
                            "properties": {
                                column: {"type": "string", "pattern": _FIGURE} for column in columns
                            },
                        },
                    },
                },
            },
        },
    }


def disclosure_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a disclosure file.

    >>> schema = disclosure_schema()
    >>> sorted(schema["properties"]["tables"]["properties"])[:3]
    ['01', '02', '03']
    """
    text = _string()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://govbudget.invalid/schema/disclosure-{SCHEMA_VERSION}.json",
        "title": "govbudget disclosure",
        "type": "object",
        "required": ["schema_version", "entity", "year"],
        "properties": {
            "schema_version": {"type": "string", "pattern": r"^1\.\d+$"},
            "entity": {
                "type": "object",
                "required": ["name"],
                "properties": {
                    "name": text,
                    "department": _string(nullable=True),
                    "kind": {"enum": [k.value for k in UnitKind] + [None]},
                    "level": {"enum": [level.value for level in ReportingLevel]},
                    "region": _string(nullable=True),
                },
            },
            "year": {"type": "integer"},
            "kind": {"enum": [k.value for k in DisclosureKind]},
            "title": text,
            "tables": {
                "type": "object",
                "additionalProperties": False,
                "properties": {
                    table_id: _table_schema(table_id) for table_id in FINAL_ACCOUNTS_TABLES
                },
            },
            "empty_statements": {"type": "object", "additionalProperties": text},
            "overview": {"type": "object"},
            "narrative": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["number", "title", "text"],
                    "properties": {
                        "number": text,
                        "title": text,
                        "text": text,
                        "line": {"type": ["integer", "null"]},
                        "topic": _string(nullable=True),
                    },
                },
            },
            "other_matters": {
                "type": "object",
                "properties": {
                    "running_costs": _amount(),
                    "procurement": {
                        "type": "object",
                        "properties": {
                            **{
                                k: _amount()
                                for k in ("total", "goods", "works", "services", "sme_amount")
                            },
                            "sme_share": {
                                "type": ["string", "null"],
                                "pattern": r"^-?\d+(\.\d+)?%$",
                            },
                        },
                    },
                },
            },
            "glossary": {"type": "array"},
            "attachments": {"type": "array"},
            "performance_forms": {"type": "array"},
        },
    }

"""The tables of a flat export and their typed columns, read from the model's one declaration.

Each record kind is a table; each list of nested records in it (an agreement's provisions, an event's
sources, a gathering's sessions) is a child table keyed by its parent's id and the item's position.
A language map is one column per language (``title_en``, ``title_ko``); a list of plain values is one
text column, its values joined by `` | ``. Column types, labels, allowed codes and foreign keys all come
from the fields of :mod:`peacetrack.model.records` (their annotations and ``label(...)``), so CSV, its
``datapackage.json`` and Parquet's Arrow schema cannot drift from the model.
"""

from __future__ import annotations

import types
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import Enum
from functools import cache
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from peacetrack.model.languages import LANGS
from peacetrack.model.records import KINDS

JOIN = " | "
"""Between the values of a list in one cell."""

ColumnType = Literal["string", "date", "integer", "number", "boolean"]
"""Frictionless Table Schema types (https://specs.frictionlessdata.io/table-schema/)."""

# Child tables get names people already use.
_CHILD_NAMES = {("agreements", "provisions"): "provisions"}
# Where a reference's target lives as a table with an ``id`` column.
_TARGET_TABLES = {
    "actor": "actors",
    "theme": "themes",
    "agreement": "agreements",
    "provision": "provisions",
    "event": "events",
}


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    type: ColumnType
    title: dict[str, str]
    required: bool = False
    enum: tuple[Any, ...] = ()
    refers: str | None = None
    """The table whose ``id`` this column holds (one id per cell: a foreign key)."""


@dataclass(frozen=True, slots=True)
class Field:
    """How one field of a model becomes columns (or a child table)."""

    name: str
    shape: Literal["text", "texts", "list", "value", "child"]
    column: Column | None = None
    """For ``list`` and ``value`` fields: the one column."""
    child: str | None = None
    """For ``child`` fields: the child table's name."""
    title: dict[str, str] | None = None
    required: bool = False


@dataclass(frozen=True, slots=True)
class Table:
    name: str
    model: type[BaseModel]
    fields: tuple[Field, ...]
    parent_key: str | None = None
    """A child table's column naming its parent (``agreement_id``), before ``position``."""
    parent: str | None = None

    def columns(self, languages: Sequence[str]) -> list[Column]:
        """Every column of this table, in order, with one per language for each language map."""
        out: list[Column] = []
        if self.parent_key is not None and self.parent is not None:
            out.append(Column(self.parent_key, "string", {"en": "Belongs to"}, True, refers=self.parent))
            out.append(Column("position", "integer", {"en": "Position in the list"}, True))
        for field in self.fields:
            if field.column is not None:
                out.append(field.column)
            elif field.shape in ("text", "texts") and field.title is not None:
                for lang in languages:
                    required = field.required and lang == "en"
                    out.append(Column(f"{field.name}_{lang}", "string", _in(field.title, lang), required))
        return out


def singular(table: str) -> str:
    return table[:-2] if table.endswith("sses") else table[:-1]


def _in(title: dict[str, str], lang: str) -> dict[str, str]:
    return {k: f"{v} ({lang})" for k, v in title.items()}


def _bare(annotation: Any) -> tuple[Any, bool, bool]:
    """(the annotation without Annotated and None, whether it was optional, whether it is a list)."""
    optional = False
    while True:
        origin = get_origin(annotation)
        if origin is Annotated:
            annotation = get_args(annotation)[0]
        elif origin in (Union, types.UnionType):
            args = [a for a in get_args(annotation) if a is not type(None)]
            optional = optional or len(args) < len(get_args(annotation))
            if len(args) != 1:
                raise TypeError(f"no export column type for {annotation!r}")
            annotation = args[0]
        else:
            break
    if get_origin(annotation) in (list, tuple):
        inner, _, _ = _bare(get_args(annotation)[0])
        return inner, optional, True
    return annotation, optional, False


def _type(annotation: Any) -> tuple[ColumnType, tuple[Any, ...]]:
    if get_origin(annotation) is Literal:
        values = get_args(annotation)
        kind: ColumnType = "integer" if all(isinstance(v, int) for v in values) else "string"
        return kind, values
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return "string", tuple(member.value for member in annotation)
    for python, name in ((bool, "boolean"), (int, "integer"), (float, "number"), (date, "date")):
        if annotation is python:
            return name, ()  # type: ignore[return-value]
    if annotation is str:
        return "string", ()
    raise TypeError(f"no export column type for {annotation!r}")


def _extra(info: FieldInfo) -> dict[str, Any]:
    return info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}


def _field(table: str, name: str, info: FieldInfo, tables: dict[str, Table]) -> Field:
    extra = _extra(info)
    title: dict[str, str] = dict(extra.get("label") or {"en": name})
    inner, optional, many = _bare(info.annotation)
    required = info.is_required() and not optional
    if get_origin(inner) is dict:  # a language map (Text), or a list of them
        return Field(name, "texts" if many else "text", title=title, required=required)
    if isinstance(inner, type) and issubclass(inner, BaseModel):
        if not many:
            raise TypeError(f"{table}.{name}: a single nested record has no export shape")
        child = _CHILD_NAMES.get((table, name), f"{singular(table)}_{name}")
        _walk(child, inner, tables, parent_key=f"{singular(table)}_id", parent=table)
        return Field(name, "child", child=child)
    refers = extra.get("refers")
    if many:  # a list of plain values: one text cell
        return Field(name, "list", Column(name, "string", title, False))
    kind, enum = _type(inner)
    target = _TARGET_TABLES.get(refers) if isinstance(refers, str) else None
    return Field(name, "value", Column(name, kind, title, required, enum, target))


def _walk(
    name: str, model: type[BaseModel], tables: dict[str, Table], parent_key: str | None, parent: str | None
) -> None:
    fields = tuple(_field(name, f, info, tables) for f, info in model.model_fields.items())
    tables[name] = Table(name, model, fields, parent_key, parent)


@cache
def export_tables() -> dict[str, Table]:
    """Every table of a flat export, each record kind's first, then its child tables."""
    tables: dict[str, Table] = {}
    for kind, model in KINDS.items():
        found: dict[str, Table] = {}
        _walk(kind, model, found, None, None)
        tables[kind] = found.pop(kind)
        tables.update(found)
    return tables


def languages(seen: set[str], declared: Sequence[str] = ()) -> list[str]:
    """The languages a flat export has columns for: the site's, the processes' and any other a text is
    written in, English first."""
    every = {*LANGS, *declared, *seen}
    return sorted(every, key=lambda lang: (lang != "en", lang not in LANGS, lang))


__all__ = ["JOIN", "Column", "ColumnType", "Field", "Table", "export_tables", "languages", "singular"]

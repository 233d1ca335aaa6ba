"""What a flat export's tables are, for the tools that read them: a Frictionless Data Package descriptor
beside the CSV files, and a fixed Arrow schema for each Parquet file. Both are read from the columns
:mod:`peacetrack.bundle.columns` derives from the model.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from peacetrack.bundle.columns import Column, export_tables

DESCRIPTOR = "datapackage.json"
NAME = "peacetrack-export"


def _field(column: Column) -> dict[str, Any]:
    field: dict[str, Any] = {"name": column.name, "type": column.type, "title": column.title.get("en", "")}
    if "ko" in column.title:
        field["title_ko"] = column.title["ko"]  # a property of our own: the Korean label
    if column.type == "date":
        field["format"] = "default"  # ISO 8601 calendar dates
    constraints: dict[str, Any] = {}
    if column.required:
        constraints["required"] = True
    if column.enum:
        constraints["enum"] = list(column.enum)
    if constraints:
        field["constraints"] = constraints
    return field


def _schema(name: str, columns: Sequence[Column]) -> dict[str, Any]:
    table = export_tables()[name]
    schema: dict[str, Any] = {"fields": [_field(c) for c in columns], "missingValues": [""]}
    by_name = {c.name: c for c in columns}
    if table.parent_key is not None:
        schema["primaryKey"] = [table.parent_key, "position"]
    elif "id" in by_name and by_name["id"].required:
        schema["primaryKey"] = ["id"]
    keys = []
    for column in columns:
        if column.refers is not None:
            # A reference within the same table is written with an empty resource name.
            resource = "" if column.refers == name else column.refers
            keys.append({"fields": column.name, "reference": {"resource": resource, "fields": "id"}})
    if keys:
        schema["foreignKeys"] = keys
    return schema


def descriptor(tables: Mapping[str, Sequence[Column]]) -> dict[str, Any]:
    """A Tabular Data Package (https://specs.frictionlessdata.io/tabular-data-package/) for these tables,
    each in ``{name}.csv``."""
    return {
        "profile": "tabular-data-package",
        "name": NAME,
        "title": "peacetrack export",
        "resources": [
            {
                "name": name,
                "path": f"{name}.csv",
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "dialect": {"delimiter": ",", "lineTerminator": "\n", "header": True},
                "schema": _schema(name, columns),
            }
            for name, columns in tables.items()
        ],
    }


def arrow_schema(columns: Sequence[Column]) -> Any:
    """The Arrow schema of one table: a type for each column, its labels as field metadata."""
    import pyarrow as pa

    types = {
        "string": pa.string(),
        "date": pa.date32(),
        "integer": pa.int64(),
        "number": pa.float64(),
        "boolean": pa.bool_(),
    }
    return pa.schema(
        [
            pa.field(
                c.name,
                types[c.type],
                nullable=not c.required,
                metadata={f"title_{lang}": text for lang, text in c.title.items()},
            )
            for c in columns
        ]
    )


__all__ = ["DESCRIPTOR", "NAME", "arrow_schema", "descriptor"]

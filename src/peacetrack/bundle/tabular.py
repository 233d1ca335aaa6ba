"""Flat exports for spreadsheet and dataframe users: CSV (folder or zip, with a Frictionless
``datapackage.json``) and Parquet (a fixed Arrow schema per table).

The tables and their typed columns are derived from the model (:mod:`peacetrack.bundle.columns`):
each record kind is a table, nested lists of records (provisions, sources, effects, demands, sessions)
child tables keyed by their parent's id, language maps one column per language (``title_en``,
``title_ko``). Every table is written, empty ones with their header, so a tool reads the same files from
every export.
"""

from __future__ import annotations

import csv
import io
import os
import shutil
import tempfile
import zipfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import orjson
from sqlalchemy import Connection

from peacetrack.bundle.columns import JOIN, Column, Table, export_tables, languages
from peacetrack.bundle.datapackage import DESCRIPTOR, arrow_schema, descriptor
from peacetrack.bundle.export import Progress, bundle, iter_docs
from peacetrack.model.records import KINDS

Tables = dict[str, list[dict[str, Any]]]


@dataclass(frozen=True, slots=True)
class Flat:
    """A flat export: rows per table, and the languages its text columns are in."""

    rows: Tables
    languages: list[str]

    def columns(self, name: str) -> list[Column]:
        return export_tables()[name].columns(self.languages)


def _flatten(table: Table, doc: dict[str, Any], out: Tables, seen: set[str]) -> dict[str, Any]:
    row: dict[str, Any] = {}
    for field in table.fields:
        value = doc.get(field.name)
        if field.shape == "text":
            for lang, text in (value or {}).items():
                row[f"{field.name}_{lang}"] = text
                seen.add(lang)
        elif field.shape == "texts":
            langs = sorted({lang for item in value or () for lang in item})
            seen.update(langs)
            for lang in langs:
                row[f"{field.name}_{lang}"] = JOIN.join(item.get(lang, "") for item in value or ())
        elif field.shape == "list":
            row[field.name] = JOIN.join(str(v) for v in value or ())
        elif field.shape == "value":
            row[field.name] = value
        elif field.child is not None:
            child = export_tables()[field.child]
            key = child.parent_key or ""
            parent = str(doc.get("id", ""))
            for pos, item in enumerate(value or ()):
                crow = {key: parent, "position": pos} | _flatten(child, item, out, seen)
                out[field.child].append(crow)
    return row


def tables(conn: Connection, progress: Progress | None = None, process: str | None = None) -> Flat:
    """Every table of a flat export (:mod:`peacetrack.bundle.columns`), empty ones included; with
    ``process``, that peace process only."""
    out: Tables = {name: [] for name in export_tables()}
    seen: set[str] = set()
    declared: list[str] = []
    chosen = None if process is None else bundle(conn, process=process)
    for i, kind in enumerate(KINDS, 1):
        if progress:
            progress("read", i - 1, len(KINDS))
        table = export_tables()[kind]
        for doc in iter_docs(conn, kind) if chosen is None else chosen.get(kind, []):
            out[kind].append(_flatten(table, doc, out, seen))
            if kind == "processes":
                declared += doc.get("languages") or []
    return Flat(out, languages(seen, declared))


def formula_safe(value: Any) -> Any:
    """A text a spreadsheet would run as a formula ("=HYPERLINK(…)", "+1", "@SUM") gets a leading quote;
    numbers and everything else stay as they are."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def _csv_bytes(columns: list[Column], rows: list[dict[str, Any]]) -> bytes:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=[c.name for c in columns], lineterminator="\n")
    writer.writeheader()
    writer.writerows({key: formula_safe(value) for key, value in row.items()} for row in rows)
    return buf.getvalue().encode("utf-8")


def _replace(tmp: Path, out: Path) -> None:
    # Write beside the target, then swap it in: no half-written export stays behind.
    if out.exists():
        if out.is_dir():
            shutil.rmtree(out)
        else:
            out.unlink()
    os.replace(tmp, out)


def write_csv(flat: Flat, out: Path) -> list[str]:
    """One CSV file per table and a Frictionless ``datapackage.json`` describing them, in a folder or a
    ``.zip``."""
    out.parent.mkdir(parents=True, exist_ok=True)
    files = {f"{name}.csv": _csv_bytes(flat.columns(name), rows) for name, rows in flat.rows.items()}
    described = descriptor({name: flat.columns(name) for name in flat.rows})
    files[DESCRIPTOR] = orjson.dumps(described, option=orjson.OPT_INDENT_2) + b"\n"
    if out.suffix.lower() == ".zip":
        fd, tmp_name = tempfile.mkstemp(dir=out.parent, suffix=".zip.part")
        os.close(fd)
        with zipfile.ZipFile(tmp_name, "w", zipfile.ZIP_DEFLATED) as zf:
            for name, data in files.items():
                zf.writestr(name, data)
        _replace(Path(tmp_name), out)
        return list(files)
    tmp = Path(tempfile.mkdtemp(dir=out.parent, prefix=f".{out.name}."))
    for name, data in files.items():
        (tmp / name).write_bytes(data)
    _replace(tmp, out)
    return list(files)


def write_parquet(flat: Flat, out: Path) -> list[str]:
    """One Parquet file per table, each with the fixed Arrow schema its columns declare."""
    import pyarrow.parquet as pq

    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(dir=out.parent, prefix=f".{out.name}."))
    for name, rows in flat.rows.items():
        schema = arrow_schema(flat.columns(name))
        columns = {
            field.name: [_arrow_value(row.get(field.name), column) for row in rows]
            for field, column in zip(schema, flat.columns(name), strict=True)
        }
        pq.write_table(_arrow_table(columns, schema), tmp / f"{name}.parquet")
    _replace(tmp, out)
    return [f"{name}.parquet" for name in flat.rows]


def _arrow_value(value: Any, column: Column) -> Any:
    if value is None or (value == "" and column.type != "string"):
        return None
    if column.type == "date":
        return date.fromisoformat(value)
    return value


def _arrow_table(columns: dict[str, list[Any]], schema: Any) -> Any:
    import pyarrow as pa

    return pa.table(columns, schema=schema)

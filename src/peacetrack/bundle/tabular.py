"""Flat exports for spreadsheet and dataframe users: CSV (folder or zip) and Parquet.

Each record kind becomes a table; nested lists of objects (provisions, sources,
effects, demands, sessions) become child tables keyed by their parent's id.
Language maps become one column per language (``title_en``, ``title_ko``).
"""

from __future__ import annotations

import csv
import io
import os
import shutil
import tempfile
import zipfile
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import Connection

from peacetrack.bundle.export import Progress, bundle, iter_docs
from peacetrack.model.records import KINDS

JOIN = " | "
DATE_COLUMNS = {"date", "date_end", "signed", "as_of", "due", "published", "start", "end"}
_SINGULAR = {
    "actors": "actor",
    "themes": "theme",
    "agreements": "agreement",
    "events": "event",
    "assessments": "assessment",
    "statements": "statement",
    "gatherings": "gathering",
}
# Child tables get names people already use.
_CHILD_NAMES = {("agreements", "provisions"): "provisions"}

Tables = dict[str, list[dict[str, Any]]]


def _is_text_map(value: Any) -> bool:
    # Language maps are the only objects keyed by two-letter codes, English always present.
    return (
        isinstance(value, dict)
        and "en" in value
        and all(len(k) == 2 and isinstance(v, str) for k, v in value.items())
    )


def _flatten(row: dict[str, Any], doc: dict[str, Any], kind: str, tables: Tables, parent: str) -> None:
    for key, value in doc.items():
        if _is_text_map(value):
            for lang, text in value.items():
                row[f"{key}_{lang}"] = text
        elif isinstance(value, list) and value and all(_is_text_map(v) for v in value):
            langs = sorted({lang for v in value for lang in v}, key=lambda k: (k != "en", k))
            for lang in langs:
                row[f"{key}_{lang}"] = JOIN.join(v.get(lang, "") for v in value)
        elif isinstance(value, list) and value and isinstance(value[0], dict):
            child = _CHILD_NAMES.get((kind, key), f"{_SINGULAR.get(kind, kind)}_{key}")
            for pos, item in enumerate(value):
                crow: dict[str, Any] = {f"{_SINGULAR.get(kind, kind)}_id": parent, "position": pos}
                _flatten(crow, item, child, tables, f"{parent}/{pos}")
                tables.setdefault(child, []).append(crow)
        elif isinstance(value, list):
            row[key] = JOIN.join(str(v) for v in value)
        else:
            row[key] = value


def tables(conn: Connection, progress: Progress | None = None, process: str | None = None) -> Tables:
    """One table per record kind (and per nested list); with ``process``, that peace process only."""
    out: Tables = {}
    chosen = None if process is None else bundle(conn, process=process)
    for i, kind in enumerate(KINDS, 1):
        if progress:
            progress("read", i - 1, len(KINDS))
        rows: list[dict[str, Any]] = []
        out[kind] = rows
        for doc in iter_docs(conn, kind) if chosen is None else chosen.get(kind, []):
            row: dict[str, Any] = {}
            _flatten(row, doc, kind, out, str(doc.get("id", "")))
            rows.append(row)
    return {name: rows for name, rows in out.items() if rows}


def _columns(rows: Iterable[dict[str, Any]]) -> list[str]:
    cols: dict[str, None] = {}
    for row in rows:
        cols.update(dict.fromkeys(row))
    return list(cols)


def formula_safe(value: Any) -> Any:
    """A text a spreadsheet would run as a formula ("=HYPERLINK(…)", "+1", "@SUM") gets a leading quote;
    numbers and everything else stay as they are."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def _csv_bytes(rows: list[dict[str, Any]]) -> bytes:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=_columns(rows), lineterminator="\n")
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


def write_csv(data: Tables, out: Path) -> list[str]:
    out.parent.mkdir(parents=True, exist_ok=True)
    names = [f"{name}.csv" for name in data]
    if out.suffix.lower() == ".zip":
        fd, tmp_name = tempfile.mkstemp(dir=out.parent, suffix=".zip.part")
        os.close(fd)
        with zipfile.ZipFile(tmp_name, "w", zipfile.ZIP_DEFLATED) as zf:
            for name, rows in data.items():
                zf.writestr(f"{name}.csv", _csv_bytes(rows))
        _replace(Path(tmp_name), out)
        return names
    tmp = Path(tempfile.mkdtemp(dir=out.parent, prefix=f".{out.name}."))
    for name, rows in data.items():
        (tmp / f"{name}.csv").write_bytes(_csv_bytes(rows))
    _replace(tmp, out)
    return names


def write_parquet(data: Tables, out: Path) -> list[str]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(dir=out.parent, prefix=f".{out.name}."))
    for name, rows in data.items():
        cols = _columns(rows)
        arrays = {}
        for col in cols:
            values = [row.get(col) for row in rows]
            if col in DATE_COLUMNS:
                arrays[col] = pa.array([date.fromisoformat(v) if v else None for v in values], pa.date32())
            elif all(v is None or isinstance(v, int) for v in values):
                arrays[col] = pa.array(values, pa.int64())
            else:
                arrays[col] = pa.array([None if v is None else str(v) for v in values], pa.string())
        pq.write_table(pa.table(arrays), tmp / f"{name}.parquet")
    _replace(tmp, out)
    return [f"{name}.parquet" for name in data]

"""Backup and restore: every table, taken in one consistent read, brought back into an empty database.

A backup is a zip of one JSON-lines file per table and a manifest (schema revision, time, row
counts). It holds everything the store keeps: records with their status (proposals included),
documents, extractions and provenance, the revision history, releases, users, sessions and
idempotency keys. It is read in one transaction (a snapshot under SQLite's WAL, REPEATABLE READ on
PostgreSQL), so it can be taken while the server runs and writes; and it is the same file whichever
database it came from, so it also moves a store between SQLite and PostgreSQL.
"""

from __future__ import annotations

import io
import os
import tempfile
import zipfile
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import orjson
from sqlalchemy import Connection, Date, DateTime, Table, func, insert, select

from peacetrack.errors import BadInput, Problem
from peacetrack.store.engine import Store
from peacetrack.store.migrate import SAME_DATA, current_revision, head_revision, upgrade
from peacetrack.store.tables import metadata

FORMAT = "peacetrack-backup/1"
_BATCH = 1000


def _tables() -> list[Table]:
    """Every table, parents before children (foreign keys), the migration bookkeeping left out."""
    return list(metadata.sorted_tables)


def _rows(conn: Connection, table: Table) -> Iterator[dict[str, Any]]:
    order = list(table.primary_key.columns) or list(table.columns)
    for row in conn.execute(select(table).order_by(*order)).mappings():
        yield dict(row)


def _encode(value: Any) -> Any:
    if isinstance(value, datetime):
        return (value if value.tzinfo else value.replace(tzinfo=UTC)).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value


def backup(store: Store, out: Path) -> dict[str, int]:
    """Write the whole store to `out` (written beside it, then swapped in); the row count of each table."""
    counts: dict[str, int] = {}
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, part = tempfile.mkstemp(dir=out.parent, suffix=".part")
    os.close(fd)
    try:
        with store.engine.connect() as conn:
            if not store.is_sqlite:
                conn = conn.execution_options(isolation_level="REPEATABLE READ")
            with conn.begin(), zipfile.ZipFile(part, "w", zipfile.ZIP_DEFLATED) as zf:
                for table in _tables():
                    buf = io.BytesIO()
                    n = 0
                    for row in _rows(conn, table):
                        buf.write(orjson.dumps({str(k): _encode(v) for k, v in row.items()}) + b"\n")
                        n += 1
                    zf.writestr(f"{table.name}.jsonl", buf.getvalue())
                    counts[str(table.name)] = n
                manifest = {
                    "format": FORMAT,
                    "revision": current_revision(store),
                    "created_at": datetime.now(UTC).isoformat(),
                    "counts": counts,
                }
                zf.writestr("manifest.json", orjson.dumps(manifest, option=orjson.OPT_INDENT_2))
        os.replace(part, out)
    finally:
        if os.path.exists(part):
            os.unlink(part)
    return counts


def _decode(table: Table, row: dict[str, Any]) -> dict[str, Any]:
    out = {}
    for name, value in row.items():
        column = table.columns[name]
        if value is not None and isinstance(column.type, DateTime):
            value = datetime.fromisoformat(value)
        elif value is not None and isinstance(column.type, Date):
            value = date.fromisoformat(value)
        out[name] = value
    return out


def restore(store: Store, source: Path) -> dict[str, int]:
    """Bring a backup into an empty database (migrated to this version's schema first)."""
    name = str(source)
    try:
        zf = zipfile.ZipFile(source)
    except (OSError, zipfile.BadZipFile) as exc:
        raise BadInput([Problem(name, "$", f"not a peacetrack backup: {exc}")]) from None
    with zf:
        try:
            manifest = orjson.loads(zf.read("manifest.json"))
        except (KeyError, orjson.JSONDecodeError):
            raise BadInput([Problem(name, "$", "not a peacetrack backup: no manifest")]) from None
        if manifest.get("format") != FORMAT:
            raise BadInput(
                [Problem(name, "$.format", f"expected {FORMAT!r}, got {manifest.get('format')!r}")]
            )
        if manifest.get("revision") != head_revision() and manifest.get("revision") not in SAME_DATA:
            raise BadInput(
                [
                    Problem(
                        name,
                        "$.revision",
                        f"taken at schema {manifest.get('revision')}, this version is at {head_revision()}: "
                        "restore it with the version that took it, upgrade, then back up again",
                    )
                ]
            )
        upgrade(store)
        counts: dict[str, int] = {}
        with store.write() as conn:
            for table in _tables():
                if conn.scalar(select(func.count()).select_from(table)):
                    raise BadInput([Problem(str(store.url), table.name, "restore needs an empty database")])
            for table in _tables():
                rows = [
                    _decode(table, orjson.loads(line)) for line in zf.read(f"{table.name}.jsonl").splitlines()
                ]
                rows = _parents_first(table, rows)
                for i in range(0, len(rows), _BATCH):
                    conn.execute(insert(table), rows[i : i + _BATCH])
                counts[str(table.name)] = len(rows)
    return counts


def _parents_first(table: Table, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows of a table that refers to itself (a document's `version_of`), each after the row it names."""
    own = [(fk.parent.name, fk.column.name) for fk in table.foreign_keys if fk.column.table is table]
    if not own:
        return rows
    ordered: list[dict[str, Any]] = []
    placed: set[Any] = set()
    waiting = rows
    while waiting:
        ready = [r for r in waiting if all(r[child] is None or r[child] in placed for child, _ in own)]
        if not ready:  # a cycle cannot be stored either: let the database say so
            return ordered + waiting
        ordered.extend(ready)
        placed.update(r[parent] for r in ready for _, parent in own)
        waiting = [r for r in waiting if r not in ready]
    return ordered

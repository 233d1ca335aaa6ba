"""Export everything as a peacetrack/1 bundle that round-trips through import."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import orjson
from sqlalchemy import Connection, select

from peacetrack.bundle.scope import scoped
from peacetrack.model.records import FORMAT, KINDS
from peacetrack.model.status import ACCEPTED
from peacetrack.store import tables as t


def iter_docs(conn: Connection, kind: str) -> Iterator[dict[str, Any]]:
    """The accepted documents of one kind in a stable order on every backend.

    Proposals from ingest and rejected records stay out: a bundle has no status,
    so exporting them would turn them into accepted records on the next import.
    """
    table = t.RECORD_TABLES[kind]
    accepted = table.c.status == ACCEPTED
    if kind == "assessments":
        cols = (table.c.provision_id, table.c.as_of, table.c.recorded, table.c.doc)
        rows = list(conn.execute(select(*cols).where(accepted)))
        # Keeping recording order among equal dates preserves which one wins.
        rows.sort(key=lambda r: (r[0], r[1], r[2]))
        docs = [r[3] for r in rows]
    else:
        pairs = list(conn.execute(select(table.c.id, table.c.doc).where(accepted)))
        pairs.sort(key=lambda r: r[0])  # in Python: database collations differ
        docs = [r[1] for r in pairs]
    for doc in docs:
        yield orjson.loads(doc)


Progress = Callable[[str, int, int], None]
"""progress(stage, done, total), as for import."""


def bundle(conn: Connection, progress: Progress | None = None, process: str | None = None) -> dict[str, Any]:
    """Every accepted record; with ``process``, only that peace process and what its records refer to
    (:mod:`peacetrack.bundle.scope`)."""
    out: dict[str, Any] = {"format": FORMAT}
    for i, kind in enumerate(KINDS, 1):
        docs = list(iter_docs(conn, kind))
        if docs:
            out[kind] = docs
        if progress:
            progress("read", i, len(KINDS))
    return out if process is None else scoped(out, process)


def to_json_bytes(data: dict[str, Any]) -> bytes:
    return orjson.dumps(data, option=orjson.OPT_INDENT_2) + b"\n"

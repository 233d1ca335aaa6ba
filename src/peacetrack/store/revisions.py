"""Revision history: every insert, update and delete of a record, kept forever.

A revision holds who, when, why, and the record's document before and after,
so the state of any record at any past moment can be rebuilt.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import orjson
from sqlalchemy import Connection, select

from peacetrack.store.bulk import insert_rows
from peacetrack.store.tables import revisions


@dataclass(frozen=True, slots=True)
class Revision:
    id: int
    kind: str
    record_id: str
    op: str
    at: datetime
    author: str
    reason: str | None
    old: dict[str, Any] | None
    new: dict[str, Any] | None


def now() -> datetime:
    return datetime.now(UTC)


def record_rows(
    conn: Connection, rows: list[dict[str, Any]], *, author: str, reason: str | None, at: datetime
) -> None:
    """Append revisions; each row has kind, record_id, op, old, new (JSON text or None), and may have a
    reason of its own (one transaction writing several documents' records gives each its own why)."""
    if not rows:
        return
    insert_rows(conn, revisions, [{"author": author, "reason": reason, "at": at, **r} for r in rows])


def _as_utc(value: datetime) -> datetime:
    # SQLite hands back naive datetimes; they were written in UTC.
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _load(text: str | None) -> dict[str, Any] | None:
    if text is None:
        return None
    loaded: dict[str, Any] = orjson.loads(text)
    return loaded


def history(conn: Connection, kind: str, record_id: str) -> list[Revision]:
    """Every revision of one record, oldest first."""
    result = conn.execute(
        select(revisions)
        .where(revisions.c.kind == kind, revisions.c.record_id == record_id)
        .order_by(revisions.c.id)
    )
    return [
        Revision(
            id=r.id,
            kind=r.kind,
            record_id=r.record_id,
            op=r.op,
            at=_as_utc(r.at),
            author=r.author,
            reason=r.reason,
            old=_load(r.old),
            new=_load(r.new),
        )
        for r in result
    ]


def state_at(conn: Connection, kind: str, record_id: str, at: datetime) -> dict[str, Any] | None:
    """The record as it stood at ``at`` (None if it did not exist then)."""
    state: dict[str, Any] | None = None
    for rev in history(conn, kind, record_id):
        if rev.at > _as_utc(at):
            break
        state = rev.new
    return state

"""Releases in the store: written once, never changed.

A release row holds the release's JSON (:meth:`Release.to_json`) as computed
when it was made; reading it back never consults the assessments again, so
later edits leave it as it was. Every release written adds a revision
(kind ``releases``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Final

import orjson
from sqlalchemy import Connection, select

from peacetrack.scoring.releases import Release
from peacetrack.store.revisions import record_rows
from peacetrack.store.tables import releases

REVISION_KIND: Final = "releases"

_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:-]{0,199}")


def check_name(name: str) -> str:
    """A release name: letters, digits and . _ : - (starting with a letter or digit), at most 200."""
    if not _NAME.fullmatch(name):
        raise ValueError(
            f"bad release name {name!r}: use 1-200 letters, digits and . _ : -, "
            "starting with a letter or digit"
        )
    return name


class ReleaseExists(Exception):
    """A release of that name is already stored."""


@dataclass(frozen=True, slots=True)
class StoredRelease:
    name: str
    created_at: datetime
    author: str
    release: Release


def _utc(value: datetime) -> datetime:
    # SQLite hands back naive datetimes; they were written in UTC.
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def exists(conn: Connection, name: str) -> bool:
    return conn.scalar(select(releases.c.name).where(releases.c.name == name)) is not None


def save(conn: Connection, release: Release, *, author: str, reason: str | None, at: datetime) -> None:
    """Store a new release and its revision; :class:`ReleaseExists` if the name is taken."""
    check_name(release.name)
    if exists(conn, release.name):
        raise ReleaseExists(release.name)
    doc = orjson.dumps(release.to_json()).decode()
    conn.execute(
        releases.insert().values(
            name=release.name, as_of=release.as_of, created_at=at, author=author, doc=doc
        )
    )
    record_rows(
        conn,
        [{"kind": REVISION_KIND, "record_id": release.name, "op": "insert", "old": None, "new": doc}],
        author=author,
        reason=reason,
        at=at,
    )


def get(conn: Connection, name: str) -> StoredRelease | None:
    row = conn.execute(
        select(releases.c.created_at, releases.c.author, releases.c.doc).where(releases.c.name == name)
    ).first()
    if row is None:
        return None
    return StoredRelease(name, _utc(row.created_at), row.author, Release.from_json(orjson.loads(row.doc)))


@dataclass(frozen=True, slots=True)
class Listed:
    name: str
    as_of: str
    created_at: datetime
    author: str


def listing(conn: Connection) -> list[Listed]:
    """Every release, by as_of date then name (without reading the frozen documents)."""
    r = releases.c
    return [
        Listed(name, as_of.isoformat(), _utc(created_at), author)
        for name, as_of, created_at, author in conn.execute(
            select(r.name, r.as_of, r.created_at, r.author).order_by(r.as_of, r.name)
        )
    ]

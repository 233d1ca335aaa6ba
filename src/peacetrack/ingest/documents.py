"""The stored side of ingest: documents, their extraction output and provenance rows.

Only the service calls the writing functions, inside its one transaction per
file; the reading functions serve the CLI, the library page and the API.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any, Final

import orjson
from sqlalchemy import Connection, func, select, update

from peacetrack.store import tables as t
from peacetrack.store.bulk import insert_rows
from peacetrack.store.revisions import record_rows

if TYPE_CHECKING:  # the pipeline (and its readers) load only when something is ingested
    from peacetrack.pipeline.records import Document

CURRENT: Final = "current"
SUPERSEDED: Final = "superseded"
KIND: Final = "documents"
"""The kind documents carry in the revision history (and in provenance rows about a document)."""
NAME_MAX: Final = 1000
"""The longest name (what versions follow) the documents table keeps."""
LEFT_OUT: Final = "$.left_out"
"""The provenance field of a note on something found in a document but not proposed."""


@dataclass(frozen=True, slots=True)
class StoredDocument:
    id: str
    sha256: str
    path: str
    name: str
    media_type: str
    language: str
    kind: str
    title: str | None
    date: date | None
    publisher: str | None
    url: str | None
    size: int
    ingested_at: datetime
    author: str
    version_of: str | None
    status: str


COLUMNS = (
    t.documents.c.id,
    t.documents.c.sha256,
    t.documents.c.path,
    t.documents.c.name,
    t.documents.c.media_type,
    t.documents.c.language,
    t.documents.c.kind,
    t.documents.c.title,
    t.documents.c.date,
    t.documents.c.publisher,
    t.documents.c.url,
    t.documents.c.size,
    t.documents.c.ingested_at,
    t.documents.c.author,
    t.documents.c.version_of,
    t.documents.c.status,
)


def stored(row: Any) -> StoredDocument:
    at: datetime = row.ingested_at
    return StoredDocument(
        id=row.id,
        sha256=row.sha256,
        path=row.path,
        name=row.name,
        media_type=row.media_type,
        language=row.language,
        kind=row.kind,
        title=row.title,
        date=row.date,
        publisher=row.publisher,
        url=row.url,
        size=row.size,
        ingested_at=at if at.tzinfo else at.replace(tzinfo=UTC),
        author=row.author,
        version_of=row.version_of,
        status=row.status,
    )


def by_sha(conn: Connection, sha256: str) -> StoredDocument | None:
    row = conn.execute(select(*COLUMNS).where(t.documents.c.sha256 == sha256)).first()
    return stored(row) if row is not None else None


def by_shas(conn: Connection, shas: Iterable[str]) -> dict[str, StoredDocument]:
    """The stored documents among these contents, by hash (a run skips them: resumable ingest)."""
    wanted = sorted(set(shas))
    found: dict[str, StoredDocument] = {}
    for i in range(0, len(wanted), 500):
        for row in conn.execute(select(*COLUMNS).where(t.documents.c.sha256.in_(wanted[i : i + 500]))):
            found[row.sha256] = stored(row)
    return found


def by_id(conn: Connection, document_id: str) -> StoredDocument | None:
    row = conn.execute(select(*COLUMNS).where(t.documents.c.id == document_id)).first()
    return stored(row) if row is not None else None


def latest_named(conn: Connection, name: str, author: str) -> StoredDocument | None:
    """The current document ``author`` stored under ``name`` (what a changed file is a new version of).
    Another editor's file of the same name is another document: a common name such as "notes.txt" must
    not let one person's upload set aside another's proposals."""
    return current_named(conn, [name], author).get(name)


def list_documents(conn: Connection, *, limit: int = 200, offset: int = 0) -> list[StoredDocument]:
    rows = conn.execute(
        select(*COLUMNS)
        .order_by(t.documents.c.ingested_at.desc(), t.documents.c.id)
        .limit(limit)
        .offset(offset)
    )
    return [stored(r) for r in rows]


def count_documents(conn: Connection) -> int:
    return int(conn.scalar(select(func.count()).select_from(t.documents)) or 0)


def text_of(conn: Connection, document_id: str) -> str | None:
    return conn.scalar(select(t.documents.c.text).where(t.documents.c.id == document_id))


def output_of(conn: Connection, document_id: str) -> dict[str, Any] | None:
    raw = conn.scalar(select(t.extractions.c.output).where(t.extractions.c.document_id == document_id))
    if raw is None:
        return None
    loaded: dict[str, Any] = orjson.loads(raw)
    return loaded


def records_of(conn: Connection, document_id: str) -> dict[str, list[str]]:
    """The records proposed from a document, by kind, in the order they were stored."""
    out: dict[str, list[str]] = {}
    rows = conn.execute(
        select(t.provenance.c.kind, t.provenance.c.record_id)
        .where(t.provenance.c.document_id == document_id, t.provenance.c.field == "$")
        .order_by(t.provenance.c.id)
    )
    for kind, rid in rows:
        ids = out.setdefault(kind, [])
        if rid not in ids:
            ids.append(rid)
    return out


def left_out_of(conn: Connection, document_id: str) -> list[str]:
    """What ingest found in a document but did not propose, and why."""
    return [
        str(note)
        for note in conn.scalars(
            select(t.provenance.c.note)
            .where(
                t.provenance.c.document_id == document_id,
                t.provenance.c.kind == KIND,
                t.provenance.c.field == LEFT_OUT,
            )
            .order_by(t.provenance.c.id)
        )
    ]


def documents_of(conn: Connection, kind: str, record_id: str) -> list[str]:
    """The documents a record was proposed from (or named in)."""
    rows = conn.execute(
        select(t.provenance.c.document_id)
        .where(t.provenance.c.kind == kind, t.provenance.c.record_id == record_id)
        .group_by(t.provenance.c.document_id)
        .order_by(func.min(t.provenance.c.id))
    )
    return [r[0] for r in rows]


def documents_for(conn: Connection, kind: str, record_ids: list[str]) -> dict[str, list[str]]:
    """For many records of one kind: the documents each was proposed from (or named in)."""
    out: dict[str, list[str]] = {}
    for i in range(0, len(record_ids), 500):
        rows = conn.execute(
            select(t.provenance.c.record_id, t.provenance.c.document_id)
            .where(t.provenance.c.kind == kind, t.provenance.c.record_id.in_(record_ids[i : i + 500]))
            .group_by(t.provenance.c.record_id, t.provenance.c.document_id)
            .order_by(t.provenance.c.record_id, func.min(t.provenance.c.id))
        )
        for rid, did in rows:
            out.setdefault(rid, []).append(did)
    return out


def provenance_of(conn: Connection, kind: str, record_id: str) -> list[dict[str, Any]]:
    rows = conn.execute(
        select(t.provenance)
        .where(t.provenance.c.kind == kind, t.provenance.c.record_id == record_id)
        .order_by(t.provenance.c.id)
    )
    return [{k: v for k, v in row._mapping.items() if k != "id"} for row in rows]


# --- writes (inside the service's transaction) --------------------------------------------


def _meta(document: Document | StoredDocument, name: str, version_of: str | None) -> dict[str, Any]:
    return {
        "id": document.id,
        "sha256": document.sha256,
        "path": document.path,
        "name": name,
        "media_type": document.media_type,
        "language": document.language,
        "kind": document.kind,
        "title": document.title,
        "date": document.date.isoformat() if document.date else None,
        "publisher": document.publisher,
        "url": document.url,
        "version_of": version_of,
    }


def insert_document(
    conn: Connection,
    document: Document,
    *,
    name: str,
    size: int,
    author: str,
    at: datetime,
    version_of: str | None,
    output: Mapping[str, Any],
    pipeline_version: str,
    reason: str,
) -> None:
    insert_documents(
        conn,
        [NewDocument(document, name, size, version_of, output, reason)],
        author=author,
        at=at,
        pipeline_version=pipeline_version,
    )


@dataclass(frozen=True)
class NewDocument:
    """A document to store, with what ingest made of it and why it arrived (for the history)."""

    document: Document
    name: str
    size: int
    version_of: str | None
    output: Mapping[str, Any]
    reason: str


def insert_documents(
    conn: Connection, new: Sequence[NewDocument], *, author: str, at: datetime, pipeline_version: str
) -> None:
    """The documents, their extraction outputs and their arrival in the history, a statement per table."""
    documents, extractions, history = [], [], []
    for n in new:
        meta = _meta(n.document, n.name, n.version_of)
        documents.append(
            {
                **meta,
                "date": n.document.date,
                "text": n.document.text,
                "size": n.size,
                "ingested_at": at,
                "author": author,
                "status": CURRENT,
            }
        )
        extractions.append(
            {
                "document_id": n.document.id,
                "output": orjson.dumps(n.output).decode(),
                "pipeline_version": pipeline_version,
                "created_at": at,
            }
        )
        # Documents are not bundle records, but their arrival belongs in the history (and moves the
        # data version the web caches key on).
        new_doc = orjson.dumps({**meta, "status": CURRENT, "size": n.size}).decode()
        history.append(
            {
                "kind": KIND,
                "record_id": n.document.id,
                "op": "insert",
                "old": None,
                "new": new_doc,
                "reason": n.reason,
            }
        )
    insert_rows(conn, t.documents, documents)
    insert_rows(conn, t.extractions, extractions)
    record_rows(conn, history, author=author, reason=None, at=at)


def current_named(conn: Connection, names: Iterable[str], author: str) -> dict[str, StoredDocument]:
    """``latest_named`` for many names at once: the current document ``author`` stored under each."""
    wanted = sorted(set(names))
    found: dict[str, StoredDocument] = {}
    for i in range(0, len(wanted), 500):
        rows = conn.execute(
            select(*COLUMNS)
            .where(
                t.documents.c.name.in_(wanted[i : i + 500]),
                t.documents.c.status == CURRENT,
                t.documents.c.author == author,
            )
            .order_by(t.documents.c.ingested_at.desc(), t.documents.c.id)
        )
        for row in rows:
            found.setdefault(row.name, stored(row))
    return found


def supersede(conn: Connection, old: StoredDocument, new_id: str, *, author: str, at: datetime) -> None:
    conn.execute(update(t.documents).where(t.documents.c.id == old.id).values(status=SUPERSEDED))
    record_rows(
        conn,
        [
            {
                "kind": KIND,
                "record_id": old.id,
                "op": "update",
                "old": orjson.dumps({"status": old.status}).decode(),
                "new": orjson.dumps({"status": SUPERSEDED, "superseded_by": new_id}).decode(),
            }
        ],
        author=author,
        reason=f"ingest: superseded by {new_id}",
        at=at,
    )


_FOUND_BY_THE_PIPELINE: Final = ("language", "kind", "title", "date", "publisher", "url")
"""What the pipeline finds out about a document besides its text (a new run may find otherwise)."""


def replace_extraction(
    conn: Connection,
    old: StoredDocument,
    document: Document | None,
    output: Mapping[str, Any],
    *,
    author: str,
    at: datetime,
    version: str,
    reason: str | None,
) -> None:
    """What a new run of the pipeline made of a stored document: its extraction output and version,
    and, given ``document``, what the run found out about it (kind, language, title, date, …), with a
    history row when any of that changed."""
    conn.execute(
        update(t.extractions)
        .where(t.extractions.c.document_id == old.id)
        .values(output=orjson.dumps(output).decode(), pipeline_version=version, created_at=at)
    )
    if document is None:
        return
    before = _meta(old, old.name, old.version_of)
    after = {**_meta(document, old.name, old.version_of), "path": old.path}
    text_now = document.text
    text_then = conn.scalar(select(t.documents.c.text).where(t.documents.c.id == old.id))
    if before == after and text_now == text_then:
        return
    conn.execute(
        update(t.documents)
        .where(t.documents.c.id == old.id)
        .values(text=text_now, **{name: getattr(document, name) for name in _FOUND_BY_THE_PIPELINE})
    )
    record_rows(
        conn,
        [
            {
                "kind": KIND,
                "record_id": old.id,
                "op": "update",
                "old": orjson.dumps({**before, "status": old.status, "size": old.size}).decode(),
                "new": orjson.dumps({**after, "status": old.status, "size": old.size}).decode(),
                "reason": reason,
            }
        ],
        author=author,
        reason=reason,
        at=at,
    )


def insert_provenance(conn: Connection, rows: Iterable[dict[str, Any]]) -> None:
    batch = list(rows)
    for i in range(0, len(batch), 5000):
        insert_rows(conn, t.provenance, batch[i : i + 5000])


__all__ = [
    "CURRENT",
    "SUPERSEDED",
    "NewDocument",
    "StoredDocument",
    "by_id",
    "by_sha",
    "count_documents",
    "current_named",
    "documents_for",
    "documents_of",
    "insert_document",
    "insert_documents",
    "insert_provenance",
    "latest_named",
    "left_out_of",
    "list_documents",
    "output_of",
    "provenance_of",
    "records_of",
    "supersede",
    "text_of",
]

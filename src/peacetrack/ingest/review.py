"""Review of proposed records: list them, accept or reject them, with the history kept.

Accepting a record also accepts the proposed actors it refers to (the
candidates ingest made for names it did not know): an accepted statement
must not point at an actor readers cannot see. A reference to a *rejected*
actor stops the accept with an explanation instead: accept that actor first,
or edit the record on the review page to drop it. Every change is a revision
with the author and the reason, like any other write.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Final, Literal

import orjson
from sqlalchemy import Connection, select, update

from peacetrack.bundle.validate import source_problems
from peacetrack.errors import BadInput, Problem
from peacetrack.ingest import documents as docs
from peacetrack.model.records import KINDS
from peacetrack.model.references import actors_named
from peacetrack.model.status import ACCEPTED, PROPOSED, REJECTED
from peacetrack.store import Store
from peacetrack.store import tables as t
from peacetrack.store.revisions import now, record_rows

Decision = Literal["accept", "reject"]

_SINGULAR: Final = {kind[:-1]: kind for kind in t.RECORD_TABLES}


def parse_ref(ref: str) -> tuple[str, str]:
    """``kind/id`` (``statements/x`` or ``statement/x``) → (table kind, id); bad input otherwise."""
    kind, sep, rid = ref.partition("/")
    kind = _SINGULAR.get(kind, kind)
    if not sep or not rid or kind not in t.RECORD_TABLES:
        raise BadInput(
            [
                Problem(
                    ref,
                    "$",
                    "expected KIND/ID with KIND one of "
                    + ", ".join(t.RECORD_TABLES)
                    + " (e.g. statements/ID)",
                )
            ]
        )
    return kind, rid


def kind_name(kind: str) -> str:
    """A kind as the user typed it (singular or plural) → the table kind; bad input otherwise."""
    found = _SINGULAR.get(kind, kind)
    if found not in t.RECORD_TABLES:
        raise BadInput(
            [Problem("--kind", "$", f"unknown kind {kind!r}; use one of {', '.join(t.RECORD_TABLES)}")]
        )
    return found


@dataclass(frozen=True, slots=True)
class Pending:
    """A record waiting for review, and the documents it was proposed from."""

    kind: str
    id: str
    status: str
    title: dict[str, str]
    updated_at: datetime
    documents: tuple[str, ...]
    doc: dict[str, Any]

    @property
    def ref(self) -> str:
        return f"{self.kind}/{self.id}"


def _title(doc: dict[str, Any], rid: str) -> dict[str, str]:
    title = doc.get("title") or doc.get("name") or {"en": rid}
    return title if isinstance(title, dict) else {"en": str(title)}


def pending(conn: Connection, kind: str | None = None, *, limit: int | None = None) -> list[Pending]:
    """Records whose status is neither accepted nor rejected, newest first, kind by kind."""
    found: list[Pending] = []
    kinds = [kind] if kind else list(t.RECORD_TABLES)
    for k in kinds:
        table = t.RECORD_TABLES[k]
        query = (
            select(table.c.id, table.c.status, table.c.doc, table.c.updated_at)
            .where(table.c.status == PROPOSED)  # the one status between accepted and rejected
            .order_by(table.c.updated_at.desc(), table.c.id.desc())  # the index backwards, ties too
        )
        if limit is not None:
            query = query.limit(limit)
        rows = conn.execute(query).all()
        sources = docs.documents_for(conn, k, [r.id for r in rows])
        for rid, status, raw, at in rows:
            doc = orjson.loads(raw)
            found.append(Pending(k, rid, status, _title(doc, rid), at, tuple(sources.get(rid, ())), doc))
    return found


def referenced_actors(kind: str, doc: dict[str, Any]) -> list[str]:
    """The actor ids a record's document refers to (read from the model's declarations)."""
    return actors_named(kind, doc)


@dataclass(frozen=True, slots=True)
class Decided:
    kind: str
    id: str
    status: str
    because_of: str | None = None
    """For an actor accepted along with a record: that record's ``kind/id``."""

    @property
    def ref(self) -> str:
        return f"{self.kind}/{self.id}"


def _set(
    conn: Connection,
    kind: str,
    rows: Sequence[tuple[str, str]],
    status: str,
    *,
    author: str,
    reason: str,
    at: datetime,
) -> None:
    table = t.RECORD_TABLES[kind]
    ids = [rid for rid, _ in rows]
    conn.execute(update(table).where(table.c.id.in_(ids)).values(status=status, updated_at=at))
    record_rows(
        conn,
        [{"kind": kind, "record_id": rid, "op": "update", "old": doc, "new": doc} for rid, doc in rows],
        author=author,
        reason=reason,
        at=at,
    )


def decide_in(
    conn: Connection,
    refs: Iterable[tuple[str, str]],
    decision: Decision,
    *,
    author: str,
    reason: str | None = None,
) -> list[Decided]:
    """Accept or reject records inside the caller's transaction; BadInput (nothing changed) on any problem."""
    wanted = list(dict.fromkeys(refs))
    problems: list[Problem] = []
    found: dict[tuple[str, str], tuple[str, str]] = {}
    for kind, rid in wanted:
        table = t.RECORD_TABLES[kind]
        row = conn.execute(select(table.c.status, table.c.doc).where(table.c.id == rid)).first()
        ref = f"{kind}/{rid}"
        if row is None:
            problems.append(Problem(ref, "$", "no such record"))
        elif decision == "accept" and row.status == ACCEPTED:
            problems.append(Problem(ref, "$.status", "already accepted"))
        elif decision == "reject" and row.status != PROPOSED:
            problems.append(
                Problem(ref, "$.status", f"is {row.status}; only proposed records can be rejected")
            )
        else:
            found[(kind, rid)] = (row.status, row.doc)
    cascade: dict[str, tuple[str, str]] = {}  # actor id -> (doc, the record that needs it)
    if decision == "accept":
        for (kind, rid), (_, raw) in found.items():
            record = KINDS[kind].model_validate(orjson.loads(raw))
            for path, why in source_problems(kind, rid, record, "$"):
                problems.append(Problem(f"{kind}/{rid}", path, f"{why}: edit the record to cite another"))
        chosen_actors = {rid for kind, rid in found if kind == "actors"}
        for (kind, rid), (_, raw) in found.items():
            refs_ = [a for a in referenced_actors(kind, orjson.loads(raw)) if a not in chosen_actors]
            if not refs_:
                continue
            actor_rows = conn.execute(
                select(t.actors.c.id, t.actors.c.status, t.actors.c.doc).where(t.actors.c.id.in_(refs_))
            )
            for aid, status, adoc in actor_rows:
                if status == REJECTED:
                    problems.append(
                        Problem(
                            f"{kind}/{rid}",
                            "$",
                            f"refers to the rejected actor {aid!r}: accept it first (actors/{aid}) "
                            "or edit the record to leave it out",
                        )
                    )
                elif status != ACCEPTED:
                    cascade.setdefault(aid, (adoc, f"{kind}/{rid}"))
    if problems:
        raise BadInput(problems)
    at = now()
    status = ACCEPTED if decision == "accept" else REJECTED
    why = reason or f"review: {decision}ed"
    by_kind: dict[str, list[tuple[str, str]]] = {}
    for (kind, rid), (_, raw) in found.items():
        by_kind.setdefault(kind, []).append((rid, raw))
    for kind, rows in by_kind.items():
        _set(conn, kind, rows, status, author=author, reason=why, at=at)
    decided = [Decided(kind, rid, status) for kind, rid in found]
    for aid, (adoc, because) in cascade.items():
        _set(
            conn,
            "actors",
            [(aid, adoc)],
            ACCEPTED,
            author=author,
            reason=f"{why} (with {because}, which refers to it)",
            at=at,
        )
        decided.append(Decided("actors", aid, ACCEPTED, because))
    return decided


def decide(
    store: Store,
    refs: Iterable[str],
    decision: Decision,
    *,
    author: str,
    reason: str | None = None,
) -> list[Decided]:
    """``review accept|reject KIND/ID…``: all in one transaction, or nothing."""
    parsed = [parse_ref(ref) for ref in refs]
    with store.write() as conn:
        return decide_in(conn, parsed, decision, author=author, reason=reason)


__all__ = [
    "ACCEPTED",
    "PROPOSED",
    "REJECTED",
    "Decided",
    "Pending",
    "decide",
    "decide_in",
    "kind_name",
    "parse_ref",
    "pending",
    "referenced_actors",
]

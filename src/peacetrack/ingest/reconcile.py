"""What reprocessing a document changes in the store, and writing it: the document's proposals
nobody reviewed give way to what the pipeline proposes now; reviewed records are never touched."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, and_, delete, or_, select

from peacetrack.bundle.importer import known_ids, plan
from peacetrack.bundle.validate import Validated
from peacetrack.ingest import documents as docs
from peacetrack.ingest.convert import Proposal
from peacetrack.ingest.proposals import (
    PROPOSED_KINDS,
    candidates_named,
    keep_known_candidates,
    left_out_row,
    set_aside,
    validated_against,
)
from peacetrack.model.records import KINDS as RECORD_KINDS
from peacetrack.model.status import PROPOSED
from peacetrack.pipeline.records import Document
from peacetrack.store import tables as t
from peacetrack.store.revisions import now
from peacetrack.store.writer import Plan, apply, canonical, record_key

KINDS = ("actors", *PROPOSED_KINDS)


@dataclass
class Diff:
    """What writing a new proposal over a document's stored proposals changes."""

    validated: Validated
    todo: Plan = field(default_factory=Plan)
    added: dict[str, list[str]] = field(default_factory=dict)
    updated: dict[str, list[str]] = field(default_factory=dict)
    withdrawn: dict[str, list[str]] = field(default_factory=dict)
    kept: dict[str, list[str]] = field(default_factory=dict)
    own_candidates: set[str] = field(default_factory=set)

    @property
    def empty(self) -> bool:
        return not (self.added or self.updated or self.withdrawn)


def statuses(conn: Connection, kind: str, ids: Iterable[str]) -> dict[str, tuple[str, str]]:
    """(status, stored JSON) of the stored records among ``ids``."""
    table = t.RECORD_TABLES[kind]
    wanted = sorted(set(ids))
    out: dict[str, tuple[str, str]] = {}
    for i in range(0, len(wanted), 500):
        rows = conn.execute(
            select(table.c.id, table.c.status, table.c.doc).where(table.c.id.in_(wanted[i : i + 500]))
        )
        out.update((r.id, (r.status, r.doc)) for r in rows)
    return out


def named_elsewhere(conn: Connection, candidates: set[str], theirs: Mapping[str, list[str]]) -> set[str]:
    """Candidates that a record other than this document's proposals (``theirs``) names: they stay."""
    if not candidates:
        return set()
    found: set[str] = set()
    for table, owner, kind in (
        (t.statement_actors, "statement_id", "statements"),
        (t.gathering_actors, "gathering_id", "gatherings"),
        (t.event_actors, "event_id", "events"),
    ):
        rows = conn.execute(
            select(table.c[owner], table.c.actor_id).where(table.c.actor_id.in_(sorted(candidates)))
        )
        found.update(actor for rid, actor in rows if rid not in theirs.get(kind, []))
    return found


def diff(conn: Connection, document_id: str, proposal: Proposal, name: str) -> Diff:
    old = docs.records_of(conn, document_id)
    keep_known_candidates(
        proposal,
        set(statuses(conn, "actors", (str(a["id"]) for a in proposal.records["actors"]))),
    )
    # Reviewed records stay as they are: take them out of what is written.
    reviewed: dict[str, dict[str, str]] = {}  # kind -> id -> stored JSON
    for kind in KINDS:
        ids = [str(r["id"]) for r in proposal.records[kind]] + old.get(kind, [])
        reviewed[kind] = {
            rid: stored for rid, (status, stored) in statuses(conn, kind, ids).items() if status != PROPOSED
        }
    # What the run makes and names, reviewed records included (they are taken out below).
    made = {kind: {str(r["id"]) for r in proposal.records[kind]} for kind in KINDS}
    named_by_all: set[str] = set()
    for kind in PROPOSED_KINDS:
        candidates_named(proposal.records[kind], named_by_all)
    diff = Diff(Validated())
    for kind in KINDS:
        mine = [r for r in proposal.records[kind] if str(r["id"]) not in reviewed[kind]]
        theirs = [r for r in proposal.records[kind] if str(r["id"]) in reviewed[kind]]
        proposal.records[kind] = mine
        left = [str(r["id"]) for r in theirs if _canonical(kind, r) != reviewed[kind][str(r["id"])]]
        if left:
            diff.kept[kind] = left
    proposal.provenance = [r for r in proposal.provenance if r.record_id not in reviewed.get(r.kind, set())]
    diff.validated = validated_against(known_ids(conn, events=False), proposal, name)
    diff.todo = todo = plan(conn, diff.validated)
    for kind in KINDS:
        if todo.inserts[kind]:
            diff.added[kind] = [record_key(kind, c.record) for c in todo.inserts[kind]]
        if todo.updates[kind]:
            diff.updated[kind] = [record_key(kind, c.record) for c in todo.updates[kind]]
    named: set[str] = set()
    for kind in PROPOSED_KINDS:
        candidates_named(proposal.records[kind], named)
    new_ids = {kind: {str(r["id"]) for r in proposal.records[kind]} for kind in KINDS}
    diff.own_candidates = {a for a in old.get("actors", []) if a in named}
    for kind in KINDS:
        gone = [
            rid
            for rid in old.get(kind, [])
            if rid not in new_ids[kind] and rid not in reviewed[kind] and rid not in diff.own_candidates
        ]
        if kind == "actors":
            elsewhere = named_elsewhere(conn, set(gone), old)
            diff.own_candidates |= elsewhere
            gone = [a for a in gone if a not in elsewhere]
        if gone:
            diff.withdrawn[kind] = gone
        # Reviewed records the run no longer makes; a candidate the new records still name is referred
        # to, not proposed, and not dropped.
        dropped = [
            rid
            for rid in old.get(kind, [])
            if rid in reviewed[kind]
            and rid not in made[kind]
            and not (kind == "actors" and rid in named_by_all)
        ]
        if dropped:
            diff.kept.setdefault(kind, []).extend(r for r in dropped if r not in diff.kept.get(kind, []))
    return diff


def _canonical(kind: str, raw: Mapping[str, Any]) -> str | None:
    """The stored form of a proposed record, or None when it is not valid on its own."""
    try:
        return canonical(RECORD_KINDS[kind].model_validate(raw))
    except ValueError:
        return None


def write(
    conn: Connection,
    stored: docs.StoredDocument,
    document: Document,
    output: dict[str, Any],
    proposal: Proposal,
    diff: Diff,
    *,
    author: str,
    version: str,
) -> None:
    at = now()
    why = f"reprocess: {version} over {stored.id} ({stored.path})"
    reasons = {(kind, rid): why for kind, ids in proposal.ids().items() for rid in ids}
    if not diff.todo.empty:
        apply(conn, diff.todo, author=author, reason=None, reasons=reasons, status=PROPOSED)
    for kind, ids in diff.withdrawn.items():
        set_aside(conn, kind, ids, author=author, reason=f"{why}: no longer proposed", at=at)
    # Provenance: this document's rows for every record written or withdrawn, and its left-out
    # notes, give way to the new ones; the rows of reviewed records and of the candidates it keeps
    # (their "$" row says this document proposed them) stay.
    replaced = {(kind, rid) for kind, ids in proposal.ids().items() for rid in ids}
    replaced |= {(kind, rid) for kind, ids in diff.withdrawn.items() for rid in ids}
    replaced |= {("actors", a) for a in diff.own_candidates}
    p = t.provenance.c
    for kind in KINDS:
        ids = sorted(rid for k, rid in replaced if k == kind)
        for i in range(0, len(ids), 500):
            keep_own = p.field != "$" if kind == "actors" else None
            conditions = [p.document_id == stored.id, p.kind == kind, p.record_id.in_(ids[i : i + 500])]
            if keep_own is not None:
                conditions.append(or_(keep_own, p.record_id.notin_(sorted(diff.own_candidates))))
            conn.execute(delete(t.provenance).where(and_(*conditions)))
    conn.execute(
        delete(t.provenance).where(p.document_id == stored.id, p.kind == docs.KIND, p.field == docs.LEFT_OUT)
    )
    rows = [
        row.row(stored.id)
        for row in proposal.provenance
        if not (row.kind == "actors" and row.field == "$" and row.record_id in diff.own_candidates)
    ]
    rows += [left_out_row(stored.id, note) for note in proposal.skipped]
    docs.insert_provenance(conn, rows)
    docs.replace_extraction(conn, stored, document, output, author=author, at=at, version=version, reason=why)


__all__ = ["KINDS", "Diff", "diff", "write"]

"""A document's proposals: the records its ingest output proposes, checked against the store as an
import would be (a record the validator refuses is left out and said so, not the file), and set aside
when they give way to newer ones. Shared by ingest, the Dask workers and reprocessing."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any, Final

from sqlalchemy import Connection, select, update

from peacetrack.bundle.importer import known_ids
from peacetrack.bundle.load import Fragment
from peacetrack.bundle.validate import Known, Validated, validate
from peacetrack.errors import BadInput, Problem
from peacetrack.ingest import documents as docs
from peacetrack.ingest.convert import CANDIDATE_PREFIX, Proposal, ProvRow, convert, drop
from peacetrack.model.records import FORMAT
from peacetrack.model.status import PROPOSED, REJECTED
from peacetrack.store import tables as t
from peacetrack.store.revisions import now, record_rows

PROPOSED_KINDS: Final = ("statements", "gatherings", "events")
_PROBLEM_AT = re.compile(r"^\$\.(actors|statements|gatherings|events)\[(\d+)\]")


def propose(output: Mapping[str, Any], document_id: str, base_url: str) -> Proposal:
    """The records an ingest output proposes; an event without a web address cites the library page."""
    return convert(output, library_url=f"{base_url}/library/{document_id}")


def left_out_row(document_id: str, why: str) -> dict[str, Any]:
    """What was found but not proposed is kept with the document (the library shows it)."""
    return ProvRow(docs.KIND, document_id, docs.LEFT_OUT, note=why).row(document_id)


def keep_existing_candidates(conn: Connection, proposal: Proposal) -> None:
    """A candidate already in the store (from an earlier document) is referenced, not proposed again."""
    wanted = [str(a["id"]) for a in proposal.records["actors"]]
    if wanted:
        keep_known_candidates(
            proposal, set(conn.scalars(select(t.actors.c.id).where(t.actors.c.id.in_(wanted))))
        )


def keep_known_candidates(proposal: Proposal, existing: set[str]) -> None:
    """Candidates among ``existing`` actor ids are referenced, not proposed again."""
    if not existing.intersection(str(a["id"]) for a in proposal.records["actors"]):
        return
    proposal.records["actors"] = [a for a in proposal.records["actors"] if a["id"] not in existing]
    proposal.provenance = [
        r
        for r in proposal.provenance
        if not (r.kind == "actors" and r.record_id in existing and r.field == "$")
    ]


def _bundle(proposal: Proposal) -> dict[str, Any]:
    return {"format": FORMAT, **{k: v for k, v in proposal.records.items() if v}}


def candidates_named(value: Any, found: set[str]) -> None:
    """Add to ``found`` every candidate actor id anywhere in ``value`` (a record, a list of them)."""
    if isinstance(value, str):
        if value.startswith(CANDIDATE_PREFIX):
            found.add(value)
    elif isinstance(value, dict):
        for item in value.values():
            candidates_named(item, found)
    elif isinstance(value, list):
        for item in value:
            candidates_named(item, found)


def validated_in(conn: Connection, proposal: Proposal, name: str) -> Validated:
    # Stored events matter only to assessments (their evidence), which ingest never proposes;
    # reading every event for every file slowed ingest as the store grew (a third at 10,000).
    return validated_against(known_ids(conn, events=False), proposal, name)


def validated_against(known: Known, proposal: Proposal, name: str) -> Validated:
    """Validate as import does; a record the validator refuses is left out (and said so), not the file."""
    for _ in range(4):
        try:
            validated = validate([Fragment(name, _bundle(proposal))], known)
        except BadInput as exc:
            dropped = _drop_refused(proposal, exc.problems)
            if not dropped:
                raise
            continue
        used: set[str] = set()
        for kind in ("statements", "gatherings", "events"):
            candidates_named(proposal.records[kind], used)
        orphans = [str(a["id"]) for a in proposal.records["actors"] if a["id"] not in used]
        if not orphans:
            return validated
        for cid in orphans:
            drop(proposal, "actors", cid, "no proposed record refers to it any more")
    return validate([Fragment(name, _bundle(proposal))], known)


def _drop_refused(proposal: Proposal, problems: Iterable[Problem]) -> bool:
    bad: dict[tuple[str, str], str] = {}
    for problem in problems:
        match = _PROBLEM_AT.match(problem.path)
        if match is None:
            return False
        kind, index = match.group(1), int(match.group(2))
        items = proposal.records[kind]
        if index >= len(items):
            return False
        rid = str(items[index].get("id"))
        where = problem.path[match.end() :].lstrip(".") or "record"
        bad.setdefault((kind, rid), f"not valid ({where}: {problem.reason})")
    for (kind, rid), why in bad.items():
        drop(proposal, kind, rid, why)
    return bool(bad)


def set_aside_version(conn: Connection, old: docs.StoredDocument, new_id: str, *, author: str) -> None:
    """The old version's records still waiting for review are rejected: the new version replaces them."""
    reason = f"ingest: superseded by {new_id} (a newer version of {old.path})"
    at = now()
    for kind, ids in docs.records_of(conn, old.id).items():
        if kind in PROPOSED_KINDS:
            set_aside(conn, kind, ids, author=author, reason=reason, at=at)


def set_aside(
    conn: Connection, kind: str, ids: Iterable[str], *, author: str, reason: str, at: datetime
) -> None:
    """Proposals (still ``proposed``) among ``ids`` become rejected, each with a history row saying why."""
    table = t.RECORD_TABLES[kind]
    wanted = sorted(set(ids))
    rows: list[Any] = []
    for i in range(0, len(wanted), 500):
        rows += conn.execute(
            select(table.c.id, table.c.doc).where(
                table.c.id.in_(wanted[i : i + 500]), table.c.status == PROPOSED
            )
        ).all()
    for i in range(0, len(rows), 500):
        chunk = [r.id for r in rows[i : i + 500]]
        conn.execute(update(table).where(table.c.id.in_(chunk)).values(status=REJECTED, updated_at=at))
    if rows:
        record_rows(
            conn,
            [{"kind": kind, "record_id": r.id, "op": "update", "old": r.doc, "new": r.doc} for r in rows],
            author=author,
            reason=reason,
            at=at,
        )


__all__ = [
    "PROPOSED_KINDS",
    "candidates_named",
    "keep_existing_candidates",
    "keep_known_candidates",
    "left_out_row",
    "propose",
    "set_aside",
    "set_aside_version",
    "validated_against",
    "validated_in",
]

"""Write validated records: main rows, derived relation rows and revisions, in one go.

The canonical JSON document is the truth; the other columns are derived from it here, the relation
tables from the model's reference declarations (store/relations.py).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Table, bindparam, delete, func, select, update

from peacetrack.model.records import (
    KINDS,
    Actor,
    Agreement,
    Assessment,
    Event,
    Gathering,
    Process,
    Record,
    Statement,
    Theme,
)
from peacetrack.store import tables as t
from peacetrack.store.bulk import ANALYZE_FROM, insert_rows, refresh_statistics
from peacetrack.store.relations import owned_by_items, owned_by_record, relation_rows
from peacetrack.store.revisions import now, record_rows

CHUNK = 500


def canonical(record: Record) -> str:
    """The stored form of a record: compact JSON of its canonical document (``Record.doc``), written by
    pydantic's serializer straight to JSON: the same text as ``orjson.dumps(record.doc())`` (a test
    holds them equal) without the dict between, a tenth of a large import's planning."""
    return record.__pydantic_serializer__.to_json(record, exclude_none=True, exclude_defaults=True).decode()


@dataclass
class Change:
    """One record to write; ``old`` is its stored JSON when it already exists."""

    record: Record
    doc: str
    old: str | None = None
    key: str = field(init=False)  # the record's id, read once: writing it asks four times

    def __post_init__(self) -> None:
        self.key = record_key(self.record.__class__.__name__, self.record)


@dataclass
class Plan:
    """What an import will do, per kind: inserts, updates; unchanged are only counted."""

    inserts: dict[str, list[Change]] = field(default_factory=lambda: {k: [] for k in KINDS})
    updates: dict[str, list[Change]] = field(default_factory=lambda: {k: [] for k in KINDS})
    unchanged: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))

    def counts(self) -> dict[str, dict[str, int]]:
        return {
            k: {
                "inserted": len(self.inserts[k]),
                "updated": len(self.updates[k]),
                "unchanged": self.unchanged[k],
            }
            for k in KINDS
        }

    @property
    def empty(self) -> bool:
        return not any(self.inserts[k] or self.updates[k] for k in KINDS)


def _lang(text: dict[str, str] | None, lang: str) -> str | None:
    return text.get(lang) if text else None


def record_key(kind: str, record: Record) -> str:
    rid = getattr(record, "id", None)
    if not isinstance(rid, str):
        raise ValueError(f"{kind} record has no id")
    return rid


# --- main rows -----------------------------------------------------------------


def _main_row(change: Change, at: datetime) -> dict[str, Any]:
    record = change.record
    base: dict[str, Any] = {"id": change.key, "doc": change.doc, "updated_at": at}
    if isinstance(record, Actor):
        base |= {
            "kind": record.kind.value,
            "name_en": record.name["en"],
            "name_ko": _lang(record.name, "ko"),
            "country": record.country,
        }
    elif isinstance(record, Theme):
        base |= {"parent": record.parent, "name_en": record.name["en"], "name_ko": _lang(record.name, "ko")}
    elif isinstance(record, Agreement):
        base |= {
            "signed": record.signed,
            "title_en": record.title["en"],
            "title_ko": _lang(record.title, "ko"),
        }
    elif isinstance(record, Event):
        base |= {
            "date": record.date,
            "date_end": record.date_end,
            "type": record.type.value,
            "title_en": record.title["en"],
            "title_ko": _lang(record.title, "ko"),
        }
    elif isinstance(record, Assessment):
        base |= {"provision_id": record.provision, "as_of": record.as_of, "level": record.level}
    elif isinstance(record, Statement):
        base |= {
            "date": record.date,
            "kind": record.kind.value,
            "title_en": record.title["en"],
            "title_ko": _lang(record.title, "ko"),
        }
    elif isinstance(record, Process):
        base |= {"name_en": record.name["en"], "name_ko": _lang(record.name, "ko"), "region": record.region}
    elif isinstance(record, Gathering):
        base |= {
            "start": record.start,
            "end": record.end,
            "mode": record.mode.value,
            "title_en": record.title["en"],
            "title_ko": _lang(record.title, "ko"),
        }
    return base


def _chunks(items: Sequence[Any], size: int = CHUNK) -> Iterable[Sequence[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _theme_order(changes: list[Change]) -> list[Change]:
    """Parents before children, so the parent foreign key always resolves."""
    by_id = {c.key: c for c in changes}
    done: set[str] = set()
    ordered: list[Change] = []

    def visit(tid: str) -> None:
        if tid in done or tid not in by_id:
            return
        done.add(tid)
        parent = getattr(by_id[tid].record, "parent", None)
        if parent:
            visit(parent)
        ordered.append(by_id[tid])

    for tid in by_id:
        visit(tid)
    return ordered


def _write_provisions(conn: Connection, changes: list[Change], updating: bool) -> None:
    agreements = [c.record for c in changes if isinstance(c.record, Agreement)]
    rows = [
        {
            "id": p.id,
            "agreement_id": a.id,
            "ref": p.ref,
            "position": i,
            "text_en": p.text["en"],
            "text_ko": _lang(p.text, "ko"),
            "due": p.due,
        }
        for a in agreements
        for i, p in enumerate(a.provisions)
    ]
    if not updating:
        if rows:
            insert_rows(conn, t.provisions, rows)
        return
    ids = [a.id for a in agreements]
    existing: set[str] = set()
    for chunk in _chunks(ids):
        existing |= set(conn.scalars(select(t.provisions.c.id).where(t.provisions.c.agreement_id.in_(chunk))))
    wanted = {r["id"] for r in rows}
    new_rows = [r for r in rows if r["id"] not in existing]
    old_rows = [{**r, "b_id": r["id"]} for r in rows if r["id"] in existing]
    if old_rows:
        stmt = update(t.provisions).where(t.provisions.c.id == bindparam("b_id"))
        conn.execute(stmt, [{k: v for k, v in r.items() if k != "id"} for r in old_rows])
    if new_rows:
        insert_rows(conn, t.provisions, new_rows)
    gone = sorted(existing - wanted)
    for table in owned_by_items("agreements", "provisions[]"):
        for chunk in _chunks(sorted(existing)):
            conn.execute(delete(table).where(table.c.provision_id.in_(chunk)))
    for chunk in _chunks(gone):
        conn.execute(delete(t.provisions).where(t.provisions.c.id.in_(chunk)))


def apply(
    conn: Connection,
    plan: Plan,
    *,
    author: str,
    reason: str | None,
    progress: Callable[[int], None] | None = None,
    reasons: Mapping[tuple[str, str], str] | None = None,
    status: str | None = None,
) -> None:
    """Write a plan inside the caller's transaction.

    ``reasons`` gives a record, by (kind, id), a why of its own in the history; ``status`` is the
    status new records are written with (ingest writes proposals), else the table's default."""
    why = reasons or {}
    own = {"status": status} if status is not None else {}
    at = now()
    next_recorded = (conn.scalar(select(func.max(t.assessments.c.recorded))) or 0) + 1
    for kind in KINDS:
        table = t.RECORD_TABLES[kind]
        inserts, updates = plan.inserts[kind], plan.updates[kind]
        if kind == "themes":
            inserts, updates = _theme_order(inserts), _theme_order(updates)
        extra: dict[str, dict[str, Any]] = {}
        if kind == "assessments":
            for c in [*inserts, *updates]:
                extra[c.key] = {"recorded": next_recorded}
                next_recorded += 1
        for chunk in _chunks(inserts, 5000):
            rows = [_main_row(c, at) | extra.get(c.key, {}) | own for c in chunk]
            insert_rows(conn, table, rows)
            if progress:
                progress(len(chunk))
        if updates:
            rows = [
                {
                    **{k: v for k, v in _main_row(c, at).items() if k != "id"},
                    **extra.get(c.key, {}),
                    "b_id": c.key,
                }
                for c in updates
            ]
            conn.execute(update(table).where(table.c.id == bindparam("b_id")), rows)
            ids = [c.key for c in updates]
            for dtable, column in owned_by_record(kind):
                for chunk in _chunks(ids):
                    conn.execute(delete(dtable).where(dtable.c[column].in_(chunk)))
            if progress:
                progress(len(updates))
        if kind == "agreements":
            _write_provisions(conn, inserts, updating=False)
            _write_provisions(conn, updates, updating=True)
        collected: dict[str, tuple[Table, list[dict[str, Any]]]] = {}
        for c in [*inserts, *updates]:
            for dtable, drows in relation_rows(kind, c.record, c.key):
                collected.setdefault(dtable.name, (dtable, []))[1].extend(drows)
        for dtable, drows in collected.values():
            for chunk in _chunks(drows, 5000):
                insert_rows(conn, dtable, chunk)
        record_rows(
            conn,
            [
                {
                    "kind": kind,
                    "record_id": (rid := c.key),
                    "op": "insert",
                    "old": None,
                    "new": c.doc,
                    "reason": why.get((kind, rid), reason),
                }
                for c in inserts
            ]
            + [
                {
                    "kind": kind,
                    "record_id": (rid := c.key),
                    "op": "update",
                    "old": c.old,
                    "new": c.doc,
                    "reason": why.get((kind, rid), reason),
                }
                for c in updates
            ],
            author=author,
            reason=reason,
            at=at,
        )
    changed = sum(len(plan.inserts[k]) + len(plan.updates[k]) for k in KINDS)
    if changed >= ANALYZE_FROM:
        refresh_statistics(conn, t.metadata.sorted_tables)


def delete_record(conn: Connection, kind: str, record_id: str, *, author: str, reason: str | None) -> bool:
    """Delete one record (its relation rows go with it); False if it did not exist."""
    table = t.RECORD_TABLES[kind]
    old = conn.scalar(select(table.c.doc).where(table.c.id == record_id))
    if old is None:
        return False
    for dtable, column in owned_by_record(kind):
        conn.execute(delete(dtable).where(dtable.c[column] == record_id))
    if kind == "agreements":
        pids = list(conn.scalars(select(t.provisions.c.id).where(t.provisions.c.agreement_id == record_id)))
        for dtable in (t.provision_themes, t.provision_responsible):
            conn.execute(delete(dtable).where(dtable.c.provision_id.in_(pids)))
        conn.execute(delete(t.provisions).where(t.provisions.c.agreement_id == record_id))
    conn.execute(delete(table).where(table.c.id == record_id))
    record_rows(
        conn,
        [{"kind": kind, "record_id": record_id, "op": "delete", "old": old, "new": None}],
        author=author,
        reason=reason,
        at=now(),
    )
    return True


__all__ = ["KINDS", "Change", "Plan", "apply", "canonical", "delete_record", "record_key"]

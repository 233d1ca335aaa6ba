"""Import bundles: validate all, then write all or nothing (SPEC sections 1-2)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Connection, select

from peacetrack.bundle.load import load
from peacetrack.bundle.validate import Known, Validated, validate
from peacetrack.model.records import KINDS
from peacetrack.store import tables as t
from peacetrack.store.engine import Store
from peacetrack.store.writer import CHUNK, Change, Plan, apply, canonical, record_key

Progress = Callable[[str, int, int], None]
"""progress(stage, done, total)"""


@dataclass(frozen=True)
class ImportReport:
    files: int
    counts: dict[str, dict[str, int]]

    @property
    def changed(self) -> int:
        return sum(c["inserted"] + c["updated"] for c in self.counts.values())


def known_ids(conn: Connection) -> Known:
    return Known(
        actors=set(conn.scalars(select(t.actors.c.id))),
        themes={r.id: r.parent for r in conn.execute(select(t.themes.c.id, t.themes.c.parent))},
        agreements={r.id: r.signed for r in conn.execute(select(t.agreements.c.id, t.agreements.c.signed))},
        provisions={r.id: r.agreement_id for r in conn.execute(select(t.provisions.c.id, t.provisions.c.agreement_id))},
        events={r.id: r.date for r in conn.execute(select(t.events.c.id, t.events.c.date))},
    )


def plan(conn: Connection, validated: Validated) -> Plan:
    """Sort records into inserts, updates and unchanged against what is stored."""
    result = Plan()
    for kind in KINDS:
        table = t.RECORD_TABLES[kind]
        items = validated.records[kind]
        ids = [record_key(kind, loc.record) for loc in items]
        stored: dict[str, str] = {}
        for i in range(0, len(ids), CHUNK):
            chunk = ids[i : i + CHUNK]
            stored.update((r[0], r[1]) for r in conn.execute(select(table.c.id, table.c.doc).where(table.c.id.in_(chunk))))
        for rid, loc in zip(ids, items, strict=True):
            doc = canonical(loc.record)
            old = stored.get(rid)
            if old is None:
                result.inserts[kind].append(Change(loc.record, doc))
            elif old != doc:
                result.updates[kind].append(Change(loc.record, doc, old))
            else:
                result.unchanged[kind] += 1
    return result


def import_bundles(
    store: Store,
    sources: Sequence[str] | Iterable[str],
    *,
    author: str,
    reason: str | None = None,
    dry_run: bool = False,
    progress: Progress | None = None,
    today: date | None = None,
) -> ImportReport:
    """Load, validate and write bundles atomically; BadInput if anything is wrong."""
    names = list(sources)
    fragments = load(names)
    if progress:
        progress("read", len(fragments), len(fragments))
    with store.write() as conn:
        validated = validate(fragments, known_ids(conn), today=today)
        if progress:
            progress("validated", validated.count(), validated.count())
        todo = plan(conn, validated)
        if not dry_run and not todo.empty:
            total = sum(len(todo.inserts[k]) + len(todo.updates[k]) for k in KINDS)
            done = 0

            def step(n: int) -> None:
                nonlocal done
                done += n
                if progress:
                    progress("write", done, total)

            apply(conn, todo, author=author, reason=reason or f"import {', '.join(names)}", progress=step)
    return ImportReport(files=len(fragments), counts=todo.counts())

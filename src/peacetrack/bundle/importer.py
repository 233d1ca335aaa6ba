"""Import bundles: validate all, then write all or nothing (docs/cli.md, docs/bundle-format.md)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Connection, select

from peacetrack.bundle.load import Fragment, load
from peacetrack.bundle.validate import Known, Validated, validate
from peacetrack.errors import BadInput, Problem
from peacetrack.model.records import KINDS, Agreement, Assessment, Event
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


def known_ids(conn: Connection, *, events: bool = True) -> Known:
    """What the database holds, for resolving references; ``events=False`` skips reading every
    event (only assessments cite events, and a caller that never validates any need not pay)."""
    return Known(
        actors=set(conn.scalars(select(t.actors.c.id))),
        themes={r.id: r.parent for r in conn.execute(select(t.themes.c.id, t.themes.c.parent))},
        agreements={r.id: r.signed for r in conn.execute(select(t.agreements.c.id, t.agreements.c.signed))},
        provisions={
            r.id: r.agreement_id for r in conn.execute(select(t.provisions.c.id, t.provisions.c.agreement_id))
        },
        events={r.id: r.date for r in conn.execute(select(t.events.c.id, t.events.c.date))} if events else {},
    )


def removed_provisions_in_use(conn: Connection, validated: Validated, known: Known) -> list[Problem]:
    """Provisions an updated agreement drops must not be cited by stored events or assessments."""
    problems: list[Problem] = []
    incoming = {
        loc.record.id: loc for loc in validated.records["agreements"] if isinstance(loc.record, Agreement)
    }
    kept = {
        p.id for loc in incoming.values() if isinstance(loc.record, Agreement) for p in loc.record.provisions
    }
    dropped = sorted(p for p, a in known.provisions.items() if a in incoming and p not in kept)
    if not dropped:
        return problems
    replaced_events = {loc.record.id for loc in validated.records["events"] if isinstance(loc.record, Event)}
    replaced_assessments = {
        loc.record.id for loc in validated.records["assessments"] if isinstance(loc.record, Assessment)
    }
    users: dict[str, list[str]] = {}
    for pid, eid in conn.execute(
        select(t.event_effects.c.provision_id, t.event_effects.c.event_id).where(
            t.event_effects.c.provision_id.in_(dropped)
        )
    ):
        if eid not in replaced_events:
            users.setdefault(pid, []).append(f"event {eid}")
    for pid, aid in conn.execute(
        select(t.assessments.c.provision_id, t.assessments.c.id).where(
            t.assessments.c.provision_id.in_(dropped)
        )
    ):
        if aid not in replaced_assessments:
            users.setdefault(pid, []).append(f"assessment {aid}")
    for pid, cited in users.items():
        loc = incoming[known.provisions[pid]]
        problems.append(
            Problem(
                loc.file,
                f"{loc.path}.provisions",
                f"provision {pid!r} is left out but still cited by {', '.join(sorted(cited)[:3])}"
                + (f" and {len(cited) - 3} more" if len(cited) > 3 else ""),
            )
        )
    return problems


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
            stored.update(
                (r[0], r[1])
                for r in conn.execute(select(table.c.id, table.c.doc).where(table.c.id.in_(chunk)))
            )
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


Check = Callable[[Connection, Known, Validated], None]
"""A caller's own rule on validated records (the API's), run before anything is written."""


def write_fragments(
    conn: Connection,
    fragments: Sequence[Fragment],
    *,
    author: str,
    reason: str,
    dry_run: bool = False,
    check: Check | None = None,
    today: date | None = None,
    progress: Progress | None = None,
) -> Plan:
    """The one way accepted records go in (import, the API's writes, restoring a revision), inside the
    caller's transaction: validate every record against the store, refuse to remove provisions still in
    use, run the caller's ``check``, plan, and write unless it is a dry run or nothing changes."""
    known = known_ids(conn)
    validated = validate(fragments, known, today=today)
    in_use = removed_provisions_in_use(conn, validated, known)
    if in_use:
        raise BadInput(in_use)
    if progress:
        progress("validated", validated.count(), validated.count())
    if check is not None:
        check(conn, known, validated)
    todo = plan(conn, validated)
    if dry_run or todo.empty:
        return todo
    total = sum(len(todo.inserts[k]) + len(todo.updates[k]) for k in KINDS)
    done = 0

    def step(n: int) -> None:
        nonlocal done
        done += n
        if progress:
            progress("write", done, total)

    apply(conn, todo, author=author, reason=reason, progress=step)
    return todo


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
        todo = write_fragments(
            conn,
            fragments,
            author=author,
            reason=reason or f"import {', '.join(names)}",
            dry_run=dry_run,
            today=today,
            progress=progress,
        )
    return ImportReport(files=len(fragments), counts=todo.counts())

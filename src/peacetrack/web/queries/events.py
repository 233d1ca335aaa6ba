"""Events filtered by date range, actor, theme, type, provision and words; counted by month."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Connection, Select, and_, func, or_, select

from peacetrack.model.records import Event
from peacetrack.model.status import ACCEPTED
from peacetrack.store import tables as t
from peacetrack.web.queries.records import parse


@dataclass(frozen=True, slots=True)
class EventFilter:
    """What the timeline asks for; every part optional. ``themes`` is already expanded."""

    start: date | None = None
    end: date | None = None
    actor: str | None = None
    themes: Collection[str] = field(default_factory=tuple)
    type: str | None = None
    provision: str | None = None
    agreement: str | None = None
    q: str | None = None
    newest_first: bool = True
    longest_days: int | None = None
    """The longest span of a stored multi-day event (:func:`longest_span`): when known, a range with
    a start reads the date index from that many days before it, not from the first event ever."""


def _conditions(f: EventFilter) -> list[ColumnElement[bool]]:
    e = t.events
    conds: list[ColumnElement[bool]] = [e.c.status == ACCEPTED]
    if f.start is not None:
        # An event spanning several days is in range when any of its days is.
        conds.append(func.coalesce(e.c.date_end, e.c.date) >= f.start)
        if f.longest_days is not None:
            conds.append(e.c.date >= f.start - timedelta(days=f.longest_days))
    if f.end is not None:
        conds.append(e.c.date <= f.end)
    if f.actor:
        ea = t.event_actors
        conds.append(e.c.id.in_(select(ea.c.event_id).where(ea.c.actor_id == f.actor)))
    if f.type:
        conds.append(e.c.type == f.type)
    ee = t.event_effects
    if f.provision:
        conds.append(e.c.id.in_(select(ee.c.event_id).where(ee.c.provision_id == f.provision)))
    if f.agreement:
        p = t.provisions
        conds.append(
            e.c.id.in_(
                select(ee.c.event_id)
                .join(p, p.c.id == ee.c.provision_id)
                .where(p.c.agreement_id == f.agreement)
            )
        )
    if f.themes:
        pt = t.provision_themes
        conds.append(
            e.c.id.in_(
                select(ee.c.event_id)
                .join(pt, pt.c.provision_id == ee.c.provision_id)
                .where(pt.c.theme_id.in_(sorted(f.themes)))
            )
        )
    if f.q:
        words = f.q.strip().lower()
        conds.append(
            or_(
                func.lower(e.c.title_en).contains(words, autoescape=True),
                func.coalesce(e.c.title_ko, "").contains(f.q.strip(), autoescape=True),
                func.lower(e.c.doc).contains(words, autoescape=True),
            )
        )
    return conds


def _select(f: EventFilter) -> Select[Any]:
    e = t.events
    order = (e.c.date.desc(), e.c.id.desc()) if f.newest_first else (e.c.date, e.c.id)
    return select(e.c.doc).where(and_(*_conditions(f))).order_by(*order)


def count(conn: Connection, f: EventFilter) -> int:
    e = t.events
    return int(conn.scalar(select(func.count()).select_from(e).where(and_(*_conditions(f)))) or 0)


def find(conn: Connection, f: EventFilter, *, limit: int, offset: int = 0) -> list[Event]:
    """One page of matching events."""
    if f.provision and offset == 0:
        return _of_provision(conn, f, limit)
    rows = conn.scalars(_select(f).limit(limit).offset(offset))
    return [parse(Event, doc) for doc in rows]


def _of_provision(conn: Connection, f: EventFilter, limit: int) -> list[Event]:
    """A provision's events in date order, read in that order from the provision's index (an event
    with several effects on it has a row per effect: the first one counts)."""
    e, ee = t.events, t.event_effects
    order = (
        (ee.c.event_date.desc(), ee.c.event_id.desc()) if f.newest_first else (ee.c.event_date, ee.c.event_id)
    )
    query = (
        select(e.c.id, e.c.doc)
        .join(ee, ee.c.event_id == e.c.id)
        .where(ee.c.provision_id == f.provision, *_conditions(replace(f, provision=None)))
        .order_by(*order)
    )
    found: dict[str, str] = {}
    taken = 0
    while len(found) < limit:
        want = limit - len(found) + 8
        rows = conn.execute(query.limit(want).offset(taken)).all()
        for rid, doc in rows:
            found.setdefault(rid, doc)
        taken += len(rows)
        if len(rows) < want:
            break
    return [parse(Event, doc) for doc in list(found.values())[:limit]]


def by_month(conn: Connection, f: EventFilter) -> dict[tuple[int, int], int]:
    """How many matching events fall in each (year, month), by start date; their sum is :func:`count`.

    Counted by the database per day, in date-index order, and folded into months here: reading every
    matching date into Python took seconds at millions of events, and grouping by a computed month
    three times as long as by the indexed day."""
    e = t.events
    counts: dict[tuple[int, int], int] = {}
    for day, n in conn.execute(
        select(e.c.date, func.count()).where(and_(*_conditions(f))).group_by(e.c.date)
    ):
        key = (day.year, day.month)
        counts[key] = counts.get(key, 0) + int(n)
    return counts


def longest_span(conn: Connection) -> int:
    """Days from start to end of the longest multi-day event (0 when there is none): few events span
    days, and a partial index holds just them."""
    e = t.events
    spans = conn.execute(select(e.c.date, e.c.date_end).where(e.c.date_end.isnot(None)))
    return max(((end - start).days for start, end in spans), default=0)


def date_span(conn: Connection) -> tuple[date | None, date | None]:
    """First and last event date among accepted events."""
    e = t.events
    row = conn.execute(select(func.min(e.c.date), func.max(e.c.date)).where(e.c.status == ACCEPTED)).one()
    return row[0], row[1]


def actors_with_events(conn: Connection) -> list[str]:
    """The actors some accepted event names: per actor, one probe of its index that stops at the first
    event (grouping every event-actor row took seconds at millions of events)."""
    a, ea, e = t.actors, t.event_actors, t.events
    named = (
        select(ea.c.event_id)
        .join(e, e.c.id == ea.c.event_id)
        .where(ea.c.actor_id == a.c.id, e.c.status == ACCEPTED)
        .exists()
    )
    return list(conn.scalars(select(a.c.id).where(named).order_by(a.c.id)))


@dataclass(frozen=True, slots=True)
class Citation:
    """An assessment that cites an event as evidence."""

    provision: str
    as_of: date
    level: int


def citations(conn: Connection, event_id: str) -> list[Citation]:
    """Assessments (accepted) that cite the event as evidence."""
    s, ev = t.assessments, t.assessment_evidence
    rows = conn.execute(
        select(s.c.provision_id, s.c.as_of, s.c.level)
        .join(ev, ev.c.assessment_id == s.c.id)
        .where(ev.c.event_id == event_id, s.c.status == ACCEPTED)
        .order_by(s.c.as_of, s.c.provision_id)
    )
    return [Citation(pid, as_of, int(level)) for pid, as_of, level in rows]


def find_by_ids(conn: Connection, ids: Collection[str]) -> dict[str, Event]:
    """The accepted events among ``ids``, by id."""
    e = t.events
    found: dict[str, Event] = {}
    ordered = sorted(set(ids))
    for i in range(0, len(ordered), 500):
        for rid, doc in conn.execute(
            select(e.c.id, e.c.doc).where(e.c.id.in_(ordered[i : i + 500]), e.c.status == ACCEPTED)
        ):
            found[rid] = parse(Event, doc)
    return found

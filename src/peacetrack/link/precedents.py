"""Coded events as precedents: what coders already linked teaches the index.

An accepted event with effects on provisions is a labelled example: a new
text that reads like it probably bears on the same provisions. Precedents
carry an event's title and summary in both languages and the provisions it
was linked to (with the effect), and a digest, so the index re-tokenises only
new or changed ones. Proposed events (from ingest, not yet reviewed) are never
precedents: the linker must not learn from its own unreviewed guesses.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import orjson
from sqlalchemy import Connection, select

from peacetrack.model.records import Event
from peacetrack.model.status import ACCEPTED
from peacetrack.store import tables as t


@dataclass(frozen=True, slots=True)
class Precedent:
    """One coded event as the index sees it."""

    id: str
    date: str
    """ISO day, so an evaluation can keep only the events known before a date."""
    text_en: str
    text_ko: str = ""
    links: tuple[tuple[str, str], ...] = ()
    """(provision id, effect), in the event's order."""

    @property
    def provisions(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(p for p, _ in self.links))

    def effect_on(self, provision: str) -> str | None:
        return next((e for p, e in self.links if p == provision), None)

    def digest(self) -> str:
        data = [self.id, self.date, self.text_en, self.text_ko, self.links]
        return hashlib.blake2b(orjson.dumps(data), digest_size=16).hexdigest()


def _join(*parts: str | None) -> str:
    return "\n".join(p for p in parts if p)


def precedents_from_records(events: Iterable[Event]) -> list[Precedent]:
    """Precedents from validated events (bundle files): those with at least one effect."""
    out: list[Precedent] = []
    for ev in events:
        if not ev.effects:
            continue
        summary = ev.summary or {}
        out.append(
            Precedent(
                id=ev.id,
                date=ev.date.isoformat(),
                text_en=_join(ev.title.get("en"), summary.get("en")),
                text_ko=_join(ev.title.get("ko"), summary.get("ko")),
                links=tuple((e.provision, str(e.effect)) for e in ev.effects),
            )
        )
    return out


def precedents_from_bundles(sources: Iterable[str | Path]) -> list[Precedent]:
    """Precedents from bundle files or ``@dataset`` names, read without a database."""
    from peacetrack.bundle.load import load

    events: list[Event] = []
    for fragment in load([str(s) for s in sources]):
        data = fragment.data if isinstance(fragment.data, dict) else {}
        events.extend(Event.model_validate(e) for e in data.get("events") or [])
    return precedents_from_records(events)


def precedents_from_store(conn: Connection) -> list[Precedent]:
    """Accepted events of the database that are linked to provisions, oldest first."""
    e, fx = t.events, t.event_effects
    links: dict[str, list[tuple[str, str]]] = defaultdict(list)
    query = (
        select(fx.c.event_id, fx.c.provision_id, fx.c.effect)
        .select_from(fx.join(e, e.c.id == fx.c.event_id))
        .where(e.c.status == ACCEPTED)
    )
    for event_id, provision_id, effect in conn.execute(query):
        links[event_id].append((provision_id, effect))
    if not links:
        return []
    out: list[Precedent] = []
    rows = conn.execute(
        select(e.c.id, e.c.date, e.c.title_en, e.c.title_ko, e.c.doc)
        .where(e.c.status == ACCEPTED)
        .order_by(e.c.date, e.c.id)
    )
    for event_id, day, title_en, title_ko, raw in rows:
        linked = links.get(event_id)
        if not linked:
            continue
        d = orjson.loads(raw)
        summary = d.get("summary") or {}
        # The effects table has no order: the event's own document keeps the coder's order.
        order = {(x.get("provision"), x.get("effect")): i for i, x in enumerate(d.get("effects") or [])}
        linked.sort(key=lambda pe: (order.get(pe, len(order)), pe))
        out.append(
            Precedent(
                id=event_id,
                date=day.isoformat(),
                text_en=_join(title_en, summary.get("en")),
                text_ko=_join(title_ko, summary.get("ko")),
                links=tuple(linked),
            )
        )
    return out

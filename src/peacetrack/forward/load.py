"""The facts the way forward needs beyond the scoring index, read from the store in three queries."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date

import orjson
from sqlalchemy import Connection, select

from peacetrack.forward.ledger import EventFacts, ProvisionFacts
from peacetrack.model.languages import Lang, pick
from peacetrack.model.status import ACCEPTED
from peacetrack.store import tables as t
from peacetrack.store.chunks import id_chunks


def provision_facts(conn: Connection) -> dict[str, ProvisionFacts]:
    """Due date, ``part_of`` and agreement parties of every provision of an accepted agreement."""
    a, ap = t.agreements, t.agreement_parties
    parties: dict[str, list[str]] = {}
    for agreement, actor in conn.execute(
        select(ap.c.agreement_id, ap.c.actor_id).where(ap.c.role == "party").order_by(ap.c.actor_id)
    ):
        parties.setdefault(agreement, []).append(actor)
    facts: dict[str, ProvisionFacts] = {}
    for agreement, doc in conn.execute(select(a.c.id, a.c.doc).where(a.c.status == ACCEPTED)):
        for p in orjson.loads(doc).get("provisions") or ():
            pid = p.get("id") or f"{agreement}/{p.get('ref')}"
            due = p.get("due")
            facts[pid] = ProvisionFacts(
                due=date.fromisoformat(due) if isinstance(due, str) else None,
                part_of=tuple(p.get("part_of") or ()),
                parties=tuple(parties.get(agreement, ())),
            )
    return facts


def event_facts(conn: Connection, ids: Collection[str], lang: Lang = "en") -> dict[str, EventFacts]:
    """Date, actors and title of the events among ``ids`` that exist (any status: evidence is cited)."""
    e, ea = t.events, t.event_actors
    found: dict[str, EventFacts] = {}
    for chunk in id_chunks(ids):
        actors: dict[str, list[str]] = {}
        for eid, actor in conn.execute(
            select(ea.c.event_id, ea.c.actor_id).where(ea.c.event_id.in_(chunk)).order_by(ea.c.actor_id)
        ):
            actors.setdefault(eid, []).append(actor)
        for eid, day, en, ko in conn.execute(
            select(e.c.id, e.c.date, e.c.title_en, e.c.title_ko).where(e.c.id.in_(chunk))
        ):
            found[eid] = EventFacts(day, tuple(actors.get(eid, ())), pick(en, ko, lang))
    return found

"""The events, actors and parties the index needs, read from the store in five queries."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import Connection, select

from peacetrack.environment.index import Dyad
from peacetrack.model.languages import Lang, pick
from peacetrack.model.status import ACCEPTED
from peacetrack.store import tables as t


@dataclass(frozen=True, slots=True)
class RawEvent:
    id: str
    day: date
    type: str
    title_en: str
    title: str
    """In the language asked."""
    actors: tuple[str, ...]
    effects: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Actors:
    kinds: dict[str, str]
    states: dict[str, str]
    """Actor id → the state it belongs to (by its country), or itself when it has none."""
    names: dict[str, str]


def actors(conn: Connection, lang: Lang = "en") -> Actors:
    a = t.actors
    rows = conn.execute(
        select(a.c.id, a.c.kind, a.c.country, a.c.name_en, a.c.name_ko).where(a.c.status == ACCEPTED)
    ).all()
    state_of_country = {country: aid for aid, kind, country, _, _ in rows if kind == "state" and country}
    return Actors(
        kinds={aid: kind for aid, kind, *_ in rows},
        states={aid: state_of_country.get(country or "", aid) for aid, _, country, _, _ in rows},
        names={aid: pick(en, ko, lang) for aid, _, _, en, ko in rows},
    )


def events(conn: Connection, lang: Lang = "en") -> list[RawEvent]:
    """Every accepted event, by date then id, with its actors and effects."""
    e, ea, ef = t.events, t.event_actors, t.event_effects
    accepted = e.c.status == ACCEPTED
    actors_of: dict[str, list[str]] = {}
    for eid, actor in conn.execute(
        select(ea.c.event_id, ea.c.actor_id).join(e, e.c.id == ea.c.event_id).where(accepted)
    ):
        actors_of.setdefault(eid, []).append(actor)
    effects_of: dict[str, list[str]] = {}
    for eid, effect in conn.execute(
        select(ef.c.event_id, ef.c.effect).join(e, e.c.id == ef.c.event_id).where(accepted)
    ):
        effects_of.setdefault(eid, []).append(effect)
    query = (
        select(e.c.id, e.c.date, e.c.type, e.c.title_en, e.c.title_ko)
        .where(accepted)
        .order_by(e.c.date, e.c.id)
    )
    return [
        RawEvent(
            eid,
            day,
            kind,
            en,
            pick(en, ko, lang),
            tuple(actors_of.get(eid, ())),
            tuple(effects_of.get(eid, ())),
        )
        for eid, day, kind, en, ko in conn.execute(query)
    ]


def agreement_dyads(conn: Connection) -> dict[str, list[Dyad]]:
    """Per accepted agreement, every pair of its parties: the relations a process is about."""
    a, ap = t.agreements, t.agreement_parties
    parties: dict[str, set[str]] = {}
    for agreement, actor in conn.execute(
        select(ap.c.agreement_id, ap.c.actor_id)
        .join(a, a.c.id == ap.c.agreement_id)
        .where(ap.c.role == "party", a.c.status == ACCEPTED)
    ):
        parties.setdefault(agreement, set()).add(actor)
    return {
        agreement: sorted((x, y) for x in members for y in members if x < y)
        for agreement, members in sorted(parties.items())
    }

"""Actors: commitments, actions, statements, gatherings, and for organisations their co-signatories."""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter
from fastapi.responses import Response
from sqlalchemy import select

from peacetrack.model.codebook import ActorKind
from peacetrack.model.records import Actor
from peacetrack.store import tables as t
from peacetrack.web.pages.common import PageOf, as_of_param, not_found
from peacetrack.web.queries import civil
from peacetrack.web.queries import events as event_q
from peacetrack.web.queries import records as rq
from peacetrack.web.queries import scores as sq

router = APIRouter()

RECENT_ACTIONS = 20


@router.get("/actors")
def actors_index(page: PageOf) -> Response:
    with page.store.read() as conn:
        actors = rq.all_of(conn, Actor)
    groups: dict[ActorKind, list[Actor]] = {kind: [] for kind in ActorKind}
    for actor in sorted(actors, key=lambda a: rq.pick(a.name, page.lang).lower()):
        groups[actor.kind].append(actor)
    return page.render("actors.html", {"groups": [(k, v) for k, v in groups.items() if v]})


@router.get("/actors/{actor_id}")
def actor_page(page: PageOf, actor_id: str, as_of: str | None = None) -> Response:
    day = as_of_param(as_of)
    idx = sq.index(page.store, page.cache, page.lang)
    with page.store.read() as conn:
        actor = rq.get(conn, Actor, actor_id)
        if actor is None:
            raise not_found("actor", actor_id)
        pr = t.provision_responsible
        committed = set(conn.scalars(select(pr.c.provision_id).where(pr.c.actor_id == actor_id)))
        commitments = [
            (pn, sq.status(idx, pn.id, day)) for pn in rq.all_provision_names(conn) if pn.id in committed
        ]
        flt = event_q.EventFilter(actor=actor_id)
        action_count = event_q.count(conn, flt)
        actions = event_q.find(conn, flt, limit=RECENT_ACTIONS)
        statements = civil.statements_of(conn, actor_id)
        gatherings = civil.gatherings_of(conn, actor_id)
        cosigners = civil.co_signatories(conn, actor_id)
        members = civil.members_of(conn, actor_id)
        names = rq.names(
            conn,
            {
                *actor.member_of,
                *members,
                *(a for a, _ in cosigners),
                *(a for e in actions for a in e.actors),
            },
            page.lang,
        )
        effect_names = rq.provision_names(conn, {fx.provision for e in actions for fx in e.effects})
    return page.render(
        "actor.html",
        {
            "actor": actor,
            "commitments": [(pn, st) for pn, st in commitments if st is not None],
            "actions": actions,
            "action_count": action_count,
            "statements": statements,
            "gatherings": gatherings,
            "cosigners": cosigners,
            "members": members,
            "names": names,
            "effect_names": effect_names,
            "as_of": day,
            "is_org": actor.kind in (ActorKind.ORGANIZATION, ActorKind.COALITION),
            "today": date.today(),
        },
    )

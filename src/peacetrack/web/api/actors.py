"""Actors: the list, and one actor with everything it is part of."""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request
from sqlalchemy import func, select

from peacetrack.model.codebook import ActorKind
from peacetrack.model.status import ACCEPTED
from peacetrack.store import tables as t
from peacetrack.web.api.agreements import level_at
from peacetrack.web.api.common import (
    actor_refs,
    doc,
    doc_contains,
    exact_in_sql,
    find,
    provision_refs,
    refs_in_order,
    scoring_index,
    store_of,
    text_map,
)
from peacetrack.web.api.schemas_people import ActorDetail, ActorSummary
from peacetrack.web.api.scores import AsOf
from peacetrack.web.errors import not_found

reads = APIRouter(tags=["actors"])

RECENT_EVENTS = 100


@reads.get("/api/actors", response_model=list[ActorSummary], summary="Every actor, by name")
def list_actors(
    request: Request,
    kind: Annotated[ActorKind | None, Query(description="Only actors of this kind.")] = None,
    q: Annotated[
        str | None, Query(max_length=200, description="Text in a name, alias or other field.")
    ] = None,
) -> list[dict[str, Any]]:
    a = t.actors
    query = select(a.c.doc).where(a.c.status == ACCEPTED).order_by(a.c.name_en, a.c.id)
    if kind is not None:
        query = query.where(a.c.kind == kind.value)
    needle = q.strip() if q else None
    if needle:
        query = query.where(doc_contains(a.c.doc, needle))
    with store_of(request).read() as conn:
        docs = [doc(raw) for raw in conn.scalars(query)]
    return [
        {
            "id": d["id"],
            "kind": d["kind"],
            "name": d["name"],
            "aliases": d.get("aliases", []),
            "country": d.get("country"),
        }
        for d in docs
        if not needle or exact_in_sql("actors", needle) or find(d, needle) is not None
    ]


@reads.get(
    "/api/actors/{actor_id}",
    response_model=ActorDetail,
    summary="One actor: commitments, agreements, events, statements, gatherings, co-signatories",
)
def get_actor(
    request: Request,
    actor_id: Annotated[str, Path(description="Actor id, e.g. prk.")],
    as_of: AsOf = None,
) -> dict[str, Any]:
    day = as_of or date.today()
    index = scoring_index(request)
    a, am, pr, ap, ag = t.actors, t.actor_members, t.provision_responsible, t.agreement_parties, t.agreements
    e, ea, st, sa, g, ga = (
        t.events,
        t.event_actors,
        t.statements,
        t.statement_actors,
        t.gatherings,
        t.gathering_actors,
    )
    with store_of(request).read() as conn:
        found = conn.execute(select(a.c.doc, a.c.status).where(a.c.id == actor_id)).first()
        if found is None:
            raise not_found("actor", actor_id)
        d = doc(found[0])
        members = list(
            conn.scalars(select(am.c.actor_id).where(am.c.member_of == actor_id).order_by(am.c.actor_id))
        )
        committed = list(
            conn.scalars(
                select(pr.c.provision_id).where(pr.c.actor_id == actor_id).order_by(pr.c.provision_id)
            )
        )
        provisions = provision_refs(conn, committed)
        agreements = conn.execute(
            select(ag.c.id, ag.c.title_en, ag.c.title_ko, ag.c.signed, ap.c.role)
            .join(ag, ag.c.id == ap.c.agreement_id)
            .where(ap.c.actor_id == actor_id, ag.c.status == ACCEPTED)
            .order_by(ag.c.signed, ag.c.id, ap.c.role)
        ).all()
        mine = select(ea.c.event_id).where(ea.c.actor_id == actor_id)
        visible = e.c.status == ACCEPTED
        events_total = conn.scalar(select(func.count()).select_from(e).where(e.c.id.in_(mine), visible)) or 0
        events = conn.execute(
            select(e.c.id, e.c.date, e.c.title_en, e.c.title_ko, e.c.type)
            .where(e.c.id.in_(mine), visible)
            .order_by(e.c.date.desc(), e.c.id.desc())
            .limit(RECENT_EVENTS)
        ).all()
        statements = conn.execute(
            select(st.c.id, st.c.date, st.c.title_en, st.c.title_ko, st.c.kind, sa.c.role)
            .join(st, st.c.id == sa.c.statement_id)
            .where(sa.c.actor_id == actor_id, st.c.status == ACCEPTED)
            .order_by(st.c.date.desc(), st.c.id, sa.c.role)
        ).all()
        gatherings = conn.execute(
            select(g.c.id, g.c.start, g.c.title_en, g.c.title_ko, ga.c.role)
            .join(g, g.c.id == ga.c.gathering_id)
            .where(ga.c.actor_id == actor_id, g.c.status == ACCEPTED)
            .order_by(g.c.start.desc(), g.c.id, ga.c.role)
        ).all()
        signed = select(sa.c.statement_id).where(sa.c.actor_id == actor_id, sa.c.role == "signatory")
        others = Counter(
            conn.scalars(
                select(sa.c.actor_id).where(
                    sa.c.statement_id.in_(signed), sa.c.role == "signatory", sa.c.actor_id != actor_id
                )
            )
        )
        refs = actor_refs(conn, [*d.get("member_of", []), *members, *others])
    commitments = []
    for pid in committed:
        if pid not in provisions:
            continue
        level, peak, _ = level_at(index, pid, day)
        commitments.append({"provision": provisions[pid], "level": level, "reversed": level < peak})
    return {
        "id": actor_id,
        "kind": d["kind"],
        "name": d["name"],
        "aliases": d.get("aliases", []),
        "country": d.get("country"),
        "ecosoc_status": d.get("ecosoc_status"),
        "url": d.get("url"),
        "status": found[1],
        "member_of": refs_in_order(refs, d.get("member_of", [])),
        "members": refs_in_order(refs, members),
        "as_of": day,
        "commitments": commitments,
        "agreements": [
            {"agreement": {"id": aid, "title": text_map(en, ko), "signed": s}, "role": role}
            for aid, en, ko, s, role in agreements
        ],
        "events": [
            {"id": eid, "date": dd, "title": text_map(en, ko), "type": typ} for eid, dd, en, ko, typ in events
        ],
        "events_total": events_total,
        "statements": [
            {"id": sid, "date": dd, "title": text_map(en, ko), "kind": kind, "role": role}
            for sid, dd, en, ko, kind, role in statements
        ],
        "gatherings": [
            {"id": gid, "start": dd, "title": text_map(en, ko), "role": role}
            for gid, dd, en, ko, role in gatherings
        ],
        "co_signatories": [
            {"actor": refs[other], "statements": n}
            for other, n in sorted(others.items(), key=lambda kv: (-kv[1], kv[0]))
            if other in refs
        ],
    }

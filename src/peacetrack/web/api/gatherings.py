"""Gatherings (conferences, meetings) with their sessions: list and one."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request
from sqlalchemy import select

from peacetrack.model.codebook import GatheringMode
from peacetrack.store import tables as t
from peacetrack.web.api.common import (
    DatedQuery,
    Ref,
    actor_refs,
    dated_page,
    doc,
    refs_in_order,
    store_of,
)
from peacetrack.web.api.schemas_people import GatheringDetail, GatheringPage
from peacetrack.web.errors import not_found

reads = APIRouter(tags=["gatherings"])


def gathering_fields(d: dict[str, Any], actors: dict[str, Ref]) -> dict[str, Any]:
    """The fields of GatheringFields, from a stored gathering."""
    return {
        "id": d["id"],
        "title": d["title"],
        "start": d["start"],
        "end": d["end"],
        "place": d.get("place"),
        "mode": d["mode"],
        "hosts": refs_in_order(actors, d.get("hosts", [])),
        "attendance": d.get("attendance"),
    }


@reads.get(
    "/api/gatherings",
    response_model=GatheringPage,
    summary="Gatherings, filtered and paged",
    description="Pages follow (start, id); pass `next_cursor` back as `cursor` until it is null.",
)
def list_gatherings(
    request: Request,
    query: Annotated[DatedQuery, Depends()],
    actor: Annotated[str | None, Query(description="Actor id among hosts, sponsors or speakers.")] = None,
    mode: Annotated[GatheringMode | None, Query(description="in_person, online or hybrid.")] = None,
) -> dict[str, Any]:
    ga = t.gathering_actors
    with store_of(request).read() as conn:
        page, next_cursor = dated_page(
            conn,
            t.gatherings,
            query,
            day_field="start",
            kind="gatherings",
            code=(t.gatherings.c.mode, mode.value) if mode is not None else None,
            actor_link=(ga.c.gathering_id, ga.c.actor_id == actor) if actor is not None else None,
        )
        actors = actor_refs(conn, (a for d in page for a in d.get("hosts", [])))
    items = [{**gathering_fields(d, actors), "sessions": len(d.get("sessions", []))} for d in page]
    return {"items": items, "next_cursor": next_cursor, "limit": query.limit}


@reads.get("/api/gatherings/{gathering_id}", response_model=GatheringDetail, summary="One gathering")
def get_gathering(
    request: Request, gathering_id: Annotated[str, Path(description="Gathering id.")]
) -> dict[str, Any]:
    g = t.gatherings
    with store_of(request).read() as conn:
        found = conn.execute(select(g.c.doc, g.c.status).where(g.c.id == gathering_id)).first()
        if found is None:
            raise not_found("gathering", gathering_id)
        d = doc(found[0])
        sessions = d.get("sessions", [])
        actors = actor_refs(
            conn,
            [
                *d.get("hosts", []),
                *d.get("sponsors", []),
                *(a for s in sessions for a in s.get("speakers", [])),
            ],
        )
    return {
        **gathering_fields(d, actors),
        "sponsors": refs_in_order(actors, d.get("sponsors", [])),
        "sessions": [
            {
                "title": s["title"],
                "access": s["access"],
                "date": s.get("date"),
                "topics": s.get("topics", []),
                "speakers": refs_in_order(actors, s.get("speakers", [])),
                "outputs": s.get("outputs", []),
            }
            for s in sessions
        ],
        "source": d.get("source"),
        "status": found[1],
    }

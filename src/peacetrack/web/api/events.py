"""Events: a filtered, cursor-paged timeline; one event; create, patch, delete."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Body, Path, Query, Request, Response
from sqlalchemy import Connection, Select, select

from peacetrack.model.codebook import EventType
from peacetrack.model.records import Event
from peacetrack.model.status import ACCEPTED
from peacetrack.store import tables as t
from peacetrack.store.writer import delete_record
from peacetrack.web.api.common import (
    Order,
    Ref,
    actor_refs,
    decode_cursor,
    doc,
    doc_contains,
    exact_in_sql,
    page_docs,
    provision_refs,
    refs_in_order,
    store_of,
    theme_descendants,
)
from peacetrack.web.api.schemas import EventDetail, EventPage
from peacetrack.web.api.sources import sources_out
from peacetrack.web.api.writes import patch_record, write_record
from peacetrack.web.auth import Editor
from peacetrack.web.errors import ApiError, ProblemOut, not_found

reads = APIRouter(tags=["events"])
writes = APIRouter(tags=["events"])

MAX_LIMIT = 500

Reason = Annotated[str | None, Query(max_length=1000, description="Why, for the revision history.")]


def event_out(d: dict[str, Any], actors: dict[str, Ref]) -> dict[str, Any]:
    return {
        "id": d["id"],
        "date": d["date"],
        "date_end": d.get("date_end"),
        "precision": d.get("precision"),
        "title": d["title"],
        "summary": d.get("summary"),
        "type": d["type"],
        "actors": refs_in_order(actors, d.get("actors", [])),
        "place": d.get("place"),
        "sources": sources_out(d.get("sources", [])),
        "effects": d.get("effects", []),
    }


def events_out(conn: Connection, docs: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    docs = list(docs)
    actors = actor_refs(conn, (a for d in docs for a in d.get("actors", [])))
    return [event_out(d, actors) for d in docs]


def _filtered(
    conn: Connection,
    start: date | None,
    end: date | None,
    actor: str | None,
    theme: str | None,
    provision: str | None,
    type_: EventType | None,
    q: str | None,
) -> Select[Any]:
    e, ea, ee, pt = t.events, t.event_actors, t.event_effects, t.provision_themes
    query = select(e.c.id, e.c.date, e.c.doc).where(e.c.status == ACCEPTED)
    if start is not None:
        query = query.where(e.c.date >= start)
    if end is not None:
        query = query.where(e.c.date <= end)
    if type_ is not None:
        query = query.where(e.c.type == type_.value)
    if actor is not None:
        query = query.where(e.c.id.in_(select(ea.c.event_id).where(ea.c.actor_id == actor)))
    if provision is not None:
        query = query.where(e.c.id.in_(select(ee.c.event_id).where(ee.c.provision_id == provision)))
    if theme is not None:
        themes = sorted(theme_descendants(conn, theme))
        tagged = select(pt.c.provision_id).where(pt.c.theme_id.in_(themes))
        query = query.where(e.c.id.in_(select(ee.c.event_id).where(ee.c.provision_id.in_(tagged))))
    if q:
        query = query.where(doc_contains(e.c.doc, q))
    return query


@reads.get(
    "/api/events",
    response_model=EventPage,
    summary="Events, filtered and paged",
    description=(
        "Filters combine (all must hold). `theme` takes in the theme's descendants, through the themes "
        "of the provisions the event's effects name. `q` matches any text of the event (title, summary, "
        "place, sources...) in any language, ignoring case. Pages follow (date, id), oldest first unless "
        "`order=desc`; pass `next_cursor` back as `cursor` until it is null."
    ),
)
def list_events(
    request: Request,
    start: Annotated[date | None, Query(alias="from", description="Events on or after this date.")] = None,
    end: Annotated[date | None, Query(alias="to", description="Events on or before this date.")] = None,
    actor: Annotated[str | None, Query(description="Actor id among the event's actors.")] = None,
    theme: Annotated[str | None, Query(description="Theme id (descendants included).")] = None,
    provision: Annotated[str | None, Query(description="Provision id named by an effect.")] = None,
    type_: Annotated[EventType | None, Query(alias="type", description="Event type code.")] = None,
    q: Annotated[str | None, Query(max_length=200, description="Text to look for.")] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Events per page.")] = 50,
    cursor: Annotated[
        str | None, Query(max_length=1000, description="`next_cursor` of the page before.")
    ] = None,
    order: Annotated[Order, Query(description="By date: asc (oldest first) or desc.")] = "asc",
) -> dict[str, Any]:
    after = decode_cursor(cursor) if cursor else None
    e = t.events
    needle = q.strip() if q else None
    with store_of(request).read() as conn:
        base = _filtered(conn, start, end, actor, theme, provision, type_, needle)
        page, next_cursor = page_docs(
            conn,
            base,
            e.c.date,
            e.c.id,
            after=after,
            order=order,
            limit=limit,
            needle=needle if needle and not exact_in_sql("events", needle) else None,
            day_field="date",
        )
        return {"items": events_out(conn, page), "next_cursor": next_cursor, "limit": limit}


def event_detail(conn: Connection, event_id: str) -> dict[str, Any]:
    e, s, ae = t.events, t.assessments, t.assessment_evidence
    found = conn.execute(select(e.c.doc, e.c.status).where(e.c.id == event_id)).first()
    if found is None:
        raise not_found("event", event_id)
    d = doc(found[0])
    provisions = provision_refs(conn, [x["provision"] for x in d.get("effects", [])])
    cited = conn.execute(
        select(s.c.id, s.c.provision_id, s.c.as_of, s.c.level)
        .join(ae, ae.c.assessment_id == s.c.id)
        .where(ae.c.event_id == event_id)
        .order_by(s.c.as_of, s.c.recorded)
    ).all()
    return {
        **events_out(conn, [d])[0],
        "status": found[1],
        "provisions": [
            provisions[p]
            for p in dict.fromkeys(x["provision"] for x in d.get("effects", []))
            if p in provisions
        ],
        "cited_by": [
            {"id": aid, "provision": pid, "as_of": as_of, "level": level} for aid, pid, as_of, level in cited
        ],
    }


@reads.get("/api/events/{event_id}", response_model=EventDetail, summary="One event")
def get_event(request: Request, event_id: Annotated[str, Path(description="Event id.")]) -> dict[str, Any]:
    with store_of(request).read() as conn:
        return event_detail(conn, event_id)


@writes.post(
    "/api/events",
    response_model=EventDetail,
    status_code=201,
    summary="Record a new event",
    description="The body is an event as in bundles (docs/bundle-format.md); it is validated exactly as "
    "import validates it. 409 if the id is taken (use PATCH to change an event).",
)
def create_event(
    request: Request, response: Response, event: Event, user: Editor, reason: Reason = None
) -> dict[str, Any]:
    store = store_of(request)

    def fresh(conn: Connection, known: Any, _v: Any) -> None:
        if event.id in known.events:
            raise ApiError(
                409, "conflict", f"event {event.id!r} exists; PATCH /api/events/{event.id} changes it"
            )

    write_record(
        store,
        "events",
        event.doc(),
        author=user.name,
        reason=reason or f"api: POST /api/events ({event.id})",
        check=fresh,
    )
    response.headers["Location"] = f"/api/events/{event.id}"
    with store.read() as conn:
        return event_detail(conn, event.id)


@writes.patch(
    "/api/events/{event_id}",
    response_model=EventDetail,
    summary="Change an event (JSON merge patch)",
    description="RFC 7396: fields given replace the stored ones, `null` removes a field. The result is "
    "validated as a whole, as import validates it.",
)
def patch_event(
    request: Request,
    event_id: Annotated[str, Path(description="Event id.")],
    patch: Annotated[dict[str, Any], Body(description="Fields to change.")],
    user: Editor,
    reason: Reason = None,
) -> dict[str, Any]:
    return patch_record(
        store_of(request),
        "events",
        "event",
        event_id,
        patch,
        author=user.name,
        reason=reason or f"api: PATCH /api/events/{event_id}",
        read=event_detail,
    )


@writes.delete(
    "/api/events/{event_id}",
    status_code=204,
    summary="Delete an event",
    description="409 while an assessment cites it as evidence. The deletion is kept in the history.",
)
def delete_event(
    request: Request,
    event_id: Annotated[str, Path(description="Event id.")],
    user: Editor,
    reason: Reason = None,
) -> Response:
    ae = t.assessment_evidence
    with store_of(request).write() as conn:
        citing = sorted(conn.scalars(select(ae.c.assessment_id).where(ae.c.event_id == event_id)))
        if citing:
            raise ApiError(
                409,
                "conflict",
                f"event {event_id!r} is evidence of {len(citing)} assessment(s); change those first",
                [ProblemOut(path=f"assessments/{a}", reason="cites this event") for a in citing],
            )
        if not delete_record(
            conn, "events", event_id, author=user.name, reason=reason or f"api: DELETE /api/events/{event_id}"
        ):
            raise not_found("event", event_id)
    return Response(status_code=204)

"""The timeline: events filtered by a GET form, with their sources; one event's page; downloads."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TypeVar

from fastapi import APIRouter
from fastapi.responses import Response
from sqlalchemy import Connection

from peacetrack.model import hosts
from peacetrack.model.codebook import EventType
from peacetrack.model.records import Event
from peacetrack.store import Store
from peacetrack.web.pages import charts
from peacetrack.web.pages.common import (
    PageError,
    PageOf,
    csv_download,
    json_download,
    not_found,
    parse_day,
    parse_format,
    parse_page,
)
from peacetrack.web.queries import events as event_q
from peacetrack.web.queries import records as rq

router = APIRouter()

PAGE_SIZE = 25
EXPORT_LIMIT = 100_000


def _csv_rows(events: list[Event], lang: str) -> list[list[object]]:
    return [
        [
            e.id,
            e.date.isoformat(),
            e.date_end.isoformat() if e.date_end else "",
            e.type.value,
            rq.pick(e.title, lang),
            " ".join(e.actors),
            " ".join(f"{fx.provision}:{fx.effect.value}" for fx in e.effects),
            " ".join(s.url for s in e.sources),
            " ".join(str(hosts.category(s) or "") for s in e.sources),
        ]
        for e in events
    ]


T = TypeVar("T")


def _reading(store: Store, query: Callable[[Connection], T]) -> Callable[[], T]:
    """``query`` on a connection of its own: what a per-data-version cache entry computes."""

    def read() -> T:
        with store.read() as conn:
            return query(conn)

    return read


@router.get("/events")
def timeline(page: PageOf) -> Response:
    qp = page.request.query_params
    start = parse_day(qp.get("from"), "from")
    end = parse_day(qp.get("to"), "to")
    if start and end and start > end:
        raise PageError(400, "error.bad_range", start=start.isoformat(), end=end.isoformat())
    kind = qp.get("type") or None
    if kind is not None and kind not in {member.value for member in EventType}:
        raise PageError(400, "error.bad_type", value=kind)
    fmt = parse_format(qp.get("format"))
    number = parse_page(qp.get("page"))
    order = qp.get("order") or "newest"
    theme, actor, provision, q = (qp.get(k) or None for k in ("theme", "actor", "provision", "q"))
    cache = page.cache
    with page.store.read() as conn:
        tree = rq.theme_tree(conn)
        flt = event_q.EventFilter(
            start=start,
            end=end,
            actor=actor,
            themes=rq.descendants(tree, theme) if theme else (),
            type=kind,
            provision=provision,
            q=q,
            newest_first=order != "oldest",
            longest_days=cache.get("timeline:longest", _reading(page.store, event_q.longest_span)),
        )
        if fmt != "html":
            found = event_q.find(conn, flt, limit=EXPORT_LIMIT)
            stamp = date.today().isoformat()
            if fmt == "json":
                return json_download(f"events-{stamp}.json", [e.doc() for e in found])
            return csv_download(
                f"events-{stamp}.csv",
                [
                    "id",
                    "date",
                    "date_end",
                    "type",
                    "title",
                    "actors",
                    "effects",
                    "sources",
                    "source_categories",
                ],
                _csv_rows(found, page.lang),
            )
        # One grouped count gives both the histogram and the total. Unfiltered it covers every event
        # (seconds at millions), so that one is kept per data version, as are the filter's choices.
        unfiltered = flt == event_q.EventFilter(newest_first=flt.newest_first, longest_days=flt.longest_days)
        months = (
            cache.get("timeline:months", _reading(page.store, lambda c: event_q.by_month(c, flt)))
            if unfiltered
            else event_q.by_month(conn, flt)
        )
        total = sum(months.values())
        pages = max(1, -(-total // PAGE_SIZE))
        found = event_q.find(conn, flt, limit=PAGE_SIZE, offset=(number - 1) * PAGE_SIZE)
        actor_ids = cache.get("timeline:actors", _reading(page.store, event_q.actors_with_events))
        actor_names = rq.names(conn, {*actor_ids, *(a for e in found for a in e.actors)}, page.lang)
        provisions = cache.get("timeline:provisions", _reading(page.store, rq.all_provision_names))
        effect_names = rq.provision_names(conn, {fx.provision for e in found for fx in e.effects})
    view = page.view
    histogram = charts.month_bars(
        months,
        href=lambda first, last: view.here(
            **{"from": first.isoformat(), "to": last.isoformat(), "page": None}
        ),
        label=lambda month, n: view.t("events.bar_label", month=view.month(month), n=n),
    )
    return page.render(
        "events.html",
        {
            "events": found,
            "total": total,
            "page": number,
            "pages": pages,
            "histogram": histogram,
            "actor_ids": sorted(actor_ids, key=lambda aid: (actor_names.get(aid) or aid).lower()),
            "actor_names": actor_names,
            "tree": tree,
            "types": list(EventType),
            "provisions": provisions,
            "effect_names": effect_names,
            "f": {
                "from": start.isoformat() if start else "",
                "to": end.isoformat() if end else "",
                "actor": actor or "",
                "theme": theme or "",
                "type": kind or "",
                "provision": provision or "",
                "q": q or "",
                "order": "oldest" if order == "oldest" else "newest",
            },
            "filtered": any([start, end, actor, theme, kind, provision, q]),
        },
    )


@router.get("/events/{event_id}")
def event_page(page: PageOf, event_id: str) -> Response:
    with page.store.read() as conn:
        event = rq.get(conn, Event, event_id)
        if event is None:
            raise not_found("event", event_id)
        actor_names = rq.names(conn, event.actors, page.lang)
        effect_names = rq.provision_names(conn, {fx.provision for fx in event.effects})
        citations = event_q.citations(conn, event_id)
        cited_names = rq.provision_names(conn, {c.provision for c in citations})
    return page.render(
        "event.html",
        {
            "event": event,
            "actor_names": actor_names,
            "effect_names": effect_names,
            "citations": citations,
            "cited_names": cited_names,
        },
    )

"""Full-text search over events, provisions, actors, statements and gatherings, in any language.

One code path on both databases: a case-insensitive substring filter in SQL
(ILIKE on PostgreSQL, ``lower() LIKE lower()`` on SQLite), then a check of the
record's text values. Substrings, not words, because Korean attaches particles
to nouns (``연락사무소를`` must match ``연락사무소``); measured in docs/api.md.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Annotated, Any, Final, get_args
from urllib.parse import quote

from fastapi import APIRouter, Query, Request
from sqlalchemy import Connection, select

from peacetrack.store import tables as t
from peacetrack.web.api.common import (
    ACCEPTED,
    best_match,
    contains,
    doc,
    doc_contains,
    excerpt,
    find,
    store_of,
    text_map,
)
from peacetrack.web.api.schemas import SearchKind, SearchOut

reads = APIRouter(tags=["search"])

KINDS: Final[tuple[SearchKind, ...]] = get_args(SearchKind)
MAX_LIMIT = 100

Hit = dict[str, Any]


def _hit(kind: SearchKind, rid: str, title: dict[str, str], day: Any, match: str, q: str) -> Hit:
    return {
        "kind": kind,
        "id": rid,
        "title": title,
        "date": day,
        "match": excerpt(match, q),
        "href": f"/api/{kind}/{quote(rid, safe='/')}",
        "_title_hit": find(title, q) is not None,
    }


def _docs(conn: Connection, kind: SearchKind, q: str) -> Iterable[Hit]:
    table = t.RECORD_TABLES[kind]
    day_column = {"events": "date", "statements": "date", "gatherings": "start"}.get(kind)
    query = select(table.c.doc).where(table.c.status == ACCEPTED, doc_contains(table.c.doc, q))
    for raw in conn.scalars(query):
        d = doc(raw)
        match = best_match(d, q)
        if match is None:
            continue
        title = d.get("title") or d.get("name") or {"en": d["id"]}
        yield _hit(kind, d["id"], title, d.get(day_column) if day_column else None, match, q)


def _provisions(conn: Connection, q: str) -> Iterable[Hit]:
    p, a = t.provisions, t.agreements
    query = (
        select(p.c.id, p.c.text_en, p.c.text_ko, a.c.title_en, a.c.title_ko)
        .join(a, a.c.id == p.c.agreement_id)
        .where(a.c.status == ACCEPTED)
        .where(contains(p.c.text_en, q) | contains(p.c.text_ko, q) | contains(p.c.id, q))
    )
    for pid, en, ko, title_en, title_ko in conn.execute(query):
        text = text_map(en, ko)
        match = find(text, q) or pid
        hit = _hit("provisions", pid, text, None, match, q)
        hit["title"] = {k: f"{v} — {pid}" for k, v in text_map(title_en, title_ko).items()}
        hit["_title_hit"] = find(text, q) is not None or q.lower() in pid.lower()
        yield hit


def search_records(conn: Connection, q: str, kinds: Iterable[SearchKind], limit: int) -> dict[str, Any]:
    """Matches per kind, best first (text in the title or name first, then newest); ``limit`` per kind."""
    counts: dict[str, int] = {}
    results: list[Hit] = []
    for kind in kinds:
        hits = list(_provisions(conn, q) if kind == "provisions" else _docs(conn, kind, q))
        counts[kind] = len(hits)
        hits.sort(key=lambda h: h["id"])
        hits.sort(key=lambda h: h["date"] or "", reverse=True)
        hits.sort(key=lambda h: not h["_title_hit"])
        for h in hits[:limit]:
            del h["_title_hit"]
            results.append(h)
    return {"q": q, "counts": counts, "results": results}


@reads.get(
    "/api/search",
    response_model=SearchOut,
    summary="Full-text search in English and Korean",
    description=(
        "Case-insensitive substring search over every text of events, provisions, actors, statements and "
        "gatherings, in every language. Results are grouped by kind, at most `limit` per kind: matches in "
        "a title or name first, then the newest."
    ),
)
def search(
    request: Request,
    q: Annotated[str, Query(min_length=1, max_length=200, description="Text to look for.")],
    kind: Annotated[
        list[SearchKind] | None, Query(description="Only these kinds (repeat the parameter).")
    ] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Results per kind.")] = 10,
) -> dict[str, Any]:
    needle = q.strip() or q
    chosen = [k for k in KINDS if not kind or k in kind]
    with store_of(request).read() as conn:
        return search_records(conn, needle, chosen, limit)

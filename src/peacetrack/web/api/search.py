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
from sqlalchemy import ColumnElement, Connection, Subquery, and_, case, func, select

from peacetrack.model.status import ACCEPTED
from peacetrack.store import hangul_grams
from peacetrack.store import tables as t
from peacetrack.web.api.common import (
    best_match,
    contains,
    count_up_to,
    doc,
    doc_contains,
    exact_in_sql,
    excerpt,
    find,
    store_of,
    text_map,
)
from peacetrack.web.api.schemas import SearchKind, SearchOut

reads = APIRouter(tags=["search"])

KINDS: Final[tuple[SearchKind, ...]] = get_args(SearchKind)
MAX_LIMIT = 100
COUNT_CAP: Final = 1000
"""Matches are counted up to this many: a count of 1,000 reads "1,000 or more" (counting every match
of a common word among millions of events took seconds)."""

Hit = dict[str, Any]


_TITLE = {"events": "title", "statements": "title", "gatherings": "title", "actors": "name"}
_DAY = {"events": "date", "statements": "date", "gatherings": "start"}


def _hit(kind: SearchKind, d: dict[str, Any], q: str) -> Hit:
    title = d.get(_TITLE[kind]) or {"en": d["id"]}
    return {
        "kind": kind,
        "id": d["id"],
        "title": title,
        "date": d.get(_DAY[kind]) if kind in _DAY else None,
        "match": excerpt(best_match(d, q) or "", q),
        "href": f"/api/{kind}/{quote(d['id'], safe='/')}",
    }


def _rank(hits: list[tuple[bool, Hit]]) -> list[Hit]:
    """Text in the title or name first, then the newest, then by id."""
    hits.sort(key=lambda h: h[1]["id"])
    hits.sort(key=lambda h: h[1]["date"] or "", reverse=True)
    hits.sort(key=lambda h: not h[0])
    return [h for _, h in hits]


def _docs(conn: Connection, kind: SearchKind, q: str, limit: int) -> tuple[int, list[Hit]]:
    table = t.RECORD_TABLES[kind]
    accepted = select(table).where(table.c.status == ACCEPTED)
    if exact_in_sql(kind, q):
        # The database's matches are the answer: title matches first, then the rest, each newest
        # first, counted up to COUNT_CAP. The first hits are asked first of the newest WINDOW
        # records, where a common word's are found at once (two short queries); only when the
        # window cannot settle them are all records ranked, in one pass, where a rare word's few
        # rows come from the trigram index (store/trigram.py). Sorting every match of a common
        # word among millions took seconds, and left to itself the planner sometimes did.
        if kind in _DAY:
            newest = accepted.order_by(table.c[_DAY[kind]].desc(), table.c.id).limit(WINDOW).subquery()
            rows = _first(conn, newest, kind, q, limit)
            if rows is not None:
                return _count(conn, kind, accepted.subquery(), q), [_hit(kind, doc(raw), q) for raw in rows]
        return _every_match(conn, kind, q, limit)
    # The query is inside a field name: check each document's values.
    found = and_(table.c.status == ACCEPTED, doc_contains(table.c.doc, q))
    checked: list[tuple[bool, Hit]] = []
    for raw in conn.scalars(select(table.c.doc).where(found)):
        d = doc(raw)
        if find(d, q) is not None:
            checked.append((find(d.get(_TITLE[kind]), q) is not None, _hit(kind, d, q)))
    return len(checked), _rank(checked)[:limit]


WINDOW: Final = 5_000
"""Newest records a search asks first for its first hits (see _docs): enough for a common word's,
few enough that a rare word's miss costs little."""


def _first(conn: Connection, source: Subquery, kind: SearchKind, q: str, limit: int) -> list[str] | None:
    """The first ``limit`` matching documents of a window of the newest records, title matches first,
    each newest first; None when the window is too short to be sure."""
    c = source.c
    found = doc_contains(c.doc, q)
    in_title = _in_title(c, kind, q)
    newest = [c[_DAY[kind]].desc()] if kind in _DAY else []
    rows: list[str] = []
    for tier in (in_title, ~in_title):
        if len(rows) < limit:
            want = limit - len(rows)
            got = list(conn.scalars(select(c.doc).where(found, tier).order_by(*newest, c.id).limit(want)))
            if len(got) < want:
                return None  # older records may hold more of this tier
            rows += got
    return rows


def _in_title(columns: Any, kind: SearchKind, q: str) -> ColumnElement[bool]:
    """``q`` in the record's title (its name, for an actor), in either language."""
    prefix = "name" if kind == "actors" else "title"
    return contains(columns[f"{prefix}_en"], q) | contains(func.coalesce(columns[f"{prefix}_ko"], ""), q)


def _every_match(conn: Connection, kind: SearchKind, q: str, limit: int) -> tuple[int, list[Hit]]:
    """Rank every match in one pass (id, date and whether in the title: a rare word's few, from the
    trigram index), then read the documents of the first ``limit``."""
    table = t.RECORD_TABLES[kind]
    in_title = _in_title(table.c, kind, q)
    day = table.c[_DAY[kind]] if kind in _DAY else None
    query = select(table.c.id, day if day is not None else table.c.id, in_title).where(
        table.c.status == ACCEPTED, doc_contains(table.c.doc, q)
    )
    short = conn.dialect.name == "postgresql" and len(q) < TRIGRAM
    if _by_syllables(conn, kind, q):
        # One or two Hangul letters: the syllable index finds the events holding them.
        query = query.where(hangul_grams.holds(table.c.doc, q))
        short = False
    if short:
        # No trigram in the pattern: the index would be read whole (40 s at 10 million events)
        # to find nothing; one scan of the table is the best there is.
        conn.exec_driver_sql("SET LOCAL enable_bitmapscan = off")
    matches = conn.execute(query).all()
    if short:
        conn.exec_driver_sql("SET LOCAL enable_bitmapscan = on")
    ranked = _rank(
        [
            (bool(titled), {"id": rid, "date": str(when) if day is not None else None})
            for rid, when, titled in matches
        ]
    )
    first = [h["id"] for h in ranked[:limit]]
    docs = {
        rid: raw for rid, raw in conn.execute(select(table.c.id, table.c.doc).where(table.c.id.in_(first)))
    }
    return min(len(matches), COUNT_CAP), [_hit(kind, doc(docs[rid]), q) for rid in first]


TRIGRAM: Final = 3
"""Characters a pattern needs before a trigram index can find it."""


def _by_syllables(conn: Connection, kind: SearchKind, q: str) -> bool:
    """Whether the Hangul syllable index answers ``q`` here (one or two Hangul letters, in events, on
    PostgreSQL where the index could be created)."""
    return kind == "events" and hangul_grams.answers(q) and hangul_grams.ready(conn)


_SCAN_FROM: Final = 10 * COUNT_CAP
"""Expected matches from which a count scans rather than reading the syllable index: the scan stops at
the COUNT_CAP-th match, while the index hands over every entry of a common gram (counting 회, held by
one event in five, took 90 ms that way at a million events against 3 ms scanning; the planner, misjudging
the LIKE beside it, chose the index)."""


def _count(conn: Connection, kind: SearchKind, source: Subquery, q: str) -> int:
    """Matches in ``source`` up to COUNT_CAP (a common word's stop early; a rare word's come from the
    trigram index, or for one or two Hangul letters from the syllable index: without it a short word
    that only recent events hold, common enough to fill the first page, was counted by reading every
    row: 0.4 s at a million events, bench/pgscale.py)."""
    query = select(source.c.id).where(doc_contains(source.c.doc, q))
    if _by_syllables(conn, kind, q) and (hangul_grams.expected_matches(conn, q) or 0) < _SCAN_FROM:
        query = query.where(hangul_grams.holds(source.c.doc, q))
    return count_up_to(conn, query, COUNT_CAP)


def _provisions(conn: Connection, q: str, limit: int) -> tuple[int, list[Hit]]:
    p, a = t.provisions, t.agreements
    in_text = contains(p.c.text_en, q) | contains(p.c.text_ko, q)
    found = and_(a.c.status == ACCEPTED, in_text | contains(p.c.id, q))
    joined = p.join(a, a.c.id == p.c.agreement_id)
    query = (
        select(p.c.id, p.c.text_en, p.c.text_ko, a.c.title_en, a.c.title_ko, func.count().over())
        .select_from(joined)
        .where(found)
        .order_by(case((in_text, 0), else_=1), p.c.id)
        .limit(limit)
    )
    rows = conn.execute(query).all()
    total = int(rows[0][5]) if rows else 0
    hits = []
    for pid, en, ko, title_en, title_ko, _ in rows:
        text = text_map(en, ko)
        hits.append(
            {
                "kind": "provisions",
                "id": pid,
                "title": {k: f"{v} — {pid}" for k, v in text_map(title_en, title_ko).items()},
                "date": None,
                "match": excerpt(find(text, q) or pid, q),
                "href": f"/api/provisions/{quote(pid, safe='/')}",
            }
        )
    return total, hits


def search_records(conn: Connection, q: str, kinds: Iterable[SearchKind], limit: int) -> dict[str, Any]:
    """Matches per kind, best first (text in the title or name first, then newest); ``limit`` per kind."""
    counts: dict[str, int] = {}
    results: list[Hit] = []
    for kind in kinds:
        total, hits = _provisions(conn, q, limit) if kind == "provisions" else _docs(conn, kind, q, limit)
        counts[kind] = total
        results += hits
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

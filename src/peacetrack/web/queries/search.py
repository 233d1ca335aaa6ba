"""Search across every kind of record, English and Korean, for the search page.

Events, provisions, actors, statements and gatherings come from the API's own
search (``web/api/search.py``: a substring filter in SQL, then a check of the
record's text values, so field names never match); agreements (titles and
aliases) and themes are added here, the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Final

from sqlalchemy import Connection, or_, select

from peacetrack.model.status import ACCEPTED
from peacetrack.store import tables as t
from peacetrack.web.api.common import best_match, contains, doc, doc_contains, excerpt
from peacetrack.web.api.search import KINDS as API_KINDS
from peacetrack.web.api.search import search_records

LIMIT: Final = 25
ORDER: Final = ("agreements", "provisions", "events", "actors", "statements", "gatherings", "themes")


@dataclass(frozen=True, slots=True)
class Hit:
    kind: str
    id: str
    title: dict[str, str]
    match: str
    """The text that matched (trimmed around the match)."""
    day: date | None = None


def _day(value: Any) -> date | None:
    try:
        return date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def _agreements(conn: Connection, q: str) -> tuple[list[Hit], int]:
    a = t.agreements
    hits: list[Hit] = []
    for raw in conn.scalars(
        select(a.c.doc).where(a.c.status == ACCEPTED, doc_contains(a.c.doc, q)).order_by(a.c.signed, a.c.id)
    ):
        d = doc(raw)
        # Title and aliases only: a provision's text is found as that provision.
        match = best_match({"title": d.get("title"), "aliases": d.get("aliases", [])}, q)
        if match is not None:
            hits.append(Hit("agreements", d["id"], d["title"], excerpt(match, q), _day(d.get("signed"))))
    return hits[:LIMIT], len(hits)


def _themes(conn: Connection, q: str) -> tuple[list[Hit], int]:
    th = t.themes
    rows = conn.execute(
        select(th.c.id, th.c.name_en, th.c.name_ko)
        .where(th.c.status == ACCEPTED, or_(contains(th.c.name_en, q), contains(th.c.name_ko, q)))
        .order_by(th.c.id)
    ).all()
    hits = []
    for rid, en, ko in rows:
        name = {"en": en, **({"ko": ko} if ko else {})}
        hits.append(Hit("themes", rid, name, en if q.lower() in en.lower() else (ko or en)))
    return hits[:LIMIT], len(hits)


def search(conn: Connection, q: str) -> dict[str, tuple[list[Hit], int]]:
    """Per kind (in a fixed order, empty kinds left out), the first hits and how many there are."""
    q = q.strip()
    if not q:
        return {}
    found: dict[str, tuple[list[Hit], int]] = {"agreements": _agreements(conn, q), "themes": _themes(conn, q)}
    api = search_records(conn, q, API_KINDS, LIMIT)
    for kind in API_KINDS:
        hits = [
            Hit(kind, h["id"], h["title"], h["match"], _day(h.get("date")))
            for h in api["results"]
            if h["kind"] == kind
        ]
        found[kind] = (hits, api["counts"].get(kind, 0))
    return {kind: found[kind] for kind in ORDER if kind in found and found[kind][1]}


def highlight(text: str, q: str) -> list[tuple[str, bool]]:
    """``text`` split into (part, matched) pieces around case-insensitive matches of ``q``."""
    q = q.strip()
    if not q or not text:
        return [(text, False)]
    low, needle = text.lower(), q.lower()
    if len(low) != len(text) or len(needle) != len(q):
        # Lower-casing changed lengths (rare letters): match exactly instead.
        low, needle = text, q
    parts: list[tuple[str, bool]] = []
    at = 0
    while True:
        hit = low.find(needle, at)
        if hit < 0:
            break
        if hit > at:
            parts.append((text[at:hit], False))
        parts.append((text[hit : hit + len(needle)], True))
        at = hit + len(needle)
    if at < len(text):
        parts.append((text[at:], False))
    return parts

"""Plain-text search across every kind of record, English and Korean.

A case-insensitive substring match on titles, names and texts (and, for
actors and events, the whole stored record, so aliases and summaries count).
Korean needs no stemming for this: a substring of Hangul matches as typed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from sqlalchemy import ColumnElement, Connection, Table, and_, func, or_, select

from peacetrack.store import tables as t
from peacetrack.web.queries.records import ACCEPTED

LIMIT: Final = 25
KINDS: Final = ("agreements", "provisions", "events", "actors", "statements", "gatherings", "themes")


@dataclass(frozen=True, slots=True)
class Hit:
    kind: str
    id: str
    title: dict[str, str]
    detail: dict[str, str] | None = None


def _text(en: str | None, ko: str | None) -> dict[str, str]:
    return {"en": en or "", **({"ko": ko} if ko else {})}


def _like(q: str, *columns: ColumnElement[str] | ColumnElement[str | None]) -> ColumnElement[bool]:
    low = q.lower()
    return or_(*(func.lower(func.coalesce(c, "")).contains(low, autoescape=True) for c in columns))


def _titled(
    conn: Connection, kind: str, table: Table, en: str, ko: str, q: str, *, doc: bool = False
) -> tuple[list[Hit], int]:
    cols = [table.c[en], table.c[ko], *([table.c.doc] if doc else [])]
    where = and_(table.c.status == ACCEPTED, _like(q, *cols))
    total = int(conn.scalar(select(func.count()).select_from(table).where(where)) or 0)
    rows = conn.execute(
        select(table.c.id, table.c[en], table.c[ko]).where(where).order_by(table.c.id).limit(LIMIT)
    )
    return [Hit(kind, rid, _text(e, k)) for rid, e, k in rows], total


def search(conn: Connection, q: str) -> dict[str, tuple[list[Hit], int]]:
    """Per kind, the first hits and how many there are in all."""
    q = q.strip()
    if not q:
        return {}
    found: dict[str, tuple[list[Hit], int]] = {}
    found["agreements"] = _titled(conn, "agreements", t.agreements, "title_en", "title_ko", q, doc=True)
    p, a = t.provisions, t.agreements
    where = and_(a.c.status == ACCEPTED, _like(q, p.c.text_en, p.c.text_ko, p.c.id))
    total = int(
        conn.scalar(select(func.count()).select_from(p.join(a, a.c.id == p.c.agreement_id)).where(where)) or 0
    )
    rows = conn.execute(
        select(p.c.id, p.c.text_en, p.c.text_ko, a.c.title_en, a.c.title_ko)
        .join(a, a.c.id == p.c.agreement_id)
        .where(where)
        .order_by(a.c.signed, p.c.agreement_id, p.c.position)
        .limit(LIMIT)
    )
    found["provisions"] = (
        [Hit("provisions", pid, _text(te, tk), _text(ae, ak)) for pid, te, tk, ae, ak in rows],
        total,
    )
    found["events"] = _titled(conn, "events", t.events, "title_en", "title_ko", q, doc=True)
    found["actors"] = _titled(conn, "actors", t.actors, "name_en", "name_ko", q, doc=True)
    found["statements"] = _titled(conn, "statements", t.statements, "title_en", "title_ko", q, doc=True)
    found["gatherings"] = _titled(conn, "gatherings", t.gatherings, "title_en", "title_ko", q, doc=True)
    found["themes"] = _titled(conn, "themes", t.themes, "name_en", "name_ko", q)
    return {kind: hit for kind, hit in found.items() if hit[1]}


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

"""The library of ingested documents, and search across every record (English and Korean).

``/library`` lists the documents ingest stored; ``/library/{id}`` shows one:
what it is, its versions, the records proposed from it (with their review
status) and its text with every extracted passage highlighted. Highlights
are built from the stored character offsets, never from the document's own
markup: the text is cut into plain pieces, and the template escapes each
one, so a hostile document shows as text.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Any, Final

import orjson
from fastapi import APIRouter, Request
from fastapi.responses import Response
from sqlalchemy import inspect, select

from peacetrack.ingest import documents as docs
from peacetrack.store import Store
from peacetrack.store import tables as t
from peacetrack.web.api.search import COUNT_CAP
from peacetrack.web.pages.common import PageOf, parse_page
from peacetrack.web.pages.kit import get_kit
from peacetrack.web.queries import search as search_q

router = APIRouter()

MAX_QUERY = 200
PAGE_SIZE: Final = 100
MAX_TEXT: Final = 200_000
"""Characters of a document shown with its highlights; the rest is cut, and the page says so."""
MAX_LABELS: Final = 4

WORD_KEYS: Final = (
    "count",
    "empty_body",
    "title",
    "kind",
    "language",
    "date",
    "file",
    "status",
    "records",
    "ingested",
    "by",
    "sha256",
    "source",
    "version_of",
    "newer",
    "superseded",
    "current",
    "proposed_from",
    "no_records",
    "left_out",
    "text",
    "spans",
    "cut",
    "missing",
    "review",
    "untitled",
    "more",
)


def page_words(request: Request, lang: str) -> dict[str, str]:
    """The library's own words from the app's catalogues (raw: templates fill the placeholders)."""
    catalogue = get_kit(request).catalogues[lang]
    return {key: catalogue(f"library_words.{key}") for key in WORD_KEYS}


def documents_table(store: Store) -> bool:
    """Whether the store has the table of ingested documents (a database not yet migrated may not)."""
    with store.read() as conn:
        return inspect(conn).has_table("documents")


@dataclass(frozen=True, slots=True)
class Piece:
    """A run of the document's text; ``labels`` name the extracted values it belongs to (none: plain)."""

    text: str
    labels: tuple[str, ...] = ()

    @property
    def title(self) -> str:
        shown = list(self.labels[:MAX_LABELS])
        if len(self.labels) > MAX_LABELS:
            shown.append(f"+{len(self.labels) - MAX_LABELS}")
        return " · ".join(shown)


def pieces(text: str, spans: Sequence[Mapping[str, Any]], limit: int = MAX_TEXT) -> list[Piece]:
    """Cut ``text[:limit]`` at every span edge; each piece knows which spans cover it."""
    text = text[:limit]
    size = len(text)
    opening: dict[int, list[str]] = {}
    closing: dict[int, list[str]] = {}
    for span in spans:
        try:
            start, end = max(0, int(span["start"])), min(size, int(span["end"]))
        except (KeyError, TypeError, ValueError):
            continue
        if start >= end:
            continue
        label = f"{span.get('pointer', '')} ({span.get('extractor', '')} {span.get('version', '')})"
        opening.setdefault(start, []).append(label)
        closing.setdefault(end, []).append(label)
    edges = sorted({0, size, *opening, *closing})
    active: list[str] = []
    out: list[Piece] = []
    for a, b in pairwise(edges):
        for label in closing.get(a, ()):
            active.remove(label)
        active.extend(opening.get(a, ()))
        out.append(Piece(text[a:b], tuple(dict.fromkeys(active))))
    return out


def _record_titles(store: Store, found: Mapping[str, Sequence[str]]) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    with store.read() as conn:
        for kind, ids in found.items():
            table = t.RECORD_TABLES.get(kind)
            if table is None:
                continue
            stored = {
                rid: (status, orjson.loads(doc))
                for rid, status, doc in conn.execute(
                    select(table.c.id, table.c.status, table.c.doc).where(table.c.id.in_(list(ids)))
                )
            }
            for rid in ids:
                if rid not in stored:
                    continue
                status, doc = stored[rid]
                title = doc.get("title") or doc.get("name") or {"en": rid}
                rows.append({"kind": kind, "id": rid, "status": status, "title": title})
    return rows


@router.get("/library")
def library(page: PageOf) -> Response:
    number = parse_page(page.request.query_params.get("page"))
    context: dict[str, Any] = {
        "words": page_words(page.request, page.lang),
        "has_documents": False,
        "documents": [],
        "page": number,
    }
    if documents_table(page.store):
        with page.store.read() as conn:
            total = docs.count_documents(conn)
            listed = docs.list_documents(conn, limit=PAGE_SIZE, offset=(number - 1) * PAGE_SIZE)
            counts = {d.id: sum(len(v) for v in docs.records_of(conn, d.id).values()) for d in listed}
        context.update(
            has_documents=total > 0,
            total=total,
            documents=listed,
            counts=counts,
            more=total > number * PAGE_SIZE,
        )
    return page.render("library.html", context)


@router.get("/library/{document_id}")
def document_page(page: PageOf, document_id: str) -> Response:
    words = page_words(page.request, page.lang)
    found = None
    if documents_table(page.store):
        with page.store.read() as conn:
            found = docs.by_id(conn, document_id)
            if found is not None:
                text = docs.text_of(conn, document_id) or ""
                output = docs.output_of(conn, document_id) or {}
                records = docs.records_of(conn, document_id)
                left_out = docs.left_out_of(conn, document_id)
                newer = list(
                    conn.scalars(select(t.documents.c.id).where(t.documents.c.version_of == document_id))
                )
    if found is None:
        missing: dict[str, Any] = {"words": words, "missing": document_id[:200]}
        return page.render("library.html", missing, status=404)
    spans = output.get("spans") or []
    context: dict[str, Any] = {
        "words": words,
        "document": found,
        "records": _record_titles(page.store, records),
        "left_out": left_out,
        "pieces": pieces(text, spans),
        "span_count": len(spans),
        "cut": len(text) > MAX_TEXT,
        "max_text": MAX_TEXT,
        "newer": newer,
    }
    return page.render("library.html", context)


@router.get("/search")
def search(page: PageOf, q: str = "") -> Response:
    q = q.strip()[:MAX_QUERY]
    with page.store.read() as conn:
        found = search_q.search(conn, q) if q else {}
    total = sum(n for _, n in found.values())
    return page.render(
        "search.html",
        {
            "q": q,
            "site_q": q,
            "found": found,
            "total": total,
            "cap": COUNT_CAP,
            "capped": any(n >= COUNT_CAP for _, n in found.values()),
            "highlight": search_q.highlight,
        },
    )

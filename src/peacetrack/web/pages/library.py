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
from types import MappingProxyType
from typing import Any, Final

import orjson
from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from sqlalchemy import inspect, select

from peacetrack.ingest import documents as docs
from peacetrack.store import Store
from peacetrack.store import tables as t
from peacetrack.web.deps import Lang, get_lang, get_store
from peacetrack.web.pages.kit import render
from peacetrack.web.queries import search as search_q

router = APIRouter()

MAX_QUERY = 200
PAGE_SIZE: Final = 100
MAX_TEXT: Final = 200_000
"""Characters of a document shown with its highlights; the rest is cut, and the page says so."""
MAX_LABELS: Final = 4

# The library's own words. (The shared catalogues in web/i18n hold the page title and
# the empty state; these are the words only this page uses.)
WORDS: Final[Mapping[str, Mapping[str, str]]] = MappingProxyType(
    {
        "en": MappingProxyType(
            {
                "count": "{n} document(s), newest first.",
                "empty_body": "Nothing has been ingested yet. Documents read with `peacetrack ingest` or "
                "uploaded through the API (POST /api/documents) are listed here, each with the "
                "records extracted from it and its text with those passages highlighted.",
                "title": "Title",
                "kind": "Kind",
                "language": "Language",
                "date": "Date",
                "file": "File",
                "status": "Status",
                "records": "Records",
                "ingested": "Ingested",
                "by": "by",
                "sha256": "SHA-256",
                "source": "Web address",
                "version_of": "New version of",
                "newer": "Newer version",
                "superseded": "superseded",
                "current": "current",
                "proposed_from": "Records proposed from this document",
                "no_records": "No records were proposed from this document.",
                "left_out": "Found but not proposed",
                "text": "Text, with the extracted passages highlighted",
                "spans": "{n} extracted passages.",
                "cut": "Only the first {n} characters are shown.",
                "missing": "There is no document with the id “{id}”.",
                "review": "review",
                "untitled": "(untitled)",
                "more": "Older documents",
            }
        ),
        "ko": MappingProxyType(
            {
                "count": "문서 {n}건(최근 순).",
                "empty_body": "아직 처리한 문서가 없습니다. `peacetrack ingest`로 읽거나 "
                "API(POST /api/documents)로 올린 문서가 여기에 "
                "추출된 기록, 그리고 그 부분이 강조된 본문과 함께 나타납니다.",
                "title": "제목",
                "kind": "유형",
                "language": "언어",
                "date": "날짜",
                "file": "파일",
                "status": "상태",
                "records": "기록",
                "ingested": "처리",
                "by": "처리자",
                "sha256": "SHA-256",
                "source": "웹 주소",
                "version_of": "이전 판",
                "newer": "새 판",
                "superseded": "대체됨",
                "current": "현재 판",
                "proposed_from": "이 문서에서 제안된 기록",
                "no_records": "이 문서에서 제안된 기록이 없습니다.",
                "left_out": "찾았지만 제안하지 않은 것",
                "text": "본문(추출된 부분 강조)",
                "spans": "추출된 부분 {n}곳.",
                "cut": "앞부분 {n}자만 보여 줍니다.",
                "missing": "식별자가 “{id}”인 문서가 없습니다.",
                "review": "검토",
                "untitled": "(제목 없음)",
                "more": "이전 문서",
            }
        ),
    }
)


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
def library(
    request: Request,
    store: Store = Depends(get_store),
    lang: Lang = Depends(get_lang),
    page: int = 1,
) -> Response:
    page = max(1, page)
    context: dict[str, Any] = {"words": WORDS[lang], "has_documents": False, "documents": [], "page": page}
    if documents_table(store):
        with store.read() as conn:
            total = docs.count_documents(conn)
            listed = docs.list_documents(conn, limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE)
            counts = {d.id: sum(len(v) for v in docs.records_of(conn, d.id).values()) for d in listed}
        context.update(
            has_documents=total > 0,
            total=total,
            documents=listed,
            counts=counts,
            more=total > page * PAGE_SIZE,
        )
    return render(request, lang, "library.html", context)


@router.get("/library/{document_id}")
def document_page(
    request: Request,
    document_id: str,
    store: Store = Depends(get_store),
    lang: Lang = Depends(get_lang),
) -> Response:
    words = WORDS[lang]
    found = None
    if documents_table(store):
        with store.read() as conn:
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
        return render(request, lang, "library.html", missing, status=404)
    spans = output.get("spans") or []
    context: dict[str, Any] = {
        "words": words,
        "document": found,
        "records": _record_titles(store, records),
        "left_out": left_out,
        "pieces": pieces(text, spans),
        "span_count": len(spans),
        "cut": len(text) > MAX_TEXT,
        "max_text": MAX_TEXT,
        "newer": newer,
    }
    return render(request, lang, "library.html", context)


@router.get("/search")
def search(
    request: Request,
    q: str = "",
    store: Store = Depends(get_store),
    lang: Lang = Depends(get_lang),
) -> Response:
    q = q.strip()[:MAX_QUERY]
    with store.read() as conn:
        found = search_q.search(conn, q) if q else {}
    total = sum(n for _, n in found.values())
    return render(
        request,
        lang,
        "search.html",
        {"q": q, "site_q": q, "found": found, "total": total, "highlight": search_q.highlight},
    )

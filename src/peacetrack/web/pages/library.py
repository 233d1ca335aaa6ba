"""The library of ingested documents, and search across every record (English and Korean).

The ingest pipeline does not store documents yet (no documents table in the
store, see ``web/api/documents.py``): the library says so plainly instead of
pretending to be empty. :func:`documents_table` finds the table once it exists.
"""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from sqlalchemy import inspect

from peacetrack.store import Store
from peacetrack.web.deps import Lang, get_lang, get_store
from peacetrack.web.pages.kit import render
from peacetrack.web.queries import search as search_q

router = APIRouter()

MAX_QUERY = 200


def documents_table(store: Store) -> bool:
    """Whether the store has a table of ingested documents (the ingest helper's, to come)."""
    with store.read() as conn:
        return inspect(conn).has_table("documents")


@router.get("/library")
def library(request: Request, store: Store = Depends(get_store), lang: Lang = Depends(get_lang)) -> Response:
    return render(request, lang, "library.html", {"has_documents": documents_table(store)})


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

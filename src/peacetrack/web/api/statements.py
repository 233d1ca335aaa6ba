"""Statements of the peace movement (open letters, declarations, ...): list and one."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request
from sqlalchemy import select

from peacetrack.model.codebook import StatementKind
from peacetrack.store import tables as t
from peacetrack.web.api.common import (
    DatedQuery,
    actor_refs,
    dated_page,
    doc,
    provision_refs,
    refs_in_order,
    store_of,
    theme_refs,
)
from peacetrack.web.api.schemas_people import StatementDetail, StatementPage
from peacetrack.web.errors import not_found

reads = APIRouter(tags=["statements"])


@reads.get(
    "/api/statements",
    response_model=StatementPage,
    summary="Statements, filtered and paged",
    description="Pages follow (date, id); pass `next_cursor` back as `cursor` until it is null.",
)
def list_statements(
    request: Request,
    query: Annotated[DatedQuery, Depends()],
    actor: Annotated[str | None, Query(description="Actor id among signatories or addressees.")] = None,
    kind: Annotated[StatementKind | None, Query(description="Statement kind.")] = None,
) -> dict[str, Any]:
    sa = t.statement_actors
    with store_of(request).read() as conn:
        page, next_cursor = dated_page(
            conn,
            t.statements,
            query,
            day_field="date",
            kind="statements",
            code=(t.statements.c.kind, kind.value) if kind is not None else None,
            actor_link=(sa.c.statement_id, sa.c.actor_id == actor) if actor is not None else None,
        )
        actors = actor_refs(conn, (a for d in page for a in d.get("addressees", [])))
    items = [
        {
            "id": d["id"],
            "date": d["date"],
            "title": d["title"],
            "kind": d["kind"],
            "signatories": len(d.get("signatories", [])),
            "addressees": refs_in_order(actors, d.get("addressees", [])),
            "source": d.get("source"),
        }
        for d in page
    ]
    return {"items": items, "next_cursor": next_cursor, "limit": query.limit}


@reads.get("/api/statements/{statement_id}", response_model=StatementDetail, summary="One statement")
def get_statement(
    request: Request, statement_id: Annotated[str, Path(description="Statement id.")]
) -> dict[str, Any]:
    s = t.statements
    with store_of(request).read() as conn:
        found = conn.execute(select(s.c.doc, s.c.status).where(s.c.id == statement_id)).first()
        if found is None:
            raise not_found("statement", statement_id)
        d = doc(found[0])
        demands = d.get("demands", [])
        actors = actor_refs(
            conn,
            [
                *d.get("signatories", []),
                *d.get("addressees", []),
                *(x["addressee"] for x in demands if x.get("addressee")),
            ],
        )
        provisions = provision_refs(conn, (p for x in demands for p in x.get("provisions", [])))
        themes = theme_refs(conn, (th for x in demands for th in x.get("themes", [])))
    return {
        "id": statement_id,
        "date": d["date"],
        "title": d["title"],
        "kind": d["kind"],
        "signatories": refs_in_order(actors, d.get("signatories", [])),
        "addressees": refs_in_order(actors, d.get("addressees", [])),
        "demands": [
            {
                "text": x["text"],
                "addressee": actors.get(x["addressee"]) if x.get("addressee") else None,
                "provisions": [provisions[p] for p in x.get("provisions", []) if p in provisions],
                "themes": [themes[th] for th in x.get("themes", []) if th in themes],
            }
            for x in demands
        ],
        "source": d.get("source"),
        "status": found[1],
    }

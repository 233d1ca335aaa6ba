"""What civil society produces: statements (open letters …) and gatherings (conferences …)."""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter
from fastapi.responses import Response

from peacetrack.model.records import Actor, Gathering, Statement
from peacetrack.web.pages.common import PageOf, not_found
from peacetrack.web.queries import civil as civil_q
from peacetrack.web.queries import records as rq
from peacetrack.web.queries import scores as sq

router = APIRouter()


@router.get("/statements")
def statements_index(page: PageOf) -> Response:
    with page.store.read() as conn:
        statements = civil_q.list_statements(conn)
    return page.render("statements.html", {"statements": statements})


@router.get("/statements/{statement_id}")
def statement_page(page: PageOf, statement_id: str) -> Response:
    with page.store.read() as conn:
        statement = rq.get(conn, Statement, statement_id)
        if statement is None:
            raise not_found("statement", statement_id)
        actor_ids = {
            *statement.signatories,
            *statement.addressees,
            *(d.addressee for d in statement.demands if d.addressee),
        }
        actors = rq.get_many(conn, Actor, actor_ids)
        provisions = rq.provision_names(conn, {p for d in statement.demands for p in d.provisions})
        themes = {node.id: node for node in rq.theme_tree(conn)}
    idx = sq.index(page.store, page.cache, page.lang)
    today = date.today()
    states = {pid: sq.status(idx, pid, today) for pid in provisions}
    ecosoc = sum(1 for a in statement.signatories if a in actors and actors[a].ecosoc_status)
    return page.render(
        "statement.html",
        {
            "s": statement,
            "actors": actors,
            "provisions": provisions,
            "states": states,
            "themes": themes,
            "ecosoc": ecosoc,
            "today": today,
        },
    )


@router.get("/gatherings")
def gatherings_index(page: PageOf) -> Response:
    with page.store.read() as conn:
        gatherings = civil_q.list_gatherings(conn)
        names = rq.names(conn, {a for g in gatherings for a in g.hosts}, page.lang)
    return page.render("gatherings.html", {"gatherings": gatherings, "names": names})


@router.get("/gatherings/{gathering_id}")
def gathering_page(page: PageOf, gathering_id: str) -> Response:
    with page.store.read() as conn:
        gathering = rq.get(conn, Gathering, gathering_id)
        if gathering is None:
            raise not_found("gathering", gathering_id)
        names = rq.names(
            conn,
            {*gathering.hosts, *gathering.sponsors, *(a for s in gathering.sessions for a in s.speakers)},
            page.lang,
        )
    return page.render("gathering.html", {"g": gathering, "names": names})

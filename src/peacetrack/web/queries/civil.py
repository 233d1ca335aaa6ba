"""Statements and gatherings as they touch actors and provisions."""

from __future__ import annotations

from dataclasses import dataclass

import orjson
from sqlalchemy import Connection, and_, func, select

from peacetrack.model.records import Demand, Gathering, Statement
from peacetrack.model.status import ACCEPTED
from peacetrack.store import tables as t
from peacetrack.web.queries.records import parse


@dataclass(frozen=True, slots=True)
class Citing:
    """A statement and those of its demands that name one provision."""

    statement: Statement
    demands: list[Demand]


def statements_citing(conn: Connection, provision: str) -> list[Citing]:
    """Accepted statements with a demand that names ``provision``, newest first."""
    s = t.statements
    needle = orjson.dumps(provision).decode()  # the id as it appears in the stored JSON
    found: list[Citing] = []
    for doc in conn.scalars(
        select(s.c.doc)
        .where(s.c.status == ACCEPTED, s.c.doc.contains(needle, autoescape=True))
        .order_by(s.c.date.desc(), s.c.id)
    ):
        statement = parse(Statement, doc)
        demands = [d for d in statement.demands if provision in d.provisions]
        if demands:
            found.append(Citing(statement, demands))
    return found


def statements_of(conn: Connection, actor: str) -> dict[str, list[Statement]]:
    """The actor's statements by role (signatory, addressee), newest first."""
    s, sa = t.statements, t.statement_actors
    out: dict[str, list[Statement]] = {"signatory": [], "addressee": []}
    for role, doc in conn.execute(
        select(sa.c.role, s.c.doc)
        .join(s, s.c.id == sa.c.statement_id)
        .where(sa.c.actor_id == actor, s.c.status == ACCEPTED)
        .order_by(s.c.date.desc(), s.c.id)
    ):
        out.setdefault(role, []).append(parse(Statement, doc))
    return out


def gatherings_of(conn: Connection, actor: str) -> dict[str, list[Gathering]]:
    """The actor's gatherings by role (host, sponsor, speaker), newest first."""
    g, ga = t.gatherings, t.gathering_actors
    out: dict[str, list[Gathering]] = {"host": [], "sponsor": [], "speaker": []}
    for role, doc in conn.execute(
        select(ga.c.role, g.c.doc)
        .join(g, g.c.id == ga.c.gathering_id)
        .where(ga.c.actor_id == actor, g.c.status == ACCEPTED)
        .order_by(g.c.start.desc(), g.c.id)
    ):
        out.setdefault(role, []).append(parse(Gathering, doc))
    return out


def co_signatories(conn: Connection, actor: str) -> list[tuple[str, int]]:
    """Other signatories of the statements the actor signed, with how many they share, most first."""
    sa, other, s = t.statement_actors, t.statement_actors.alias("other"), t.statements
    shared = func.count().label("shared")
    rows = conn.execute(
        select(other.c.actor_id, shared)
        .select_from(sa)
        .join(other, and_(other.c.statement_id == sa.c.statement_id, other.c.role == "signatory"))
        .join(s, s.c.id == sa.c.statement_id)
        .where(
            sa.c.actor_id == actor,
            sa.c.role == "signatory",
            other.c.actor_id != actor,
            s.c.status == ACCEPTED,
        )
        .group_by(other.c.actor_id)
        .order_by(shared.desc(), other.c.actor_id)
    )
    return [(aid, int(n)) for aid, n in rows]


def members_of(conn: Connection, actor: str) -> list[str]:
    am, a = t.actor_members, t.actors
    return list(
        conn.scalars(
            select(am.c.actor_id)
            .join(a, a.c.id == am.c.actor_id)
            .where(am.c.member_of == actor, a.c.status == ACCEPTED)
            .order_by(am.c.actor_id)
        )
    )


def list_statements(conn: Connection) -> list[Statement]:
    s = t.statements
    return [
        parse(Statement, doc)
        for doc in conn.scalars(
            select(s.c.doc).where(s.c.status == ACCEPTED).order_by(s.c.date.desc(), s.c.id)
        )
    ]


def list_gatherings(conn: Connection) -> list[Gathering]:
    g = t.gatherings
    return [
        parse(Gathering, doc)
        for doc in conn.scalars(
            select(g.c.doc).where(g.c.status == ACCEPTED).order_by(g.c.start.desc(), g.c.id)
        )
    ]

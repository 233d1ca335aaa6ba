"""Reads of the peace processes a store holds: what scopes the site, the scores and the API."""

from __future__ import annotations

from dataclasses import dataclass

import orjson
from sqlalchemy import Connection, select

from peacetrack.model.status import ACCEPTED
from peacetrack.store import tables as t


@dataclass(frozen=True, slots=True)
class ProcessInfo:
    id: str
    name: dict[str, str]
    description: dict[str, str] | None
    region: str | None
    languages: tuple[str, ...]
    agreements: tuple[str, ...]
    """Its accepted agreements, in the order the record lists them."""


def list_processes(conn: Connection) -> list[ProcessInfo]:
    """Every accepted process, by id."""
    p, a = t.processes, t.agreements
    accepted = set(conn.scalars(select(a.c.id).where(a.c.status == ACCEPTED)))
    out: list[ProcessInfo] = []
    for pid, doc in conn.execute(select(p.c.id, p.c.doc).where(p.c.status == ACCEPTED).order_by(p.c.id)):
        data = orjson.loads(doc)
        out.append(
            ProcessInfo(
                pid,
                data["name"],
                data.get("description"),
                data.get("region"),
                tuple(data.get("languages") or ()),
                tuple(x for x in data.get("agreements") or () if x in accepted),
            )
        )
    return out


def process_agreements(conn: Connection, process: str) -> tuple[str, ...] | None:
    """The accepted agreements of ``process``; None when there is no such accepted process."""
    found = {p.id: p for p in list_processes(conn)}.get(process)
    return None if found is None else found.agreements

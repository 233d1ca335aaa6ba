"""Packages saved as named proposals, and which of their steps happened since."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date
from typing import Any

import orjson
from sqlalchemy import Connection, insert, select
from sqlalchemy.exc import IntegrityError

from peacetrack.errors import BadInput, Problem
from peacetrack.forward.service import WayForward, package_json
from peacetrack.scoring.index import Index
from peacetrack.store import Store
from peacetrack.store.revisions import now, record_rows
from peacetrack.store.tables import proposals

REVISION_KIND = "proposals"
"""Saved proposals have a history like records (``peacetrack history proposals NAME``)."""

_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$")


@dataclass(frozen=True, slots=True)
class Outcome:
    """Whether a proposed step happened: the first date after the proposal its level reached ``to``."""

    step: dict[str, Any]
    happened_on: date | None
    evidence: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Proposal:
    name: str
    as_of: date
    note: str | None
    author: str
    created_at: str
    package: dict[str, Any]


def _bad(where: str, reason: str) -> BadInput:
    return BadInput([Problem(where, "$", reason)])


def save(store: Store, wf: WayForward, number: int, name: str, *, note: str | None, author: str) -> Proposal:
    """Keep package ``number`` (1-based, in the order shown) of ``wf`` as proposal ``name``."""
    if not _NAME.match(name):
        raise _bad("name", "a proposal name is 1-200 letters, digits, '.', '_' or '-', starting with one")
    if not 1 <= number <= len(wf.packages):
        raise _bad(
            "package", f"there are {len(wf.packages)} packages as of {wf.as_of}; {number} is none of them"
        )
    doc = package_json(wf, wf.packages[number - 1])
    created = now()
    text = orjson.dumps(doc).decode()
    try:
        with store.write() as conn:
            conn.execute(
                insert(proposals).values(
                    name=name, as_of=wf.as_of, note=note, doc=text, author=author, created_at=created
                )
            )
            record_rows(
                conn,
                [{"kind": REVISION_KIND, "record_id": name, "op": "insert", "old": None, "new": text}],
                author=author,
                reason=note,
                at=created,
            )
    except IntegrityError:
        raise _bad("name", f"a proposal named {name!r} exists already") from None
    return Proposal(name, wf.as_of, note, author, created.isoformat(), doc)


def _proposal(row: Any) -> Proposal:
    name, as_of, note, doc, author, created = row
    stamp = created if created.tzinfo else created.replace(tzinfo=UTC)  # SQLite keeps no zone
    return Proposal(name, as_of, note, author, stamp.isoformat(), orjson.loads(doc))


def listed(conn: Connection) -> list[Proposal]:
    p = proposals.c
    query = select(p.name, p.as_of, p.note, p.doc, p.author, p.created_at).order_by(p.created_at, p.name)
    return [_proposal(row) for row in conn.execute(query)]


def get(conn: Connection, name: str) -> Proposal:
    p = proposals.c
    row = conn.execute(
        select(p.name, p.as_of, p.note, p.doc, p.author, p.created_at).where(p.name == name)
    ).first()
    if row is None:
        raise KeyError(name)
    return _proposal(row)


def outcomes(index: Index, proposal: Proposal, until: date) -> list[Outcome]:
    """For each step: the first date after the proposal's as-of, up to ``until``, its level reached ``to``."""
    result: list[Outcome] = []
    start, end = proposal.as_of.toordinal(), until.toordinal()
    for step in proposal.package["steps"]:
        at = index.position.get(step["provision"])
        happened: tuple[date | None, tuple[str, ...]] = (None, ())
        if at is not None:
            timeline = index.timelines[at]
            for k, day in enumerate(timeline.days):
                if start < day <= end and timeline.levels[k] >= step["to"]:
                    happened = (timeline.marks[k].as_of, timeline.marks[k].evidence)
                    break
        result.append(Outcome(step, *happened))
    return result


def proposal_json(proposal: Proposal, found: list[Outcome] | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {
        "name": proposal.name,
        "as_of": proposal.as_of.isoformat(),
        "note": proposal.note,
        "author": proposal.author,
        "created_at": proposal.created_at,
        "package": proposal.package,
    }
    if found is not None:
        out["steps"] = [
            {
                "party": o.step["party"],
                "provision": o.step["provision"],
                "to": o.step["to"],
                "happened_on": o.happened_on.isoformat() if o.happened_on else None,
                "evidence": list(o.evidence),
            }
            for o in found
        ]
    return out

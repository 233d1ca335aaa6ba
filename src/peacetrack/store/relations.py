"""The relation rows the store keeps for the references records hold, read from the model's declaration.

A reference is declared once, on its field (``label(refers=..., role=...)``). This module says only
which relation table indexes which declared path; the rows, their role values (party, signatory, host …)
and the columns that name the owner all follow from that. A path no table indexes is listed, with why,
in :data:`NOT_INDEXED`, and a test keeps the three in step: a new reference field needs a decision here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum
from functools import cache
from typing import Any

from pydantic import BaseModel
from sqlalchemy import Table

from peacetrack.model.records import KINDS
from peacetrack.model.references import declared
from peacetrack.store import tables as t


@dataclass(frozen=True, slots=True)
class Relation:
    """One relation table: which declared reference paths of one record kind it indexes."""

    table: Table
    kind: str
    paths: tuple[str, ...]
    owner: str
    """The column naming the record (or, with ``each``, the nested item) the reference belongs to."""
    target: str
    """The column naming the referenced record."""
    role: str | None = None
    """The column holding the reference's declared role, where one table indexes several."""
    each: str | None = None
    """A nested list whose items own the rows by their own ``id`` (``provisions[]``)."""
    item_columns: dict[str, str] = field(default_factory=dict)
    """Columns copied from the nested item holding the reference: column → field."""
    record_columns: dict[str, str] = field(default_factory=dict)
    """Columns copied from the record: column → field (an event's date, to list a provision's events)."""


RELATIONS: tuple[Relation, ...] = (
    Relation(t.actor_members, "actors", ("member_of[]",), "actor_id", "member_of"),
    Relation(
        t.agreement_parties, "agreements", ("parties[]", "signatories[]"), "agreement_id", "actor_id", "role"
    ),
    Relation(
        t.provision_themes,
        "agreements",
        ("provisions[].themes[]",),
        "provision_id",
        "theme_id",
        each="provisions[]",
    ),
    Relation(
        t.provision_responsible,
        "agreements",
        ("provisions[].responsible[]",),
        "provision_id",
        "actor_id",
        each="provisions[]",
    ),
    Relation(t.event_actors, "events", ("actors[]",), "event_id", "actor_id"),
    Relation(
        t.event_effects,
        "events",
        ("effects[].provision",),
        "event_id",
        "provision_id",
        item_columns={"effect": "effect"},
        record_columns={"event_date": "date"},
    ),
    Relation(t.assessment_evidence, "assessments", ("evidence[]",), "assessment_id", "event_id"),
    Relation(
        t.statement_actors,
        "statements",
        ("signatories[]", "addressees[]"),
        "statement_id",
        "actor_id",
        "role",
    ),
    Relation(
        t.gathering_actors,
        "gatherings",
        ("hosts[]", "sponsors[]", "sessions[].speakers[]"),
        "gathering_id",
        "actor_id",
        "role",
    ),
    Relation(t.process_agreements, "processes", ("agreements[]",), "process_id", "agreement_id"),
)

IN_MAIN_ROW: frozenset[tuple[str, str]] = frozenset({("themes", "parent"), ("assessments", "provision")})
"""References kept as a column of the record's own row (one id each): a theme's parent, the assessed
provision."""

NOT_INDEXED: dict[tuple[str, str], str] = {
    ("agreements", "provisions[].part_of[]"): "read from the agreement's document when linking",
    ("statements", "demands[].addressee"): "a demand is shown with its statement, never looked up alone",
    ("statements", "demands[].provisions[]"): "a demand is shown with its statement, never looked up alone",
    ("statements", "demands[].themes[]"): "a demand is shown with its statement, never looked up alone",
    ("processes", "groups[].actors[]"): "read with the process when ingest builds its registry",
}
"""Declared references no relation table indexes, and why (validation still checks every one)."""


Rows = list[dict[str, Any]]
_Read = Callable[[Any, str], Rows]


def _plain(value: Any) -> Any:
    # A code is stored as its value: a database driver may write an Enum by its member name.
    return value.value if isinstance(value, Enum) else value


def _as_list(value: Any) -> Any:
    return value if type(value) is list else () if value is None else (value,)


def _reader(relation: Relation, path: str, role: str) -> _Read:
    """A function giving the rows one declared path of a record holds (built once per path: this runs for
    every record an import writes)."""
    owner, target = relation.owner, relation.target
    constant = {relation.role: role} if relation.role is not None else {}
    item_columns = tuple(relation.item_columns.items())
    record_columns = tuple(relation.record_columns.items())
    steps = tuple(part.removesuffix("[]") for part in path.split("."))

    def fixed(record: Any) -> dict[str, Any]:
        if not record_columns:
            return constant
        return constant | {column: _plain(getattr(record, name)) for column, name in record_columns}

    if len(steps) == 1:
        (name,) = steps

        def read_top(record: Any, record_id: str) -> Rows:
            values = _as_list(getattr(record, name))
            rest = fixed(record)
            if not rest:
                return [{owner: record_id, target: v} for v in values if v is not None]
            return [{owner: record_id, target: v, **rest} for v in values if v is not None]

        return read_top
    if len(steps) != 2:
        raise ValueError(f"{relation.table.name}: {path} is nested too deep to index")
    outer, inner = steps
    by_item = relation.each is not None

    def read_nested(record: Any, record_id: str) -> Rows:
        rest = fixed(record)
        rows = []
        for item in _as_list(getattr(record, outer)):
            key = item.id if by_item else record_id
            more = {column: _plain(getattr(item, name)) for column, name in item_columns} | rest
            values = _as_list(getattr(item, inner))
            rows += [{owner: key, target: v, **more} for v in values if v is not None]
        return rows

    return read_nested


@cache
def _readers(kind: str) -> tuple[tuple[Table, tuple[_Read, ...]], ...]:
    roles = {d.path: d.role for d in declared(KINDS[kind])}
    readers = []
    for relation in RELATIONS:
        if relation.kind == kind:
            missing = [p for p in relation.paths if p not in roles]
            if missing:
                raise ValueError(f"{relation.table.name}: {kind} declares no reference at {missing}")
            readers.append((relation.table, tuple(_reader(relation, p, roles[p]) for p in relation.paths)))
    return tuple(readers)


def _unique(rows: Rows) -> Rows:
    if len(rows) < 2:  # most records name one actor, one effect: nothing to compare
        return rows
    seen: dict[tuple[Any, ...], dict[str, Any]] = {}
    for row in rows:
        seen.setdefault(tuple(row.values()), row)
    return list(seen.values())


def relation_rows(kind: str, record: BaseModel, record_id: str) -> list[tuple[Table, Rows]]:
    """Every relation row a record of ``kind`` gives, by table."""
    out = []
    for table, reads in _readers(kind):
        if len(reads) == 1:
            out.append((table, _unique(reads[0](record, record_id))))
        else:
            out.append((table, _unique([row for read in reads for row in read(record, record_id)])))
    return out


def owned_by_record(kind: str) -> list[tuple[Table, str]]:
    """The relation tables whose rows a record of ``kind`` owns, with the column naming it: what an update
    or a delete clears."""
    return [(r.table, r.owner) for r in RELATIONS if r.kind == kind and r.each is None]


def owned_by_items(kind: str, each: str) -> list[Table]:
    """The relation tables whose rows the nested items at ``each`` own (an agreement's provisions)."""
    return [r.table for r in RELATIONS if r.kind == kind and r.each == each]


__all__ = [
    "IN_MAIN_ROW",
    "NOT_INDEXED",
    "RELATIONS",
    "Relation",
    "owned_by_items",
    "owned_by_record",
    "relation_rows",
]

"""One peace process out of an exported bundle, still a bundle that imports on its own.

A process's records are its agreements, and the events, assessments, statements and gatherings that
refer to one of their provisions or to one of them. A record that refers to no agreement at all
belongs when it names one of the process's own actors: a party to one of its agreements, responsible
for one of their provisions, or a member of such an actor (a ministry, an army). So a missile test
with no provision to its name still belongs to the Korean Peninsula; such a record can belong to two
processes at once.

Every record those refer to comes along (actors, themes, the events an assessment cites, the agreement
of any provision named, a parent theme), and so on until nothing is missing; a record of another
process is there only when one of these refers to it. What refers to what is read from the model's
declaration (:mod:`peacetrack.model.references`), so a new reference field is followed without a
change here.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from peacetrack.errors import BadInput, Problem
from peacetrack.model.records import KINDS
from peacetrack.model.references import Reference, references

OWN_KINDS = ("events", "assessments", "statements", "gatherings")
"""Kinds whose records belong to a process when they refer to its agreements or their provisions."""
TARGET_KIND = {"actor": "actors", "theme": "themes", "event": "events", "agreement": "agreements"}
PARTY_ROLES = frozenset({"party", "responsible"})
"""An agreement's own actors: a record naming only them belongs to its process."""


def _agreement_of(provision: str) -> str:
    return provision.split("/", 1)[0]  # a provision's id is "{agreement id}/{ref}"


def _target(ref: Reference) -> tuple[str, str]:
    """The top-level record a reference needs: a provision needs its whole agreement."""
    if ref.target == "provision":
        return "agreements", _agreement_of(ref.value)
    return TARGET_KIND[ref.target], ref.value


def _members(refs: _References, parties: set[str]) -> set[str]:
    """Actors that are members of the parties, or members of members."""
    member_of = {
        str(doc["id"]): [r.value for r in refs.of("actors", i) if r.role == "member_of"]
        for i, doc in enumerate(refs.docs["actors"])
    }
    found: set[str] = set()
    grew = True
    while grew:
        grew = False
        for actor, bodies in member_of.items():
            if (
                actor not in found
                and actor not in parties
                and any(b in parties or b in found for b in bodies)
            ):
                found.add(actor)
                grew = True
    return found


def _belongs(needs: list[tuple[str, str]], agreements: set[str], parties: set[str]) -> bool:
    """A record that needs one of the process's agreements; or that needs none at all and names one of
    the process's own actors."""
    named = {v for k, v in needs if k == "agreements"}
    if named:
        return bool(named & agreements)
    return any(k == "actors" and v in parties for k, v in needs)


def scoped(data: dict[str, Any], process: str, *, option: str = "--process") -> dict[str, Any]:
    """The bundle ``data`` (as ``bundle.export.bundle`` makes it) cut down to ``process``."""
    docs = {kind: list(data.get(kind, [])) for kind in KINDS}
    found = [p for p in docs["processes"] if p.get("id") == process]
    if not found:
        known = ", ".join(sorted(str(p.get("id")) for p in docs["processes"])) or "none"
        reason = f"no process {process!r} in this database (processes: {known})"
        raise BadInput([Problem(option, "$", reason)])
    agreements = set(found[0].get("agreements", []))
    refs = _References(docs)
    keep: dict[str, set[int]] = {kind: set() for kind in KINDS}
    keep["processes"] = {docs["processes"].index(found[0])}
    keep["agreements"] = {i for i, a in enumerate(docs["agreements"]) if a.get("id") in agreements}
    parties = {
        r.value
        for i in keep["agreements"]
        for r in refs.of("agreements", i)
        if r.target == "actor" and r.role in PARTY_ROLES
    }
    parties |= _members(refs, parties)
    for kind in OWN_KINDS:
        for i in range(len(docs[kind])):
            if _belongs([_target(r) for r in refs.of(kind, i)], agreements, parties):
                keep[kind].add(i)
    todo = [(kind, i) for kind, held in keep.items() for i in held]
    while todo:
        kind, i = todo.pop()
        for ref in refs.of(kind, i):
            wanted = refs.index(*_target(ref))
            if wanted is not None and wanted[1] not in keep[wanted[0]]:
                keep[wanted[0]].add(wanted[1])
                todo.append(wanted)
    out: dict[str, Any] = {"format": data["format"]}
    for kind in KINDS:
        chosen = [doc for i, doc in enumerate(docs[kind]) if i in keep[kind]]
        if chosen:
            out[kind] = chosen
    return out


class _References:
    """The references of each record, read once, and where each record with an id is."""

    def __init__(self, docs: dict[str, list[dict[str, Any]]]) -> None:
        self.docs = docs
        self.at = {
            kind: {str(doc["id"]): i for i, doc in enumerate(docs[kind]) if doc.get("id") is not None}
            for kind in KINDS
        }
        self._read: dict[tuple[str, int], list[Reference]] = {}

    def of(self, kind: str, i: int) -> Iterator[Reference]:
        key = (kind, i)
        if key not in self._read:
            self._read[key] = list(references(KINDS[kind].model_validate(self.docs[kind][i])))
        return iter(self._read[key])

    def index(self, kind: str, record_id: str) -> tuple[str, int] | None:
        i = self.at[kind].get(record_id)
        return None if i is None else (kind, i)


__all__ = ["OWN_KINDS", "scoped"]

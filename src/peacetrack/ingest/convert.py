"""the docs/ingest.md extraction output → bundle records to propose, each value with its provenance.

Pure: no store. The service validates what comes out with the bundle
validator and writes it with the bundle writer, like any import.

Decisions, all documented in docs/ingest.md:

- Record ids are stable, from the document's hash and the record's position:
  ``doc-<sha256[:16]>.statement.1`` (the id the section-4 output already
  gives), ``….gathering.1``, ``….event.3``. Unknown names become candidate
  actors ``cand-<sha256(normalised name)[:12]>``, so the same unknown
  organisation named in two documents is one candidate.
- The model requires English text. A value found only in Korean is stored as
  ``{"en": <the Korean text>, "ko": <the Korean text>}``: the English slot
  repeats the original until someone translates it, and a provenance note says so.
- Sources: a statement or gathering gets ``source`` only when the document has
  its own web address; otherwise its provenance rows name the stored document.
  An event must have an http(s) source, so it gets the document's own address
  or, failing that, the document's page in this peacetrack's library.
- Values ingest supplies itself (a gathering's mode when the text names none,
  a statement's date taken from the document) get a provenance row without a
  span whose note says so.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Final

from peacetrack.model.languages import has_hangul
from peacetrack.pipeline.registry import normalise_name

INGEST: Final = "ingest"
INGEST_VERSION: Final = "1.0"
LINKER: Final = "link"
KOREAN_ONLY: Final = "no English text in the document: 'en' repeats the Korean until translated"

CANDIDATE_PREFIX: Final = "cand-"


@dataclass(frozen=True, slots=True)
class ProvRow:
    """One provenance row: a value of a proposed record and where it came from."""

    kind: str
    record_id: str
    field: str
    pointer: str | None = None
    start: int | None = None
    end: int | None = None
    extractor: str = INGEST
    version: str = INGEST_VERSION
    note: str | None = None

    def row(self, document_id: str) -> dict[str, Any]:
        return {
            "document_id": document_id,
            "kind": self.kind,
            "record_id": self.record_id,
            "field": self.field,
            "pointer": self.pointer,
            "start": self.start,
            "end": self.end,
            "extractor": self.extractor,
            "version": self.version,
            "note": self.note,
        }


@dataclass
class Proposal:
    """Bundle records by kind, the provenance of their values, and what could not be proposed."""

    records: dict[str, list[dict[str, Any]]] = field(
        default_factory=lambda: {"actors": [], "statements": [], "gatherings": [], "events": []}
    )
    provenance: list[ProvRow] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)

    def ids(self) -> dict[str, list[str]]:
        return {kind: [str(r["id"]) for r in items] for kind, items in self.records.items() if items}


def candidate_id(name: str) -> str:
    key = normalise_name(name) or name
    return CANDIDATE_PREFIX + hashlib.sha256(key.encode("utf-8")).hexdigest()[:12]


def text_map(value: Mapping[str, str] | None) -> tuple[dict[str, str] | None, str | None]:
    """A language map the model accepts, and a note when English had to be filled in."""
    if not value:
        return None, None
    en = (value.get("en") or "").strip()
    ko = (value.get("ko") or "").strip()
    if en:
        return ({"en": en, "ko": ko} if ko else {"en": en}), None
    other = ko or next((v.strip() for v in value.values() if v and v.strip()), "")
    if not other:
        return None, None
    return ({"en": other, "ko": ko} if ko else {"en": other}), KOREAN_ONLY


class _Spans:
    """The output's spans, found by the pointer of a value or of anything inside it."""

    def __init__(self, spans: Iterable[Mapping[str, Any]]) -> None:
        self._under: dict[str, list[Mapping[str, Any]]] = {}
        for span in spans:
            pointer = str(span.get("pointer", ""))
            parts = pointer.split("/")
            for depth in range(2, len(parts) + 1):
                self._under.setdefault("/".join(parts[:depth]), []).append(span)

    def under(self, pointer: str) -> list[Mapping[str, Any]]:
        return self._under.get(pointer, [])


class _Builder:
    def __init__(self, output: Mapping[str, Any], *, source_url: str | None, library_url: str) -> None:
        self.out = output
        self.document: Mapping[str, Any] = output["document"]
        self.doc_id = str(self.document["id"])
        self.source_url = source_url
        self.library_url = library_url
        self.spans = _Spans(output.get("spans") or [])
        self.proposal = Proposal()
        self.candidates: dict[str, dict[str, Any]] = {}

    # --- provenance ----------------------------------------------------------------------

    def value(self, kind: str, rid: str, path: str, pointer: str | None, note: str | None = None) -> None:
        """Rows for one value: one per span under ``pointer``, or one without a span."""
        found = self.spans.under(pointer) if pointer else []
        rows = self.proposal.provenance
        if not found:
            rows.append(ProvRow(kind, rid, path, pointer, note=note or "no span: supplied by ingest"))
            return
        for span in found:
            rows.append(
                ProvRow(
                    kind,
                    rid,
                    path,
                    str(span["pointer"]),
                    int(span["start"]),
                    int(span["end"]),
                    str(span["extractor"]),
                    str(span["version"]),
                    note,
                )
            )

    def linked(self, kind: str, rid: str, path: str, provisions: list[str]) -> None:
        if provisions:
            self.proposal.provenance.append(
                ProvRow(kind, rid, path, None, extractor=LINKER, note="provisions proposed by the linker")
            )

    def record(self, kind: str, rid: str, pointer: str | None) -> None:
        self.proposal.provenance.append(
            ProvRow(kind, rid, "$", pointer, note=f"proposed from stored document {self.doc_id}")
        )

    def text(
        self, kind: str, rid: str, path: str, value: Mapping[str, str] | None, pointer: str | None
    ) -> dict[str, str] | None:
        mapped, note = text_map(value)
        if mapped is not None:
            self.value(kind, rid, path, pointer, note)
        return mapped

    # --- actors --------------------------------------------------------------------------

    def actor(
        self, ref: Mapping[str, Any], pointer: str, role_kind: str, kind: str, rid: str, path: str
    ) -> str | None:
        """The actor id a name refers to: the resolved one, or a candidate made for it."""
        self.value(kind, rid, path, pointer)
        actor = ref.get("actor")
        if isinstance(actor, str) and actor:
            if actor.startswith(CANDIDATE_PREFIX):  # a candidate from an earlier document, named again
                self.value("actors", actor, "$.name", pointer)
            return actor
        name = " ".join(str(ref.get("name") or "").split())
        if not name:
            return None
        cid = candidate_id(name)
        if cid not in self.candidates:
            mapped, note = text_map({"ko" if has_hangul(name) else "en": name})
            assert mapped is not None
            self.candidates[cid] = {"id": cid, "kind": role_kind, "name": mapped}
            self.record("actors", cid, None)
            if note:
                self.proposal.provenance.append(ProvRow("actors", cid, "$.name", None, note=note))
        self.value("actors", cid, "$.name", pointer)
        return cid

    def actors(
        self, refs: list[Mapping[str, Any]], pointer: str, role_kind: str, kind: str, rid: str, path: str
    ) -> list[str]:
        ids: list[str] = []
        for j, ref in enumerate(refs):
            found = self.actor(ref, f"{pointer}/{j}", role_kind, kind, rid, f"{path}[{len(ids)}]")
            if found is not None and found not in ids:
                ids.append(found)
        return ids

    # --- records -------------------------------------------------------------------------

    def statement(self, i: int, st: Mapping[str, Any]) -> None:
        kind, p = "statements", f"/statements/{i}"
        rid = str(st["id"])
        date, date_pointer, date_note = st.get("date"), f"{p}/date", None
        if not date and self.document.get("date"):
            date, date_pointer = self.document["date"], "/document/date"
            date_note = "the statement names no date: the document's date"
        if not date:
            self.proposal.skipped.append(f"statement {rid}: no date in the statement or the document")
            return
        self.record(kind, rid, p)
        self.value(kind, rid, "$.date", date_pointer, date_note)
        title_pointer = f"{p}/title" if self.spans.under(f"{p}/title") else "/document/title"
        title = self.text(kind, rid, "$.title", st.get("title"), title_pointer)
        if title is None:
            title = {"en": str(self.document.get("path") or self.doc_id)}
            self.value(kind, rid, "$.title", None, "no title found: the document's name")
        self.value(kind, rid, "$.kind", None, "from the document's wording (no single span)")
        record: dict[str, Any] = {"id": rid, "date": date, "title": title, "kind": st["kind"]}
        record["signatories"] = self.actors(
            st.get("signatories") or [], f"{p}/signatories", "organization", kind, rid, "$.signatories"
        )
        record["addressees"] = self.actors(
            st.get("addressees") or [], f"{p}/addressees", "organization", kind, rid, "$.addressees"
        )
        demands: list[dict[str, Any]] = []
        for d, demand in enumerate(st.get("demands") or []):
            dp, path = f"{p}/demands/{d}", f"$.demands[{len(demands)}]"
            text = self.text(kind, rid, f"{path}.text", demand.get("text"), f"{dp}/text")
            if text is None:
                continue
            out: dict[str, Any] = {"text": text}
            addressees = demand.get("addressees") or []
            if addressees:
                addressee = self.actor(
                    addressees[0], f"{dp}/addressees/0", "organization", kind, rid, f"{path}.addressee"
                )
                if addressee is not None:
                    out["addressee"] = addressee
            provisions = list(dict.fromkeys(demand.get("provisions") or []))
            if provisions:
                out["provisions"] = provisions
                self.linked(kind, rid, f"{path}.provisions", provisions)
            demands.append(out)
        record["demands"] = demands
        if self.source_url:
            record["source"] = self.source_url
        self.proposal.records[kind].append(record)

    def gathering(self, i: int, g: Mapping[str, Any]) -> None:
        kind, p = "gatherings", f"/gatherings/{i}"
        rid = str(g["id"])
        if not g.get("start") or not g.get("end"):
            self.proposal.skipped.append(f"gathering {rid}: no dates found (start and end are required)")
            return
        self.record(kind, rid, p)
        title = self.text(kind, rid, "$.title", g.get("title"), f"{p}/title")
        if title is None:
            title, _ = text_map({"en": str(self.document.get("title") or "")})
            if title is None:
                self.proposal.skipped.append(f"gathering {rid}: no title in the gathering or the document")
                self.proposal.provenance = [r for r in self.proposal.provenance if r.record_id != rid]
                return
            self.value(
                kind, rid, "$.title", "/document/title", "the gathering names no title: the document's"
            )
        record: dict[str, Any] = {"id": rid, "title": title, "start": g["start"], "end": g["end"]}
        self.value(kind, rid, "$.start", f"{p}/start")
        self.value(kind, rid, "$.end", f"{p}/end")
        if g.get("place"):
            record["place"] = g["place"]
            self.value(kind, rid, "$.place", f"{p}/place")
        if g.get("mode"):
            record["mode"] = g["mode"]
            self.value(kind, rid, "$.mode", f"{p}/mode")
        else:
            record["mode"] = "in_person"
            self.value(kind, rid, "$.mode", None, "assumed in_person: the text names no mode")
        record["hosts"] = self.actors(
            g.get("hosts") or [], f"{p}/hosts", "organization", kind, rid, "$.hosts"
        )
        record["sponsors"] = self.actors(
            g.get("sponsors") or [], f"{p}/sponsors", "organization", kind, rid, "$.sponsors"
        )
        if isinstance(g.get("attendance"), int):
            record["attendance"] = g["attendance"]
            self.value(kind, rid, "$.attendance", f"{p}/attendance")
        sessions: list[dict[str, Any]] = []
        for s, session in enumerate(g.get("sessions") or []):
            sp, path = f"{p}/sessions/{s}", f"$.sessions[{len(sessions)}]"
            stitle = self.text(kind, rid, f"{path}.title", session.get("title"), f"{sp}/title")
            if stitle is None:
                continue
            out: dict[str, Any] = {"title": stitle, "access": session.get("access") or "open"}
            self.value(kind, rid, f"{path}.access", f"{sp}/access")
            if session.get("date"):
                out["date"] = session["date"]
                self.value(kind, rid, f"{path}.date", f"{sp}/date")
            topics: list[dict[str, str]] = []
            for t, topic in enumerate(session.get("topics") or []):
                mapped = self.text(kind, rid, f"{path}.topics[{len(topics)}]", topic, f"{sp}/topics/{t}")
                if mapped is not None:
                    topics.append(mapped)
            out["topics"] = topics
            out["speakers"] = self.actors(
                session.get("speakers") or [], f"{sp}/speakers", "person", kind, rid, f"{path}.speakers"
            )
            sessions.append(out)
        record["sessions"] = sessions
        if self.source_url:
            record["source"] = self.source_url
        self.proposal.records[kind].append(record)

    def event(self, i: int, ev: Mapping[str, Any]) -> None:
        kind, p = "events", f"/events/{i}"
        rid = f"{self.doc_id}.event.{i + 1}"
        if not ev.get("date"):
            self.proposal.skipped.append(f"event {rid}: no date")
            return
        self.record(kind, rid, p)
        title = self.text(kind, rid, "$.title", ev.get("title"), f"{p}/title")
        if title is None:
            self.proposal.skipped.append(f"event {rid}: no title")
            self.proposal.provenance = [r for r in self.proposal.provenance if r.record_id != rid]
            return
        record: dict[str, Any] = {"id": rid, "date": ev["date"]}
        self.value(kind, rid, "$.date", f"{p}/date")
        if ev.get("date_end"):
            record["date_end"] = ev["date_end"]
            self.value(kind, rid, "$.date_end", f"{p}/date")
        if ev.get("precision"):
            record["precision"] = ev["precision"]
        record["title"] = title
        record["type"] = ev["type"]
        self.value(kind, rid, "$.type", f"{p}/title", "the type follows from a cue word in the title")
        if ev.get("place"):
            record["place"] = ev["place"]
            self.value(kind, rid, "$.place", f"{p}/place")
        actors: list[str] = []
        for j, ref in enumerate(ev.get("actors") or []):
            actor = ref.get("actor")
            if isinstance(actor, str) and actor and actor not in actors:
                self.value(kind, rid, f"$.actors[{len(actors)}]", f"{p}/actors/{j}")
                actors.append(actor)
        record["actors"] = actors
        record["sources"] = [self.source()]
        self.value(
            kind,
            rid,
            "$.sources[0]",
            None,
            f"the stored document {self.doc_id}"
            + ("" if self.source_url else " (its page in this peacetrack's library: it has no web address)"),
        )
        provisions = list(dict.fromkeys(ev.get("provisions") or []))
        if provisions:
            # The linker says which provisions the event bears on, not how: "mentions" until reviewed.
            record["effects"] = [{"provision": pid, "effect": "mentions"} for pid in provisions]
            self.linked(kind, rid, "$.effects", provisions)
        self.proposal.records[kind].append(record)

    def source(self) -> dict[str, Any]:
        out: dict[str, Any] = {"url": self.source_url or self.library_url}
        title = self.document.get("title")
        if title:
            out["title"] = str(title)
        if self.document.get("publisher"):
            out["publisher"] = str(self.document["publisher"])
        if self.document.get("date"):
            out["published"] = self.document["date"]
        return out

    def build(self) -> Proposal:
        for i, st in enumerate(self.out.get("statements") or []):
            self.statement(i, st)
        for i, g in enumerate(self.out.get("gatherings") or []):
            self.gathering(i, g)
        for i, ev in enumerate(self.out.get("events") or []):
            self.event(i, ev)
        self.proposal.records["actors"] = list(self.candidates.values())
        return self.proposal


def convert(output: Mapping[str, Any], *, library_url: str) -> Proposal:
    """Bundle records (status to be 'proposed') and provenance from one document's section-4 object.

    ``library_url`` is the document's page in this peacetrack's library, the
    source of events when the document has no web address of its own.
    """
    source_url = output["document"].get("url")
    builder = _Builder(output, source_url=str(source_url) if source_url else None, library_url=library_url)
    return builder.build()


def drop(proposal: Proposal, kind: str, record_id: str, why: str) -> None:
    """Leave one record out (it failed validation), with its provenance; say why."""
    proposal.records[kind] = [r for r in proposal.records[kind] if r.get("id") != record_id]
    proposal.provenance = [
        r for r in proposal.provenance if not (r.kind == kind and r.record_id == record_id)
    ]
    proposal.skipped.append(f"{kind[:-1]} {record_id}: {why}")


__all__ = [
    "INGEST",
    "INGEST_VERSION",
    "KOREAN_ONLY",
    "Proposal",
    "ProvRow",
    "candidate_id",
    "convert",
    "drop",
]

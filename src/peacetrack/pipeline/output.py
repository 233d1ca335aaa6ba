"""The ingest output of docs/ingest.md: one JSON object per document, every value traceable.

Each span record names the value it supports with a JSON Pointer (RFC 6901)
into the same object ("/statements/0/signatories/3"), its character offsets
``[start, end)`` in the normalised text, the text there, and the extractor
(name and version) that found it. Optional fields that were not found are
left out, as in bundles.
"""

from __future__ import annotations

from typing import Any

from peacetrack.pipeline.prepare.language import text_language
from peacetrack.pipeline.records import (
    ActorMention,
    DateValue,
    Demand,
    Document,
    Event,
    Gathering,
    Mark,
    NameRef,
    Result,
    Session,
    Speaker,
    Statement,
)


class _Spans:
    def __init__(self) -> None:
        self.records: list[dict[str, Any]] = []

    def add(self, pointer: str, mark: Mark | None) -> None:
        if mark is None:
            return
        self.records.append(
            {
                "pointer": pointer,
                "start": mark.start,
                "end": mark.end,
                "text": mark.text,
                "extractor": mark.by.name,
                "version": mark.by.version,
            }
        )


def _lang_map(text: str) -> dict[str, str]:
    return {text_language(text): text}


def _clean(text: str) -> str:
    return " ".join(text.split())


def _name(ref: NameRef, pointer: str, spans: _Spans, *, ecosoc: bool = False) -> dict[str, Any]:
    spans.add(pointer, ref.mark)
    out: dict[str, Any] = {"name": ref.name, "actor": ref.actor}
    if ecosoc:
        out["ecosoc"] = ref.ecosoc
        spans.add(pointer + "/ecosoc", ref.ecosoc_mark)
    return out


def _names(
    refs: tuple[NameRef, ...], pointer: str, spans: _Spans, *, ecosoc: bool = False
) -> list[dict[str, Any]]:
    return [_name(ref, f"{pointer}/{k}", spans, ecosoc=ecosoc) for k, ref in enumerate(refs)]


def _document(document: Document, spans: _Spans) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": document.id,
        "sha256": document.sha256,
        "path": document.path,
        "language": document.language,
        "kind": document.kind,
        "title": document.title,
    }
    if document.date is not None:
        out["date"] = document.date.isoformat()
    if document.publisher:
        out["publisher"] = document.publisher
    if document.url:
        out["url"] = document.url
    spans.add("/document/title", document.title_mark)
    spans.add("/document/date", document.date_mark)
    return out


def _demand(demand: Demand, pointer: str, spans: _Spans) -> dict[str, Any]:
    spans.add(pointer + "/text", demand.mark)
    return {
        "text": _lang_map(demand.text),
        "addressees": _names(demand.addressees, pointer + "/addressees", spans),
        "provisions": list(demand.provisions),
    }


def _statement(
    statement: Statement, pointer: str, document: Document, n: int, spans: _Spans
) -> dict[str, Any]:
    out: dict[str, Any] = {"id": f"{document.id}.statement.{n}"}
    if statement.date is not None:
        out["date"] = statement.date.start.isoformat()
        spans.add(pointer + "/date", statement.date.mark)
    title = statement.title.text if statement.title is not None else document.title
    if title:
        out["title"] = _lang_map(_clean(title))
        spans.add(pointer + "/title", statement.title)
    out["kind"] = statement.kind
    out["signatories"] = _names(statement.signatories, pointer + "/signatories", spans, ecosoc=True)
    out["addressees"] = _names(statement.addressees, pointer + "/addressees", spans)
    out["demands"] = [_demand(d, f"{pointer}/demands/{k}", spans) for k, d in enumerate(statement.demands)]
    return out


def _speaker(speaker: Speaker, pointer: str, spans: _Spans) -> dict[str, Any]:
    out = _name(speaker.person, pointer, spans)
    if speaker.quote is not None:
        out["quote"] = _clean(speaker.quote.text)
        spans.add(pointer + "/quote", speaker.quote)
    return out


def _date(value: DateValue | None, pointer: str, spans: _Spans) -> str | None:
    if value is None:
        return None
    spans.add(pointer, value.mark)
    return value.start.isoformat()


def _session(session: Session, pointer: str, spans: _Spans) -> dict[str, Any]:
    spans.add(pointer + "/title", session.title)
    spans.add(pointer + "/access", session.access_mark)
    out: dict[str, Any] = {"title": _lang_map(_clean(session.title.text)), "access": session.access}
    when = _date(session.date, pointer + "/date", spans)
    if when is not None:
        out["date"] = when
    topics = []
    for k, topic in enumerate(session.topics):
        spans.add(f"{pointer}/topics/{k}", topic)
        topics.append(_lang_map(_clean(topic.text)))
    out["topics"] = topics
    out["speakers"] = [_speaker(s, f"{pointer}/speakers/{k}", spans) for k, s in enumerate(session.speakers)]
    return out


def _gathering(
    gathering: Gathering, pointer: str, document: Document, n: int, spans: _Spans
) -> dict[str, Any]:
    out: dict[str, Any] = {"id": f"{document.id}.gathering.{n}"}
    if gathering.title is not None:
        out["title"] = _lang_map(_clean(gathering.title.text))
        spans.add(pointer + "/title", gathering.title)
    if gathering.dates is not None:
        out["start"] = _date(gathering.dates, pointer + "/start", spans)
        end = gathering.dates.end or gathering.dates.start
        out["end"] = end.isoformat()
        spans.add(pointer + "/end", gathering.dates.mark)
    if gathering.place is not None:
        out["place"] = gathering.place.name
        spans.add(pointer + "/place", gathering.place.mark)
    if gathering.mode is not None:
        out["mode"] = gathering.mode.mode
        spans.add(pointer + "/mode", gathering.mode.mark)
    out["hosts"] = _names(gathering.hosts, pointer + "/hosts", spans)
    out["sponsors"] = _names(gathering.sponsors, pointer + "/sponsors", spans)
    if gathering.attendance is not None:
        out["attendance"] = gathering.attendance.value
        spans.add(pointer + "/attendance", gathering.attendance.mark)
    out["sessions"] = [
        _session(s, f"{pointer}/sessions/{k}", spans) for k, s in enumerate(gathering.sessions)
    ]
    if gathering.speakers:
        out["speakers"] = [
            _speaker(s, f"{pointer}/speakers/{k}", spans) for k, s in enumerate(gathering.speakers)
        ]
    return out


def _event(event: Event, pointer: str, spans: _Spans) -> dict[str, Any]:
    out: dict[str, Any] = {"date": _date(event.date, pointer + "/date", spans)}
    if event.date.end is not None:
        out["date_end"] = event.date.end.isoformat()
    out["precision"] = event.date.precision
    out["type"] = event.type
    out["title"] = _lang_map(event.title)
    spans.add(pointer + "/title", event.mark)
    if event.place is not None:
        out["place"] = event.place.name
        spans.add(pointer + "/place", event.place.mark)
    out["actors"] = _names(event.actors, pointer + "/actors", spans)
    out["provisions"] = list(event.provisions)
    return out


def _mentions(actors: tuple[ActorMention, ...], result: Result, spans: _Spans) -> dict[str, Any]:
    listed = []
    for k, mention in enumerate(actors):
        for mark in mention.marks:
            spans.add(f"/mentions/actors/{k}", mark)
        listed.append({"name": mention.name, "actor": mention.actor, "count": len(mention.marks)})
    agreements: list[str] = []
    for found in result.extraction.agreements:
        if found.agreement not in agreements:
            agreements.append(found.agreement)
        spans.add(f"/mentions/agreements/{agreements.index(found.agreement)}", found.mark)
    return {"actors": listed, "agreements": agreements}


def to_output(result: Result) -> dict[str, Any]:
    """the docs/ingest.md object for one document; a failed read gives ``{"document": {"path"}, "error"}``."""
    if result.document is None or result.error is not None:
        return {"document": {"path": result.path}, "error": result.error or "unreadable"}
    document = result.document
    extraction = result.extraction
    spans = _Spans()
    out: dict[str, Any] = {"document": _document(document, spans)}
    out["statements"] = [
        _statement(s, f"/statements/{k}", document, k + 1, spans) for k, s in enumerate(extraction.statements)
    ]
    out["gatherings"] = [
        _gathering(g, f"/gatherings/{k}", document, k + 1, spans) for k, g in enumerate(extraction.gatherings)
    ]
    out["events"] = [_event(e, f"/events/{k}", spans) for k, e in enumerate(extraction.events)]
    out["mentions"] = _mentions(extraction.actors, result, spans)
    out["spans"] = spans.records
    return out

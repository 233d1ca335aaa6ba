"""The pure parts: section-4 output to bundle records, text maps, candidate ids, highlight pieces."""

from __future__ import annotations

from typing import Any

from peacetrack.bundle.load import Fragment
from peacetrack.bundle.validate import Known, validate
from peacetrack.ingest.convert import KOREAN_ONLY, candidate_id, convert, text_map
from peacetrack.web.pages.library import Piece, pieces

DOC = "doc-0123456789abcdef"


def output(**parts: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "document": {"id": DOC, "sha256": "0" * 64, "path": "x.txt", "language": "en", "kind": "news"},
        "statements": [],
        "gatherings": [],
        "events": [],
        "mentions": {"actors": [], "agreements": []},
        "spans": [],
    }
    return base | parts


def test_text_maps_keep_english_and_fill_it_from_korean() -> None:
    assert text_map({"en": " Peace "}) == ({"en": "Peace"}, None)
    assert text_map({"ko": "평화"}) == ({"en": "평화", "ko": "평화"}, KOREAN_ONLY)
    assert text_map({"en": "", "ko": ""}) == (None, None)
    assert text_map(None) == (None, None)


def test_candidate_ids_are_stable_and_ignore_spelling_noise() -> None:
    assert candidate_id("The Peace Lantern Network") == candidate_id("peace lantern network")
    assert candidate_id("Peace Lantern Network").startswith("cand-")
    assert candidate_id("평화재단") != candidate_id("평화나눔연구소")


def test_converted_records_pass_the_bundle_validator() -> None:
    spans = [
        {
            "pointer": "/events/0/date",
            "start": 3,
            "end": 13,
            "text": "3 May 2021",
            "extractor": "dates",
            "version": "1",
        },
        {
            "pointer": "/events/0/title",
            "start": 14,
            "end": 40,
            "text": "x",
            "extractor": "events",
            "version": "1",
        },
    ]
    out = output(
        events=[
            {
                "date": "2021-05-03",
                "precision": "day",
                "type": "weapons_test",
                "title": {"en": "North Korea test-fired a missile"},
                "actors": [{"name": "North Korea", "actor": "prk"}],
                "provisions": ["cma-2018/1.1"],
            }
        ],
        statements=[
            {
                "id": f"{DOC}.statement.1",
                "kind": "open_letter",
                "title": {"en": "A letter"},
                "signatories": [{"name": "Unknown Org", "actor": None, "ecosoc": False}],
                "addressees": [],
                "demands": [],
            }
        ],
        gatherings=[{"id": f"{DOC}.gathering.1", "title": {"en": "No dates"}, "hosts": [], "sponsors": []}],
        spans=spans,
    )
    out["document"]["date"] = "2021-05-04"
    proposal = convert(out, library_url=f"http://localhost:8000/library/{DOC}")
    assert [r["id"] for r in proposal.records["events"]] == [f"{DOC}.event.1"]
    event = proposal.records["events"][0]
    assert event["effects"] == [{"provision": "cma-2018/1.1", "effect": "mentions"}]
    assert event["sources"] == [{"url": f"http://localhost:8000/library/{DOC}", "published": "2021-05-04"}]
    statement = proposal.records["statements"][0]
    assert statement["date"] == "2021-05-04"  # the document's, and provenance says so
    assert statement["signatories"] == [candidate_id("Unknown Org")]
    assert proposal.skipped == [f"gathering {DOC}.gathering.1: no dates found (start and end are required)"]
    notes = {(r.kind, r.field): r.note for r in proposal.provenance}
    assert notes[("statements", "$.date")] == "the statement names no date: the document's date"
    dated = [r for r in proposal.provenance if r.record_id == event["id"] and r.field == "$.date"]
    assert [(r.start, r.end, r.extractor) for r in dated] == [(3, 13, "dates")]
    known = Known(actors={"prk"}, provisions={"cma-2018/1.1": "cma-2018"})
    bundle = {"format": "peacetrack/1", **{k: v for k, v in proposal.records.items() if v}}
    validated = validate([Fragment("x", bundle)], known)
    assert validated.count() == 3  # the event, the statement, the candidate actor


def test_pieces_cut_the_text_at_span_edges() -> None:
    text = "abcdefghij"
    spans = [
        {"pointer": "/a", "start": 2, "end": 6, "extractor": "x", "version": "1"},
        {"pointer": "/b", "start": 4, "end": 8, "extractor": "y", "version": "1"},
        {"pointer": "/bad", "start": 9, "end": 99, "extractor": "z", "version": "1"},
        {"pointer": "/empty", "start": 5, "end": 5, "extractor": "z", "version": "1"},
    ]
    got = pieces(text, spans)
    assert "".join(p.text for p in got) == text
    assert [(p.text, len(p.labels)) for p in got] == [
        ("ab", 0),
        ("cd", 1),
        ("ef", 2),
        ("gh", 1),
        ("i", 0),
        ("j", 1),
    ]
    assert got[2].title == "/a (x 1) · /b (y 1)"
    assert pieces("abc", [], limit=2) == [Piece("ab")]

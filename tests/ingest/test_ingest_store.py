"""Ingest into the store, on SQLite and PostgreSQL: proposals, provenance, idempotence, versions, errors."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson
import pytest
from sqlalchemy import select

from peacetrack.ingest import documents as docs
from peacetrack.ingest import ingest_bytes, ingest_paths
from peacetrack.ingest.convert import KOREAN_ONLY, candidate_id
from peacetrack.ingest.service import Ingester
from peacetrack.pipeline import no_links
from peacetrack.store import Store
from peacetrack.store import tables as t
from peacetrack.store.revisions import history

ECOSOC = {
    "Citizens' Coalition for Economic Justice",
    "Korea Federation for Environmental Movements",
    "Korean Sharing Movement",
    "Korea Women's Associations United",
    "MINBYUN-Lawyers for a Democratic Society",
    "People's Solidarity for Participatory Democracy (PSPD)",
}


def by_path(outcomes: list[Any], path: Path) -> Any:
    return next(o for o in outcomes if o.path == str(path))


def test_seed_documents_go_in_as_proposals_with_provenance(kp: Store, kit: Any) -> None:
    outcomes = ingest_paths(kp, kit.seeds, author="tester")
    assert [o.path for o in outcomes] == [str(p) for p in kit.seeds]
    assert [o.status for o in outcomes] == ["stored"] * 4

    # The letter: one proposed statement, its 55 signatories the dataset's own actors, 6 with ECOSOC status.
    letter = by_path(outcomes, kit.letter)
    (sid,) = letter.records["statements"]
    assert sid == letter.output["statements"][0]["id"] == f"{letter.document_id}.statement.1"
    assert kit.status_of(kp, "statements", sid) == "proposed"
    statement = kit.doc(kp, "statements", sid)
    assert statement["kind"] == "open_letter" and statement["date"] == "2019-03-21"
    assert len(statement["signatories"]) == 55
    with kp.read() as conn:
        accepted = set(
            conn.scalars(
                select(t.actors.c.id).where(
                    t.actors.c.id.in_(statement["signatories"]), t.actors.c.status == "accepted"
                )
            )
        )
    assert accepted == set(statement["signatories"])  # every one resolved to a dataset actor
    marked = {s["name"] for s in letter.output["statements"][0]["signatories"] if s["ecosoc"]}
    assert marked == ECOSOC
    assert {"unsc", "unsc-1718"} <= set(statement["addressees"])
    assert all(d["text"]["en"] for d in statement["demands"])
    assert "source" not in statement  # a plain file has no web address: provenance names the document
    # "international community" is no known actor: a candidate, proposed, named where the letter names it.
    (candidate,) = letter.records["actors"]
    assert candidate == candidate_id("international community")
    assert kit.status_of(kp, "actors", candidate) == "proposed"
    assert candidate in statement["addressees"]

    # The conference report: one proposed gathering with its hosts.
    conference = by_path(outcomes, kit.conference)
    (gid,) = conference.records["gatherings"]
    gathering = kit.doc(kp, "gatherings", gid)
    assert kit.status_of(kp, "gatherings", gid) == "proposed"
    assert (gathering["start"], gathering["end"], gathering["mode"]) == ("2021-11-29", "2021-12-01", "hybrid")
    assert {"ksm", "afsc", "fes"} <= set(gathering["hosts"])

    # The programmes name no dates: their gatherings are left out (and say why), their events proposed.
    plenary = by_path(outcomes, kit.plenary)
    assert "gatherings" not in plenary.records and plenary.records["events"]
    assert any("no dates" in why for why in plenary.skipped)
    event = kit.doc(kp, "events", plenary.records["events"][0])
    assert event["sources"][0]["url"] == f"http://localhost:8000/library/{plenary.document_id}"

    # Provenance: every span row is exact text of the stored document, with extractor and version.
    with kp.read() as conn:
        text = docs.text_of(conn, letter.document_id)
        assert docs.output_of(conn, letter.document_id) == letter.output
        rows = docs.provenance_of(conn, "statements", sid)
        stored = docs.by_id(conn, letter.document_id)
    assert text is not None and stored is not None
    assert stored.sha256 == letter.output["document"]["sha256"] and stored.author == "tester"
    assert stored.status == "current" and stored.size == kit.letter.stat().st_size
    spans = {(s["pointer"], s["start"], s["end"]): s for s in letter.output["spans"]}
    located = [r for r in rows if r["start"] is not None]
    assert len(located) > 55
    for row in located:
        span = spans[(row["pointer"], row["start"], row["end"])]
        assert text[row["start"] : row["end"]] == span["text"]
        assert (row["extractor"], row["version"]) == (span["extractor"], span["version"])
        assert row["document_id"] == letter.document_id
    fields = {r["field"] for r in rows}
    assert {"$", "$.date", "$.title", "$.signatories[54]", "$.addressees[0]", "$.demands[0].text"} <= fields
    # The revision history names the author and the document.
    with kp.read() as conn:
        (rev,) = history(conn, "statements", sid)
    assert rev.author == "tester" and rev.op == "insert" and letter.document_id in (rev.reason or "")


def test_same_bytes_again_change_nothing_and_return_the_stored_result(kp: Store, kit: Any) -> None:
    first = ingest_paths(kp, [kit.letter, kit.ko_news], author="tester", linker=no_links)
    revisions = kit.count(kp, t.revisions)
    again = ingest_paths(kp, [kit.ko_news, kit.letter], author="someone-else", linker=no_links)
    assert [o.status for o in again] == ["unchanged", "unchanged"]
    assert again[1].output == first[0].output and again[0].output == first[1].output
    assert again[1].records == first[0].records
    assert kit.count(kp, t.revisions) == revisions
    assert kit.count(kp, t.documents) == 2
    # Under another name, the same bytes are the same document.
    (copy,) = [ingest_bytes(kp, kit.letter.read_bytes(), "copy.txt", author="x", linker=no_links)]
    assert copy.status == "unchanged" and copy.document_id == first[0].document_id


def test_a_changed_document_is_a_new_version_of_the_old(kp: Store, kit: Any, tmp_path: Path) -> None:
    news = tmp_path / "news.txt"
    news.write_bytes(kit.ko_news.read_bytes())
    (old,) = ingest_paths(kp, [news], author="tester", linker=no_links)
    assert old.records["events"]
    news.write_bytes(kit.ko_news.read_bytes() + "\n\n2024년 10월 1일 국군의 날 행사가 열렸다.\n".encode())
    (new,) = ingest_paths(kp, [news], author="tester", linker=no_links)
    assert new.status == "new_version" and new.version_of == old.document_id
    assert new.document_id != old.document_id
    with kp.read() as conn:
        before, after = docs.by_id(conn, old.document_id), docs.by_id(conn, new.document_id)
    assert before is not None and after is not None
    assert (before.status, after.status, after.version_of) == ("superseded", "current", old.document_id)
    # The old version's proposals are set aside, with the reason in their history; the new ones wait.
    for rid in old.records["events"]:
        assert kit.status_of(kp, "events", rid) == "rejected"
        with kp.read() as conn:
            last = history(conn, "events", rid)[-1]
        assert f"superseded by {new.document_id}" in (last.reason or "")
    assert all(kit.status_of(kp, "events", rid) == "proposed" for rid in new.records["events"])
    # Through a relative and an absolute path alike: the file is the same document.
    (same,) = ingest_paths(kp, [str(news.resolve())], author="tester", linker=no_links)
    assert same.status == "unchanged"


def test_each_bad_file_gets_its_own_error_and_the_others_go_in(
    kp: Store, kit: Any, bad_files: dict[str, Path]
) -> None:
    paths = [bad_files["empty"], kit.ko_letter, bad_files["junk"], bad_files["pdf"], bad_files["missing"]]
    outcomes = ingest_paths(kp, paths, author="tester", linker=no_links)
    assert [o.status for o in outcomes] == ["failed", "stored", "failed", "failed", "failed"]
    errors = {Path(o.path).name: o.error for o in outcomes if not o.ok}
    assert errors["empty.txt"] == "empty file"
    assert errors["junk.bin"] == "binary content, not text"
    assert "truncated PDF" in (errors["cut.pdf"] or "")
    assert errors["nowhere.txt"] == "no such file"
    for o in outcomes:
        if not o.ok:
            assert o.output == {"document": {"path": o.path}, "error": o.error}
    assert kit.count(kp, t.documents) == 1  # nothing of a bad file is stored
    assert kit.count(kp, t.statements, t.statements.c.status == "proposed") == 1


def test_a_file_that_fails_while_stored_leaves_nothing_behind(
    kp: Store, kit: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    ingester = Ingester(kp, author="tester", linker=no_links)
    revisions = kit.count(kp, t.revisions)

    def broken(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(docs, "insert_provenance", broken)
    failed = ingester.ingest_path(kit.letter)
    assert failed.status == "failed" and "disk on fire" in (failed.error or "")
    assert kit.count(kp, t.documents) == kit.count(kp, t.statements) == kit.count(kp, t.provenance) == 0
    assert kit.count(kp, t.revisions) == revisions
    monkeypatch.undo()
    assert ingester.ingest_path(kit.letter).status == "stored"


def test_korean_only_text_fills_english_with_the_korean_and_says_so(kp: Store, kit: Any) -> None:
    (letter,) = ingest_paths(kp, [kit.ko_letter], author="tester", linker=no_links)
    (sid,) = letter.records["statements"]
    statement = kit.doc(kp, "statements", sid)
    assert (
        statement["title"]["en"]
        == statement["title"]["ko"]
        == "접경지역의 평화를 지키는 약속은 되살아나야 합니다"
    )
    with kp.read() as conn:
        notes = {r["field"]: r["note"] for r in docs.provenance_of(conn, "statements", sid)}
    assert notes["$.title"] == KOREAN_ONLY
    # Unknown organisations become candidate actors, in Korean and (until translated) in "English".
    unknown = candidate_id("접경지역평화시민회의")
    assert unknown in letter.records["actors"] and unknown in statement["signatories"]
    assert kit.doc(kp, "actors", unknown)["name"] == {
        "en": "접경지역평화시민회의",
        "ko": "접경지역평화시민회의",
    }
    assert {"pspd", "kfem"} <= set(statement["signatories"])


def test_a_candidate_named_again_is_the_same_candidate(kp: Store, kit: Any) -> None:
    letter = (
        "An open letter to the UN Security Council\n\n1 March 2024\n\nSigned,\nPeace Lantern Network\nPSPD\n"
    )
    first = ingest_bytes(kp, letter.encode(), "first.txt", author="t", linker=no_links)
    second = ingest_bytes(
        kp, (letter + "\nWe ask again.\n").encode(), "second.txt", author="t", linker=no_links
    )
    lantern = candidate_id("Peace Lantern Network")
    assert lantern in first.records.get("actors", ())
    assert lantern not in second.records.get("actors", ())  # not proposed twice
    for outcome in (first, second):
        (sid,) = outcome.records["statements"]
        assert lantern in kit.doc(kp, "statements", sid)["signatories"]
    with kp.read() as conn:
        assert docs.documents_of(conn, "actors", lantern) == [first.document_id, second.document_id]


def test_a_record_the_validator_refuses_is_left_out_not_the_file(kp: Store, kit: Any) -> None:
    text = (
        "News.\n\nOn 3 May 2031 North Korea test-fired a missile near the DMZ. "
        "On 4 May 2021 South Korea held talks with North Korea in Panmunjom."
    )
    outcome = ingest_bytes(kp, text.encode(), "future.txt", author="t", linker=no_links)
    assert outcome.status == "stored"
    assert outcome.records["events"] == (f"{outcome.document_id}.event.2",)
    assert any("is in the future" in why for why in outcome.skipped)
    with kp.read() as conn:
        assert docs.left_out_of(conn, outcome.document_id) == list(outcome.skipped)
    assert kit.count(kp, t.provenance, t.provenance.c.record_id == f"{outcome.document_id}.event.1") == 0


def test_hostile_html_is_read_as_text(kp: Store, kit: Any) -> None:
    page = (
        f"<html><head><title>{kit.hostile}</title><script>document.write('owned')</script>"
        '<link rel="canonical" href="javascript:alert(1)"></head>'
        "<body><p>On 3 May 2021 North Korea test-fired a missile.</p>"
        '<img src=x onerror="alert(2)"></body></html>'
    )
    outcome = ingest_bytes(kp, page.encode(), "page.html", author="t", linker=no_links)
    assert outcome.ok
    with kp.read() as conn:
        text = docs.text_of(conn, outcome.document_id) or ""
        stored = docs.by_id(conn, outcome.document_id)
    assert "owned" not in text and "onerror" not in text
    assert stored is not None and stored.url is None  # only http(s) addresses are kept
    assert "url" not in outcome.output["document"]


def test_a_web_page_with_an_address_is_the_source_of_its_records(kp: Store, kit: Any) -> None:
    page = (
        '<html><head><title>Missile test</title><link rel="canonical" href="https://news.example.org/a/1">'
        "</head><body><article><p>On 3 May 2021 North Korea test-fired a missile near the border, "
        "the Joint Chiefs of Staff said.</p></article></body></html>"
    )
    outcome = ingest_bytes(kp, page.encode(), "page.html", author="t", linker=no_links)
    assert outcome.output["document"]["url"] == "https://news.example.org/a/1"
    (eid,) = outcome.records["events"]
    assert kit.doc(kp, "events", eid)["sources"][0]["url"] == "https://news.example.org/a/1"


def test_extraction_and_document_rows_round_trip(kp: Store, kit: Any) -> None:
    (notice,) = ingest_paths(kp, [kit.ko_notice], author="tester", linker=no_links)
    with kp.read() as conn:
        raw = conn.scalar(
            select(t.extractions.c.output).where(t.extractions.c.document_id == notice.document_id)
        )
        version = conn.scalar(
            select(t.extractions.c.pipeline_version).where(t.extractions.c.document_id == notice.document_id)
        )
        stored = docs.by_id(conn, notice.document_id)
    assert orjson.loads(raw) == notice.output
    assert version and version.startswith("peacetrack")
    assert stored is not None and (stored.language, stored.kind) == ("ko", notice.output["document"]["kind"])
    (gid,) = notice.records["gatherings"]
    gathering = kit.doc(kp, "gatherings", gid)
    assert gathering["title"]["ko"] == "2023 한반도 평화 국제포럼" and gathering["attendance"] == 150


def test_extracted_events_get_candidate_provisions_from_the_linker(kp: Store, kit: Any) -> None:
    """No linker given: ingest ranks the store's provisions, and the links wait for review with the event."""
    (news,) = ingest_paths(kp, [kit.ko_news], author="tester")
    events = [kit.doc(kp, "events", eid) for eid in news.records["events"]]
    blown = next(e for e in events if e["date"] == "2020-06-16")
    assert "panmunjom-2018/1.3" in [x["provision"] for x in blown["effects"]]
    posts = next(e for e in events if e["date"].startswith("2018-11"))
    assert "cma-2018/2.1" in [x["provision"] for x in posts["effects"]]
    assert all(kit.status_of(kp, "events", e["id"]) == "proposed" for e in events)

"""`peacetrack reprocess`: the pipeline again over stored documents, replacing only unreviewed proposals."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import orjson
import pytest
from sqlalchemy import select, update

from peacetrack.errors import BadInput
from peacetrack.ingest import documents as docs
from peacetrack.ingest import ingest_paths
from peacetrack.ingest.reprocess import parse_version, reprocess, selected, summary
from peacetrack.ingest.review import decide
from peacetrack.pipeline import no_links
from peacetrack.store import Store
from peacetrack.store import tables as t
from peacetrack.store.revisions import history


def _copies(kit: Any, tmp_path: Path, *names: Path) -> list[Path]:
    folder = tmp_path / "docs"
    folder.mkdir(exist_ok=True)
    out = []
    for name in names:
        out.append(folder / name.name)
        shutil.copy(name, out[-1])
    return out


def _effects(store: Store, kit: Any, event_ids: tuple[str, ...]) -> dict[str, list[Any]]:
    return {e: kit.doc(store, "events", e).get("effects", []) for e in event_ids}


def test_nothing_changed_means_nothing_written(kp: Store, kit: Any, tmp_path: Path) -> None:
    files = _copies(kit, tmp_path, *kit.seeds, kit.ko_letter)
    ingest_paths(kp, files, author="ingester")
    revisions = kit.count(kp, t.revisions)
    results = reprocess(kp, author="again")
    assert [r.status for r in results] == ["unchanged"] * len(files)
    assert {r.source for r in results} == {"file"}
    assert kit.count(kp, t.revisions) == revisions
    # The files gone, the stored text gives the same records.
    shutil.rmtree(files[0].parent)
    again = reprocess(kp, author="again")
    assert [r.status for r in again] == ["unchanged"] * len(files)
    assert {r.source for r in again} == {"stored text"}
    assert summary(again)["unchanged"] == len(files)


def test_provisions_stored_later_link_the_unreviewed_proposals(kp: Store, kit: Any, tmp_path: Path) -> None:
    # Ingested before the linker knew the provisions (no_links): the events link to nothing.
    (plenary,) = ingest_paths(kp, _copies(kit, tmp_path, kit.plenary), author="ingester", linker=no_links)
    events = plenary.records["events"]
    assert len(events) >= 2 and not any(_effects(kp, kit, events).values())
    reviewed, *unreviewed = events
    decide(kp, [f"events/{reviewed}"], "accept", author="reviewer")
    before_reviewed = kit.doc(kp, "events", reviewed)

    dry = reprocess(kp, author="again", dry_run=True)
    assert dry[0].status == "changed" and set(dry[0].updated["events"]) == set(unreviewed)
    assert not any(_effects(kp, kit, events).values())  # a dry run writes nothing

    (result,) = reprocess(kp, author="again")
    assert result.status == "changed"
    assert set(result.updated["events"]) == set(unreviewed)
    assert result.kept == {"events": (reviewed,)}  # it would change, but someone reviewed it
    effects = _effects(kp, kit, events)
    assert all(effects[e] for e in unreviewed)
    assert kit.doc(kp, "events", reviewed) == before_reviewed
    assert kit.status_of(kp, "events", reviewed) == "accepted"
    assert {kit.status_of(kp, "events", e) for e in unreviewed} == {"proposed"}
    with kp.read() as conn:
        why = history(conn, "events", unreviewed[0])[-1]
        version = conn.scalar(
            select(t.extractions.c.pipeline_version).where(t.extractions.c.document_id == plenary.document_id)
        )
        output = docs.output_of(conn, plenary.document_id)
    assert why.reason is not None and why.reason.startswith("reprocess: ")
    assert why.author == "again"
    assert version is not None and version.startswith("peacetrack")
    assert output is not None and any(e.get("provisions") for e in output["events"])
    # The provenance of the updated events is the new run's, once.
    with kp.read() as conn:
        rows = conn.execute(
            select(t.provenance.c.field).where(
                t.provenance.c.document_id == plenary.document_id,
                t.provenance.c.record_id == unreviewed[0],
                t.provenance.c.field == "$",
            )
        ).all()
    assert len(rows) == 1
    assert [r.status for r in reprocess(kp, author="again")] == ["unchanged"]


def test_a_proposal_no_longer_made_is_withdrawn_and_its_own_candidate_too(
    kp: Store, kit: Any, tmp_path: Path
) -> None:
    (letter,) = ingest_paths(kp, _copies(kit, tmp_path, kit.ko_letter), author="ingester")
    (statement,) = letter.records["statements"]
    candidates = letter.records.get("actors", ())
    assert candidates
    shutil.rmtree(tmp_path / "docs")
    # The extractor now finds nothing in the text: everything it proposed is set aside.
    with kp.write() as conn:
        conn.execute(
            update(t.documents).where(t.documents.c.id == letter.document_id).values(text="Nothing here.")
        )
    (result,) = reprocess(kp, author="again")
    assert result.status == "changed" and result.source == "stored text"
    assert result.withdrawn["statements"] == (statement,)
    assert set(result.withdrawn["actors"]) == set(candidates)
    assert kit.status_of(kp, "statements", statement) == "rejected"
    assert {kit.status_of(kp, "actors", a) for a in candidates} == {"rejected"}
    with kp.read() as conn:
        last = history(conn, "statements", statement)[-1]
        described = history(conn, "documents", letter.document_id)[-1]
        now_text = docs.text_of(conn, letter.document_id)
    assert last.reason is not None and "no longer proposed" in last.reason
    # What the run found out about the document changed too (kind, language): kept, with its history. The
    # title found when it was read stays (the stored text is all there is to go on).
    assert described.op == "update" and described.reason is not None
    assert described.reason.startswith("reprocess: ")
    assert described.old is not None and described.new is not None
    changed = {k for k in described.new if described.new[k] != described.old.get(k)}
    assert changed == {"kind", "language"}, changed  # "Nothing here." is not a Korean letter
    assert described.old["title"] == described.new["title"]
    assert now_text == "Nothing here."


def test_a_candidate_another_document_names_stays(kp: Store, kit: Any, tmp_path: Path) -> None:
    first, second = _copies(kit, tmp_path, kit.ko_letter, kit.ko_letter)[0], tmp_path / "again.txt"
    second.write_text(first.read_text(encoding="utf-8") + "\n\n(다시 게시)\n", encoding="utf-8")
    a, b = ingest_paths(kp, [first, second], author="ingester")
    own = set(a.records.get("actors", ()))
    assert own
    assert not b.records.get("actors")  # b names a's candidates
    first.unlink()
    with kp.write() as conn:
        conn.execute(
            update(t.documents).where(t.documents.c.id == a.document_id).values(text="Nothing here.")
        )
    results = {r.document_id: r for r in reprocess(kp, author="again", ids=[a.document_id])}
    assert "actors" not in results[a.document_id].withdrawn
    assert {kit.status_of(kp, "actors", c) for c in own} == {"proposed"}


def test_selection_by_version_and_by_id(kp: Store, kit: Any, tmp_path: Path) -> None:
    one, two = ingest_paths(kp, _copies(kit, tmp_path, kit.plenary, kit.session), author="ingester")
    with kp.write() as conn:
        conn.execute(
            update(t.extractions)
            .where(t.extractions.c.document_id == one.document_id)
            .values(pipeline_version="peacetrack 0.0.9")
        )
    with kp.read() as conn:
        assert [d.id for d, _ in selected(conn, since="0.1")] == [one.document_id]
        assert [d.id for d, _ in selected(conn, since="peacetrack 0.0.1")] == []
        assert {d.id for d, _ in selected(conn)} == {one.document_id, two.document_id}
        assert [d.id for d, _ in selected(conn, ids=[two.document_id])] == [two.document_id]
        with pytest.raises(BadInput, match="no current document 'nope'"):
            selected(conn, ids=["nope"])
    with pytest.raises(BadInput, match="expected a version"):
        parse_version("latest")
    assert [r.document_id for r in reprocess(kp, author="again", since="0.1")] == [one.document_id]
    with kp.read() as conn:
        assert [d.id for d, _ in selected(conn, since="0.1")] == []  # now made by this version


def test_cli_reports_what_changed(cli: Any, kp: Store, kit: Any, tmp_path: Path) -> None:
    (plenary,) = ingest_paths(kp, _copies(kit, tmp_path, kit.plenary), author="ingester", linker=no_links)
    dry = cli("reprocess", "--db", kp.url, "--dry-run", "--format", "json")
    assert dry.code == 0, dry.err
    (entry,) = orjson.loads(dry.out)
    assert entry["status"] == "changed" and entry["document"] == plenary.document_id
    table = cli("reprocess", "--db", kp.url, "--author", "me")
    assert table.code == 0, table.err
    assert "changed" in table.out and plenary.document_id in table.out
    assert "1 document(s): 1 changed" in table.err
    again = cli("reprocess", "--db", kp.url, "--format", "json")
    assert [e["status"] for e in orjson.loads(again.out)] == ["unchanged"]
    bad = cli("reprocess", "--db", kp.url, "--since", "latest")
    assert bad.code == 2 and "--since" in bad.err


def test_a_failing_document_costs_only_itself(kp: Store, kit: Any, tmp_path: Path, monkeypatch: Any) -> None:
    from peacetrack.ingest import reconcile as module

    one, two = ingest_paths(
        kp, _copies(kit, tmp_path, kit.plenary, kit.session), author="ingester", linker=no_links
    )
    real = module.diff

    def broken(conn: Any, document_id: str, *args: Any) -> Any:
        if document_id == one.document_id:
            raise RuntimeError("boom")
        return real(conn, document_id, *args)

    monkeypatch.setattr(module, "diff", broken)
    results = {r.document_id: r for r in reprocess(kp, author="again")}
    assert results[one.document_id].status == "failed" and "boom" in (results[one.document_id].error or "")
    assert results[two.document_id].status == "changed"


def test_reviewed_records_the_pipeline_still_makes_are_not_reported(
    kp: Store, kit: Any, tmp_path: Path
) -> None:
    (letter,) = ingest_paths(kp, _copies(kit, tmp_path, kit.ko_letter), author="ingester")
    (statement,) = letter.records["statements"]
    decide(kp, [f"statements/{statement}"], "accept", author="reviewer")  # its candidates along with it
    assert {kit.status_of(kp, "actors", a) for a in letter.records["actors"]} == {"accepted"}
    (result,) = reprocess(kp, author="again")
    assert result.status == "unchanged"
    assert result.kept == {}

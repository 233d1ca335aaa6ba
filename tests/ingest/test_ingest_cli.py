"""`peacetrack ingest` as scripts and people meet it: SPEC section 4 on stdout, errors per file, exits."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson

from peacetrack.store import Store
from peacetrack.store import tables as t


def test_json_is_one_object_per_document_in_input_order(
    cli: Any, kp: Store, kit: Any, bad_files: dict[str, Path]
) -> None:
    paths = [str(kit.letter), str(bad_files["empty"]), str(kit.conference), str(bad_files["pdf"])]
    result = cli("ingest", *paths, "--db", kp.url, "--format", "json", "--author", "kim")
    assert result.code == 2  # some files failed; the good ones are stored all the same
    out = orjson.loads(result.out)
    assert [o["document"]["path"] for o in out] == paths
    assert out[0]["document"]["kind"] == "open_letter" and len(out[0]["statements"]) == 1
    assert out[1] == {"document": {"path": paths[1]}, "error": "empty file"}
    assert out[2]["gatherings"][0]["start"] == "2021-11-29"
    assert "truncated PDF" in out[3]["error"]
    assert all(
        set(o) == {"document", "statements", "gatherings", "events", "mentions", "spans"} for o in out[::2]
    )
    # stderr: one line per failed file naming it, place and reason; then a summary.
    lines = result.err.strip().splitlines()
    assert lines[0] == f"{paths[1]}: $: empty file"
    assert lines[1].startswith(f"{paths[3]}: $: truncated PDF")
    assert "2 of 4 file(s) could not be ingested; the others were stored." in result.err
    assert kit.count(kp, t.documents) == 2
    with kp.read() as conn:
        authors = set(conn.scalars(t.revisions.select().with_only_columns(t.revisions.c.author)))
    assert "kim" in authors

    again = cli("--db", kp.url, "ingest", str(kit.letter), str(kit.conference), "--format", "json")
    assert again.code == 0 and again.err == ""
    assert orjson.loads(again.out) == [out[0], out[2]]


def test_table_summary_for_people(cli: Any, kp: Store, kit: Any, tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "letter.txt").write_bytes(kit.letter.read_bytes())
    (folder / "news.txt").write_bytes(kit.ko_news.read_bytes())
    (folder / ".hidden.txt").write_bytes(b"skipped")
    result = cli("ingest", str(folder), "--db", kp.url)
    assert result.code == 0, result.err
    assert "Ingested 2 of 2 document(s)" in result.out
    assert "stored" in result.out and "1 statements" in result.out
    assert "peacetrack review list" in result.err
    again = cli("ingest", str(folder / "news.txt"), "--db", kp.url)
    assert "unchanged" in again.out


def test_bad_public_url_and_no_paths_are_bad_input(cli: Any, kp: Store, kit: Any) -> None:
    bad = cli("ingest", str(kit.letter), "--db", kp.url, "--public-url", "ftp://x")
    assert bad.code == 2 and "--public-url" in bad.err
    assert kit.count(kp, t.documents) == 0
    assert cli("ingest", "--db", kp.url).code == 2


def test_public_url_is_what_events_cite(cli: Any, kp: Store, kit: Any) -> None:
    result = cli(
        "ingest",
        str(kit.ko_news),
        "--db",
        kp.url,
        "--format",
        "json",
        "--public-url",
        "https://pt.example.org/",
    )
    assert result.code == 0, result.err
    doc_id = orjson.loads(result.out)[0]["document"]["id"]
    event = kit.doc(kp, "events", f"{doc_id}.event.1")
    assert event["sources"][0]["url"] == f"https://pt.example.org/library/{doc_id}"

"""`peacetrack backup` and `restore`: everything back, on either database, taken while writes go on."""

from __future__ import annotations

import threading
import zipfile
from pathlib import Path
from typing import Any

import orjson
from sqlalchemy import func, select

from peacetrack.accounts import add_user
from peacetrack.bundle import import_bundles
from peacetrack.fixtures import MINI
from peacetrack.ingest import ingest_bytes
from peacetrack.pipeline import no_links
from peacetrack.store import Store
from peacetrack.store import tables as t
from peacetrack.store.backup import backup
from peacetrack.store.migrate import upgrade


def _counts(store: Store) -> dict[str, int]:
    with store.read() as conn:
        return {
            table.name: conn.scalar(select(func.count()).select_from(table)) or 0
            for table in t.metadata.sorted_tables
        }


def _busy(store: Store) -> None:
    upgrade(store)
    import_bundles(store, [str(MINI)], author="fixture")
    ingest_bytes(
        store, b"On 3 May 2021 North Korea test-fired a missile.", "notes.txt", author="ed", linker=no_links
    )
    ingest_bytes(
        store,
        b"On 4 May 2021 North Korea test-fired two missiles.",
        "notes.txt",
        author="ed",
        linker=no_links,
    )
    with store.write() as conn:
        add_user(conn, "editor", "editor")


def test_backup_and_restore_bring_everything_back(cli: Any, db_url: str, tmp_path: Path) -> None:
    source = Store(db_url)
    _busy(source)
    out = tmp_path / "store.backup"
    assert cli("--db", db_url, "backup", str(out)).code == 0
    before = _counts(source)
    assert before["documents"] == 2 and before["revisions"] > 0 and before["users"] == 1
    target_url = f"sqlite:///{tmp_path / 'restored.db'}"
    restored = cli("--db", target_url, "restore", str(out))
    assert restored.code == 0, restored.err
    assert _counts(Store(target_url)) == before
    with Store(target_url).read() as conn:
        statuses = sorted(conn.scalars(select(t.events.c.status).where(t.events.c.status != "accepted")))
        versions = conn.scalar(select(func.count()).where(t.documents.c.version_of.is_not(None)))
    assert statuses and set(statuses) <= {"proposed", "rejected"} and versions == 1
    again = cli("--db", target_url, "restore", str(out))
    assert again.code == 2 and "empty database" in again.err
    junk = tmp_path / "junk.zip"
    junk.write_bytes(b"not a zip")
    assert cli("--db", f"sqlite:///{tmp_path / 'other.db'}", "restore", str(junk)).code == 2


def test_a_backup_taken_while_writes_go_on_is_one_snapshot(db_url: str, tmp_path: Path) -> None:
    store = Store(db_url)
    _busy(store)
    stop = threading.Event()

    def write() -> None:
        n = 0
        while not stop.is_set():
            n += 1
            body = f"On {n % 28 + 1} June 2021 North Korea fired artillery number {n}.".encode()
            ingest_bytes(store, body, f"n{n}.txt", author="ed", linker=no_links)

    writer = threading.Thread(target=write)
    writer.start()
    try:
        out = tmp_path / "busy.backup"
        counts = backup(store, out)
    finally:
        stop.set()
        writer.join()
    with zipfile.ZipFile(out) as zf:
        documents = [orjson.loads(line) for line in zf.read("documents.jsonl").splitlines()]
        extractions = [orjson.loads(line) for line in zf.read("extractions.jsonl").splitlines()]
    # Each document came with its extraction: the tables were read at one moment.
    assert {d["id"] for d in documents} == {e["document_id"] for e in extractions}
    assert counts["documents"] == len(documents) >= 2


def test_a_record_is_put_back_as_an_earlier_revision_left_it(cli: Any, db_url: str, tmp_path: Path) -> None:
    store = Store(db_url)
    upgrade(store)
    import_bundles(store, [str(MINI)], author="fixture")
    with store.read() as conn:
        eid = conn.scalar(select(t.events.c.id).order_by(t.events.c.id).limit(1))
    assert isinstance(eid, str)
    first = orjson.loads(cli("--db", db_url, "history", "events", eid, "--format", "json").out)
    original = first[-1]
    edited = {**original["new"], "place": "Somewhere else"}
    bundle = tmp_path / "edit.json"
    bundle.write_bytes(orjson.dumps({"format": "peacetrack/1", "events": [edited]}))
    assert cli("--db", db_url, "import", str(bundle), "--author", "vandal").code == 0
    back = cli(
        "--db", db_url, "history", "events", eid, "--revert-to", str(original["id"]), "--author", "editor"
    )
    assert back.code == 0 and "reverted to" in back.err
    revs = orjson.loads(cli("--db", db_url, "history", "events", eid, "--format", "json").out)
    assert revs[-1]["new"] == original["new"] and revs[-1]["author"] == "editor"
    assert f"revert to revision {original['id']}" in revs[-1]["reason"]
    assert len(revs) == len(first) + 2  # the edit and the revert: nothing erased
    again = cli("--db", db_url, "history", "events", eid, "--revert-to", str(original["id"]))
    assert again.code == 0 and "already as left by" in again.err
    assert cli("--db", db_url, "history", "events", eid, "--revert-to", "999999").code == 2


def test_a_backup_taken_at_a_revision_with_the_same_tables_restores(cli: Any, tmp_path: Path) -> None:
    # 0014 adds only a PostgreSQL search index: a backup taken at 0013 holds the same tables and columns.
    import zipfile

    import orjson

    from peacetrack.store.migrate import SAME_DATA, head_revision

    assert head_revision() in SAME_DATA and "0013" in SAME_DATA
    source_url = f"sqlite:///{tmp_path / 'source.db'}"
    _busy(Store(source_url))
    out = tmp_path / "store.backup"
    assert cli("--db", source_url, "backup", str(out)).code == 0
    older = tmp_path / "older.backup"
    with zipfile.ZipFile(out) as src, zipfile.ZipFile(older, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "manifest.json":
                data = orjson.dumps({**orjson.loads(data), "revision": "0013"})
            dst.writestr(item, data)
    target_url = f"sqlite:///{tmp_path / 'restored.db'}"
    restored = cli("--db", target_url, "restore", str(older))
    assert restored.code == 0, restored.err
    assert _counts(Store(target_url)) == _counts(Store(source_url))
    with zipfile.ZipFile(out) as src, zipfile.ZipFile(tmp_path / "odd.backup", "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "manifest.json":
                data = orjson.dumps({**orjson.loads(data), "revision": "0009"})
            dst.writestr(item, data)
    refused = cli("--db", f"sqlite:///{tmp_path / 'other.db'}", "restore", str(tmp_path / "odd.backup"))
    assert refused.code == 2 and "0009" in refused.err

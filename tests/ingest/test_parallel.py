"""Ingest on Dask (a LocalCluster started here): the same records as one process, resumable, failures listed.

The corpus is built so that order matters: the second letter names, by its
acronym and by a misspelling, two organisations that only the first letter
introduced. One process resolves those names to the first letter's candidates;
a worker, holding the registry as it was when the run began, cannot, so the
driver must resolve them again. Chunks of one document and batches of two make
the run cross many batch boundaries and registry changes.
"""

from __future__ import annotations

import random
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson
import pytest
from sqlalchemy import select

from peacetrack.bundle import import_bundles
from peacetrack.ingest import ingest_paths
from peacetrack.ingest.cluster import DaskTarget, dask_client, parse_target
from peacetrack.ingest.parallel import RunStats, ingest_paths_dask
from peacetrack.store import Store, upgrade
from peacetrack.store import tables as t

pytest.importorskip("distributed")

LETTER_A = """Open Letter to the UN Security Council

Lift the sanctions that block humanitarian aid to North Korea

12 April 2021

Dear Members of the Security Council,

We are civil society organizations working for peace on the Korean Peninsula. We urge the Security \
Council to lift the sanctions that block humanitarian aid, and we call on the United States and North Korea \
to resume talks without preconditions.

Sincerely,

Han River Peace Network of Gyeonggi Province (HRPNG)
Civil Peace Forum
Korean Sharing Movement
Imjin River Citizens Solidarity for Peace
"""

LETTER_B = """Open Letter to the President of the United States

End the Korean War with a peace agreement

3 May 2021

Dear President Biden,

The Han River Peace Network of Gyeonggi Province said on 1 May 2021 that separated families cannot wait. \
We call on you to declare an end to the Korean War and to sign a peace agreement with North Korea.

Sincerely,

HRPNG
Imjin River Citizen Solidarity for Peace
Women Cross DMZ
"""

NEWS = [
    "North Korea fired two short-range ballistic missiles into the East Sea on {d}, the Joint Chiefs of "
    "Staff said. Analysts said the launch was aimed at Washington.",
    "The two Koreas held high-level talks at Panmunjom on {d} and agreed to restore the military hotline. "
    "Officials declined to say whether further meetings had been scheduled.",
    "합동참모본부는 북한이 {d} 동해상으로 단거리 탄도미사일 2발을 발사했다고 밝혔다. "
    "정부는 상황을 면밀히 지켜보겠다고 밝혔다.",
]


@pytest.fixture(scope="module")
def cluster() -> Iterator[Any]:
    with dask_client(DaskTarget(workers=2)) as c:
        yield c


def _corpus(root: Path, kit: Any) -> list[Path]:
    """Seeds, Korean documents, two letters that depend on each other, news, a copy and a bad file."""
    root.mkdir()
    files: list[Path] = []
    for src in [*kit.seeds, kit.ko_letter, kit.ko_news, kit.ko_notice]:
        files.append(Path(shutil.copy(src, root / src.name)))
    for name, text in (("a-letter.txt", LETTER_A), ("b-letter.txt", LETTER_B)):
        (root / name).write_text(text, encoding="utf-8")
        files.append(root / name)
    rng = random.Random(7)
    for i in range(14):
        when = f"{rng.randrange(1, 28)} March 20{rng.randrange(18, 24)}"
        if i % 3 == 2:
            when = f"20{rng.randrange(18, 24)}년 3월 {rng.randrange(1, 28)}일"
        path = root / f"news-{i:02d}.txt"
        path.write_text(NEWS[i % 3].format(d=when) + f"\n\nItem {i}.\n", encoding="utf-8")
        files.append(path)
    shutil.copy(root / "a-letter.txt", root / "a-letter-copy.txt")
    files.append(root / "a-letter-copy.txt")
    (root / "broken.pdf").write_bytes(b"%PDF-1.7 this is not a PDF at all")
    files.append(root / "broken.pdf")
    return files


def _kp(url: str, kit_files: list[str]) -> Store:
    store = Store(url)
    upgrade(store)
    import_bundles(store, kit_files, author="fixture")
    return store


def _contents(store: Store) -> dict[str, list[Any]]:
    """Everything ingest writes, without the times it wrote it."""
    out: dict[str, list[Any]] = {}
    with store.read() as conn:
        for kind in ("actors", "statements", "gatherings", "events"):
            table = t.RECORD_TABLES[kind]
            out[kind] = sorted(conn.execute(select(table.c.id, table.c.status, table.c.doc)).all())
        d = t.documents.c
        out["documents"] = sorted(
            conn.execute(select(d.id, d.sha256, d.path, d.name, d.kind, d.language, d.version_of)).all()
        )
        out["outputs"] = sorted(
            conn.execute(select(t.extractions.c.document_id, t.extractions.c.output)).all()
        )
        p = t.provenance.c
        out["provenance"] = sorted(
            conn.execute(
                select(p.document_id, p.kind, p.record_id, p.field, p.pointer, p.start, p.end, p.note)
            ).all(),
            key=repr,
        )
    return out


def test_a_dask_run_stores_exactly_what_one_process_stores(
    tmp_path: Path, kit: Any, cluster: Any, kp_files: list[str]
) -> None:
    files = _corpus(tmp_path / "docs", kit)
    plain = _kp(f"sqlite:///{tmp_path}/plain.db", kp_files)
    spread = _kp(f"sqlite:///{tmp_path}/dask.db", kp_files)
    expected = ingest_paths(plain, files, author="tester")
    seen: list[tuple[int, int, int]] = []
    stats = RunStats()
    got = ingest_paths_dask(
        spread,
        files,
        client=cluster,
        author="tester",
        chunk=1,
        batch=2,
        progress=lambda stage, done, total, failed=0: seen.append((done, total, failed)),
        stats=stats,
    )
    # Batches went in whole; of the documents prepared before new candidates were stored, those the
    # candidates could change were resolved again, and the others kept the worker's result.
    assert stats.batches_in_one_go >= 5 and stats.batches_one_by_one == 0
    assert stats.resolved_again >= 1 and stats.unaffected >= 1
    # The order dependence is real: the second letter's names resolve to the first letter's candidates.
    b = next(o for o in expected if o.path.endswith("b-letter.txt"))
    signatories = b.output["statements"][0]["signatories"]
    assert [
        s["actor"][:5]
        for s in signatories
        if s["name"] in ("HRPNG", "Imjin River Citizen Solidarity for Peace")
    ] == [
        "cand-",
        "cand-",
    ]
    assert [(o.path, o.status, o.document_id, o.error) for o in got] == [
        (o.path, o.status, o.document_id, o.error) for o in expected
    ]
    assert [o.output for o in got] == [o.output for o in expected]
    assert _contents(spread) == _contents(plain)
    # The copy is answered from the first, the broken file fails alone, with its reason.
    statuses = {Path(o.path).name: o.status for o in got}
    assert statuses["a-letter-copy.txt"] == "unchanged"
    assert statuses["broken.pdf"] == "failed"
    assert sum(1 for o in got if o.status == "stored") == len(files) - 2
    assert seen[-1] == (len(files), len(files), 1)
    assert [d for d, *_ in seen] == list(range(1, len(files) + 1))


def test_a_new_version_makes_its_batch_go_one_document_at_a_time_with_the_same_result(
    tmp_path: Path, kit: Any, cluster: Any, kp_files: list[str]
) -> None:
    files = _corpus(tmp_path / "docs", kit)
    plain = _kp(f"sqlite:///{tmp_path}/plain.db", kp_files)
    spread = _kp(f"sqlite:///{tmp_path}/dask.db", kp_files)
    letter = next(f for f in files if f.name == "a-letter.txt")
    for store in (plain, spread):
        assert ingest_paths(store, [letter], author="tester")[0].status == "stored"
    letter.write_text(LETTER_A + "Peace Bridge Initiative\n", encoding="utf-8")
    expected = ingest_paths(plain, files, author="tester")
    stats = RunStats()
    got = ingest_paths_dask(spread, files, client=cluster, author="tester", chunk=2, batch=4, stats=stats)
    assert stats.batches_one_by_one >= 1 and stats.batches_in_one_go >= 1
    assert [(o.status, o.version_of) for o in got] == [(o.status, o.version_of) for o in expected]
    assert "new_version" in [o.status for o in got]
    assert [o.output for o in got] == [o.output for o in expected]
    assert _contents(spread) == _contents(plain)


def test_a_rerun_resumes_skipping_what_is_stored(
    tmp_path: Path, kit: Any, cluster: Any, kp_files: list[str]
) -> None:
    files = _corpus(tmp_path / "docs", kit)
    store = _kp(f"sqlite:///{tmp_path}/dask.db", kp_files)
    first = ingest_paths_dask(store, files[:9], client=cluster, author="tester")  # a run stopped part way
    assert all(o.ok for o in first)
    before = _contents(store)
    again = ingest_paths_dask(store, files, client=cluster, author="tester")
    assert [o.status for o in again[:9]] == ["unchanged"] * 9
    assert [o.output for o in again[:9]] == [o.output for o in first]
    assert sum(1 for o in again if o.status == "stored") == len(files) - 9 - 2
    after = _contents(store)
    assert set(before["documents"]) < set(after["documents"])


def test_postgresql_takes_the_dask_path_too(
    tmp_path: Path, kit: Any, cluster: Any, pg_url: str, kp_files: list[str]
) -> None:
    files = _corpus(tmp_path / "docs", kit)
    plain = _kp(f"sqlite:///{tmp_path}/plain.db", kp_files)
    expected = ingest_paths(plain, files, author="tester")
    store = _kp(pg_url, kp_files)
    got = ingest_paths_dask(store, files, client=cluster, author="tester", chunk=3, batch=4)
    assert [o.output for o in got] == [o.output for o in expected]
    assert [
        (kind, [r.id for r in rows])
        for kind, rows in _contents(store).items()
        if kind in ("actors", "events")
    ] == [
        (kind, [r.id for r in rows])
        for kind, rows in _contents(plain).items()
        if kind in ("actors", "events")
    ]
    store.dispose()


def test_the_cli_spreads_ingest_over_local_workers(tmp_path: Path, kit: Any, cli: Any) -> None:
    db = str(tmp_path / "cli.db")
    docs = tmp_path / "docs"
    docs.mkdir()
    for src in kit.seeds:
        shutil.copy(src, docs / src.name)
    (docs / "broken.pdf").write_bytes(b"%PDF-1.7 nothing")
    assert cli("--db", db, "import", "@korean-peninsula").code == 0
    r = cli("--db", db, "ingest", str(docs), "--dask", "local:1", "--format", "json", "--author", "t")
    assert r.code == 2
    out = orjson.loads(r.out)
    assert [o["document"]["path"].rsplit("/", 1)[-1] for o in out] == sorted(p.name for p in docs.iterdir())
    assert "broken.pdf: $:" in r.err and "1 of 5 file(s) could not be ingested" in r.err
    again = cli(
        "--db", db, "ingest", str(docs / "open-letter-unsc-2019.txt"), "--dask", "local:1", "--author", "t"
    )
    assert again.code == 0 and "unchanged" in again.out


@pytest.mark.parametrize(
    ("value", "needle"),
    [("local:0", "1 to 256 workers"), ("lokal:2", "expected local:N"), ("localhost:8786", "tcp://HOST:8786")],
)
def test_a_bad_dask_target_is_refused_with_what_was_expected(value: str, needle: str) -> None:
    with pytest.raises(Exception, match=needle):
        parse_target(value)


def test_an_unreachable_scheduler_is_a_clear_error() -> None:
    with (
        pytest.raises(Exception, match=r"could not reach the Dask scheduler at tcp://127\.0\.0\.1:9"),
        dask_client(parse_target("tcp://127.0.0.1:9"), timeout_s=2),
    ):
        pass


def test_without_dask_installed_the_option_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)
    with (
        pytest.raises(Exception, match=r"pip install 'peacetrack\[dask\]'"),
        dask_client(DaskTarget(workers=1)),
    ):
        pass


def test_a_running_cluster_is_used_by_its_address(
    tmp_path: Path, kit: Any, cluster: Any, kp_files: list[str]
) -> None:
    store = _kp(f"sqlite:///{tmp_path}/remote.db", kp_files)
    address = cluster.scheduler.address
    assert address.startswith("tcp://")
    with dask_client(parse_target(address)) as remote:
        got = ingest_paths_dask(store, [kit.letter], client=remote, author="tester")
    assert [o.status for o in got] == ["stored"]
    assert got[0].records["statements"]


def test_a_chunk_whose_task_fails_fails_its_documents_only(
    tmp_path: Path, kit: Any, kp_files: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from distributed import Client, LocalCluster

    import peacetrack.ingest.parallel as parallel
    from peacetrack.ingest import worker

    def flaky(items: Any, *args: Any) -> Any:
        if any(Path(i.name).name == "open-letter-unsc-2019.txt" for i in items):
            raise RuntimeError("worker lost")
        return worker.prepare_chunk(items, *args)

    # Workers in this process, so the task the driver sends is this test's.
    monkeypatch.setattr(parallel, "prepare_chunk", flaky)
    store = _kp(f"sqlite:///{tmp_path}/flaky.db", kp_files)
    with LocalCluster(n_workers=1, processes=False, dashboard_address=":0") as local, Client(local) as client:
        got = ingest_paths_dask(store, kit.seeds, client=client, author="tester", chunk=1)
    by_name = {Path(o.path).name: o for o in got}
    assert by_name["open-letter-unsc-2019.txt"].status == "failed"
    assert "the worker failed: RuntimeError: worker lost" in (
        by_name["open-letter-unsc-2019.txt"].error or ""
    )
    assert sorted(o.status for n, o in by_name.items() if n != "open-letter-unsc-2019.txt") == ["stored"] * 3


def test_the_progress_bar_shows_the_rate_and_the_failed() -> None:
    from rich.progress import Progress

    from peacetrack.cli.common import _Rate

    with Progress(disable=True) as bar:
        task = bar.add_task("ingest", total=10, failed=0)
        bar.update(task, completed=4, failed=2)
        shown = _Rate().render(bar.tasks[0]).plain
        bar.update(task, failed=0)
        quiet = _Rate().render(bar.tasks[0]).plain
    assert "2 failed" in shown
    assert "failed" not in quiet


def test_reprocess_on_dask_makes_the_same_changes_as_one_process(
    cluster: Any, kit: Any, kp_files: list[str], tmp_path: Path
) -> None:
    # Ingested before the linker knew the provisions: reprocessing links the events. Order matters as
    # for ingest (b-letter names a-letter's candidates); half the files are gone (stored text).
    from peacetrack.ingest.reprocess import reprocess
    from peacetrack.pipeline import no_links

    files = _corpus(tmp_path / "docs", kit)
    stores = {}
    for name in ("one", "dask"):
        store = _kp(f"sqlite:///{tmp_path / name}.db", kp_files)
        ingest_paths(store, files, author="ingester", linker=no_links)
        stores[name] = store
    for path in files[::2]:
        path.unlink()
    plain = reprocess(stores["one"], author="again")
    spread = reprocess(stores["dask"], author="again", client=cluster)
    assert [r.as_json() for r in spread] == [r.as_json() for r in plain]
    assert {r.status for r in plain} == {"changed", "unchanged"}
    assert {r.source for r in plain} == {"file", "stored text"}
    assert any(r.updated.get("events") for r in plain)
    assert _contents(stores["dask"]) == _contents(stores["one"])


def test_reprocess_cli_on_a_local_cluster(cli: Any, kit: Any, kp_files: list[str], tmp_path: Path) -> None:
    from peacetrack.pipeline import no_links

    store = _kp(f"sqlite:///{tmp_path / 'cli.db'}", kp_files)
    folder = tmp_path / "docs"
    folder.mkdir()
    (plenary,) = ingest_paths(store, [shutil.copy(kit.plenary, folder)], author="ingester", linker=no_links)
    bad = cli("reprocess", "--db", store.url, "--dask", "lokal:2")
    assert bad.code == 2 and "--dask" in bad.err
    ran = cli("reprocess", "--db", store.url, "--dask", "local:1", "--format", "json")
    assert ran.code == 0, ran.err
    (entry,) = orjson.loads(ran.out)
    assert entry["document"] == plenary.document_id and entry["status"] == "changed"
    assert entry["updated"]["events"]

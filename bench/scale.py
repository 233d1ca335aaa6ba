"""Benchmark: ingest throughput on Dask with 1 and 2 local workers, against the single-process loop.

Generates a mixed corpus (bench/corpus.py: news, open letters and programmes, half
English and half Korean), then ingests it three times into fresh copies of one
database holding the Korean Peninsula dataset's actors and agreements:

1. baseline: ``ingest_paths``, the single-process loop (one transaction per document);
2. ``ingest_paths_dask`` on a LocalCluster of 1 worker process;
3. the same with 2 worker processes.

Each run is timed from the first file read to the last write (the cluster is started
before the clock starts, as a long-running cluster would be). The script checks that
the three runs produced the same outputs, and prints documents/s and the ratios
2 workers / 1 worker and 2 workers / baseline.

    python bench/scale.py [--docs 2000] [--seed 2018] [--mix news=8,letter=1,programme=1]
                          [--db URL] [--json OUT]

``--db`` takes a PostgreSQL URL (an empty database or schema): each run then starts
by emptying it and importing the dataset again. Default: SQLite files in a temporary folder.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

import orjson
from sqlalchemy import text

from corpus import dataset_files, mixed, parse_mix, write
from peacetrack.bundle import import_bundles
from peacetrack.ingest import ingest_paths
from peacetrack.ingest.cluster import DaskTarget, dask_client
from peacetrack.ingest.parallel import RunStats, ingest_paths_dask
from peacetrack.store import Store, upgrade


def fresh_store(url: str | None, folder: Path, name: str, template: Path | None) -> Store:
    if url is None:
        path = folder / f"{name}.db"
        if template is not None:
            shutil.copy(template, path)
            return Store(f"sqlite:///{path}")
        store = Store(f"sqlite:///{path}")
        upgrade(store)
        import_bundles(store, dataset_files(), author="bench")
        return store
    store = Store(url)
    with store.write() as conn:  # an emptied schema, then the dataset again
        if conn.dialect.name == "postgresql":
            conn.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
    store.dispose()
    store = Store(url)
    upgrade(store)
    import_bundles(store, dataset_files(), author="bench")
    return store


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=2018)
    parser.add_argument(
        "--mix", default="news=8,letter=1,programme=1", help="kind=weight,… (bench/corpus.py)"
    )
    parser.add_argument("--db", help="a PostgreSQL URL (default: SQLite files in a temporary folder)")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="peacetrack-scale-"))
    docs = mixed(args.docs, args.seed, parse_mix(args.mix))
    write(docs, tmp / "docs")
    chars = sum(len(d.text) for d in docs) / len(docs)
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, python {platform.python_version()}")
    print(f"corpus: {len(docs)} documents ({args.mix}, half Korean), {chars:,.0f} characters on average")
    template = None
    if args.db is None:
        fresh_store(None, tmp, "template", None).dispose()
        template = tmp / "template.db"

    figures: dict[str, Any] = {"docs": len(docs)}
    outputs: dict[str, list[Any]] = {}
    files = [tmp / "docs"]

    store = fresh_store(args.db, tmp, "loop", template)
    started = time.perf_counter()
    outcomes = ingest_paths(store, files, author="bench")
    took = time.perf_counter() - started
    store.dispose()
    outputs["loop"] = [o.output for o in outcomes]
    figures["loop"] = {"seconds": took, "docs_per_s": len(docs) / took}
    print(f"baseline, one process: {took:.1f} s = {len(docs) / took:,.1f} documents/s")

    for workers in (1, 2):
        name = f"dask-{workers}"
        store = fresh_store(args.db, tmp, name, template)
        with dask_client(DaskTarget(workers=workers)) as client:
            stats = RunStats()
            started = time.perf_counter()
            cpu = time.process_time()
            outcomes = ingest_paths_dask(store, files, client=client, author="bench", stats=stats)
            took = time.perf_counter() - started
            driver = time.process_time() - cpu
        store.dispose()
        outputs[name] = [o.output for o in outcomes]
        figures[name] = {
            "seconds": took,
            "docs_per_s": len(docs) / took,
            "driver_cpu_s": driver,
            "stats": stats.__dict__,
        }
        print(
            f"dask, {workers} worker(s): {took:.1f} s = {len(docs) / took:,.1f} documents/s "
            f"(this process's CPU {driver:.1f} s; {stats.batches_in_one_go} batches in one go, "
            f"{stats.batches_one_by_one} one by one, {stats.resolved_again} documents resolved again, "
            f"{stats.unaffected} found unaffected by new candidates)"
        )
    same = outputs["loop"] == outputs["dask-1"] == outputs["dask-2"]
    failed = sum(1 for o in outputs["loop"] if "error" in o)
    figures["same_outputs"] = same
    r21 = figures["dask-2"]["docs_per_s"] / figures["dask-1"]["docs_per_s"]
    r2l = figures["dask-2"]["docs_per_s"] / figures["loop"]["docs_per_s"]
    figures["ratio_2_over_1"], figures["ratio_2_over_loop"] = r21, r2l
    print(f"2 workers / 1 worker: {r21:.2f}x; 2 workers / one process: {r2l:.2f}x")
    print(f"same outputs in all three runs: {same}; documents that failed: {failed}")
    if args.json:
        args.json.write_bytes(orjson.dumps(figures, option=orjson.OPT_INDENT_2))
    shutil.rmtree(tmp, ignore_errors=True)
    if not same:
        raise SystemExit("the runs disagree: a Dask run stored something else than one process")


if __name__ == "__main__":
    main()

"""Benchmark: import N events from one bundle into a fresh SQLite database.

Prints events/s for peacetrack's full import (validate every record, resolve
references, write rows, relation tables and revisions in one transaction) and,
side by side, two baselines run in the same process:

A. the events' JSON written raw into one table (sqlite3 executemany; COPY on
   PostgreSQL): no validation, no relation rows, no history, one index;
B. exactly the rows peacetrack wrote (every table, history included), read back
   and written raw into an empty database of the same schema and indexes: the
   floor for what the import must store.

Also times a no-op re-import.

    python bench/import.py [--events 100000] [--db postgresql+psycopg://…]
"""

from __future__ import annotations

import argparse
import json
import platform
import sqlite3
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import psycopg
from sqlalchemy import inspect

from peacetrack.bundle import import_bundles
from peacetrack.collector import collector_paused
from peacetrack.store import Store, upgrade
from peacetrack.store.tables import metadata

TYPES = ["summit", "talks", "military_measure", "weapons_test", "border_incident", "humanitarian"]
EFFECTS = ["implements", "advances", "violates", "reverses", "suspends", "mentions"]


def synthetic_bundle(n_events: int) -> dict[str, Any]:
    actors = [{"id": c, "kind": "state", "name": {"en": c.upper(), "ko": c}} for c in ("kor", "prk", "usa")]
    provisions = [
        {
            "ref": f"{a}.{i}",
            "text": {"en": f"Provision {a}.{i}", "ko": f"조항 {a}.{i}"},
            "responsible": ["kor", "prk"],
        }
        for a in range(1, 6)
        for i in range(1, 11)
    ]
    agreement = {
        "id": "bench-2018",
        "title": {"en": "Benchmark agreement"},
        "signed": "2018-01-01",
        "parties": ["kor", "prk"],
        "provisions": provisions,
    }
    start = date(2018, 1, 1)
    events = []
    for i in range(n_events):
        p = provisions[i % len(provisions)]
        events.append(
            {
                "id": f"ev-{i:07d}",
                "date": (start + timedelta(days=i % 3000)).isoformat(),
                "title": {"en": f"Synthetic event {i}", "ko": f"합성 사건 {i}"},
                "summary": {"en": "A benchmark event with a one-line summary of what happened."},
                "type": TYPES[i % len(TYPES)],
                "actors": ["kor", "prk"] if i % 2 else ["usa"],
                "sources": [{"url": f"https://example.org/news/{i}", "publisher": "Example News"}],
                "effects": [{"provision": f"bench-2018/{p['ref']}", "effect": EFFECTS[i % len(EFFECTS)]}],
            }
        )
    return {"format": "peacetrack/1", "actors": actors, "agreements": [agreement], "events": events}


def json_rows(events: list[dict[str, Any]]) -> list[tuple[str, str, str]]:
    return [(e["id"], e["date"], json.dumps(e, ensure_ascii=False)) for e in events]


def baseline_json(events: list[dict[str, Any]], url: str | None, folder: Path) -> float:
    """The floor: the events' JSON into one table, no validation, no relation rows, no history.
    SQLite: sqlite3 executemany; PostgreSQL: psycopg COPY. Serialising the JSON is timed too."""
    t0 = time.perf_counter()
    if url is None:
        conn = sqlite3.connect(folder / "baseline.db")
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("CREATE TABLE events (id TEXT PRIMARY KEY, date TEXT, doc TEXT)")
        t0 = time.perf_counter()
        with conn:
            conn.executemany("INSERT INTO events VALUES (?, ?, ?)", json_rows(events))
        elapsed = time.perf_counter() - t0
        conn.close()
        return elapsed
    with psycopg.connect(_libpq(url)) as pg:
        pg.execute("DROP TABLE IF EXISTS bench_events")
        pg.execute("CREATE TABLE bench_events (id TEXT PRIMARY KEY, date DATE, doc TEXT)")
        pg.commit()
        t0 = time.perf_counter()
        with pg.cursor() as cur, cur.copy("COPY bench_events (id, date, doc) FROM STDIN") as copy:
            for row in json_rows(events):
                copy.write_row(row)
        pg.commit()
        elapsed = time.perf_counter() - t0
        pg.execute("DROP TABLE bench_events")
        pg.commit()
    return elapsed


def baseline_same_rows(imported: Store, empty: Store) -> tuple[float, int]:
    """The floor for exactly what peacetrack wrote: every row of every table it filled, read back and
    written raw (executemany on SQLite, COPY on PostgreSQL) into an empty database of the same schema,
    with the same indexes. Returns (seconds, rows)."""
    with imported.read() as conn:
        tables = {
            name: [tuple(r) for r in conn.exec_driver_sql(f'SELECT * FROM "{name}"')]
            for name in (table.name for table in metadata.sorted_tables)  # parents before children
        }
        columns = {name: [c["name"] for c in inspect(conn).get_columns(name)] for name in tables}
    rows = sum(len(v) for v in tables.values())
    raw = empty.engine.raw_connection()
    try:
        t0 = time.perf_counter()
        cur = raw.cursor()
        if empty.engine.dialect.name == "sqlite":
            cur.execute("BEGIN")  # the store's connections leave BEGIN to the caller (store/engine.py)
        for name, data in tables.items():
            if not data:
                continue
            cols = ", ".join(f'"{c}"' for c in columns[name])
            if empty.engine.dialect.name == "sqlite":
                marks = ", ".join("?" for _ in columns[name])
                cur.executemany(f'INSERT INTO "{name}" ({cols}) VALUES ({marks})', data)
            else:
                with cur.copy(f'COPY "{name}" ({cols}) FROM STDIN') as copy:  # type: ignore[attr-defined]
                    for row in data:
                        copy.write_row(row)
        raw.commit()
        return time.perf_counter() - t0, rows
    finally:
        raw.close()


def _libpq(url: str) -> str:
    return url.replace("postgresql+psycopg://", "postgresql://")


def fresh(url: str | None, folder: Path, name: str) -> Store:
    """An empty, upgraded database: a SQLite file, or the PostgreSQL schema ``bench_<name>``."""
    if url is None:
        store = Store(f"sqlite:///{folder / f'{name}.db'}")
    else:
        schema = f"bench_{name}"
        with psycopg.connect(_libpq(url), autocommit=True) as pg:
            pg.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
            pg.execute(f'CREATE SCHEMA "{schema}"')
        sep = "&" if "?" in url else "?"
        store = Store(f"{url}{sep}options=-csearch_path%3D{schema}")
    upgrade(store)
    return store


def drop(url: str | None, name: str) -> None:
    if url is not None:
        with psycopg.connect(_libpq(url), autocommit=True) as pg:
            pg.execute(f'DROP SCHEMA IF EXISTS "bench_{name}" CASCADE')


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument(
        "--db", help="a PostgreSQL URL: run on schemas bench_* there (default: SQLite files in a temp folder)"
    )
    args = parser.parse_args()
    n = args.events
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        data = synthetic_bundle(n)
        bundle_path = root / "bundle.json"
        bundle_path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        size_mb = bundle_path.stat().st_size / 1e6

        store = fresh(args.db, root, "import")
        t0 = time.perf_counter()
        with collector_paused():  # as `peacetrack import` runs it
            report = import_bundles(store, [str(bundle_path)], author="bench")
        full = time.perf_counter() - t0
        assert report.counts["events"]["inserted"] == n
        t0 = time.perf_counter()
        with collector_paused():
            again = import_bundles(store, [str(bundle_path)], author="bench")
        noop = time.perf_counter() - t0
        assert again.changed == 0
        empty = fresh(args.db, root, "rows")
        same, rows = baseline_same_rows(store, empty)
        store.dispose()
        empty.dispose()
        base = baseline_json(data["events"], args.db, root)
        drop(args.db, "import")
        drop(args.db, "rows")

    raw = "executemany" if args.db is None else "COPY"
    backend = "SQLite" if args.db is None else "PostgreSQL"
    print(f"machine: {platform.machine()} {platform.processor() or ''} python {platform.python_version()}")
    print(f"backend: {backend}; bundle: {n} events, {size_mb:.1f} MB JSON; peacetrack wrote {rows:,} rows")
    print(f"peacetrack import (validate + write + history):   {full:7.2f} s  {n / full:10,.0f} events/s")
    print(f"peacetrack re-import, nothing changed:            {noop:7.2f} s  {n / noop:10,.0f} events/s")
    print(f"baseline A: raw {raw} of the events' JSON, 1 table: {base:7.2f} s  {n / base:10,.0f} events/s")
    print(f"baseline B: raw {raw} of the same {rows:,} rows:   {same:7.2f} s  {n / same:10,.0f} events/s")
    print(f"ratio full import / baseline A: {full / base:.1f}x")
    print(f"ratio full import / baseline B: {full / same:.1f}x")


if __name__ == "__main__":
    main()

"""Benchmark: import N events from one bundle into a fresh SQLite database.

Prints events/s for peacetrack's full import (validate every record, resolve
references, write rows, relation tables and revisions in one transaction) and,
side by side, for a baseline run in the same process: plain sqlite3 inserting
the same events' JSON into one table (no validation, no history) — the floor
any importer on this machine stands on. Also times a no-op re-import.

    python bench/import.py [--events 100000] [--db PATH]
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

from peacetrack.bundle import import_bundles
from peacetrack.store import Store, upgrade

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


def baseline(events: list[dict[str, Any]], path: Path) -> float:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("CREATE TABLE events (id TEXT PRIMARY KEY, date TEXT, doc TEXT)")
    t0 = time.perf_counter()
    with conn:
        conn.executemany(
            "INSERT INTO events VALUES (?, ?, ?)",
            [(e["id"], e["date"], json.dumps(e, ensure_ascii=False)) for e in events],
        )
    elapsed = time.perf_counter() - t0
    conn.close()
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        data = synthetic_bundle(args.events)
        bundle_path = root / "bundle.json"
        bundle_path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        size_mb = bundle_path.stat().st_size / 1e6

        store = Store(f"sqlite:///{root / 'bench.db'}")
        upgrade(store)
        t0 = time.perf_counter()
        report = import_bundles(store, [str(bundle_path)], author="bench")
        full = time.perf_counter() - t0
        assert report.counts["events"]["inserted"] == args.events
        t0 = time.perf_counter()
        again = import_bundles(store, [str(bundle_path)], author="bench")
        noop = time.perf_counter() - t0
        assert again.changed == 0
        base = baseline(data["events"], root / "baseline.db")

    n = args.events
    print(f"machine: {platform.machine()} {platform.processor() or ''} python {platform.python_version()}")
    print(f"bundle: {n} events, {size_mb:.1f} MB JSON")
    print(f"peacetrack import (validate + write + history): {full:7.2f} s  {n / full:10,.0f} events/s")
    print(f"peacetrack re-import, nothing changed:          {noop:7.2f} s  {n / noop:10,.0f} events/s")
    print(f"baseline: sqlite3 executemany of the JSON:      {base:7.2f} s  {n / base:10,.0f} events/s")
    print(f"ratio full import / baseline: {full / base:.1f}x")


if __name__ == "__main__":
    main()

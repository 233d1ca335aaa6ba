"""Benchmark: read latencies with a large store (issue 15), PostgreSQL and SQLite side by side.

Builds a store with the Korean Peninsula dataset (actors, agreements, provisions,
assessments, events) plus ``--events`` synthetic events and ``--documents``
synthetic documents, then asks the web app (in process, no network) each read a
user makes, every request with other parameters so no kept answer serves it:

  scores      GET /api/scores?as_of=DAY          scores by agreement as of a day
  series      GET /api/scores/series?by=..&from=..  two years of monthly scores
  timeline    GET /events?from=..&to=..          the timeline page, one quarter
  timeline-all GET /events?page=N                the timeline page, no filter
  search-en   GET /api/search?q=WORD             English substring search
  search-ko   GET /api/search?q=낱말              Korean substring search
  search-rare GET /api/search?q=(1234567)        a string in one event only
  search-short GET /api/search?q=휴전              two letters no event holds (no trigram)
  search-short-few GET /api/search?q=귀순          two letters a few events hold (the Hangul index's case)
  search-short-recent GET /api/search?q=탈북       two letters only the newest events hold, enough of them
                                                 to fill the first page (the match count's case)
  provision   GET /provisions/ID                 a provision's page (history, events)
  provision-api GET /api/provisions/ID           its history and linked events, as JSON
  review-queue  the review page's query (called directly: the page needs a signed-in editor)

and prints p50 and p95 per read (after one untimed request per read, which warms the
database's caches; each timed request is still one no kept answer serves).

The synthetic rows have the shape peacetrack writes (a canonical JSON document
per event, its relation rows) and are written straight to the tables (COPY on
PostgreSQL, executemany on SQLite): importing 10 million events through
validation would take this machine a quarter of an hour (bench/import.py
measures that path), and the reads do not care how the rows came. The store is
kept between runs (``--keep``) since building it is the slow part.

    python bench/pgscale.py --db postgresql+psycopg://postgres@127.0.0.1:5432/test \\
        [--events 10000000] [--documents 1000000] [--requests 40] [--keep]
    python bench/pgscale.py --db sqlite:///big.db --events 1000000 --documents 100000
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import quote

import orjson
from fastapi.testclient import TestClient
from sqlalchemy import func, select, text

from peacetrack.bundle import import_bundles
from peacetrack.bundle.load import dataset_files
from peacetrack.store import Store, hangul_grams, trigram, upgrade
from peacetrack.store import tables as t
from peacetrack.store.bulk import insert_rows, refresh_statistics
from peacetrack.web.app import served_app

TYPES = [
    "summit",
    "talks",
    "military_measure",
    "military_exercise",
    "weapons_test",
    "border_incident",
    "communication",
    "exchange",
    "humanitarian",
    "sanctions",
    "declaration",
    "civil_society",
]
EFFECTS = ["implements", "advances", "violates", "reverses", "suspends", "mentions"]
# (English, Korean) words the titles are built from, and the words searched for.
SUBJECTS = [
    ("Inter-Korean liaison office", "남북공동연락사무소"),
    ("Military talks", "군사회담"),
    ("Family reunions", "이산가족 상봉"),
    ("Summit preparations", "정상회담 준비"),
    ("Missile launch", "미사일 발사"),
    ("Joint exercise", "연합훈련"),
    ("Border guard posts", "감시초소"),
    ("Sanctions committee", "제재위원회"),
    ("Humanitarian aid shipment", "인도적 지원 물자"),
    ("Railway connection survey", "철도 연결 조사"),
    ("Civil society forum", "시민사회 포럼"),
    ("Peace declaration talks", "평화선언 협의"),
    ("Denuclearisation envoy visit", "비핵화 특사 방문"),
    ("Loudspeaker broadcasts", "확성기 방송"),
    ("Fishing boat incident", "어선 사건"),
]
VERBS = [
    ("resumes", "재개"),
    ("suspended", "중단"),
    ("announced", "발표"),
    ("discussed", "논의"),
    ("held in Seoul", "서울에서 개최"),
    ("held in Pyongyang", "평양에서 개최"),
    ("criticised", "비판"),
]
SEARCH_EN = ["liaison", "military talks", "reunions", "missile", "railway", "forum", "envoy", "loudspeaker"]
SEARCH_KO = [
    "연락사무소",
    "군사회담",
    "이산가족",
    "미사일",
    "철도",
    "포럼",
    "특사",
    "확성기",
    "평화",
    "비핵화",
]
SHORT_RARE = ["휴전", "정전", "종전", "수교"]
# Two letters one event in 50,000 holds (in its Korean title): the Hangul syllable index's case.
SHORT_FEW = ["귀순", "피격", "남침", "월선"]
FEW_EVERY = 50_000
# Two letters only events of the last RECENT_DAYS hold, about RECENT_PER_WORD events each whatever the
# store's size: the newest records fill the first page, so the count of all matches is what costs.
SHORT_RECENT = ["탈북", "송환", "나포", "표류"]
RECENT_DAYS = 30
RECENT_PER_WORD = 600
START = date(2018, 1, 1)
DAYS = 3200


def _pg(url: str) -> bool:
    return url.startswith("postgresql")


def build(store: Store, events: int, documents: int, chunk: int = 100_000) -> None:
    """The dataset, then the synthetic events and documents, in chunks (memory stays flat)."""
    upgrade(store)
    with store.write() as conn:
        # A GIN index is far faster built once over the rows than kept up row by row during the load.
        trigram.drop_indexes(conn)
        hangul_grams.drop_index(conn)
    import_bundles(store, [str(p) for p in dataset_files("korean-peninsula")], author="bench")
    with store.read() as conn:
        actors = sorted(conn.scalars(select(t.actors.c.id)))
        provisions = sorted(conn.scalars(select(t.provisions.c.id)))
    rng = random.Random(2018)
    at = datetime.now(UTC)
    t0 = time.perf_counter()
    every = max(1, events * RECENT_DAYS // (DAYS * RECENT_PER_WORD * len(SHORT_RECENT)))
    for lo in range(0, events, chunk):
        rows, acts, effs = [], [], []
        for i in range(lo, min(events, lo + chunk)):
            rows.append(_event(i, rng, actors, provisions, at, acts, effs, every))
        with store.write() as conn:
            insert_rows(conn, t.events, rows)
            insert_rows(conn, t.event_actors, acts)
            insert_rows(conn, t.event_effects, effs)
        done = min(events, lo + chunk)
        print(f"  events {done:,} of {events:,} ({time.perf_counter() - t0:.0f} s)", file=sys.stderr)
    for lo in range(0, documents, chunk):
        rows = [_document(i, rng, at) for i in range(lo, min(documents, lo + chunk))]
        with store.write() as conn:
            insert_rows(conn, t.documents, rows)
        print(f"  documents {min(documents, lo + chunk):,} of {documents:,}", file=sys.stderr)
    for name, create in (("trigram", trigram.create_indexes), ("Hangul", hangul_grams.create_index)):
        t1 = time.perf_counter()
        with store.write() as conn:
            if create(conn):
                print(f"  {name} index built in {time.perf_counter() - t1:.0f} s", file=sys.stderr)
    with store.write() as conn:
        refresh_statistics(conn, t.metadata.sorted_tables)
    if store.engine.dialect.name == "postgresql":
        # What autovacuum would do a little later: the visibility map lets counts read indexes alone.
        with store.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            for table in ("events", "event_actors", "event_effects"):
                conn.exec_driver_sql(f"VACUUM ANALYZE {table}")


def _few(i: int) -> str:
    return f" {SHORT_FEW[(i // FEW_EVERY) % len(SHORT_FEW)]}" if i % FEW_EVERY == 17 else ""


def _recent(i: int, day: date, every: int) -> str:
    if (START + timedelta(days=DAYS) - day).days > RECENT_DAYS or i % every:
        return ""
    return f" {SHORT_RECENT[(i // every) % len(SHORT_RECENT)]}"


def _event(
    i: int,
    rng: random.Random,
    actors: list[str],
    provisions: list[str],
    at: datetime,
    acts: list[dict[str, Any]],
    effs: list[dict[str, Any]],
    every: int,
) -> dict[str, Any]:
    eid = f"sx-{i:08d}"
    day = START + timedelta(days=rng.randrange(DAYS))
    (s_en, s_ko), (v_en, v_ko) = rng.choice(SUBJECTS), rng.choice(VERBS)
    kind = rng.choice(TYPES)
    who = rng.sample(actors, rng.choice((1, 1, 2, 3)))
    doc: dict[str, Any] = {
        "id": eid,
        "date": day.isoformat(),
        "title": {
            "en": f"{s_en} {v_en} ({i})",
            "ko": f"{s_ko} {v_ko} ({i})" + _few(i) + _recent(i, day, every),
        },
        "summary": {"en": f"{s_en} {v_en}, according to officials, on {day:%d %B %Y}."},
        "type": kind,
        "actors": who,
        "sources": [{"url": f"https://en.yna.co.kr/view/AEN{day:%Y%m%d}{i:06d}", "publisher": "Yonhap"}],
    }
    acts += [{"event_id": eid, "actor_id": a} for a in who]
    if rng.random() < 0.3:  # three events in ten bear on a provision
        effect = {"provision": rng.choice(provisions), "effect": rng.choice(EFFECTS)}
        doc["effects"] = [effect]
        effs.append(
            {
                "event_id": eid,
                "provision_id": effect["provision"],
                "effect": effect["effect"],
                "event_date": day,
            }
        )
    return {
        "id": eid,
        "date": day,
        "date_end": None,
        "type": kind,
        "title_en": doc["title"]["en"],
        "title_ko": doc["title"]["ko"],
        "doc": orjson.dumps(doc).decode(),
        "status": "accepted" if rng.random() > 0.005 else "proposed",
        "updated_at": at,
    }


def _document(i: int, rng: random.Random, at: datetime) -> dict[str, Any]:
    (s_en, s_ko), (v_en, v_ko) = rng.choice(SUBJECTS), rng.choice(VERBS)
    korean = i % 2 == 1
    title = f"{s_ko} {v_ko}" if korean else f"{s_en} {v_en}"
    body = " ".join(title for _ in range(rng.randrange(5, 15)))
    return {
        "id": f"doc-sx{i:010d}",
        "sha256": f"{i:064x}",
        "path": f"news/{i}.txt",
        "name": f"/data/news/{i}.txt",
        "media_type": "text/plain",
        "language": "ko" if korean else "en",
        "kind": "news",
        "title": title,
        "date": START + timedelta(days=rng.randrange(DAYS)),
        "publisher": None,
        "url": None,
        "text": body,
        "size": len(body.encode()),
        "ingested_at": at,
        "author": "bench",
        "version_of": None,
        "status": "current",
    }


def urls(store: Store, n: int, seed: int = 7) -> dict[str, list[str]]:
    """``n`` distinct requests per read."""
    rng = random.Random(seed)
    with store.read() as conn:
        events = int(
            conn.scalar(select(func.count()).select_from(t.events).where(t.events.c.id.like("sx-%"))) or 1
        )
    with store.read() as conn:
        provisions = sorted(conn.scalars(select(t.provisions.c.id)))
    days = [START + timedelta(days=d) for d in rng.sample(range(DAYS - 730), n)]
    return {
        "scores": [f"/api/scores?as_of={d}" for d in days],
        "series": [
            f"/api/scores/series?by={rng.choice(['agreement', 'theme', 'party'])}&from={d}"
            f"&to={d + timedelta(days=730)}"
            for d in days
        ],
        "timeline": [f"/events?from={d}&to={d + timedelta(days=91)}" for d in days],
        "timeline-all": [f"/events?page={k + 1}" for k in range(n)],
        "search-en": [f"/api/search?q={quote(rng.choice(SEARCH_EN))}&limit={k % 100 + 1}" for k in range(n)],
        "search-ko": [f"/api/search?q={quote(rng.choice(SEARCH_KO))}&limit={k % 100 + 1}" for k in range(n)],
        # A word in one event only (the number in its title): the trigram index's case.
        "search-rare": [f"/api/search?q={quote(f'({i:d})')}" for i in rng.sample(range(events), n)],
        # Two Hangul letters that no event holds: no trigram, so no index can help (docs/api.md).
        "search-short": [
            f"/api/search?q={quote(w)}&limit={k % 100 + 1}" for k, w in enumerate(SHORT_RARE * n)
        ][:n],
        "search-short-few": [
            f"/api/search?q={quote(w)}&limit={k % 100 + 1}" for k, w in enumerate(SHORT_FEW * n)
        ][:n],
        # Limits of 1-20: the newest 5,000 events hold that many of each word at 10 million events too.
        "search-short-recent": [
            f"/api/search?q={quote(w)}&limit={k // len(SHORT_RECENT) % 20 + 1}"
            for k, w in enumerate(SHORT_RECENT * n)
        ][:n],
        "provision": [
            f"/provisions/{quote(p, safe='/')}" for p in rng.sample(provisions, min(n, len(provisions)))
        ],
        "provision-api": [
            f"/api/provisions/{quote(p, safe='/')}" for p in rng.sample(provisions, min(n, len(provisions)))
        ],
    }


def measure(client: TestClient, paths: list[str]) -> Iterator[float]:
    assert len(set(paths)) == len(paths), "a repeated request would be answered from the kept answers"
    for path in paths:
        t0 = time.perf_counter()
        response = client.get(path)
        elapsed = (time.perf_counter() - t0) * 1000
        assert response.status_code == 200, (path, response.status_code, response.text[:300])
        yield elapsed


def report(name: str, times: list[float]) -> None:
    times = sorted(times)
    p95 = times[min(len(times) - 1, int(0.95 * len(times)))]
    print(f"{name:14} {statistics.median(times):9.1f} {p95:9.1f} {times[-1]:9.1f}  {len(times)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument(
        "--db", required=True, help="postgresql+psycopg://… (schema bench_scale) or sqlite:///PATH"
    )
    parser.add_argument("--events", type=int, default=10_000_000)
    parser.add_argument("--documents", type=int, default=1_000_000)
    parser.add_argument("--requests", type=int, default=40, help="distinct requests per read")
    parser.add_argument("--keep", action="store_true", help="reuse the store when it holds as many events")
    parser.add_argument("--only", help="comma-separated reads to run (default all)")
    args = parser.parse_args()
    url = args.db
    if _pg(url):
        sep = "&" if "?" in url else "?"
        admin = Store(url)
        with admin.write() as conn:
            conn.execute(text("CREATE SCHEMA IF NOT EXISTS bench_scale"))
        admin.dispose()
        url = f"{url}{sep}options=-csearch_path%3Dbench_scale"
    store = Store(url)
    have = 0
    if args.keep:
        try:
            with store.read() as conn:
                have = int(
                    conn.scalar(select(func.count()).select_from(t.events).where(t.events.c.id.like("sx-%")))
                    or 0
                )
        except Exception:
            have = 0
    if have != args.events:
        with store.write() as conn:
            if _pg(url):
                conn.execute(text("DROP SCHEMA bench_scale CASCADE; CREATE SCHEMA bench_scale"))
        if not _pg(url):
            store.dispose()
            Path(url.removeprefix("sqlite:///")).unlink(missing_ok=True)
            store = Store(url)
        t0 = time.perf_counter()
        build(store, args.events, args.documents)
        print(f"built in {time.perf_counter() - t0:.0f} s", file=sys.stderr)
    with store.read() as conn:
        n_events = conn.scalar(select(func.count()).select_from(t.events))
        n_docs = conn.scalar(select(func.count()).select_from(t.documents))
    # The app as `peacetrack serve` runs it: what it loads at start is kept out of the collector's full
    # passes (with a bare create_app those passes showed as 85-90 ms in the provision page's p95).
    app = served_app(url, private=False)
    chosen = args.only.split(",") if args.only else None
    print(f"backend: {'PostgreSQL' if _pg(url) else 'SQLite'}; {n_events:,} events, {n_docs:,} documents")
    print(f"{'read':14} {'p50 ms':>9} {'p95 ms':>9} {'max ms':>9}  requests")
    with TestClient(app) as client:
        client.get("/api/scores")  # the scoring index is built once per data version
        for name, paths in urls(store, args.requests).items():
            if chosen and name not in chosen:
                continue
            list(measure(client, paths[:1]))  # one untimed request warms the database's caches
            report(name, list(measure(client, paths[1:])))
        if not chosen or "review-queue" in chosen:
            # The review page needs a signed-in editor; its query is timed directly: the 50 newest
            # proposals of every kind, with their documents.
            from peacetrack.ingest.review import pending

            times = []
            for _ in range(args.requests):
                t0 = time.perf_counter()
                with store.read() as conn:
                    pending(conn, None, limit=50)
                times.append((time.perf_counter() - t0) * 1000)
            report("review-queue", times)
    store.dispose()


if __name__ == "__main__":
    main()

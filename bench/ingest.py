"""Benchmark: ingest 1,000 English and 1,000 Korean news-length documents.

Documents are generated from news-style sentences written for this benchmark
(missile launches, talks at Panmunjom, civil-society statements, conferences)
with varied dates, organisations, people and places; the generator knows every
day-precision date it wrote, so the date extractors can be checked against it.

Reports, on one machine, in one process:

1. the pipeline alone (read → … → link, no store): documents/s, and the share of
   time per stage from ``Result.timings``;
2. ingest into the store (pipeline + conversion + validation + write, one
   transaction per document; SQLite in a temporary file unless ``--db``):
   documents/s and the share of time per stage, ``store`` included;
3. the pipeline's date extractor against ``dateparser.search_dates`` on the same
   texts: speed ratio and agreement (the share of dates found by both among the
   dates found by either), and each one's precision and recall against the dates
   the generator wrote.

dateparser is *not* a dependency of peacetrack: install it into the environment
for this benchmark only (``pip install dateparser``). Without it, part 3 is
skipped and says so. dateparser is much slower, so part 3 runs on the first
``--dateparser-docs`` documents of each language (default 100).

    python bench/ingest.py [--docs 1000] [--dateparser-docs 100] [--db URL] [--seed 2018] [--json OUT]
"""

from __future__ import annotations

import argparse
import platform
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

import orjson

from corpus import Doc, corpus, dataset_files
from peacetrack.bundle import import_bundles
from peacetrack.ingest.context import build_pipeline
from peacetrack.ingest.service import Ingester
from peacetrack.pipeline import Pipeline, classify, describe, language, normalise, read_bytes, segment
from peacetrack.pipeline.extract.dates import extract_dates
from peacetrack.store import Store, upgrade

# --- runs ---------------------------------------------------------------------------------


def shares(timings: Sequence[Sequence[tuple[str, float]]]) -> dict[str, float]:
    totals: Counter[str] = Counter()
    for one in timings:
        for stage, seconds in one:
            totals[stage] += seconds
    whole = sum(totals.values()) or 1.0
    return {stage: totals[stage] / whole for stage in sorted(totals, key=lambda s: -totals[s])}


def run_pipeline(pipeline: Pipeline, docs: Sequence[Doc]) -> tuple[float, dict[str, float], int]:
    started = time.perf_counter()
    results = [pipeline.run_bytes(d.data, d.name) for d in docs]
    took = time.perf_counter() - started
    failed = sum(1 for r in results if not r.ok)
    return took, shares([r.timings for r in results]), failed


def run_store(ingester: Ingester, docs: Sequence[Doc]) -> tuple[float, dict[str, float], Counter[str]]:
    started = time.perf_counter()
    outcomes = [ingester.ingest_bytes(d.data, d.name) for d in docs]
    took = time.perf_counter() - started
    records: Counter[str] = Counter()
    for o in outcomes:
        for kind, ids in o.records.items():
            records[kind] += len(ids)
        records["failed"] += 0 if o.ok else 1
    return took, shares([o.timings for o in outcomes]), records


def prepared(pipeline: Pipeline, doc: Doc) -> Any:
    document = read_bytes(doc.data, doc.name)
    document = segment(language(normalise(document)))
    return describe(classify(document, pipeline.resources))


def our_dates(document: Any) -> tuple[set[date], float]:
    started = time.perf_counter()
    phrases = extract_dates(document.text, document.sentences, document.date)
    took = time.perf_counter() - started
    found: set[date] = set()
    for phrase in phrases:
        for value in phrase.values:
            if value.precision == "day":
                found.add(value.start)
                if value.end is not None:
                    found.add(value.end)
    return found, took


def dateparser_dates(search: Callable[..., Any], document: Any, lang: str) -> tuple[set[date], float]:
    anchor = document.date or date.today()
    settings = {
        "PREFER_DAY_OF_MONTH": "first",
        "PREFER_DATES_FROM": "past",
        "RELATIVE_BASE": datetime(anchor.year, anchor.month, anchor.day),
        "REQUIRE_PARTS": ["day", "month"],  # day-precision dates only, like the set ours is compared on
    }
    started = time.perf_counter()
    found = search(document.text, languages=[lang], settings=settings) or []
    took = time.perf_counter() - started
    return {when.date() for _, when in found}, took


def compare_dates(pipeline: Pipeline, docs: Sequence[Doc]) -> dict[str, Any] | None:
    try:
        from dateparser.search import search_dates
    except ImportError:
        return None
    by_lang: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for doc in docs:
        document = prepared(pipeline, doc)
        ours, ours_s = our_dates(document)
        theirs, theirs_s = dateparser_dates(search_dates, document, doc.lang)
        for key in (doc.lang, "all"):
            row = by_lang[key]
            row["docs"] += 1
            row["ours_s"] += ours_s
            row["dateparser_s"] += theirs_s
            row["both"] += len(ours & theirs)
            row["either"] += len(ours | theirs)
            row["truth"] += len(doc.truth)
            row["ours_found"] += len(ours)
            row["ours_right"] += len(ours & doc.truth)
            row["dateparser_found"] += len(theirs)
            row["dateparser_right"] += len(theirs & doc.truth)
    out: dict[str, Any] = {}
    for key, row in by_lang.items():
        out[key] = {
            "docs": int(row["docs"]),
            "ours_docs_per_s": row["docs"] / row["ours_s"],
            "dateparser_docs_per_s": row["docs"] / row["dateparser_s"],
            "speed_ratio": row["dateparser_s"] / row["ours_s"],
            "agreement": row["both"] / row["either"] if row["either"] else 1.0,
            "ours_precision": row["ours_right"] / row["ours_found"] if row["ours_found"] else 0.0,
            "ours_recall": row["ours_right"] / row["truth"],
            "dateparser_precision": row["dateparser_right"] / row["dateparser_found"]
            if row["dateparser_found"]
            else 0.0,
            "dateparser_recall": row["dateparser_right"] / row["truth"],
        }
    return out


def _print_shares(title: str, table: dict[str, float]) -> None:
    print(
        f"  {title}: " + ", ".join(f"{stage} {share:.0%}" for stage, share in table.items() if share >= 0.005)
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--docs", type=int, default=1000, help="documents per language (default 1000)")
    parser.add_argument("--dateparser-docs", type=int, default=100, help="per language, for part 3")
    parser.add_argument("--db", help="database URL for part 2 (default: a temporary SQLite file)")
    parser.add_argument("--seed", type=int, default=2018)
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()

    docs = corpus(args.docs, args.seed)
    chars = sum(len(d.text) for d in docs) / len(docs)
    words_en = sum(len(d.text.split()) for d in docs if d.lang == "en") / max(1, args.docs)
    print(f"machine: {platform.machine()} python {platform.python_version()}")
    print(
        f"corpus: {args.docs} English + {args.docs} Korean documents, {chars:,.0f} characters on average "
        f"({words_en:.0f} words in English), seed {args.seed}"
    )

    tmp = tempfile.TemporaryDirectory()
    store = Store(args.db or f"sqlite:///{tmp.name}/bench.db")
    upgrade(store)
    import_bundles(store, dataset_files(), author="bench")
    pipeline = build_pipeline(store)  # the dataset's 116 actors, the linker over its provisions
    figures: dict[str, Any] = {"docs_per_language": args.docs, "average_chars": chars}

    # 1. The pipeline alone.
    pipeline.run_bytes(docs[0].data, "warm-up.txt")
    print("1. pipeline, no store")
    for lang in ("en", "ko"):
        subset = [d for d in docs if d.lang == lang]
        took, table, failed = run_pipeline(pipeline, subset)
        figures[f"pipeline_{lang}"] = {"seconds": took, "docs_per_s": len(subset) / took, "shares": table}
        print(
            f"  {lang}: {len(subset)} documents in {took:.1f} s = {len(subset) / took:,.0f} documents/s"
            f" ({failed} failed)"
        )
        _print_shares("time per stage", table)

    # 2. Into the store: one transaction per document.
    print(f"2. ingest into the store ({store!r})")
    ingester = Ingester(store, author="bench", pipeline=pipeline)
    took, table, records = run_store(ingester, docs)
    figures["store"] = {
        "seconds": took,
        "docs_per_s": len(docs) / took,
        "shares": table,
        "records": dict(records),
    }
    print(
        f"  {len(docs)} documents in {took:.1f} s = {len(docs) / took:,.0f} documents/s; proposed: "
        + ", ".join(f"{n:,} {kind}" for kind, n in sorted(records.items()) if kind != "failed")
        + f"; failed: {records['failed']}"
    )
    _print_shares("time per stage", table)
    started = time.perf_counter()
    again = [ingester.ingest_bytes(d.data, d.name) for d in docs[:200]]
    noop = time.perf_counter() - started
    assert all(o.status == "unchanged" for o in again)
    figures["store_noop_docs_per_s"] = len(again) / noop
    print(f"  the same bytes again (no-op, stored result returned): {len(again) / noop:,.0f} documents/s")
    store.dispose()

    # 3. The date extractor against dateparser.
    n = min(args.dateparser_docs, args.docs)
    sample = [d for d in docs if d.lang == "en"][:n] + [d for d in docs if d.lang == "ko"][:n]
    dates = compare_dates(pipeline, sample) if n > 0 else None
    if n <= 0:
        print("3. dates: skipped (--dateparser-docs 0)")
    elif dates is None:
        print(
            "3. dates: skipped — dateparser is not installed (pip install dateparser; it is not a "
            "peacetrack dependency, only this benchmark's)"
        )
    else:
        print(f"3. dates: the pipeline's extractor against dateparser.search_dates on {n} + {n} documents")
        for key in ("en", "ko", "all"):
            row = dates[key]
            print(
                f"  {key}: ours {row['ours_docs_per_s']:,.0f} docs/s,"
                f" dateparser {row['dateparser_docs_per_s']:,.1f} docs/s (×{row['speed_ratio']:,.0f});"
                f" found by both / by either {row['agreement']:.0%};"
                f" precision/recall against the generator's dates: ours {row['ours_precision']:.0%}/"
                f"{row['ours_recall']:.0%}, dateparser {row['dateparser_precision']:.0%}/"
                f"{row['dateparser_recall']:.0%}"
            )
    figures["dates"] = dates
    if args.json:
        args.json.write_bytes(orjson.dumps(figures, option=orjson.OPT_INDENT_2))
    tmp.cleanup()


if __name__ == "__main__":
    main()

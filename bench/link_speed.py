"""Speed of `peacetrack link` (issue 6): queries per second and index build time.

(a) Link queries per second on one core against the Korean Peninsula
    provisions and the dataset's coded events (precedents), with the gold
    texts (English and Korean) as queries, full `link_text` calls (tokenise,
    score, top 5, matched words, similar events). Target ≥ 1,000/s. The same
    without precedents, as the baseline they cost against.
(b) Index build time for N synthetic provisions (default 10,000), made by
    recombining sentences and keywords of the real ones (seeded), English and
    Korean, with 50 agreements. Target < 5 s. Then the same with N/2
    synthetic coded events (real event texts recombined, each linked to two
    provisions), and the incremental rebuild after changing one provision.

Each for the n-gram (default) and kiwipiepy Korean tokenizers. Pinned to one
CPU where the platform allows (os.sched_setaffinity).

    .venv/bin/python bench/link_speed.py [--n 10000] [--seconds 3] [--seed 1] [--skip-kiwi] [--json]
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

import orjson
import yaml

from peacetrack.link import (
    IndexConfig,
    LinkIndex,
    Precedent,
    ProvisionDoc,
    common_from_bundles,
    docs_from_bundles,
    link_text,
    precedents_from_bundles,
)

GOLD = Path(__file__).resolve().parent / "link_gold.yaml"


def pin_one_core() -> str:
    if hasattr(os, "sched_setaffinity"):
        cpu = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {cpu})
        return f"pinned to CPU {cpu}"
    return "not pinned (no sched_setaffinity)"


def queries() -> dict[str, list[str]]:
    items = yaml.safe_load(GOLD.read_text("utf-8"))["items"]
    return {lang: [x["text"] for x in items if x["lang"] == lang] for lang in ("en", "ko")}


def query_rate(index: LinkIndex, texts: list[str], seconds: float) -> tuple[float, float]:
    """Queries per second of wall time and of CPU time (they differ on a busy machine)."""
    for text in texts[:5]:  # warm: a lazily loaded model is not a query's cost
        link_text(text, index, 5)
    done = 0
    t0, c0 = time.perf_counter(), time.process_time()
    while True:
        for text in texts:
            link_text(text, index, 5)
        done += len(texts)
        elapsed = time.perf_counter() - t0
        if elapsed >= seconds:
            return done / elapsed, done / max(time.process_time() - c0, 1e-9)


def _sentences(text: str) -> list[str]:
    parts = [p.strip() for p in text.replace("; ", ". ").split(". ") if p.strip()]
    return parts or [text]


def synthetic(real: list[ProvisionDoc], n: int, seed: int) -> list[ProvisionDoc]:
    """N provisions that look like the real ones: their sentences and keywords recombined."""
    rng = random.Random(seed)
    en = [s for d in real for s in _sentences(d.text_en)]
    ko = [s for d in real for s in _sentences(d.text_ko) if s]
    keywords = [k for d in real for k in d.keywords]
    themes = sorted({t for d in real for t in d.themes})
    agreements = [
        (f"synthetic-{i:03d}", (f"Synthetic agreement {i}", f"합성 합의서 {i}"), (f"SA{i}", f"합의 {i}"))
        for i in range(50)
    ]
    out = []
    for i in range(n):
        agr, title, aliases = agreements[i % len(agreements)]
        out.append(
            ProvisionDoc(
                id=f"{agr}/{i}",
                agreement_id=agr,
                ref=str(i),
                text_en=" ".join(rng.sample(en, 3)),
                text_ko=" ".join(rng.sample(ko, 2)),
                keywords=tuple(rng.sample(keywords, 12)),
                themes=tuple(rng.sample(themes, 3)),
                agreement_title=title,
                aliases=aliases,
            )
        )
    return out


def synthetic_events(real: list[Precedent], docs: list[ProvisionDoc], n: int, seed: int) -> list[Precedent]:
    """N coded events like the real ones, each linked to two of ``docs``."""
    rng = random.Random(seed)
    en = [s for p in real for s in _sentences(p.text_en)]
    ko = [s for p in real for s in _sentences(p.text_ko) if s]
    return [
        Precedent(
            id=f"synthetic-event-{i}",
            date=f"20{18 + i % 8}-01-01",
            text_en=" ".join(rng.sample(en, 2)),
            text_ko=" ".join(rng.sample(ko, 1)),
            links=tuple((d.id, "implements") for d in rng.sample(docs, 2)),
        )
        for i in range(n)
    ]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=10_000, help="synthetic provisions for the build timing")
    ap.add_argument("--seconds", type=float, default=3.0, help="time spent on each query-rate measurement")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument(
        "--skip-kiwi", action="store_true", help="only the n-gram tokenizer (kiwi is slow to build)"
    )
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)

    pinned = pin_one_core()
    real = docs_from_bundles(["@korean-peninsula"])
    events = precedents_from_bundles(["@korean-peninsula"])
    texts = queries()
    synth = synthetic(real, args.n, args.seed)
    synth_events = synthetic_events(events, synth, args.n // 2, args.seed)
    results: dict[str, Any] = {
        "cpu": pinned,
        "provisions": len(real),
        "precedents": len(events),
        "synthetic": args.n,
        "synthetic_events": len(synth_events),
        "tokenizers": {},
    }
    for korean in ("ngram",) if args.skip_kiwi else ("ngram", "kiwi"):
        config = IndexConfig(korean=korean, common=common_from_bundles(["@korean-peninsula"]))
        entry: dict[str, Any] = {}
        index = LinkIndex.build(real, config, precedents=events)
        index.query_tokens("모델 준비")  # load a lazy model before timing
        for lang, qs in texts.items():
            wall, cpu = query_rate(index, qs, args.seconds)
            entry[f"queries_per_s_{lang}"] = round(wall)
            entry[f"queries_per_cpu_s_{lang}"] = round(cpu)
        index.update(real)
        for lang, qs in texts.items():
            entry[f"queries_per_s_{lang}_no_precedents"] = round(query_rate(index, qs, args.seconds)[0])
        t0 = time.perf_counter()
        big = LinkIndex(config)
        big.query_tokens("모델 준비")
        t_model = time.perf_counter()
        c_model = time.process_time()
        big.update(synth)
        t1 = time.perf_counter()
        entry["model_load_s"] = round(t_model - t0, 3)
        entry["build_s"] = round(t1 - t_model, 3)
        entry["build_cpu_s"] = round(time.process_time() - c_model, 3)
        t_events = time.perf_counter()
        big.update(synth, synth_events)
        entry["add_events_s"] = round(time.perf_counter() - t_events, 3)
        t_both = time.perf_counter()
        LinkIndex(config).update(synth, synth_events)
        entry["build_with_events_s"] = round(time.perf_counter() - t_both, 3)
        changed = list(synth)
        changed[17] = replace(changed[17], text_en=changed[17].text_en + " Amended.")
        t2 = time.perf_counter()
        report = big.update(changed, synth_events)
        entry["rebuild_one_changed_s"] = round(time.perf_counter() - t2, 3)
        entry["rebuild_tokenised"] = len(report.tokenised)
        entry["queries_per_s_synthetic_en"] = round(query_rate(big, texts["en"], args.seconds / 2)[0])
        results["tokenizers"][korean] = entry

    if args.json:
        sys.stdout.buffer.write(orjson.dumps(results, option=orjson.OPT_INDENT_2) + b"\n")
        return 0
    print(
        f"{results['cpu']}; {results['provisions']} real provisions and {results['precedents']} coded "
        f"events; {args.n} synthetic provisions and {results['synthetic_events']} events"
    )
    for korean, e in results["tokenizers"].items():
        print(
            f"{korean:>6}: link {e['queries_per_s_en']}/s (en), {e['queries_per_s_ko']}/s (ko) "
            f"on the real index [per CPU-second: {e['queries_per_cpu_s_en']}, {e['queries_per_cpu_s_ko']}; "
            f"baseline without precedents {e['queries_per_s_en_no_precedents']}/s, "
            f"{e['queries_per_s_ko_no_precedents']}/s]\n"
            f"        build {args.n} in {e['build_s']} s, {e['build_cpu_s']} CPU s "
            f"(+ model {e['model_load_s']} s); "
            f"adding {results['synthetic_events']} events {e['add_events_s']} s; both from scratch "
            f"{e['build_with_events_s']} s; rebuild after 1 change {e['rebuild_one_changed_s']} s "
            f"({e['rebuild_tokenised']} tokenised); "
            f"{e['queries_per_s_synthetic_en']}/s (en) on the synthetic index"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

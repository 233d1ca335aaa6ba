"""Ranking quality of `peacetrack link` on bench/link_gold.yaml (issue 6).

For each configuration (Korean tokenizer: ngram, kiwi, and an English-only
baseline; with and without the dataset's coded events as precedents; with
and without the optional semantic rerank when it is installed) prints,
overall, per language and per split (dev/test/fresh/holdout):

  top1   share of texts whose first hit is one of their gold provisions
  r@5    recall at 5: gold provisions among the first five, divided by
         min(number of gold provisions, 5), averaged over texts
  mrr    mean reciprocal rank of the first gold provision (0 beyond 20)

and the effect proposal's accuracy on items that name an effect (on the
first gold provision: cue words, then the most similar earlier coded event;
and cue words only). Items are split into dev and test by a
hash of their id unless they name their split; `--grid` tunes the field
weights and BM25 parameters on dev only and reports the best setting on all.

Precedents respect time: a gold text dated D is linked with only the coded
events dated before D, as a coder would have had them, so a text is never
helped by the dataset's record of its own event.

    .venv/bin/python bench/link_eval.py [--json] [--no-rerank] [--grid] [--show-misses]
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import sys
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import orjson
import yaml

from peacetrack.link import (
    EffectCues,
    IndexConfig,
    LinkIndex,
    Precedent,
    common_from_bundles,
    docs_from_bundles,
    effect_on,
    link_text,
)
from peacetrack.link.bm25 import BM25Params
from peacetrack.link.config import FieldWeights
from peacetrack.link.precedents import precedents_from_bundles
from peacetrack.link.semantic import Reranker, SemanticUnavailable, load_encoder

GOLD = Path(__file__).resolve().parent / "link_gold.yaml"
DEPTH = 20
SPLITS = ("dev", "test", "fresh", "holdout", "holdout2", "holdout3")


@dataclass(frozen=True)
class Item:
    id: str
    lang: str
    text: str
    provisions: tuple[str, ...]
    effect: str | None
    split: str
    date: str


def split_of(item_id: str) -> str:
    return "test" if hashlib.blake2b(item_id.encode(), digest_size=2).digest()[0] % 2 else "dev"


def load_gold(path: Path = GOLD) -> list[Item]:
    data = yaml.safe_load(path.read_text("utf-8"))
    return [
        Item(
            id=x["id"],
            lang=x["lang"],
            text=x["text"],
            provisions=tuple(x["provisions"]),
            effect=x.get("effect"),
            split=x.get("split") or split_of(x["id"]),
            date=str(x["date"]),
        )
        for x in data["items"]
    ]


def check_gold(items: list[Item], known: set[str]) -> None:
    bad = [(it.id, p) for it in items for p in it.provisions if p not in known]
    if bad:
        raise SystemExit(f"gold names unknown provisions: {bad}")


@dataclass
class Ranked:
    item: Item
    ranking: list[str]


@dataclass(frozen=True)
class Corpus:
    docs: list[Any]
    precedents: list[Precedent]
    """Empty: rank without precedents."""
    common: tuple[str, ...] = ()
    """The case's common words (its process record's)."""


def rank_all(
    items: list[Item], index: LinkIndex, reranker: Reranker | None, corpus: Corpus | None = None
) -> list[Ranked]:
    """Rank every item; with a corpus, each against the precedents dated before it (in date order)."""
    if corpus is not None and not corpus.precedents:
        index.update(corpus.docs, [])
    if corpus is None or not corpus.precedents:
        return [
            Ranked(it, [h.provision for h in link_text(it.text, index, DEPTH, reranker=reranker)])
            for it in items
        ]
    out: dict[str, Ranked] = {}
    for it in sorted(items, key=lambda it: (it.date, it.id)):
        index.update(corpus.docs, [p for p in corpus.precedents if p.date < it.date])
        out[it.id] = Ranked(it, [h.provision for h in link_text(it.text, index, DEPTH, reranker=reranker)])
    index.update(corpus.docs, corpus.precedents)
    return [out[it.id] for it in items]


def metrics(ranked: list[Ranked]) -> dict[str, float]:
    if not ranked:
        return {"n": 0, "top1": 0.0, "r@5": 0.0, "mrr": 0.0}
    top1 = r5 = mrr = 0.0
    for r in ranked:
        gold = set(r.item.provisions)
        top1 += 1.0 if r.ranking[:1] and r.ranking[0] in gold else 0.0
        r5 += len(gold & set(r.ranking[:5])) / min(len(gold), 5)
        first = next((i for i, p in enumerate(r.ranking) if p in gold), None)
        mrr += 0.0 if first is None else 1.0 / (first + 1)
    n = len(ranked)
    return {"n": n, "top1": round(top1 / n, 3), "r@5": round(r5 / n, 3), "mrr": round(mrr / n, 3)}


def breakdown(ranked: list[Ranked]) -> dict[str, dict[str, float]]:
    out = {"all": metrics(ranked)}
    for lang in ("en", "ko"):
        out[lang] = metrics([r for r in ranked if r.item.lang == lang])
    for split in SPLITS:
        out[split] = metrics([r for r in ranked if r.item.split == split])
        for lang in ("en", "ko"):
            out[f"{split}-{lang}"] = metrics(
                [r for r in ranked if r.item.split == split and r.item.lang == lang]
            )
    return out


DIRECTION = {
    "implements": "+",
    "advances": "+",
    "violates": "-",
    "reverses": "-",
    "suspends": "-",
    "mentions": "0",
}
"""Which way an effect moves its provision: the coarser question a reader of a proposal asks first."""


def effect_accuracy(items: list[Item], index: LinkIndex, corpus: Corpus) -> dict[str, Any]:
    """Effect proposals on each item's first gold provision: cue words, then (with no cue) the
    most similar coded event dated before the item; ``cues_only`` without that fallback."""
    cues = EffectCues()
    rows = sorted((it for it in items if it.effect), key=lambda it: (it.date, it.id))
    tally: dict[str, dict[str, list[int]]] = {"with_precedents": {}, "cues_only": {}, "direction": {}}
    misses = []
    for it in rows:
        index.update(corpus.docs, [p for p in corpus.precedents if p.date < it.date])
        pid = it.provisions[0]
        doc = index.get(pid)
        plain = cues.propose(it.text, it.lang, doc.text_en if doc else None)
        got = effect_on(it.text, pid, index, cues, it.lang)
        assert it.effect is not None
        checks = (
            ("with_precedents", got.effect == it.effect),
            ("cues_only", plain.effect == it.effect),
            ("direction", DIRECTION[got.effect] == DIRECTION[it.effect]),
        )
        for name, ok in checks:
            for key in ("all", it.lang, it.split):
                cell = tally[name].setdefault(key, [0, 0])
                cell[0] += ok
                cell[1] += 1
        if got.effect != it.effect:
            misses.append((it.id, it.effect, got.effect, got.cue or got.precedent))
    index.update(corpus.docs, corpus.precedents)
    out: dict[str, Any] = {
        name: {key: round(c / n, 3) for key, (c, n) in cells.items()} for name, cells in tally.items()
    }
    out["n"] = len(rows)
    out["misses"] = misses
    return out


def timed_build(corpus: Corpus, config: IndexConfig) -> tuple[LinkIndex, float]:
    t0 = time.perf_counter()
    index = LinkIndex.build(corpus.docs, config, precedents=corpus.precedents)
    index.query_tokens("워밍업 warm-up")  # a lazily loaded model counts as build time
    return index, time.perf_counter() - t0


def query_rate(items: list[Item], index: LinkIndex, lang: str) -> float:
    texts = [it.text for it in items if it.lang == lang]
    t0 = time.perf_counter()
    rounds = 5
    for _ in range(rounds):
        for text in texts:
            link_text(text, index, 5)
    return rounds * len(texts) / (time.perf_counter() - t0)


def grid(items: list[Item], corpus: Corpus, korean: str) -> dict[str, Any]:
    """Choose weights on dev only; report the choice on every split."""
    by_split = {s: [it for it in items if it.split == s] for s in SPLITS}
    best: tuple[float, IndexConfig] | None = None
    for kw, ag, th, bigrams, boost, lend in itertools.product(
        (1.5, 2.0, 3.0), (0.0, 0.25, 0.5), (0.0, 0.5), (False, True), (0.0, 0.5, 1.0), (0.0, 0.25, 0.5)
    ):
        cfg = IndexConfig(
            korean,
            FieldWeights(1.0, kw, th, ag),
            english_bigrams=bigrams,
            agreement_boost=boost,
            precedent_weight=lend,
            common=corpus.common,
        )
        index = LinkIndex.build(corpus.docs, cfg)
        for b, k1, common in itertools.product((0.3, 0.5, 0.75), (1.2, 1.6), (0.1, 0.3)):
            index.retune(BM25Params(k1, b), common)
            m = metrics(rank_all(by_split["dev"], index, None, corpus))
            key = m["top1"] + m["r@5"] + m["mrr"]
            if best is None or key > best[0] + 1e-9:
                best = (key, index.config)
    assert best is not None
    tuned = LinkIndex.build(corpus.docs, best[1])
    default = LinkIndex.build(corpus.docs, IndexConfig(korean, common=corpus.common))
    return {
        "best_config": repr(best[1]),
        "tuned": {s: metrics(rank_all(v, tuned, None, corpus)) for s, v in by_split.items()},
        "default": {s: metrics(rank_all(v, default, None, corpus)) for s, v in by_split.items()},
    }


def entry_has(results: dict[str, Any], split: str) -> bool:
    return bool(results["by_split"].get(split))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--json", action="store_true", help="print the results as JSON")
    ap.add_argument("--no-rerank", action="store_true", help="skip the semantic rerank even if installed")
    ap.add_argument("--grid", action="store_true", help="tune weights on the dev split (slow)")
    ap.add_argument("--show-misses", action="store_true", help="list texts whose first hit is wrong")
    ap.add_argument("--gold", type=Path, default=GOLD)
    args = ap.parse_args(argv)

    items = load_gold(args.gold)
    docs = docs_from_bundles(["@korean-peninsula"])
    check_gold(items, {d.id for d in docs})
    corpus = Corpus(
        docs, precedents_from_bundles(["@korean-peninsula"]), common_from_bundles(["@korean-peninsula"])
    )
    results: dict[str, Any] = {
        "items": len(items),
        "by_lang": {lang: sum(1 for it in items if it.lang == lang) for lang in ("en", "ko")},
        "by_split": {s: sum(1 for it in items if it.split == s) for s in SPLITS},
        "provisions": len(docs),
        "precedents": len(corpus.precedents),
        "configs": {},
    }
    encoder = None
    if not args.no_rerank:
        try:
            t0 = time.perf_counter()
            encoder = load_encoder()
            results["encoder_load_s"] = round(time.perf_counter() - t0, 2)
        except SemanticUnavailable as exc:
            results["rerank"] = f"not evaluated: {exc}"
    base = IndexConfig(common=corpus.common)
    misses: dict[str, list[tuple[str, str, list[str]]]] = {}
    no_precedents = Corpus(docs, [], corpus.common)
    for korean in ("ngram", "kiwi", "none"):
        index, build_s = timed_build(corpus, replace(base, korean=korean))
        variants: list[tuple[str, Reranker | None, Corpus]] = [(korean, None, corpus)]
        if korean == base.korean:
            variants.append((f"{korean}-noprec", None, no_precedents))
        if encoder is not None and korean != "none":
            variants.append((f"{korean}+rerank", Reranker(encoder, depth=DEPTH), corpus))
        for name, reranker, used in variants:
            t0 = time.perf_counter()
            ranked = rank_all(items, index, reranker, used)
            elapsed = time.perf_counter() - t0
            entry: dict[str, Any] = breakdown(ranked)
            entry["build_s"] = round(build_s, 3)
            entry["rank_all_s"] = round(elapsed, 3)
            if reranker is None:
                entry["queries_per_s"] = {
                    lang: round(query_rate(items, index, lang)) for lang in ("en", "ko")
                }
            results["configs"][name] = entry
            misses[name] = [
                (r.item.id, r.item.text, r.ranking[:3])
                for r in ranked
                if not (r.ranking[:1] and r.ranking[0] in r.item.provisions)
            ]
        if korean == base.korean:
            results["effect"] = effect_accuracy(items, index, corpus)
    if args.grid:
        results["grid"] = {k: grid(items, corpus, k) for k in ("ngram",)}

    if args.json:
        sys.stdout.buffer.write(orjson.dumps(results, option=orjson.OPT_INDENT_2) + b"\n")
        return 0
    print(
        f"{results['items']} gold texts ({results['by_lang']}), splits {results['by_split']}, "
        f"{results['provisions']} provisions"
    )
    cols = (
        "all",
        "en",
        "ko",
        *(f"{s}-{lang}" for s in SPLITS for lang in ("en", "ko") if entry_has(results, s)),
    )
    print(f"{'config':<14} " + " ".join(f"{c:>20}" for c in cols) + "   build_s  q/s en,ko")
    print(f"{'':<14} " + " ".join(f"{'top1  r@5   mrr':>20}" for _ in cols))
    for name, entry in results["configs"].items():
        cells = " ".join(
            f"{entry[c]['top1']:>6.3f}{entry[c]['r@5']:>7.3f}{entry[c]['mrr']:>7.3f}" for c in cols
        )
        qps = entry.get("queries_per_s")
        rate = f"{qps['en']},{qps['ko']}" if qps else "-"
        print(f"{name:<14} {cells}   {entry['build_s']:>7.3f}  {rate}")
    if "rerank" in results:
        print(results["rerank"])
    eff = results["effect"]
    for name in ("with_precedents", "cues_only", "direction"):
        print(f"effect proposals, {name} ({eff['n']} items): {eff[name]}")
    if args.show_misses:
        for name, rows in misses.items():
            print(f"\n-- {name}: first hit wrong ({len(rows)})")
            for item_id, text, top in rows:
                print(f"  {item_id}: {text[:80]!r} -> {top}")
        print("\n-- effect misses (id, gold, proposed, cue)")
        for row in eff["misses"]:
            print("  ", row)
    if args.grid:
        for korean, g in results["grid"].items():
            print(f"\ngrid ({korean}): best {g['best_config']}")
            for which in ("tuned", "default"):
                print(f"  {which:<8}" + "  ".join(f"{s} {g[which][s]}" for s in SPLITS))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

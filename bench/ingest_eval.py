"""Ingest extraction quality on the gold corpus: per-field precision and recall.

    python bench/ingest_eval.py                       # dev and test splits of the pools
    python bench/ingest_eval.py --sets holdout1       # a blind holdout: run it once, record every figure
    python bench/ingest_eval.py --split dev --misses  # what went wrong, document by document (dev only!)
    python bench/ingest_eval.py --baseline base.json  # print the previous version's figures beside these
    python bench/ingest_eval.py --save now.json       # keep these figures for a later --baseline
    python bench/ingest_eval.py --registry @korean-peninsula  # names resolved as an ingest into that store

Each gold document (bench/ingest_gold/*/gold.yaml, format in its README) goes through the same
pipeline `peacetrack ingest` runs, with no actor registry (counts and names are judged, not ids) unless
`--registry` names bundles whose actors it should know, as a store holding them would.

For a scalar field (kind, dates, mode, place, counts) a prediction is right when it equals the gold
value: precision = right / predicted, recall = right / gold, over the documents whose gold has the
field. For a name list (ECOSOC marks, addressees) each name counts: a predicted name is right when it
matches a gold name nearly (rapidfuzz token-set ratio >= 85, the words every government or leader
shares left out) or, with `--registry`, when both resolve to
the same actor (the gold's "US government" and a prediction's "Government of the United States" are one
state; the gold name goes through the resolution an ingest gives an addressee or a signatory); `exact`
counts documents whose list is right as a whole. `exact` is the share of documents with the field
exactly right.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import orjson
import yaml
from rapidfuzz import fuzz

from peacetrack.bundle.integrity import records_from_bundles
from peacetrack.model.records import Actor, Agreement, Process
from peacetrack.pipeline import Pipeline, Registry, load_resources, to_output
from peacetrack.pipeline.case import knowing
from peacetrack.pipeline.extract.addressees import names_addressed
from peacetrack.pipeline.registry import group_words
from peacetrack.pipeline.resolve import addressee_actor

GOLD = Path(__file__).resolve().parent / "ingest_gold"
POOLS = ("pool-a", "pool-b", "pool-c", "pool-d", "pool-e", "pool-f", "pool-g", "pool-h")
STATEMENT_FIELDS = ("signatories", "ecosoc", "addressees", "demands")
GATHERING_FIELDS = (
    "start",
    "end",
    "mode",
    "hosts",
    "sponsors",
    "attendance",
    "sessions_open",
    "sessions_closed",
    "place",
)
FIELDS = ("kind", "date", *STATEMENT_FIELDS, *GATHERING_FIELDS, "event_date")
NAME_FIELDS = frozenset({"ecosoc", "addressees"})
ACTOR = "@actor:"
"""The last of a resolved prediction's names: its actor's id, matched against the gold name's actors."""


@dataclass
class Tally:
    """One field's counts over some documents."""

    right: float = 0.0
    predicted: float = 0.0
    gold: float = 0.0
    exact: int = 0
    documents: int = 0

    def precision(self) -> float | None:
        return self.right / self.predicted if self.predicted else None

    def recall(self) -> float | None:
        return self.right / self.gold if self.gold else None

    def exact_share(self) -> float | None:
        return self.exact / self.documents if self.documents else None


@dataclass
class Miss:
    file: str
    field: str
    gold: Any
    got: Any


@dataclass
class Report:
    tallies: dict[tuple[str, str], Tally] = field(default_factory=lambda: defaultdict(Tally))
    misses: list[Miss] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


# Words every government or leader shares: "US government" is not "Government of the DPRK" for them.
_GENERIC = frozenset(
    [
        "the",
        "of",
        "and",
        "government",
        "governments",
        "authorities",
        "administration",
        "president",
        "chairman",
        "chair",
        "정부",
        "당국",
        "대통령",
    ]
)


def _distinct(name: str) -> str:
    words = name.casefold().split()
    kept = [w for w in words if w not in _GENERIC]
    return " ".join(kept or words)


_PERSON = re.compile(
    r"\b(?:president|chairman|chair|secretary|minister|speaker)\b|대통령|위원장|장관|의장", re.I
)
_STATE = re.compile(r"\b(?:government|authorities|administration)\b|정부|당국", re.I)


def _same_name(a: str, b: str) -> bool:
    # An office holder is not their state: "President of the United States" is not "US government".
    if (_PERSON.search(a) and _STATE.search(b)) or (_STATE.search(a) and _PERSON.search(b)):
        return False
    return fuzz.token_set_ratio(_distinct(a), _distinct(b)) >= 85


def _matched(predicted: list[list[str]], gold: list[str], gold_actors: Callable[[str], set[str]]) -> int:
    """Names right: each prediction is the names it goes by (one, or a resolved actor's every name and
    its id); a gold name is the name written and the actors it resolves to."""
    free = list(gold)
    right = 0
    for names in predicted:
        for k, wanted in enumerate(free):
            if any(
                name in gold_actors(wanted) if name.startswith(ACTOR) else _same_name(name, wanted)
                for name in names
            ):
                right += 1
                del free[k]
                break
    return right


def _known_as(entry: dict[str, Any], actors: dict[str, Actor]) -> list[str]:
    """A name the pipeline gave, or every name of the actor it resolved to (``--registry``)."""
    actor = actors.get(entry.get("actor") or "")
    if actor is None:
        return [entry["name"]]
    return [entry["name"], *actor.name.values(), *actor.aliases, ACTOR + actor.id]


def predicted_fields(out: dict[str, Any], actors: dict[str, Actor] | None = None) -> dict[str, Any]:
    """The gold fields as the pipeline's SPEC output gives them."""
    actors = actors or {}
    document = out["document"]
    got: dict[str, Any] = {"kind": document.get("kind"), "date": document.get("date")}
    statements = out.get("statements") or []
    if statements:
        first = statements[0]
        signatories = first.get("signatories", [])
        got["signatories"] = len(signatories)
        got["ecosoc"] = [_known_as(s, actors) for s in signatories if s.get("ecosoc")]
        got["addressees"] = [_known_as(a, actors) for a in first.get("addressees", [])]
        got["demands"] = len(first.get("demands", []))
    gatherings = out.get("gatherings") or []
    if gatherings:
        first = gatherings[0]
        sessions = first.get("sessions", [])
        got.update(
            start=first.get("start"),
            end=first.get("end") or first.get("start"),
            mode=first.get("mode"),
            hosts=len(first.get("hosts", [])),
            sponsors=len(first.get("sponsors", [])),
            attendance=first.get("attendance"),
            sessions_open=sum(1 for s in sessions if s.get("access") == "open"),
            sessions_closed=sum(1 for s in sessions if s.get("access") == "closed"),
            place=first.get("place"),
        )
    events = out.get("events") or []
    if events:
        got["event_date"] = events[0].get("date")
    return got


def gold_actors(registry: Registry) -> dict[str, Callable[[str], set[str]]]:
    """For each name field, the actors (as ACTOR tags) a gold name resolves to the way an ingest resolves
    that field's names: an addressee through its wrappers and core, a signatory as written."""

    @cache  # asked once per prediction a gold name is compared with
    def addressee(name: str) -> set[str]:
        found = (addressee_actor(part, registry) for part in names_addressed(name))
        return {ACTOR + actor for actor in found if actor is not None}

    @cache
    def signatory(name: str) -> set[str]:
        actor = registry.match(name)
        return {ACTOR + actor} if actor is not None else set()

    return {"addressees": addressee, "ecosoc": signatory}


def _unresolved(_name: str) -> set[str]:
    return set()


def _score(
    name: str, gold: Any, got: Any, resolve: Callable[[str], set[str]] | None = None
) -> tuple[float, float, float, bool]:
    """(right, predicted, gold) amounts and whether the field is exactly right."""
    if name in NAME_FIELDS:
        wanted = [str(g) for g in gold or []]
        names = [[str(n) for n in g] for g in got or []]
        right = _matched(names, wanted, resolve or _unresolved)
        return right, len(names), len(wanted), right == len(wanted) == len(names)
    if gold is not None and not isinstance(gold, str | int | float | bool):
        gold = str(gold)  # YAML reads ISO dates as dates
    right = got == gold and gold is not None
    return float(right), float(got is not None), float(gold is not None), got == gold


def evaluate(entries: Iterable[tuple[Path, dict[str, Any]]], pipeline: Pipeline) -> Report:
    report = Report()
    actors = dict(pipeline.registry.actors)
    resolvers = gold_actors(pipeline.registry)
    for path, gold in entries:
        result = pipeline.run_file(path)
        if not result.ok:
            report.errors.append(f"{path.parent.name}/{path.name}: {result.error}")
            got: dict[str, Any] = {}
        else:
            got = predicted_fields(to_output(result), actors)
        groups = ("all", f"lang:{gold['language']}", f"format:{gold['format']}", f"kind:{gold['kind']}")
        for name in FIELDS:
            if name not in gold:
                continue
            right, predicted, wanted, exact = _score(name, gold[name], got.get(name), resolvers.get(name))
            for group in groups:
                tally = report.tallies[(group, name)]
                tally.right += right
                tally.predicted += predicted
                tally.gold += wanted
                tally.exact += int(exact)
                tally.documents += 1
            if not exact:
                report.misses.append(Miss(f"{path.parent.name}/{path.name}", name, gold[name], got.get(name)))
    return report


def _pools() -> list[str]:
    """The development pools this checkout has (a pool being written has no gold.yaml yet)."""
    return [name for name in POOLS if (GOLD / name / "gold.yaml").is_file()]


def load_gold(sets: list[str], split: str | None) -> list[tuple[Path, dict[str, Any]]]:
    entries = []
    for name in sets:
        folder = GOLD / name
        for entry in yaml.safe_load((folder / "gold.yaml").read_text(encoding="utf-8")) or []:
            if split is not None and entry.get("split", split) != split:
                continue
            entries.append((folder / entry["file"], entry))
    return entries


def _fmt(value: float | None) -> str:
    return "   -" if value is None else f"{value:.2f}"


def figures(report: Report) -> dict[str, dict[str, dict[str, float | int | None]]]:
    out: dict[str, dict[str, dict[str, float | int | None]]] = defaultdict(dict)
    for (group, name), tally in report.tallies.items():
        out[group][name] = {
            "precision": tally.precision(),
            "recall": tally.recall(),
            "exact": tally.exact_share(),
            "documents": tally.documents,
        }
    return out


def print_table(title: str, now: dict[str, Any], before: dict[str, Any] | None) -> None:
    print(f"\n## {title}")
    groups = sorted(now, key=lambda g: (g != "all", g))
    for group in groups:
        print(f"\n{group}")
        head = f"  {'field':<16} {'docs':>4}  {'P':>5} {'R':>5} {'exact':>5}"
        print(head + ("   | before: P     R  exact" if before else ""))
        for name in FIELDS:
            row = now[group].get(name)
            if row is None:
                continue
            line = (
                f"  {name:<16} {row['documents']:>4}  {_fmt(row['precision']):>5} {_fmt(row['recall']):>5}"
                f" {_fmt(row['exact']):>5}"
            )
            old = (before or {}).get(group, {}).get(name)
            if before is not None:
                line += "   |" + (
                    f"    {_fmt(old['precision'])} {_fmt(old['recall'])} {_fmt(old['exact'])}"
                    if old
                    else "  -"
                )
            print(line)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sets", nargs="+", default=_pools(), help="gold folders (default: the pools)")
    parser.add_argument("--split", choices=("dev", "test"), help="only this split (pools); default: each")
    parser.add_argument("--misses", action="store_true", help="list every wrong field")
    parser.add_argument("--baseline", type=Path, help="figures saved by --save from an earlier version")
    parser.add_argument("--save", type=Path, help="write these figures as JSON")
    parser.add_argument(
        "--registry",
        metavar="BUNDLE",
        nargs="+",
        default=[],
        help="resolve names against these bundles' actors and find their agreements (e.g."
        " @korean-peninsula), as an ingest into a store holding them does; a resolved name is right when"
        " any of its actor's names is",
    )
    args = parser.parse_args(argv)
    resources = load_resources()
    known = (
        records_from_bundles(args.registry)
        if args.registry
        else {"actors": [], "agreements": [], "processes": []}
    )
    actors = [actor for actor in known["actors"] if isinstance(actor, Actor)]
    agreements = [agreement for agreement in known["agreements"] if isinstance(agreement, Agreement)]
    processes = [p for p in known["processes"] if isinstance(p, Process)]
    resources = knowing(resources, agreements, processes)
    pipeline = Pipeline(registry=Registry(actors, group_words(processes)), resources=resources)
    holdout = any(not s.startswith("pool") for s in args.sets)
    splits: list[str | None] = [args.split] if args.split else ([None] if holdout else ["dev", "test"])
    saved: dict[str, Any] = {}
    before = orjson.loads(args.baseline.read_bytes()) if args.baseline else {}
    for split in splits:
        label = f"{'+'.join(args.sets)} {split or ''}".strip()
        entries = load_gold(args.sets, split)
        report = evaluate(entries, pipeline)
        now = figures(report)
        saved[label] = now
        print_table(f"{label}: {len(entries)} documents", now, before.get(label) if before else None)
        for error in report.errors:
            print(f"  ERROR {error}")
        if args.misses:
            print("\nmisses:")
            for miss in report.misses:
                got = [g[0] for g in miss.got] if miss.field in NAME_FIELDS and miss.got else miss.got
                print(f"  {miss.file:<40} {miss.field:<16} gold={miss.gold!r} got={got!r}")
    if args.save:
        args.save.write_bytes(orjson.dumps(saved, option=orjson.OPT_INDENT_2))
    return 0


if __name__ == "__main__":
    sys.exit(main())

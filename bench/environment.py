"""Benchmark of the security environment index (issue 16).

100,000 synthetic events over ten years (2015-2024), seeded: titles drawn from
realistic templates (missile classes, channels cut and restored, drills, talks),
effects and actors as in the dataset. Times

  (a) weighing every event once by the bundled codebook (once per data version),
  (b) the monthly index over the ten years for the parties' pairs (120 rows),
  (c) baseline, same process: a naive per-period recomputation that, for each
      month, scans every event, weighs the ones in the month and sums them,

checks that (a)+(b) and (c) give the same rows, and prints the times and the ratio.

    .venv/bin/python bench/environment.py [--events N] [--seed N] [--repeat N]
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from collections.abc import Callable
from datetime import date, timedelta
from typing import TypeVar

from peacetrack.environment.index import Row, Weighed, bears_on, periods, rows
from peacetrack.environment.weights import Weigher, load_weights

START, END = date(2015, 1, 1), date(2024, 12, 31)
PAIRS = [("kor", "prk"), ("prk", "usa")]
TEMPLATES = [
    ("weapons_test", "Hwasong-{n} ICBM test", ("prk",)),
    ("weapons_test", "KN-{n} SRBM tests", ("prk",)),
    ("weapons_test", "Pukguksong-{n} SLBM test", ("prk",)),
    ("weapons_test", "Unidentified missile test", ("prk",)),
    ("communication", "Hotline number {n} restored after talks", ("kor", "prk")),
    ("communication", "North Korea cuts liaison line {n}", ("prk",)),
    ("military_exercise", "Allies hold drill {n} with live-fire training", ("kor", "usa")),
    ("military_exercise", "Drill {n} scaled back", ("kor", "usa")),
    ("talks", "Working-level talks, round {n}", ("kor", "prk")),
    ("talks", "Envoys meet in Stockholm, round {n}", ("prk", "usa")),
    ("summit", "Leaders meet for summit {n}", ("prk", "usa", "donald-trump")),
    ("declaration", "KPA threatens to destroy outpost {n}", ("prk", "kpa")),
    ("declaration", "Seoul proposes talks on issue {n}", ("kor",)),
    ("border_incident", "Shells fired near island {n}", ("prk", "kor")),
    ("humanitarian", "Family reunion round {n}", ("kor", "prk")),
    ("summit", "Kim meets a third leader, visit {n}", ("prk", "rus")),
]
KINDS = {
    "prk": "state",
    "kor": "state",
    "usa": "state",
    "rus": "state",
    "kpa": "body",
    "donald-trump": "person",
}
STATES = {"kpa": "prk", "donald-trump": "usa"}
EFFECTS = [(), (), (), ("mentions",), ("advances",), ("implements",), ("violates",), ("reverses",)]

T = TypeVar("T")

Raw = tuple[str, date, str, str, tuple[str, ...], tuple[str, ...]]


def synthetic(n: int, seed: int) -> list[Raw]:
    rng = random.Random(seed)
    span = (END - START).days
    out: list[Raw] = []
    for i in range(n):
        kind, title, actors = rng.choice(TEMPLATES)
        day = START + timedelta(days=rng.randrange(span + 1))
        out.append((f"e{i}", day, kind, title.format(n=rng.randrange(1, 30)), actors, rng.choice(EFFECTS)))
    out.sort(key=lambda e: (e[1], e[0]))
    return out


def weigh_all(weigher: Weigher, raw: list[Raw]) -> list[Weighed]:
    return [
        Weighed(
            eid,
            day,
            weigher.weigh(kind, title, effects, tuple(KINDS[a] for a in actors)).weight,
            frozenset(STATES.get(a, a) for a in actors),
            weigher.alone(kind),
        )
        for eid, day, kind, title, actors, effects in raw
    ]


def naive(weigher: Weigher, raw: list[Raw]) -> list[tuple[str, float | None, int]]:
    """For each month: scan every event, weigh those in the month, sum."""
    out: list[tuple[str, float | None, int]] = []
    for key, lo, hi in periods(START, END, "month"):
        coop = conf = 0.0
        count = 0
        for eid, day, kind, title, actors, effects in raw:
            if not lo <= day <= hi:
                continue
            w = weigher.weigh(kind, title, effects, tuple(KINDS[a] for a in actors)).weight
            event = Weighed(eid, day, w, frozenset(STATES.get(a, a) for a in actors), weigher.alone(kind))
            if not bears_on(event, PAIRS):
                continue
            count += 1
            if w >= 0:
                coop += w
            else:
                conf -= w
        out.append((key, round(coop - conf, 2) if count else None, count))
    return out


def timed(fn: Callable[[], T], repeat: int) -> tuple[float, T]:
    times: list[float] = []
    result: T | None = None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    assert result is not None
    return statistics.median(times), result


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=2016)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    raw = synthetic(args.events, args.seed)
    weigher = Weigher(load_weights())
    t_weigh, weighed = timed(lambda: weigh_all(weigher, raw), args.repeat)

    def monthly() -> list[Row]:
        return rows(weighed, PAIRS, "month", START, END, thin_below=3)

    t_rows, fast = timed(monthly, args.repeat)
    t_naive, slow = timed(lambda: naive(weigher, raw), 1)
    assert [(r.period, r.index, r.events) for r in fast] == slow, "fast and naive disagree"
    total = t_weigh + t_rows
    print(f"{args.events:,} events, {len(fast)} months, pairs {PAIRS}")
    print(f"(a) weigh every event once            {t_weigh * 1000:8.1f} ms")
    print(f"(b) monthly index over ten years      {t_rows * 1000:8.1f} ms")
    print(f"    (a)+(b)                           {total * 1000:8.1f} ms   target < 1,000 ms")
    print(f"(c) baseline: naive per-month rescan  {t_naive * 1000:8.1f} ms")
    print(f"(c)/((a)+(b)) = {t_naive / total:.1f}x, identical rows")


if __name__ == "__main__":
    main()

"""Benchmark of the scoring engine (issue 4).

Synthetic history: 100 agreements × 50 provisions × 20 marks = 100,000 marks
(5,000 provisions), seeded. Times

  (a) one as-of score by agreement (bisect per provision),
  (b) the monthly series over 10 years for all agreements (one sweep),
  (c) the same series recomputed naively: for each month end, for each
      provision, scan its marks,

checks that (b) and (c) agree, and prints the timings and the ratio.

    .venv/bin/python bench/score.py [--seed N] [--repeat N]
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from collections.abc import Callable
from datetime import date, timedelta
from functools import partial
from typing import TypeVar

from peacetrack.scoring import (
    Index,
    Mark,
    ProvisionInfo,
    ScoreRow,
    ScoringInput,
    period_ends,
    round_score,
    scores,
    series,
)

AGREEMENTS, PROVISIONS, MARKS = 100, 50, 20
START, END = date(2015, 1, 1), date(2024, 12, 31)

T = TypeVar("T")


def synthetic(seed: int) -> ScoringInput:
    rng = random.Random(seed)
    themes: dict[str, str | None] = {f"theme-{i}": None for i in range(6)}
    for i in range(6, 40):
        themes[f"theme-{i}"] = f"theme-{rng.randrange(i)}"  # earlier themes only: a tree
    actors = [f"actor-{i}" for i in range(25)]
    span = (END - START).days
    provisions: list[ProvisionInfo] = []
    marks: list[Mark] = []
    for a in range(AGREEMENTS):
        # Signed over the decade's first half, so the series sees agreements come in.
        signed = START + timedelta(days=rng.randrange(span // 2))
        for n in range(PROVISIONS):
            pid = f"agreement-{a}/{n + 1}"
            provisions.append(
                ProvisionInfo(
                    pid,
                    f"agreement-{a}",
                    signed,
                    tuple(rng.sample(sorted(themes), rng.randint(1, 3))),
                    tuple(rng.sample(actors, rng.randint(1, 3))),
                )
            )
            for _ in range(MARKS):
                # Some marks predate signing (assessed as soon as the text was agreed).
                as_of = signed + timedelta(days=rng.randrange(-30, (END - signed).days + 1))
                marks.append(Mark(pid, as_of, rng.randint(0, 3), 0))
    rng.shuffle(marks)
    # recorded: the order of writing, unrelated to as_of, as in a real store.
    recorded = [Mark(m.provision, m.as_of, m.level, i) for i, m in enumerate(marks)]
    return ScoringInput(provisions, recorded, themes)


def naive_series(data: ScoringInput, ends: list[date]) -> dict[str, list[tuple[date, ScoreRow]]]:
    """The straightforward loop: per month end, per provision, scan its marks."""
    by_provision: dict[str, list[Mark]] = {p.id: [] for p in data.provisions}
    for mark in data.marks:
        by_provision[mark.provision].append(mark)
    out: dict[str, list[tuple[date, ScoreRow]]] = {}
    for d in ends:
        groups: dict[str, list[tuple[int, bool]]] = {}
        for p in data.provisions:
            if p.signed > d:
                continue
            winners: dict[date, Mark] = {}  # per as_of date, the last recorded mark
            for mark in by_provision[p.id]:
                if mark.as_of <= d:
                    best = winners.get(mark.as_of)
                    if best is None or mark.recorded > best.recorded:
                        winners[mark.as_of] = mark
            level = winners[max(winners)].level if winners else 0
            peak = max((m.level for m in winners.values()), default=0)
            groups.setdefault(p.agreement, []).append((level, level < peak))
        for key in sorted(groups):
            members = groups[key]
            hist = [sum(1 for lv, _ in members if lv == k) for k in range(4)]
            out.setdefault(key, []).append(
                (
                    d,
                    ScoreRow(
                        key,
                        round_score(sum(k * n for k, n in enumerate(hist)), len(members)),
                        len(members),
                        sum(rev for _, rev in members),
                        {str(k): n for k, n in enumerate(hist)},
                    ),
                )
            )
    return {key: out[key] for key in sorted(out)}


def timed(fn: Callable[[], T], repeat: int) -> tuple[T, list[float]]:
    times: list[float] = []
    result: T | None = None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    assert result is not None
    return result, times


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--seed", type=int, default=2018)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    data = synthetic(args.seed)
    print(f"{len(data.provisions):,} provisions, {len(data.marks):,} marks, {AGREEMENTS} agreements")
    index, build = timed(lambda: Index.build(data), max(1, args.repeat // 2))
    print(f"index build                       {1000 * min(build):9.1f} ms")

    as_of = date(2020, 6, 30)
    rows, single = timed(lambda: scores(index, as_of, "agreement"), 10 * args.repeat)
    print(
        f"(a) as-of score by agreement      {1000 * statistics.median(single):9.1f} ms"
        f"  (median of {len(single)}, min {1000 * min(single):.1f}; {len(rows)} rows)"
    )
    for by in ("theme", "party"):
        extra_rows, extra = timed(partial(scores, index, as_of, by), args.repeat)
        print(
            f"    as-of score by {by:<15}{1000 * statistics.median(extra):9.1f} ms  ({len(extra_rows)} rows)"
        )

    ends = period_ends("monthly", START, END)
    swept, sweep = timed(lambda: series(index, "agreement", "monthly", START, END), args.repeat)
    print(
        f"(b) monthly series, {len(ends)} months     {1000 * statistics.median(sweep):9.1f} ms"
        f"  (median of {len(sweep)}; {sum(len(v) for v in swept.values()):,} points)"
    )
    for by in ("theme", "party"):
        _, extra = timed(partial(series, index, by, "monthly", START, END), max(1, args.repeat // 2))
        print(f"    monthly series by {by:<12}{1000 * statistics.median(extra):9.1f} ms")

    naive, slow = timed(lambda: naive_series(data, ends), 1)
    print(f"(c) naive per-date recomputation  {1000 * slow[0]:9.1f} ms")
    assert naive == swept, "the sweep and the naive recomputation disagree"
    ratio = slow[0] / statistics.median(sweep)
    print(f"ratio (c)/(b)                     {ratio:9.1f}×  (results identical)")


if __name__ == "__main__":
    main()

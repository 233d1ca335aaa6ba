"""The environment against implementation: each quarter's reversals beside the index of the quarter before.

It shows whether provisions tended to fall after tense quarters in this record.
It cannot show why: the same events often move both (a demolition is conflict in
the index and a reversal in the scores), so the two are not independent measures,
and a handful of quarters is no basis for a trend.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from math import sqrt

from peacetrack.environment.index import Row
from peacetrack.scoring.index import Index


@dataclass(frozen=True, slots=True)
class Quarter:
    quarter: str
    start: date
    end: date
    index: float | None
    """The quarter's own index (the sum of its months')."""
    index_before: float | None
    reversals: int
    """Steps down of any provision dated in the quarter."""
    rises: int


def _quarter(day: date) -> tuple[int, int]:
    return day.year, (day.month - 1) // 3 + 1


def _bounds(year: int, q: int) -> tuple[date, date]:
    start = date(year, 3 * q - 2, 1)
    end = date(year + (q == 4), (3 * q) % 12 + 1, 1)
    return start, date.fromordinal(end.toordinal() - 1)


def quarters(index: Index, months: list[Row]) -> list[Quarter]:
    """One row per quarter covered by ``months`` (monthly rows of the index), oldest first."""
    sums: dict[tuple[int, int], float | None] = {}
    for row in months:
        key = _quarter(row.start)
        if row.index is not None:
            sums[key] = (sums.get(key) or 0.0) + row.index
        else:
            sums.setdefault(key, None)
    moves: dict[tuple[int, int], list[int]] = {}
    for timeline in index.timelines:
        previous = 0
        for mark, level in zip(timeline.marks, timeline.levels, strict=True):
            if level != previous:
                counts = moves.setdefault(_quarter(mark.as_of), [0, 0])
                counts[0 if level < previous else 1] += 1
            previous = level
    keys = sorted(sums)
    out: list[Quarter] = []
    for k, key in enumerate(keys):
        start, end = _bounds(*key)
        before = sums.get(keys[k - 1]) if k > 0 and keys[k - 1] == _previous(key) else None
        down, up = moves.get(key, [0, 0])
        out.append(Quarter(f"{key[0]}-Q{key[1]}", start, end, _round(sums[key]), _round(before), down, up))
    return out


def _previous(key: tuple[int, int]) -> tuple[int, int]:
    year, q = key
    return (year - 1, 4) if q == 1 else (year, q - 1)


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def correlation(rows: list[Quarter]) -> tuple[float | None, int]:
    """Pearson's r between the index of the quarter before and the reversals of the quarter, and n."""
    pairs = [(q.index_before, q.reversals) for q in rows if q.index_before is not None]
    n = len(pairs)
    if n < 3:
        return None, n
    mx = sum(x for x, _ in pairs) / n
    my = sum(y for _, y in pairs) / n
    sxy = sum((x - mx) * (y - my) for x, y in pairs)
    sxx = sum((x - mx) ** 2 for x, _ in pairs)
    syy = sum((y - my) ** 2 for _, y in pairs)
    if sxx == 0 or syy == 0:
        return None, n
    return round(sxy / sqrt(sxx * syy), 2), n

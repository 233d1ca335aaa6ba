"""Score series over period ends, in one sweep over the date-sorted step events.

Every provision contributes an "enter" event on its agreement's signing date
(carrying the state it already had then) and one event per later change of
state. Sorted by date, the events are applied to running tallies per group;
at each period end the tallies are read off. Cost: O(events + periods × groups)
instead of O(periods × provisions × log marks) for recomputing each date.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from operator import itemgetter
from typing import Any

from peacetrack.scoring.index import Index
from peacetrack.scoring.inputs import By, Freq, check_by, check_freq
from peacetrack.scoring.rows import ABSENT, TALLY_SIZE, ScoreRow, row_from_tally

_MONTHS_PER: dict[Freq, int] = {"monthly": 1, "quarterly": 3, "yearly": 12}

Series = dict[str, list[tuple[date, ScoreRow]]]
"""Group key → (period end, row) for each period end at which the group is non-empty."""


def period_ends(freq: Freq | str, start: date, end: date) -> list[date]:
    """Calendar period ends (last day of month, quarter or year) within [start, end].

    Only complete period ends are listed: a range ending mid-period stops at the
    previous period end, so every point means the same thing.
    """
    step = _MONTHS_PER[check_freq(freq)]
    if start > end:
        raise ValueError(f"start {start} is after end {end}")
    # Months are counted from year 0; a period ends after months ≡ -1 (mod step).
    month = start.year * 12 + start.month - 1
    month += (step - 1 - month) % step
    ends: list[date] = []
    while True:
        after = month + 1
        last_day = date(after // 12, after % 12 + 1, 1) - timedelta(days=1)
        if last_day > end:
            return ends
        if last_day >= start:
            ends.append(last_day)
        month += step


def _events(index: Index, last: int) -> list[tuple[int, int, int, int]]:
    """(day, provision position, old state, new state), sorted by day, up to ``last``."""
    events: list[tuple[int, int, int, int]] = []
    for i, (signed, timeline) in enumerate(zip(index.signed_days, index.timelines, strict=True)):
        if signed > last:
            break  # provisions are sorted by signing date: the rest enter later still
        days, codes = timeline.days, timeline.codes
        first = timeline.step(signed)
        current = codes[first] if first >= 0 else 0
        events.append((signed, i, ABSENT, current))
        for k in range(first + 1, len(days)):
            day = days[k]
            if day > last:
                break
            if codes[k] != current:  # a reaffirmed state is no event
                events.append((day, i, current, codes[k]))
                current = codes[k]
    # Stable sort: a provision's own events keep their order (their days differ anyway).
    events.sort(key=itemgetter(0))
    return events


def series(index: Index, by: By | str, freq: Freq | str, start: date, end: date) -> Series:
    """For each group key, its score row at every period end in [start, end].

    Equal, row for row, to calling :func:`asof.scores` at each period end.
    Keys come out sorted; a group is absent at period ends where it is empty
    (no provision of a signed agreement in it).
    """
    keys = index.keys[check_by(by)]
    ends = period_ends(freq, start, end)
    if not ends:
        return {}
    last = ends[-1].toordinal()
    events = _events(index, last)
    # Each provision's events update the same few tallies: resolve the keys to
    # the tally lists once, so the inner loop does no dictionary lookups.
    tally: dict[str, list[int]] = {}
    targets = [
        [tally.setdefault(key, [0] * TALLY_SIZE) for key in keys[i]] for i in range(index.in_force(last))
    ]
    points: Series = {}
    e, n = 0, len(events)
    for period_end in ends:
        day = period_end.toordinal()
        while e < n and events[e][0] <= day:
            _, i, old, new = events[e]
            for counts in targets[i]:
                counts[old] -= 1
                counts[new] += 1
            e += 1
        for key, counts in tally.items():
            row = row_from_tally(key, counts)
            if row is not None:
                points.setdefault(key, []).append((period_end, row))
    return {key: points[key] for key in sorted(points)}


def series_document(
    index: Index,
    by: By | str,
    freq: Freq | str,
    start: date,
    end: date,
    names: Mapping[str, Mapping[str, str]],
) -> dict[str, Any]:
    """The one JSON shape of a score series, for ``peacetrack score --series`` and ``/api/scores/series``:
    ``{"by", "freq", "from", "to", "dates", "series": [{"key", "name", "points": [{"date", "score",
    "provisions", "reversed", "levels"}]}]}``. ``names`` gives each key's language map."""
    lines = series(index, by, freq, start, end)
    return {
        "by": by,
        "freq": freq,
        "from": start,
        "to": end,
        "dates": period_ends(freq, start, end),
        "series": [
            {
                "key": key,
                "name": dict(names.get(key, {"en": key})),
                "points": [{"date": d, **_point(row)} for d, row in points],
            }
            for key, points in lines.items()
        ],
    }


def _point(row: ScoreRow) -> dict[str, Any]:
    data: dict[str, Any] = dict(row.to_json())
    del data["key"]
    return data

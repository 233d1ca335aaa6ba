"""The index itself, pure: weighed events in, one row per period out.

Per period, ``cooperation`` is the sum of the positive weights of the events that
bear on the chosen pairs of parties, ``conflict`` the sum of the negative ones
(as a positive number), and ``index`` their difference: positive is cooperative.
KOPI adds up each day's event scores the same way (and divides by the days of a
week or month, a constant within one frequency). One pass over the events,
sorted by day, whatever the number of periods.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from peacetrack.environment.weights import By

Dyad = tuple[str, str]


@dataclass(frozen=True, slots=True)
class Weighed:
    """An event as the index sees it."""

    id: str
    day: date
    weight: float
    sides: frozenset[str]
    """The parties it involves: its state actors, and the states of its people and bodies."""
    alone: bool
    """An act by one side by itself (a test, a drill, a declaration)."""


@dataclass(frozen=True, slots=True)
class Row:
    period: str
    start: date
    end: date
    index: float | None
    """cooperation − conflict; None for a period without events (never a calm zero)."""
    cooperation: float | None
    conflict: float | None
    events: int
    thin: bool
    smoothed: float | None = None


def bears_on(event: Weighed, dyads: Sequence[Dyad]) -> bool:
    """Whether the event counts for any of the pairs.

    It does when it brings both sides of a pair together, or when one side of the
    pair acted alone: the event involves no other party (the North cutting the
    lines), or its type is an act of one side by nature (a drill held with an
    ally is still aimed across the line; a summit with a third state is not).
    """
    sides = event.sides
    single = len(sides) == 1
    for a, b in dyads:
        if a in sides and b in sides:
            return True
        if (single or event.alone) and (a in sides or b in sides):
            return True
    return False


def period_key(day: date, by: By) -> str:
    if by == "month":
        return f"{day.year:04d}-{day.month:02d}"
    if by == "week":
        year, week, _ = day.isocalendar()
        return f"{year:04d}-W{week:02d}"
    return day.isoformat()


def _period_start(day: date, by: By) -> date:
    if by == "month":
        return day.replace(day=1)
    if by == "week":
        return day - timedelta(days=day.weekday())
    return day


def _next_start(start: date, by: By) -> date:
    if by == "month":
        return date(start.year + (start.month == 12), start.month % 12 + 1, 1)
    return start + timedelta(days=7 if by == "week" else 1)


def periods(start: date, end: date, by: By) -> list[tuple[str, date, date]]:
    """(key, first day, last day) of every period touching ``start``..``end``, in order."""
    out: list[tuple[str, date, date]] = []
    current = _period_start(start, by)
    while current <= end:
        following = _next_start(current, by)
        out.append((period_key(current, by), current, following - timedelta(days=1)))
        current = following
    return out


def _position(day: date, first: date, by: By) -> int:
    if by == "month":
        return (day.year - first.year) * 12 + day.month - first.month
    if by == "week":
        return (day.toordinal() - day.weekday() - first.toordinal()) // 7
    return day.toordinal() - first.toordinal()


def rows(
    events: Iterable[Weighed],
    dyads: Sequence[Dyad],
    by: By,
    start: date,
    end: date,
    *,
    thin_below: int,
    smooth: int = 1,
) -> list[Row]:
    """One row per period from ``start`` to ``end``; ``smooth`` > 1 adds a trailing moving average."""
    if start > end:
        raise ValueError(f"start {start} is after end {end}")
    spans = periods(start, end, by)
    first = spans[0][1]
    n = len(spans)
    cooperation = [0.0] * n
    conflict = [0.0] * n
    counts = [0] * n
    for event in events:
        if event.day < start or event.day > end or not bears_on(event, dyads):
            continue
        at = _position(event.day, first, by)
        if event.weight >= 0:
            cooperation[at] += event.weight
        else:
            conflict[at] -= event.weight
        counts[at] += 1
    out: list[Row] = []
    window: list[float] = []
    for k, (key, lo, hi) in enumerate(spans):
        has = counts[k] > 0
        index = round(cooperation[k] - conflict[k], 2) if has else None
        smoothed = None
        if smooth > 1:
            window = [*window[-(smooth - 1) :], index] if index is not None else window[-(smooth - 1) :]
            # Trailing: the last `smooth` periods that have an index, so a gap does not read as calm.
            smoothed = round(sum(window) / len(window), 2) if window and has else None
        out.append(
            Row(
                key,
                lo,
                hi,
                index,
                round(cooperation[k], 2) if has else None,
                round(conflict[k], 2) if has else None,
                counts[k],
                counts[k] < thin_below,
                smoothed,
            )
        )
    return out


def parse_dyad(text: str, known: Iterable[str]) -> Dyad:
    """'kor-prk' as ('kor', 'prk'); ids may hold hyphens, so every split is tried against ``known``."""
    ids = set(known)
    for k, ch in enumerate(text):
        if ch == "-" and text[:k] in ids and text[k + 1 :] in ids and text[:k] != text[k + 1 :]:
            return (text[:k], text[k + 1 :])
    raise ValueError(f"{text!r} is not two different actor ids joined by '-' (e.g. kor-prk)")

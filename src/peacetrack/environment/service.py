"""The security environment as one use case: the CLI, the API and the pages all call these."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Connection

from peacetrack.environment import load, versus
from peacetrack.environment.index import Dyad, Row, Weighed, bears_on, parse_dyad, rows
from peacetrack.environment.weights import By, Weigher, Weighing, Weights, load_weights
from peacetrack.errors import BadInput, Problem
from peacetrack.model.languages import Lang
from peacetrack.scoring.index import Index

BYS: tuple[By, ...] = ("day", "week", "month")


@dataclass(frozen=True, slots=True)
class Climate:
    """Every accepted event weighed once: what each index question is answered from."""

    weighed: list[Weighed]
    """Sorted by day."""
    events: dict[str, load.RawEvent]
    weighings: dict[str, Weighing]
    actors: load.Actors
    pairs: dict[str, list[Dyad]]
    """Per agreement, the pairs of its parties."""
    weights: Weights

    @property
    def process(self) -> list[Dyad]:
        """Every pair of parties to one agreement: the default scope."""
        return sorted({pair for pairs in self.pairs.values() for pair in pairs})


def climate(conn: Connection, *, lang: Lang = "en", weights: Weights | None = None) -> Climate:
    chosen = weights or load_weights()
    weigher = Weigher(chosen)
    people = load.actors(conn, lang)
    raw = load.events(conn, lang)
    weighed: list[Weighed] = []
    weighings: dict[str, Weighing] = {}
    for event in raw:
        kinds = tuple(people.kinds.get(a, "state") for a in event.actors)
        weighing = weigher.weigh(event.type, event.title_en, event.effects, kinds)
        weighings[event.id] = weighing
        sides = frozenset(people.states.get(a, a) for a in event.actors)
        weighed.append(Weighed(event.id, event.day, weighing.weight, sides, weigher.alone(event.type)))
    return Climate(weighed, {e.id: e for e in raw}, weighings, people, load.agreement_dyads(conn), chosen)


def _bad(where: str, reason: str) -> BadInput:
    return BadInput([Problem(where, "$", reason)])


def dyads_for(cl: Climate, dyad: str | None, agreements: Sequence[str] | None = None) -> list[Dyad]:
    """The pairs asked for: one ``A-B``, or the parties' own pairs (of ``agreements`` when given, one
    process's say); BadInput for unknown ids."""
    if dyad is None or not dyad.strip():
        if agreements is not None:
            return sorted({pair for a in agreements for pair in cl.pairs.get(a, ())})
        return cl.process
    try:
        return [parse_dyad(dyad.strip(), cl.actors.kinds)]
    except ValueError as exc:
        raise _bad("dyad", str(exc)) from None


def check_by(by: str) -> By:
    for known in BYS:
        if by == known:
            return known
    raise _bad("by", f"unknown period {by!r}: expected one of {', '.join(BYS)}")


def span(cl: Climate, start: date | None, end: date | None) -> tuple[date, date]:
    """The range asked, by default from the first event to today."""
    first = start or (cl.weighed[0].day if cl.weighed else date.today())
    last = end or date.today()
    if first > last:
        raise _bad("from", f"from {first} is after to {last}")
    return first, last


MAX_ROWS = 40_000
"""A century of days: a longer answer is a mistake or a probe."""


def index_rows(
    cl: Climate,
    *,
    dyad: str | None = None,
    by: str = "month",
    start: date | None = None,
    end: date | None = None,
    smooth: int = 1,
    agreements: Sequence[str] | None = None,
) -> list[Row]:
    pairs = dyads_for(cl, dyad, agreements)
    period = check_by(by)
    first, last = span(cl, start, end)
    if smooth < 1 or smooth > 60:
        raise _bad("smooth", f"smooth is a number of periods from 1 to 60, got {smooth}")
    days = (last - first).days
    if days > MAX_ROWS:
        raise _bad("from", f"{days} days is too long a range (at most {MAX_ROWS})")
    return rows(
        cl.weighed, pairs, period, first, last, thin_below=getattr(cl.weights.thin, period), smooth=smooth
    )


def row_json(row: Row, *, smoothed: bool = False) -> dict[str, Any]:
    out: dict[str, Any] = {
        "period": row.period,
        "index": row.index,
        "cooperation": row.cooperation,
        "conflict": row.conflict,
        "events": row.events,
        "thin": row.thin,
    }
    if smoothed:
        out["smoothed"] = row.smoothed
    return out


@dataclass(frozen=True, slots=True)
class Behind:
    """One event behind a period's figure, with its weight and why."""

    event: load.RawEvent
    weighing: Weighing


def behind(
    cl: Climate, row: Row, *, dyad: str | None = None, agreements: Sequence[str] | None = None
) -> list[Behind]:
    """The events of a period that count for the pairs, heaviest first."""
    pairs = dyads_for(cl, dyad, agreements)
    found = [
        Behind(cl.events[w.id], cl.weighings[w.id])
        for w in cl.weighed
        if row.start <= w.day <= row.end and bears_on(w, pairs)
    ]
    found.sort(key=lambda b: (-abs(b.weighing.weight), b.event.day, b.event.id))
    return found


def behind_json(item: Behind) -> dict[str, Any]:
    w = item.weighing
    return {
        "id": item.event.id,
        "date": item.event.day.isoformat(),
        "title": item.event.title,
        "type": item.event.type,
        "weight": w.weight,
        "why": {
            "base": w.base,
            "rule": w.rule,
            "effect": w.effect,
            "shift": w.shift,
            "factor": w.factor,
        },
    }


def versus_json(cl: Climate, index: Index) -> dict[str, Any]:
    """Each quarter's reversals and rises beside the index of the quarter before, with Pearson's r."""
    found = versus.quarters(index, index_rows(cl, by="month"))
    r, n = versus.correlation(found)
    return {
        "quarters": [
            {
                "quarter": q.quarter,
                "index": q.index,
                "index_before": q.index_before,
                "reversals": q.reversals,
                "rises": q.rises,
            }
            for q in found
        ],
        "correlation": {"r": r, "n": n},
    }

"""Each party's open ledger as of a date: what it is responsible for that stands pending or reversed."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from peacetrack.scoring.index import Index, Timeline

Status = Literal["pending", "reversed"]


@dataclass(frozen=True, slots=True)
class ProvisionFacts:
    """What the scoring index does not carry about a provision."""

    due: date | None = None
    part_of: tuple[str, ...] = ()
    parties: tuple[str, ...] = ()
    """Its agreement's parties: who answers for a provision that names no one responsible."""


@dataclass(frozen=True, slots=True)
class EventFacts:
    date: date
    actors: tuple[str, ...] = ()
    title: str = ""


@dataclass(frozen=True, slots=True)
class Fall:
    """One step down in the provision's current fall from its peak."""

    on: date
    level: int
    events: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class LedgerItem:
    provision: str
    agreement: str
    status: Status
    level: int
    peak: int
    since: date
    """Pending: since its agreement was signed. Reversed: since it first stood at its peak."""
    fell_on: date | None
    fell_by: tuple[str, ...]
    """The events of the first step down (the assessment's evidence)."""
    falls: tuple[Fall, ...]
    undone_by: tuple[str, ...]
    """Responsible parties that acted in the events of the falls (all of them when none did)."""
    held_days: int | None
    """How long it held its peak before the fall."""
    due: date | None
    overdue: bool
    responsible: tuple[str, ...]
    themes: tuple[str, ...]
    """Its themes and their parents."""
    part_of: tuple[str, ...] = ()
    dependants: tuple[str, ...] = field(default=())
    """Provisions that carry this one out in detail (their ``part_of`` names it)."""


def _fall(timeline: Timeline, k: int) -> tuple[int, int]:
    """(first step at the peak of the run that ended in the fall, first step of the fall)."""
    peak = timeline.peaks[k]
    j = k
    while timeline.levels[j] != peak:
        j -= 1
    top = j
    while top > 0 and timeline.levels[top - 1] == peak:
        top -= 1
    return top, j + 1


def _item(
    index: Index,
    i: int,
    k: int,
    as_of: date,
    facts: ProvisionFacts,
    events: Mapping[str, EventFacts],
    dependants: tuple[str, ...],
) -> LedgerItem | None:
    info = index.provisions[i]
    timeline = index.timelines[i]
    level = timeline.levels[k] if k >= 0 else 0
    peak = timeline.peaks[k] if k >= 0 else 0
    responsible = info.responsible or facts.parties
    overdue = facts.due is not None and facts.due < as_of and level < 3
    common = {
        "provision": info.id,
        "agreement": info.agreement,
        "level": level,
        "peak": peak,
        "due": facts.due,
        "overdue": overdue,
        "responsible": responsible,
        "themes": index.keys["theme"][i],
        "part_of": facts.part_of,
        "dependants": dependants,
    }
    if peak == 0:
        return LedgerItem(
            status="pending",
            since=info.signed,
            fell_on=None,
            fell_by=(),
            falls=(),
            undone_by=(),
            held_days=None,
            **common,  # type: ignore[arg-type]
        )
    if level == peak:
        return None
    top, first = _fall(timeline, k)
    falls = tuple(
        Fall(timeline.marks[s].as_of, timeline.levels[s], timeline.marks[s].evidence)
        for s in range(first, k + 1)
        if timeline.levels[s] < timeline.levels[s - 1]
    )
    undone_by = _acting(responsible, falls, events)
    fell_on = timeline.marks[first].as_of
    since = timeline.marks[top].as_of
    return LedgerItem(
        status="reversed",
        since=since,
        fell_on=fell_on,
        fell_by=timeline.marks[first].evidence,
        falls=falls,
        undone_by=undone_by,
        held_days=(fell_on - since).days,
        **common,  # type: ignore[arg-type]
    )


def _acting(
    responsible: tuple[str, ...], falls: tuple[Fall, ...], events: Mapping[str, EventFacts]
) -> tuple[str, ...]:
    """The responsible parties that brought a provision down; all of them when the record names none.

    Per step down, the party named in most of its events acted (an event's actors
    include those it happened to: warning shots answering a demolition name both
    sides, so one mention is not enough). Over a fall of several steps, each step's
    actors count: a clause one side suspended and the other then scrapped was
    undone by both.
    """
    acted: set[str] = set()
    for fall in falls:
        count = dict.fromkeys(responsible, 0)
        for e in set(fall.events):
            for actor in set(events[e].actors) if e in events else ():
                if actor in count:
                    count[actor] += 1
        most = max(count.values(), default=0)
        if most:
            acted.update(p for p in responsible if count[p] == most)
    return tuple(p for p in responsible if p in acted) or responsible


def ledger(
    index: Index,
    as_of: date,
    facts: Mapping[str, ProvisionFacts],
    events: Mapping[str, EventFacts],
    *,
    party: str | None = None,
) -> dict[str, list[LedgerItem]]:
    """Per party (sorted), its pending and reversed provisions as of ``as_of``, in force by then.

    Reversed ones come first, most recently fallen first; then pending ones by
    provision id. A provision several parties answer for is in each one's list.
    """
    dependants: dict[str, list[str]] = {}
    for pid, fact in facts.items():
        for parent in fact.part_of:
            dependants.setdefault(parent, []).append(pid)
    day = as_of.toordinal()
    by_party: dict[str, list[LedgerItem]] = {}
    for i in range(index.in_force(day)):
        info = index.provisions[i]
        fact = facts.get(info.id, ProvisionFacts())
        item = _item(
            index,
            i,
            index.timelines[i].step(day),
            as_of,
            fact,
            events,
            tuple(sorted(dependants.get(info.id, ()))),
        )
        if item is None:
            continue
        for who in item.responsible:
            if party is None or who == party:
                by_party.setdefault(who, []).append(item)
    for items in by_party.values():
        items.sort(key=_order)
    return {p: by_party[p] for p in sorted(by_party)}


def _order(item: LedgerItem) -> tuple[int, int, str]:
    if item.status == "reversed" and item.fell_on is not None:
        return (0, -item.fell_on.toordinal(), item.provision)
    return (1, 0, item.provision)

"""A provision's level over time, and what changed in an agreement between two dates."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from peacetrack.scoring.index import Index


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """One assessment of a provision, as it took effect (or did not)."""

    provision: str
    as_of: date
    level: int
    previous: int
    """Level in effect just before this date (0 before the first mark)."""
    peak: int
    """Highest level reached up to and including this date."""
    reversed: bool
    """Level is below the peak reached before this date: the provision stands reversed."""
    evidence: tuple[str, ...]
    note: str | None
    recorded: int
    superseded: bool = False
    """Overtaken by a later-recorded mark of the same date: it never took effect."""

    @property
    def changed(self) -> bool:
        return not self.superseded and self.level != self.previous


def history(
    index: Index,
    provision: str,
    *,
    until: date | None = None,
    changes_only: bool = False,
    include_superseded: bool = False,
) -> list[HistoryEntry]:
    """The provision's marks in date order; KeyError for an unknown provision.

    By default every mark that took effect, including those that reaffirm the
    level with new evidence. ``changes_only`` keeps the steps where the level
    moved; ``include_superseded`` adds the same-day marks that lost the tie
    (``superseded=True``; ``previous``/``peak``/``reversed`` then describe the
    state they would have replaced). ``until`` drops marks dated after it.
    """
    timeline = index.timeline(provision)
    marks = timeline.recorded if include_superseded else timeline.marks
    entries: list[HistoryEntry] = []
    previous = peak = 0
    for k, mark in enumerate(marks):
        if until is not None and mark.as_of > until:
            break
        # ``recorded`` is sorted by (as_of, recorded): a mark followed by one of
        # the same date lost the tie.
        superseded = include_superseded and k + 1 < len(marks) and marks[k + 1].as_of == mark.as_of
        new_peak = max(peak, mark.level)
        entry = HistoryEntry(
            provision=provision,
            as_of=mark.as_of,
            level=mark.level,
            previous=previous,
            peak=new_peak,
            reversed=mark.level < peak,
            evidence=mark.evidence,
            note=mark.note,
            recorded=mark.recorded,
            superseded=superseded,
        )
        if not superseded:
            previous, peak = mark.level, new_peak
        if not changes_only or entry.changed:
            entries.append(entry)
    return entries


Change = Literal["rose", "fell", "reversed"]


@dataclass(frozen=True, slots=True)
class ProvisionChange:
    """How one provision moved between two dates."""

    provision: str
    before: int
    after: int
    reversed_before: bool
    reversed_after: bool

    @property
    def change(self) -> Change:
        """By level, "rose" or "fell"; "reversed" when the level is where it was
        but fell below a peak reached in between."""
        if self.after > self.before:
            return "rose"
        if self.after < self.before:
            return "fell"
        return "reversed"


def changes_between(index: Index, agreement: str, start: date, end: date) -> list[ProvisionChange]:
    """Provisions of ``agreement`` that rose, fell or became reversed from ``start`` to ``end``.

    Sorted by provision id. An agreement the index has no provisions for gives
    an empty list (whether it exists at all is the store's question).
    """
    if start > end:
        raise ValueError(f"start {start} is after end {end}")
    d1, d2 = start.toordinal(), end.toordinal()
    changes: list[ProvisionChange] = []
    for i in index.agreements.get(agreement, ()):
        timeline = index.timelines[i]
        a, b = timeline.step(d1), timeline.step(d2)
        before = timeline.levels[a] if a >= 0 else 0
        after = timeline.levels[b] if b >= 0 else 0
        was = a >= 0 and before < timeline.peaks[a]
        now = b >= 0 and after < timeline.peaks[b]
        if before != after or (now and not was):
            changes.append(ProvisionChange(index.provisions[i].id, before, after, was, now))
    return changes

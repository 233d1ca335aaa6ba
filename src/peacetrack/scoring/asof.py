"""Scores and provision states as of one date: one bisect per provision."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from peacetrack.scoring.index import Index
from peacetrack.scoring.inputs import By, check_by
from peacetrack.scoring.rows import TALLY_SIZE, ScoreRow, row_from_tally


@dataclass(frozen=True, slots=True)
class ProvisionState:
    """Where one provision stood on a date."""

    level: int
    peak: int

    @property
    def reversed(self) -> bool:
        return self.level < self.peak


def state(index: Index, provision: str, as_of: date) -> ProvisionState:
    """``level(p, d)`` and ``peak(p, d)``; KeyError for an unknown provision.

    This ignores signing: a provision of an unsigned agreement still has the
    levels its marks give it, it just counts in no score.
    """
    timeline = index.timeline(provision)
    i = timeline.step(as_of.toordinal())
    return ProvisionState(timeline.levels[i], timeline.peaks[i]) if i >= 0 else ProvisionState(0, 0)


def tallies(index: Index, day: int, by: By) -> dict[str, list[int]]:
    """Per group key, how many of its provisions in force on ``day`` are in each state."""
    tally: dict[str, list[int]] = {}
    keys = index.keys[by]
    timelines = index.timelines
    for i in range(index.in_force(day)):
        code = timelines[i].code(day)
        for key in keys[i]:
            counts = tally.get(key)
            if counts is None:
                counts = tally[key] = [0] * TALLY_SIZE
            counts[code] += 1
    return tally


def scores(index: Index, as_of: date, by: By | str = "agreement") -> list[ScoreRow]:
    """docs/scoring.md: one row per non-empty group at ``as_of``, sorted by key."""
    tally = tallies(index, as_of.toordinal(), check_by(by))
    rows = (row_from_tally(key, tally[key]) for key in sorted(tally))
    return [row for row in rows if row is not None]

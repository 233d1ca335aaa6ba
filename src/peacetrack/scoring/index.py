"""The precomputed index every scoring question is answered from.

Built once from a :class:`ScoringInput`: per provision, a date-sorted timeline of
its *effective* steps (date, level, peak), so "where did p stand on d" is one
bisect, plus each provision's group keys for every grouping.

Choice on same-day marks (docs/scoring.md says the last recorded wins): a mark
overtaken on its own ``as_of`` date by a later-recorded one never took effect.
It is a correction, not a state the provision was in, so it does not count
towards ``peak`` either. ``peak(p, d)`` is therefore the highest
``level(p, e)`` over all dates ``e <= d``, which is the literal reading of
"the highest level p had on or before d".
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from operator import attrgetter

from peacetrack.scoring.inputs import MAX_LEVEL, By, Mark, ProvisionInfo, ScoringInput
from peacetrack.scoring.rows import state_code


@dataclass(frozen=True, slots=True)
class Timeline:
    """One provision's effective steps, in date order (one per distinct ``as_of``)."""

    days: tuple[int, ...]
    """``as_of.toordinal()`` of each step, strictly increasing."""
    levels: tuple[int, ...]
    peaks: tuple[int, ...]
    """Highest level reached up to and including each step."""
    codes: tuple[int, ...]
    """Packed (level, reversed) of each step, see :func:`rows.state_code`."""
    marks: tuple[Mark, ...]
    """The winning mark of each step."""
    recorded: tuple[Mark, ...]
    """Every mark of the provision, by (as_of, recorded), superseded ones included."""

    def step(self, day: int) -> int:
        """Position of the step in effect on ``day`` (an ordinal); -1 before the first."""
        return bisect_right(self.days, day) - 1

    def code(self, day: int) -> int:
        i = bisect_right(self.days, day) - 1
        return self.codes[i] if i >= 0 else 0


_BY_DATE_THEN_RECORDED = attrgetter("as_of", "recorded")


def _timeline(marks: list[Mark]) -> Timeline:
    marks.sort(key=_BY_DATE_THEN_RECORDED)
    winners: list[Mark] = []
    days: list[int] = []
    levels: list[int] = []
    peaks: list[int] = []
    codes: list[int] = []
    peak = 0
    last = len(marks) - 1
    # One pass (this runs once per mark of the whole history): a mark followed
    # by one of the same date lost the tie and never took effect.
    for k, mark in enumerate(marks):
        if k < last and marks[k + 1].as_of == mark.as_of:
            if marks[k + 1].recorded == mark.recorded:
                raise ValueError(
                    f"two marks of {mark.provision} as of {mark.as_of} share recorded={mark.recorded}"
                )
            continue
        level = mark.level
        if level > peak:
            peak = level
        winners.append(mark)
        days.append(mark.as_of.toordinal())
        levels.append(level)
        peaks.append(peak)
        codes.append(state_code(level, peak))
    return Timeline(tuple(days), tuple(levels), tuple(peaks), tuple(codes), tuple(winners), tuple(marks))


def _ancestry(
    themes: Iterable[str], parents: Mapping[str, str | None], memo: dict[str, tuple[str, ...]]
) -> tuple[str, ...]:
    """The themes and all their ancestors, each once, in first-seen order."""
    seen: dict[str, None] = {}
    for theme in themes:
        chain = memo.get(theme)
        if chain is None:
            links: list[str] = []
            current: str | None = theme
            # A cycle in bad data must not hang scoring: stop at a repeat.
            while current is not None and current not in links:
                links.append(current)
                current = parents.get(current)
            chain = memo[theme] = tuple(links)
        seen.update(dict.fromkeys(chain))
    return tuple(seen)


@dataclass(frozen=True, slots=True, eq=False)
class Index:
    """Everything scoring needs, precomputed. Immutable; build with :meth:`build`."""

    provisions: tuple[ProvisionInfo, ...]
    """Sorted by (signing date, id), so the provisions in force on a date are a prefix."""
    signed_days: tuple[int, ...]
    """``provisions[i].signed.toordinal()``, ascending."""
    timelines: tuple[Timeline, ...]
    position: Mapping[str, int]
    """Provision id → position in :attr:`provisions`."""
    keys: Mapping[By, tuple[tuple[str, ...], ...]]
    """Per grouping, per provision position: the keys of the groups it belongs to."""
    agreements: Mapping[str, tuple[int, ...]]
    """Agreement id → positions of its provisions, by provision id."""

    @classmethod
    def build(cls, data: ScoringInput) -> Index:
        infos = sorted(data.provisions, key=lambda p: (p.signed, p.id))
        position: dict[str, int] = {}
        signed: dict[str, date] = {}
        for i, info in enumerate(infos):
            if info.id in position:
                raise ValueError(f"provision {info.id} is given twice")
            position[info.id] = i
            if signed.setdefault(info.agreement, info.signed) != info.signed:
                raise ValueError(
                    f"agreement {info.agreement} has two signing dates: "
                    f"{signed[info.agreement]} and {info.signed}"
                )
        grouped: list[list[Mark]] = [[] for _ in infos]
        levels = frozenset(range(MAX_LEVEL + 1))
        for mark in data.marks:
            at = position.get(mark.provision)
            if at is None:
                raise ValueError(f"mark for unknown provision {mark.provision}")
            if mark.level not in levels or isinstance(mark.level, bool):
                raise ValueError(
                    f"level of {mark.provision} as of {mark.as_of} must be 0-3, got {mark.level}"
                )
            grouped[at].append(mark)
        memo: dict[str, tuple[str, ...]] = {}
        keys: dict[By, tuple[tuple[str, ...], ...]] = {
            "agreement": tuple((p.agreement,) for p in infos),
            "theme": tuple(_ancestry(p.themes, data.theme_parents, memo) for p in infos),
            "party": tuple(tuple(dict.fromkeys(p.responsible)) for p in infos),
        }
        agreements: dict[str, list[int]] = {}
        for i in sorted(range(len(infos)), key=lambda i: infos[i].id):
            agreements.setdefault(infos[i].agreement, []).append(i)
        return cls(
            provisions=tuple(infos),
            signed_days=tuple(p.signed.toordinal() for p in infos),
            timelines=tuple(_timeline(marks) for marks in grouped),
            position=position,
            keys=keys,
            agreements={a: tuple(ps) for a, ps in agreements.items()},
        )

    def in_force(self, day: int) -> int:
        """How many provisions (a prefix of :attr:`provisions`) are signed by ``day``."""
        return bisect_right(self.signed_days, day)

    def timeline(self, provision: str) -> Timeline:
        at = self.position.get(provision)
        if at is None:
            raise KeyError(f"unknown provision {provision}")
        return self.timelines[at]

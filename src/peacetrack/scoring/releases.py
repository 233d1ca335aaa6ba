"""Score releases, pure part: frozen named snapshots, their JSON form, and diffs.

A release fixes what was published ("end of 2019"): the rows of every grouping
and each provision's level as of one date. Later edits to assessments change
the live scores, never a release; :func:`diff` says what moved between two.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Final, TypedDict

from peacetrack.scoring.asof import scores
from peacetrack.scoring.index import Index
from peacetrack.scoring.inputs import BYS, MAX_LEVEL, By
from peacetrack.scoring.rows import REVERSED, ScoreRow, ScoreRowJSON

RELEASE_FORMAT: Final = "peacetrack-release/1"


class ReleaseJSON(TypedDict):
    format: str
    name: str
    as_of: str
    scores: dict[str, list[ScoreRowJSON]]
    levels: dict[str, int]
    reversed: list[str]


@dataclass(frozen=True, slots=True)
class Release:
    name: str
    as_of: date
    rows: dict[By, tuple[ScoreRow, ...]]
    """Per grouping, the rows of :func:`asof.scores`, sorted by key."""
    levels: dict[str, int]
    """Level of every provision counted at ``as_of`` (agreement signed)."""
    reversed: frozenset[str]
    """The provisions among :attr:`levels` that stood reversed."""

    def to_json(self) -> ReleaseJSON:
        return {
            "format": RELEASE_FORMAT,
            "name": self.name,
            "as_of": self.as_of.isoformat(),
            "scores": {by: [row.to_json() for row in self.rows[by]] for by in BYS},
            "levels": {p: self.levels[p] for p in sorted(self.levels)},
            "reversed": sorted(self.reversed),
        }

    @classmethod
    def from_json(cls, data: Any) -> Release:
        """The inverse of :meth:`to_json`; raises ValueError naming what is wrong."""
        if not isinstance(data, dict):
            raise ValueError("a release must be a JSON object")
        if data.get("format") != RELEASE_FORMAT:
            raise ValueError(f"release format must be {RELEASE_FORMAT!r}, got {data.get('format')!r}")
        name, as_of, rows, levels, reversed_ = (
            data.get("name"),
            data.get("as_of"),
            data.get("scores"),
            data.get("levels"),
            data.get("reversed"),
        )
        if not isinstance(name, str) or not name.strip():
            raise ValueError("release name must be a non-empty string")
        try:
            day = date.fromisoformat(as_of) if isinstance(as_of, str) else None
        except ValueError:
            day = None
        if day is None:
            raise ValueError(f"release as_of must be a date YYYY-MM-DD, got {as_of!r}")
        if not isinstance(rows, dict) or sorted(rows) != sorted(BYS):
            raise ValueError(f"release scores must have exactly the groupings {', '.join(BYS)}")
        parsed: dict[By, tuple[ScoreRow, ...]] = {}
        for by in BYS:
            if not isinstance(rows[by], list):
                raise ValueError(f"release scores.{by} must be a list")
            parsed[by] = tuple(sorted((ScoreRow.from_json(r) for r in rows[by]), key=lambda r: r.key))
        if not isinstance(levels, dict) or not all(
            isinstance(v, int) and not isinstance(v, bool) and 0 <= v <= MAX_LEVEL for v in levels.values()
        ):
            raise ValueError("release levels must map provision ids to levels 0-3")
        if not isinstance(reversed_, list) or not all(isinstance(p, str) and p in levels for p in reversed_):
            raise ValueError("release reversed must list provisions that have levels")
        return cls(name, day, parsed, dict(levels), frozenset(reversed_))


def make_release(index: Index, name: str, as_of: date) -> Release:
    """Freeze the scores of every grouping, and the provision levels, as of ``as_of``."""
    if not name.strip():
        raise ValueError("a release needs a name")
    day = as_of.toordinal()
    levels: dict[str, int] = {}
    reversed_: set[str] = set()
    for i in range(index.in_force(day)):
        code = index.timelines[i].code(day)
        pid = index.provisions[i].id
        levels[pid] = code % REVERSED
        if code >= REVERSED:
            reversed_.add(pid)
    return Release(
        name=name,
        as_of=as_of,
        rows={by: tuple(scores(index, as_of, by)) for by in BYS},
        levels=dict(sorted(levels.items())),
        reversed=frozenset(reversed_),
    )


@dataclass(frozen=True, slots=True)
class ScoreChange:
    """A group whose score differs between two releases (None: absent from one)."""

    by: By
    key: str
    before: float | None
    after: float | None

    @property
    def delta(self) -> float | None:
        if self.before is None or self.after is None:
            return None
        # In tenths, so 52.8 - 41.7 is 11.1, not 11.099999999999994.
        return (round(self.after * 10) - round(self.before * 10)) / 10


@dataclass(frozen=True, slots=True)
class LevelChange:
    """A provision whose level or reversal differs (None: not counted in one release)."""

    provision: str
    before: int | None
    after: int | None
    reversed_before: bool
    reversed_after: bool


@dataclass(frozen=True, slots=True)
class ReleaseDiff:
    before: str
    after: str
    scores: tuple[ScoreChange, ...]
    """Sorted by grouping (agreement, theme, party), then key."""
    levels: tuple[LevelChange, ...]
    """Sorted by provision id."""

    def to_json(self) -> dict[str, Any]:
        return {
            "before": self.before,
            "after": self.after,
            "scores": [
                {"by": c.by, "key": c.key, "before": c.before, "after": c.after, "delta": c.delta}
                for c in self.scores
            ],
            "levels": [
                {
                    "provision": c.provision,
                    "before": c.before,
                    "after": c.after,
                    "reversed_before": c.reversed_before,
                    "reversed_after": c.reversed_after,
                }
                for c in self.levels
            ],
        }


def diff(a: Release, b: Release) -> ReleaseDiff:
    """What changed from release ``a`` to release ``b``."""
    score_changes: list[ScoreChange] = []
    for by in BYS:
        old = {row.key: row.score for row in a.rows[by]}
        new = {row.key: row.score for row in b.rows[by]}
        for key in sorted(old.keys() | new.keys()):
            if old.get(key) != new.get(key) or (key in old) != (key in new):
                score_changes.append(ScoreChange(by, key, old.get(key), new.get(key)))
    level_changes: list[LevelChange] = []
    for pid in sorted(a.levels.keys() | b.levels.keys()):
        before, after = a.levels.get(pid), b.levels.get(pid)
        was, now = pid in a.reversed, pid in b.reversed
        if before != after or was != now:
            level_changes.append(LevelChange(pid, before, after, was, now))
    return ReleaseDiff(a.name, b.name, tuple(score_changes), tuple(level_changes))

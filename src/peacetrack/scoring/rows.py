"""Score rows and the rounding rule of docs/scoring.md."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, TypedDict

from peacetrack.scoring.inputs import MAX_LEVEL

LEVEL_KEYS: tuple[str, ...] = tuple(str(level) for level in range(MAX_LEVEL + 1))

# A provision's state at a date, packed in one small int so that a group's
# tally is a plain list indexed by it: level + REVERSED if level < peak.
REVERSED = MAX_LEVEL + 1
STATES = 2 * REVERSED
# Tallies carry one extra slot, STATES, that absorbs the "old state" of a
# provision entering a group (see series.py), so the sweep needs no branch.
ABSENT = STATES
TALLY_SIZE = STATES + 1


def state_code(level: int, peak: int) -> int:
    return level + REVERSED if level < peak else level


class ScoreRowJSON(TypedDict):
    key: str
    score: float
    provisions: int
    reversed: int
    levels: dict[str, int]


def round_score(level_sum: int, provisions: int) -> float:
    """``round(100 * level_sum / (3 * provisions), 1)``, halves rounded up.

    Computed on integers, so it is ROUND_HALF_UP applied to the exact fraction:
    neither float representation (66.65 stored as 66.6499…) nor Python's
    round-half-to-even (round(1.25, 1) == 1.2) can move a score by 0.1.
    """
    if provisions <= 0:
        raise ValueError("a score needs at least one provision")
    if level_sum < 0:
        raise ValueError("levels are never negative")
    denominator = MAX_LEVEL * provisions
    # tenths = floor(1000 * sum / denominator + 1/2), all in integers.
    tenths = (2000 * level_sum + denominator) // (2 * denominator)
    return tenths / 10


@dataclass(frozen=True, slots=True)
class ScoreRow:
    """One scored set S at one date (one line of ``peacetrack score``)."""

    key: str
    score: float
    provisions: int
    reversed: int
    levels: dict[str, int]
    """How many provisions stand at each level, keys "0" to "3"."""

    def to_json(self) -> ScoreRowJSON:
        return {
            "key": self.key,
            "score": self.score,
            "provisions": self.provisions,
            "reversed": self.reversed,
            "levels": {k: self.levels.get(k, 0) for k in LEVEL_KEYS},
        }

    @classmethod
    def from_json(cls, data: Any) -> ScoreRow:
        """The inverse of :meth:`to_json`; raises ValueError on anything else."""
        if not isinstance(data, dict):
            raise ValueError(f"a score row must be an object, got {type(data).__name__}")
        try:
            key, score, provisions, reversed_, levels = (
                data["key"],
                data["score"],
                data["provisions"],
                data["reversed"],
                data["levels"],
            )
        except KeyError as missing:
            raise ValueError(f"score row lacks {missing}") from None
        if (
            not isinstance(key, str)
            or isinstance(score, bool)
            or not isinstance(score, int | float)
            or not _count(provisions)
            or not _count(reversed_)
            or not isinstance(levels, dict)
            or sorted(levels) != sorted(LEVEL_KEYS)
            or not all(_count(v) for v in levels.values())
        ):
            raise ValueError(f"malformed score row {data!r}")
        return cls(key, float(score), provisions, reversed_, {k: levels[k] for k in LEVEL_KEYS})


def _count(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def row_from_tally(key: str, tally: Sequence[int]) -> ScoreRow | None:
    """The row of a group from its tally of provision states; None if empty."""
    # Unrolled for the 0-3 scale (checked below at import): a series builds
    # one row per group per period, so this is the sweep's inner cost.
    h0, h1, h2, h3 = tally[0] + tally[4], tally[1] + tally[5], tally[2] + tally[6], tally[3] + tally[7]
    provisions = h0 + h1 + h2 + h3
    if provisions == 0:
        return None
    return ScoreRow(
        key,
        round_score(h1 + 2 * h2 + 3 * h3, provisions),
        provisions,
        tally[4] + tally[5] + tally[6] + tally[7],
        {"0": h0, "1": h1, "2": h2, "3": h3},
    )


if (MAX_LEVEL, REVERSED, LEVEL_KEYS) != (3, 4, ("0", "1", "2", "3")):
    raise ImportError("row_from_tally is written for levels 0-3")

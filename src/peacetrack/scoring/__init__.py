"""Implementation scores (docs/scoring.md), pure: plain inputs in, rows out.

Build an :class:`Index` once from a :class:`ScoringInput`, then ask it for
scores as of a date, series over period ends, provision histories and
releases. Nothing here touches the database.
"""

from peacetrack.scoring.asof import ProvisionState, scores, state
from peacetrack.scoring.history import Change, HistoryEntry, ProvisionChange, changes_between, history
from peacetrack.scoring.index import Index, Timeline
from peacetrack.scoring.inputs import BYS, FREQS, By, Freq, Mark, ProvisionInfo, ScoringInput
from peacetrack.scoring.releases import (
    RELEASE_FORMAT,
    LevelChange,
    Release,
    ReleaseDiff,
    ScoreChange,
    diff,
    make_release,
)
from peacetrack.scoring.rows import ScoreRow, ScoreRowJSON, round_score
from peacetrack.scoring.series import Series, period_ends, series

__all__ = [
    "BYS",
    "FREQS",
    "RELEASE_FORMAT",
    "By",
    "Change",
    "Freq",
    "HistoryEntry",
    "Index",
    "LevelChange",
    "Mark",
    "ProvisionChange",
    "ProvisionInfo",
    "ProvisionState",
    "Release",
    "ReleaseDiff",
    "ScoreChange",
    "ScoreRow",
    "ScoreRowJSON",
    "ScoringInput",
    "Series",
    "Timeline",
    "changes_between",
    "diff",
    "history",
    "make_release",
    "period_ends",
    "round_score",
    "scores",
    "series",
    "state",
]

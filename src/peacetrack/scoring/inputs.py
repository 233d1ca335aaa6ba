"""Plain in-memory inputs of the scoring engine (docs/scoring.md).

The store fills these from one query; nothing here knows about the database.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Final, Literal, get_args

By = Literal["agreement", "theme", "party"]
"""How provisions are grouped into the sets S that are scored."""

Freq = Literal["monthly", "quarterly", "yearly"]
"""Spacing of the period ends of a score series."""

BYS: Final[tuple[By, ...]] = get_args(By)
FREQS: Final[tuple[Freq, ...]] = get_args(Freq)

MAX_LEVEL: Final = 3
"""0 not initiated, 1 minimal, 2 intermediate, 3 full implementation."""


@dataclass(frozen=True, slots=True)
class ProvisionInfo:
    """A provision as scoring sees it: where it belongs, not what it says."""

    id: str
    agreement: str
    signed: date
    """Signing date of its agreement; before it the provision counts nowhere."""
    themes: tuple[str, ...] = ()
    responsible: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Mark:
    """One assessment: provision ``provision`` stood at ``level`` as of ``as_of``."""

    provision: str
    as_of: date
    level: int
    recorded: int
    """Monotonic recording order; on equal ``as_of`` the higher one wins."""
    evidence: tuple[str, ...] = ()
    note: str | None = None


@dataclass(frozen=True, slots=True)
class ScoringInput:
    provisions: Sequence[ProvisionInfo]
    marks: Sequence[Mark]
    theme_parents: Mapping[str, str | None]
    """Theme id → parent theme id (None for a root)."""


def check_by(by: str) -> By:
    """``by`` as a checked :data:`By` (callers pass user strings through here)."""
    for known in BYS:
        if by == known:
            return known
    raise ValueError(f"unknown grouping {by!r}: expected one of {', '.join(BYS)}")


def check_freq(freq: str) -> Freq:
    for known in FREQS:
        if freq == known:
            return known
    raise ValueError(f"unknown frequency {freq!r}: expected one of {', '.join(FREQS)}")

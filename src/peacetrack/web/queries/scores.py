"""Scores, series and provision histories for the pages, built once per data version.

The scoring index is built from the whole database; the app's
:class:`~peacetrack.web.deps.VersionedCache` keeps it until the next write.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from peacetrack.scoring import HistoryEntry, Index, ScoreRow, Series, history, scores, series, state
from peacetrack.scoring.load import Lang
from peacetrack.store import Store
from peacetrack.web.api.common import build_index, index_key
from peacetrack.web.deps import VersionedCache

SERIES_START = date(2018, 1, 1)
"""The trajectories start here: the first case follows the process since 2018."""


def index(store: Store, cache: VersionedCache, lang: Lang) -> Index:
    """The same cached index the API answers from (one build per data version and language)."""
    built: Index = cache.get(index_key(lang), lambda: build_index(store, lang))
    return built


def monthly(store: Store, cache: VersionedCache, by: str, end: date) -> Series:
    """Monthly score series by ``by`` from 2018 to the last complete month before ``end``."""
    idx = index(store, cache, "en")

    def build() -> Series:
        return series(idx, by, "monthly", SERIES_START, end) if end >= SERIES_START else {}

    built: Series = cache.get(f"pages:series:{by}:{end.isoformat()}", build)
    return built


def rows(idx: Index, as_of: date, by: str) -> list[ScoreRow]:
    return scores(idx, as_of, by)


@dataclass(frozen=True, slots=True)
class ProvisionStatus:
    """Where a provision stood on a date, with the steps that led there."""

    id: str
    level: int
    peak: int
    reversed: bool
    reversed_since: date | None
    """Date of the step from which the provision has stood below its peak, when reversed."""
    current: HistoryEntry | None
    """The assessment in effect on the date."""
    steps: list[HistoryEntry]
    """Every assessment that took effect, all dates (not only up to the date)."""


def status(idx: Index, pid: str, as_of: date) -> ProvisionStatus | None:
    """None for a provision the index does not know (its agreement is not accepted)."""
    try:
        st = state(idx, pid, as_of)
    except KeyError:
        return None
    steps = history(idx, pid)
    current: HistoryEntry | None = None
    since: date | None = None
    for entry in steps:
        if entry.as_of > as_of:
            break
        current = entry
        # The run of reversed steps that reaches the date started at its first step.
        since = (since or entry.as_of) if entry.reversed else None
    return ProvisionStatus(
        pid, st.level, st.peak, st.reversed, since if st.reversed else None, current, steps
    )

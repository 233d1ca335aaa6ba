"""Scores, series and provision histories for the pages, built once per data version.

The scoring index is built from the whole database; the app's
:class:`~peacetrack.web.deps.VersionedCache` keeps it until the next write.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from peacetrack.model.languages import Lang
from peacetrack.scoring import HistoryEntry, Index, ScoreRow, Series, history, scores, series, state
from peacetrack.store import Store
from peacetrack.store.processes import process_agreements
from peacetrack.store.scoring_reads import first_signed
from peacetrack.web.api.common import build_index, index_key
from peacetrack.web.deps import VersionedCache


def index(store: Store, cache: VersionedCache, lang: Lang, process: str | None = None) -> Index:
    """The same cached index the API answers from (one build per data version, language and scope)."""
    built: Index = cache.get(index_key(lang, process), lambda: build_index(store, lang, process))
    return built


def series_start(store: Store, cache: VersionedCache, process: str | None = None) -> date:
    """The trajectories start on 1 January of the year the first agreement (of the process) was signed."""

    def read() -> date:
        with store.read() as conn:
            scope = process_agreements(conn, process) if process else None
            first = first_signed(conn, scope)
        return date((first or date.today()).year, 1, 1)

    found: date = cache.get(f"pages:series-start:{process or ''}", read)
    return found


def monthly(store: Store, cache: VersionedCache, by: str, end: date, process: str | None = None) -> Series:
    """Monthly score series by ``by``, from the first signing year to the last month end before ``end``."""
    idx = index(store, cache, "en", process)
    start = series_start(store, cache, process)

    def build() -> Series:
        return series(idx, by, "monthly", start, end) if end >= start else {}

    built: Series = cache.get(f"pages:series:{by}:{end.isoformat()}:{process or ''}", build)
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

"""Scores (docs/scoring.md) as of a date, and score series for charts."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from sqlalchemy import Connection

from peacetrack.scoring import By, Freq, ScoreRow, scores
from peacetrack.scoring.series import series_document
from peacetrack.store.processes import process_agreements
from peacetrack.store.scoring_reads import first_signed, group_names
from peacetrack.web.api.common import scoring_index, scoring_index_async, store_of, text_map
from peacetrack.web.api.schemas import ScoreRowOut, SeriesOut, TextMap
from peacetrack.web.errors import ApiError, ProblemOut

reads = APIRouter(tags=["scores"])

MAX_POINTS = 1200
"""A series has at most this many period ends (a century of months)."""

AsOf = Annotated[date | None, Query(description="The date to score at (YYYY-MM-DD); default today.")]
ProcessQuery = Annotated[
    str | None, Query(description="Only this peace process's agreements (see GET /api/processes).")
]
ByQuery = Annotated[
    By, Query(description="Group provisions by agreement, theme (with descendants) or party.")
]


def row_json(row: ScoreRow) -> dict[str, Any]:
    return dict(row.to_json())


@reads.get(
    "/api/scores",
    response_model=list[ScoreRowOut],
    summary="Implementation scores as of a date",
    description="Exactly the rows of `peacetrack score --format json` (docs/scoring.md), sorted by key.",
)
async def get_scores(
    request: Request, as_of: AsOf = None, by: ByQuery = "agreement", process: ProcessQuery = None
) -> list[dict[str, Any]]:
    # Async: with the index cached this is pure computation, no thread hop needed.
    index = await scoring_index_async(request, process)
    return [row_json(r) for r in scores(index, as_of or date.today(), by)]


def group_maps(conn: Connection, by: By) -> dict[str, TextMap]:
    return {key: text_map(en, ko) for key, en, ko in group_names(conn, by)}


def _too_many(start: date, end: date, freq: Freq) -> bool:
    months = (end.year - start.year) * 12 + end.month - start.month
    return months // {"monthly": 1, "quarterly": 3, "yearly": 12}[freq] > MAX_POINTS


@reads.get(
    "/api/scores/series",
    response_model=SeriesOut,
    summary="Score series over period ends (for charts)",
    description=(
        "Each group's score row at every calendar period end (month, quarter or year) from `from` to "
        "`to`. A group is absent at dates where it is empty (its agreement not yet signed)."
    ),
)
def get_series(
    request: Request,
    by: ByQuery = "agreement",
    freq: Annotated[Freq, Query(description="Spacing of the points.")] = "monthly",
    start: Annotated[
        date | None, Query(alias="from", description="First day; default the first signing date.")
    ] = None,
    end: Annotated[date | None, Query(alias="to", description="Last day; default today.")] = None,
    process: ProcessQuery = None,
) -> dict[str, Any]:
    store = store_of(request)
    end = end or date.today()
    if start is None:
        with store.read() as conn:
            scope = process_agreements(conn, process) if process else None
            start = first_signed(conn, scope) or end
    if start > end:
        raise ApiError(
            422, "invalid", "`from` is after `to`", [ProblemOut(path="query.from", reason=f"{start} > {end}")]
        )
    if _too_many(start, end, freq):
        raise ApiError(
            422,
            "invalid",
            f"more than {MAX_POINTS} points: choose a shorter range or a coarser freq",
            [ProblemOut(path="query.freq", reason=f"{freq} from {start} to {end} is too many points")],
        )
    index = scoring_index(request, process)
    with store.read() as conn:
        names = group_maps(conn, by)
    return series_document(index, by, freq, start, end, names)

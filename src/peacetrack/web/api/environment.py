"""The security environment (issue 16): the index by period, and against implementation."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from pydantic import BaseModel

from peacetrack.environment.service import behind, behind_json, index_rows, row_json, versus_json
from peacetrack.model.languages import Lang
from peacetrack.web.api.common import scoring_index, store_of
from peacetrack.web.queries.environment import climate_of

reads = APIRouter(tags=["security environment"])


class WhyOut(BaseModel):
    base: float
    rule: str | None
    effect: str | None
    shift: float
    factor: float


class BehindOut(BaseModel):
    id: str
    date: date
    title: str
    type: str
    weight: float
    why: WhyOut


class EnvironmentRowOut(BaseModel):
    period: str
    index: float | None
    cooperation: float | None
    conflict: float | None
    events: int
    thin: bool
    smoothed: float | None = None
    event_list: list[BehindOut] | None = None


class QuarterOut(BaseModel):
    quarter: str
    index: float | None
    index_before: float | None
    reversals: int
    rises: int


class CorrelationOut(BaseModel):
    r: float | None
    n: int


class VersusOut(BaseModel):
    quarters: list[QuarterOut]
    correlation: CorrelationOut


@reads.get(
    "/api/environment",
    response_model=list[EnvironmentRowOut],
    response_model_exclude_unset=True,
    summary="The security environment index by period",
    description=(
        "Exactly `peacetrack environment --format json`: per period, `index` (cooperation − conflict "
        "of the events bearing on the pairs of parties; positive is cooperative), its parts, the number of "
        "events and `thin` (fewer than the codebook's minimum). A period without events has `index` null. "
        "`dyad=A-B` picks one pair (default: every pair of parties to one agreement); `events=true` lists "
        "each period's events with their weights (docs/environment.md)."
    ),
)
def get_environment(
    request: Request,
    dyad: Annotated[str | None, Query(description="Two actor ids joined by '-', e.g. kor-prk.")] = None,
    by: Annotated[Literal["day", "week", "month"], Query(description="The period.")] = "month",
    start: Annotated[
        date | None, Query(alias="from", description="First day; default the first event.")
    ] = None,
    end: Annotated[date | None, Query(alias="to", description="Last day; default today.")] = None,
    smooth: Annotated[int, Query(ge=1, le=60, description="Trailing average over N periods.")] = 1,
    events: Annotated[bool, Query(description="List each period's events.")] = False,
    lang: Annotated[Lang, Query(description="Language of the event titles.")] = "en",
) -> list[dict[str, Any]]:
    cl = climate_of(store_of(request), request.app.state.cache, lang)
    out: list[dict[str, Any]] = []
    for row in index_rows(cl, dyad=dyad, by=by, start=start, end=end, smooth=smooth):
        item = row_json(row, smoothed=smooth > 1)
        if events:
            item["event_list"] = [behind_json(b) for b in behind(cl, row, dyad=dyad)]
        out.append(item)
    return out


@reads.get(
    "/api/environment/versus",
    response_model=VersusOut,
    summary="Reversals of each quarter against the index of the quarter before",
    description="Exactly `peacetrack environment versus --format json`; its limits: docs/environment.md.",
)
def get_versus(request: Request) -> dict[str, Any]:
    cl = climate_of(store_of(request), request.app.state.cache, "en")
    return versus_json(cl, scoring_index(request))

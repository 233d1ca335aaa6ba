"""Linking over HTTP: the provisions a text most likely bears on (docs/linking.md)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from starlette.concurrency import run_in_threadpool

from peacetrack.link import EffectCues, IndexCache, LinkIndex, link_rows
from peacetrack.web.api.common import store_of, version_of
from peacetrack.web.api.schemas import LinkOut
from peacetrack.web.deps import VersionedCache
from peacetrack.web.errors import ApiError, ProblemOut

reads = APIRouter(tags=["link"])

INDEX_KEY = "link-index"
MAX_TOP = 50


def link_index(request: Request) -> LinkIndex:
    """The link index of the current data: after a write, only changed provisions and events
    are tokenised again (the app's :class:`IndexCache` keeps term counts between versions)."""
    cache: VersionedCache = request.app.state.cache
    indexes: IndexCache = request.app.state.link_indexes
    store = store_of(request)
    index: LinkIndex = cache.get_at(version_of(request), INDEX_KEY, lambda: indexes.for_store(store))
    return index


def effect_cues(request: Request) -> EffectCues:
    cues: EffectCues = request.app.state.effect_cues
    return cues


def _link(request: Request, text: str, top: int) -> dict[str, Any]:
    return {"text": text, "results": link_rows(text, link_index(request), top, cues=effect_cues(request))}


@reads.get(
    "/api/link",
    response_model=LinkOut,
    response_model_by_alias=True,
    summary="Provisions a text most likely bears on",
    description=(
        "Ranks the provisions by how likely `text` (English or Korean: an event description, a news "
        "lead, a demand) bears on them, as `peacetrack link --format json`: BM25 over provision texts, "
        "keywords, themes and agreement names, plus the coded events the text resembles. Each row "
        "names the words that matched, the similar coded events and an effect proposed from cue words."
    ),
)
async def get_link(
    request: Request,
    text: Annotated[str, Query(min_length=1, max_length=4000, description="The text to link.")],
    top: Annotated[int, Query(ge=1, le=MAX_TOP, description="How many provisions to list.")] = 5,
) -> dict[str, Any]:
    needle = text.strip()
    if not needle:
        reason = "the text is empty: give the words to link"
        raise ApiError(422, "invalid", f"text: {reason}", [ProblemOut(path="query.text", reason=reason)])
    # Tokenising and (after a write) updating the index are CPU work: off the event loop.
    return await run_in_threadpool(_link, request, needle, top)

"""The linker for people: paste a text, see the provisions it most likely bears on.

The same ranking as ``peacetrack link`` and ``GET /api/link``, rendered as a
table that the review page shares (a proposed event's candidates).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from typing import Final

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from peacetrack.link import EffectCues, LinkIndex, link_rows
from peacetrack.model.codebook import Effect
from peacetrack.web.api.link import effect_cues, link_index
from peacetrack.web.deps import Lang, get_lang
from peacetrack.web.pages.kit import render

router = APIRouter()

MAX_TEXT: Final = 4000
"""As ``GET /api/link``: a paragraph or a few, not a whole document."""
TOP: Final = 5


@dataclass(frozen=True, slots=True)
class Candidate:
    """A provision the linker proposes for a text."""

    provision: str
    text: dict[str, str]
    matched: list[str]
    score: float
    effect: Effect
    cue: str | None
    precedent: str | None
    linked: bool
    """Whether the record under review already names this provision among its effects."""


def link_candidates(
    text: str, index: LinkIndex, cues: EffectCues, linked: Collection[str] = (), top: int = TOP
) -> list[Candidate]:
    if not text.strip() or not len(index):
        return []
    return [
        Candidate(
            provision=row["provision"],
            text=row["text"],
            matched=row["matched"][:6],
            score=row["score"],
            effect=Effect(row["effect"]["effect"]),
            cue=row["effect"]["cue"],
            precedent=row["effect"]["precedent"],
            linked=row["provision"] in linked,
        )
        for row in link_rows(text, index, top, cues=cues)
    ]


@router.get("/link")
def link_page(request: Request, text: str = "", lang: Lang = Depends(get_lang)) -> Response:
    text = text.strip()[:MAX_TEXT]
    index = link_index(request)
    found = link_candidates(text, index, effect_cues(request)) if text else []
    return render(
        request,
        lang,
        "link.html",
        {"text": text, "found": found, "max_text": MAX_TEXT, "empty": not len(index)},
    )

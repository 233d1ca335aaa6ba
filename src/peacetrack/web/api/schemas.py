"""Response models of the JSON API: what /openapi.json promises, field by field.

Text people read is a language map (``{"en": ..., "ko": ...}``, English always
there), as in bundles; codes (event types, effects, kinds) are the codebook's
codes, labelled in both languages by ``GET /api/codebook``. References to other
records carry the id and the name, so a client needs no second request to
label them.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from peacetrack.model.codebook import (
    ActorKind,
    Effect,
    EventType,
    Precision,
)

TextMap = dict[str, str]
"""A language map: English (``en``) always, Korean (``ko``) where known."""

Level = Literal[0, 1, 2, 3]


class Out(BaseModel):
    model_config = ConfigDict(extra="forbid")


# --- references --------------------------------------------------------------------------------


class ActorRef(Out):
    id: str
    kind: ActorKind
    name: TextMap


class ThemeRef(Out):
    id: str
    name: TextMap


class AgreementRef(Out):
    id: str
    title: TextMap
    signed: dt.date


class ProvisionRef(Out):
    id: str
    agreement: str
    ref: str
    text: TextMap


# --- scores ------------------------------------------------------------------------------------


class LevelCounts(Out):
    model_config = ConfigDict(extra="forbid", populate_by_name=True, serialize_by_alias=True)

    level_0: int = Field(alias="0", ge=0, description="Not initiated")
    level_1: int = Field(alias="1", ge=0, description="Minimal")
    level_2: int = Field(alias="2", ge=0, description="Intermediate")
    level_3: int = Field(alias="3", ge=0, description="Full implementation")


class ScoreRowOut(Out):
    """One scored set S at one date (docs/scoring.md), exactly as ``score --format json``."""

    key: str = Field(description="Agreement, theme or actor id, per `by`.")
    score: float = Field(ge=0, le=100)
    provisions: int = Field(ge=1)
    reversed: int = Field(ge=0)
    levels: LevelCounts


class SeriesPoint(Out):
    date: dt.date
    score: float = Field(ge=0, le=100)
    provisions: int = Field(ge=1)
    reversed: int = Field(ge=0)
    levels: LevelCounts


class SeriesLine(Out):
    key: str
    name: TextMap
    points: list[SeriesPoint]


class SeriesOut(Out):
    model_config = ConfigDict(extra="forbid", populate_by_name=True, serialize_by_alias=True)

    by: Literal["agreement", "theme", "party"]
    freq: Literal["monthly", "quarterly", "yearly"]
    start: dt.date = Field(alias="from")
    end: dt.date = Field(alias="to")
    dates: list[dt.date] = Field(description="Every period end in the range, in order.")
    series: list[SeriesLine]


# --- agreements and provisions -----------------------------------------------------------------


class AgreementSummary(Out):
    id: str
    title: TextMap
    signed: dt.date
    parties: list[ActorRef]
    place: str | None = None
    source: str | None = None
    provisions: int = Field(ge=0, description="How many provisions it has.")
    score: ScoreRowOut | None = Field(description="Its score as of `as_of`; null before it was signed.")


class ProvisionFields(Out):
    """A provision's own fields, as every answer about it gives them."""

    id: str
    ref: str
    text: TextMap
    themes: list[ThemeRef]
    responsible: list[ActorRef]
    due: dt.date | None = None
    keywords: list[str] = Field(default_factory=list)


class ProvisionState(ProvisionFields):
    level: Level = Field(description="level(p, as_of), docs/scoring.md.")
    peak: Level = Field(description="The highest level reached on or before as_of.")
    reversed: bool = Field(description="level < peak.")
    assessed: dt.date | None = Field(description="as_of of the assessment in effect; null: never assessed.")


class AgreementDetail(Out):
    id: str
    title: TextMap
    signed: dt.date
    parties: list[ActorRef]
    signatories: list[ActorRef]
    place: str | None = None
    source: str | None = None
    aliases: list[str] = Field(default_factory=list)
    status: str
    as_of: dt.date
    score: ScoreRowOut | None
    provisions: list[ProvisionState]


class SourceOut(Out):
    url: str
    title: str | None = None
    publisher: str | None = None
    published: dt.date | None = None
    category: str | None = None  # the source's own category, else its host's (model/hosts.py)


class EvidenceEvent(Out):
    id: str
    date: dt.date
    title: TextMap
    type: EventType
    sources: list[SourceOut]


class AssessmentEntry(Out):
    """One assessment of a provision, with what it did to the level."""

    id: str
    as_of: dt.date
    level: Level
    previous: Level = Field(description="The level in effect just before (0 before the first).")
    peak: Level = Field(description="Highest level reached up to and including this date.")
    reversed: bool = Field(description="Below the peak reached before it.")
    superseded: bool = Field(description="Overtaken by a later-recorded assessment of the same date.")
    note: TextMap | None = None
    evidence: list[EvidenceEvent]


class ProvisionEvent(Out):
    id: str
    date: dt.date
    title: TextMap
    type: EventType
    effect: Effect


class ProvisionDetail(ProvisionFields):
    agreement: AgreementRef
    as_of: dt.date
    level: Level
    peak: Level
    reversed: bool
    history: list[AssessmentEntry] = Field(description="Every assessment, oldest first, with its evidence.")
    events: list[ProvisionEvent] = Field(
        description="Events linked to this provision, oldest first: the newest 200 when there are more."
    )
    events_total: int = Field(
        description="How many events are linked to this provision in all, counted up to 1,000 "
        "(1,000 means 1,000 or more)."
    )


class ThemeOut(Out):
    id: str
    name: TextMap
    parent: str | None = None
    provisions: int = Field(ge=0, description="Provisions tagged with this theme itself.")


# --- events ------------------------------------------------------------------------------------


class EffectOut(Out):
    provision: str
    effect: Effect


class EventOut(Out):
    id: str
    date: dt.date
    date_end: dt.date | None = None
    precision: Precision | None = None
    title: TextMap
    summary: TextMap | None = None
    type: EventType
    actors: list[ActorRef]
    place: str | None = None
    sources: list[SourceOut]
    effects: list[EffectOut]


class AssessmentRef(Out):
    id: str
    provision: str
    as_of: dt.date
    level: Level


class EventDetail(EventOut):
    status: str
    provisions: list[ProvisionRef] = Field(description="The provisions its effects name.")
    cited_by: list[AssessmentRef] = Field(description="Assessments that give it as evidence.")


class EventPage(Out):
    items: list[EventOut]
    next_cursor: str | None = Field(description="Pass as `cursor` for the next page; null on the last.")
    limit: int


# --- search, codebook, health, writes ----------------------------------------------------------

SearchKind = Literal["events", "provisions", "actors", "statements", "gatherings"]


class SearchHit(Out):
    kind: SearchKind
    id: str
    title: TextMap
    date: dt.date | None = None
    match: str = Field(description="The text that matched (trimmed around the match).")
    href: str = Field(description="The record in this API.")


class SearchOut(Out):
    q: str
    counts: dict[str, int] = Field(description="Matches per kind (before `limit`).")
    results: list[SearchHit]


class EffectProposalOut(Out):
    effect: Effect = Field(description="The effect proposed from cue words; `mentions` when none fired.")
    cue: str | None = Field(description="The cue as written in the text.")
    class_: str | None = Field(alias="class", description="The cue class (destroy, restore, …).")
    span: list[int] | None = Field(description="Character offsets [start, end) of the cue in the text.")
    precedent: str | None = Field(
        description="With no cue (`class` is `precedent`): the coded event whose effect on the provision "
        "was taken instead."
    )


class LinkRow(Out):
    provision: str
    agreement: str
    ref: str
    score: float = Field(description="BM25 sum, higher is closer (not comparable across texts).")
    matched: list[str] = Field(description="Words of the text that matched, by their share of the score.")
    text: TextMap = Field(description="The provision's text.")
    precedents: list[str] = Field(
        description="Coded events linked to this provision that the text resembles, most similar first."
    )
    effect: EffectProposalOut


class LinkOut(Out):
    text: str
    results: list[LinkRow] = Field(description="Best first; the rows of `peacetrack link --format json`.")


class CodeOut(Out):
    code: str
    label: TextMap


class Health(Out):
    status: Literal["ok"]


class ImportCounts(Out):
    inserted: int = Field(ge=0)
    updated: int = Field(ge=0)
    unchanged: int = Field(ge=0)


class ImportResult(Out):
    dry_run: bool
    counts: dict[str, ImportCounts]


class AssessmentOut(Out):
    id: str
    provision: ProvisionRef
    as_of: dt.date
    level: Level
    evidence: list[EvidenceEvent]
    note: TextMap | None = None
    status: str

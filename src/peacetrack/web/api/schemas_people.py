"""Response models of the JSON API for actors, statements and gatherings (the rest: schemas.py)."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from peacetrack.model.codebook import (
    Access,
    ActorKind,
    EventType,
    GatheringMode,
    StatementKind,
)
from peacetrack.web.api.schemas import ActorRef, AgreementRef, Level, Out, ProvisionRef, TextMap, ThemeRef

# --- actors --------------------------------------------------------------------------------------


class ActorSummary(Out):
    id: str
    kind: ActorKind
    name: TextMap
    aliases: list[str] = Field(default_factory=list)
    country: str | None = None


class Commitment(Out):
    provision: ProvisionRef
    level: Level
    reversed: bool


class PartyTo(Out):
    agreement: AgreementRef
    role: Literal["party", "signatory"]


class ActorEvent(Out):
    id: str
    date: dt.date
    title: TextMap
    type: EventType


class ActorStatement(Out):
    id: str
    date: dt.date
    title: TextMap
    kind: StatementKind
    role: Literal["signatory", "addressee"]


class ActorGathering(Out):
    id: str
    start: dt.date
    title: TextMap
    role: Literal["host", "sponsor", "speaker"]


class CoSignatory(Out):
    actor: ActorRef
    statements: int = Field(ge=1, description="How many statements both signed.")


class ActorDetail(Out):
    id: str
    kind: ActorKind
    name: TextMap
    aliases: list[str] = Field(default_factory=list)
    country: str | None = None
    ecosoc_status: str | None = None
    url: str | None = None
    status: str
    member_of: list[ActorRef]
    members: list[ActorRef]
    as_of: dt.date
    commitments: list[Commitment] = Field(description="Provisions naming it responsible, level as of as_of.")
    agreements: list[PartyTo]
    events: list[ActorEvent] = Field(description="Its latest events, newest first (at most 100).")
    events_total: int = Field(ge=0, description="All its events: page through /api/events?actor=ID.")
    statements: list[ActorStatement]
    gatherings: list[ActorGathering]
    co_signatories: list[CoSignatory] = Field(
        description="Actors that signed statements with it, most first."
    )


# --- statements and gatherings -----------------------------------------------------------------


class StatementSummary(Out):
    id: str
    date: dt.date
    title: TextMap
    kind: StatementKind
    signatories: int = Field(ge=0)
    addressees: list[ActorRef]
    source: str | None = None


class DemandOut(Out):
    text: TextMap
    addressee: ActorRef | None = None
    provisions: list[ProvisionRef]
    themes: list[ThemeRef]


class StatementDetail(Out):
    id: str
    date: dt.date
    title: TextMap
    kind: StatementKind
    signatories: list[ActorRef]
    addressees: list[ActorRef]
    demands: list[DemandOut]
    source: str | None = None
    status: str


class StatementPage(Out):
    items: list[StatementSummary]
    next_cursor: str | None
    limit: int


class GatheringFields(Out):
    """What a list of gatherings and one gathering both say of it."""

    id: str
    title: TextMap
    start: dt.date
    end: dt.date
    place: str | None = None
    mode: GatheringMode
    hosts: list[ActorRef]
    attendance: int | None = None


class GatheringSummary(GatheringFields):
    sessions: int = Field(ge=0)


class SessionOut(Out):
    title: TextMap
    access: Access
    date: dt.date | None = None
    topics: list[TextMap]
    speakers: list[ActorRef]
    outputs: list[str]


class GatheringDetail(GatheringFields):
    sponsors: list[ActorRef]
    sessions: list[SessionOut]
    source: str | None = None
    status: str


class GatheringPage(Out):
    items: list[GatheringSummary]
    next_cursor: str | None
    limit: int

"""The records that flow through the ingest pipeline.

Every stage takes records and returns records; all are frozen so a stage can
never change what an earlier stage handed on, and any stage's output can be
saved and inspected on its own. Every extracted value carries a `Mark`: the
character span ``[start, end)`` in the normalised document text and the
extractor (name and version) that found it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from peacetrack.model.codebook import Access, GatheringMode, Precision

# Dates, modes and access use the codebook's own codes (declared once, in model/codebook.py).
Mode = GatheringMode
AccessCode = Access
Kind = Literal["open_letter", "conference_report", "programme", "news", "agreement", "statement", "other"]

KINDS: tuple[Kind, ...] = (
    "open_letter",
    "conference_report",
    "programme",
    "news",
    "agreement",
    "statement",
    "other",
)


@dataclass(frozen=True, slots=True)
class Extractor:
    """Who found a value: bump `version` whenever its output can change."""

    name: str
    version: str


@dataclass(frozen=True, slots=True)
class Mark:
    """A piece of the normalised text, ``text == document.text[start:end]``."""

    start: int
    end: int
    text: str
    by: Extractor


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Document:
    """A read document. `text` is the extracted text; after `normalise`, the text all spans refer to."""

    id: str
    sha256: str
    path: str
    media_type: str
    text: str
    language: str = "und"
    kind: Kind = "other"
    title: str | None = None
    date: date | None = None
    publisher: str | None = None
    url: str | None = None
    title_mark: Mark | None = None
    date_mark: Mark | None = None
    sentences: tuple[Sentence, ...] = ()


@dataclass(frozen=True, slots=True)
class DateValue:
    """A calendar date, or a range, found in the text; month/year precision use the first day."""

    start: date
    end: date | None
    precision: Precision
    mark: Mark


@dataclass(frozen=True, slots=True)
class NameRef:
    """A name as written, and the actor it resolves to (None: an unknown candidate)."""

    name: str
    mark: Mark
    actor: str | None = None
    ecosoc: bool = False
    ecosoc_mark: Mark | None = None


@dataclass(frozen=True, slots=True)
class Demand:
    text: str
    mark: Mark
    addressees: tuple[NameRef, ...] = ()
    provisions: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Statement:
    kind: str
    title: Mark | None
    date: DateValue | None
    signatories: tuple[NameRef, ...] = ()
    addressees: tuple[NameRef, ...] = ()
    demands: tuple[Demand, ...] = ()


@dataclass(frozen=True, slots=True)
class Speaker:
    person: NameRef
    quote: Mark | None = None


@dataclass(frozen=True, slots=True)
class Session:
    title: Mark
    access: AccessCode
    access_mark: Mark | None = None
    label: str | None = None
    date: DateValue | None = None
    topics: tuple[Mark, ...] = ()
    speakers: tuple[Speaker, ...] = ()


@dataclass(frozen=True, slots=True)
class Place:
    """A place by its usual English name, and where the text names it (perhaps in Korean)."""

    name: str
    mark: Mark


@dataclass(frozen=True, slots=True)
class ModeValue:
    mode: Mode
    mark: Mark


@dataclass(frozen=True, slots=True)
class Count:
    value: int
    mark: Mark


@dataclass(frozen=True, slots=True)
class Gathering:
    title: Mark | None
    dates: DateValue | None = None
    place: Place | None = None
    mode: ModeValue | None = None
    hosts: tuple[NameRef, ...] = ()
    sponsors: tuple[NameRef, ...] = ()
    attendance: Count | None = None
    sessions: tuple[Session, ...] = ()
    speakers: tuple[Speaker, ...] = ()


@dataclass(frozen=True, slots=True)
class Event:
    date: DateValue
    title: str
    mark: Mark
    type: str
    sentence: Sentence
    place: Place | None = None
    actors: tuple[NameRef, ...] = ()
    provisions: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class AgreementMention:
    agreement: str
    mark: Mark


@dataclass(frozen=True, slots=True)
class ActorMention:
    """All the places one actor (or one unknown name) is named."""

    name: str
    actor: str | None
    marks: tuple[Mark, ...]


@dataclass(frozen=True, slots=True)
class Extraction:
    dates: tuple[DateValue, ...] = ()
    statements: tuple[Statement, ...] = ()
    gatherings: tuple[Gathering, ...] = ()
    events: tuple[Event, ...] = ()
    agreements: tuple[AgreementMention, ...] = ()
    actors: tuple[ActorMention, ...] = ()


@dataclass(frozen=True, slots=True)
class Result:
    """One input's outcome: a document and what was found in it, or why it could not be read."""

    path: str
    document: Document | None = None
    extraction: Extraction = field(default_factory=Extraction)
    error: str | None = None
    timings: tuple[tuple[str, float], ...] = ()

    @property
    def ok(self) -> bool:
        return self.error is None and self.document is not None

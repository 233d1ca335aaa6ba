"""The records of a peace-process monitor, declared once (docs/bundle-format.md).

Each model is both the bundle format (``peacetrack/1``) and the shape the store
keeps. Field labels in English and Korean live beside the fields, so pages,
exports and docs read them from here.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    model_validator,
)

from peacetrack.model.codebook import (
    Access,
    ActorKind,
    Effect,
    EventType,
    GatheringMode,
    Precision,
    SourceCategory,
    StatementKind,
)

FORMAT = "peacetrack/1"

_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:-]*$")
_ASSESSMENT_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:/@#-]*$")
_REF = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_URL = re.compile(r"^https?://[^\s/$.?#][^\s]*$", re.IGNORECASE)
_LANG = re.compile(r"^[a-z]{2}$")
_ISO3 = re.compile(r"^[A-Z]{3}$")


ID_MAX = 200  # the store's id columns are this wide on every database
TEXT_MAX = 100_000  # characters in any one text of a record


def _check_id(value: str) -> str:
    if len(value) > ID_MAX:
        raise ValueError(f"an id has at most {ID_MAX} characters, this one {len(value)}")
    if not _ID.match(value):
        raise ValueError(
            "id must start with a letter or digit and use only letters, digits, '.', '_', ':' or '-'"
        )
    return value


def _check_ref(value: str) -> str:
    if not _REF.match(value):
        raise ValueError("ref must use only letters, digits, '.', '_' or '-' (e.g. '1.3')")
    return value


def _check_assessment_id(value: str) -> str:
    if len(value) > ID_MAX:
        raise ValueError(f"an id has at most {ID_MAX} characters, this one {len(value)}")
    if not _ASSESSMENT_ID.match(value):
        raise ValueError("assessment id may use letters, digits and . _ : / @ # -")
    return value


def _parse_date(value: Any) -> Any:
    # Only ISO calendar dates: pydantic would also take timestamps and datetimes.
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not _DATE.match(value):
        raise ValueError(f"expected a date as YYYY-MM-DD, got {value!r}")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{value!r} is not a real calendar date") from None


def _check_lang(value: str) -> str:
    if not _LANG.match(value):
        raise ValueError(f"language code {value!r} must be a two-letter ISO 639-1 code (en, ko, …)")
    return value


def _check_url(value: str) -> str:
    if not _URL.match(value):
        raise ValueError(f"expected an http(s) URL, got {value!r}")
    return value


_USUAL_KEYS = (("en",), ("en", "ko"))


def _check_text(value: dict[str, str]) -> dict[str, str]:
    keys = tuple(value)
    if keys in _USUAL_KEYS:  # the common case, already in canonical order
        if not value["en"].strip():
            raise ValueError("an English text ('en') is required")
        return value
    for lang in value:
        if not _LANG.match(lang):
            raise ValueError(f"language code {lang!r} must be a two-letter ISO 639-1 code (en, ko, …)")
    if not value.get("en", "").strip():
        raise ValueError("an English text ('en') is required")
    # English first, then the rest in a fixed order, so exports are stable.
    return {k: value[k] for k in sorted(value, key=lambda k: (k != "en", k != "ko", k))}


def _text_from_str(value: Any) -> Any:
    return {"en": value} if isinstance(value, str) else value


Id = Annotated[str, AfterValidator(_check_id)]
Ref = Annotated[str, AfterValidator(_check_ref)]
AssessmentId = Annotated[str, AfterValidator(_check_assessment_id)]
"""Derived as ``{provision}@{as_of}`` (``#n`` for the n-th on the same day) unless given."""
Day = Annotated[date, BeforeValidator(_parse_date)]
Url = Annotated[str, AfterValidator(_check_url)]
Text = Annotated[dict[str, str], AfterValidator(_check_text)]
"""A language map: ``{"en": "...", "ko": "..."}``; English required."""
LooseText = Annotated[dict[str, str], BeforeValidator(_text_from_str), AfterValidator(_check_text)]
"""A language map that also accepts a plain English string."""
Country = Annotated[
    str,
    BeforeValidator(lambda v: v.upper() if isinstance(v, str) else v),
    AfterValidator(lambda v: v if _ISO3.match(v) else _bad_country(v)),
]


def _bad_country(value: str) -> str:
    raise ValueError(f"country must be an ISO 3166 alpha-3 code, got {value!r}")


def in_language(text: Mapping[str, str] | None, lang: str) -> str:
    """A language map's text in ``lang``, falling back to English, then to any language."""
    if not text:
        return ""
    return text.get(lang) or text.get("en") or next(iter(text.values()), "")


Target = Literal["actor", "theme", "agreement", "provision", "event"]
"""The kinds of record a field can refer to (see :mod:`peacetrack.model.references`)."""


def label(en: str, ko: str, *, refers: Target | None = None, role: str | None = None, **kwargs: Any) -> Any:
    """A pydantic Field carrying its user-facing label in both languages, and, for a field holding ids of
    other records, what it ``refers`` to and in which ``role`` (party, signatory, host, evidence …).

    This declaration is the only place a reference is written down: validation, review and the docs'
    field table read it (peacetrack.model.references)."""
    extra: dict[str, Any] = {"label": {"en": en, "ko": ko}}
    if refers is not None:
        extra["refers"] = refers
        extra["role"] = role or refers
    return Field(json_schema_extra=extra, **kwargs)


class Record(BaseModel):
    # No text of a record is a book: a longer one is a mistake or an attack on the store and the pages.
    model_config = ConfigDict(
        extra="forbid", str_strip_whitespace=True, use_enum_values=False, str_max_length=TEXT_MAX
    )

    def doc(self) -> dict[str, Any]:
        """The canonical JSON form: what the store keeps and export writes."""
        return self.model_dump(mode="json", exclude_none=True, exclude_defaults=True)


class Actor(Record):
    id: Id = label("Id", "식별자")
    kind: ActorKind = label("Kind", "유형")
    name: Text = label("Name", "이름")
    aliases: list[str] = label("Also known as", "다른 이름", default_factory=list)
    country: Country | None = label("Country", "국가", default=None)
    member_of: list[Id] = label("Member of", "소속", refers="actor", role="member_of", default_factory=list)
    ecosoc_status: str | None = label("ECOSOC status", "ECOSOC 협의 지위", default=None)
    url: Url | None = label("Web site", "웹사이트", default=None)


class Theme(Record):
    id: Id = label("Id", "식별자")
    name: Text = label("Name", "이름")
    parent: Id | None = label("Parent theme", "상위 주제", refers="theme", role="parent", default=None)


class Provision(Record):
    id: str | None = label("Id", "식별자", default=None)
    ref: Ref = label("Article/item", "조항")
    text: Text = label("Provision", "조항 내용")
    themes: list[Id] = label("Themes", "주제", refers="theme", default_factory=list)
    responsible: list[Id] = label(
        "Responsible parties", "이행 주체", refers="actor", role="responsible", default_factory=list
    )
    due: Day | None = label("Due", "이행 기한", default=None)
    keywords: list[str] = label("Keywords", "핵심어", default_factory=list)
    part_of: list[str] = label(
        "Part of", "상위 조항", refers="provision", role="part_of", default_factory=list
    )
    """Provisions this one carries out in detail (an article's general clause, or the clause of
    another agreement that adopts this one): what bears on this one bears on those too."""


class Agreement(Record):
    id: Id = label("Id", "식별자")
    title: Text = label("Title", "제목")
    signed: Day = label("Signed", "서명일")
    parties: list[Id] = label("Parties", "당사자", refers="actor", role="party", min_length=1)
    signatories: list[Id] = label(
        "Signatories", "서명자", refers="actor", role="signatory", default_factory=list
    )
    place: str | None = label("Place", "장소", default=None)
    source: Url | None = label("Source", "출처", default=None)
    aliases: list[str] = label("Also known as", "다른 이름", default_factory=list)
    provisions: list[Provision] = label("Provisions", "조항", default_factory=list)

    @model_validator(mode="after")
    def _provision_ids(self) -> Agreement:
        for p in self.provisions:
            expected = f"{self.id}/{p.ref}"
            if p.id is None:
                p.id = expected
            elif p.id != expected:
                raise ValueError(f"provision id {p.id!r} must be '{{agreement id}}/{{ref}}' = {expected!r}")
        return self


class Source(Record):
    url: Url = label("Address", "주소")
    title: str | None = label("Title", "제목", default=None)
    publisher: str | None = label("Publisher", "발행처", default=None)
    published: Day | None = label("Published", "발행일", default=None)
    category: SourceCategory | None = label("Source category", "출처 분류", default=None)


class EffectLink(Record):
    provision: str = label("Provision", "조항", refers="provision", role="effect")
    effect: Effect = label("Effect", "효과")


class Event(Record):
    id: Id = label("Id", "식별자")
    date: Day = label("Date", "날짜")
    date_end: Day | None = label("End date", "종료일", default=None)
    precision: Precision | None = label("Date precision", "날짜 정밀도", default=None)
    title: Text = label("Title", "제목")
    summary: Text | None = label("Summary", "요약", default=None)
    type: EventType = label("Type", "유형")
    actors: list[Id] = label("Actors", "행위자", refers="actor", default_factory=list)
    place: str | None = label("Place", "장소", default=None)
    sources: list[Source] = label("Sources", "출처", min_length=1)
    effects: list[EffectLink] = label("Effects on provisions", "조항에 대한 효과", default_factory=list)

    @model_validator(mode="after")
    def _ordered(self) -> Event:
        if self.date_end is not None and self.date_end < self.date:
            raise ValueError(f"date_end {self.date_end} is before date {self.date}")
        return self


class Assessment(Record):
    id: AssessmentId | None = label("Id", "식별자", default=None)
    provision: str = label("Provision", "조항", refers="provision", role="assessed")
    as_of: Day = label("As of", "기준일")
    level: Literal[0, 1, 2, 3] = label("Implementation level", "이행 수준")
    evidence: list[Id] = label("Evidence", "근거 사건", refers="event", role="evidence", default_factory=list)
    note: LooseText | None = label("Note", "설명", default=None)


class Demand(Record):
    text: Text = label("Demand", "요구")
    addressee: Id | None = label("Addressed to", "대상", refers="actor", role="addressee", default=None)
    provisions: list[str] = label(
        "Provisions", "관련 조항", refers="provision", role="demanded", default_factory=list
    )
    themes: list[Id] = label("Themes", "주제", refers="theme", default_factory=list)


class Statement(Record):
    id: Id = label("Id", "식별자")
    date: Day = label("Date", "날짜")
    title: Text = label("Title", "제목")
    kind: StatementKind = label("Kind", "유형")
    signatories: list[Id] = label(
        "Signatories", "서명 단체", refers="actor", role="signatory", default_factory=list
    )
    addressees: list[Id] = label(
        "Addressed to", "수신", refers="actor", role="addressee", default_factory=list
    )
    demands: list[Demand] = label("Demands", "요구 사항", default_factory=list)
    source: Url | None = label("Source", "출처", default=None)


class Session(Record):
    title: Text = label("Title", "제목")
    access: Access = label("Access", "공개 여부")
    date: Day | None = label("Date", "날짜", default=None)
    topics: list[Text] = label("Topics", "논의 주제", default_factory=list)
    speakers: list[Id] = label("Speakers", "발표자", refers="actor", role="speaker", default_factory=list)
    outputs: list[Url] = label("Outputs", "결과물", default_factory=list)


class Gathering(Record):
    id: Id = label("Id", "식별자")
    title: Text = label("Title", "제목")
    start: Day = label("Start", "시작일")
    end: Day = label("End", "종료일")
    place: str | None = label("Place", "장소", default=None)
    mode: GatheringMode = label("Mode", "방식")
    hosts: list[Id] = label("Hosts", "주최", refers="actor", role="host", default_factory=list)
    sponsors: list[Id] = label("Sponsors", "후원", refers="actor", role="sponsor", default_factory=list)
    attendance: int | None = label("Attendance", "참석자 수", default=None, ge=0)
    sessions: list[Session] = label("Sessions", "세션", default_factory=list)
    source: Url | None = label("Source", "출처", default=None)

    @model_validator(mode="after")
    def _ordered(self) -> Gathering:
        if self.end < self.start:
            raise ValueError(f"end {self.end} is before start {self.start}")
        return self


class Group(Record):
    """A word the case's documents use for several actors at once: "남북", "inter-Korean", "한미"."""

    word: str = label("Word", "낱말")
    actors: list[Id] = label("Actors", "행위자", refers="actor", role="grouped", default_factory=list)


class Place(Record):
    """A place the case's documents name, with every spelling they use: "Panmunjom", "판문점"."""

    name: Text = label("Name", "이름")
    aliases: list[str] = label("Also written", "다른 표기", default_factory=list)


class Process(Record):
    """A peace process: the agreements it is made of, where, and in which languages it is recorded."""

    id: Id = label("Id", "식별자")
    name: Text = label("Name", "이름")
    region: str | None = label("Region", "지역", default=None)
    languages: list[Annotated[str, AfterValidator(_check_lang)]] = label(
        "Languages", "언어", default_factory=list
    )
    agreements: list[Id] = label("Agreements", "합의", refers="agreement", default_factory=list)
    description: Text | None = label("Description", "설명", default=None)
    groups: list[Group] = label("Group words", "묶음 낱말", default_factory=list)
    places: list[Place] = label("Places", "장소", default_factory=list)
    # Who and where, not what: parties, capitals, leaders every report names (linking weighs them less).
    common_words: list[str] = label("Common words", "흔한 낱말", default_factory=list)


KINDS: dict[str, type[Record]] = {
    "actors": Actor,
    "themes": Theme,
    "agreements": Agreement,
    "events": Event,
    "assessments": Assessment,
    "statements": Statement,
    "gatherings": Gathering,
    "processes": Process,
}
"""Every top-level record kind of a bundle, in the order import writes them (a process after
the agreements it names)."""


def field_label(model: type[BaseModel], field: str, lang: str = "en") -> str:
    info = model.model_fields[field]
    extra = info.json_schema_extra
    if isinstance(extra, dict):
        labels = extra.get("label")
        if isinstance(labels, dict):
            text = labels.get(lang) or labels.get("en")
            if isinstance(text, str):
                return text
    return field.replace("_", " ").capitalize()

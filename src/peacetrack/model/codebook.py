"""The codebook: every code a record may carry, with its English and Korean label.

Codes are declared once here, as data; validation, pages, exports and the
label tests all read them from these enums.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Self


class Coded(StrEnum):
    """A code with a label in each language: ``Effect.REVERSES.label("ko")``."""

    en: str
    ko: str

    def __new__(cls, value: str, en: str = "", ko: str = "") -> Self:
        obj = str.__new__(cls, value)
        obj._value_ = value
        obj.en = en
        obj.ko = ko
        return obj

    def label(self, lang: str = "en") -> str:
        return self.ko if lang == "ko" and self.ko else self.en


class ActorKind(Coded):
    STATE = "state", "State", "국가"
    ORGANIZATION = "organization", "Organisation", "단체"
    PERSON = "person", "Person", "인물"
    COALITION = "coalition", "Coalition", "연대체"
    BODY = "body", "Official body", "기구"


class EventType(Coded):
    SUMMIT = "summit", "Summit", "정상회담"
    TALKS = "talks", "Talks", "회담"
    AGREEMENT_SIGNED = "agreement_signed", "Agreement signed", "합의 서명"
    DECLARATION = "declaration", "Declaration or announcement", "선언·발표"
    MILITARY_MEASURE = "military_measure", "Military measure", "군사 조치"
    MILITARY_EXERCISE = "military_exercise", "Military exercise", "군사 훈련"
    WEAPONS_TEST = "weapons_test", "Weapons test", "무기 시험"
    BORDER_INCIDENT = "border_incident", "Border incident", "접경 충돌"
    COMMUNICATION = "communication", "Communication channel", "연락 채널"
    EXCHANGE = "exchange", "Exchange", "교류"
    HUMANITARIAN = "humanitarian", "Humanitarian", "인도적 사안"
    ECONOMIC = "economic", "Economic cooperation", "경제 협력"
    SANCTIONS = "sanctions", "Sanctions", "제재"
    SANCTIONS_EXEMPTION = "sanctions_exemption", "Sanctions exemption", "제재 면제"
    UNILATERAL_MEASURE = "unilateral_measure", "Unilateral measure", "일방적 조치"
    CIVIL_SOCIETY = "civil_society", "Civil-society action", "시민사회 활동"
    OTHER = "other", "Other", "기타"


class Effect(Coded):
    IMPLEMENTS = "implements", "Implements", "이행"
    ADVANCES = "advances", "Advances", "진전"
    VIOLATES = "violates", "Violates", "위반"
    REVERSES = "reverses", "Reverses", "후퇴"
    SUSPENDS = "suspends", "Suspends", "효력 정지"
    MENTIONS = "mentions", "Mentions", "언급"


class SourceCategory(Coded):
    """Who stands behind a cited page (docs: the dataset's CODING.md, "Sources")."""

    PRIMARY = "primary", "Primary: government, UN body or party", "1차 자료: 정부·유엔·당사자"
    STATE_MEDIA = "state_media", "State media (its state's own words)", "관영 매체(자국 입장)"
    WIRE = "wire", "Wire service", "통신사"
    MAJOR = "major", "Major outlet", "주요 언론"
    SPECIALIST = "specialist", "Specialist outlet or research institute", "전문 매체·연구기관"
    OTHER = "other", "Other", "기타"


class Precision(Coded):
    DAY = "day", "Day", "일"
    MONTH = "month", "Month", "월"
    YEAR = "year", "Year", "연"


class StatementKind(Coded):
    OPEN_LETTER = "open_letter", "Open letter", "공개서한"
    DECLARATION = "declaration", "Declaration", "선언"
    JOINT_STATEMENT = "joint_statement", "Joint statement", "공동성명"
    PRESS_RELEASE = "press_release", "Press release", "보도자료"
    RESOLUTION = "resolution", "Resolution", "결의"


class GatheringMode(Coded):
    IN_PERSON = "in_person", "In person", "대면"
    ONLINE = "online", "Online", "온라인"
    HYBRID = "hybrid", "Hybrid", "온·오프라인 병행"


class Access(Coded):
    OPEN = "open", "Open", "공개"
    CLOSED = "closed", "Closed", "비공개"


class Level(Coded):
    """Peace Accords Matrix implementation scale."""

    NOT_INITIATED = "0", "Not initiated", "미착수"
    MINIMAL = "1", "Minimal", "최소 이행"
    INTERMEDIATE = "2", "Intermediate", "중간 이행"
    FULL = "3", "Full implementation", "완전 이행"


CODE_LISTS: dict[str, type[Coded]] = {
    "actor_kind": ActorKind,
    "event_type": EventType,
    "effect": Effect,
    "precision": Precision,
    "statement_kind": StatementKind,
    "gathering_mode": GatheringMode,
    "access": Access,
    "level": Level,
}


def level_label(level: int, lang: str = "en") -> str:
    return Level(str(level)).label(lang)

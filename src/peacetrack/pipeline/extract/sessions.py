"""Sessions of a gathering, with access (open/closed), date and topics.

Two shapes. Programmes head each session with a label line ("Plenary
Session1", "Session III", "공개 세션: …") and list its discussion points under
a header ("Key Topics of Discussion", "주요 논의 주제"). Reports name sessions
in prose: 'an open session held under the theme of "…"', 'closed meetings …
looking to "…" and to "…"', one session per quoted title.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import replace
from datetime import date, timedelta

from peacetrack.model.codebook import Access, Precision
from peacetrack.pipeline.extract.dates import DatePhrase, phrases_within
from peacetrack.pipeline.extract.names import clean
from peacetrack.pipeline.lines import line_spans
from peacetrack.pipeline.records import AccessCode, DateValue, Extractor, Mark, Sentence, Session

EXTRACTOR = Extractor("sessions", "1.0")

_LABEL = re.compile(
    r"^(?P<label>(?:(?:plenary|parallel|special|opening|closing|keynote|breakout|open|closed|public|private)\s+)?"
    r"session\s*(?:[IVX]+|\d+)?|(?:제\s*\d+\s*)?(?:(?:공개|비공개)\s*)?(?:세션|분과|라운드\s*테이블)\s*\d*"
    r"|(?:공개|비공개)\s*(?:회의|토론회)|(?:open|closed|public|private)\s+(?:meeting|panel|roundtable))"
    r"\s*(?:[:：.\-–]\s*(?P<rest>.*))?$",
    re.IGNORECASE | re.MULTILINE,
)
_TOPICS = re.compile(
    r"^(?:(?:key|major|main)\s+)?(?:topics?\s+of\s+discussion|discussion\s+(?:points|topics)|topics|agenda"
    r"|key\s+questions)\s*:?$|^(?:주요\s*)?(?:논의\s*(?:주제|사항|내용)|의제|토론\s*주제)\s*[:：]?$",
    re.IGNORECASE | re.MULTILINE,
)
_BULLET = re.compile(r"^(?:[-–•·*○◦▪]|\d{1,2}[.)])\s*")
_CLOSED = re.compile(r"closed|private|off[\s-]the[\s-]record|비공개", re.IGNORECASE)
_PROSE_ACCESS = re.compile(
    r"\b(?P<en>open|public|closed(?:-door)?|private)\s+(?:session|meeting|panel|workshop|roundtable)s?\b"
    r"|(?P<ko>비공개|공개)\s*(?:세션|회의|토론회|워크숍)",
    re.IGNORECASE,
)
_QUOTED = re.compile(
    r"“(?P<a>[^”]{3,300})”|\"(?P<b>[^\"]{3,300})\"|「(?P<c>[^」]{3,300})」|‘(?P<d>[^’]{3,300})’"
)
_DAY_ORDINAL = re.compile(
    r"\b(?:the\s+)?(?P<en>first|second|third|fourth|1st|2nd|3rd|4th)\s+day\b|\bday\s+(?P<num>\d)\b"
    r"|(?P<ko>첫째|첫|둘째|셋째|넷째)\s*날",
    re.IGNORECASE,
)
_ORDINALS = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
    "첫째": 1,
    "첫": 1,
    "둘째": 2,
    "셋째": 3,
    "넷째": 4,
}
_TOPIC_SENTENCE = re.compile(
    r"topics\s+(?:ranging\s+from|including|such\s+as|like|on)\s+(?P<list>.{1,600}?)\s+(?:were|was|have\s+been|had\s+been)"
    r"\s+(?:discussed|addressed|covered|debated|examined)",
    re.IGNORECASE,
)
_TOPIC_SPLIT = re.compile(r",\s*(?:and\s+)?(?:also\s+)?(?:to\s+)?")


def _mark(text: str, start: int, end: int) -> Mark:
    return Mark(start, end, text[start:end], EXTRACTOR)


def _date_in(phrases: Sequence[DatePhrase], start: int, end: int) -> DateValue | None:
    for phrase in phrases_within(phrases, start, end):
        if phrase.values:
            return phrase.values[0]
    return None


def _strip_date(text: str, start: int, end: int, when: DateValue | None) -> int:
    """Drop a trailing "(11월 15일)" from a title line."""
    if when is None:
        return end
    paren = text.rfind("(", start, end)
    if paren > start and paren <= when.mark.start < end:
        return len(text[start:paren].rstrip()) + start
    return end


def _heading_sessions(text: str, phrases: Sequence[DatePhrase]) -> list[Session]:
    sessions: list[Session] = []
    lines = [span for span in line_spans(text) if text[span[0] : span[1]].strip()]
    for k, (start, end) in enumerate(lines):
        match = _LABEL.match(text, start, end)
        if match is None or len(text[start:end]) > 200:
            continue
        label = clean(match.group("label"))
        if match.group("rest"):
            t_start, t_end = match.start("rest"), end
        elif k + 1 < len(lines):
            t_start, t_end = lines[k + 1]
            if _LABEL.match(text, t_start, t_end) or _TOPICS.match(text, t_start, t_end):
                continue
        else:
            continue
        when = _date_in(phrases, t_start, t_end)
        t_end = _strip_date(text, t_start, t_end, when)
        access: AccessCode = Access.CLOSED if _CLOSED.search(label) else Access.OPEN
        sessions.append(
            Session(
                title=_mark(text, t_start, t_end),
                access=access,
                access_mark=_mark(text, match.start("label"), match.end("label")),
                label=label,
                date=when,
            )
        )
    return sessions


def _topic_lists(text: str) -> list[tuple[int, list[Mark]]]:
    """(offset of the header, the topics listed under it)."""
    found = []
    lines = [span for span in line_spans(text) if text[span[0] : span[1]].strip()]
    for k, (start, end) in enumerate(lines):
        if not _TOPICS.match(text, start, end):
            continue
        topics = []
        bulleted = False
        for t_start, t_end in lines[k + 1 :]:
            line = text[t_start:t_end]
            if _LABEL.match(text, t_start, t_end) or _TOPICS.match(text, t_start, t_end):
                break
            bullet = _BULLET.match(line)
            # Prose after the list ends it: a paragraph of sentences, or an unmarked line after bullets.
            if len(line.split()) > 60 or re.search(r"[.!?]\s+\S", line) or (bulleted and not bullet):
                break
            if line.rstrip().endswith(".") and len(line.split()) > 25:
                break
            bulleted = bulleted or bullet is not None
            topic_start = t_start + (bullet.end() if bullet else 0)
            topics.append(_mark(text, topic_start, t_end))
        if topics:
            found.append((start, topics))
    return found


def _quoted(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    for match in _QUOTED.finditer(text, start, end):
        group = next(name for name in "abcd" if match.group(name) is not None)
        a, b = match.start(group), match.end(group)
        while b > a and text[b - 1] in ".,;: ":
            b -= 1
        yield a, b


def _ordinal_date(text: str, sentence: Sentence, start: date | None) -> date | None:
    if start is None:
        return None
    match = _DAY_ORDINAL.search(text, sentence.start, sentence.end)
    if match is None:
        return None
    word = (match.group("en") or match.group("ko") or "").lower()
    number = int(match.group("num")) if match.group("num") else _ORDINALS.get(word)
    return start + timedelta(days=number - 1) if number else None


def _prose_sessions(text: str, sentences: Sequence[Sentence], start: DateValue | None) -> list[Session]:
    sessions: list[Session] = []
    for sentence in sentences:
        accesses = list(_PROSE_ACCESS.finditer(text, sentence.start, sentence.end))
        if not accesses:
            continue
        for q_start, q_end in _quoted(text, sentence.start, sentence.end):
            before = [m for m in accesses if m.start() < q_start] or accesses
            access_match = before[-1]
            access: AccessCode = Access.CLOSED if _CLOSED.search(access_match.group()) else Access.OPEN
            day = _ordinal_date(text, sentence, start.start if start else None)
            when = None
            if day is not None:
                when = DateValue(day, None, Precision.DAY, _mark(text, sentence.start, sentence.end))
            sessions.append(
                Session(
                    title=_mark(text, q_start, q_end),
                    access=access,
                    access_mark=_mark(text, access_match.start(), access_match.end()),
                    date=when,
                )
            )
    return sessions


def _prose_topics(text: str, sentences: Sequence[Sentence]) -> list[tuple[Sentence, list[Mark]]]:
    found = []
    for sentence in sentences:
        match = _TOPIC_SENTENCE.search(text, sentence.start, sentence.end)
        if match is None:
            continue
        topics = []
        pos = match.start("list")
        for cut in [*_TOPIC_SPLIT.finditer(text, pos, match.end("list")), None]:
            end = cut.start() if cut is not None else match.end("list")
            if end > pos:
                topics.append(_mark(text, pos, end))
            if cut is not None:
                pos = cut.end()
        found.append((sentence, topics))
    return found


def _target(sessions: list[Session], text: str, start: int, end: int) -> int | None:
    """Which session a sentence speaks of: by the access it names, else the only one."""
    access = _PROSE_ACCESS.search(text, start, end) or re.search(r"\bpublic\b|\bopen\b", text[start:end])
    if access is not None:
        wanted = "closed" if _CLOSED.search(access.group()) else "open"
        for k, session in enumerate(sessions):
            if session.access == wanted:
                return k
    return 0 if len(sessions) == 1 else None


def extract_sessions(
    text: str, sentences: Sequence[Sentence], phrases: Sequence[DatePhrase], start: DateValue | None
) -> list[Session]:
    sessions = _heading_sessions(text, phrases)
    headed = bool(sessions)
    if not headed:
        sessions = _prose_sessions(text, sentences, start)
    unique: dict[str, Session] = {}
    for session in sessions:
        unique.setdefault(clean(session.title.text).lower(), session)
    sessions = list(unique.values())
    if headed:
        for offset, topics in _topic_lists(text):
            owners = [k for k, s in enumerate(sessions) if s.title.start < offset]
            k = owners[-1] if owners else 0
            sessions[k] = replace(sessions[k], topics=sessions[k].topics + tuple(topics))
    for sentence, topics in _prose_topics(text, sentences):
        target = _target(sessions, text, sentence.start, sentence.end)
        if target is not None:
            sessions[target] = replace(sessions[target], topics=sessions[target].topics + tuple(topics))
    return sessions


def loose_topics(text: str) -> list[Mark]:
    """Topics listed under a header where no session is named: they belong to the gathering as a whole."""
    return [topic for _, topics in _topic_lists(text) for topic in topics]

"""A document's title, own date and publisher, each traced to the text where it can be.

The date a document gives itself is what partial dates in it are resolved
against, so it is taken only from places that state it: a labelled date in the
head ("작성일/Date 2022-01-21"), a line holding nothing but a full date (an
open letter's "21 March 2019"), or a news dateline ("SEOUL, May 23, 2024 — ").
The format's own metadata comes after those, unless it is more than a year after
every date the text names (the file was made again later).
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from peacetrack.model.languages import has_hangul
from peacetrack.pipeline.extract import dates
from peacetrack.pipeline.read.sniff import DOCX, PDF
from peacetrack.pipeline.records import Document, Extractor, Mark

EXTRACTOR = Extractor("describe", "1.1")

_HEAD = 3000
_ISSUE_WORDS = (
    # Korean labels are often spaced out to fill a column: "발 행 일", "작 성 일".
    r"작\s?성\s?일|등\s?록\s?일|게\s?시\s?일|게\s?재\s?일|입력|발\s?행\s?일|(?:배\s?포|보\s?도)\s?(?:일\s?시|일\s?자|일)|수정"
    r"|published|posted|issued|updated|released?|(?:(?:programme|program|agenda|schedule)\s+)?as\s+of"
    r"|for\s+immediate\s+release|edition(?:\s+of)?"
)
# An e-mail header's "Date: Wed, 12 Jul 2023 10:41:07 -0400" (a Korean mail's "보낸날짜: 2021년 5월 18일")
# is the message's own date in any kind.
# (Outlook's "Sent: Monday, March 28, 2022 10:14 AM" too)
_MAIL_DATE = (
    r"date(?=\s*:\s*(?:mon|tue|wed|thu|fri|sat|sun),\s+\d)|보낸\s?(?:날짜|시간|일시)(?=\s*[:：])"
    r"|sent(?=\s*:\s*(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,\s+\w)"
)
# At a line's start, or after a bar in a byline: "서울=박서연 기자 | 입력 2018-08-21 06:00".
_AT = r"(?:^[ \t]*|\|[ \t]*)"
# "Last updated: June 5, 2023" on a line of its own dates a programme (its latest version); a letter's,
# statement's or article's own date is when it was issued, and a later edit is only an edit
# ("2020-06-16 15:47 | Last updated 2020-06-17 08:05").
_LAST = r"|^[ \t]*last\s+updated"
# The issue date's label, in a programme's or report's head and under any text; after a dot or a dash too:
# "Report prepared by the secretariat · Published 15 November 2022", "Concept note and programme – updated 5
# September 2022" (at an article's head a byline's "· Updated …" is a later edit).
_ISSUE_LABEL = re.compile(
    rf"(?:{_AT}|(?:·|—|–|,)[ \t]*)(?:{_ISSUE_WORDS}|{_MAIL_DATE})\b{_LAST}", re.IGNORECASE | re.MULTILINE
)
# In a letter, statement or article "Date:" is its own date; in a programme it is the event's.
_DATE_LABEL = re.compile(rf"{_AT}(?:{_ISSUE_WORDS}|날짜|일자|date)\b", re.IGNORECASE | re.MULTILINE)
_EVENT_LABEL = re.compile(
    r"일\s*시|기\s*간|장\s*소|행사일|\b(?:when|venue|time|where|location|deadline|rsvp)\b|마감|까지",
    re.IGNORECASE,
)
_TIME = re.compile(r"\b\d{1,2}[:：]\d{2}\b(?!\s*\d{4})|오전|오후")
_WEEKDAY = re.compile(
    r"\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)\b|\((?:월|화|수|목|금|토|일)\)|[월화수목금토일]요일",
    re.IGNORECASE,
)
_HEAD_LINES = 12
_UPDATED = re.compile(
    r"[|·,;]?\s*\b(?:last\s+)?(?:updated|modified)\b|[|·,;]?\s*(?:최종\s*)?수정\s*[:：]?", re.I
)
_SENTENCE_END = re.compile(r"(?:[a-z가-힣)\"'’”]\.|[!?]|다\.?)(?:\s*$|\s+\S)")
# A wire-style dateline opening a line: the place in capitals, perhaps an agency, then the date.
_DATELINE = re.compile(
    r"^[ \t]*[A-Z][A-Z.'’ -]{1,40}(?:\s*\([^()\n]{1,40}\))?\s*,\s*(?=[A-Z0-9])",
    re.MULTILINE,
)
_DATELINE_DATE = 40
_PUBLISHER = re.compile(
    r"^(?:publisher|published by|발행처|발행|출처|source)\s*[:：]\s*(?P<name>.+)$",
    re.IGNORECASE | re.MULTILINE,
)
_LABEL_LINE = re.compile(
    r"^(?:to|from|date|author|views|cc|re|subject|작성자|작성일|조회|수신|발신|참조|제목)\s*(?:[:/：]|$)"
    r"|^[^\s/]+/[^\s/]+$",
    re.IGNORECASE,
)
_ADDRESS_START = re.compile(r"^(?:to|수신)\s*[:：]?\s*$", re.IGNORECASE)
_SALUTATION = re.compile(r"^(?:dear|존경하는|안녕하십니까)\b", re.IGNORECASE)
_LETTER_TITLE = re.compile(r"open\s+letter|공개\s*서한|공개\s*편지", re.IGNORECASE)
_CLOSING = ".,;:"


def _lines(text: str, limit: int) -> list[tuple[int, str]]:
    out = []
    offset = 0
    for line in text[:limit].split("\n"):
        out.append((offset, line))
        offset += len(line) + 1
    return out


def _is_heading(line: str) -> bool:
    if not 3 <= len(line) <= 200 or line[-1] in _CLOSING:
        return False
    if _LABEL_LINE.match(line) or _SALUTATION.match(line):
        return False
    if _only_date(line):
        return False
    words = line.split()
    hangul = has_hangul(line)
    return (len(words) >= 3 or (hangul and len(words) >= 2)) and any(ch.isalpha() for ch in line)


def _only_date(line: str) -> bool:
    raws = dates.scan(line)
    return len(raws) == 1 and raws[0].start <= 1 and raws[0].end >= len(line.rstrip(". ")) - 1


def find_title(text: str, kind: str) -> tuple[int, int] | None:
    """The span of the title line: for letters the line naming the letter, else the first heading."""
    candidates: list[tuple[int, str]] = []
    in_address = False
    for offset, line in _lines(text, _HEAD):
        if _ADDRESS_START.match(line):
            in_address = True
            continue
        if in_address:
            in_address = bool(line)
            continue
        if _is_heading(line):
            candidates.append((offset, line))
    if kind == "open_letter":
        for offset, line in candidates:
            if _LETTER_TITLE.search(line):
                return offset, offset + len(line)
    if candidates:
        offset, line = candidates[0]
        return offset, offset + len(line)
    return None


def _single_full_date(line: str) -> tuple[date, int, int] | None:
    """The line's one full single-day date, or None when it has none, several, or a range."""
    raws = dates.scan(line)
    if len(raws) != 1:
        return None
    when = dates.full_date(raws[0])
    if when is None or len(raws[0].items) != 1:
        return None
    return when, raws[0].start, raws[0].end


# A post's own stamp, its time included: "2019. 10. 15. 17:42 · 글쓴이 한국YMCA · 조회 1,284".
# (a blog's: "걷는사람 · 2024. 8. 27. 18:42 URL 복사 + 이웃추가")
_BYLINE = re.compile(
    r"글쓴이|작성자|조회\s*(?:수\s*)?[:：]?\s*\d|\bposted\s+by\b|\b\d[\d,]*\s+views\b|URL\s*복사|이웃\s*추가",
    re.IGNORECASE,
)


def _head_date_line(line: str, gathering: bool) -> tuple[date, int, int] | None:
    """A short line near the top giving one date: "Seoul, 24 March 2025", "Edition of Wednesday, June 17,
    2020", "참여연대 평화군축센터 | 2023.07.18". In a notice or programme a line with a weekday, a time
    or an event label gives the event's date, not the notice's."""
    words = re.findall(r"\w+", line)
    bare = re.sub(r"\b([ap])\.\s?m\.", r"\1m", line)  # "7:15 a.m. ET" ends no sentence
    if len(words) > 16 or _EVENT_LABEL.search(line) or (len(words) > 6 and _SENTENCE_END.search(bare)):
        return None  # too long, an event's field, or a sentence that mentions a date
    if gathering and (_WEEKDAY.search(line) or _TIME.search(line)) and not _BYLINE.search(line):
        return None
    # "2020-06-16 15:47 | Last updated 2020-06-17 08:05": the first is the article's own date.
    return _single_full_date(_UPDATED.split(line, maxsplit=1)[0])


def find_date(text: str, kind: str = "other") -> tuple[date, int, int] | None:
    """The document's own date: labelled in the head, a date line or dateline at the top, else a line
    that opens with the date above the signers ("2020년 12월 3일 … 일동", "2024. 8. 19. 민화협 · 서울")."""
    head = text[:_HEAD]
    gathering = kind in ("programme", "conference_report")
    # (a programme's own version may follow a dash: "Concept note and programme – updated 5 September 2022")
    labels = _ISSUE_LABEL if gathering else _DATE_LABEL
    for label in labels.finditer(head):
        for raw in dates.scan(head, label.end(), min(len(head), label.end() + 60)):
            when = dates.full_date(raw)
            if when is not None:
                return when, raw.start, raw.end
    lines = _lines(text, _HEAD)
    for offset, line in lines:
        if line and _only_date(line) and not (gathering and _WEEKDAY.search(line)):
            raw = dates.scan(line)[0]
            when = dates.full_date(raw)
            if when is not None:
                return when, offset + raw.start, offset + raw.end
    for dateline in _DATELINE.finditer(head):
        at = dateline.end()
        found = dates.scan(head, at, min(len(head), at + _DATELINE_DATE))
        if found and found[0].start == at and (when := dates.full_date(found[0])) is not None:
            return when, found[0].start, found[0].end
    for offset, line in [item for item in lines if item[1].strip()][:_HEAD_LINES]:
        if (found_line := _head_date_line(line, gathering)) is not None:
            when, start, end = found_line
            return when, offset + start, offset + end
    tail_from = int(len(text) * 0.6)
    # "Programme as of 10 July 2023. Subject to change." / "Last updated …" under the text.
    for label in _ISSUE_LABEL.finditer(text, max(tail_from, _HEAD)):
        for raw in dates.scan(text, label.end(), min(len(text), label.end() + 60)):
            if (when := dates.full_date(raw)) is not None:
                return when, raw.start, raw.end
    offset = 0
    for line in text.split("\n"):
        if offset >= tail_from and len(line.split()) <= 16:
            raws = dates.scan(line)
            # the date opens the line, or follows the place it was written in ("Berlin, 18 December 2023")
            opens = bool(raws) and (
                raws[0].start <= 1 or _PLACE_BEFORE.fullmatch(line[: raws[0].start]) is not None
            )
            when = dates.full_date(raws[0]) if opens else None
            if (
                when is not None
                and len(raws[0].items) == 1
                and not _SENTENCE_END.search(line)
                and not (gathering and _TIME.search(line))
            ):
                return when, offset + raws[0].start, offset + raws[0].end
        offset += len(line) + 1
    return None


_PLACE_BEFORE = re.compile(
    r"[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){0,2}[ \t]*,[ \t]*|[가-힣]{2,6}[ \t]*,[ \t]*"
)
_MADE_AGAIN = 366  # days


def _made_again(text: str, stamp: date) -> bool:
    """A file's own creation date (a PDF's or a Word file's) more than a year after every full date its text
    names: the day the file was made again (exported, printed, converted), not the day the document was
    issued. (A web page's date is read from the page itself, and stands.)"""
    named = [when for raw in dates.scan(text) if (when := dates.full_date(raw)) is not None]
    return bool(named) and (stamp - max(named)).days > _MADE_AGAIN


def describe(document: Document) -> Document:
    text = document.text
    title, title_mark = document.title, None
    if title and (where := text.find(title)) >= 0:
        title_mark = Mark(where, where + len(title), title, EXTRACTOR)
    elif not title and (span := find_title(text, document.kind)) is not None:
        title = text[span[0] : span[1]]
        title_mark = Mark(span[0], span[1], title, EXTRACTOR)
    when, date_mark = document.date, None
    if (found := find_date(text, document.kind)) is not None:
        when, start, end = found
        date_mark = Mark(start, end, text[start:end], EXTRACTOR)
    elif when is not None and document.media_type in (PDF, DOCX) and _made_again(text, when):
        when = None
    publisher = document.publisher
    if publisher is None and (match := _PUBLISHER.search(text[:_HEAD])) is not None:
        publisher = match["name"].strip()
    return replace(
        document, title=title, title_mark=title_mark, date=when, date_mark=date_mark, publisher=publisher
    )

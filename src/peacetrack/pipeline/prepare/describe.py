"""A document's title, own date and publisher, each traced to the text where it can be.

The date a document gives itself is what partial dates in it are resolved
against, so it is taken only from places that state it: a labelled date in the
head ("작성일/Date 2022-01-21"), a line holding nothing but a full date (an
open letter's "21 March 2019"), or a news dateline ("SEOUL, May 23, 2024 — ").
The format's own metadata comes after those.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from peacetrack.pipeline.extract import dates
from peacetrack.pipeline.records import Document, Extractor, Mark

EXTRACTOR = Extractor("describe", "1.1")

_HEAD = 3000
_DATE_LABEL = re.compile(
    r"^[ \t]*(?:작성일|등록일|게시일|입력|발행일|날짜|일자|date|published|posted|issued)\b",
    re.IGNORECASE | re.MULTILINE,
)
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
    hangul = any("\uac00" <= ch <= "\ud7a3" for ch in line)
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


def find_date(text: str) -> tuple[date, int, int] | None:
    """The document's own date: labelled in the head, else a line that is only a full date."""
    head = text[:_HEAD]
    for label in _DATE_LABEL.finditer(head):
        for raw in dates.scan(head, label.end(), min(len(head), label.end() + 60)):
            when = dates.full_date(raw)
            if when is not None:
                return when, raw.start, raw.end
    for offset, line in _lines(text, _HEAD):
        if line and _only_date(line):
            raw = dates.scan(line)[0]
            when = dates.full_date(raw)
            if when is not None:
                return when, offset + raw.start, offset + raw.end
    for dateline in _DATELINE.finditer(head):
        at = dateline.end()
        found = dates.scan(head, at, min(len(head), at + _DATELINE_DATE))
        if found and found[0].start == at and (when := dates.full_date(found[0])) is not None:
            return when, found[0].start, found[0].end
    return None


def describe(document: Document) -> Document:
    text = document.text
    title, title_mark = document.title, None
    if title and (where := text.find(title)) >= 0:
        title_mark = Mark(where, where + len(title), title, EXTRACTOR)
    elif not title and (span := find_title(text, document.kind)) is not None:
        title = text[span[0] : span[1]]
        title_mark = Mark(span[0], span[1], title, EXTRACTOR)
    when, date_mark = document.date, None
    if (found := find_date(text)) is not None:
        when, start, end = found
        date_mark = Mark(start, end, text[start:end], EXTRACTOR)
    publisher = document.publisher
    if publisher is None and (match := _PUBLISHER.search(text[:_HEAD])) is not None:
        publisher = match["name"].strip()
    return replace(
        document, title=title, title_mark=title_mark, date=when, date_mark=date_mark, publisher=publisher
    )

"""Programme tables laid out by day: each row a day, its other cells what happens that day.

"Mon 1 July | Opening Ceremony; Lecture 1: … | Lecture 2: …" under "Day | Morning | Afternoon", or
"Tue 6 – Fri 9 Aug | Course A: … | Parallel course" under "Date | Programme item | Notes": a cell of an
item column holds one item or several apart by ";" or " / ", each a programme item unless it is a break,
a meal or free time. Columns whose heading says they hold notes, speakers or places hold no items; a
note in the row ("closed session", "by invitation only") still says an item is closed when the row has
only one.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from peacetrack.pipeline.lines import line_spans

_WEEKDAY = (
    r"(?:mon(?:day)?|tues?(?:day)?|wed(?:nesday)?|thu(?:rs?)?(?:day)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)"
    r"\b\.?"
)
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?"
)
_EN_DAY = (
    rf"(?:{_WEEKDAY}\s*,?\s*\d{{1,2}}(?:\s+{_MONTH})?|\d{{1,2}}\s+{_MONTH}|{_MONTH}\s+\d{{1,2}}|{_WEEKDAY}"
    rf"|day\s*\d{{1,2}})"
)
_KO_DAY = (
    r"(?:\d{1,2}\s*월\s*\d{1,2}\s*일|\d\s*일\s*차|(?:첫|둘|셋|넷)째\s*날"
    r"|\d{1,2}\s*\.\s*\d{1,2}\s*\.?(?=\s*[(（][월화수목금토일]))\s*(?:[(（][월화수목금토일][)）])?"
)
# The first cell names a day (or days) and nothing else: "Mon 1 July", "Tue 6 – Fri 9 Aug", "Day 2",
# "July 3, 2024", "Wed 14 Aug, evening", "7월 25일(화)", "2일차", "둘째 날", "9. 5.(목)"; a bare number
# (a numbered list's "1") or a time of day (a timed row is read as a slot) is none.
_DAY = re.compile(
    rf"^\s*(?:{_EN_DAY}(?:,?\s+\d{{4}})?(?:\s*[–—~-]\s*(?:{_EN_DAY}|\d{{1,2}}))?"
    r"(?:,?\s*(?:morning|afternoon|evening))?"
    rf"|{_KO_DAY}(?:\s*[–—~-]\s*{_KO_DAY})?)\s*$",
    re.IGNORECASE,
)
# A column of notes, people or places, by its heading.
_NOT_ITEMS = re.compile(
    r"\b(?:notes?|remarks?|comments?|speakers?|moderators?|chairs?|presenters?|panel(?:l)?ists?|venue|room|place"
    r"|location|language|access|open|description|summary|details|비고|연사|발표자?|토론자?|사회|좌장|장소|참고"
    r"|공개\s*여부)\b",
    re.IGNORECASE,
)
_ITEM_COLUMN = re.compile(
    r"\b(?:sessions?|programme|program|items?|titles?|agenda)\b|순서|구분|세션|프로그램|행사명?",
    re.IGNORECASE,
)
_APART = re.compile(r";|\s/\s")
_BAR = re.compile(r"\|")
TIME = re.compile(r"\b\d{1,2}\s*[:：]\s*\d{2}\b")
"""A clock time ("14:00", "14 : 00")."""
_FREE = re.compile(
    r"^\W*free\s+(?:time|day|weekend|afternoon|evening|morning)\b|^\W*자유\s*(?:시간|일정)", re.I
)


@dataclass(frozen=True, slots=True)
class Item:
    start: int
    end: int
    closed: bool


def _trimmed(text: str, a: int, b: int) -> tuple[int, int]:
    part = text[a:b]
    return a + len(part) - len(part.lstrip()), b - len(part) + len(part.rstrip())


def _split(
    text: str, a: int, b: int, apart: re.Pattern[str], *, blanks: bool = False
) -> list[tuple[int, int]]:
    """The pieces of ``[a, b)`` between matches of ``apart``, trimmed; blank ones only with ``blanks``
    (a row's empty cell keeps the cells after it under their headings)."""
    pieces, pos = [], a
    for cut in apart.finditer(text, a, b):
        if text.count("(", a, cut.start()) > text.count(")", a, cut.start()):
            continue  # inside a bracket: "(closed session; fellows only)" is one note
        pieces.append((pos, cut.start()))
        pos = cut.end()
    pieces.append((pos, b))
    return [_trimmed(text, x, y) for x, y in pieces if blanks or text[x:y].strip()]


def day_table_items(
    text: str, is_break: Callable[[str], bool], is_closed: Callable[[str], bool]
) -> list[Item]:
    """Every programme item in the day-by-day tables of ``text``."""
    found: list[Item] = []
    header: list[str] | None = None
    dated = False  # whether a row of this table has named its day
    for start, end in line_spans(text):
        if "|" not in text[start:end]:
            header, dated = None, False
            continue
        cells = _split(text, start, end, _BAR, blanks=True)
        if TIME.search(text, start, end):
            continue  # a timed row: each of its slots is read as one
        if cells and _DAY.match(text[cells[0][0] : cells[0][1]]):
            dated = True
        elif dated and header is not None and len(cells) == len(header) - 1:
            # "Panel 2: … | Public" under "Wed 20 Nov | Opening session | Public": the day's cell spans
            # the rows below it, which hold one cell fewer.
            cells = [(start, start), *cells]
        else:
            header = [text[a:b] for a, b in cells] if header is None else header
            continue
        columns = [
            k
            for k in range(1, len(cells))
            if header is None or k >= len(header) or not _NOT_ITEMS.search(header[k])
        ]
        # A column headed as the items' ("Session", "순서") holds them; the others describe them.
        named = [
            k for k in columns if header is not None and k < len(header) and _ITEM_COLUMN.search(header[k])
        ]
        columns = named or columns
        notes = " ".join(text[a:b] for k, (a, b) in enumerate(cells) if k and k not in columns)
        items = [
            (a, b)
            for k in columns
            for a, b in _split(text, *cells[k], _APART)
            if text[cells[k][0] : cells[k][1]].strip()
            if not is_break(text[a:b]) and not _FREE.match(text[a:b]) and not _DAY.match(text[a:b])
        ]
        for a, b in items:
            found.append(Item(a, b, is_closed(text[a:b]) or (len(items) == 1 and is_closed(notes))))
    return found

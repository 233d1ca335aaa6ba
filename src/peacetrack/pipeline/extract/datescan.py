"""The grammar of dates: find date phrases and read them into items (year?, month?, day?).

Nothing is resolved here; `dates` fills in missing years from context. English
month names count only when capitalised ("may" and "march" are also words), a
month alone with neither day nor year is dropped ("June's conference"), and a
phrase runs to at most 25 tokens so hostile input parses in linear time.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
# Month names only capitalised: "may" and "march" are also ordinary words. A wire's date line sets them
# in capitals ("JUNE 13, 2018 / 6:41 AM").
_MONTH = (
    r"(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)"
    r"|(?:JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER)"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec|JAN|FEB|MAR|APR|JUN|JUL|AUG|SEPT|SEP|OCT|NOV|DEC)"
    r"\.?)(?![A-Za-z])"
)
_TOKEN = rf"(?:{_MONTH}|(?:19|20)\d{{2}}(?![\d:])|\d{{1,2}}(?:st|nd|rd|th)?(?![\d:%]))"
# A weekday may stand between the parts: "from Thursday 7 to Saturday 9 December 2023". (After a year a
# space is no separator before a numbered heading: "Published 15 December 2022 1. Introduction".)
_SEP = (
    r"(?:[ \t]*,[ \t]*(?:and[ \t]+|&[ \t]+)?|[ \t]+(?:and|to|through|until|till|&)[ \t]+"
    r"|[ \t]*[-–—~][ \t]*|[ \t]+of[ \t]+|(?<![0-9]{4})[ \t]+|(?<=[0-9]{4})[ \t]+(?!\d{1,2}[.)]\s))"
    r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?[ \t]+)?"
)
# A real date phrase has a dozen tokens at most; the bound keeps parsing linear on hostile input.
# (not a day's number in a programme: "Day 1 - Tuesday 30 November 2021" is no range from the 1st; but
# "Liberation Day 15 August 2023" is a date)
_EN_PHRASE = re.compile(
    rf"(?<![\w.,/-])(?:(?<!\b[Dd]ay )(?<!\bDAY )|(?=\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}))"
    rf"{_TOKEN}(?:{_SEP}{_TOKEN}){{0,24}}"
)
_EN_TOKEN = re.compile(_TOKEN)
_RANGE_SEPS = frozenset({"-", "–", "—", "~", "to", "through", "until", "till"})

_WEEKDAY = r"(?:\s*\(\s*[월화수목금토일]\s*\))?"
# A time between a range's first day and its separator: "7월 25일(화) 13:00 ~ 7월 26일(수)" (read only
# where a range follows, so a lone time stays out of the date's mark).
_TIME = r"(?:\s*(?:오전|오후)?\s*\d{1,2}\s*(?::\s*\d{2}|시(?:\s*\d{1,2}\s*분)?))?"
_KO_PHRASE = re.compile(
    r"(?<!\d)(?:(?P<y>(?:19|20)\d{2})\s*년\s*)?(?P<m>\d{1,2})\s*월(?:\s*(?P<d>\d{1,2})\s*일)?"
    + _WEEKDAY
    + r"(?:"
    + _TIME
    + r"\s*(?:~|∼|～|-|–|부터)\s*(?:(?P<y2>(?:19|20)\d{2})\s*년\s*)?(?:(?P<m2>\d{1,2})\s*월\s*)?"
    r"(?P<d2>\d{1,2})\s*일" + _WEEKDAY + r"(?:\s*까지)?)?"
)
_DAY_NAME = r"(?:\s*\(\s*(?:[월화수목금토일]|[A-Za-z]{2,3})\s*\))?"
# "2023. 6. 15.(목) ~ 6. 17.(토)", "2022.11.24~25": a dotted date, and perhaps where its range ends.
_NUMERIC = re.compile(
    r"(?<![\d.])(?P<y>(?:19|20)\d{2})(?P<s>[-./]) ?(?P<m>\d{1,2})(?P=s) ?(?P<d>\d{1,2})(?!\d)\.?"
    + _DAY_NAME
    + r"(?:"
    + _TIME
    + r"\s*[~∼～–]\s*(?:(?P<y2>(?:19|20)\d{2})(?P=s) ?)?(?:(?P<m2>\d{1,2})(?P=s) ?)?"
    r"(?P<d2>\d{1,2})(?![\d:]|\s*[시분])\.?" + _DAY_NAME + ")?"  # "오후 2시 ~ 5시" ends at an hour, not a day
)
# A year on its own: found as four digits, then judged by the word before or after it
# (one plain pattern is far faster than one that tries a list of words everywhere).
_YEAR = re.compile(r"(?<![\d.,/-])(?:19|20)\d{2}(?![\d:])")
_YEAR_BEFORE = re.compile(r"(?:\b(?:in|of|since|during|by|until|year|early|late|mid)[\s-]+)$", re.IGNORECASE)
_YEAR_AFTER = re.compile(r"\s*년(?!\s*\d{1,2}\s*월)")
_NOT_AFTER = re.compile(r"[-./]\d")


@dataclass(frozen=True, slots=True)
class Item:
    """One date as written, perhaps partial: "30th" has only a day until its phrase says more."""

    year: int | None
    month: int | None
    day: int | None
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class RawDate:
    """A date phrase before resolution: its items, and whether they mark out a range."""

    items: tuple[Item, ...]
    ranges: tuple[bool, ...]  # ranges[k]: items k and k+1 are the two ends of one range
    start: int
    end: int


@dataclass(slots=True)
class _Tok:
    kind: str  # "M" month, "Y" year, "D" day
    value: int
    start: int
    end: int


def _in_time(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else ""
    after = text[end : end + 2]
    return (before != "" and before in ":：") or (
        len(after) == 2 and after[0] in ":：" and after[1].isdigit()
    )


def _tokens(text: str, start: int, end: int) -> list[_Tok]:
    toks = []
    for match in _EN_TOKEN.finditer(text, start, end):
        raw = match.group().rstrip(".")
        if raw[0].isdigit() and _in_time(text, match.start(), match.end()):
            continue  # "16:12 November 23": minutes, not a day
        if raw[0].isalpha():
            toks.append(_Tok("M", _MONTHS[raw.lower()], match.start(), match.end()))
        elif len(raw) == 4 and raw.isdigit():
            toks.append(_Tok("Y", int(raw), match.start(), match.end()))
        else:
            day = int(re.sub(r"\D", "", raw))
            if 1 <= day <= 31:
                toks.append(_Tok("D", day, match.start(), match.end()))
            else:
                toks.append(_Tok("X", day, match.start(), match.end()))
    return toks


def _sep(text: str, left: _Tok, right: _Tok) -> str:
    between = _WEEKDAY_WORD.sub("", text[left.end : right.start])
    return between.strip().lower().replace(", ", ",")


_WEEKDAY_WORD = re.compile(r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?")


def _parse_english(text: str, start: int, end: int) -> RawDate | None:
    toks = _tokens(text, start, end)
    if not any(tok.kind == "M" for tok in toks):
        return None
    items: list[Item] = []
    seps: list[str] = []
    i = 0

    def nxt(k: int, kind: str, allowed: tuple[str, ...]) -> bool:
        return k + 1 < len(toks) and toks[k + 1].kind == kind and _sep(text, toks[k], toks[k + 1]) in allowed

    while i < len(toks):
        tok = toks[i]
        first = i
        if tok.kind == "M":
            if nxt(i, "D", ("",)):
                year = None
                i += 2
                if nxt(i - 1, "Y", ("", ",")):
                    year = toks[i].value
                    i += 1
                item = Item(year, tok.value, toks[first + 1].value, tok.start, toks[i - 1].end)
            elif nxt(i, "Y", ("", "of", ",")):
                item = Item(toks[i + 1].value, tok.value, None, tok.start, toks[i + 1].end)
                i += 2
            else:
                item = Item(None, tok.value, None, tok.start, tok.end)
                i += 1
        elif tok.kind == "D":
            if nxt(i, "M", ("", "of")):
                year = None
                i += 2
                if nxt(i - 1, "Y", ("", ",")):
                    year = toks[i].value
                    i += 1
                item = Item(year, toks[first + 1].value, tok.value, tok.start, toks[i - 1].end)
            else:
                item = Item(None, None, tok.value, tok.start, tok.end)
                i += 1
        elif tok.kind == "Y" and items and all(it.year is not None for it in items):
            break  # "21 March 2019 and 2019-…": a year after complete dates starts something else
        elif tok.kind == "Y" and items:
            # A year closing a list ("November 29th, 30th, and December 1st, 2021") belongs to all of it.
            items = [
                it if it.year is not None else Item(tok.value, it.month, it.day, it.start, it.end)
                for it in items
            ]
            last = items[-1]
            items[-1] = Item(last.year, last.month, last.day, last.start, tok.end)
            i += 1
            continue
        else:
            i += 1
            continue
        if items:
            seps.append(_WEEKDAY_WORD.sub("", text[items[-1].end : item.start]).strip(" \t,").lower())
        items.append(item)
    kept = _inherit(items)
    if not kept:
        return None
    if len(kept) != len(items):
        # Dropping vague items leaves no trustworthy links between the rest.
        return RawDate(tuple(kept), (False,) * (len(kept) - 1), kept[0].start, kept[-1].end)
    ranges = tuple(sep in _RANGE_SEPS for sep in seps)
    return RawDate(tuple(kept), ranges, kept[0].start, kept[-1].end)


def _inherit(items: list[Item]) -> list[Item]:
    """Fill months and years across a phrase: "29-30 November 2021", "April, May, and September 2018"."""
    out = list(items)
    for k, it in enumerate(out):
        if it.month is None:
            before = next((o.month for o in reversed(out[:k]) if o.month is not None), None)
            after = next((o.month for o in out[k + 1 :] if o.month is not None), None)
            month = before if before is not None else after
            out[k] = Item(it.year, month, it.day, it.start, it.end)
    for k, it in enumerate(out):
        if it.year is None:
            after_year = next((o.year for o in out[k + 1 :] if o.year is not None), None)
            before_year = next((o.year for o in reversed(out[:k]) if o.year is not None), None)
            year = after_year if after_year is not None else before_year
            out[k] = Item(year, it.month, it.day, it.start, it.end)
    # A month with neither day nor year ("June's conference", "May we…") is too vague to keep.
    return [it for it in out if it.month is not None and (it.day is not None or it.year is not None)]


def _parse_korean(match: re.Match[str]) -> RawDate:
    def num(name: str) -> int | None:
        value = match.group(name)
        return int(value) if value else None

    first = Item(
        num("y"), num("m"), num("d"), match.start(), match.end("d") if match.group("d") else match.end("m")
    )
    if first.month is not None and first.day is None and first.year is None:
        return RawDate((), (), match.start(), match.end())
    if match.group("d2") is None:
        return RawDate(
            (Item(first.year, first.month, first.day, match.start(), match.end()),),
            (),
            match.start(),
            match.end(),
        )
    year2 = num("y2") if num("y2") is not None else first.year
    month2 = num("m2") if num("m2") is not None else first.month
    second = Item(year2, month2, num("d2"), match.start("d2"), match.end())
    return RawDate((first, second), (True,), match.start(), match.end())


def scan(text: str, start: int = 0, end: int | None = None) -> list[RawDate]:
    """Every date phrase in `text[start:end]`, unresolved, in text order, without overlaps."""
    end = len(text) if end is None else end
    found: list[RawDate] = []
    for match in _NUMERIC.finditer(text, start, end):
        year, month, day = int(match["y"]), int(match["m"]), int(match["d"])
        if match["d2"] is None:
            found.append(
                RawDate((Item(year, month, day, match.start(), match.end()),), (), match.start(), match.end())
            )
            continue
        first = Item(year, month, day, match.start(), match.end("d"))
        second = Item(
            int(match["y2"] or year),
            int(match["m2"] or month),
            int(match["d2"]),
            match.start("m2" if match["m2"] else "d2"),
            match.end(),
        )
        found.append(RawDate((first, second), (True,), match.start(), match.end()))
    korean = "월" in text[start:end]  # the Korean pattern is the slow one: skip it where it cannot match
    for match in _KO_PHRASE.finditer(text, start, end) if korean else ():
        raw = _parse_korean(match)
        if raw.items:
            found.append(raw)
    for match in _EN_PHRASE.finditer(text, start, end):
        parsed = _parse_english(text, match.start(), match.end())
        if parsed is not None:
            found.append(parsed)
    found.sort(key=lambda raw: (raw.start, -(raw.end - raw.start)))
    kept: list[RawDate] = []
    for raw in found:
        if not kept or raw.start >= kept[-1].end:
            kept.append(raw)
    return kept


def year_anchors(text: str, raws: Sequence[RawDate]) -> list[tuple[int, int]]:
    """(offset, year) for every explicit year: in full dates and on its own ("in 2021", "2018년")."""
    anchors = [(item.start, item.year) for raw in raws for item in raw.items if item.year is not None]
    for match in _YEAR.finditer(text):
        after = match.end()
        if _NOT_AFTER.match(text, after):
            continue
        if _YEAR_AFTER.match(text, after) or _YEAR_BEFORE.search(
            text[max(0, match.start() - 12) : match.start()]
        ):
            anchors.append((match.start(), int(match.group())))
    anchors.sort()
    return anchors


def make_date(year: int, month: int, day: int | None) -> date | None:
    try:
        return date(year, month, day or 1)
    except ValueError:
        return None


def full_date(raw: RawDate) -> date | None:
    """The date a phrase names on its own, with year, month and day; None when partial or several."""
    if len(raw.items) != 1:
        return None
    item = raw.items[0]
    if item.year is None or item.month is None or item.day is None:
        return None
    return make_date(item.year, item.month, item.day)

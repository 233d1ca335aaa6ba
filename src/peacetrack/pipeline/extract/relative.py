"""Dates written relative to the document's own date, as news writes them.

"on Tuesday", "last Friday", "yesterday", "earlier today"; "지난 9일", "9일(현지시간)", "전날",
"어제", "이날". A weekday is the latest such day on or before the article's date (a report
dated Wednesday saying "on Wednesday" means that day; "on Tuesday", the day before). A bare
Korean day of the month is that day in the article's month, or the month before when the day
is still to come. Nothing is resolved without the document's own date: an undated text's
"Tuesday" could be any.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta

from peacetrack.model.codebook import Precision
from peacetrack.pipeline.records import DateValue, Extractor, Mark

EXTRACTOR = Extractor("relative-dates", "1.0")

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_KO_WEEKDAYS = "월화수목금토일"

_ENGLISH = re.compile(
    r"\b(?P<lead>on|last|this\s+past|late|early|(?:late\s+)?on)?\s*"
    r"(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
    r"(?!\s*,?\s*(?:\d{1,2}\b|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)))"  # "Tuesday, 5 March"
    r"|\b(?P<word>yesterday|today|earlier\s+today|the\s+previous\s+day|the\s+day\s+before)\b",
    re.IGNORECASE,
)
# "지난 9일", "9일(현지시간)", "9일 오후": a day of the month with no month before it.
_KOREAN_DAY = re.compile(
    r"(?<![\d월./-])(?<!월\s)(?:(?P<month>지난\s*달|지난달|이달|이번\s*달)\s*|지난\s*)?(?P<day>[1-3]?\d)\s*일(?=\s*(?:\(|오전|오후|새벽|밤|저녁|낮|정오|부터"
    r"|[이가은는에의도부]\b|[,.\s]))(?!\s*(?:간|동안|째|만|씩|분|까지\s*\d))"
)
_KOREAN_WORD = re.compile(r"(?P<word>어제|전날|하루\s*전|오늘|이날|지난\s*(?P<weekday>[월화수목금토일])요일)")


def _weekday_before(anchor: date, weekday: int) -> date:
    return anchor - timedelta(days=(anchor.weekday() - weekday) % 7)


def _korean_day(anchor: date, day: int, month_word: str | None) -> date | None:
    year, month = anchor.year, anchor.month
    this_month = month_word is not None and month_word.startswith("이")
    if (month_word is not None and not this_month) or (month_word is None and day > anchor.day):
        # "지난달 30일", or a day still to come this month: last month's
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _value(text: str, start: int, end: int, when: date) -> DateValue:
    return DateValue(when, None, Precision.DAY, Mark(start, end, text[start:end], EXTRACTOR))


def relative_dates(text: str, anchor: date | None, taken: Sequence[tuple[int, int]]) -> list[DateValue]:
    """The relative dates in `text`, resolved against `anchor`, outside the `taken` spans (the absolute
    dates already found)."""
    if anchor is None:
        return []

    def free(start: int, end: int) -> bool:
        return not any(a < end and start < b for a, b in taken)

    found: list[DateValue] = []
    for match in _ENGLISH.finditer(text):
        if not free(match.start(), match.end()):
            continue
        word = (match.group("word") or "").casefold()
        if match.group("weekday"):
            when = _weekday_before(anchor, _WEEKDAYS.index(match.group("weekday").casefold()))
            if (match.group("lead") or "").casefold().startswith("last") and when == anchor:
                when -= timedelta(days=7)
        elif word in ("yesterday", "the previous day", "the day before"):
            when = anchor - timedelta(days=1)
        else:
            when = anchor
        start = match.start("weekday") if match.group("weekday") else match.start("word")
        found.append(_value(text, start, match.end(), when))
    for match in _KOREAN_DAY.finditer(text):
        day = _korean_day(anchor, int(match["day"]), match["month"])
        if day is not None and free(match.start(), match.end()):
            found.append(_value(text, match.start(), match.end(), day))
    for match in _KOREAN_WORD.finditer(text):
        if not free(match.start(), match.end()):
            continue
        word = match["word"]
        if match["weekday"]:
            when = _weekday_before(anchor, _KO_WEEKDAYS.index(match["weekday"]))
            when -= timedelta(days=7) if when == anchor else timedelta(0)
        elif word.startswith(("어제", "전날", "하루")):
            when = anchor - timedelta(days=1)
        else:
            when = anchor
        found.append(_value(text, match.start(), match.end(), when))
    found.sort(key=lambda value: value.mark.start)
    return found

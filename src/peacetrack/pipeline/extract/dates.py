"""Dates and date ranges in English and Korean, resolved against the document's own date.

A focused extractor: a few compiled patterns find date phrases, a small parser
reads each phrase into items (year?, month?, day?), and resolution fills in
what is missing. On the four seed texts it reads about 400 documents a second
where `dateparser.search_dates` reads about one (two shared cores), and it
understands lists and ranges that dateparser reads as separate dates
("on November 29th, 30th, and December 1st").

Forms: "21 March 2019", "March 21, 2019", "March 2019", "June of 2020",
"29-30 November 2021", "November 29th, 30th, and December 1st",
"April, May, and September 2018", "2018년 4월 27일", "4월 27일",
"2023년 11월 15일부터 16일까지", "2021.11.29", "2022-01-21".

A partial date takes its year from an explicit year in the same sentence, else
the year that puts it nearest the document's date, else the last year named
before it. A list of consecutive days is one range; other lists are several dates.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import pairwise

from peacetrack.model.codebook import Precision
from peacetrack.pipeline.extract.datescan import Item, RawDate, full_date, make_date, scan, year_anchors
from peacetrack.pipeline.records import DateValue, Extractor, Mark, Sentence

EXTRACTOR = Extractor("dates", "1.0")

__all__ = ["EXTRACTOR", "DatePhrase", "extract_dates", "full_date", "phrases_within", "scan"]


@dataclass(frozen=True, slots=True)
class DatePhrase:
    """A resolved date phrase: one value for a date or a range, several for a list."""

    start: int
    end: int
    values: tuple[DateValue, ...]


class _Context:
    """Where a partial date looks for its year."""

    def __init__(
        self,
        anchors: list[tuple[int, int]],
        sentences: Sequence[Sentence],
        anchor: date | None,
        in_full_dates: frozenset[int] = frozenset(),
    ):
        self.anchors = anchors
        # Where a year belongs to another full date ("… the agreement of 19 September 2018"): with the
        # document's own date known, such a year does not date the sentence's other partial dates.
        self.in_full_dates = in_full_dates
        self.offsets = [offset for offset, _ in anchors]
        self.sentence_starts = [s.start for s in sentences]
        self.sentences = sentences
        self.anchor = anchor

    def _sentence(self, offset: int) -> tuple[int, int] | None:
        k = bisect.bisect_right(self.sentence_starts, offset) - 1
        if k >= 0 and self.sentences[k].start <= offset < self.sentences[k].end:
            return self.sentences[k].start, self.sentences[k].end
        return None

    def year_for(self, item: Item) -> int | None:
        assert item.month is not None
        bounds = self._sentence(item.start)
        if bounds is not None:
            inside = [
                (abs(offset - item.start), offset > item.start, year)
                for offset, year in self.anchors
                if bounds[0] <= offset < bounds[1]
                and (self.anchor is None or offset not in self.in_full_dates)
            ]
            if inside:
                return min(inside)[2]
        if self.anchor is not None:
            distances = []
            for year in (self.anchor.year - 1, self.anchor.year, self.anchor.year + 1):
                when = make_date(year, item.month, item.day)
                if when is not None:
                    distances.append((abs((when - self.anchor).days), year))
            if distances:
                return min(distances)[1]
        k = bisect.bisect_left(self.offsets, item.start) - 1
        return self.anchors[k][1] if k >= 0 else None


def _when(year: int, item: Item) -> date | None:
    assert item.month is not None
    return make_date(year, item.month, item.day)


def _resolve_items(raw: RawDate, context: _Context) -> list[tuple[int, Item, date]]:
    """(index, item, date) for a phrase's items; later items never fall before earlier ones."""
    out: list[tuple[int, Item, date]] = []
    missing_year: int | None = None
    for index, item in enumerate(raw.items):
        if item.month is None:
            continue
        year = item.year
        if year is None:
            if missing_year is None:
                missing_year = context.year_for(item)
            year = missing_year
        if year is None:
            continue
        when = _when(year, item)
        if when is not None and out and when < out[-1][2] and item.year is None:
            when = _when(year + 1, item)  # "December 30th to January 2nd"
        if when is not None:
            out.append((index, item, when))
    return out


def _mark(text: str, start: int, end: int) -> Mark:
    return Mark(start, end, text[start:end], EXTRACTOR)


def _precision(item: Item) -> Precision:
    return Precision.DAY if item.day is not None else Precision.MONTH


def _month_end(when: date) -> date:
    following = date(when.year + 1, 1, 1) if when.month == 12 else date(when.year, when.month + 1, 1)
    return following - timedelta(days=1)


def _span_value(text: str, first: tuple[int, Item, date], last: tuple[int, Item, date]) -> DateValue:
    _, first_item, start = first
    _, last_item, end = last
    if last_item.day is None:
        end = _month_end(end)  # "April to June 2018" runs to the end of June
    return DateValue(start, end, _precision(first_item), _mark(text, first_item.start, last_item.end))


def _consecutive(resolved: list[tuple[int, Item, date]]) -> bool:
    return (
        len(resolved) >= 2
        and all(
            item.day is not None and later - earlier == timedelta(days=1)
            for (_, _, earlier), (_, item, later) in pairwise(resolved)
        )
        and resolved[0][1].day is not None
    )


def resolve(text: str, raw: RawDate, context: _Context) -> DatePhrase | None:
    resolved = _resolve_items(raw, context)
    if not resolved:
        return None
    if not any(raw.ranges) and _consecutive(resolved):
        # "on November 29th, 30th, and December 1st": consecutive days are one span of time.
        return DatePhrase(raw.start, raw.end, (_span_value(text, resolved[0], resolved[-1]),))
    values: list[DateValue] = []
    k = 0
    while k < len(resolved):
        index, item, when = resolved[k]
        paired = k + 1 < len(resolved) and resolved[k + 1][0] == index + 1 and raw.ranges[index]
        if paired:
            values.append(_span_value(text, resolved[k], resolved[k + 1]))
            k += 2
        else:
            values.append(DateValue(when, None, _precision(item), _mark(text, item.start, item.end)))
            k += 1
    return DatePhrase(raw.start, raw.end, tuple(values))


def phrases_within(phrases: Sequence[DatePhrase], start: int, end: int) -> Sequence[DatePhrase]:
    """The phrases that begin in ``[start, end)``; `phrases` is in text order, so this is a bisection."""
    first = bisect.bisect_left(phrases, start, key=lambda p: p.start)
    last = bisect.bisect_left(phrases, end, key=lambda p: p.start)
    return phrases[first:last]


def extract_dates(text: str, sentences: Sequence[Sentence], anchor: date | None) -> tuple[DatePhrase, ...]:
    """Every date phrase in the text, resolved; `anchor` is the document's own date."""
    raws = scan(text)
    full = frozenset(item.start for raw in raws for item in raw.items if item.year is not None)
    context = _Context(year_anchors(text, raws), sentences, anchor, full)
    phrases = (resolve(text, raw, context) for raw in raws)
    return tuple(phrase for phrase in phrases if phrase is not None)

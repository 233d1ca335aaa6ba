"""Dated events a document mentions: summits, signings, demolitions, talks, tests.

An event is a date phrase and a cue word (data/events.yaml) in the same clause
of a sentence. Its title is the words around the cue: in English the noun
phrase before the date ("after an unsuccessful Hanoi summit in February 2019"
-> "an unsuccessful Hanoi summit") or the words after it; in Korean, which puts
the verb last, the clause up to the cue ("남북 정상회담").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from peacetrack.pipeline.extract.dates import EXTRACTOR as DATES_EXTRACTOR
from peacetrack.pipeline.extract.dates import DatePhrase, phrases_within
from peacetrack.pipeline.extract.names import clean
from peacetrack.pipeline.records import DateValue, Document, Event, Extractor, Mark, Place, Sentence
from peacetrack.pipeline.resources import Resources

EXTRACTOR = Extractor("events", "1.0")

_CLAUSE_BREAK = re.compile(
    r"[,;:]\s+|\s+(?:as\s+well\s+as|while|whereas)\s+|(?<=[가-힣])(?:고|며|으며|지만),?\s+"
)
# Words that end the phrase naming an event, counted back from the date.
_LEAD = re.compile(
    r".*\b(?:during|after|before|since|following|by|with|that|which|when|while|including|included|include"
    r"|such\s+as|as|at|amid|despite|until)\s+",
    re.IGNORECASE | re.DOTALL,
)
_KO_ENDING = re.compile(
    r"(?:하였다|하였고|했습니다|했으며|했다|했고|합니다|한다|하고|하며|됐다|되었다|했|한|된)[.。]?$"
)
_DATELINE_AFTER = re.compile(r"\s*(?:\([^()\n]{1,30}\)\s*)?(?:--|—|–)\s")
_EDGE_WORDS = re.compile(
    r"^(?:and|or|but|the|however|moreover|also|then)\s+|\s+(?:in|on|of|at|from|during|since"
    r"|and|the|its|their)$",
    re.IGNORECASE,
)


def _clauses(text: str, sentence: Sentence, phrases: Sequence[DatePhrase]) -> list[tuple[int, int]]:
    cuts = [sentence.start]
    for match in _CLAUSE_BREAK.finditer(text, sentence.start, sentence.end):
        if any(p.start <= match.start() < p.end for p in phrases):
            continue  # "April, May, and September 2018" is one date, not three clauses
        cuts.extend([match.start(), match.end()])
    cuts.append(sentence.end)
    return [(cuts[k], cuts[k + 1]) for k in range(0, len(cuts), 2) if cuts[k + 1] > cuts[k]]


def _trim_edges(text: str, start: int, end: int) -> tuple[int, int]:
    while True:
        piece = text[start:end]
        stripped = piece.strip(" ,.;:‘’'\"“”")
        if not stripped:
            return start, start
        start += piece.find(stripped)
        end = start + len(stripped)
        match = _EDGE_WORDS.search(text[start:end])
        if match is None:
            return start, end
        if match.start() == 0:
            start += match.end()
        else:
            end = start + match.start()


def _korean_title(
    text: str, clause: tuple[int, int], phrase: DatePhrase, cues: list[re.Match[str]]
) -> tuple[int, int]:
    """From the date to the verb that names the event, without its ending: "… 연락사무소를 폭파"."""
    last = cues[-1]
    word_end = last.end()
    while word_end < clause[1] and not text[word_end].isspace():
        word_end += 1
    ending = _KO_ENDING.search(text, last.end(), word_end)
    end = ending.start() if ending is not None else word_end
    left = phrase.end if phrase.end <= last.start() else clause[0]
    return _trim_edges(text, left, max(end, last.end()))


def _title(
    text: str, clause: tuple[int, int], phrase: DatePhrase, cues: list[re.Match[str]]
) -> tuple[int, int]:
    start, end = clause
    cue = cues[0]
    if re.search(r"[가-힣]", text[cue.start() : cue.end()]):
        return _korean_title(text, clause, phrase, cues)
    if cue.start() < phrase.start:
        lead = _LEAD.match(text, start, cue.start())
        return _trim_edges(text, lead.end() if lead else start, phrase.start)
    return _trim_edges(text, phrase.end, end)


def _cue(text: str, clause: tuple[int, int], resources: Resources) -> tuple[str, list[re.Match[str]]] | None:
    """The clause's event type (the first type any cue of which matches) and all its cue matches."""
    for cue in resources.event_cues:
        if cue.pattern.search(text, clause[0], clause[1]) is not None:
            matches = [
                m
                for c in resources.event_cues
                if c.type == cue.type
                for m in c.pattern.finditer(text, clause[0], clause[1])
            ]
            return cue.type, sorted(matches, key=lambda m: m.start())
    return None


def _dateline(text: str, phrase: DatePhrase) -> bool:
    """The date of a wire dateline ("SEOUL, June 17 (Yonhap) --"): when the story was filed."""
    return _DATELINE_AFTER.match(text, phrase.end) is not None


def _lead_event(document: Document, phrases: Sequence[DatePhrase], resources: Resources) -> Event | None:
    """What a news report reports: the first dated sentence of its body, whether or not a cue word
    names the event ("reconnected their severed communication lines on Tuesday")."""
    text = document.text
    body_from = document.title_mark.end if document.title_mark is not None else 0
    for sentence in document.sentences:
        words = text[sentence.start : sentence.end]
        if sentence.end <= body_from or len(words.split()) < 6 or " | " in words or " · " in words:
            continue  # the headline, the byline, the date line, a navigation bar or a masthead
        for phrase in phrases_within(phrases, sentence.start, sentence.end):
            if _own(document, phrase) or _dateline(text, phrase) or _stamp(document, phrase):
                continue
            found = _cue(text, (sentence.start, sentence.end), resources)
            kind = found[0] if found is not None else "other"
            a, b = _trim_edges(text, sentence.start, sentence.end)
            return _event(text, phrase.values[0], a, b, kind, sentence, None)
    return None


def _stamp(document: Document, phrase: DatePhrase) -> bool:
    """A written-out date equal to the article's own: another copy of its date stamp. ("Today" and
    "on Wednesday" in a Wednesday report are relative dates, and stay.)"""
    value = phrase.values[0]
    return value.start == document.date and value.mark.by is DATES_EXTRACTOR


def _own(document: Document, phrase: DatePhrase) -> bool:
    own_date = document.date_mark
    return own_date is not None and phrase.start <= own_date.start < phrase.end


def extract_events(
    document: Document, phrases: Sequence[DatePhrase], resources: Resources
) -> tuple[Event, ...]:
    text = document.text
    events: list[Event] = []
    for sentence in document.sentences:
        inside = [
            p
            for p in phrases_within(phrases, sentence.start, sentence.end)
            if not _own(document, p) and not _dateline(text, p)
        ]
        if not inside:
            continue
        for clause in _clauses(text, sentence, inside):
            found = _cue(text, clause, resources)
            if found is None:
                continue
            kind, cues = found
            for phrase in (p for p in inside if clause[0] <= p.start < clause[1]):
                a, b = _title(text, clause, phrase, cues)
                if b <= a:
                    continue
                found_place = resources.place_pattern.search(text, a, b)
                place = None
                if found_place is not None:
                    mark = Mark(found_place.start(), found_place.end(), found_place.group(), EXTRACTOR)
                    place = Place(resources.places[found_place.group()], mark)
                for value in phrase.values:
                    events.append(_event(text, value, a, b, kind, sentence, place))
    if document.kind == "news" and (lead := _lead_event(document, phrases, resources)) is not None:
        # The reported event first: the cue-named one from the lead sentence where there is one.
        same = [e for e in events if e.sentence == lead.sentence and e.date == lead.date]
        first = same[0] if same else lead
        events = [first, *(e for e in events if e is not first)]
    return tuple(events)


def _event(
    text: str, value: DateValue, start: int, end: int, kind: str, sentence: Sentence, place: Place | None
) -> Event:
    return Event(
        date=value,
        title=clean(text[start:end]),
        mark=Mark(start, end, text[start:end], EXTRACTOR),
        type=kind,
        sentence=sentence,
        place=place,
    )

"""Demands: each "we request/urge/call on/appeal to X to …" sentence, with X as its addressees.

Korean letters put the addressee before the verb with a dative particle:
"우리는 유엔 안보리에 … 촉구합니다" or "… 것을 정부에 요구한다".
A demand repeated word for word (a summary, then the body) is one demand.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from peacetrack.pipeline.extract.names import clean, split_list, strip_role
from peacetrack.pipeline.records import Demand, Extractor, Mark, NameRef, Sentence
from peacetrack.pipeline.registry import normalise_name

EXTRACTOR = Extractor("demands", "1.0")

_EN = re.compile(
    r"\b[Ww]e\s+(?:(?:also|again|once\s+again|therefore|thus|hereby|strongly|further|earnestly|sincerely"
    r"|respectfully|jointly|urgently|would\s+like\s+to|want\s+to|wish\s+to)[\s,]+)*"
    r"(?P<verb>request|urge|call\s+(?:on|upon)|appeal\s+to|ask|implore|plead\s+with|encourage|demand)\s+"
)
_TO = re.compile(r"\bto\s+(?P<word>[\w'-]+)")
# "to" before these is a preposition, not the start of what is asked.
_NOT_VERBS = frozenset(
    [
        "the",
        "a",
        "an",
        "this",
        "that",
        "these",
        "those",
        "its",
        "their",
        "his",
        "her",
        "our",
        "your",
        "all",
        "any",
        "each",
        "every",
        "resolution",
        "resolutions",
        "date",
        "no",
        "one",
    ]
)
_PREPOSITIONAL = frozenset(
    [
        "pursuant",
        "according",
        "due",
        "prior",
        "owing",
        "thanks",
        "related",
        "relating",
        "close",
        "next",
        "contrary",
        "subject",
        "addressed",
        "referred",
        "committed",
        "regard",
        "respect",
        "attention",
        "access",
        "commitment",
        "contribution",
        "adherence",
        "return",
        "approach",
        "answer",
        "response",
        "reference",
    ]
)
_KO_VERB = re.compile(
    r"(?:촉구|요구|요청|호소|권고|당부)\s*(?:합니다|한다|하는\s*바입니다|드립니다|하며|하고|하였다|했다)"
)
_KO_BEFORE_VERB = re.compile(
    r"(?P<addr>[^\s,.]{1,40}(?:\s+[^\s,.]{1,40}){0,3}?)(?:에게|께|에)\s+(?:강력히\s+|거듭\s+|다시\s+)?"
    r"(?:촉구|요구|요청|호소|권고|당부)"
)
_KO_AFTER_SUBJECT = re.compile(
    r"^(?:우리(?:들)?은|우리는|[^\s]+\s*단체(?:들)?은)\s+(?:또한\s+|다시\s+한번\s+)?"
    r"(?P<addr>[^,.]+?)(?:에게|께|에)\s"
)


_KO_MARKED = re.compile(r"[^\s]+[을를은는]\s+")


def _infinitive(text: str, start: int, end: int) -> int | None:
    """Where the asked-for action starts: the first "to" that opens an infinitive."""
    for match in _TO.finditer(text, start, end):
        word = match.group("word")
        before = text[start : match.start()].split()
        previous = before[-1].lower().strip(",") if before else ""
        if word.lower() in _NOT_VERBS or word[0].isupper() or word[0].isdigit() or previous in _PREPOSITIONAL:
            continue
        return match.start()
    return None


def _addressees(text: str, start: int, end: int) -> tuple[NameRef, ...]:
    refs = []
    for a, b in split_list(text, start, end):
        a, b = strip_role(text, a, b)
        if b > a:
            refs.append(NameRef(clean(text[a:b]), Mark(a, b, text[a:b], EXTRACTOR)))
    return tuple(refs)


def _english(text: str, sentence: Sentence) -> Demand | None:
    match = _EN.search(text, sentence.start, sentence.end)
    if match is None:
        return None
    to = _infinitive(text, match.end(), sentence.end)
    if to is None:
        return None
    return Demand(
        text=clean(text[sentence.start : sentence.end]),
        mark=Mark(sentence.start, sentence.end, text[sentence.start : sentence.end], EXTRACTOR),
        addressees=_addressees(text, match.end(), to),
    )


def _korean(text: str, sentence: Sentence) -> Demand | None:
    if _KO_VERB.search(text, sentence.start, sentence.end) is None:
        return None
    body = text[sentence.start : sentence.end]
    match = _KO_BEFORE_VERB.search(body) or _KO_AFTER_SUBJECT.search(body)
    addressees: tuple[NameRef, ...] = ()
    if match is not None:
        start = sentence.start + match.start("addr")
        end = sentence.start + match.end("addr")
        # Words before an object or topic particle ("대화 재개를 국제사회에") are not the addressee.
        marked = list(_KO_MARKED.finditer(text, start, end))
        if marked:
            start = marked[-1].end()
        addressees = _addressees(text, start, end)
    return Demand(
        text=clean(body),
        mark=Mark(sentence.start, sentence.end, body, EXTRACTOR),
        addressees=addressees,
    )


def extract_demands(text: str, sentences: Sequence[Sentence]) -> tuple[Demand, ...]:
    found: list[Demand] = []
    seen: set[str] = set()
    for sentence in sentences:
        demand = _english(text, sentence) or _korean(text, sentence)
        if demand is None:
            continue
        key = normalise_name(demand.text)
        if key not in seen:
            seen.add(key)
            found.append(demand)
    return tuple(found)

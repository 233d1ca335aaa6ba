"""People quoted in a report: who said it, and the words, kept as the quote that supports it."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from peacetrack.pipeline.records import Extractor, Mark, NameRef, Sentence, Speaker

EXTRACTOR = Extractor("speakers", "1.0")

_QUOTE = re.compile(r"“(?P<a>[^”]{12,1000})”|\"(?P<b>[^\"]{12,1000})\"")
_SPEECH = re.compile(
    r"\b(?:stated|said|says|noted|remarked|stressed|emphasi[sz]ed|stating|saying|added|argued|explained|told"
    r"|declared|commented|observed|warned)\b"
)
_KO_SPEECH = re.compile(
    r"(?:라고|이라고|며|고)\s*(?:말했다|밝혔다|강조했다|주장했다|덧붙였다|전했다|설명했다)|말했다|밝혔다|강조했다"
)
_KO_NAME = re.compile(
    r"(?<![가-힣])(?P<name>[가-힣]{2,4})\s+(?:[^\s“\"]+\s+){0,3}?"
    r"(?:대표|공동대표|사무총장|사무국장|교수|위원장|의원|장관|대사|소장|이사장|국장|박사|연구위원|회장|총장|처장|실장|팀장"
    r"|활동가|목사|신부|스님|특별대표|전문가)(?:은|는|이|가)\s"
)
_WORD = re.compile(r"[A-Z][a-z]+(?:-[A-Z]?[a-z]+)?|[A-Z][A-Za-z]*")
# Capitalised words that are titles or parts of organisation names, never of a person's name.
_NOT_NAME = frozenset(
    [
        "Executive",
        "Director",
        "Executive-Director",
        "Associate",
        "General",
        "Secretary",
        "Secretary-General",
        "President",
        "Vice",
        "Chair",
        "Chairman",
        "Chairperson",
        "Professor",
        "Dr",
        "Mr",
        "Ms",
        "Mrs",
        "Ambassador",
        "Minister",
        "Deputy",
        "Senior",
        "Special",
        "Representative",
        "Envoy",
        "Head",
        "Coordinator",
        "Officer",
        "Manager",
        "Advisor",
        "Adviser",
        "Fellow",
        "Researcher",
        "Programs",
        "Programme",
        "Program",
        "International",
        "Committee",
        "Service",
        "Friends",
        "American",
        "Movement",
        "Forum",
        "Council",
        "Foundation",
        "Stiftung",
        "Institute",
        "Network",
        "Association",
        "Center",
        "Centre",
        "University",
        "Ministry",
        "Government",
        "Office",
        "Society",
        "Coalition",
        "Alliance",
        "Union",
        "Party",
        "Church",
        "Agency",
        "Organization",
        "Organisation",
        "Women",
        "Cross",
        "DMZ",
        "Korean",
        "Korea",
        "Peace",
        "United",
        "Nations",
        "The",
        "After",
        "Before",
        "Ending",
        "During",
        "In",
        "On",
        "At",
        "For",
        "But",
        "And",
        "Meanwhile",
        "However",
    ]
)


def _quotes(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    for match in _QUOTE.finditer(text, start, end):
        group = "a" if match.group("a") is not None else "b"
        yield match.start(group), match.end(group)


def _person_before(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The last run of two or three capitalised name words in ``text[start:end]``."""
    runs: list[list[re.Match[str]]] = []
    current: list[re.Match[str]] = []
    pos = start
    for match in re.finditer(r"\S+", text[start:end]):
        word = match.group().strip(",.;:()")
        token = _WORD.fullmatch(word)
        name_like = token is not None and word not in _NOT_NAME and not word.isupper()
        gap = text[pos : start + match.start()]
        if name_like and (not current or gap.strip() == ""):
            current.append(match)
        else:
            if len(current) in (2, 3):
                runs.append(current)
            current = [match] if name_like else []
        pos = start + match.end()
        if match.group().endswith((",", ";", ":")):
            if len(current) in (2, 3):
                runs.append(current)
            current = []
    if len(current) in (2, 3):
        runs.append(current)
    if not runs:
        return None
    run = runs[-1]
    first, last = run[0], run[-1]
    stop = start + last.start() + len(last.group().rstrip(",.;:()"))
    return start + first.start(), stop


def _english(text: str, sentence: Sentence) -> list[Speaker]:
    speech = _SPEECH.search(text, sentence.start, sentence.end)
    if speech is None:
        return []
    quotes = list(_quotes(text, sentence.start, sentence.end))
    if not quotes:
        return []
    # The speaker is named before the verb of saying, outside any quote.
    limit = min(speech.start(), quotes[0][0])
    found = _person_before(text, sentence.start, limit)
    if found is None:
        return []
    a, b = found
    q_start, q_end = max(quotes, key=lambda q: q[1] - q[0])
    person = NameRef(text[a:b], Mark(a, b, text[a:b], EXTRACTOR))
    return [Speaker(person, Mark(q_start, q_end, text[q_start:q_end], EXTRACTOR))]


def _korean(text: str, sentence: Sentence) -> list[Speaker]:
    if _KO_SPEECH.search(text, sentence.start, sentence.end) is None:
        return []
    quotes = list(_quotes(text, sentence.start, sentence.end))
    name = _KO_NAME.search(text, sentence.start, sentence.end)
    if not quotes or name is None:
        return []
    a, b = name.span("name")
    q_start, q_end = max(quotes, key=lambda q: q[1] - q[0])
    return [
        Speaker(
            NameRef(text[a:b], Mark(a, b, text[a:b], EXTRACTOR)),
            Mark(q_start, q_end, text[q_start:q_end], EXTRACTOR),
        )
    ]


def extract_speakers(text: str, sentences: Sequence[Sentence]) -> list[tuple[Sentence, Speaker]]:
    found = []
    for sentence in sentences:
        for speaker in _english(text, sentence) or _korean(text, sentence):
            found.append((sentence, speaker))
    return found

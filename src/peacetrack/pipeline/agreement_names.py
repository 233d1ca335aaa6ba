"""Agreement mentions from the agreements a store holds: their titles and aliases, in any process.

The case's names are its data: a letter naming "the Belfast Agreement" or "9·19 군사합의" is tied to
that agreement through the record's title and aliases, without touching the engine. Names match in the
spellings documents use: digits joined by any of · ‧ ・ ㆍ . (9·19, 9.19, 9 · 19), Korean words with
or without the space between them (판문점선언, 판문점 선언), and a Korean name followed by more syllables
(합의 finds 합의서, 공동선언 finds 공동선언문), as Korean takes particles and suffixes.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable

from peacetrack.model.languages import HANGUL_SYLLABLES
from peacetrack.model.records import Agreement
from peacetrack.pipeline.resources import AgreementPattern

_HANGUL = re.compile(f"[{HANGUL_SYLLABLES}]")
_ACRONYM = re.compile(r"^[A-Z0-9][A-Z0-9.&-]{1,7}$")
_MIN_LENGTH = 3  # a two-letter alias matches everywhere


_DATE_DOT = re.compile(r"(?<=\d)\\?[·‧・ㆍ.](?=\d)")  # "9·19" as escaped: the separator between digits
_ANY_DOT = r"\s*[·‧・ㆍ.]\s*"


def _word(word: str) -> str:
    return _DATE_DOT.sub(lambda _: _ANY_DOT, re.escape(word))


def _body(words: list[str]) -> str:
    """The words, with any spacing between Korean words (none included) and some between others."""
    body = _word(words[0])
    for before, after in itertools.pairwise(words):
        korean = bool(_HANGUL.search(before[-1])) and bool(_HANGUL.search(after[0]))
        body += (r"\s*" if korean or _DATE_DOT.search(re.escape(before)) else r"\s+") + _word(after)
    return body


def _pattern(name: str) -> re.Pattern[str] | None:
    name = " ".join(name.split())
    if len(name) < _MIN_LENGTH:
        return None
    body = _body(name.split(" "))
    if _ACRONYM.match(name):  # "CMA", "JCPOA": as written, a word of its own
        return re.compile(rf"(?-i:(?<![\w]){body}(?![\w]))")
    # Latin names end at a word edge; Hangul ones take particles right after them.
    end = "" if _HANGUL.search(name[-1]) else r"(?![\w])"
    return re.compile(rf"(?<![\w]){body}{end}", re.IGNORECASE)


def _keyword(name: str) -> str:
    """A word every match contains, so documents without it skip the pattern: the longest word that is
    written one way (not "9·19", which may be "9.19"; not a Korean word, which may run into the next)."""
    words = sorted((w.casefold() for w in name.split()), key=len, reverse=True)
    fixed = [w for w in words if not _DATE_DOT.search(w) and not _HANGUL.search(w)]
    if fixed:
        return fixed[0]
    # A Korean name: its first two syllables open every spelling of it.
    first = re.sub(r"[\d·‧・ㆍ.\s]+", "", name)
    return first[:2].casefold() if first else name.casefold()


# "the DPRK and the U.S. committed in Singapore": what was agreed where an agreement was signed.
_AGREED_IN = r"(?:agreed|committed|promised|pledged|signed)\s+(?:in|at)\s+"


def _signed_in(agreements: list[Agreement]) -> list[tuple[int, AgreementPattern]]:
    """A pattern for what was agreed in the city of an agreement's signing, where only one was signed."""
    cities: dict[str, list[str]] = {}
    for agreement in agreements:
        city = agreement.place.rsplit(",", 1)[-1].strip() if agreement.place else ""
        if len(city) >= _MIN_LENGTH:
            cities.setdefault(city, []).append(agreement.id)
    found = []
    for city, ids in cities.items():
        if len(ids) == 1:
            compiled = re.compile(rf"\b{_AGREED_IN}{re.escape(city)}(?![\w])", re.IGNORECASE)
            found.append((0, AgreementPattern(compiled, ids[0], None, (city.casefold(),))))
    return found


def name_patterns(agreements: Iterable[Agreement]) -> tuple[AgreementPattern, ...]:
    """A pattern for every title and alias of every agreement, longest names first; and one for what
    was agreed in the city where it alone was signed."""
    agreements = list(agreements)
    found: list[tuple[int, AgreementPattern]] = _signed_in(agreements)
    for agreement in agreements:
        names = {*agreement.title.values(), *agreement.aliases}
        for name in names:
            compiled = _pattern(name)
            if compiled is not None:
                found.append((len(name), AgreementPattern(compiled, agreement.id, None, (_keyword(name),))))
    return tuple(pattern for _, pattern in sorted(found, key=lambda item: -item[0]))

"""Agreement mentions from the agreements a store holds: their titles and aliases, in any process.

`data/agreements.yaml` carries hand-written patterns for the Korean agreements' many spellings
(9·19 군사합의, the September 19 military pact …); every other agreement a user imports is found by
the names its record gives, so a letter naming "the Belfast Agreement" is tied to that agreement
without touching the engine.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from peacetrack.model.languages import HANGUL_SYLLABLES
from peacetrack.model.records import Agreement
from peacetrack.pipeline.resources import AgreementPattern

_HANGUL = re.compile(f"[{HANGUL_SYLLABLES}]")
_ACRONYM = re.compile(r"^[A-Z0-9][A-Z0-9.&-]{1,7}$")
_MIN_LENGTH = 3  # a two-letter alias matches everywhere


def _pattern(name: str) -> re.Pattern[str] | None:
    name = " ".join(name.split())
    if len(name) < _MIN_LENGTH:
        return None
    body = r"\s+".join(re.escape(word) for word in name.split(" "))
    if _ACRONYM.match(name):  # "CMA", "JCPOA": as written, a word of its own
        return re.compile(rf"(?-i:(?<![\w]){body}(?![\w]))")
    # Latin names end at a word edge; Hangul ones take particles right after them.
    end = "" if _HANGUL.search(name[-1]) else r"(?![\w])"
    return re.compile(rf"(?<![\w]){body}{end}", re.IGNORECASE)


def _keyword(name: str) -> str:
    """A word every match contains, so documents without it skip the pattern."""
    words = sorted((w.casefold() for w in name.split()), key=len, reverse=True)
    return words[0] if words else name.casefold()


def name_patterns(agreements: Iterable[Agreement]) -> tuple[AgreementPattern, ...]:
    """A pattern for every title and alias of every agreement, longest names first."""
    found: list[tuple[int, AgreementPattern]] = []
    for agreement in agreements:
        names = {*agreement.title.values(), *agreement.aliases}
        for name in names:
            compiled = _pattern(name)
            if compiled is not None:
                found.append((len(name), AgreementPattern(compiled, agreement.id, None, (_keyword(name),))))
    return tuple(pattern for _, pattern in sorted(found, key=lambda item: -item[0]))

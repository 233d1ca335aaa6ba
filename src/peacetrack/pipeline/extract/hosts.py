"""Hosts and sponsors of a gathering from the sentence that says who held it.

"… the KSM, the Civil Peace Forum, …, sponsored by X and the Y, hosted the …" (active),
"… hosted by X and the Y in Seoul" (passive), "X와 Y는 … 개최합니다" / "X와 Y가 후원합니다"
(Korean). Label lines ("주최: X, Y", "Sponsored by: X") are read once, in ``fields``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from peacetrack.model.languages import is_hangul
from peacetrack.pipeline.extract.dates import DatePhrase, phrases_within
from peacetrack.pipeline.extract.names import (
    BODY_AND,
    NAME_GLUE,
    PARENT_BODY,
    clean,
    list_end,
    split_list,
    strip_part,
)
from peacetrack.pipeline.records import Extractor, Mark, NameRef, Sentence

EXTRACTOR = Extractor("hosts", "1.0")

_ACTIVE = re.compile(
    r"\b(?:co-?)?(?:hosted|organi[sz]ed|convened)\s+(?=the\b|a\b|an\b|its\b|their\b)"
    # a notice's own tense: "X and Y are organizing a morning on Capitol Hill", "X will host a webinar"
    r"|\b(?:are|is|will\s+be|will)\s+(?:jointly\s+)?(?:co-?)?(?:hosting|organi[sz]ing|convening|host|organi[sz]e|convene)"
    r"\s+(?=the\b|a\b|an\b|its\b|their\b)",
    re.IGNORECASE,
)
_PRONOUN = re.compile(r"(?:we|i|they|it|this|our\s+\w+|us|he|she|you)", re.IGNORECASE)
_PASSIVE = re.compile(r"\b(?:co-?)?(?:hosted|organi[sz]ed|convened)\s+by\s+", re.IGNORECASE)
SPONSORED = re.compile(
    r"(?:,\s*)?\b(?:(?:sponsored|supported|funded)\s+by|made\s+possible\s+(?:by|through|with)(?:\s+(?:(?:an?\s+)?"
    r"(?:generous\s+)?(?:grants?|gifts?|contributions?|funding)\s+from|the\s+(?:generous\s+)?support\s+of))?)"
    r"\s+(?P<list>.{1,300}?)"
    # The list runs on over commas that part names ("by X, the Y and Z"), up to a clause: ", hosted the …",
    # ", in Seoul", "and organised by".
    r"(?=,\s*(?!and\b|(?-i:(?:the|an?)\s+[A-Z]))(?-i:[a-z])|,?\s+(?:and\s+)?(?:co-?)?(?:hosted|organi[sz]ed|held|convened)\b|\.|;|$)",
    re.IGNORECASE,
)
_KO_SUBJECT = re.compile(r"^(?P<list>[^.。]+?)(?:은|는|이|가)\s")
_KO_SPONSOR = re.compile(r"(?:이|가)\s+(?:공동\s*)?후원|의\s+후원으로")
_KO_HOSTING = re.compile(
    r"(?P<list>[^\s.。,][^.。]*?)(?:이|가)\s+(?:공동\s*)?(?:주최|주관)(?:하고|한|했|하였|하며|하는|해)"
)
_TOGETHER = re.compile(
    r"\s+(?:together|jointly|in\s+partnership|in\s+cooperation|in\s+collaboration)\s+with\s+", re.I
)
_ADVERB = re.compile(r"\s+(?:jointly|together|also|successfully|recently|once\s+again)\s*$", re.IGNORECASE)


def _mark(text: str, start: int, end: int) -> Mark:
    return Mark(start, end, text[start:end], EXTRACTOR)


def _name_like(name: str) -> bool:
    """Names are capitalised but for small words: "Following on from June's conference" is no host."""
    if not name or not (name[0].isupper() or name[0].isdigit() or is_hangul(name[0])):
        return False
    return all(not w[0].islower() or w in NAME_GLUE for w in name.split() if w[0].isascii())


# "the Quincy Institute for Responsible Statecraft and the Institute for Peace and Unification Studies": "and
# the" before a capital joins two bodies in a subject, whatever the first one's last word.
_AND_THE = re.compile(r"(?<=[a-z)])(?P<cut>\s+and\s+)(?=the\s+[A-Z])")


def _bodies(text: str, start: int, end: int) -> list[tuple[int, int]]:
    pieces = []
    for a, b in split_list(text, start, end):
        pos = a
        cuts = sorted(
            [*BODY_AND.finditer(text, a, b), *_AND_THE.finditer(text, a, b)], key=lambda m: m.start()
        )
        for cut in cuts:
            if cut.start("cut") < pos:
                continue
            pieces.append((pos, cut.start("cut")))
            pos = cut.end("cut")
        pieces.append((pos, b))
    return pieces


def _names(text: str, start: int, end: int) -> tuple[NameRef, ...]:
    refs: list[NameRef] = []
    for a, b in _bodies(text, start, end):
        name = clean(strip_part(text[a:b]))
        if refs and PARENT_BODY.search(name):  # "Centre for Korean Research, University of …" is one host
            first = refs[-1].mark.start
            refs[-1] = NameRef(clean(text[first:b]), _mark(text, first, b))
        elif _name_like(name):
            refs.append(NameRef(name, _mark(text, a, b)))
    return tuple(refs)


def hosts_and_sponsors(
    text: str, sentence: Sentence | None, phrases: Sequence[DatePhrase]
) -> tuple[list[NameRef], list[NameRef]]:
    hosts: list[NameRef] = []
    sponsors: list[NameRef] = []
    if sentence is None:
        return hosts, sponsors
    start, end = sentence.start, sentence.end
    sponsored = SPONSORED.search(text, start, end)
    if sponsored is not None:
        a = sponsored.start("list")
        sponsors.extend(_names(text, a, list_end(text, a, sponsored.end("list"))))
    passive = _PASSIVE.search(text, start, end)
    active = _ACTIVE.search(text, start, end)
    if passive is not None and active is not None and active.start() < passive.start():
        # "X and Y organised a conference …, co-hosted by Z": the subject holds it, and so does Z.
        hosts.extend(_active_subject(text, start, active, sponsored, phrases))
    if passive is not None:
        stop = re.search(
            r"\s+(?:in|at|on|from)\s+(?=[A-Z0-9])|[.;|]|,\s*(?:sponsored|supported|with)\b"
            r"|,?\s+and\s+(?:co-?)?(?:sponsored|supported|funded)\s+by\b"
            # "… by X and Y and took place online": the sentence goes on to what happened
            r"|,?\s+and\s+(?:took|was|were|is|will|has|had|drew|brought|attracted|featured)\b",
            text[passive.end() : end],
        )
        stop_at = passive.end() + stop.start() if stop else end
        pos = passive.end()
        for joint in _TOGETHER.finditer(text, pos, stop_at):  # "X together with Y": both hold it
            hosts.extend(_names(text, pos, joint.start()))
            pos = joint.end()
        hosts.extend(_names(text, pos, stop_at))
    elif active is not None:
        hosts.extend(_active_subject(text, start, active, sponsored, phrases))
    elif hosting := list(_KO_HOSTING.finditer(text, start, end)):
        for match in hosting:  # "X가 주최하고 Y와 Z가 공동 주관한 …": every one who held it
            hosts.extend(_names(text, match.start("list"), match.end("list")))
    else:
        korean = _KO_SUBJECT.match(text[start:end])
        if korean is not None and ("개최" in text[start:end] or "주최" in text[start:end]):
            hosts.extend(_names(text, start, start + korean.end("list")))
    return hosts, sponsors


def _active_subject(
    text: str,
    start: int,
    active: re.Match[str],
    sponsored: re.Match[str] | None,
    phrases: Sequence[DatePhrase],
) -> tuple[NameRef, ...]:
    """The hosts named as the subject before "hosted"/"organised" in an active sentence."""
    subject_end = (
        sponsored.start() if sponsored is not None and sponsored.start() < active.start() else active.start()
    )
    adverb = _ADVERB.search(text, start, subject_end)  # "… (AFSC) jointly hosted"
    subject_end = adverb.start() if adverb is not None else subject_end
    begin = _subject_start(phrases, start, subject_end)
    # "On May 24 — a day of … — X hosted": after the aside set off by spaced dashes ("Korea—Japan" is one)
    aside = list(re.finditer(r"\s[—–]\s", text[begin:subject_end]))
    begin += aside[-1].end() if aside else 0
    # "We are hosting a webinar": the writer, not a name
    return tuple(ref for ref in _names(text, begin, subject_end) if not _PRONOUN.fullmatch(ref.name))


def other_hosts(
    text: str, sentences: Sequence[Sentence], phrases: Sequence[DatePhrase] = ()
) -> list[NameRef]:
    """Hosts named in a sentence of their own, when the main one names none: "X가 주최하고 Y가 주관한 …",
    "X and Y hosted an online gathering", "The conference is organised by X together with Y"."""
    for sentence in sentences:
        hosting = list(_KO_HOSTING.finditer(text, sentence.start, sentence.end))
        if hosting:
            return [ref for match in hosting for ref in _names(text, match.start("list"), match.end("list"))]
        if _PASSIVE.search(text, sentence.start, sentence.end) or _ACTIVE.search(
            text, sentence.start, sentence.end
        ):
            hosts, _ = hosts_and_sponsors(text, sentence, phrases)
            if hosts:
                return hosts
    return []


def other_sponsors(text: str, sentences: Sequence[Sentence]) -> list[NameRef]:
    """Sponsors named in a sentence of their own ("이번 포럼은 X와 Y가 후원합니다")."""
    for sentence in sentences:
        english = SPONSORED.search(text, sentence.start, sentence.end)
        if english is not None:
            a = english.start("list")
            return list(_names(text, a, list_end(text, a, english.end("list"))))
        korean = _korean_sponsors(text, sentence.start, sentence.end)
        if korean:
            return korean
    return []


_CLAUSE_END = re.compile(
    r"(?:하고|했고|하며|했으며|하였으며|였으며|이며)\s*[,，]?\s+|(?:한|된)\s+\S+?로\s*[,，]\s*"
)


def _korean_sponsors(text: str, start: int, end: int) -> list[NameRef]:
    """ "X와 Y가 후원" / "X의 후원으로": the names run back from the particle to the topic or clause start."""
    match = _KO_SPONSOR.search(text, start, end)
    if match is None:
        return []
    b = match.start()
    a = max(start, b - 200)
    stop = max(text.rfind(".", a, b), text.rfind("。", a, b))
    a = stop + 1 if stop >= 0 else a
    topic = list(re.finditer(r"[^\s]+(?:은|는)\s+", text[a:b]))
    if topic:
        a += topic[-1].end()
    # "X가 주최하고 Y가 주관했으며, Z가 후원한": the sponsors follow the clauses before them.
    # (…or "…가 주관한 행사로, Z가 후원했다")
    clause = list(re.finditer(_CLAUSE_END, text[a:b]))
    if clause:
        a += clause[-1].end()
    return list(_names(text, a, b))


def _subject_start(phrases: Sequence[DatePhrase], start: int, end: int) -> int:
    """The hosts follow any date that opens the sentence: "… on <dates> the KSM, …, hosted"."""
    inside = phrases_within(phrases, start, end)
    return inside[-1].end if inside else start

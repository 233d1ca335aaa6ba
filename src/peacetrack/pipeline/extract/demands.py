"""Demands: each "we request/urge/call on/appeal to X to …" sentence, with X as its addressees.

Korean letters put the addressee before the verb with a dative particle:
"우리는 유엔 안보리에 … 촉구합니다" or "… 것을 정부에 요구한다".
A demand repeated word for word (a summary, then the body) is one demand.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from peacetrack.pipeline.extract.addressees import names_addressed
from peacetrack.pipeline.extract.names import clean, split_list, strip_role
from peacetrack.pipeline.lines import BARE_NUMBER
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
    r"(?P<addr>[^\s,.]{1,40}(?:\s+[^\s,.]{1,40}){0,3}?)(?:에게|께|에)\s+(?:강력히\s+|거듭\s+|다시\s+|[가-힣]{1,4}히\s+)?"
    r"(?:(?:다음|아래)[과와]\s*같이\s+)?"
    r"(?:촉구|요구|요청|호소|권고|당부)"
)
_KO_AFTER_SUBJECT = re.compile(
    r"^(?:우리(?:들)?은|우리는|[^\s]+\s*단체(?:들)?은)\s+(?:또한\s+|다시\s+한번\s+)?"
    r"(?P<addr>[^,.]+?)(?:에게|께|에)\s"
)


_KO_MARKED = re.compile(r"([^\s]+)[을를은는]\s+")
# A name ending in one of those syllables, before its office ("김정은 국무위원장"), is no particle.
_KO_NAME_OFFICE = re.compile(
    r"(?:대통령|국무위원장|위원장|장관|총리|의장|사무총장|대사|대표)(?:님|께|에게|\s|$)"
)


_SURNAMES = frozenset(
    "김이박최정강조윤장임한오서신권황안송류유홍전고문양손배백허남심노하곽성차주우구민진나지엄변채원방천공현함염여추도소석선설마길연위표명기반왕금옥육인맹제모탁"
)


def _after_topic(text: str, start: int, end: int) -> int:
    """Where the addressee starts in ``[start, end)``: after the last word with an object or topic particle
    ("이에 저희는 사무총장께", "대화 재개를 국제사회에"), a person's name aside."""
    for match in reversed(list(_KO_MARKED.finditer(text, start, end))):
        word = match.group(1)
        name = len(word) == 2 and word[0] in _SURNAMES and word not in ("우리", "저희")
        if not (name and _KO_NAME_OFFICE.match(text, match.end())):
            return match.end()
    return start


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
    joint = names_addressed(text[start:end])
    if len(joint) > 1:  # "한미 양국 정부", "the governments of A and B": one mention of each member
        mark = Mark(start, end, text[start:end], EXTRACTOR)
        return tuple(NameRef(name, mark) for name in joint)
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


# Not an ask of its own: a clause left open ("… 호소하며", "… 호소하고": reported or a subtitle's),
# a line set off by dashes as a subtitle, or a sentence that only introduces a list ("아래와 같이 요구한다").
_KO_OPEN_CLAUSE = re.compile(r"(?:하며|하고)\s*[,]?\s*$")
_SET_OFF = re.compile(r"^\s*[―—–-]{1,2}\s.*\s[―—–-]{1,2}\s*$")
_INTRODUCES = re.compile(r"(?:다음|아래)(?:과|와)\s*같이\s*(?:\S+\s+){0,2}?(?:요구|촉구|요청|제안|호소)")


# A letter's subject line ("제 목 | …를 요청합니다", "Re: …") names what it asks; the asks come after.
_KO_LABEL = re.compile(r"^\s*(?:제\s*목|건\s*명|subject|re)\s*[:：|]", re.IGNORECASE)


def _headline(text: str, start: int, end: int) -> bool:
    """A whole line without a sentence's end: a subtitle or a heading ("… 재개를 요청합니다"), no ask."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start : len(text) if line_end == -1 else line_end].strip()
    return line == text[start:end].strip() and not re.search(r"[.!?。]\s*$", line)


# "문재인 정부는 … 나서야 한다", "미국 정부는 … 멈추라": a government, a body or an office holder told
# what it must do, with no asking verb.
_KO_TOLD = re.compile(
    r"^(?P<addr>[^\s,.]{1,20}(?:\s+[^\s,.]{1,20}){0,2}?\s*(?:정부|당국|국회|대통령|위원장|위원회|의회|안보리))"
    r"(?:은|는|도)\s.*(?:[가-힣](?:야|여야)\s*한다|[가-힣]라)\s*[.!]?\s*$",
    re.DOTALL,
)


def _told(text: str, sentence: Sentence) -> Demand | None:
    body = text[sentence.start : sentence.end].strip()
    told = _KO_TOLD.match(body)
    if told is None or _headline(text, sentence.start, sentence.end):
        return None
    at = text.find(body, sentence.start, sentence.end)
    addr_start = at + told.start("addr")
    return Demand(
        text=clean(body),
        mark=Mark(at, at + len(body), body, EXTRACTOR),
        addressees=_addressees(text, addr_start, at + told.end("addr")),
    )


def _korean(text: str, sentence: Sentence) -> Demand | None:
    verb = _KO_VERB.search(text, sentence.start, sentence.end)
    if verb is None:
        return _told(text, sentence)
    body = text[sentence.start : sentence.end]
    if _KO_OPEN_CLAUSE.search(body) or _SET_OFF.match(body) or _INTRODUCES.search(body):
        return None
    if (
        _KO_LABEL.match(body)
        or _headline(text, sentence.start, sentence.end)
        or not body[: verb.start() - sentence.start].strip()
    ):
        return None
    match = _KO_BEFORE_VERB.search(body) or _KO_AFTER_SUBJECT.search(body)
    addressees: tuple[NameRef, ...] = ()
    if match is not None:
        start = sentence.start + match.start("addr")
        end = sentence.start + match.end("addr")
        start = _after_topic(text, start, end)
        if _KO_BODY_END.search(text[start:end].strip()):
            addressees = _addressees(text, start, end)
    return Demand(
        text=clean(body),
        mark=Mark(sentence.start, sentence.end, body, EXTRACTOR),
        addressees=addressees,
    )


# A list of asks: numbered or bulleted items, or 첫째/둘째/하나, under a line that introduces them
# ("… the following proposals for the Council's consideration:", "다음과 같이 요구한다.") or written as
# imperatives ("하나, 정부는 … 철회하라!").
_ITEM = re.compile(
    r"^[ \t]*(?:\d{1,2}[.)]|\(\d{1,2}\)|[a-h][.)]|\([a-h]\)|[가-하][.)]|[①-⑩]|[-–•·▪◦*▲△▶►◆◇■□●○]"
    r"|(?:첫|둘|셋|넷|다섯|여섯)째\s*[,，.]?|하나\s*[,，.])[ \t]+(?=\S)",
    re.MULTILINE,
)
_INTRO = re.compile(
    r"(?:[:：]|(?:다음|아래)(?:과\s*같이|와\s*같이|을|의)[^\n]{0,20}(?:요구|촉구|제안|요청|호소|권고|건의|의견|청|당부)[^\n]{0,12}[.:!]?"
    r"|as\s+follows[.:]?)\s*$",
    re.IGNORECASE,
)
_ASKING = re.compile(
    r"\b(?:urge|call\s+(?:on|upon)|requests?|ask|appeal|demands?|recommend|propos|proposals?|recommendations?"
    r"|calls?\s+(?:on|for)|should|must)\b|요구|촉구|제안|요청|호소|권고|바랍니다|하라|해야|청합니다|당부",
    re.IGNORECASE,
)
_IMPERATIVE = re.compile(
    r"(?:하라|하라는|말라|나서라|멈춰라|막아라|세워라|열어라|밝혀라|보장하라|라)\s*[!.]?\s*$|해야\s*한다[.!]?\s*$"
    r"|^(?:end|stop|restore|resume|lift|halt|ensure|support|request|maintain|hold|encourage|open|allow"
    r"|adopt|establish|release|refrain|commit|pursue|reaffirm|withdraw|suspend|return|take|provide|grant"
    r"|review|make|create|invest|include|publish|appoint|prepare|urge|pass|co-?sponsor|enact|repeal)\b",
    re.IGNORECASE,
)
# The subject before its topic particle; a word inside it never ends in one ("정부는 조건 없는" is no name).
_KO_TOPIC = re.compile(r"(?P<who>(?:[^\s,.!]{0,19}[^\s,.!은는]\s+){0,3}[^\s,.!]{1,20}?)(?:은|는)\s")
_NOT_ASKS = re.compile(r"@|https?://|^\s*(?:tel|fax|e-?mail|문의|연락처)\b", re.IGNORECASE)


def _lines(text: str) -> list[tuple[int, int]]:
    spans = []
    pos = 0
    for line in text.split("\n"):
        spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def _joined_lines(text: str) -> list[tuple[int, int]]:
    """Non-blank lines, a hard-wrapped list item's following lines joined to it."""
    out: list[tuple[int, int]] = []
    blank = True
    for a, b in _lines(text):
        line = text[a:b]
        if not line.strip():
            blank = True
            continue
        if (
            out
            and not blank
            and not _ITEM.match(line)
            and _ITEM.match(text, *out[-1])
            and not re.search(r"[.!?。]\s*$|다\.?\s*$", text[out[-1][0] : out[-1][1]])
        ):
            out[-1] = (out[-1][0], b)
            blank = False
            continue
        out.append((a, b))
        blank = False
    return out


# A Korean addressee is a body, an office or a country: its last word says so ("정부", "1718 위원회",
# "국제사회", "이재명 대통령", "남과 북"); "인도적 지원과 이산가족 문제만큼은 …" has a topic, not an
# addressee.
_KO_BODY_END = re.compile(
    r"(?:정부|당국|국회|의회|의원|위원회|이사회|대통령|총리|장관|의장|위원장|사무총장|국제\s*사회|정당|당|기구|기관"
    r"|유엔|안보리|측|국|나라|지도자|정상|[남북]|한국|북한|남한|미국|일본|중국|러시아|[A-Z]{2,})들?$"
)


def _item_addressees(text: str, start: int, end: int) -> tuple[NameRef, ...]:
    """The subject of an imperative item names whom it asks: "정부는 … 철회하라" -> 정부."""
    topic = _KO_TOPIC.match(text, start, end)
    if topic is None or not re.search(r"[가-힣]", topic.group("who")):
        return ()
    if not _KO_BODY_END.search(topic.group("who").strip()):
        return ()
    return _addressees(text, topic.start("who"), topic.end("who"))


# Whom a list's introduction asks: "We call on X to:", "the following demands of X:", "…에 다음과 같이
# 요구한다"; when it asks "them", whom the paragraph addressed: "We address X, and we ask them to …".
_LEAD_EN = re.compile(
    r"\b(?:demands?|requests?|recommendations?|proposals?|asks?)\s+(?:of|to)\s+(?P<who>.+?)\s*[:：]\s*$"
    r"|\b[Ww]e\s+(?:\w+\s+)?(?:call\s+(?:on|upon)|urge|ask|appeal\s+to|request)\s+(?P<whom>.+?)(?:\s+to\b|\s*[:：]\s*$)",
)
_ADDRESSED = re.compile(
    r"\b[Ww]e\s+(?:hereby\s+)?address\s+(?:this\s+(?:statement|letter|appeal|call)\s+to\s+)?(?P<who>.+?)"
    r"(?=,\s+(?:and\s+)?(?:we\b|(?:the\s+)?(?:\w+\s+)?(?:whose|who|which|that)\b)|[.;:])",
    re.DOTALL,
)
_THEM = re.compile(
    r"^(?:them|they|both(?:\s+\w+)?|(?:the\s+)?(?:two|both)\s+governments|each\s+of\s+them"
    r"|(?:the\s+)?following(?:\s+\w+)?)$",
    re.I,
)


def _lead_addressees(text: str, start: int, end: int) -> tuple[NameRef, ...]:
    """The addressees a list's introduction (the line ``[start, end)`` and its sentence) names."""
    begin = max(text.rfind("\n\n", 0, start), text.rfind(". ", 0, start), start - 600, -1) + 1
    lead = text[begin:end]
    match = _LEAD_EN.search(lead)
    if match is not None:
        group = "who" if match.group("who") else "whom"
        who = match.group(group).strip()
        if not _THEM.match(who):
            return _addressees(text, begin + match.start(group), begin + match.end(group))
        paragraph = max(text.rfind("\n\n", 0, begin), begin - 1200, -1) + 1
        addresses = list(_ADDRESSED.finditer(text, paragraph, end))
        if addresses:  # the nearest before the ask
            address = addresses[-1]
            return _addressees(text, address.start("who"), address.end("who"))
        return ()
    korean = _KO_BEFORE_VERB.search(text, start, end)
    if korean is not None and re.search(r"[가-힣]", korean.group("addr")):
        begin = korean.start("addr")
        return _addressees(text, _after_topic(text, begin, korean.end("addr")), korean.end("addr"))
    return ()


def _list_demands(text: str) -> tuple[list[Demand], list[tuple[int, int]]]:
    """Each item of a list of asks, with its addressee where its subject names one; and the spans the
    lists take, their introductions included (the introduction is not an ask of its own)."""
    spans = _joined_lines(text)
    demands: list[Demand] = []
    covered: list[tuple[int, int]] = []
    k = 0
    while k < len(spans):
        a, b = spans[k]
        line = text[a:b]
        introduced = (
            (bool(_INTRO.search(line)) and bool(_ASKING.search(line))) or bool(_ASKS_HEADING.match(line))
        ) and not _ITEM.match(line)
        items: list[tuple[int, int]] = []
        j = k + 1 if introduced else k
        heading = text[spans[j][0] : spans[j][1]] if introduced and j + 1 < len(spans) else ""
        if heading and _HEADING.match(heading) and not _ITEM.match(heading):
            j += 1  # "요구사항" / "Our demands" between the introduction and its items
        while j < len(spans):
            start, end = spans[j]
            marker = _ITEM.match(text, start, end)
            if marker is None and introduced:
                # A Word list's numbers that lost their stops in a PDF ("1 Restore …", "2 Propose …"):
                # items only as the next number in turn.
                bare = BARE_NUMBER.match(text, start, end)
                marker = bare if bare is not None and int(bare.group(1)) == len(items) + 1 else None
            if marker is None or _NOT_ASKS.search(text, start, end) or "|" in text[start:end]:
                break
            items.append((marker.end(), end))
            j += 1
        if not items and not introduced:
            # Slogans, one a line without a marker: "윤석열 정부는 … 철회하라!" / "… 중단하라!".
            while j < len(spans) and _SLOGAN.match(text[spans[j][0] : spans[j][1]].strip()):
                items.append(spans[j])
                j += 1
            if len(items) < 2:
                items, j = [], k
        asks = [
            (start, end)
            for start, end in items
            if introduced or _IMPERATIVE.search(text[start:end].strip()) or _KO_ENDING.search(text[start:end])
        ]
        if len(asks) >= 2 or (introduced and asks):
            covered.append((a, spans[j - 1][1]))
            lead = _lead_addressees(text, a, b) if introduced else ()
            for start, end in asks:
                body = text[start:end].strip()
                at = text.find(body, start, end)
                demands.append(
                    Demand(
                        text=clean(body),
                        mark=Mark(at, at + len(body), body, EXTRACTOR),
                        addressees=_item_addressees(text, at, at + len(body)) or lead,
                    )
                )
            k = j
        else:
            k += 1
    return demands, covered


# A heading that names the list under it as asks: "Our calls", "Recommendations", "우리의 요구".
_ASKS_HEADING = re.compile(
    r"^[ \t]*(?:(?:our|key|main)\s+)?(?:calls?|demands?|asks?|requests?|recommendations?)[ \t]*[:：]?[ \t]*$"
    r"|^[ \t]*(?:우리의\s*)?(?:요구|제안|요청|촉구|권고)\s*(?:사항)?[ \t]*[:：]?[ \t]*$",
    re.IGNORECASE,
)
# (the polite forms of a letter too: "… 마련해 주십시오.", "… 검토해 주시기 바랍니다.")
_HEADING = re.compile(r"^[ \t]*[^\n.!?:：。]{1,24}$")
_KO_ENDING = re.compile(
    r"(?:하라|말라|라|할\s*것|해야\s*한다|주십시오|하십시오|주시기\s*바랍니다|주세요|주시길\s*바랍니다)\s*[!.]?\s*$"
)
_SLOGAN = re.compile(r"^[^\n!]{4,120}?[가-힣](?:하라|말라|[서춰아어워혀켜라]라)\s*!$")


def extract_demands(
    text: str, sentences: Sequence[Sentence], title: Mark | None = None
) -> tuple[Demand, ...]:
    """Asks written as list items first, each once; then asking sentences outside those lists and the
    title (a headline that urges is the document's name, not one more ask)."""
    found: list[Demand] = []
    seen: set[str] = set()
    listed, covered = _list_demands(text)
    for demand in listed:
        key = normalise_name(demand.text)
        if key not in seen:
            seen.add(key)
            found.append(demand)
    if title is not None:
        covered.append((title.start, title.end))
    for sentence in sentences:
        if any(a <= sentence.start < b or sentence.start <= a < sentence.end for a, b in covered):
            continue
        asked = _english(text, sentence) or _korean(text, sentence)
        if asked is None:
            continue
        key = normalise_name(asked.text)
        if key not in seen:
            seen.add(key)
            found.append(asked)
    return tuple(found)

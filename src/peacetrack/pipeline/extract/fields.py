"""What notices and programmes state in labelled fields and schedules, in English and Korean.

"■ 일 시 : 2023. 7. 25.(화) 14:00", "Venue | Lotte Hotel Seoul", "- 후원: A, B",
"Organized by The Sejong Institute": a label (spaced or not, after any bullet)
and its value, on a line or in a table row. Prose says the same in sentences
("co-organised by X and Y with the support of Z", "150여 명이 참석했다"), read
here too. A schedule gives the sessions: each programme line that names a
session, panel, opening or closing (not a break, a meal or registration), with
its access (closed-door, by invitation, 비공개).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from peacetrack.pipeline.extract.names import PARENT_BODY, split_list, strip_part
from peacetrack.pipeline.lines import line_spans
from peacetrack.pipeline.records import Count, Extractor, Mark, NameRef
from peacetrack.pipeline.registry import normalise_name

EXTRACTOR = Extractor("fields", "1.0")


def _spaced(word: str) -> str:
    """A Korean label may be letter-spaced: 주 최, 일 시."""
    return r"\s*".join(re.escape(ch) for ch in word)


_KO = {
    "date": ("일시", "날짜", "일자", "기간", "행사일", "때"),
    "place": ("장소", "곳", "행사장", "개최지"),
    "host": ("공동주최", "공동주관", "주최", "주관", "주최·주관", "주최/주관", "기획"),
    "sponsor": ("후원", "협찬", "협력", "지원", "후원기관"),
    "mode": ("방식", "형식", "진행방식", "참여방법", "참가방법", "중계", "생중계", "온라인"),
}
_EN = {
    "date": r"dates?|when|date\s*(?:and|&)\s*time|time\s*(?:and|&)\s*date|day",
    "place": r"venue|location|place|where|address",
    "host": r"(?:co-?)?hosts?|(?:co-?)?organi[sz]ers?|(?:co-?)?organi[sz]ed\s+by|(?:co-?)?hosted\s+by"
    r"|convened\s+by|conveners?|in\s+partnership\s+with|presented\s+by",
    "sponsor": r"sponsors?|sponsored\s+by|supported\s+by"
    r"|with\s+(?:the\s+)?(?:generous\s+)?support\s+(?:of|from)|support|partners?|funded\s+by|funding",
    "mode": r"format|mode|attendance|participation|how\s+to\s+(?:join|attend)|livestream|online",
}
_LABEL = {
    field: re.compile(
        r"^[\W\d]{0,4}\s*(?:[가-하]\.\s*)?(?:"
        + "|".join(_spaced(word) for word in sorted(_KO[field], key=len, reverse=True))
        + "|"
        + _EN[field]
        + r")\s*(?:[:：|]|(?<=by)\s)\s*(?=\S)",
        re.IGNORECASE,
    )
    for field in _KO
}
# Korean notices often leave the colon out ("▶ 일 시 2024년 9월 5일"); only labels that do not
# also open sentences may then be followed by a bare space.
_KO_BARE = (
    "일시",
    "날짜",
    "기간",
    "장소",
    "행사장",
    "공동주최",
    "공동주관",
    "주최",
    "주관",
    "후원",
    "협찬",
    "방식",
)
_BARE_LABEL = {
    field: re.compile(
        r"^[\W\d]{0,4}\s*(?:[가-하]\.\s*)?(?:"
        + "|".join(_spaced(word) for word in sorted(_KO[field], key=len, reverse=True) if word in _KO_BARE)
        + r")\s+(?=[^\s:：|])",
    )
    for field in _KO
    if any(word in _KO_BARE for word in _KO[field])
}


@dataclass(frozen=True, slots=True)
class Field:
    name: str
    start: int  # where the value starts
    end: int


def labelled_fields(text: str) -> list[Field]:
    """Every "label: value" line and label | value row, in text order."""
    found: list[Field] = []
    for start, end in line_spans(text):
        line = text[start:end]
        if not line or len(line) > 400:
            continue
        for name, pattern in _LABEL.items():
            match = pattern.match(line)
            if match is None and name in _BARE_LABEL:
                match = _BARE_LABEL[name].match(line)
            if match is not None:
                value_end = end
                cell = line.find("|", match.end())
                if cell != -1:
                    value_end = start + cell
                found.append(Field(name, start + match.end(), value_end))
                break
    return found


_ORG_SPLIT = re.compile(r"\s*(?:[,;、·ㆍ/]|\band\b|&|및|그리고)\s*")
_NOT_ORG = re.compile(
    r"^(?:tbc|tba|n/a|none|없음|미정|\d+)$|@|https?://|www\.|\b(?:tel|fax|e-?mail)\b|^\(?(?:가나다순|순서\s*무관)\)?$",
    re.IGNORECASE,
)


def _org_parts(piece: str) -> list[str]:
    """The names in "A·B", "A / B", "A and B"; "Institute for Security and Sustainability" is one."""
    pieces = re.split(f"({_ORG_SPLIT.pattern})", piece)
    parts: list[str] = []
    for k in range(0, len(pieces), 2):
        part = pieces[k]
        joint = pieces[k - 1].strip().casefold() if k else ""
        of_what = (
            joint in ("and", "&") and len(part.split()) == 1 and bool(parts) and _OF_WHAT.search(parts[-1])
        )
        parent = joint == "," and bool(parts) and PARENT_BODY.search(part.strip())
        if of_what or parent:
            parts[-1] = f"{parts[-1]}{pieces[k - 1]}{part}"
        elif part:
            parts.append(part)
    return parts


# "… for Security", "… of Foreign Affairs": a name still going on when "and Sustainability" follows.
_OF_WHAT = re.compile(r"\b(?:for|of|on)\s+[A-Z][\w'-]*$")


def _clean_org(value: str) -> str:
    value = value.strip(" .:;-–—")
    # Brackets go only when they do not pair: "민족화해협력범국민협의회(민화협)" keeps its own.
    while (
        value
        and value[-1] in ")]"
        and value.count("(") + value.count("[") < value.count(")") + value.count("]")
    ):
        value = value[:-1].rstrip()
    while (
        value
        and value[0] in "(["
        and value.count("(") + value.count("[") > value.count(")") + value.count("]")
    ):
        value = value[1:].lstrip()
    value = strip_part(value)
    value = re.sub(r"^(?:the\s+)", "", value, flags=re.IGNORECASE)
    return " ".join(value.split())


def org_names(text: str, start: int, end: int) -> list[NameRef]:
    """Organisations named in a value: "A, B and C", "A·B", "A / B"; brackets stay with their name."""
    refs: list[NameRef] = []
    seen: set[str] = set()
    spans: list[tuple[int, int]] = []
    for a, b in split_list(text, start, end, and_splits=True, articles=False):
        if spans and PARENT_BODY.search(strip_part(text[a:b]).strip()):
            spans[-1] = (spans[-1][0], b)  # "Centre for Korean Research, University of British Columbia"
        else:
            spans.append((a, b))
    for a, b in spans:
        piece = text[a:b]
        # A list written with "·" or " / " or " and " between names: split those too.
        parts = [piece] if "(" in piece else _org_parts(piece)
        offset = a
        for part in parts:
            at = text.find(part, offset, b)
            at = a if at == -1 else at
            name = _clean_org(part)
            offset = at + len(part)
            key = normalise_name(name)
            if not name or _NOT_ORG.search(name) or key in seen or len(name) < 2 or len(name.split()) > 12:
                continue
            seen.add(key)
            start_at = text.find(name, at, offset) if name in text[at:offset] else at
            refs.append(NameRef(name, Mark(start_at, start_at + len(name), name, EXTRACTOR)))
    return refs


_NAMES = r"(?:[^.;:\n(]|\([^()\n]{0,40}\))+?"  # names, with their bracketed short forms
_PROSE_HOST = re.compile(
    rf"\b(?:co-?)?(?:organi[sz]ed|hosted|convened|co-?hosted)\s+(?:jointly\s+)?by\s+(?P<names>{_NAMES})"
    r"(?=\s*(?:,\s*(?:with|and\s+(?:sponsored|supported)|(?:and\s+)?(?:it|they|this|which|who)\b)"
    r"|(?<!hosted)(?<!organised)(?<!organized)\s+with\s+"
    r"|\s+(?:on|in|at|from|under|and\s+(?:is|was|will)"
    r"|sponsored|supported)\b|[.;:\n]|$))",
    re.IGNORECASE,
)
_PROSE_SPONSOR = re.compile(
    rf"\b(?:sponsored|supported|funded)\s+by\s+(?P<names>{_NAMES})"
    r"(?=\s+(?:on|in|at|and\s+(?:is|was|will))\b|,\s+(?!and\b)(?=[a-z])|[.;:\n]|$)"
    r"|\b(?:with|received|receiving|thanks\s+to)\s+(?:the\s+)?(?:generous\s+|financial\s+|kind\s+)?"
    rf"(?:support|sponsorship|funding|grants?)\s+(?:of|from)\s+(?P<names2>{_NAMES})"
    r"(?=\s+(?:on|in|at)\b|[.;:\n]|,\s+(?!and\b)(?=[a-z])|$)",
    re.IGNORECASE,
)
_KO_HOST = re.compile(
    r"(?P<names>[^\s.,][^.\n]{1,80}?)(?:이|가|와|과)?\s*(?:공동\s*)?(?:주최|주관)(?:하|한|했|하였|로|하는|해)"
)
_KO_SPONSOR = re.compile(r"(?P<names>[^\s.,][^.\n]{1,60}?)(?:의)\s*후원(?:으로|을|하)")


def prose_parties(text: str) -> tuple[list[NameRef], list[NameRef]]:
    hosts: list[NameRef] = []
    sponsors: list[NameRef] = []
    for match in _PROSE_HOST.finditer(text):
        hosts.extend(org_names(text, match.start("names"), match.end("names")))
    for match in _PROSE_SPONSOR.finditer(text):
        group = "names" if match.group("names") else "names2"
        sponsors.extend(org_names(text, match.start(group), match.end(group)))
    return hosts, sponsors


# Said plainly ("120 participants attended", "참석자 120명"): read first, as found.
_STATED = (
    re.compile(
        r"(?P<n>\d[\d,]*)\s+(?:people|participants|attendees|persons|individuals|delegates|guests)"
        r"\s+(?:\w+\s+){0,2}?(?:attended|participated|joined|took\s+part|were\s+present)",
        re.IGNORECASE,
    ),
    re.compile(
        r"\battended\s+by\s+(?:\w+\s+){0,3}?(?P<n>\d[\d,]*)\s+(?:people|participants|attendees|persons)",
        re.IGNORECASE,
    ),
    re.compile(
        r"(?:참석|참가|참여)(?:\s*(?:인원|자\s*수|자))?(?:은|는|이|가)?\s*(?:약|총|모두)?\s*(?P<n>\d[\d,]*)\s*(?:여\s*)?명"
    ),
    re.compile(r"(?P<n>\d[\d,]*)\s*(?:여\s*)?명(?:이|의)?\s*(?:\S+\s+)?(?:참석|참가|참여)"),
)
# Said in other ways: kept only where nothing around the number speaks of capacity, registrations or views.
_ATTEND = (
    re.compile(
        r"(?:some|about|around|approximately|nearly|over|more\s+than|almost)?\s*(?P<n>\d[\d,]*)\s*\+?\s+"
        r"(?:\w+\s+){0,3}?(?:people|participants|attendees|persons|individuals|delegates|guests|members|experts"
        r"|activists|students|researchers|representatives|officials)\s+(?:\w+\s+){0,3}?"
        r"(?:attended|participated|joined|took\s+part|gathered|were\s+present|came)",
        re.IGNORECASE,
    ),
    re.compile(r"\battended\s+by\s+(?:some|about|around|nearly|over|more\s+than)?\s*(?P<n>\d[\d,]*)", re.I),
    re.compile(
        r"(?:participants|attendance|attendees)\s*[:：]\s*(?:about|approximately|some)?\s*(?P<n>\d[\d,]*)",
        re.I,
    ),
    re.compile(
        r"(?P<n>\d[\d,]*)\s*(?:여\s*)?명(?:\s*가량|\s*정도|\s*이상)?(?:이|의\s*[가-힣]+(?:이|가))?\s*(?:참석|참가|참여|함께)"
    ),
    re.compile(
        r"참(?:석|가)\s*(?:자|인원|규모)\s*(?:수)?\s*(?:는|은|:|：|\|)?\s*(?:[가-힣]{1,4}\s*)?(?:참(?:석|가)자\s*)?"
        r"(?:약\s*)?(?P<n>\d[\d,]*)\s*(?:여\s*)?명"
    ),
    re.compile(
        r"(?:some|about|around|approximately|nearly|over|more\s+than|almost)?\s*(?P<n>\d[\d,]*)\s+"
        r"(?:[\w'’-]+,?\s+){1,8}?(?:attended|took\s+part|participated|gathered)\b",
        re.IGNORECASE,
    ),
)
_NUMBER_WORDS = {
    word: value
    for value, word in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
        ]
    )
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_WORDED = re.compile(
    r"\b(?P<n>(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven"
    r"|eight|nine))?|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|ten)\s+"
    r"(?:participants|people|experts|delegates|attendees|guests)\s+(?:took\s+part|attended|participated|joined)",
    re.IGNORECASE,
)


def _worded(value: str) -> int:
    tens, _, unit = value.casefold().partition("-")
    if tens in _TENS:
        return _TENS[tens] + (_NUMBER_WORDS.get(unit, 0) if unit else 0)
    return _NUMBER_WORDS.get(tens, 0)


_NOT_ATTENDANCE = re.compile(
    r"limited|capacity|up\s+to|maximum|seats?|registered|registrations?|views?|viewers|watched|선착순|정원|최대"
    r"|신청|조회|시청|접속|좌석|모집|제한|한정|부\b|copies|invited",
    re.IGNORECASE,
)


def _mark_group(match: re.Match[str], group: str) -> Mark:
    return Mark(match.start(group), match.end(group), match.group(group), EXTRACTOR)


def attendance(text: str) -> Count | None:
    for pattern in _STATED:
        match = pattern.search(text)
        if match is not None:
            return Count(int(match.group("n").replace(",", "")), _mark_group(match, "n"))
    for pattern in _ATTEND:
        for match in pattern.finditer(text):
            around = text[max(0, match.start() - 40) : match.end() + 10]
            if _NOT_ATTENDANCE.search(around) and not re.search(r"attended|참석했|참가했|참석한", around):
                continue
            return Count(int(match.group("n").replace(",", "")), _mark_group(match, "n"))
    worded = _WORDED.search(text)
    if worded is not None:
        return Count(_worded(worded.group("n")), _mark_group(worded, "n"))
    return None


_SESSION = re.compile(
    r"\b(?:(?:plenary|parallel|special|breakout|concurrent)\s+)?session\b|\bpanel(?:\s+discussion)?\b|\bplenary\b"
    r"|\bworkshop\b|\broundtable\b|\bround\s+table\b|\bkeynote\b|\bopening\b|\bclosing\b|\bwelcome\b|\bdialogue\b"
    r"|\bbriefing\b|\bpresentations?\b|\bdiscussion\b|\bq\s*&\s*a\b"
    r"|세션|분과|발제|토론|개회|폐회|기조|라운드테이블|좌담|발표|제\s*\d\s*부|\d\s*부\b|종합\s*토론|인사\s*말|축사"
    r"|환영사|여는\s*말|닫는\s*말|워크[숍샵]|개막|폐막",
    re.IGNORECASE,
)
# Programme items that are not called sessions but are substantive all the same.
_ITEM_WORDS = re.compile(
    r"\b(?:remarks|address|lecture|talks?|meetings?|conversations?|fireside|wrap-up|forum|symposium|seminar"
    r"|hearing|ceremony|launch|screening|report|debate|exchanges?)\b|개막|폐막|강연|회의|대담|포럼|심포지엄|세미나|간담회|토크|보고|선언",
    re.IGNORECASE,
)
_NOT_SESSION = re.compile(
    r"\b(?:break|lunch|luncheon|dinner|reception|coffee|tea|registration|photo|networking|arrival|transfer"
    r"|departure|tour|visit)\b|휴식|점심|오찬|만찬|등록|접수|기념\s*촬영|이동|중식|석식|리셉션|답사|견학",
    re.IGNORECASE,
)
_CLOSED = re.compile(
    r"closed(?:[\s-]door)?|by\s+invitation|invitation\s+only|invitees\s+only|off\s+the\s+record|not\s+open\s+to"
    r"|partners\s+only|비공개|초청자?\s*(?:에\s*한해|한정|만)|내부\s*(?:회의|토론)",
    re.IGNORECASE,
)
_SLOT = re.compile(r"^(?:[•\-–·▶▷■□○●◆*]\s*)?(?:day\s*\d\s*[|:]?\s*)?\(?\d{1,2}[:：.]\d{2}")
# A programme row whose first cell is the day ("9. 5.(목) | 14:00~14:30 | 개막식"): the slot is the second.
_DAY_CELL = re.compile(r"^[^|]{1,30}\|\s*\(?\d{1,2}[:：]\d{2}|^[^|]{0,24}\b\d{1,2}[:：]\d{2}[^|]{0,14}\|")
_NUMBERED = re.compile(r"^\s*\d{1,2}[.)]\s+\S")
_LABELLED = re.compile(
    r"^(?:[•\-–·▶▷■□○●◆*]\s*)?(?:(?:plenary|parallel|special|opening|closing)\s+)?(?:session|panel|workshop"
    r"|roundtable|keynote|세션|분과|제\s*\d+\s*부|\d\s*부)\s*(?:[ivx\d]+|[a-z])?\s*[:.|\-–]",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class SessionLine:
    start: int
    end: int
    closed: bool


def is_schedule_line(line: str) -> bool:
    """A programme line: a time slot, a day-and-time row or a numbered or labelled session."""
    return bool(_SLOT.match(line) or _DAY_CELL.match(line) or _LABELLED.match(line) or _NUMBERED.match(line))


# The heading of a programme's running order ("▶ 순서", "Programme:", "Agenda"): the list under it is
# the schedule, each item a programme item, even without times.
_ORDER_HEADING = re.compile(
    r"^\W{0,3}\s*(?:(?:진행|세부|행사)\s*)?(?:순서|프로그램|일정|식순)\s*[:：]?\s*$"
    r"|^\W{0,3}\s*(?:(?:draft|provisional|tentative)\s+)?(?:programme|program|agenda|schedule|running\s+order"
    r"|order\s+of\s+(?:events|proceedings))\s*[:：]?\s*$",
    re.IGNORECASE,
)
_ROLE_LINE = re.compile(
    r"^\s*\W{0,3}\s*(?:사\s*회|좌\s*장|진\s*행|발제자?|토론자?|패널|moderator|chair|mc|speakers?|panelists?"
    r"|discussants?|presenters?)\s*[:：]",
    re.IGNORECASE,
)
_LIST_ITEM = re.compile(r"^\s*(?:[-–•·▪◦○●]|\d{1,2}[.)]|\(\d{1,2}\)|[가-하][.)])\s+\S")


def schedule_sessions(text: str) -> list[SessionLine]:
    """Programme lines that are sessions: a time slot or a session label, naming a session, not a break;
    under a running-order heading, every list item that is not a break."""
    found: list[SessionLine] = []
    in_order = False
    for start, end in line_spans(text):
        line = text[start:end]
        if not line.strip():
            continue
        if _ORDER_HEADING.match(line):
            in_order = True
            continue
        listed = in_order and _LIST_ITEM.match(line) is not None
        in_order = listed
        if len(line) > 300:
            continue
        if listed and _ROLE_LINE.match(line):
            continue  # "○ 사회 : 이수진", "- Moderator: …": who runs it, not an item
        if listed and not _SLOT.match(line) and not _LABELLED.match(line):
            if not (_NOT_SESSION.search(line) and not _SESSION.search(_NOT_SESSION.sub("", line))):
                found.append(SessionLine(start, end, bool(_CLOSED.search(line))))
            continue
        slot = _SLOT.match(line) is not None or _DAY_CELL.match(line) is not None
        labelled = _LABELLED.match(line) is not None
        if not (slot or labelled) or (
            _NOT_SESSION.search(line) and not _SESSION.search(_NOT_SESSION.sub("", line))
        ):
            continue
        if slot and not labelled and not _SESSION.search(line) and not _ITEM_WORDS.search(line):
            continue
        found.append(SessionLine(start, end, bool(_CLOSED.search(line))))
    return found


# Sessions a report names in its prose: "In the first session", "Session II", "the second plenary",
# "a practical workshop", "the opening ceremony", "met in a closed session", "1부 발제와 2부 지정토론",
# "세션 3", "개회식", "비공개 전문가 회의". Each is counted once, however often it is named.
_ORDINAL = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6}
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8}
_PROSE_SESSION = re.compile(
    r"\b(?P<closed>closed(?:[\s-]door)?|private|off[\s-]the[\s-]record|invitation[\s-]only)\s+"
    r"(?P<ckind>sessions?|meetings?|roundtables?|workshops?|discussions?|briefings?)\b"
    r"|\b(?P<ord>first|second|third|fourth|fifth|sixth|1st|2nd|3rd|4th|5th|6th)\s+(?:(?:plenary|working)\s+)?"
    r"(?P<okind>session|plenary|panel|workshop|roundtable)\b"
    r"|\b(?P<nkind>session|plenary|panel|workshop|roundtable)\s+(?P<num>\d{1,2}|[IVX]{1,4}|[A-F])\b"
    r"|\b(?P<edge>opening|closing)\s+(?:session|ceremony|plenary|remarks|address|statements?)\b"
    r"|\b(?P<public>public|open)\s+(?P<pkind>session|meeting|plenary|panel)\b"
    r"|(?-i:\b(?:an?|the)\s+(?:[a-z]+\s+)?(?P<single>workshop|roundtable|panel(?:\s+discussion)?))\b"
    r"(?!\s+of\s+experts)"
    r"|(?P<kclosed>비공개)\s*(?:[가-힣]+\s*){0,2}?(?:회의|세션|간담회|토론회?|워크숍)"
    r"|(?:제\s*(?P<kseq>\d)\s*세션|세션\s*(?P<kseq2>\d))"
    r"|(?<![\d.])(?P<part>\d)\s*부(?=\s*(?:발제|토론|세션|행사|순서|[:：]|\s))"
    r"|(?P<kopen>개회식|개막식)|(?P<kclose>폐회식|폐막식)|(?P<kwhole>종합\s*토론)|(?P<ktable>라운드\s*테이블)",
    re.IGNORECASE,
)


def _number(value: str) -> int:
    value = value.casefold()
    if value.isdigit():
        return int(value)
    return (
        _ORDINAL.get(value, 0)
        or _ROMAN.get(value, 0)
        or {"1st": 1, "2nd": 2, "3rd": 3, "4th": 4}.get(value, 0)
        or (ord(value) - ord("a") + 1 if len(value) == 1 else 0)
    )


def _session_key(match: re.Match[str]) -> tuple[str, object]:
    group = match.lastgroup or ""
    value = match.group(group) or ""
    if match.group("closed"):
        return "closed", match.group("ckind").casefold().rstrip("s")
    if match.group("ord"):
        return match.group("okind").casefold(), _number(match.group("ord"))
    if match.group("nkind"):
        return match.group("nkind").casefold(), _number(match.group("num"))
    if match.group("edge"):
        return match.group("edge").casefold(), 0
    if match.group("public"):
        return "public", match.group("pkind").casefold()
    if match.group("kseq") or match.group("kseq2"):
        return "session", int(match.group("kseq") or match.group("kseq2"))
    if match.group("part"):
        return "부", int(match.group("part"))
    if match.group("kopen"):
        return "opening", 0
    if match.group("kclose"):
        return "closing", 0
    if match.group("kclosed"):
        return "closed", "회의"
    return group, " ".join(value.casefold().split()[-1:])


# "It then moved into closed sessions under the Chatham House Rule: Session 1 …; Session 2 …": a
# numbered session is closed when its sentence puts it behind closed doors before naming it.
_CLOSED_BEFORE = re.compile(
    r"closed(?:[\s-]door)?\s+(?:sessions|meetings)|behind\s+closed\s+doors|chatham\s+house|off\s+the\s+record"
    r"|비공개",
    re.IGNORECASE,
)


def prose_sessions(text: str) -> list[SessionLine]:
    """The sessions a report's prose names, each once, with its access."""
    found: list[SessionLine] = []
    seen: set[tuple[str, object]] = set()
    for match in _PROSE_SESSION.finditer(text):
        if match.group("closed") and match.group("ckind").casefold().endswith("s"):
            continue  # "moved into closed sessions: Session 1 …; Session 2 …" describes the ones it names
        key = _session_key(match)
        if key in seen:
            continue
        seen.add(key)
        closed = key[0] == "closed"
        if not closed and isinstance(key[1], int) and key[1] > 0:
            sentence_start = max(text.rfind(". ", 0, match.start()), text.rfind("\n", 0, match.start())) + 1
            closed = _CLOSED_BEFORE.search(text, sentence_start, match.start()) is not None
        found.append(SessionLine(match.start(), match.end(), closed))
    return found

"""The sessions a programme or a report lists, with their access: each schedule line that names a
session, panel, opening or closing (not a break, a meal or registration), or, where there is no
schedule, the sessions prose names ("an open session …", "closed meetings …"); closed-door, by
invitation and 비공개 mark closed ones. Used by the gatherings extractor."""

from __future__ import annotations

import re
from dataclasses import dataclass

from peacetrack.pipeline.extract.day_table import TIME, day_table_items
from peacetrack.pipeline.lines import line_spans

_SESSION = re.compile(
    r"\b(?:(?:plenary|parallel|special|breakout|concurrent)\s+)?session\b|\bpanel(?:\s+discussion)?\b|\bplenary\b"
    r"|\bworkshop\b|\broundtable\b|\bround\s+table\b|\bkeynote\b|\bopening\b|\bclosing\b|\bwelcome\b|\bdialogue\b"
    r"|\bbriefing\b|\bpresentations?\b|\bdiscussion\b|\bq\s*&\s*a\b"
    r"|세션|분과|발제|토론|개회|폐회|기조|라운드테이블|좌담|발표|제\s*\d\s*부|\d\s*부\b|종합\s*토론|인사\s*말|축사"
    r"|환영사|여는\s*(?:말|마당)|닫는\s*(?:말|마당)|워크[숍샵]|개막|폐막",
    re.IGNORECASE,
)
# Programme items that are not called sessions but are substantive all the same.
_ITEM_WORDS = re.compile(
    r"\b(?:remarks|address|lecture|talks?|meetings?|conversations?|fireside|wrap-up|forum|symposium|seminar"
    r"|hearing|ceremony|launch|screening|report|debate|exchanges?)\b|개막|폐막|강연|특강|강의|회의|대담|포럼|심포지엄|세미나|간담회|토크|보고|선언",
    re.IGNORECASE,
)
_NOT_SESSION = re.compile(
    r"\b(?:break|lunch|luncheon|dinner|reception|coffee|tea|registration|photo|networking|arrival|transfer"
    r"|departure|tour|visit|sightseeing|free\s+(?:time|day|weekend|evening))\b|휴식|점심|오찬|만찬|등록|접수|기념\s*촬영|이동|중식|석식|리셉션|답사|견학",
    re.IGNORECASE,
)
_CLOSED = re.compile(
    # (not "Three years of closed borders", a topic)
    r"closed(?:[\s-]door)?(?!\s+(?:borders?|countr(?:y|ies)|econom(?:y|ies)|societ(?:y|ies)|nations?|regimes?)\b)"
    r"|by\s+invitation|invitation\s+only|invitees\s+only|off\s+the\s+record|not\s+open\s+to"
    r"|partners\s+only|비공개|초청자?\s*(?:에\s*한해|한정|만)|내부\s*(?:회의|토론)",
    re.IGNORECASE,
)
# A table cell that says only who may attend: "Public", "Closed-door, off the record", "비공개".
_ACCESS_CELL = re.compile(
    r"\s*(?:(?P<open>(?:public|open(?:\s+to\s+(?:the\s+)?public|\s+to\s+all)?|공개)(?:\s*[,;(/–-]\s*[^|]{0,40})?)"
    r"|(?P<closed>(?:closed(?:[\s-]door)?|private|by\s+invitation|invitation\s+only|off\s+the\s+record|비공개)"
    r"(?:\s*[,;(/-]\s*[^|]{0,40})?))\s*",
    re.IGNORECASE,
)


def _closed(item: str) -> bool:
    """Whether an item is closed: a row's access cell says so ("… closed borders … | Public" is open),
    else a closed-door mark anywhere in it."""
    if " | " in item:
        for cell in item.split(" | "):
            access = _ACCESS_CELL.fullmatch(cell)
            if access is not None:
                return access.group("closed") is not None
    return _CLOSED.search(item) is not None


# A line that opens by saying an item is closed: "Closed session - by invitation only", "(비공개)".
_ACCESS_LINE = re.compile(
    r"^\W{0,3}\s*(?:closed(?:[\s-]door)?(?:\s+(?:session|meeting))?|by\s+invitation|invitation\s+only"
    r"|off\s+the\s+record|비공개)\b",
    re.IGNORECASE,
)


def _access_note(line: str) -> bool:
    """A note on who may attend the item above ("Closed session - by invitation only"), not an item of its
    own that opens with its access ("Closed-door roundtable with officials (13:30 - 15:00)")."""
    access = _ACCESS_LINE.match(line)
    if access is None or TIME.search(line) or " | " in line:  # a table's row is an item of its own
        return False
    rest = line[access.end() :]
    return not (_SESSION.search(rest) or _ITEM_WORDS.search(rest))


# (after an item's number only a time with a colon: "2. 9.19 군사합의의 의미" names a date, not a slot)
_SLOT = re.compile(
    r"^(?:(?:[•\-–·▶▷■□○●◆*]\s*)?(?:day\s*\d\s*[|:]?\s*)?\(?\d{1,2}[:：.]\d{2}|\d{1,2}[.)]\s+\(?\d{1,2}[:：]\d{2})"
)
# A programme row whose first cell is the day ("9. 5.(목) | 14:00~14:30 | 개막식"): the slot is the second.
_DAY_CELL = re.compile(r"^[^|]{1,30}\|\s*\(?\d{1,2}[:：]\d{2}|^[^|]{0,24}\b\d{1,2}[:：]\d{2}[^|]{0,14}\|")
_NUMBERED = re.compile(r"^\s*\d{1,2}[.)]\s+\S")
_LABELLED = re.compile(
    r"^(?:[•\-–·▶▷■□○●◆*]\s*)?(?:(?:plenary|parallel|special|opening|closing)\s+)?(?:session|panel|workshop"
    r"|roundtable|keynote|세션|분과|제\s*\d+\s*부|\d\s*부|제?\s*\d{1,2}\s*강)\s*(?:[ivx\d]+|[a-z])?"
    r"\s*(?:\([^()]{1,20}\)\s*)?[:.|\-–]",  # (a note in brackets before the colon: "Workshop A (Room 1):")
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
    r"^\W{0,3}\s*(?:(?:진행|세부|행사|강의|강좌|기자회견)\s*)?(?:순서|프로그램|일정|식순)\s*[:：]?\s*$"
    r"|^\W{0,3}\s*(?:(?:draft|provisional|tentative)\s+)?(?:programme|program|agenda|schedule|running\s+order"
    r"|order\s+of\s+(?:events|proceedings))\s*(?:\([^()]{1,30}\))?\s*[:：]?\s*$",
    re.IGNORECASE,
)
_HEADER_CELL = (
    r"(?:time|times|day|date|session|segment|item|description|details?|topic|title|theme|content|speakers?"
    r"|notes?|format|access|moderator|presenters?|(?:programme|program|agenda)(?:\s+items?)?|event|activity|시간|날짜|일자|요일|구분|내용|주제|발표자"
    r"|발제자|연사|비고|세션|순서|제목|진행)(?:\s*\([^()|]{1,12}\))?"
)
_HEADER_ROW = re.compile(
    rf"^\s*{_HEADER_CELL}(?:\s*(?:/|&|and)\s*{_HEADER_CELL})?(?:\s*\|\s*{_HEADER_CELL}(?:\s*(?:/|&|and)\s*{_HEADER_CELL})?)+\s*$",
    re.IGNORECASE,
)


def _not_item_rows(text: str) -> set[int]:
    """Where each row starts of a table that is no untimed list of programme items: one that gives times
    (the time-slot reading counts its rows), a lone row, or rows of which fewer than two name a session
    or an item (a table of labels: "Organised by | …")."""
    skipped: set[int] = set()
    table: list[int] = []
    has_time = False
    items = 0
    for start, end in [*line_spans(text), (len(text), len(text))]:
        line = text[start:end]
        if " | " in line:
            table.append(start)
            has_time = has_time or bool(TIME.search(line))
            items += bool(_SESSION.search(line) or _ITEM_WORDS.search(line))
            continue
        if has_time or len(table) == 1 or items < 2:
            skipped.update(table)
        table, has_time, items = [], False, 0
    return skipped


_ROLE_LINE = re.compile(
    r"^\s*\W{0,3}\s*(?:사\s*회|좌\s*장|진\s*행|발제자?|토론자?|패널|moderator|chair|mc|speakers?|panelists?"
    r"|discussants?|presenters?)\s*[:：]",
    re.IGNORECASE,
)
_LIST_ITEM = re.compile(r"^\s*(?:[-–•·▪◦○●]|\d{1,2}[.)]|\(\d{1,2}\)|[가-하][.)])\s+\S")


# An item whose title opens with a break is one, whatever session word follows: "Lunch for roundtable
# participants", "Registration and welcome coffee", "Welcome reception", "End".
_BREAK_HEAD = re.compile(
    r"^(?:welcome\s+|farewell\s+|group\s+|coffee\s+|networking\s+)?(?:break|lunch|luncheon|dinner|reception|coffee"
    r"|tea|registration|photo|networking|arrival|transfer|departure|tour|visit|end|adjourn(?:ment)?)\b"
    r"|^(?:휴식|점심|오찬|만찬|등록|접수|기념\s*촬영|이동|중식|석식|리셉션)",
    re.IGNORECASE,
)
_HEAD_NOISE = re.compile(r"^(?:[\W\d_]+|[ap]\.?\s?m\b\.?)+", re.IGNORECASE)  # markers, times, "am –"
_LABEL_KEY = re.compile(r"\b(session|panel|workshop|plenary)\s*([ivx]+|\d{1,2}|[a-f])\b", re.IGNORECASE)


def _title_of(line: str) -> str:
    """The item's title: after its marker and time slot, up to the next cell."""
    head = _HEAD_NOISE.sub("", _SLOT.sub("", line, count=1))
    return head.split("|", 1)[0].strip()


def _in_a_cell(pattern: re.Pattern[str], line: str) -> re.Match[str] | None:
    """The first cell of a table row that opens with `pattern`; None on a line that is no row."""
    if " | " not in line:
        return None
    return next(filter(None, (pattern.match(cell.strip()) for cell in line.split("|"))), None)


def _label_key(line: str) -> str | None:
    """ "panel 1" for "Panel 1: Humanitarian needs", or for a table row with it in a cell ("15 June |
    10:15-12:30 | Session 1: …"): the label a programme item goes by."""
    label = _LABEL_KEY.search(_title_of(line)) or _in_a_cell(_LABEL_KEY, line)
    return f"{label.group(1).lower()} {label.group(2).lower()}" if label else None


# A time slot after the item, in brackets, with its access perhaps: "▶ 개회식 (14:00 ~ 14:30)",
# "가. 개회식 (10:00~10:40, 공개)", "5. 대표 간담회 (10:40~11:30) — 비공개".
_SLOT_AFTER = re.compile(
    r"[(（]\s*\d{1,2}[:：]\d{2}\s*[~–—-]\s*\d{1,2}[:：]\d{2}\s*(?:[,，/]\s*[^()（）\n]{1,15})?[)）]"
    r"\s*(?:$|[—–]\s|-\s)"  # …and perhaps what it holds after a dash: "(13:00~13:40) — 개회사, 축사"
)


# A report's numbered paragraphs, each an item and then what happened in it: "2. 기조발제 — 정 교수가 …",
# "4. Closed-door consultation (30 November) – an exchange …", "1. Welcome and grounding. The evening …" (a
# dash, not a hyphen, or a full stop after a short head).
_NUMBERED_HEAD = re.compile(
    r"^\s*(?P<n>\d{1,2})[.)]\s+(?P<head>[^—–\n]{1,60}?)(?:\s+[—–]\s+\S|(?<![A-Z0-9])\.\s+(?=[A-Z가-힣]))"
)


# A run under such a heading is what should be done, not what was held: "Recommendations", "요구 사항".
_NOT_A_PROGRAMME = re.compile(
    r"recommendations?|demands?|proposals?|findings|conclusions|next\s+steps|follow-?up|asks|requests"
    r"|요구|제안|권고|건의|결론|향후\s*(?:과제|계획)|평가",
    re.IGNORECASE,
)


def _numbered_items(text: str) -> dict[int, int]:
    """Where the paragraphs of a run of such numbered items start, and where their heads end: a run
    numbered from 1, two at least, most of whose heads name a session (a panel, a workshop, an opening),
    not under a heading of recommendations; not a break among them."""
    runs: list[list[tuple[int, int, str]]] = []
    heading = ""  # the last short line that was no item
    for start, end in line_spans(text):
        line = text[start:end]
        head = _NUMBERED_HEAD.match(line)
        if head is None:
            if line.strip() and runs and runs[-1]:
                runs.append([])  # any other line ends the run
            if 0 < len(line.strip()) <= 60:
                heading = line
            continue
        if _NOT_A_PROGRAMME.search(heading):
            continue
        n, words = int(head.group("n")), head.group("head")
        if not runs or n != len(runs[-1]) + 1:
            runs.append([])
            if n != 1:
                continue
        runs[-1].append((start, start + head.end("head"), words))
    items: dict[int, int] = {}
    for run in runs:
        named = [words for _, _, words in run if _SESSION.search(words)]
        if len(run) >= 2 and 2 * len(named) > len(run):
            items |= {a: b for a, b, words in run if not _is_break(words)}
    return items


def _remember(
    labels: set[str], endings: set[tuple[str, bool]], label: str | None, ending: str | None, form: bool
) -> None:
    if label is not None:
        labels.add(label)
    if ending is not None:
        endings.add((ending, form))


def schedule_sessions(text: str) -> list[SessionLine]:
    """Programme lines that are sessions: a time slot or a session label, naming a session, not a break;
    under a running-order heading, every list item that is not a break."""
    by_day = day_table_items(text, _is_break, _closed)
    # A report may list its sessions in a table by day and then tell each under its label: once each.
    tabled = {
        key for i in by_day if (key := _label_key(text[i.start : i.end]) or _end_key(text[i.start : i.end]))
    }
    found: list[SessionLine] = []
    labels: set[str] = set()  # the labels of the sessions found ("panel 1")
    endings: set[tuple[str, bool]] = set()  # openings and closings found, and whether as a table row
    in_order = False
    timed = _not_item_rows(text)
    numbered = _numbered_items(text)
    item_end = -1  # where the last item found ends, with the lines that run on under it
    carried = 0  # lines run on under it so far
    for start, end in line_spans(text):
        line = text[start:end]
        if not line.strip():
            continue
        if found and item_end == start - 1:
            if _access_note(line):
                # "09:30 - 11:30 PARTNERS' STRATEGY MEETING" / "Closed session - by invitation only": the
                # line under an item, or under its wrapped title and speakers, says who may attend it.
                found[-1] = SessionLine(found[-1].start, found[-1].end, True)
                continue
            if carried < 3 and not _SLOT.match(line) and " | " not in line:
                item_end, carried = end, carried + 1
        if _ORDER_HEADING.match(line):
            in_order = True
            continue
        row = " | " in line and start not in timed
        if in_order and row and _HEADER_ROW.match(line):
            continue  # "Segment | Description", "시간 | 구분 | 내용": the table's header, not an item
        # Under the heading, a list's items or a table's rows, with or without times.
        listed = in_order and (_LIST_ITEM.match(line) is not None or row)
        in_order = listed
        label = _label_key(line)
        ending = None if label else _end_key(line)
        if start in numbered and not (label and label in labels):
            found.append(SessionLine(start, numbered[start], _closed(line)))
            item_end, carried = end, 0
            _remember(labels, endings, label, ending, False)
            continue
        # A long line is prose, unless it is a timed table row (a session with its speakers listed).
        if len(line) > 300 and not (_SLOT.match(line) and " | " in line[:40]):
            continue
        if listed and _ROLE_LINE.match(line):
            continue  # "○ 사회 : 이수진", "- Moderator: …": who runs it, not an item
        if tabled and (label or ending) in tabled:
            continue
        # "• Panel 1: Miriam Osei, …" under the programme repeats the "Panel 1" already listed; an opening
        # or a closing told in prose repeats the table row of it (or the other way round), while a second
        # opening row is another day's.
        form = " | " in line
        repeated = (label is not None and label in labels) or (
            ending is not None and (ending, not form) in endings
        )
        if _BREAK_HEAD.match(_title_of(line)) or repeated:
            continue
        if listed and not _SLOT.match(line) and not _LABELLED.match(line):
            if not (_NOT_SESSION.search(line) and not _SESSION.search(_NOT_SESSION.sub("", line))):
                found.append(SessionLine(start, end, _closed(line)))
                _remember(labels, endings, label, ending, form)
            continue
        slot = (
            _SLOT.match(line) is not None
            or _DAY_CELL.match(line) is not None
            or bool(_SLOT_AFTER.search(line))
        )
        labelled = _LABELLED.match(line) is not None
        if not (slot or labelled) or (
            _NOT_SESSION.search(line) and not _SESSION.search(_NOT_SESSION.sub("", line))
        ):
            continue
        if slot and not labelled and not _SESSION.search(line) and not _ITEM_WORDS.search(line):
            continue
        for a, b in _items_in_cell(text, start, end):
            found.append(SessionLine(a, b, _closed(text[a:b])))
        item_end, carried = end, 0
        _remember(labels, endings, label, ending, form)
    found += [
        SessionLine(i.start, i.end, i.closed)
        for i in by_day
        if not any(f.start <= i.start < f.end for f in found)
    ]
    return sorted(found, key=lambda line: line.start)


_END = re.compile(
    r"^(?:(opening|closing)\s+(?:session|ceremony|remarks|plenary)|(개회|폐회)(?:식|사)?)\b", re.I
)


def _end_key(line: str) -> str | None:
    """ "opening" for "Opening Session. The President …" (or for a table row with it in a cell): the label
    an opening or a closing goes by."""
    match = _END.match(_title_of(line)) or _in_a_cell(_END, line)
    return (match.group(1) or match.group(2)).lower() if match else None


def _is_break(item: str) -> bool:
    """A break, a meal or registration, not a programme item."""
    return bool(_BREAK_HEAD.match(item)) or bool(
        _NOT_SESSION.search(item) and not _SESSION.search(_NOT_SESSION.sub("", item))
    )


_ITEMS_APART = re.compile(r"\s+/\s+")


def _items_in_cell(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A two-cell schedule row whose last cell lists several items apart ("6.21(금) | 세션 2 / 세션 3"):
    each item; any other row: itself."""
    bar = text.rfind("|", start, end)
    # Only a two-cell row (a time or a day, then what happens): a last cell of speakers ("발표: A / B")
    # or one of several columns lists people, not items.
    if bar == -1 or text.count("|", start, end) != 1 or re.search(r"[:：]", text[bar:end]):
        return [(start, end)]
    cell = bar + 1
    items, pos = [], cell
    for cut in _ITEMS_APART.finditer(text, cell, end):
        items.append((pos, cut.start()))
        pos = cut.end()
    items.append((pos, end))
    items = [(a + len(text[a:b]) - len(text[a:b].lstrip()), b) for a, b in items if text[a:b].strip()]
    return items if len(items) >= 2 else [(start, end)]


# Sessions a report names in its prose: "In the first session", "Session II", "the second plenary",
# "a practical workshop", "the opening ceremony", "met in a closed session", "1부 발제와 2부 지정토론",
# "세션 3", "개회식", "비공개 전문가 회의". Each is counted once, however often it is named.
_ORDINAL = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6}
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8}
_PROSE_SESSION = re.compile(
    r"\b(?P<count>two|three|four|five|six|[2-6])\s+(?P<cwords>(?:(?!of\b|days?\b)[a-z-]+\s+){0,2}?)"
    r"(?P<counted>sessions|panels|workshops|roundtables|plenaries|working\s+groups)\b"
    r"|\b(?P<closed>closed(?:[\s-]door)?|private|off[\s-]the[\s-]record|invitation[\s-]only)\s+"
    r"(?:(?!and\b|or\b)[a-z-]+\s+){0,2}?"
    r"(?P<ckind>sessions?|meetings?|roundtables?|workshops?|discussions?|briefings?)\b"
    r"|\b(?P<ord>first|second|third|fourth|fifth|sixth|1st|2nd|3rd|4th|5th|6th)\s+(?:(?!closed)[a-z]+\s+)?"
    r"(?P<okind>session|plenary|panel|workshop|roundtable)\b"
    r"|\b(?P<nkind>session|plenary|panel|workshop|roundtable)\s+(?P<num>\d{1,2}|[IVX]{1,4}|[A-F])\b"
    r"|\b(?P<edge>opening|closing)\s+(?:session|ceremony|plenary|remarks|address|statements?)\b"
    r"|\b(?P<public>public|open)\s+(?P<pkind>session|meeting|plenary|panel)\b"
    r"|(?-i:\b(?:an?|the)\s+(?:(?!opening|closing|first|second|third|fourth|fifth|sixth|final|last)[a-z]+\s+){0,2}?"
    r"(?P<single>workshop|roundtable|plenary|panel(?:\s+discussion)?))\b"
    r"(?!\s+of\s+experts)"
    r"|(?P<kclosed>비공개)\s*(?:[가-힣]+\s*){0,2}?(?:회의|세션|간담회|토론회?|워크숍)"
    r"|(?:제\s*(?P<kseq>\d)\s*세션|세션\s*(?P<kseq2>\d))"
    r"|(?<![\d.])(?P<part>\d)\s*부(?=\s*(?:발제|토론|세션|행사|순서|[:：]|\s))"
    r"|(?P<kopen>개회식|개막식)|(?P<kclose>폐회식|폐막식)|(?P<kwhole>종합\s*토론)|(?P<ktable>라운드\s*테이블)",
    re.IGNORECASE,
)


_COUNT = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6} | {str(n): n for n in range(2, 7)}
_SINGULAR = {
    "sessions": "session",
    "panels": "panel",
    "workshops": "workshop",
    "roundtables": "roundtable",
    "plenaries": "plenary",
    "working groups": "working group",
}


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


# Said of a session after naming it, in its own sentence.
_CLOSED_AFTER = re.compile(
    r"\b(?:was|were)\s+(?:held\s+)?(?:behind\s+closed\s+doors|closed\s+to\s+(?:the\s+)?(?:press|public)"
    r"|off\s+the\s+record|by\s+invitation\s+only)",
    re.IGNORECASE,
)


_PAST_YEARS = re.compile(
    r"\b(?:has|have|had)\s+(?:\w+\s+)?(?:hosted|held|organi[sz]ed|convened|run)\s*$|\bover\s+the\s+(?:past|last)\b"
    r"|\bsince\s+(?:19|20)\d\d\b|\b(?:every|each)\s+year\b",
    re.IGNORECASE,
)


# Said of a session right after it is named, in its own clause: "… the closed expert meeting planned for the
# next day was cancelled", "비공개 간담회는 내부 사정으로 취소되었습니다" (not "Session 2 examined why the
# summit was called off").
_CALLED_OFF = re.compile(
    r"(?:\s+(?:originally\s+)?(?:planned|scheduled|set|due)\s+(?:for|on)\s+[^,;.]{0,30}?|\s*\([^()]{0,30}\))?"
    r"\s+(?:was|were|has\s+been|had\s+been)\s+(?:\w+\s+)?(?:cancell?ed|called\s+off|postponed|scrapped|dropped)\b"
    r"|(?:은|는|이|가)\s[^,.]{0,30}?(?:취소|연기)(?:되|됐)|[^,.]{0,20}?무산",
    re.IGNORECASE,
)


# Another meeting told of with its year: "The first roundtable was held in Berlin in 2022."
_HELD_IN_A_YEAR = re.compile(
    r"\s+(?:was|were)\s+held\b[^.]{0,40}?\b(?:19|20)\d\d\b|\s+took\s+place\b[^.]{0,40}?\b(?:19|20)\d\d\b"
)


def prose_sessions(text: str) -> list[SessionLine]:
    """The sessions a report's prose names, each once, with its access; not one it says was called off."""
    found: dict[tuple[str, object], SessionLine] = {}
    for match in _PROSE_SESSION.finditer(text):
        if match.group("closed") and match.group("ckind").casefold().endswith("s"):
            continue  # "moved into closed sessions: Session 1 …; Session 2 …" describes the ones it names
        own = max(text.rfind(". ", 0, match.start()), text.rfind("\n", 0, match.start())) + 1
        stop = min(
            (k for k in (text.find(". ", match.end()), text.find("\n", match.end())) if k != -1),
            default=len(text),
        )
        if _CALLED_OFF.match(text, match.end(), stop):
            continue
        if match.group("ord") and (
            match.group("okind")[0].isupper() or _HELD_IN_A_YEAR.match(text, match.end(), stop)
        ):
            # "the second Berlin Roundtable" is the meeting's name; "The first roundtable was held … in 2022"
            # is another
            continue
        if match.group("count") and _PAST_YEARS.search(text, own, match.start()):
            continue  # "Over the past two years, the network has hosted five workshops": not this gathering's
        if match.group("count"):
            # "Three panels followed", "three thematic sessions": as many, numbered as they would be;
            # "two closed-door sessions" apart from the numbered ones ("Session One", "the first session").
            kind = _SINGULAR[match.group("counted").casefold()]
            closed = _CLOSED.search(match.group("cwords")) is not None
            for n in range(1, _COUNT[match.group("count").casefold()] + 1):
                found.setdefault(
                    ("closed " + kind if closed else kind, n), SessionLine(match.start(), match.end(), closed)
                )
            continue
        key = _session_key(match)
        if key[0] == "single" and any(other[0] == key[1] for other in found):
            continue  # "the panel" after "three panels" is one of them
        if key[0] == "closed" and any(other[0] == f"closed {key[1]}" for other in found):
            continue  # "the first closed session" after "two closed-door sessions" is one of them
        numbered = isinstance(key[1], int) and key[1] > 0
        closed = key[0] == "closed"
        if numbered and not closed:
            # Behind closed doors by its own sentence: said before it is named, or said of it after
            # ("The third thematic session … was held behind closed doors").
            closed = _CLOSED_BEFORE.search(text, own, match.start()) is not None or (
                _CLOSED_AFTER.search(text, match.end(), stop) is not None
            )
        if numbered and closed and (f"closed {key[0]}", key[1]) in found:
            continue  # "three closed-door working sessions …: Session 1 …" names the ones it counted
        if key in found:
            if closed and not found[key].closed:
                found[key] = SessionLine(found[key].start, found[key].end, True)
            continue
        found[key] = SessionLine(match.start(), match.end(), closed)
    return list(found.values())


__all__ = ["SessionLine", "is_schedule_line", "prose_sessions", "schedule_sessions"]

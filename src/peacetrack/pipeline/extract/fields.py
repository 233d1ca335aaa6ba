"""What notices and programmes state in labelled fields and schedules, in English and Korean.

"■ 일 시 : 2023. 7. 25.(화) 14:00", "Venue | Lotte Hotel Seoul", "- 후원: A, B",
"Organized by The Sejong Institute": a label (spaced or not, after any bullet)
and its value, on a line or in a table row. Prose says the same in sentences
("co-organised by X and Y with the support of Z"), read here too. The sessions of a schedule are read
in ``schedule``, attendance in ``attendance``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import islice

from peacetrack.pipeline.extract.names import (
    KOREAN_BODY_END,
    ORGANISATION,
    PARENT_BODY,
    bodies_apart,
    korean_bodies_apart,
    list_end,
    split_list,
    strip_apart,
    strip_part,
)
from peacetrack.pipeline.lines import line_spans
from peacetrack.pipeline.records import Extractor, Mark, NameRef
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
    "place": r"venues?|locations?|places?|where|address",
    "host": r"(?:co-?)?hosts?|(?:co-?)?organi[sz]ers?|(?:co-?)?organi[sz]ed\s+by|(?:co-?)?hosted\s+by"
    r"|convened\s+by|conveners?|in\s+partnership\s+with|presented\s+by",
    "sponsor": r"(?:co-?)?sponsors?|(?:co-?)?sponsored\s+by|supported\s+by"
    r"|with\s+(?:the\s+)?(?:generous\s+)?support\s+(?:of|from)|support|partners?|funded\s+by|funding",
    "mode": r"format|mode|attendance|participation|how\s+to\s+(?:join|attend)|livestream|online",
}


def _words(field: str) -> str:
    """A field's label words in both languages, as one alternation (longest Korean word first)."""
    return "|".join(_spaced(word) for word in sorted(_KO[field], key=len, reverse=True)) + "|" + _EN[field]


_LABEL = {
    field: re.compile(
        rf"^[\W\d]{{0,4}}\s*(?:[가-하]\.\s*)?(?:{_words(field)})\s*(?:[:：|]|(?<=by)\s)\s*(?=\S)",
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
        r"^[\W\d]{0,4}\s*(?:[가-하]\.\s*)?(?:(?:"
        + "|".join(_spaced(word) for word in sorted(_KO[field], key=len, reverse=True) if word in _KO_BARE)
        + r")\s+(?=[^\s:：|])"
        # a letter-spaced label in a PDF's label column, its value set right after it ("일 시2019년 4월 26일")
        + r"|(?:"
        + "|".join(
            r"\s+".join(word) for word in sorted(_KO[field], key=len, reverse=True) if word in _KO_BARE
        )
        + r")(?=[^\s:：|]))",
    )
    for field in _KO
    if any(word in _KO_BARE for word in _KO[field])
}


# "주최 기관 대표의 개회사로 시작되었다." opens a sentence with a label word; a bare label has no verb.
_SENTENCE_END = re.compile(r"(?:다|요|니다)[.!]?\s*$|다\.\s")


@dataclass(frozen=True, slots=True)
class Field:
    name: str
    start: int  # where the value starts
    end: int


# A host or sponsor label heading names set one a line below it, the first perhaps beside it, as a PDF
# with a label column reads ("Organizers Peace Boat" / "Women Cross DMZ" / "Korean Women's Movement …").
_BLOCK_LABEL = {
    field: re.compile(
        r"^[\W\d]{0,4}\s*(?:" + _EN[field] + r")\s*[:：]?(?:\s+(?P<first>[A-Z][^:：|]{1,80}))?$",
        re.IGNORECASE,
    )
    for field in ("host", "sponsor")
}
_NAME_LINE = re.compile(r"^[A-Z0-9][^.:：|]{1,80}$")


def _block_fields(text: str, spans: list[tuple[int, int]], k: int) -> list[Field]:
    """The names under a label line of their own, one a line, up to a blank line."""
    line = text[spans[k][0] : spans[k][1]].strip()
    for name, pattern in _BLOCK_LABEL.items():
        match = pattern.match(line)
        if match is None:
            continue
        found = []
        if match.group("first"):
            at = text.index(match.group("first"), spans[k][0])
            found.append(Field(name, at, at + len(match.group("first"))))
        for start, end in spans[k + 1 :]:
            value = text[start:end].strip()
            if not value and not found:
                continue  # the label set apart as a heading, its names below blank lines ("Hosted by")
            labelled = any(p.match(value) for p in (*_LABEL.values(), *_BLOCK_LABEL.values()))
            if not value or labelled or not _NAME_LINE.match(value) or len(value.split()) > 10:
                break
            found.append(Field(name, start, end))
        # One line of names is a list only with its separators ("Peace Action · Veterans For Peace").
        listed = len(found) == 1 and _SYMBOL_SPLIT.search(text[found[0].start : found[0].end]) is not None
        return found if len(found) >= 2 or listed else []
    return []


_RUNS_ON = frozenset({"host", "sponsor", "place"})
# A value's next line that goes on with it: "· 한국천주교주교회의 …" (a list joiner), "(서울 중구 …)".
_CONTINUES = re.compile(r"^\s*(?:[·ㆍ,/&(（]|및\s|and\s)")


def _run_on(text: str, spans: list[tuple[int, int]], k: int) -> int:
    """Where a label line's value ends: at its line's end, or after the lines that go on with it."""
    end = spans[k][1]
    for start, line_end in spans[k + 1 :]:
        if not _CONTINUES.match(text[start:line_end]):
            break
        end = line_end
    return end


def labelled_fields(text: str) -> list[Field]:
    """Every "label: value" line and label | value row, in text order; and names under a label line."""
    found: list[Field] = []
    spans = list(line_spans(text))
    for k, (start, end) in enumerate(spans):
        line = text[start:end]
        if not line or len(line) > 400:
            continue
        labelled = _line_fields(text, spans, k)
        if labelled:
            found.extend(labelled)
            found.extend(_names_below(text, spans, k, labelled[-1]))
        elif (bare := _english_bare(text, spans, k)) is not None:
            found.append(bare)
        elif (alone := _label_alone(line)) is not None and k + 1 < len(spans) and text[slice(*spans[k + 1])]:
            found.append(Field(alone, *spans[k + 1]))  # "WHEN" / "Tuesday, November 14, 2023"
        else:
            found.extend(_block_fields(text, spans, k))
    return found


# A PDF's label column read as text loses the cell between label and value: "Dates Saturday 12 - Sunday 13
# November 2022" / "Venue Waseda Hoshien, Tokyo" / "Convened by Peace Boat" / "Financial support FES". Such a
# line counts when a line beside it is one too (a lone "Date of the conference was …" is prose).
_EN_BARE = {
    field: re.compile(rf"^[\W\d]{{0,4}}\s*(?:{words})\s+(?=(?-i:[A-Z0-9]))", re.IGNORECASE)
    for field, words in {
        "date": r"dates?",
        "place": r"venues?|locations?",
        "host": r"(?:co-?)?organi[sz]ers?|co-?hosts|conveners?|convened\s+by"
        r"|(?:co-?)?organi[sz]ed\s+by",
        "sponsor": r"sponsors?|financial\s+support|supported\s+by|funded\s+by",
        "mode": r"format",
    }.items()
}


# A line ending in an abbreviation's stop ("Washington, D.C.", "Co., Ltd.") has not ended a sentence.
ABBREVIATION_END = re.compile(r"(?:\b[A-Z]\.){2,}$|\b(?:Inc|Ltd|Co|Corp|Jr|St)\.$")


def _bare_at(line: str) -> tuple[str, int] | None:
    stripped = line.rstrip()
    if len(line) > 200 or (stripped.endswith((".", "!", "?")) and not ABBREVIATION_END.search(stripped)):
        return None
    return next(((field, m.end()) for field, pattern in _EN_BARE.items() if (m := pattern.match(line))), None)


def _english_bare(text: str, spans: list[tuple[int, int]], k: int) -> Field | None:
    found = _bare_at(text[slice(*spans[k])])
    if found is None:
        return None
    # The two nearest lines with text above and below (a PDF may leave a blank line between label rows, and
    # a value may run onto a second line: "Venue X, Seoul" / "and online via Zoom" / "Organised by Y").
    above = islice((j for j in range(k - 1, -1, -1) if text[slice(*spans[j])].strip()), 2)
    below = islice((j for j in range(k + 1, len(spans)) if text[slice(*spans[j])].strip()), 2)
    beside = [*above, *below]
    if not any(_bare_at(text[slice(*spans[j])]) or _label_at(text[slice(*spans[j])]) for j in beside):
        return None
    return Field(found[0], spans[k][0] + found[1], spans[k][1])


# A date or place label on a line of its own, its value on the next line. (A mode label alone, such as
# "PARTICIPATION", heads a paragraph of prose more often than a value.)
_ALONE = {
    field: re.compile(rf"^[\W\d]{{0,4}}\s*(?:{_words(field)})\s*[:：]?$", re.IGNORECASE)
    for field in ("date", "place")
}


def _label_alone(line: str) -> str | None:
    return next((field for field, pattern in _ALONE.items() if pattern.match(line.strip())), None)


def _label_at(line: str) -> tuple[str, re.Match[str]] | None:
    for name, pattern in _LABEL.items():
        match = pattern.match(line)
        if match is None and name in _BARE_LABEL and not _SENTENCE_END.search(line):
            match = _BARE_LABEL[name].match(line)
        if match is not None:
            return name, match
    return None


# A second label later on the same line, with its colon ("일시 : 4. 25.(목) 오후 2시 장소 : 국회의원회관"):
# a cover page sets two fields side by side.
_NEXT_LABEL = re.compile(
    r"(?<=\s)(?:" + "|".join(f"(?:{_words(field)})" for field in _KO) + r")\s*[:：]\s*(?=\S)"
    # a PDF's two head lines run into one: "Hosted by X, Y Organized by Z"
    r"|(?<=\s)(?-i:(?=[A-Z]))(?:co-)?(?:organi[sz]ed|hosted|sponsored|supported|convened|co-organi[sz]ed)\s+by"
    r"\s+(?-i:(?=[A-Z]))",
    re.IGNORECASE,
)


def _cell_end(text: str, at: int, end: int) -> int:
    """Where the cell at ``at`` ends: its bar, or the space before a label that stands at the cell's end
    ("주최 | 세종연구소 통일연구원 주관 | 한국국제정치학회 후원 | 통일부"); -1 when the line ends it."""
    bar = text.find("|", at, end)
    before = _LABEL_BEFORE_BAR.search(text, at, end)
    if before is not None and (bar == -1 or before.start() < bar):
        return before.start()
    return bar


_LABEL_BEFORE_BAR = re.compile(r"[^\S\n]+(?=(?:공동\s*)?(?:주\s*최|주\s*관|후\s*원|협\s*찬)\s*\|)")


def _line_fields(text: str, spans: list[tuple[int, int]], k: int) -> list[Field]:
    """The labelled fields of one line: "Venue: …", and each labelled cell of a row
    ("Hosted by Busan Metropolitan City | Organized by the Korea Institute …")."""
    start, end = spans[k]
    out: list[Field] = []
    at = start
    while at < end:
        found = _label_at(text[at:end])
        if found is None:
            break
        name, match = found
        value_end = end
        cell = _cell_end(text, at + match.end(), end)
        if cell == -1 and (beside := _NEXT_LABEL.search(text, at + match.end(), end)) is not None:
            cell = beside.start() - 1  # the whitespace before the next label parts the two fields
        if cell != -1:
            value_end = cell
        elif name in _RUNS_ON and at == start:
            value_end = _run_on(text, spans, k)
        out.append(Field(name, at + match.end(), value_end))
        if cell == -1:
            break
        at = _next_cell(text, cell, end)
        # More names in the cells after a host's or a sponsor's ("주최 | 평화네트워크 | 참여연대"), up to
        # the next label.
        while name in ("host", "sponsor") and at < end and _label_at(text[at:end]) is None:
            cell = _cell_end(text, at, end)
            value = text[at : end if cell == -1 else cell]
            if not (ORGANISATION.search(value) or KOREAN_BODY_END.search(value.strip())):
                break  # "문의 | 02-723-4567", "Registration | Free": the row goes on to other things
            out.append(Field(name, at, end if cell == -1 else cell))
            if cell == -1:
                return out
            following = _next_cell(text, cell, end)
            if following <= at:
                break
            at = following
    return out


def _next_cell(text: str, cell: int, end: int) -> int:
    at = cell + 1 if text[cell] == "|" else cell
    while at < end and text[at] in " \t\u00a0":
        at += 1
    return at


def _names_below(text: str, spans: list[tuple[int, int]], k: int, field: Field) -> list[Field]:
    """Names one a line under a host or sponsor line that has its value ("Co-hosts: Nobel Women's
    Initiative" / "Korea Peace Now! Grassroots Network"), up to a blank line, a label or a sentence."""
    if field.name not in ("host", "sponsor") or field.end != spans[k][1]:
        return []
    out = []
    for start, end in spans[k + 1 :]:
        value = text[start:end].strip()
        if not value or _label_at(value) is not None or any(p.match(value) for p in _BLOCK_LABEL.values()):
            break
        if _bare_at(value) is not None:
            break  # the next line of a label column that lost its cells ("Financial support FES")
        if not _NAME_LINE.match(value) or len(value.split()) > 10 or _CONTINUES.match(value):
            break
        out.append(Field(field.name, start, end))
    return out


# A middle dot between digits is part of a name ("4·9통일평화재단", "6·15 …"), not a list joint.
_ORG_SPLIT = re.compile(r"\s*(?:[,;、/]|(?<!\d)[·ㆍ](?!\d)|\band\b|&|및|그리고)\s*")
_SYMBOL_SPLIT = re.compile(r"\s*(?:[;、/]|(?<!\d)[·ㆍ](?!\d))\s*")
_NOT_ORG = re.compile(
    r"^(?:tbc|tba|n/a|none|없음|미정|\d+)$|@|https?://|www\.|\b(?:tel|fax|e-?mail)\b|^\(?(?:가나다순|순서\s*무관)\)?$",
    re.IGNORECASE,
)


_GAVE = re.compile(r"^(?:[a-z]+\s+){1,3}(?:from|of|by)\s+(?:the\s+)?(?=[A-Z])")
_GLUE = frozenset({"of", "for", "on", "in", "the"})


def _org_parts(piece: str, joints: re.Pattern[str] = _ORG_SPLIT) -> list[str]:
    """The names in "A·B", "A / B", "A and B"; "Institute for Security and Sustainability" is one."""
    pieces = re.split(f"({joints.pattern})", piece)
    parts: list[str] = []
    for k in range(0, len(pieces), 2):
        part = pieces[k]
        joint = pieces[k - 1].strip().casefold() if k else ""
        of_what = (
            joint in ("and", "&")
            and 0 < len(part.split()) <= 4
            and part.split()[0][0].isupper()
            # "… for Peace and Reunification of Korea": the name goes on, small words and all
            and all(word[0].isupper() or word in _GLUE for word in part.split())
            and bool(parts)
            and _OF_WHAT.search(parts[-1])
        )
        parent = joint == "," and bool(parts) and PARENT_BODY.search(part.strip())
        if of_what or parent:
            parts[-1] = f"{parts[-1]}{pieces[k - 1]}{part}"
        elif part:
            parts.append(part)
    return parts


def _org_pieces(piece: str) -> list[str]:
    """:func:`_org_parts` with what brackets hold kept whole: "한국기독교교회협의회(NCCK) · 대한불교조계종 …"
    splits at its "·". With brackets only symbols split: "Institute for Peace and Unification Studies
    (IPUS)" is one name."""
    if "(" not in piece:
        return _org_parts(piece)
    masked = re.sub(r"\([^()]*\)", lambda m: "(" + "_" * (len(m.group()) - 2) + ")", piece)
    out, pos = [], 0
    for part in _org_parts(masked, _SYMBOL_SPLIT):
        at = masked.find(part, pos)
        if at == -1:
            return [piece]
        out.append(piece[at : at + len(part)])
        pos = at + len(part)
    return out


# "… for Security", "… of Foreign Affairs": a name still going on when "and Sustainability" follows.
_OF_WHAT = re.compile(r"\b(?:for|of|on)\s+(?:[A-Z][\w'-]*\s+){0,2}[A-Z][\w'-]*$")


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


_HAS_PARENT = re.compile(r"\b(?:University|College)\b|대학교|대학\s", re.IGNORECASE)


# "… (NCNK). This event is made possible …": a full stop after a word or a bracket, then a capitalised
# word and a lower-case one (not an initial's stop: "U.S. Institute of Peace").
_NEXT_SENTENCE = re.compile(r"(?<=[a-z)）])\.\s+(?=[A-Z][a-z-]+\s+[a-z])")


def org_names(text: str, start: int, end: int) -> list[NameRef]:
    """Organisations named in a value: "A, B and C", "A·B", "A / B"; brackets stay with their name. A value
    that runs on into a sentence of prose ends where that sentence begins."""
    refs: list[NameRef] = []
    seen: set[str] = set()
    spans: list[tuple[int, int]] = []
    prose = _NEXT_SENTENCE.search(text, start, end)
    end = prose.start() if prose is not None else end
    for a, b in split_list(text, start, end, and_splits=True, articles=False):
        # "Centre for Korean Research, University of British Columbia"; but a unit has one parent, so
        # after "서울대학교 통일평화연구원" a university is a host of its own.
        if (
            spans
            and PARENT_BODY.search(strip_part(text[a:b]).strip())
            and not _HAS_PARENT.search(text[slice(*spans[-1])])
        ):
            spans[-1] = (spans[-1][0], b)
        else:
            spans.append((a, b))
    for a, b in spans:
        piece = text[a:b]
        # A list written with "·" or " / " or " and " between names: split those too ("Peace Boat and
        # People's Solidarity … (PSPD)" is two bodies, brackets and all).
        parts = [
            body
            for part in _org_pieces(piece)
            for whole in bodies_apart(part)
            for strip in strip_apart(whole.strip())
            for body in korean_bodies_apart(strip)
        ]
        offset = a
        for part in parts:
            at = text.find(part, offset, b)
            at = a if at == -1 else at
            name = _clean_org(part)
            offset = at + len(part)
            # (a name is capitalised: "hosted by the organisers followed the first day" names no one new)
            # What the body gave before its name: "logistical assistance from the Ministry of …".
            name = _GAVE.sub("", name)
            key = normalise_name(name)
            bare = re.sub(r"^the\s+", "", name)
            lower = bool(bare) and bare[0].isascii() and bare[0].islower()
            if (
                not name
                or lower
                or _NOT_ORG.search(name)
                or key in seen
                or len(name) < 2
                or len(name.split()) > 12
            ):
                continue
            seen.add(key)
            start_at = text.find(name, at, offset) if name in text[at:offset] else at
            refs.append(NameRef(name, Mark(start_at, start_at + len(name), name, EXTRACTOR)))
    return refs


_NAMES = r"(?:[^.;:\n(]|\([^()\n]{0,40}\))+?"  # names, with their bracketed short forms
_PROSE_HOST = re.compile(
    # the names on the same line, or on the next one under a label ("• Organised by" / "• X, Y and Z");
    # not a paragraph after a heading ("Hosted By" / "" / "This event is hosted by …")
    rf"\b(?:co-?)?(?:organi[sz]ed|hosted|convened|co-?hosted)\s+(?:jointly\s+)?by"
    rf"(?:[ \t]+|[ \t]*\n[ \t]*(?:[•\-–·▪*][ \t]*)?)(?P<names>{_NAMES})"
    r"(?=\s*(?:,\s*(?:with|and\s+(?:sponsored|supported)|(?:and\s+)?(?:it|they|this|which|who)\b)"
    # ("X together with Y": Y holds it too)
    r"|(?<!hosted)(?<!organised)(?<!organized)(?<!together)(?<!jointly)(?<!partnership)(?<!cooperation)"
    r"(?<!collaboration)\s+with\s+"
    r"|\s+(?:in|at|from|under|and\s+(?:is|was|will)|(?:and\s+)?(?:co-?)?(?:sponsored|supported|funded))\b"
    # "on" ends the names before a day, not inside one ("the National Committee on North Korea")
    r"|\s+on\s+(?=(?:the\s+)?(?:\d|(?:mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
    r"[a-z]*\b))|[.;:\n]|$))",
    re.IGNORECASE,
)
_PROSE_SPONSOR = re.compile(
    rf"\b(?:sponsored|supported|funded)\s+by\s+(?P<names>{_NAMES})"
    r"(?=\s+(?:on|in|at|and\s+(?:is|was|will))\b|,\s+(?!and\b|(?-i:the\s+[A-Z]))(?=(?-i:[a-z]))|[.;:\n]|$)"
    r"|\b(?:with|received|receiving|thanks\s+to)\s+(?:the\s+)?(?:generous\s+|financial\s+|kind\s+)?"
    rf"(?:support|sponsorship|funding|grants?)\s+(?:of|from)\s+(?P<names2>{_NAMES})"
    r"(?=\s+(?:on|in|at)\b|[.;:\n]|,\s+(?!and\b|(?-i:the\s+[A-Z]))(?=(?-i:[a-z]))|$)",
    re.IGNORECASE,
)
_KO_HOST = re.compile(
    r"(?P<names>[^\s.,][^.\n]{1,80}?)(?:이|가|와|과)?\s*(?:공동\s*)?(?:주최|주관)(?:하|한|했|하였|로|하는|해)"
)
_KO_SPONSOR = re.compile(r"(?P<names>[^\s.,][^.\n]{1,60}?)(?:의)\s*후원(?:으로|을|하)")


# The hosts as a sentence's subject in a notice: "Peace Boat and PSPD will bring together …",
# "X and Y are pleased to invite you to …".
_INVITING = re.compile(
    r"(?:^|(?<=[.!?]\s))(?P<names>[A-Z][^.!?\n]{2,200}?)\s+(?:will\s+(?:bring\s+together|host|hold|convene)"
    r"|(?:are|is)\s+(?:pleased|delighted|honou?red|happy|proud)\s+to\s+(?:invite|host|welcome|present))\b",
    re.MULTILINE,
)


def prose_parties(text: str) -> tuple[list[NameRef], list[NameRef]]:
    hosts: list[NameRef] = []
    sponsors: list[NameRef] = []
    for match in _PROSE_HOST.finditer(text):
        hosts.extend(org_names(text, match.start("names"), match.end("names")))
    if not hosts:
        for match in _INVITING.finditer(text):
            named = [ref for ref in org_names(text, match.start("names"), match.end("names")) if _named(ref)]
            if named:
                hosts.extend(named)
                break
    for match in _PROSE_SPONSOR.finditer(text):
        group = "names" if match.group("names") else "names2"
        a = match.start(group)
        sponsors.extend(org_names(text, a, list_end(text, a, match.end(group))))
    return hosts, sponsors


def _named(ref: NameRef) -> bool:
    """A subject that is an organisation's name, not "This year's forum" or "We"."""
    words = re.sub(r"\([^()]*\)", " ", ref.name).split()
    return (
        bool(words)
        and words[0] not in ("We", "This", "The", "Our", "It", "They")
        and all(
            word[0].isupper() or word in ("of", "for", "and", "the", "on", "in", "a", "–", "-")
            for word in words
        )
    )

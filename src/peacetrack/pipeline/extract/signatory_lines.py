"""The lines of a signature block and the names cut from them: what a heading, a date line, prose
or a name looks like, and a name without its list marker and status mark (used by ``signatories``)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from peacetrack.pipeline.extract import dates
from peacetrack.pipeline.extract.ecosoc import LETTER_MARK, SYMBOL
from peacetrack.pipeline.extract.names import trim

HEADING = re.compile(
    # (a part's number before it: "II. Organizational signatories", "B) Individuals")
    r"^(?:(?-i:[IVX]{1,4}|[A-H])[.)]\s+)?(?:(?:annex|appendix|attachment)\s*(?:[ivx\d]+)?\s*[-–:.]?\s*)?"
    r"(?:the\s+|list\s+of\s+|\d+\s+|initial\s+|organi[sz]ational\s+|individual\s+|civil[\s-]+society\s+"
    r"|member\s+|partner\s+|international\s+|korean\s+)*(?:\d+\s+)?"
    r"(?:undersigned|signator(?:y|ies)|signatures|signed(?:\s+by)?|co-?sign(?:ed|ers|atories)|endorsed\s+by|endorsers?"
    r"|(?:jointly\s+)?issued\s+(?:jointly\s+)?by|adopted\s+by|released\s+by"
    r"|endorsements?|endorsing|supporting|initiating|participating|organi[sz]ations?|individuals?|signers"
    r"|groups|ngos)\b"
    r"|(?:참여|서명|연명|제안|발표|참가|함께\s*한|공동\s*서명|연서명|지지|제출|청원)\s*(?:종단\s*[·ㆍ,]?\s*)?"
    r"(?:단체|기관|개인|자|인|명단|인사|종단)"  # ("참여 종단·단체": the religious orders and groups)
    r"|(?:청원|서명|연명)(?:인|자)\s*명단"
    r"|^\W{0,3}\s*(?:제출인|제출자|서명|연서명|서명자|연명)\s*(?:명단)?\s*[\]】]?\s*(?:[(（][^()（）]*[)）])?\s*[:：]?$"
    r"|^\W{0,3}\s*(?:단체|개인)\s*(?:서명|명단|참여)?\s*(?:\([^()]*\))?\s*[:：\]】>〉》]?$"
    r"|서명\s*(?:명단|참여)|^연서명"
    r"|^(?:함께\s*)?(?:서명|연서명|참여)한\s+\S+(?:\s+\S+){0,3}$"  # "함께 서명한 스님과 불자"
    # the issuers as a body of groups: "접경지역 평화를 바라는 종교·시민사회단체", "… 우려하는 단체 일동"
    r"|^[^\n]{1,40}(?:를|을|는|은|한)\s[^\n]{0,30}(?:단체|단체들|종교인)(?:\s*일동)?$|^[^\n]{2,50}\s일동$"
    # a heading that tells the list's order: "…시민사회단체 (가나다순)", "Organisations (alphabetical)"
    r"|[(（]\s*(?:가나다\s*순|가나다순|알파벳\s*순|(?:in\s+)?alphabetical(?:\s+order)?|순서\s*무관)\s*[)）]\s*[:：]?$",
    re.IGNORECASE,
)
# "International and regional bodies", "Member churches": a kind of signer in lower case, not a name.
KIND_HEADING = re.compile(
    r"^[A-Z][a-z-]+(?:\s+(?:and\s+)?[a-z-]+){0,3}\s+(?:bodies|organi[sz]ations|groups|networks|churches|members"
    r"|partners|institutions|movements|unions)\s*[:：]?$"
    # …and in title case ("Peace and Disarmament Organizations", "Korean American Organizations"), where a
    # name would join its words with "of" or "for" ("Council of Peace Organizations")
    r"|^(?!.*\b(?i:of|for|the|on|in)\b)[A-Z][\w'-]+(?:\s+(?:(?:and|&)\s+)?[A-Z][\w'-]+){0,3}"
    r"\s+(?:Organi[sz]ations|Groups|Networks|Churches|Bodies|Institutions|NGOs)\s*[:：]?$"
    # where the group's signers are: "(B) Organizations based outside of Korea", "Groups registered in Japan"
    r"|^(?:\(?[A-Za-z\d][.)]\s*)?(?i:organi[sz]ations|groups|individuals|signatories|ngos)\s+(?i:based|registered"
    r"|located|working)\s+(?i:in|outside|abroad|overseas)\b[^.]{0,40}[:：]?$"
)

# (a footnote number may follow the name's last letter: "한국YWCA연합회1)", "Women Making Peace1)")
MARK = re.compile(
    rf"\s*(?P<mark>{SYMBOL}|{LETTER_MARK}|(?<=\s)\d\)|(?<=[^\W\d_])\d\)|\((?:ECOSOC)\)|\[ECOSOC\])\s*$",
    re.IGNORECASE,
)

# "(ECOSOC)" or "[ECOSOC status]" after a name marks that name; it does not make the line a sentence.
OWN_MARK = re.compile(r"[(\[]\s*ECOSOC[^()\[\]]{0,30}[)\]]", re.IGNORECASE)

ITEM = re.compile(
    r"^(?:[-–—•·▪■□▶▷◆◇○●◦※]|\(?\d{1,3}[.)]|\(?[a-z][.)]|[가-하][.)]|[①-⑳]|\.{2,}|…)\s*",
    re.I | re.M,
)

TAIL = re.compile(
    r"^(?:and\s+)?\d+\s+(?:other|more|additional|further)\b|^(?:그\s*)?외\s*\d+|^\d+\s*개?\s*(?:단체|명)\s*$"
    r"|^(?:and\s+)?(?:others|more)\.?$",
    re.IGNORECASE,
)

TAIL_INSIDE = re.compile(r"\s+(?:외|등)\s*\d+\s*(?:개\s*)?(?:단체|명|곳).*$")

_PLACES = (
    r"(?:(?:north|south|latin|central)?\s*america[s]?|europe|asia(?:[\s-]pacific)?|africa|oceania|middle\s+east"
    r"|global|overseas|domestic|(?:south\s+|north\s+)?korea|japan|china|canada|australia|germany|france|united\s+(?:states|kingdom)"
    r"|belgium|switzerland|norway|sweden|denmark|finland|netherlands|ireland|italy|spain|austria|new\s+zealand"
    r"|philippines|taiwan|hong\s+kong|mongolia|india|nepal|thailand|vietnam|indonesia|malaysia|singapore"
    r"|brazil|mexico|south\s+africa|kenya|international|england|scotland|wales"
    r"|usa|u\.s\.a?\.?|uk|republic\s+of\s+korea)"
)
SUBHEADING_WORDS = re.compile(
    r"^(?:organi[sz]ations?|individuals?|groups|networks?|international(?:\s+networks?|\s+organi[sz]ations?)?"
    r"|national|regional|local|faith[\w\s-]*|religious[\w\s]*|academics?|scholars?|experts?|others?"
    rf"|{_PLACES}(?:\s*(?:&|and|/|,)\s*{_PLACES})*"  # "Canada and Australia": one heading
    # "National Organizations", "State & Local Organizations", "Grassroots groups": a scope, then signers
    r"|(?:(?:national|regional|local|state|provincial|municipal|grassroots|international|global|u\.s\.)"
    r"(?:\s*(?:&|and|/|·|,)\s*|\s+)?)+\s+(?:organi[sz]ations?|groups|networks?|signatories|endorsers|members|ngos)"
    r"|(?:국내|해외|국외|지역|전국|종교|시민사회|개인|단체|학계|법조계|노동|여성|청년|국제)\s*(?:단체|개인|기관|인사|부문|계|인)?"
    r"|[가-힣·, ]{1,14}(?:계|부문|분야)"  # "시민사회·문화계", "종교계": a sector heading
    # "성직자·수도자 (개인)": who, and signing as what (a name with its "(개인)" is a signer)
    r"|(?:[가-힣]{1,6}·)*(?:종교인|성직자|수도자|학자|연구자|활동가|전문가|시민|청년|학생|교수|법조인|예술인|여성)들?"
    r"\s*[(（]\s*(?:개인|단체|기관)\s*[)）]"
    # …with its count or a note on its order: "(12)", "9곳", "(가나다순 아님, 접수순)"
    r")\s*(?:\(\s*\d+\s*\)|\d+\s*(?:개\s*)?(?:단체|명|곳)|[(（][^()（）]{1,30}[)）])?\s*[:：]?$",
    re.IGNORECASE,
)

_SIGNED = re.compile(r"\s*[(（]\s*(?:서명|signed|sgd\.?)\s*[)）]\s*$", re.IGNORECASE)
NOT_A_NAME = re.compile(
    r"@|https?://|www\.|^\+?\d[\d\s()-]{6,}$|^(?:tel|fax|e-?mail|web)\b|unsubscribe|mailing\s+list"
    r"|^(?:이전\s*글|다음\s*글|previous|next)\s*[:：]"
    # an attached file: "0608_편지_국문.hwp (48KB)"
    r"|\.(?:hwpx?|pdf|docx?|xlsx?|pptx?|zip|jpe?g|png)\b|\(\s*\d+(?:[.,]\d+)?\s*[KMG]B\s*\)"
    r"|^(?:제\s*목|문\s*의|연\s*락\s*처|담\s*당|수\s*신|참\s*조|발\s*신|일\s*자|subject|re|contact|attn|cc)\s*[:：|]"
    # the genre alone, a heading over the text ("기자회견문"), never who signs it
    r"|^(?:기자회견문|성명서?|공동\s*성명|논평|입장문|결의문|호소문|선언문|(?:joint\s+)?statement|press\s+release|보도\s*자료)$",
    re.IGNORECASE,
)
# A note about the list, not a name in it: "Individual signers (214) are not listed here …",
# "Organisations marked (ECOSOC) hold consultative status with …". Names seldom hold such verbs.
_NOTE_VERBS = re.compile(r"\b(?:are|is|was|were|hold|holds|have|has|will|can|may|not|listed|marked|signed)\b")
_NOTE_WORDS = 6


@dataclass(frozen=True, slots=True)
class Line:
    start: int
    end: int
    text: str
    blank_before: bool


@dataclass(frozen=True, slots=True)
class Name:
    start: int
    end: int
    mark: str | None  # the symbol after the name, if any
    ecosoc: bool = False  # marked in its own words ("(ECOSOC)", an ECOSOC table column)
    whole_line: bool = True  # the name is a line (or a cell) of its own, not cut from a comma list


# A rule drawn under a heading or after a list.
RULE = re.compile(r"^[-=_*~#·•.]{5,}$")
# What follows a signature list: contacts, notes, links, attachments, the end mark, a greeting, a
# running order.
_ENDS_LIST = re.compile(
    # "Coordinating contact for this letter: …", "Contact person:"
    r"^(?:[\w'-]+\s+){0,2}contacts?(?:\s+[\w'-]+){0,4}\s*[:：]"
    r"|^(?:[▶▷►■□●○◆◇※*-]\s*)?(?:contact|media\s+contact|press\s+contact|for\s+(?:more\s+)?information"
    r"|inquiries|note|notes|이전\s*글|다음\s*글|previous\s+post|next\s+post"  # a board's links to other posts
    r"|replies|responses|correspondence"  # "Replies may be sent to the secretariat, c/o Korea YMCA, …"
    # the copies' line, however many lines it runs on
    r"|cc(?=\s*[:：])|copy\s+to|copies\s+to|사\s*본(?=\s*[:：|])"
    r"|(?:media\s+|press\s+)?enquiries|among\s+(?:the\s+|these\s+)?(?:signatories|signers|endorsers)"
    r"|source|about|related|share|tags?|dear|excellenc|to\s*:|re\s*:|문의|연락처|담당|붙임|참고|관련\s*기사|출처"
    # …and "- 끝 -", the end of a release
    r"|수신|참조|존경하는|첨부\s*(?:파일|자료)?|attachments?|downloads?)\b|@|https?://|www\.|^[-–<(\[]?\s*끝\s*[-–>)\]]?\.?$"
    r"|^[^\n]{1,30}(?<!함)께\s*[,，:]?$"  # a greeting: "의장님께," (but "…과함께" names a group)
    # the running order of the press conference after the list: "[기자회견 순서]", "▶ 식순"
    r"|^\W{0,3}\s*(?:기자회견|행사|진행)?\s*(?:순서|식순|일정)\s*\W{0,3}$",
    re.IGNORECASE,
)


# A page's own rows after the list, set with bars as a table's are: a board's links to other posts
# ("이전글 | [기자회견] …"), the site's footer ("… | Tel 02-… | Copyright (c) …").
_PAGE_ROW = re.compile(
    r"^\W{0,3}(?:이전\s*글|다음\s*글|previous\s+post|next\s+post)\b|\bcopyright\b|all\s+rights\s+reserved|[ⓒ©]",
    re.IGNORECASE,
)


def ends_list(line: str) -> bool:
    """A line after which a signature list has ended (a table row only when it is the page's own)."""
    return bool(RULE.match(line) or _PAGE_ROW.search(line) or (_ENDS_LIST.search(line) and "|" not in line))


def line_list(text: str) -> list[Line]:
    """The text's lines; a line whose bracket closes on the next, short line is one line with it
    ("이만석 (88세, … 흥남철수 때" / "월남)": a person's note wrapped)."""
    out: list[Line] = []
    pos = 0
    blank = True
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            last = out[-1] if out and not blank else None
            if last is not None and _opens(last.text) and _closes(stripped):
                out[-1] = Line(last.start, pos + len(raw), f"{last.text} {stripped}", last.blank_before)
            else:
                out.append(Line(pos, pos + len(raw), stripped, blank))
            blank = False
        else:
            blank = True
        pos += len(raw) + 1
    return _bullets_whole(out)


_BULLET_ITEM = re.compile(r"^[•●○■□▪◦·‣∙]\s")
_CUT_ITEM = 30  # characters: a bullet line at least this long may have been cut at the line's end


def _bullets_whole(lines: list[Line]) -> list[Line]:
    """A bulleted item's cut end joined to it: a line with no bullet right under a long bulleted one, with
    the next bullet or a gap after it ("• Korean Conference of Catholic Bishops, Committee for the" /
    "Reconciliation of the Korean People" / "• …")."""
    out: list[Line] = []
    for k, line in enumerate(lines):
        after = lines[k + 1] if k + 1 < len(lines) else None
        last = out[-1] if out else None
        if (
            last is not None
            and not line.blank_before
            and _BULLET_ITEM.match(last.text)
            and len(last.text) >= _CUT_ITEM
            and not _BULLET_ITEM.match(line.text)
            and not _own_line(line.text)
            and (after is None or after.blank_before or _BULLET_ITEM.match(after.text))
        ):
            out[-1] = Line(last.start, line.end, f"{last.text} {line.text}", last.blank_before)
        else:
            out.append(line)
    return out


def _own_line(line: str) -> bool:
    """A line that stands on its own under a list item: a group heading, a date, a list's end, a label."""
    return bool(
        SUBHEADING_WORDS.match(line)
        or is_heading(line)
        or is_date_line(line)
        or ends_list(line)
        or re.search(r"[:：@]", line)
        or len(line) > _CUT_ITEM * 2
    )


_CLOSING_LINE = 40  # characters: the most a bracket's wrapped end takes


def _opens(line: str) -> bool:
    return line.count("(") > line.count(")")


def _closes(line: str) -> bool:
    """A bracket's wrapped end alone, no further bracket opening on it ("월남)")."""
    return len(line) <= _CLOSING_LINE and ")" in line and "(" not in line


def is_heading(line: str) -> bool:
    line = re.sub(r"\s+※.*$", "", line)  # "[서명자 명단] ※ 소속과 직함은 …": a note after the heading
    bare = re.sub(r"\([^()]*\)", " ", line)  # "(as received up to 26 July, 18:00 KST)" is a note
    if len(bare.strip()) > 90 or (line.endswith((".", "。")) and not line.endswith("etc.")):
        return False
    words = bare.split()
    if len(words) > 5 and re.match(r"we\b", line, re.IGNORECASE):
        return False  # "We, the undersigned, therefore call on the Council to:" opens the asks
    return len(words) <= 12 and bool(HEADING.search(line)) and "|" not in line


def heads_line(line: str) -> bool:
    """A heading word at the line's start ("Individuals (affiliations …)", "[서명 단체]"): a sub-heading
    inside a list, where a name merely containing such a word is not."""
    tag = re.match(r"\s*[\[【〔]([^\]】〕]{1,10})[\]】〕]\s*(?=\S)", line)
    if tag is not None and not HEADING.search(tag.group(1)):
        line = line[tag.end() :]  # "[별첨] 서명 단체 명단": a tag before the heading, not a heading itself
    bare = re.sub(r"[(（][^()（）]*[)）]|[:：\[\]【】]", " ", line).strip()
    found = HEADING.search(bare)
    if found is not None and found.end() == len(bare) and len(bare[: found.start()].split()) <= 2:
        return True  # "공개서한 참여 명단": what the list is for, then the heading words
    if found is None or found.start() > 3:
        return False
    return len(HEADING.sub(" ", bare).split()) <= 1  # "연서명 참여 단체": every word a heading word


def is_date_line(line: str) -> bool:
    found = dates.scan(line)
    return bool(found) and sum(raw.end - raw.start for raw in found) >= len(line) * 0.6


# A list set apart by a spaced slash or middle dot ("참여연대 / 평화네트워크 / …"); unspaced, the dot joins
# the parts of one name ("6·15", "종교·시민사회단체").
SPACED_SEPARATOR = re.compile(r"(?:(?<=\s)|^)([/·ㆍ])(?=\s|$)")


def is_prose(line: str) -> bool:
    words = line.split()
    separators = max(count_separators(line), len(SPACED_SEPARATOR.findall(line)))
    if "|" in line or (separators >= 3 and len(words) <= (separators + 1) * 8):
        return False  # a table row, or a list of names written as a paragraph
    if len(words) >= 14 and line.rstrip().endswith((".", "!", "?", "다.", "요.", ":")):
        return True
    if len(words) >= 5 and re.search(r"(?:다|요|니다)[.!]?$", line.rstrip()):
        return True  # a Korean sentence: fewer, longer words
    return len(words) >= 25


def looks_like_name(piece: str) -> bool:
    words = piece.split()
    return (
        0 < len(words) <= 16
        and len(piece) <= 160
        and not NOT_A_NAME.search(piece)
        and not is_date_line(piece)
        and not (piece.endswith(".") and len(words) > 8)
        and not (len(words) >= _NOTE_WORDS and _NOTE_VERBS.search(piece))
        and any(ch.isalpha() for ch in piece)
    )


def unmark(text: str, start: int, end: int) -> Name | None:
    """The name without its list marker, a signature placeholder ("(서명)", "(signed)") and its trailing
    status mark."""
    start, end = trim(text, start, end, articles=False)
    signed = _SIGNED.search(text, start, end)
    if signed is not None and signed.start() > start:
        end = signed.start()
    item = ITEM.match(text, start, end)
    if item is not None and item.end() < end:
        start = item.end()
    mark_symbol = None
    ecosoc = False
    found = MARK.search(text, start, end)
    if found is not None and found.start() > start:
        symbol = found.group("mark")
        if "ecosoc" in symbol.lower():
            ecosoc = True
        else:
            mark_symbol = symbol
        end = found.start()
    inner = OWN_MARK.search(text, start, end)
    if inner is not None:
        ecosoc = True
    start, end = trim(text, start, end, articles=False)
    piece = text[start:end]
    cut = TAIL_INSIDE.search(piece)
    if cut is not None:
        end = start + cut.start()
    piece = text[start:end]
    if re.fullmatch(r"[(（][^()（）]*[)）]", piece):
        return None  # a note in brackets ("(종교단체 9곳, 종교인 12명)"), not a name ("(사)평화3000" is one)
    if (
        end <= start
        or TAIL.match(piece)
        or not looks_like_name(piece)
        or SUBHEADING_WORDS.match(piece)
        or KIND_HEADING.match(piece)
    ):
        return None
    return Name(start, end, mark_symbol, ecosoc)


def count_separators(line: str) -> int:
    depth = 0
    count = 0
    for ch in line:
        if ch in "([（":
            depth += 1
        elif ch in ")]）":
            depth = max(0, depth - 1)
        elif depth == 0 and ch in ",;、":
            count += 1
    return count


__all__ = [
    "HEADING",
    "ITEM",
    "MARK",
    "NOT_A_NAME",
    "OWN_MARK",
    "SPACED_SEPARATOR",
    "SUBHEADING_WORDS",
    "TAIL",
    "TAIL_INSIDE",
    "Line",
    "Name",
    "count_separators",
    "heads_line",
    "is_date_line",
    "is_heading",
    "is_prose",
    "line_list",
    "looks_like_name",
    "unmark",
]

"""Statements (open letters and the like): title, date, addressees, signatories, demands.

Addressees come from three places a letter names them: its address block
("To : …" / "수신: …"), its title ("Open Letter to the UN Security Council
Members", "… 이사국들에 보내는 공개서한") and the addressees of its demands.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from peacetrack.model.codebook import Precision
from peacetrack.pipeline.extract.addressees import tidy
from peacetrack.pipeline.extract.demands import extract_demands
from peacetrack.pipeline.extract.issuer import issuer
from peacetrack.pipeline.extract.names import clean, split_list, strip_role, trim, unique_refs
from peacetrack.pipeline.extract.signatories import extract_signatories
from peacetrack.pipeline.records import DateValue, Document, Extractor, Mark, NameRef, Statement

EXTRACTOR = Extractor("statements", "1.0")

# "To:", "수신 :", "■ 받는 분 :", and the spaced label of a Korean official letter with its value beside it:
# "수 신 유엔 …".
# A label in a table's row is followed by its cell: "수신 | 통일부장관", "받는 분 | …". An official letter's
# header block may set "수신" bare before its value when "발신" or "제목" lines follow it.
_ADDRESS_LABEL = re.compile(
    r"^(?:[■□▶▷●○◆◇•*-][ \t]*)?"
    r"(?:(?:to|수\s?신|받는\s*(?:이|분|곳))[ \t]*(?:[:：|][ \t]*|$)|수\s신[ \t]+(?=\S)"
    r"|수신[ \t]+(?=\S[^\n]*\n(?:[^\n]*\n){0,2}[ \t]*(?:발\s?신|제\s?목|참\s?조)\b))",
    re.IGNORECASE | re.MULTILINE,
)
# A copy to someone is no address: "통일부장관(참조: 인도협력국장)".
_COPY_TO = re.compile(r"\s*[(（]\s*(?:참조|cc)\s*[:：][^)）]*[)）]", re.IGNORECASE)
# A further addressee on the line under the first, named by office: "김영호 통일부 장관님".
_KO_OFFICE_LINE = re.compile(
    r"^\s*(?=[^\n]{2,60}$)(?=[^\n:：]*(?:대통령|장관|의장|위원장|사무총장|총리|대사|정부|국회|위원회|의원)"
    r"(?:님|들)?\s*(?:께)?\s*$)"
)
_HONORIFIC = re.compile(r"^(?:his|her)\s+excellency\s+|^(?:h\.\s?e\.|mr\.|ms\.|mrs\.|dr\.|hon\.)\s+", re.I)
_MEMBERS_ONLY = re.compile(
    r"^\s*(?:the\s+)?(?:(?:president|chair(?:person|man)?)\s+and\s+(?:the\s+)?)?members\s*,?\s*$", re.I
)
_ROLE_LINE = re.compile(r"^(?:the\s+)?(?:president|chair(?:person|man)?|members?)\s+of\s+", re.IGNORECASE)
_TRAILING_DATE = re.compile(
    r"\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{4}$"
)
# "Open Letter to President Biden: It Is Time …", "… to the Secretary-General on the 70th anniversary": whom
# it is to, without the subtitle or the occasion.
_TITLE_TO = re.compile(
    r"open\s+letter\s+to\s+(?P<who>.+?)(?=\s*[:—–|]\s|\s+-\s|\s+(?:on|regarding|concerning|ahead\s+of|upon)\s|\s*$)",
    re.IGNORECASE,
)
# (Not the occasion: "정전협정 72주년에 드리는 공개서한".)
_TITLE_KO = re.compile(
    r"^(?P<who>.+?)(?:에게|께|(?<!주년)(?<!기념일)(?<!날)에)\s+(?:보내는|드리는)\s+(?:[^\s]+\s+){0,3}"
    r"공개\s*(?:서한|편지)"
)
# "…, 한반도 평화의 길을 다시 여는 대통령께": the one a clause describes, without the clause.
_DESCRIBED = re.compile(r".*[가-힣](?:는|은|던)\s+(?=[가-힣]+$)")
_CLAUSE_WORDS = 4  # used with match(): anchored at its start
_KINDS = (
    (re.compile(r"open\s+letter|공개\s*(?:서한|편지)", re.I), "open_letter"),
    (re.compile(r"press\s+release|보도\s*자료", re.I), "press_release"),
    (re.compile(r"joint\s+statement|공동\s*성명", re.I), "joint_statement"),
    (re.compile(r"resolution|결의문", re.I), "resolution"),
)


def _ref(text: str, start: int, end: int) -> NameRef | None:
    start, end = strip_role(text, *trim(text, start, end))
    if end <= start:
        return None
    return NameRef(clean(text[start:end]), Mark(start, end, text[start:end], EXTRACTOR))


def _address_block(text: str) -> list[NameRef]:
    """The "To :" block at the head: the person addressed, and bodies they preside over."""
    match = _ADDRESS_LABEL.search(text[:2000])
    if match is None:
        return []
    refs: list[NameRef] = []
    pos = match.end()
    first = True
    members = False  # "The Chair and Members": the body is on the very next line
    while pos < len(text):
        brk = text.find("\n", pos)
        end = len(text) if brk == -1 else brk
        line = text[pos:end]
        if not line.strip():
            if refs or not first or members:
                break
            pos = end + 1
            continue
        if first and _MEMBERS_ONLY.match(line):
            members = True  # "The Chair and Members" / "Security Council Committee …": the body below
        elif first:
            honorific = _HONORIFIC.match(line)
            copy = _COPY_TO.search(line)
            ref = _ref(text, pos + (honorific.end() if honorific else 0), pos + copy.start() if copy else end)
            if ref is not None:
                refs.append(ref)
            first = False
        elif _KO_OFFICE_LINE.match(line):
            ref = _ref(text, pos + len(line) - len(line.lstrip()), end)
            if ref is not None:
                refs.append(ref)
        elif _ROLE_LINE.match(line):
            cut = _TRAILING_DATE.search(line)
            ref = _ref(text, pos, pos + (cut.start() if cut else len(line)))
            if ref is not None:
                refs.append(ref)
        pos = end + 1
    return refs


_SALUTATION = re.compile(
    # (a line of prose ending in "함께" is no greeting: no sentence end before it)
    r"^(?:dear|to)\s+(?P<who>[^\n]{3,160}?)\s*[,:]?\s*$"
    r"|^(?:존경하는\s+)?(?P<ko>(?:[^\n.!?]|(?<=\b[A-Z])\.){2,60}?)(?:님)?\s*(?:(?<!함)께|귀하)\s*[,:]?\s*$",
    re.IGNORECASE | re.MULTILINE,
)
# Greetings that name no one in particular.
_GENERIC = re.compile(
    r"^(?:(?:all\s+)?(?:friends|colleagues|partners|members|supporters|sir|madam|sirs|excellenc(?:y|ies)|all)"
    r"(?:\s+and\s+\w+)?|sir\s+or\s+madam|여러분|회원\s*여러분)$",
    re.IGNORECASE,
)
_PRONOUN = re.compile(r"^(?:you|your|them|us|all\s+of\s+you|that\b.*|여러분)$", re.IGNORECASE)


def _salutation(text: str) -> list[NameRef]:
    """Whom the greeting names: "Dear President Trump and Chairman Kim," / "존경하는 대통령님께"."""
    match = _SALUTATION.search(text[:3000])
    if match is None:
        return []
    group = "who" if match.group("who") else "ko"
    start, end = match.start(group), match.end(group)
    if _GENERIC.match(text[start:end].strip()):
        return []
    refs = [_ref(text, a, b) for a, b in _each_named(text, start, end)]
    return [ref for ref in refs if ref is not None and not _GENERIC.match(ref.name)]


def _each_named(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Where each one named in "A, B and C" is ("President Trump and Chairman Kim")."""
    spans = []
    for a, b in split_list(text, start, end):
        if re.match(r"and\s+", text[a:b]):
            a += text[a:b].index(" ") + 1
        for piece in re.split(r"\s+and\s+(?:to\s+)?(?=[A-Z])", text[a:b]):
            at = text.find(piece, a, b)
            if at >= 0:
                spans.append((at, at + len(piece)))
    return spans


def _title_addressees(text: str, title: Mark | None) -> list[NameRef]:
    if title is None:
        return []
    for pattern in (_TITLE_TO, _TITLE_KO):
        match = pattern.search(title.text)
        if match is not None:
            start, end = title.start + match.start("who"), title.start + match.end("who")
            refs = []
            for k, (a, b) in enumerate(split_list(text, start, end)):
                # (only a piece after the occasion's comma: "김정은 위원장", "평화를 만드는 여성회" are names)
                described = (
                    _DESCRIBED.match(text, a, b) if k and len(text[a:b].split()) >= _CLAUSE_WORDS else None
                )
                ref = _ref(text, described.end() if described else a, b)
                if ref is not None:
                    refs.append(ref)
            return refs
    return []


def _subtitle(text: str, title: Mark | None) -> Mark | None:
    """A letter headed "Open Letter to …" usually carries its own title on the next line."""
    if title is None or not re.search(r"open\s+letter|공개\s*(?:서한|편지)", title.text, re.I):
        return title
    following = text[title.end :].lstrip("\n")
    start = len(text) - len(following)
    line = following.split("\n", 1)[0]
    words = line.split()
    if len(words) >= 3 and line[-1] not in ".,;:" and not re.match(r"^\d", line):
        return Mark(start, start + len(line), line, EXTRACTOR)
    return title


def _kind(document: Document) -> str:
    head = document.text[:3000]
    for pattern, kind in _KINDS:
        if pattern.search(head):
            return kind
    return "declaration"


# Who issued a statement that has no signature block: "About FCNL: The Friends Committee on National
# Legislation is …", "발 신 : 참여연대 평화군축센터 (담당: …)", "From: Women Cross DMZ <…>".
# "This statement is addressed to President Moon Jae-in of the Republic of Korea and Chairman Kim …".
_ADDRESSED_TO = (
    re.compile(
        r"(?:\b(?:this|the|our)\s+(?:statement|letter|appeal|petition|call)\s+is\s+addressed\s+to"
        r"|\bwe\s+(?:\w+\s+)?address\s+"
        r"(?:(?:this|the|our)\s+(?:statement|letter|appeal|petition|call)|ourselves)(?:,[^,\n]{1,60},)?\s+to)"
        # whom, over wrapped lines, up to the sentence's end (not an initial's stop) or a clause about them
        r"\s+(?P<who>(?:[^;\n]|\n(?![ \t]*\n)){3,300}?)"
        r"(?=,?\s+(?:who|which|whose|as)\b|(?<!\s[A-Z])(?<!\bJr)[.;:]|\n[ \t]*\n|\Z)",
        re.IGNORECASE,
    ),
    re.compile(r"^addressed\s+to\s*[:：]?\s+(?P<who>[^\n]{3,300}?)[.;]?[ \t]*$", re.I | re.M),
)
_TITLED = re.compile(r"(?:president|chairman|chair|prime\s+minister|general\s+secretary)\s", re.I)
_OF_STATE = re.compile(
    r"\s+of\s+the\s+(?:republic\s+of\s+korea|democratic\s+people.s\s+republic\s+of\s+korea|united\s+states(?:\s+of\s+america)?|u\.\s?s\.?(?:\s?a\.?)?|dprk|rok)$",
    re.I,
)


def _addressed_to(text: str) -> list[NameRef]:
    """Whom a sentence or a label says the statement is addressed to, each on their own (the wording's
    joint forms split as any addressee's are), a person without their country's name."""
    head = text[:4000]
    match = next((m for m in (p.search(head) for p in _ADDRESSED_TO) if m is not None), None)
    if match is None:
        return []
    ref = _ref(text, match.start("who"), match.end("who"))
    if ref is None:
        return []
    return [replace(r, name=_OF_STATE.sub("", r.name)) if _TITLED.match(r.name) else r for r in tidy([ref])]


_OFFICES = frozenset({"대통령", "국무위원장", "위원장", "사무총장", "총리", "장관", "의장"})


def _named_in_full(refs: Iterable[NameRef]) -> list[NameRef]:
    """Without a bare title that only points back at an addressee named in full ("사무총장님께 …" after
    "안토니우 구테흐스 유엔 사무총장께 드리는 공개서한", "대통령" beside "대한민국 대통령 이재명")."""
    refs = list(refs)
    names = [ref.name for ref in refs]
    kept = []
    for ref in refs:
        bare = ref.name.removesuffix("님")
        if " " not in bare and any(
            other != ref.name and (other.endswith(" " + bare) or (bare in _OFFICES and bare in other.split()))
            for other in names
        ):
            continue
        kept.append(ref)
    return kept


def extract_statements(document: Document) -> tuple[Statement, ...]:
    text = document.text
    title_mark = document.title_mark
    demands = extract_demands(text, document.sentences, title_mark)
    # Wrappers are cut first: a "To:" that names only a mailing list's address names no one.
    addressees = tidy(_address_block(text) + _title_addressees(text, title_mark) + _addressed_to(text))
    if not addressees:  # the greeting repeats, by role, whom a "To:" block or the title name
        addressees = tidy(_salutation(text))
    addressees += tidy(ref for demand in demands for ref in demand.addressees)
    addressees = _named_in_full(ref for ref in addressees if not _PRONOUN.match(ref.name))
    when = None
    if document.date is not None and document.date_mark is not None:
        when = DateValue(document.date, None, Precision.DAY, document.date_mark)
    return (
        Statement(
            kind=_kind(document),
            title=_subtitle(text, title_mark),
            date=when,
            signatories=extract_signatories(text, document.language) or issuer(text),
            addressees=unique_refs(addressees),
            demands=demands,
        ),
    )

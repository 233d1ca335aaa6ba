"""Cutting lists of names out of text, keeping every piece's offsets."""

from __future__ import annotations

import re

from peacetrack.pipeline.records import NameRef
from peacetrack.pipeline.registry import normalise_name

_LEADING = re.compile(
    r"^(?:and|&|as well as|including|with|및|그리고|the)\s+|^[-–•·*※○◦▪\u2022]+\s*",
    re.IGNORECASE,
)
_TRAILING = re.compile(r"[\s,;:.]+$")
_MEMBERS = re.compile(r"(?:(?:the\s+)?(?:members?|member\s+states|president|chair(?:person)?)\s+of\s+)", re.I)
_MEMBERS_AFTER = re.compile(r"\s+(?:members|member\s+states)$|\s*(?:이사국|회원국|의장)들?$", re.I)


def trim(text: str, start: int, end: int, *, articles: bool = True) -> tuple[int, int]:
    """Shrink ``[start, end)`` past spaces, list words and (optionally) a leading article."""
    while start < end:
        piece = text[start:end]
        stripped = piece.lstrip()
        if len(stripped) != len(piece):
            start += len(piece) - len(stripped)
            continue
        match = _LEADING.match(piece)
        if match and (articles or not match.group().lower().startswith("the")):
            start += match.end()
            continue
        break
    match = _TRAILING.search(text, start, end)
    if match:
        end = match.start()
    return start, max(start, end)


def strip_role(text: str, start: int, end: int) -> tuple[int, int]:
    """ "the Members of the UN Security Council" names the Council itself."""
    while True:
        match = _MEMBERS.match(text, start, end)
        if not match or match.end() >= end:
            break
        start = trim(text, match.end(), end)[0]
    after = _MEMBERS_AFTER.search(text, start, end)
    if after and after.start() > start:
        end = after.start()
    return start, end


def split_list(
    text: str,
    start: int,
    end: int,
    *,
    and_splits: bool = True,
    articles: bool = True,
    separators: str = ",;、",
) -> list[tuple[int, int]]:
    """Items of "A, B, and the C" as spans; commas inside brackets do not split.

    `and_splits`: also split at " and the " / "와 " between items in prose, where
    names rarely contain such words; signatory lists, where they do, keep them.
    `separators`: what sets items apart ("; " alone in a list whose names hold commas).
    """
    cuts: list[tuple[int, int]] = []
    depth = 0
    pos = start
    piece_start = start
    while pos < end:
        ch = text[pos]
        if ch in "([（":
            depth += 1
        elif ch in ")]）":
            depth = max(0, depth - 1)
        elif depth == 0 and ch in separators:
            cuts.append((piece_start, pos))
            piece_start = pos + 1
        elif depth == 0 and and_splits:
            joint = _AND_JOINT.match(text, pos, end)
            if joint:
                cuts.append((piece_start, pos))
                piece_start = joint.end()
                pos = joint.end()
                continue
        pos += 1
    cuts.append((piece_start, end))
    items = []
    for a, b in cuts:
        a, b = trim(text, a, b, articles=articles)
        if b > a:
            items.append((a, b))
    return items


# " and the X" (names seldom contain it; "Peace and Reunification" stays whole),
# Korean "와 " / "과 " / " 및 " between names.
# A part played, between two names: "X and co-hosted with Y", "X in partnership with Y" (the role words
# are cut from the second name by `strip_part`).
_AND_JOINT = re.compile(
    r"\s+and\s+(?=the\s)|(?<=[가-힣])(?:와|과)\s+(?=[가-힣A-Z0-9])|\s+및\s+"
    r"|\s+(?:and\s+)?(?=(?:co-?(?:hosted|organi[sz]ed|sponsored|convened)\s+(?:jointly\s+)?(?:with|by)"
    r"|in\s+(?:partnership|cooperation|collaboration|association)\s+with|together\s+with|jointly\s+with)\s)",
    re.IGNORECASE,
)


def list_end(text: str, start: int, end: int) -> int:
    """Where a list of names after "sponsored by" ends: it runs over commas only when it is a list ("X, the
    Y and Z"); without a joining "and" its first comma ends it ("the Ministry of Unification, Republic of
    Korea, …" names one sponsor and where it is)."""
    segment = text[start:end]
    comma = segment.find(",")
    # (an "and" before a name: "…, and attracted 80 participants" joins no name)
    if comma == -1 or re.search(r"\s(?:and|&)\s+(?:the\s+)?[A-Z]", segment):
        return end
    return start + comma


def clean(text: str) -> str:
    return " ".join(text.split())


def unique_refs(refs: list[NameRef]) -> tuple[NameRef, ...]:
    """Each name once (by its normalised form without brackets), in first-seen order."""
    seen: set[str] = set()
    out = []
    for ref in refs:
        key = bare_key(ref.name)  # "한반도평화포럼 (Korea Peace Forum)" is "한반도평화포럼"
        if key and key not in seen:
            seen.add(key)
            out.append(ref)
    return tuple(out)


def bare_key(name: str) -> str:
    """The normalised name without its bracketed parts: "Peace Network (PN)" and "Peace Network" meet."""
    bare = re.sub(r"\s*[(\[（][^)\]）]*[)\]）]\s*", " ", name).strip() or name
    return normalise_name(bare)


# "… and co-hosted with the Korea Peace Now! Grassroots Network": the role words before a name.
_ROLE_LEAD = re.compile(
    r"^(?:(?:co-?)?(?:hosted|organi[sz]ed|sponsored|supported|convened|presented)\s+(?:jointly\s+)?(?:with|by)"
    r"|in\s+(?:partnership|cooperation|collaboration|association)\s+with|together\s+with|jointly\s+with)\s+",
    re.IGNORECASE,
)


def strip_part(name: str) -> str:
    """A name without the part its bearer plays, put before it ("co-hosted with the …" -> "the …")."""
    return _ROLE_LEAD.sub("", name)


# The institution a unit belongs to, written after it: "…, Seoul National University", "…, 서울대학교".
PARENT_BODY = re.compile(
    # (a unit at a university is a body of its own: "the Institute for Peace … at Seoul National University")
    r"^(?:the\s+)?(?:University\b.*|(?![^\n]*\b(?:Institute|Cent(?:er|re)|School|Department|Program(?:me)?)\b)"
    r"[\w.' -]+\bUniversity|[\w ]+\bCollege|[가-힣]+대학교|[가-힣]+대학)$"
    # …or the unit of the body before it: "Women's International League for Peace and Freedom, US Section"
    r"|^(?:[A-Z][\w.]*\s+){1,2}(?:Section|Chapter|Branch|Office)$"
)


# "X and Y" is two bodies when X ends as a body's name does ("International Peace Bureau and Peace Boat",
# "Women Cross DMZ and Korea Women Making Peace"); "Solidarity for Peace and Reunification of Korea" is one.
BODY_AND = re.compile(
    r"(?:\b(?:Network|Campaign|Bureau|Committee|Council|Institute|Foundation|Center|Centre|Coalition|Alliance"
    r"|Association|Federation|Forum|Union|Society|Initiative|Movement|League|Fund|Project|Organi[sz]ation"
    r"|Commission|Academy|Boat|DMZ|Churches|Service|Office)|\))"
    r"(?P<cut>\s+and\s+)(?=(?:[A-Z][\w!'’.-]*\s+)+[A-Z])"
)


def bodies_apart(name: str) -> list[str]:
    """ "International Peace Bureau and Peace Boat" as its two bodies (see BODY_AND); any other name whole."""
    parts, pos = [], 0
    for cut in BODY_AND.finditer(name):
        parts.append(name[pos : cut.start("cut")])
        pos = cut.end("cut")
    parts.append(name[pos:])
    return [part for part in parts if part.strip()]


# Where one body's name ends and the next begins in a logo strip with nothing between them ("KOREA
# FOUNDATION SEOUL METROPOLITAN GOVERNMENT"): after a word that ends a name, before a capitalised one; not
# before a unit of it ("Friedrich Ebert Foundation Korea Office").
_HEAD_END_WORDS = (
    r"foundation|government|institute|university|council|ministry|association|committee|fund|embassy"
    r"|commission|stiftung|office"
)
_NAME_HEAD_END = re.compile(
    rf"\b(?:{_HEAD_END_WORDS})\s+"
    # …before a capitalised word that goes on ("KOREA FOUNDATION FOR …", "WORLD COUNCIL OF CHURCHES" are one)…
    r"(?=(?!(?:of|for|in|on|and|the|für|de|des|du|zu)\b)[A-Z][\w'’-]*\s+[A-Z])"
    # …not before a unit of the body ("… Stiftung Hong Kong Office"; in "… Fund Rosa-Luxemburg-Stiftung Tokyo
    # Office" the office is the Stiftung's)
    r"(?!(?:(?![\w'’-]*(?:stiftung|foundation|fund|institute|council|committee))[A-Za-z'’-]+\s+){1,3}"
    r"(?:office|branch|chapter|representation|bureau)\b)",
    re.IGNORECASE,
)
# Every piece a logo strip is cut into ends in a word that ends a body's name, or it was one name.
_BODY_END = re.compile(
    rf"\b(?:{_HEAD_END_WORDS}|center|centre|network|church|churches|campaign|coalition|alliance|federation"
    r"|union|society|forum|movement|agency|service|bank|city|province)$",
    re.IGNORECASE,
)


def strip_apart(name: str) -> list[str]:
    """A logo strip's names run together without separators, as its bodies; any other name whole."""
    words = name.split()
    if len(words) < 4 or re.search(r"[,;/|·&]|\band\b", name) or not all(w[:1].isupper() for w in words):
        return [name]
    parts, pos = [], 0
    for cut in _NAME_HEAD_END.finditer(name):
        parts.append(name[pos : cut.end()].strip())
        pos = cut.end()
    parts.append(name[pos:].strip())
    parts = [part for part in parts if part]
    return parts if all(_BODY_END.search(part) for part in parts) else [name]


# A word that says a name is an organisation's, in either language.
ORGANISATION = re.compile(
    r"(?:연대|위원회|협의회|연합|단체|운동|본부|재단|연구소|센터|모임|네트워크|포럼|협회|교회|연맹|사무국|행동|회의|학회"
    r"|\b(?:network|committee|council|coalition|association|institute|center|centre|church|league|foundation"
    r"|alliance|action|forum|society|union|federation|movement|office|campaign|project|group|fund|services?"
    r"|international|solidarity|initiative|peace)\b)",
    re.IGNORECASE,
)


# What a Korean body's name ends with ("참여연대", "한반도평화포럼", "통일부", "파주시", "한국YMCA전국연맹").
KOREAN_BODY_WORDS = (
    r"연대|센터|연합|연합회|협의회|위원회|본부|네트워크|모임|운동|포럼|재단|연구소|연구원|협회|교회|연맹|회의|학회"
    r"|행동|노조|조합|사업회|시민회|동맹"
)
KOREAN_BODY_END = re.compile(
    # (a ministry, an agency, a city, a province, a county: "통일부", "경기도", "파주시", "철원군")
    rf"(?:{KOREAN_BODY_WORDS}|사람들|공사|공단|신문|방송|대학교|대학|도서관|[가-힣]{{1,4}}(?:부|처|청|시|도|군))$"
)
_KOREAN_TOKEN = re.compile(r"^[가-힣0-9A-Za-z·.]{3,}$")
# A unit of the body named before it ("참여연대 평화군축센터", "한국기독교교회협의회 화해통일위원회",
# "재일한국민주통일연합 오사카본부", "민주평화통일자문회의 경남지역회의").
_KOREAN_UNIT = re.compile(r"(?:위원회|센터|본부|지역회의|지부|지회|사무국|분과|교육청|의회)$")
_UNIVERSITY_UNIT = re.compile(r"(?:연구소|연구원|연구단|도서관|센터|대학원|학부|학과)$")
_KOREAN_TITLE = re.compile(r"^(?:국회의원|의원|시장|도지사|군수|구청장|장관|교수|대표)$")
_KOREAN_PERSON = re.compile(r"^[가-힣]{2,4}$")


def korean_bodies_apart(name: str) -> list[str]:
    """A value that lists Korean bodies with only spaces between ("평화네트워크 시민평화포럼 참여연대",
    "국회의원 정하윤 국회의원 박재민 평화네트워크"): each body, each titled person; a university keeps
    the unit after it ("연세대학교 김대중도서관"), a body its own ("참여연대 평화군축센터",
    "6.15공동선언실천 남측위원회"). Where a part does not end as a body's name does ("한반도평화행동
    겨레하나"), there is no telling where one name ends, and the value stays whole."""
    words = name.split()
    if len(words) < 2 or not all(_KOREAN_TOKEN.match(w) or _KOREAN_PERSON.match(w) for w in words):
        return [name]
    parts: list[str] = []
    k = 0
    while k < len(words):
        word = words[k]
        if _KOREAN_TITLE.match(word) and k + 1 < len(words) and _KOREAN_PERSON.match(words[k + 1]):
            parts.append(f"{word} {words[k + 1]}")
            k += 2
            continue
        if k + 1 < len(words) and _KOREAN_TOKEN.match(word) and _KOREAN_UNIT.search(words[k + 1]):
            parts.append(f"{word} {words[k + 1]}")  # "6.15공동선언실천 남측위원회": a name and its unit
            k += 2
            continue
        if not _KOREAN_TOKEN.match(word) or not KOREAN_BODY_END.search(word):
            return [name]
        if parts and (
            (re.search(r"대학교?$", parts[-1]) and _UNIVERSITY_UNIT.search(word)) or _KOREAN_UNIT.search(word)
        ):
            parts[-1] = f"{parts[-1]} {word}"  # the body's own unit: "참여연대 평화군축센터", "… 오사카본부"
        else:
            parts.append(word)
        k += 1
    return parts


NAME_GLUE = frozenset(
    {
        "of",
        "for",
        "and",
        "the",
        "in",
        "on",
        "with",
        "to",
        "a",
        "an",
        "at",
        "by",
        "de",
        "du",
        "la",
        "le",
        "des",
        "und",
        # German, Dutch, Italian, Spanish and Nordic names: "Evangelische Akademie zu Berlin"
        "zu",
        "zur",
        "zum",
        "für",
        "der",
        "die",
        "das",
        "von",
        "van",
        "voor",
        "del",
        "della",
        "di",
        "da",
        "y",
        "et",
        "pour",
        "och",
        "og",
    }
)
"""The small words an organisation's name holds in lowercase ("Friends Committee on National Legislation")."""

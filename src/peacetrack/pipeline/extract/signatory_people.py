"""Who a signature line names when it is a person: a name with its honours, the title and affiliation that
follow it ("Dr. Helen Marsh, Professor of History, Northgate University"), and the lines under a signer
that say where they work or sit rather than name one more signer.
"""

from __future__ import annotations

import re

from peacetrack.pipeline.extract.signatory_lines import ITEM, Line
from peacetrack.pipeline.extract.signatory_tables import ORGANISATION

# "Kim Tae-yeon", "Cho Min-ah": a romanised Korean given name goes on in lower case after its hyphen.
PERSON_EN = re.compile(
    # (a rank too, retired perhaps: "Col. (ret.) Michael Rourke")
    r"^(?:(?i:dr|prof|rev|fr|sr|col|gen|lt|maj|capt|adm|amb)\.?\s+(?:\((?i:ret)\.?\)\s+)?)?[A-Z][a-z]+(?:-[a-z]+)?(?:[\s-][A-Z][a-z]*(?:-[a-z]+)?\.?){1,3}$"
)
# A signer's title on the line under the name: "Professor of History", "Pastor", "Retired nurse and member".
ROLE_TITLE = re.compile(
    r"^(?:(?:retired|former|senior|associate|assistant|deputy|acting|emerit(?:us|a)|co-?|buddhist|catholic|anglican"
    r"|methodist|presbyterian|protestant|christian|muslim|jewish|won\s+buddhist|board|general|program(?:me)?"
    r"|policy)\s*)*(?:professor|pastor"
    r"|reverend|executive\s+director|director|chair(?:person|man|woman)?|president|coordinator|secretary"
    r"|member|researcher|lecturer|fellow|minister|bishop|priest|nurse|teacher|student|activist|organi[sz]er"
    r"|attorney|lawyer|physician|doctor|journalist|author|writer|founder|head|manager|officer|representative"
    r"|volunteer|veteran|monk|nun)\b",
    re.IGNORECASE,
)

_ROLE_ANYWHERE = re.compile(ROLE_TITLE.pattern.removeprefix("^"), re.IGNORECASE)  # "Korean War Veteran"
# Words that make a line a body, not a person: any organisation's, and the seats of parliaments and schools.
_ORGANISATION_WORD = re.compile(
    rf"{ORGANISATION.pattern}|\b(?:women|parliament|assembly|house|senate|congress|university|college|ministry)\b",
    re.IGNORECASE,
)
PEOPLE = re.compile(r"individual|\bpersons?\b|\bpeople\b|개인", re.IGNORECASE)
_NUMBERED = re.compile(r"^\(?\d{1,3}[.)]\s+\S")


def under_numbered(lines: list[Line], k: int, index: int) -> bool:
    """A line between two numbered signers, itself unnumbered: the one above's title and affiliation."""
    if k <= index or _NUMBERED.match(lines[k].text) or not _NUMBERED.match(lines[k - 1].text):
        return False
    following = lines[k + 1] if k + 1 < len(lines) else None
    return following is None or following.blank_before or bool(_NUMBERED.match(following.text))


_HONOURS = re.compile(
    r"^(?:(?:the\s+)?(?:hon|rep|sen|dr|prof|rev|rt|fr|sr|mr|mrs|ms|ven|col|gen|lt|maj|capt|adm|amb)\.?\s+"
    r"(?:\(ret\.?\)\s+)?|(?:senator|baroness|baron|lord|lady|sir"
    r"|dame|sister|father|rabbi|imam|bishop|venerable|professor)\s+)+|,?\s+(?:MP|MEP|MLA|MdB|TD|PhD|MD)\.?$",
    re.IGNORECASE,
)
_PERSON_WORDS = re.compile(
    r"[A-Z][\w'’.]*(?:-[\w'’.]+)*(?:\s+(?:(?:de|van|von|der|da|del|la|le)\s+)?[A-Z][\w'’.]*(?:-[\w'’.]+)*){1,3}"
)


def person_line(value: str) -> bool:
    """A line that is one person's name, with any honours: "Hon. Rachel Tan MP", "Kim Seo-hyun"."""
    bare = _HONOURS.sub("", _HONOURS.sub("", value.strip())).strip()
    return bool(_PERSON_WORDS.fullmatch(bare)) and not _ORGANISATION_WORD.search(bare)


def pair_head(lines: list[Line], k: int) -> bool:
    """The line opens a paragraph of exactly two lines."""
    return (
        lines[k].blank_before
        and k + 1 < len(lines)
        and not lines[k + 1].blank_before
        and (k + 2 >= len(lines) or lines[k + 2].blank_before)
    )


def person_rows(lines: list[Line], k: int) -> tuple[bool, int]:
    """Whether line k sits in a run of lines that mostly open with a person's name and a comma, each with a
    few parts ("Leonard Cho, Son of a separated-family member, Flushing, NY"): one signer a line, with a
    title and place however worded; and where that run ends. The run is the line's paragraph, or its
    numbered or bulleted items whatever blank lines part them. A list of organisations wrapped over lines
    ends its lines with a comma and holds more parts."""
    if ITEM.match(lines[k].text):
        a = k
        while a > 0 and ITEM.match(lines[a - 1].text):
            a -= 1
        b = k + 1
        while b < len(lines) and ITEM.match(lines[b].text):
            b += 1
    else:
        a = k
        while a > 0 and not lines[a].blank_before:
            a -= 1
        b = k + 1
        while b < len(lines) and not lines[b].blank_before:
            b += 1
        if b - a == 1:
            # A paragraph a signer, as a page sets them: the run is the one-line paragraphs around it.
            while a > 0 and lines[a].blank_before and lines[a - 1].blank_before:
                a -= 1
            while (
                b < len(lines)
                and lines[b].blank_before
                and (b + 1 == len(lines) or lines[b + 1].blank_before)
            ):
                b += 1
    if b - a < 3:
        return False, b
    heads = 0
    for line in lines[a:b]:
        parts = ITEM.sub("", line.text, count=1).split(",")
        if 2 <= len(parts) <= 4 and parts[-1].strip() and person_line(parts[0]):
            heads += 1
    return 3 * heads >= 2 * (b - a), b


def is_person_name(piece: str) -> bool:
    """ "4. Kim Tae-yeon", "• Rev. Dr. Ji-sun Moon": a person's name, after its number and honours; one
    name after an honour is one too ("Ven. Beopjin", "Sister Marianne")."""
    item = ITEM.sub("", piece.strip(), count=1).strip()
    name = _HONOURS.sub("", item).strip() or item
    honoured = name != item and re.fullmatch(r"[A-Z][a-z]+(?:-[a-z]+)?", name) is not None
    return PERSON_EN.match(name) is not None or honoured


_UNIT = re.compile(
    r"^(?:(?:the\s+)?(?:Department|School|Faculty|Institute|College|Center|Centre|Division|Program(?:me)?)\s+(?:of|for)\b"
    r"|(?:the\s+)?University\s+of\b)"
)


def one_person(text: str, pieces: list[tuple[int, int]], people: bool = False, rows: bool = False) -> bool:
    """ "Dr. Helen Marsh, Professor of History, Northgate University": a person with title and place.
    Under a heading of individuals the title may come later in its words ("Korean War Veteran (U.S. Army,
    1951-53)") or be a religious order's letters ("Sr. Margaret Doyle, MM, Maryknoll Sisters"); among
    `rows` of people (``person_rows``) whatever follows the name is theirs."""
    if len(pieces) < 2:
        return False
    first, second = (text[a:b].strip() for a, b in pieces[:2])
    if not is_person_name(first):
        return False
    if rows or ROLE_TITLE.match(second) or second[:1].islower():
        return True
    # "Dr. Margaret Chun, Department of History, University of Chicago": a titled person's units after the
    # name are where they work.
    if _HONOURS.match(first) or _UNIT.match(second):
        return True
    return people and bool(
        _ROLE_ANYWHERE.search(second) or re.fullmatch(r"[A-Z]{2,4}|Ph\.?D\.?|M\.?D\.?", second)
    )


__all__ = [
    "PEOPLE",
    "PERSON_EN",
    "ROLE_TITLE",
    "is_person_name",
    "one_person",
    "pair_head",
    "person_line",
    "person_rows",
    "under_numbered",
]

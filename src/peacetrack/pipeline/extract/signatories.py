"""Signatories of a letter or statement, in any common layout, with their ECOSOC marks.

A signature block starts after a heading ("Signatories", "The undersigned",
"참여 단체"), after the closing ("Sincerely,", "드림") or after the letter's
last standalone date. From there it is read line by line, as the readers lay
lines out: list markers and numbers go, table rows give their name cell (a
header row none), lines of three or more commas or semicolons split into
names, a "Name, Organisation" or "이름 (소속)" line is one signatory, and
sub-headings (countries, regions, "Organisations", "국내 단체") are skipped.
It stops at a legend, a contact line, a separator or prose. Every block found
is merged into one list (``signatory_merge``), so a list written twice gives
each signatory once.

ECOSOC status is read from marks: a symbol after a name (*, †, ¹ …) whose
legend mentions ECOSOC or consultative status, "(ECOSOC)" after a name, an
ECOSOC column in a table, or a sentence outside the list that names the
organisations holding it. Only the signatories so marked are marked.
"""

from __future__ import annotations

import re

from peacetrack.model.languages import has_hangul
from peacetrack.pipeline.extract.ecosoc import ECOSOC, LETTER_MARK, SYMBOL, legend_symbols, named_in_sentences
from peacetrack.pipeline.extract.names import KOREAN_BODY_END, ORGANISATION, split_list
from peacetrack.pipeline.extract.signatory_edges import without_edges
from peacetrack.pipeline.extract.signatory_lines import (
    HEADING,
    OWN_MARK,
    RULE,
    SPACED_SEPARATOR,
    SUBHEADING_WORDS,
    Line,
    Name,
    count_separators,
    ends_list,
    heads_line,
    is_date_line,
    is_heading,
    is_prose,
    line_list,
    unmark,
)
from peacetrack.pipeline.extract.signatory_merge import merge_blocks
from peacetrack.pipeline.extract.signatory_paragraphs import labelled_paragraph, wrapped_name
from peacetrack.pipeline.extract.signatory_people import (
    PEOPLE,
    PERSON_EN,
    ROLE_TITLE,
    is_person_name,
    one_person,
    pair_head,
    person_line,
    person_rows,
    under_numbered,
)
from peacetrack.pipeline.extract.signatory_runs import SECTOR_LABEL, acronym_joins, numbered_items, spaced_run
from peacetrack.pipeline.extract.signatory_tables import (
    TABLE_HEADER,
    is_name_grid,
    name_table_header,
    row_names,
    table_rows,
)
from peacetrack.pipeline.records import Extractor, Mark, NameRef

EXTRACTOR = Extractor("signatories", "2.0")

_CLOSING = re.compile(
    r"^(?:(?:yours\s+)?(?:sincerely|respectfully|faithfully|truly)(?:\s+yours)?|with\s+(?:(?:our|my|all\s+our)\s+)?"
    r"(?:(?:deepest|highest|warmest|warm|sincere|great)\s+)?(?:respect|hope|thanks|"
    r"gratitude|best\s+wishes)[\w\s]*|in\s+(?:peace|solidarity|friendship)[\w\s]*|signed|regards|"
    r"best\s+regards|kind\s+regards|on\s+behalf\s+of[\w\s]*|gratefully)\s*[,:]?$"
    r"|(?:드림|올림|드립니다|일동)\s*$",
    re.IGNORECASE,
)
_PEOPLE_LABEL = re.compile(r"개인|individual|person", re.IGNORECASE)
# A closing run into the paragraph above it, as PDF paragraph rebuilding can leave it.
_CLOSING_AFTER = re.compile(
    r"[.!]\s+(?:(?:yours\s+)?(?:sincerely|respectfully|faithfully)(?:\s+yours)?|in\s+solidarity)\s*,$",
    re.IGNORECASE,
)
_LEGEND = re.compile(
    rf"^(?:{SYMBOL}|{LETTER_MARK}\s*(?:=|:|denotes|indicates|marks)|※|\d\)?\s|주\s*\d{{1,2}}\)|note\s*\d{{0,2}}\s*[:.)])",
    re.IGNORECASE,
)
# What a legend says of the marked: "¹ 유엔 경제사회이사회(ECOSOC) 특별협의지위 단체".
_BULLET = re.compile(r"^[■□●○◆◇▲△▶▷♦•]\s")
_STATUS = re.compile(r"consultative|status|지위", re.IGNORECASE)
# "On behalf of the endorsing organisations," names the signers as a body; the person below it sends
# the letter for them and is not one more signatory.
_REPRESENTS = re.compile(
    r"^on\s+behalf\s+of\s+(?:the\s+|all\s+)?(?:\d+\s+)?(?:undersigned|endorsing|above|signatory|signing"
    r"|participating|member|co-?signing)\b[\w\s-]*[,.]?$",
    re.IGNORECASE,
)
# A heading that names the language of the list under it ("Signatories (English)").
_IN_LANGUAGE = re.compile(
    r"[(\[]\s*(?:english|korean|in\s+english|영문|국문|한글|영어|한국어)\s*[)\]]|영문\s*(?:명단|표기)|english\s+(?:names|version)",
    re.IGNORECASE,
)
# A note on the list before its first name: how it is ordered, as of when, what affiliations mean.
_LIST_NOTE = re.compile(
    r"^(?:(?:names\s+are\s+|organi[sz]ations\s+are\s+)?listed\s+(?:in|by|alphabetically)|in\s+(?:alphabetical\s+)?order\b"
    r"|as\s+of\s+\w+|(?:institutional\s+)?affiliations?\s+(?:are\s+)?(?:listed\s+|given\s+|shown\s+|included\s+)?(?:for|are)\b"
    r"|(?:가나다|서명|접수)\s*순|소속은?\s*(?:확인|참고|식별))",
    re.IGNORECASE,
)
# A sentence between a list's heading and its first name that tells what follows.
_LIST_INTRO = re.compile(
    r"\b(?:the\s+following|below|listed|in\s+(?:a\s+)?(?:their\s+)?personal\s+capacity|alphabetical(?:ly)?)\b"
    r"|아래|다음과\s*같|가나다\s*순",
    re.IGNORECASE,
)
_INLINE_COLON = re.compile(r"^(.{1,40}?)[:：](?!\d)(.*)$")
_SIGNED_BY = re.compile(r"\b(?:co-?signed|signed|endorsed|supported|issued|adopted)\s+by$", re.IGNORECASE)
# A label that counts the names under it ("… 시민사회단체 (34개 단체)", "(12 organisations)") heads a list.
_COUNTED = re.compile(
    # "(22개 단체)", "(가나다순, 총 22개 단체)", "(in alphabetical order, 40 organisations)"
    r"[(（](?:[^()（）\d]{0,20}[,·]\s*)?(?:총|all|in\s+all)?\s*\d+\s*"
    r"(?:개\s*(?:단체|곳)?|단체|곳|명|organi[sz]ations?|groups|signatories|individuals|signers)"
    r"\s*(?:[,·][^()]*)?[)）]\s*[:：]?$",
    re.IGNORECASE,
)


def _heads_groups(row: str) -> bool:
    """A row of group headings: most of its cells are sectors or regions, not names."""
    cells = [cell.strip() for cell in row.split("|") if cell.strip()]
    return len(cells) >= 2 and sum(1 for cell in cells if SUBHEADING_WORDS.match(cell)) * 2 > len(cells)


def _line_names(
    text: str,
    line: Line,
    single_line_block: bool,
    people: bool = False,
    rows: bool = False,
    run_on: bool = False,
) -> list[Name]:
    label = SECTOR_LABEL.match(text, line.start, line.end)
    if label is not None and label.end() < line.end:
        line = Line(label.end(), line.end, text[label.end() : line.end].strip(), line.blank_before)
    items = numbered_items(text, line.start, line.end)
    if items:
        return [name for a, b in items if (name := unmark(text, a, b)) is not None]
    separators = count_separators(line.text)
    dots = [m.span() for m in SPACED_SEPARATOR.finditer(text, line.start, line.end)]
    if len(dots) >= 2 and separators < 2:
        # "Signed by: A · B · C" on one line: the spaced dots or slashes part the names.
        bounds = [line.start, *(x for span in dots for x in span), line.end]
        spans = zip(bounds[::2], bounds[1::2], strict=True)
        return [name for a, b in spans if (name := unmark(text, a, b)) is not None]
    # Names seldom hold a semicolon: one between two names is a list.
    listed = ";" in line.text and not re.search(r"&\w+;", line.text) and not _more_offices(line.text)
    # `run_on`: the line above ended with a comma, so this one goes on with its list.
    if (
        separators >= 3
        or listed
        or (separators >= 2 and single_line_block and len(line.text) > 60)
        # "[종교계] A, B, C": a sector's names (but "[개인] 홍길동, 파주시의원, 경기도" is one person)
        or (separators >= 2 and label is not None and not _PEOPLE_LABEL.search(label.group()))
        or (separators >= 1 and run_on)
    ):
        # A list set off by semicolons keeps the commas inside its names.
        apart = ";" if line.text.count(";") >= 2 else ",;、"
        pieces = acronym_joins(
            text, split_list(text, line.start, line.end, and_splits=False, articles=False, separators=apart)
        )
        if not listed and one_person(text, pieces, people, rows):
            # The person with all their offices; when those run too long for a name, the person alone.
            name = unmark(text, line.start, line.end) or unmark(text, *pieces[0])
            return [name] if name is not None else []
        out = []
        for a, b in pieces:
            name = unmark(text, a, b)
            if name is not None:
                out.append(Name(name.start, name.end, name.mark, name.ecosoc, False))
        return out
    name = unmark(text, line.start, line.end)
    return [name] if name is not None else []


def _more_offices(line: str) -> bool:
    """A person's further offices after a semicolon ("…, Union Theological Seminary; Board Member, Church
    World Service"), not a list of names."""
    parts = line.split(";")
    return is_person_name(parts[0].split(",")[0]) and all(
        ROLE_TITLE.match(part.strip()) for part in parts[1:]
    )


def _explains_status(line: str) -> bool:
    """A sentence about consultative status, not a name marked "(ECOSOC)"."""
    words = line.split()
    if OWN_MARK.search(line):
        return len(words) >= 8 and line.rstrip().endswith((".", "다", "다."))
    return len(words) > 4


def _inline_list(line: str) -> int | None:
    """Where the names start in "Signed by: A, B, C" / "참가단체 : A, B, C", or None (not the colon of
    a time, "18:00", nor one inside brackets)."""
    found = _INLINE_COLON.match(line)
    if found is None or not found.group(2).strip():
        return None
    head = found.group(1).strip()
    if head.count("(") > head.count(")") or head.startswith(("※", "*")):
        return None  # a colon inside brackets or a note: "※ … (서명 참여: 6월 5일~11일, 온라인)"
    # "This letter is signed by: A; B; …": a sentence that ends in the heading's words.
    if not HEADING.search(head) and not _SIGNED_BY.search(head):
        return None
    return found.end(1) + 1


# Names parted by slashes, middle dots or semicolons, four or more, every one short and set as a name is:
# "Women Cross DMZ / Korea Peace Now! Grassroots Network / Peace Boat* / …".
_BARE_JOINT = re.compile(r"\s+/\s+|\s*[·;]\s*")
_NAME_START = re.compile(r"^[\W\d]{0,2}[A-Z가-힣]")


def _bare_list(line: str) -> bool:
    """Names parted by symbols, and most of them a body's (not tags, places or keywords: "#평화 · #통일",
    "Seoul · Tokyo · Washington", "Keywords: Peace Treaty; …")."""
    parts = [part.strip() for part in _BARE_JOINT.split(line)]
    return (
        len(parts) >= 4
        and all(2 <= len(part) <= 90 and len(part.split()) <= 12 for part in parts)
        and sum(1 for part in parts if _NAME_START.match(part)) >= 0.8 * len(parts)
        and not any(part.startswith("#") or part.endswith((":", "：")) or ":" in part for part in parts)
        and sum(
            1 for part in parts if ORGANISATION.search(part) or KOREAN_BODY_END.search(part.rstrip("*†‡ "))
        )
        >= len(parts) / 2
        and not line.rstrip().endswith((".", "다", "요"))
    )


_ITEM_NUMBER = re.compile(r"^\s*(\d{1,3})[.)]\s")


def _in_numbered_run(lines: list[Line], k: int) -> bool:
    """ "1) American Friends Service Committee" under or over "2) …": a numbered item, not a note's legend."""
    number = _ITEM_NUMBER.match(lines[k].text)
    if number is None:
        return False
    n = int(number.group(1))
    for j, want in ((k - 1, n - 1), (k + 1, n + 1)):
        other = _ITEM_NUMBER.match(lines[j].text) if 0 <= j < len(lines) else None
        if other is not None and int(other.group(1)) == want:
            return True
    return False


def _block_after(text: str, lines: list[Line], index: int) -> list[Name]:
    """The names in the lines from `index` on, up to where the block ends."""
    names: list[Name] = []
    affiliation = False  # reading the lines under a signer's title, which are not signers
    columns: list[str] | None = None
    gap = False  # a blank line since the last table row
    grid: bool | None = None  # whether the table being read is a grid of names; None between tables
    people = index > 0 and bool(PEOPLE.search(lines[index - 1].text))  # under a heading of individuals
    taken = index  # lines before this one were read with a list wrapped over them
    listing_people, people_end = False, index  # a run of lines listing people a line each, read once a run
    for k in range(index, len(lines)):
        if k < taken:
            continue
        line = lines[k]
        value = line.text
        skip = _inline_list(value) if k == index or not names else None
        if skip is not None:
            offset = text.index(value, line.start) + skip
            line = Line(offset, line.end, text[offset : line.end].strip(), line.blank_before)
            value = line.text
            # after "Signed by:" a comma parts names, however few ("참가 단체: A, B")
            names.extend(_line_names(text, Line(offset, line.end, value, True), True, run_on=True))
            continue
        if RULE.match(value) and not names:
            continue  # a rule under the list's heading
        if ends_list(value):
            break
        if OWN_MARK.match(value) or (
            _LEGEND.match(value)
            and "|" not in value
            and not _in_numbered_run(lines, k)
            and (
                (ECOSOC.search(value) and (not OWN_MARK.search(value) or _STATUS.search(value)))
                # a long line after a mark explains it, unless the mark is a bullet heading a group
                or (len(value.split()) > 4 and not (_BULLET.match(value) and not _STATUS.search(value)))
            )
        ):
            if names:
                break
            continue  # a legend given before the list it explains
        if (
            ECOSOC.search(value)
            and len(value.split()) > 4
            and "|" not in value
            and not OWN_MARK.search(value)
        ):
            if names:
                break  # a sentence about status after the list ends it
            continue  # before the list, it explains the marks
        if _REPRESENTS.match(value):
            break  # the sender for the signers follows
        if is_date_line(value) or _CLOSING.match(value):
            if names:
                break
            continue
        if not names and ECOSOC.search(value) and "|" not in value and _explains_status(value):
            continue  # "Organisations marked with an asterisk (*) hold consultative status …"
        labelled = labelled_paragraph(text, lines, k)
        if labelled is not None:
            # "AUSTRALIA: A, B, C." wrapped over lines, a name broken across them: one list under its label.
            taken, found = labelled
            names.extend(found)
            continue
        if is_prose(value):
            if not names and ((k - index <= 2 and _LIST_INTRO.search(value)) or _LIST_NOTE.match(value)):
                # "Signed in a personal capacity by the following …, listed with their cities.",
                # "Institutional affiliations are given for identification purposes only …"
                continue
            break
        if under_numbered(lines, k, index):
            continue  # "4. Helen Jiyoung Park" / "Board Member, National Association … -- Fort Lee, NJ"
        if (value.startswith(("(", "（")) and value.endswith((")", "）"))) or (
            not names and _LIST_NOTE.match(value)
        ):
            continue  # a note such as "(affiliations for identification only)", "Listed in order of sign-on"
        if "|" in value:
            cells = [cell.strip() for cell in value.split("|")]
            if gap and columns is not None and len(cells) != len(columns):
                columns = None  # a table after a gap, its rows not the header's: the header is not theirs
            gap = False
            if sum(1 for cell in cells if TABLE_HEADER.match(cell)) >= max(1, len(cells) - 1):
                columns = cells
                continue
            if grid is None:
                rows = table_rows(lines, k)
                # A grid's first row may head its columns with groups ("종교계 | 시민사회 | 이산가족 당사자").
                if columns is None and len(rows) > 2 and _heads_groups(rows[0]):
                    columns = [cell.strip() for cell in value.split("|")]
                    grid = is_name_grid(rows[1:])
                    continue
                grid = columns is None and is_name_grid(rows)
            names.extend(row_names(text, line, columns, grid))
            continue
        grid = None
        gap = gap or line.blank_before
        # A heading before any name, even a line below where the block began ("… 참가단체 일동" / "기자회견
        # 참가단체 (총 30개, 부문별)"), heads the list; among names only one that opens with its heading word.
        if (
            names
            and is_heading(value)
            and (_IN_LANGUAGE.search(value) or _other_script(text, names, value))
            and not SUBHEADING_WORDS.match(value)  # "International organizations" under 국내 단체: a group
        ):
            # the same list again in another language ("Signatories (English)", "Signatory organizations"
            # under 참여 단체): a block of its own
            break
        first_heading = not names and (k == index or _COUNTED.search(value))
        if is_heading(value) and (first_heading or heads_line(value)):
            people = bool(PEOPLE.search(value))
            continue
        if value.endswith("일동") and k + 1 < len(lines) and not is_prose(lines[k + 1].text):
            continue  # the signers named as one body, with their names below
        if (
            SUBHEADING_WORDS.match(value)
            or SECTOR_LABEL.fullmatch(value)  # "[경기·인천]" alone on its line: the group of the names below
            or _COUNTED.search(value)
            or (value.endswith((":", "：")) and len(value) < 60)
        ):
            people = bool(PEOPLE.search(value))
            continue
        if line.blank_before:
            affiliation = False
        if affiliation and not PERSON_EN.match(value):
            continue  # the institution under a signer's title ("Northgate University")
        if names and ROLE_TITLE.match(value) and PERSON_EN.match(lines[k - 1].text):
            affiliation = True  # "Dr. Helen Marsh" / "Professor of History" / "Northgate University": one
            continue
        affiliation = False
        spaced = spaced_run(text, lines, k)
        if spaced is not None:
            taken, found = spaced[0] + 1, spaced[1]
            names.extend(found)
            continue
        wrapped = wrapped_name(text, lines, k)
        if wrapped is not None:
            # A name wrapped onto the next line, its acronym spelling across both ("Global Partnership
            # for the Prevention of Armed" / "Conflict (GPPAC)"): one name.
            taken = k + 2
            names.extend(_line_names(text, wrapped, True))
            continue
        next_blank = k + 1 >= len(lines) or lines[k + 1].blank_before
        run_on = k > index and not line.blank_before and lines[k - 1].text.endswith((",", ";", "、"))
        single = line.blank_before and next_blank
        if k >= people_end:
            listing_people, people_end = person_rows(lines, k)
        names.extend(_line_names(text, line, single, people, listing_people, run_on))
        # A person's name and one line under it, apart from the rest ("Hon. Rachel Tan MP" / "Parliament,
        # Singapore"): the line under it is where they sit, not another signer.
        affiliation = pair_head(lines, k) and person_line(value)
    return names


def _other_script(text: str, names: list[Name], heading: str) -> bool:
    """A heading in one script over names read so far in the other (Latin under Hangul or back)."""
    hangul = sum(1 for name in names if has_hangul(text[name.start : name.end])) > len(names) / 2
    return has_hangul(heading) != hangul


def _starts(text: str, lines: list[Line]) -> list[tuple[int, str]]:
    """Where a signature block may start, and why."""
    starts: list[tuple[int, str]] = []
    last_date = None
    for k, line in enumerate(lines):
        if _inline_list(line.text) is not None:
            starts.append((k, "inline"))
        elif is_heading(line.text) or (_COUNTED.search(line.text) and len(line.text) < 90):
            starts.append((k + 1, "heading"))
        elif _REPRESENTS.match(line.text):
            pass  # the sender for the signers, not a list of them, follows
        elif line.blank_before and line.start > len(text) * 0.5 and _bare_list(line.text):
            starts.append((k, "heading"))  # a list of names under the text, with no heading over it
        elif _CLOSING.match(line.text) or _CLOSING_AFTER.search(line.text):
            starts.append((k + 1, "closing"))
            if line.text.endswith(("일동",)):
                starts.append((k, "issuer"))
        if name_table_header(line.text) and not (starts and starts[-1][0] == k):
            starts.append((k, "heading"))
        if is_date_line(line.text) and len(line.text) < 40 and line.start > len(text) * 0.5:
            last_date = k
    if last_date is not None:
        starts.append((last_date + 1, "date"))
    return starts


def extract_signatories(text: str, language: str | None = None) -> tuple[NameRef, ...]:
    """`language`: the document's detected language ("en", "ko"), which names a list given in both."""
    lines = line_list(text)
    blocks: list[list[Name]] = []
    fallback: list[list[Name]] = []
    for index, why in _starts(text, lines):
        if why == "issuer":  # "… 일동" names the signers as one body: theirs only when no list follows
            fallback.append(_line_names(text, lines[index], True))
            continue
        block = _block_after(text, lines, index)
        if (why in ("heading", "inline") and block) or len(block) >= 2:
            blocks.append(block)
        elif block:
            fallback.append(block)
    if not blocks:
        # One issuer signing alone: the last short block after the closing or the date.
        blocks = fallback[-1:]
    if not blocks:
        return ()
    names = without_edges(text, merge_blocks(text, blocks, language), lambda n: text[n.start : n.end])
    if not names:
        return ()
    marks = legend_symbols(text)
    spans = [(min(n.start for n in block), max(n.end for n in block)) for block in blocks if block]
    in_sentences = named_in_sentences(text, [text[n.start : n.end] for n in names], spans)
    refs = []
    for k, name in enumerate(names):
        value = text[name.start : name.end]
        ecosoc = name.ecosoc or (name.mark is not None and name.mark in marks) or k in in_sentences
        ecosoc_mark = Mark(name.start, name.end, value, EXTRACTOR) if ecosoc else None
        refs.append(
            NameRef(
                " ".join(value.split()),
                Mark(name.start, name.end, value, EXTRACTOR),
                None,
                ecosoc,
                ecosoc_mark,
            )
        )
    return tuple(refs)

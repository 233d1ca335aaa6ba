"""Join the lines of hard-wrapped plain text (e-mail style) back into paragraphs.

A plain-text letter wrapped at about 70 columns breaks its prose where a word
did not fit, not where a thought ends; list items and signatory lines are
short and end where the author ended them. A line is joined to the next when
the next line's first word would have fitted on it below the wrap width, so
short lines are never joined, nor are lines longer than the width (they were not wrapped
at it); and, in text wrapped at no one width, when a long line without a sentence end is followed
by one that opens in lower case.
"""

from __future__ import annotations

import re
from typing import Literal

from peacetrack.pipeline.lines import LIST_MARKER, OPENS_ITEM

# Besides list items, a label line ("Venue: …", "Organized by …"), a day heading or a rule starts afresh.
_ITEM_START = re.compile(
    rf"^(?:{LIST_MARKER}|[A-Z가-힣][^:：]{{0,20}}[:：]\s"
    r"|(?:co-?)?(?:organi[sz]ed|sponsored|hosted|supported|convened)\s+by\b|day\s+\d|[-=_*~#]{5,})",
    re.IGNORECASE,
)
_RULE = re.compile(r"[-=_*~#━─]{5,}\s*$")
_LOWER_START = re.compile(r"^[a-z]")
_ENDS = re.compile(r"[.!?:;。]['\"’”)]*\s*$")
# A wrapped document has many lines ending within a few columns of one width.
_MIN_WIDTH = 50
_MAX_WIDTH = 100
_MIN_SHARE = 0.4


_ITEM_LEAD = re.compile(rf"^ *(?:{LIST_MARKER}) *")


# A label with its value set off by spaces ("   WHO:    Organized by …"): the value's lines below hang
# under the value. (An address block's lines are one addressee each: "To:   The Members of the Council" /
# "      The Chair of the 1718 Committee".)
_LABEL_LEAD = re.compile(
    r"^ *(?!(?:to|cc|bcc|attn|수\s*신|참\s*조)\s*[:：])[A-Z가-힣][^:：\n]{0,20}[:：] {2,}(?=\S)", re.I
)


_SMALL_END = re.compile(r"(?:,|\b(?:of|and|the|for|in|on|to|with|at|a|an))\s*$", re.IGNORECASE)
_CUT = re.compile(rf"^.{{50,}}$|{_SMALL_END.pattern}", re.IGNORECASE)  # long, or ending on a small word
_WRAP_MIN, _WRAP_MAX = 60, 80  # a typed line wrapped near the usual width


def join_hanging(text: str) -> str:
    """Join the lines set in under a list item's text (a hanging indent) to the item, before indents are
    lost: " 7. Prof. Jae-won Han, Korean Studies, University of California," / "    Los Angeles"; and
    under a label's value: "WHO:    Organized by …, Women Cross" / "        DMZ, Peace Action …"."""
    out: list[str] = []
    column: int | None = None  # where the text of the item being read starts
    labelled = False  # the item is a label's value, not a list item
    physical = ""  # the line above as written
    for raw in text.split("\n"):
        line = raw.expandtabs(4)
        bare = line.lstrip(" ")
        indent = len(line) - len(bare)
        hangs = column is not None and indent >= 2 and abs(indent - column) <= 1
        # Only an item that was cut (long, or ending on a comma or a small word) goes on below; under a
        # short one ("1. Rev. Dr. Samuel Chung") the indented line is its own: a title, an affiliation.
        # Under a label, only a line wrapped near a typed width goes on: the lines set in under a short
        # value are items of their own.
        cut = bool(out) and _CUT.search(out[-1]) is not None
        if labelled:
            cut = _SMALL_END.search(physical) is not None or _WRAP_MIN <= len(physical.rstrip()) <= _WRAP_MAX
        if hangs and bare and cut and not OPENS_ITEM.match(bare) and not _ITEM_START.match(bare):
            out[-1] = f"{out[-1].rstrip()} {bare}"
            physical = line
            continue
        label = _LABEL_LEAD.match(line)
        item = _ITEM_LEAD.match(line) or label
        column = item.end() if item is not None and bare else None
        labelled = label is not None and item is label
        out.append(raw)
        physical = line
    return "\n".join(out)


_BORDER = re.compile(r"^\s*\+[-=+]+\+\s*$")
_FRAMED = re.compile(r"^\s*\|(.*)\|\s*$")


def unframe(text: str) -> str:
    """A table drawn in plain text ("+------+------+" borders, "| 13:30 | 개회식 |" rows) as the other
    readers write a table: border lines gone, a row's cells joined by " | " without the outer bars, its
    empty cells left out (a row under a merged cell keeps only what it adds)."""
    out = []
    for line in text.split("\n"):
        if _BORDER.match(line):
            continue
        framed = _FRAMED.match(line)
        if framed is not None:
            cells = [cell.strip() for cell in framed.group(1).split("|")]
            line = " | ".join(cell for cell in cells if cell)
        out.append(line)
    return "\n".join(out)


def wrap_width(text: str) -> int | None:
    """The column the text was wrapped at, or None when it was not hard-wrapped."""
    lengths = sorted(len(line) for line in text.split("\n") if len(line) >= 30)
    if len(lengths) < 6:
        return None
    # The 90th percentile: a few longer lines (mail headers, rules, URLs) are not the width.
    width = lengths[int(len(lengths) * 0.9) - 1]
    near = sum(1 for length in lengths if width - 15 <= length <= width)
    if not _MIN_WIDTH <= width <= _MAX_WIDTH or near < _MIN_SHARE * len(lengths):
        return None
    return width


def _fits(line: str, following: str, width: int) -> bool:
    word = following.split(" ", 1)[0]
    return len(line) + 1 + len(word) <= width


def _goes_on(physical: str, line: str) -> bool:
    """A sentence cut at a line end whatever the width: the next line opens in lower case ("… (NCNK)" /
    "and the American Friends …"), which no new sentence, item or label does."""
    return (
        len(physical) >= 40
        and bool(_LOWER_START.match(line))
        and not _ENDS.search(physical)
        and not _ITEM_START.match(physical)  # a label's value or a list item is the author's own line
    )


def _hand_broken(lines: list[str], width: int | None) -> list[bool]:
    """For each line, whether its block (lines up to a blank one) was broken by hand: several of its lines
    end where the next line's first word would still have fitted, which wrapping never does. A list of
    "Name, Title, Organisation" lines has some lines near the width, and they are not wrapped either."""
    flags = [False] * len(lines)
    if width is None:
        return flags
    start = 0
    for end in [*(k for k, line in enumerate(lines) if not line.strip()), len(lines)]:
        block = range(start, end)
        breaks = sum(1 for k in block if k + 1 < end and _fits(lines[k], lines[k + 1], width))
        if breaks >= 2 and 3 * breaks >= len(block) - 1:
            for k in block:
                flags[k] = True
        start = end + 1
    return flags


_COMPOUND_BREAK = re.compile(r"[A-Za-z]-$")
# "Dr. Helen Marsh — Former Country Director, Welthungerhilfe": a signer, a dash, where they stand.
_DASHED_ENTRY = re.compile(r"^(?!\d)\S.{2,40}?\s[—–]\s\S")  # (not a time slot: "09:30 – 10:00 …")
# A line that would stand on its own under an entry: a person's name ("Joseph Kim"), a label.
_OWN_LINE = re.compile(
    r"^(?:(?:Dr|Prof|Rev|Mr|Ms|Mrs)\.?\s+)?[A-Z][a-z'-]+(?:\s+[A-Z][a-z'-]+){1,2}$(?<!University)(?<!Institute)"
    r"|^[^:：]{1,30}[:：]"
)
_DASHED_MIN, _CUT_MIN = 3, 40


def _dashed_list(lines: list[str]) -> list[bool]:
    """For each line, whether it goes on the line above inside a list of dashed entries a line each (most
    lines of its block "Name — Title, Organisation"): a line without the dash under a long entry is the
    entry's cut end ("… Christian Friends of" / "Korea"), not a signer of its own."""
    flags = [False] * len(lines)
    start = 0
    for end in [*(k for k, line in enumerate(lines) if not line.strip()), len(lines)]:
        entries = {k for k in range(start, end) if _DASHED_ENTRY.match(lines[k])}
        if len(entries) >= _DASHED_MIN and 2 * len(entries) > end - start:
            widest = max(len(lines[k].rstrip()) for k in range(start, end))
            for k in range(min(entries) + 1, end):
                above = lines[k - 1].rstrip()
                # cut mid-phrase: on a comma or a small word, or near the block's widest line
                cut = bool(_SMALL_END.search(above)) or len(above) >= 0.85 * widest
                if (
                    k not in entries
                    and len(above) >= _CUT_MIN
                    and cut
                    and not _ENDS.search(above)
                    and not _OWN_LINE.match(lines[k].strip())
                ):
                    flags[k] = True
        start = end + 1
    return flags


# A person's entry a line each: "Dr. Helen Markham, physician …" over "Rev. Samuel Okafor, …"; a line of
# prose that opens with a title says what the person did ("… welcomed the delegates and introduced").
_TITLED = re.compile(r"^(?:Dr|Prof|Rev|Mr|Ms|Mrs|Fr|Sr|Sister|Father|Bishop)\.?\s+[A-Z]")
_DID = re.compile(r"\b[a-z]+(?:ed|s)\s+(?:the|a|an|his|her|their|its|our)\b|\b(?:who|which|and)\s*$")


def _two_people(physical: str, line: str) -> bool:
    return bool(_TITLED.match(line) and _TITLED.match(physical) and not _DID.search(physical))


def unwrap(text: str, width: int | Literal["measure"] | None = "measure") -> str:
    """`width`: the wrap width (None: not wrapped) when the caller measured it before joining lines
    (``join_hanging``); by default it is measured here."""
    width = wrap_width(text) if width == "measure" else width
    lines = text.split("\n")
    by_hand = _hand_broken(lines, width)
    dashed = _dashed_list(lines)
    out: list[str] = []
    for k, line in enumerate(lines):
        previous = out[-1] if out else ""
        physical = lines[k - 1] if k else ""  # the line as written, not what earlier joins made of it
        wrapped = (
            width is not None
            and not by_hand[k]
            and width * 0.6 <= len(physical) <= width  # a line past the width was not wrapped there
            and not _fits(physical, line, width)
        )
        if previous and line and dashed[k]:
            out[-1] = f"{previous} {line.strip()}"
        elif (
            previous
            and line
            and (wrapped or _goes_on(physical, line))
            and not _ITEM_START.match(line)
            and not previous.endswith((":", "："))
            and not _RULE.search(previous)
            and " | " not in line  # a table row is a line of its own
            and " | " not in physical
            and not _two_people(physical, line)
        ):
            # A compound broken at its hyphen ("co-" / "hosted") is one word again; plain text is typed, not
            # hyphenated by a layout engine, so the hyphen stays.
            joint = "" if _COMPOUND_BREAK.search(previous) and line[0].islower() else " "
            out[-1] = f"{previous}{joint}{line}"
        else:
            out.append(line)
    return "\n".join(out)

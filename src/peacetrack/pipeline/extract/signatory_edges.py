"""Lines a signature list picks up that sign nothing: a table's header cell, a contact or attachment
label, and at the list's ends a group heading, a closing remark, a place line or a page's running header.

A list's own names are capitalised bodies and people ("National Council of Churches in Korea", "Prof.
Daniel K. Moon"); what sits at its ends is prose ("Churches and councils in Korea", "Letter coordinated
by a group of volunteer signers"), a line the page repeats ("Joint Letter to the UN Secretary-General"
at the head of every page) or where it was signed ("서울 광화문에서").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from typing import TypeVar

from peacetrack.pipeline.extract.names import NAME_GLUE
from peacetrack.pipeline.extract.signatory_tables import TABLE_HEADER

# "Media inquiries: …", "▣ 첨부: …", "문의: …": a label for something else than a signer.
_LABELLED = re.compile(
    r"^\W{0,2}\s*(?:(?:media|press)\s+)?(?:inquiries|enquiries|contacts?|attachments?|첨\s*부|문\s*의|연락처|담당)"
    r"\s*[:：]",
    re.IGNORECASE,
)
# The small words a name holds, and more a list's names hold ("… Concerned about Korea"); any other
# lowercase word is prose.
_GLUE = NAME_GLUE | frozenset(
    [
        "about",
        "against",
        "from",
        "among",
        "between",
        "across",
        "without",
        "through",
        "toward",
        "towards",
        "into",
        "over",
        "under",
        "beyond",
        "after",
        "within",
        "e",
    ]
)
_PLACE_LINE = re.compile(r"^[가-힣\s]{2,20}에서$")  # "서울 광화문에서": where it was signed

Item = TypeVar("Item")


def _prose(name: str) -> bool:
    """A sentence or a description, not a name: a lowercase word of content, no comma or bracket (a name
    styled all lowercase, "terre des hommes Deutschland", starts so)."""
    words = name.split()
    if len(words) < 3 or "," in name or "(" in name or words[0][0].islower():
        return False
    return any(w[0].islower() and w.isalpha() and w not in _GLUE for w in words[1:] if w[0].isascii())


def _running_header(text: str) -> str | None:
    """The text's first line when a page repeats it further down (a PDF's running header)."""
    lines = [" ".join(line.split()) for line in text.split("\n") if line.strip()]
    if not lines or len(lines[0].split()) < 3:
        return None
    return lines[0] if Counter(lines)[lines[0]] >= 2 else None


def without_edges(text: str, names: Sequence[Item], value: Callable[[Item], str]) -> list[Item]:
    """``names`` without the lines that sign nothing (``value`` gives an item's text)."""
    kept = [n for n in names if not TABLE_HEADER.match(value(n).strip()) and not _LABELLED.match(value(n))]
    header = _running_header(text)

    def stray(item: Item) -> bool:
        name = " ".join(value(item).split())
        return _prose(name) or bool(_PLACE_LINE.match(name)) or name == header

    # One line at most from each end: a list's own names are never trimmed away run after run.
    if len(kept) > 2 and stray(kept[0]):
        kept = kept[1:]
    if len(kept) > 2 and stray(kept[-1]):
        kept = kept[:-1]
    return kept

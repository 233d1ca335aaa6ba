"""Signature lists that run over several lines: names under a group's label on the same line, however
the paragraph wraps ("AUSTRALIA: A, B, C."), and a name wrapped onto the next line ("… Prevention of
Armed" / "Conflict (GPPAC)")."""

from __future__ import annotations

import re

from peacetrack.pipeline.extract.names import split_list
from peacetrack.pipeline.extract.signatory_lines import (
    SUBHEADING_WORDS,
    Line,
    Name,
    count_separators,
    ends_list,
    is_date_line,
    is_prose,
    unmark,
)
from peacetrack.pipeline.extract.signatory_runs import acronym_joins

# A group's label before its list on the same line: "AUSTRALIA:", "NEW ZEALAND / AOTEAROA:", "Faith groups:".
_GROUP_LABEL = re.compile(r"[A-Z][A-Z&/.'’ -]{1,40}:\s+|(?P<words>[^:：\n]{2,40})[:：]\s+")


# Words of a sentence, not of a list of names.
_SENTENCE = re.compile(r"\b(?:is|are|was|were|which|that|has|have|will|would|should)\b|(?:다|요)\.\s*$")
# A note after a list (the list's own lines do not open with these).
_NOTE = re.compile(r"^(?:※|\*|문\s*의)")


def _is_group_label(label: re.Match[str]) -> bool:
    """A label in capitals, a sector or region word, or sectors joined by a dot ("노동·농민")."""
    words = label.group("words")
    return words is None or bool(SUBHEADING_WORDS.match(words) or _SECTORS.fullmatch(words.strip()))


_SECTORS = re.compile(r"[가-힣]{1,6}(?:[·ㆍ/][가-힣]{1,6})+")


def labelled_paragraph(text: str, lines: list[Line], k: int) -> tuple[int, list[Name]] | None:
    """A paragraph that opens with a group's label and lists names with commas, however its lines wrap:
    (the line after it, its names); else None."""
    line = lines[k]
    label = _GROUP_LABEL.match(text, line.start, line.end)
    if label is None or not _is_group_label(label):
        return None
    if not line.blank_before:  # inside a paragraph only as the next of its groups
        above = _GROUP_LABEL.match(text, lines[k - 1].start, lines[k - 1].end) if k else None
        if above is None or not _is_group_label(above):
            return None
    if _SENTENCE.search(text, label.end(), line.end):
        return None  # "BACKGROUND: The Korean War, which …": prose after a label, not names
    last = k
    while last + 1 < len(lines) and not lines[last + 1].blank_before:
        after = lines[last + 1]
        following = _GROUP_LABEL.match(text, after.start, after.end)
        if following is not None and _is_group_label(following):
            break  # the next group's own line: "여성: …" under "종교: …"
        if (
            is_date_line(after.text)
            or is_prose(after.text)
            or ends_list(after.text)
            or _NOTE.match(after.text)
        ):
            break  # what follows a list, run on without a blank line (PDF text)
        last += 1
    start, end = label.end(), lines[last].end
    if "|" in text[start:end]:
        return None
    pieces = acronym_joins(text, split_list(text, start, end, and_splits=False, articles=False))
    return last + 1, [name for a, b in pieces if (name := unmark(text, a, b)) is not None]


def wrapped_name(text: str, lines: list[Line], k: int) -> Line | None:
    """Line ``k`` and the next as one line, when the next goes on with a name that its acronym spells
    only across the two; else None."""
    if k + 1 >= len(lines) or lines[k + 1].blank_before or count_separators(lines[k].text) >= 2:
        return None
    this, after = lines[k], lines[k + 1]
    if len(acronym_joins(text, [(this.start, this.end), (after.start, after.end)])) != 1:
        return None
    return Line(this.start, after.end, f"{this.text} {after.text}", this.blank_before)


__all__ = ["labelled_paragraph", "wrapped_name"]

"""Signatories of a letter: every list of them, merged into one, with ECOSOC status.

Letters often list their signatories twice, once in a paragraph separated by
commas and once a name a line, with small differences (a typo, a line break
inside a name, a comma inside one). The lists are read separately and merged:
the list whose length matches the count the letter declares ("We are 55 …")
is the reference, else the one-name-a-line list; names in the other lists that
match a reference name (exactly or nearly) are the same signatory.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from rapidfuzz import fuzz

from peacetrack.pipeline.extract import dates
from peacetrack.pipeline.extract.names import clean, split_list, trim
from peacetrack.pipeline.records import Extractor, Mark, NameRef
from peacetrack.pipeline.registry import normalise_name

EXTRACTOR = Extractor("signatories", "1.0")

_HEADER = re.compile(
    r"^(?:(?P<n>\d+)\s*(?:개\s*)?)?(?:civil[\s-]+society\s+|시민\s*사회\s*)?"
    r"(?:organi[sz]ations?|groups|ngos|signatories|signatory\s+organi[sz]ations|endorsing\s+organi[sz]ations"
    r"|signed\s+by|endorsed\s+by|단체|서명\s*단체|연명\s*단체|참여\s*단체)\b[^.\n]{0,50}$",
    re.IGNORECASE,
)
_DECLARED = re.compile(
    r"\bwe\s+are\s+(?P<n>\d+)\s+(?:civil[\s-]+society\s+)?(?:organi[sz]ations|groups|ngos)"
    r"|(?P<k>\d+)\s*개\s*(?:시민\s*사회\s*)?단체",
    re.IGNORECASE,
)
_FOOTNOTE_START = re.compile(r"^[*※†]|^\d+\.\s")
_ECOSOC = re.compile(r"ECOSOC|consultative\s+status|경제사회이사회|협의\s*지위", re.IGNORECASE)
_NOT_A_NAME = re.compile(r"@|https?://|www\.|^\+?\d[\d\s()-]{6,}$|^(?:tel|fax|email|web)\b", re.IGNORECASE)
_PARTICLE = "은는이가도과와의"


@dataclass(frozen=True, slots=True)
class _List:
    items: tuple[tuple[int, int], ...]
    one_per_line: bool


def _paragraphs(text: str, start: int) -> Iterator[tuple[int, int]]:
    pos = start
    while pos < len(text):
        while pos < len(text) and text[pos] == "\n":
            pos += 1
        brk = text.find("\n\n", pos)
        end = len(text) if brk == -1 else brk
        if end > pos:
            yield pos, end
        pos = end + 2


def _line_spans(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    pos = start
    for line in text[start:end].split("\n"):
        if line.strip():
            yield pos, pos + len(line)
        pos += len(line) + 1


def _looks_like_name(line: str) -> bool:
    words = line.split()
    return (
        0 < len(words) <= 18
        and not line.rstrip().endswith((".", "。", "!", "?"))
        and not _NOT_A_NAME.search(line)
        and not _FOOTNOTE_START.match(line)
        and not (dates.scan(line) and len(line) < 40)
    )


def _comma_list(text: str, paragraphs: list[tuple[int, int]]) -> _List:
    """Paragraphs of "A, B, C" continue one another while they do not end with a full stop."""
    items: list[tuple[int, int]] = []
    start = paragraphs[0][0]
    end = paragraphs[0][1]
    for p_start, p_end in paragraphs[1:]:
        chunk = text[p_start:p_end]
        if _FOOTNOTE_START.match(chunk) or text[start:end].rstrip().endswith(".") or "," not in chunk:
            break
        end = p_end
    for a, b in split_list(text, start, end, and_splits=False, articles=False):
        if _looks_like_name(clean(text[a:b])):
            items.append((a, b))
    return _List(tuple(items), one_per_line=False)


def _line_list(text: str, paragraphs: list[tuple[int, int]]) -> _List:
    items: list[tuple[int, int]] = []
    for p_start, p_end in paragraphs:
        lines = list(_line_spans(text, p_start, p_end))
        if not all(_looks_like_name(text[a:b]) for a, b in lines):
            break
        items.extend(trim(text, a, b, articles=False) for a, b in lines)
    return _List(tuple(items), one_per_line=True)


def _list_after(text: str, start: int) -> _List | None:
    paragraphs = list(_paragraphs(text, start))
    if not paragraphs:
        return None
    first = text[paragraphs[0][0] : paragraphs[0][1]]
    if "\n" not in first and first.count(",") >= 2:
        found = _comma_list(text, paragraphs)
    else:
        found = _line_list(text, paragraphs)
    return found if len(found.items) >= 2 else None


def _is_header(line: str) -> bool:
    # A count or a closing colon: a signatory's own name may well contain "Organizations".
    match = _HEADER.match(line)
    if match is None or len(line) >= 80:
        return False
    return match.group("n") is not None or line.endswith((":", "："))


def _header_lists(text: str) -> Iterator[_List]:
    offset = 0
    for line in text.split("\n"):
        if _is_header(line.strip()):
            found = _list_after(text, offset + len(line) + 1)
            if found is not None:
                yield found
        offset += len(line) + 1


def _closing_list(text: str) -> _List | None:
    """Names a line after the letter's last standalone date: the signature block."""
    offset = 0
    last_date_end = None
    for line in text.split("\n"):
        raws = dates.scan(line)
        if (
            len(raws) == 1
            and dates.full_date(raws[0])
            and len(line.strip()) <= raws[0].end - raws[0].start + 2
        ):
            last_date_end = offset + len(line) + 1
        offset += len(line) + 1
    if last_date_end is None:
        return None
    found = _list_after(text, last_date_end)
    return found if found is not None and found.one_per_line and len(found.items) >= 3 else None


def _declared_count(text: str) -> int | None:
    match = _DECLARED.search(text)
    if match is None:
        return None
    return int(match.group("n") or match.group("k"))


def _same(a: str, b: str) -> bool:
    if a == b:
        return True
    if fuzz.ratio(a, b) >= 88:
        return True
    # A piece of a name split at an inner comma still names the same signatory.
    shorter, longer = sorted((a, b), key=len)
    return len(shorter) >= 8 and fuzz.partial_ratio(shorter, longer) >= 95


def _merge(text: str, lists: list[_List], declared: int | None) -> list[tuple[int, int]]:
    exact = [found for found in lists if declared is not None and len(found.items) == declared]
    by_line = [found for found in lists if found.one_per_line]
    reference = (exact or by_line or sorted(lists, key=lambda f: len(f.items), reverse=True))[0]
    merged = list(reference.items)
    keys = [normalise_name(text[a:b]) for a, b in merged]
    complete = declared is not None and len(merged) >= declared
    for other in lists:
        if other is reference:
            continue
        for a, b in other.items:
            key = normalise_name(text[a:b])
            if not any(_same(key, known) for known in keys) and not complete:
                merged.append((a, b))
                keys.append(key)
    return merged


def _ecosoc(text: str, names: list[NameRef]) -> list[NameRef]:
    """Mark the signatories named in a note on ECOSOC consultative status."""
    keys = [normalise_name(ref.name) for ref in names]
    out = list(names)
    for a, b in _paragraph_spans(text):
        if not _ECOSOC.search(text, a, b):
            continue
        for p_start, p_end in split_list(text, a, b):
            piece = normalise_name(text[p_start:p_end])
            best = None
            for k, key in enumerate(keys):
                leads = piece.startswith(key) and (
                    len(piece) == len(key) or piece[len(key)] in " " + _PARTICLE
                )
                # "이 가운데 참여연대": the name may close the piece instead.
                closes = piece.endswith(" " + key)
                if key and (leads or closes) and (best is None or len(key) > len(keys[best])):
                    best = k
            if best is not None and not out[best].ecosoc:
                ref = out[best]
                start, end = p_start, p_start + len(ref.name)
                if normalise_name(text[start:end]) != keys[best]:
                    start, end = p_end - len(ref.name), p_end
                    if normalise_name(text[start:end]) != keys[best]:
                        start = p_start
                mark = Mark(start, end, text[start:end], EXTRACTOR)
                out[best] = NameRef(ref.name, ref.mark, ref.actor, True, mark)
    return out


def _paragraph_spans(text: str) -> Iterator[tuple[int, int]]:
    yield from _paragraphs(text, 0)


def extract_signatories(text: str) -> tuple[NameRef, ...]:
    lists = list(_header_lists(text))
    closing = _closing_list(text)
    if closing is not None and all(closing.items != found.items for found in lists):
        lists.append(closing)
    if not lists:
        return ()
    spans = _merge(text, lists, _declared_count(text))
    refs = [NameRef(clean(text[a:b]), Mark(a, b, text[a:b], EXTRACTOR)) for a, b in spans]
    return tuple(_ecosoc(text, refs))

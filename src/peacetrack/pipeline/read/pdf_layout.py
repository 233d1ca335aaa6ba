"""Rebuild a PDF page's reading order from positioned text lines.

A PDF holds lines, not paragraphs: prose is wrapped at the margin, words are
hyphenated across line ends, and every page repeats its running header, footer
and page number. This module turns pdfplumber's lines into the blocks the
extractors read: a paragraph per block (wrapped lines joined), a list item or a
short line per line, table rows as cells joined by " | ", and no running
headers, footers or page numbers.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass

from peacetrack.model.languages import HANGUL_SYLLABLES
from peacetrack.pipeline.lines import BARE_NUMBER, OPENS_ITEM, RUNS_ON_END

# A line that starts a list item or a labelled line never continues the one before.
_PAGE_NUMBER = re.compile(
    r"^(?:[-–—]\s*)?(?:page\s+)?\d{1,4}(?:\s*(?:/|of|\|)\s*\d{1,4})?(?:\s*[-–—])?$|^\d{1,4}\s*쪽$|^-\s*\d+\s*-$",
    re.IGNORECASE,
)
_DIGITS = re.compile(r"\d+")
# How close to a page's top or bottom a running header or footer sits (share of the page height).
_MARGIN_BAND = 0.1
_HANGUL = re.compile(f"[{HANGUL_SYLLABLES}]")


@dataclass(frozen=True, slots=True)
class Line:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    listed: bool = False  # an item of a list read from columns (pdf_columns)


@dataclass(frozen=True, slots=True)
class Page:
    lines: tuple[Line, ...]
    tables: tuple[tuple[float, tuple[str, ...]], ...]  # (top, rows) of each table
    width: float
    height: float


def _in_head(line: Line, page: Page) -> bool:
    return line.top < page.height * _MARGIN_BAND


def _in_margin(line: Line, page: Page) -> bool:
    """In the band at the page's top or bottom where running headers and footers stand."""
    return _in_head(line, page) or line.bottom > page.height * (1 - _MARGIN_BAND)


def _furniture_key(text: str) -> str:
    return _DIGITS.sub("#", " ".join(text.split()).casefold())


def running_lines(pages: list[Page]) -> set[str]:
    """Texts (digits folded) that recur near the top or bottom of several pages: headers and footers."""
    if len(pages) < 2:
        return set()
    seen: Counter[str] = Counter()
    for page in pages:
        keys = {_furniture_key(line.text) for line in page.lines if _in_margin(line, page)}
        seen.update(keys)
    return {key for key, count in seen.items() if count >= 2}


# The page's number set on the running line's own baseline: "… Korea Office p. 1", "… 공동 1 / 2".
_PAGE_NUMBER_AFTER = re.compile(r"\s+(?:p\.\s*|page\s+)?\d{1,3}(?:\s*(?:/|of)\s*\d{1,3})?$", re.IGNORECASE)
# What a browser prints on every page is the printing's, not the document's: "Printed from … on June 3",
# a page's address.
_PRINTED = re.compile(r"\bprinted\b|인쇄|^https?://|^www\.", re.IGNORECASE)


def running_once(pages: list[Page], running: set[str]) -> tuple[list[str], list[str]]:
    """Each running header and footer once, as the first page that has it sets it in its margins:
    (headers, footers).
    Dropped from every page, they would take with them what only they say (a release date, the hosts in
    a footer: "주최 | 세종연구소 … 후원 | 통일부"); page numbers stay out."""
    seen: set[str] = set()
    heads: list[str] = []
    foots: list[str] = []
    for page in pages:
        for line in page.lines:
            key = _furniture_key(line.text)
            if (
                not _in_margin(line, page)
                or key not in running
                or key in seen
                or _PAGE_NUMBER.match(line.text.strip())
            ):
                continue
            if _PRINTED.search(line.text.strip()):
                continue
            seen.add(key)
            text = _PAGE_NUMBER_AFTER.sub("", line.text.strip())
            (heads if _in_head(line, page) else foots).append(text)
    return heads, foots


def _is_furniture(line: Line, page: Page, running: set[str]) -> bool:
    if not _in_margin(line, page):
        return False
    return bool(_PAGE_NUMBER.match(line.text.strip())) or _furniture_key(line.text) in running


def _join(left: str, right: str) -> str:
    """Join a wrapped line to the next: a hyphen at a line end between lower-case letters goes."""
    if re.search(r"[a-z]-$", left) and re.match(r"[a-z]", right) and not re.search(r"\b[A-Z]\w*-$", left):
        return left[:-1] + right
    return left + " " + right


def _right_edge(lines: list[Line], height: float) -> float:
    """The text column's right margin: where its longest line ends, a running head or footer in the
    page's margins aside (a page number set flush right stands further out than the text)."""
    body = [line.x1 for line in lines if _MARGIN_BAND * height < line.top < (1 - _MARGIN_BAND) * height]
    return max(body or [line.x1 for line in lines] or [0.0])


def _fills(line: Line, following: str, right: float, page_width: float) -> bool:
    """The line broke only because the next line's first word would not fit before the margin."""
    if line.x1 < page_width * 0.55:
        return False  # a short column or a short line: its breaks are the author's
    char_width = (line.x1 - line.x0) / max(len(line.text), 1)
    if line.size > 0:  # a line with a wide gap in it ("Date      27 July 2023") is no measure of its type
        char_width = min(char_width, line.size)
    first_word = following.split(" ", 1)[0]
    # Korean wraps between syllables, so a single syllable is all that has to fit.
    needed = (1 if _HANGUL.match(first_word) else len(first_word) + 1) * char_width
    return right - line.x1 < needed + char_width * 1.5


# A list item whose name runs on to the next line: it ends on a small word or a joining mark, or the next
# line starts with a small word or a bracket ("Women's International League for Peace and" / "Freedom",
# "People's Solidarity for Participatory Democracy" / "(ECOSOC)").
_STARTS_ON = re.compile(r"^(?:(?:and|of|for|the|in|on|to|at|de|du|des|und)\b|[&(（])")


def _runs_on_item(previous: str, text: str) -> bool:
    return bool(RUNS_ON_END.search(previous.rstrip()) or _STARTS_ON.match(text))


def _hangs(previous: Line, line: Line) -> bool:
    """The line goes on with a list item above it, set in under the item's text past its number (a
    hanging indent): "12. United Methodist Church – General Board of" / "    Church and Society"."""
    return bool(OPENS_ITEM.match(previous.text)) and previous.x0 + 4 < line.x0 < previous.x0 + 60


def page_blocks(page: Page, running: set[str]) -> list[str]:
    """A page's text as blocks in reading order (tables where they stand)."""
    lines = [line for line in page.lines if not _is_furniture(line, page, running)]
    if not lines:
        return ["\n".join(rows) for _, rows in page.tables]
    right = _right_edge(lines, page.height)
    gaps = sorted(b.top - a.bottom for a, b in itertools.pairwise(lines) if b.top > a.bottom)
    usual_gap = gaps[len(gaps) // 3] if gaps else 0.0
    blocks: list[list[str]] = []
    current: list[str] = []
    previous: Line | None = None
    counted = 0  # the last bare number a line opened with, in turn from 1 ("1 Women Cross DMZ")
    tables = list(page.tables)
    for line in lines:
        while tables and tables[0][0] <= line.top:
            if current:
                blocks.append(current)
                current = []
            blocks.append(list(tables.pop(0)[1]))
            previous = None
        text = line.text.strip()
        if previous is None:
            current = [text]
        else:
            gap = line.top - previous.bottom
            new_paragraph = (
                gap > max(usual_gap * 1.8, previous.size * 0.7) or abs(line.size - previous.size) > 1.5
            )
            if previous.listed and line.listed:
                breaks = _runs_on_item(previous.text, text)
            else:
                breaks = _fills(previous, text, right, page.width) or _hangs(previous, line)
            wrapped = breaks and (
                not OPENS_ITEM.match(text)
                and not previous.text.rstrip().endswith((":", "："))
                and not _in_turn(counted, text)
            )
            if new_paragraph:
                blocks.append(current)
                current = [text]
            elif wrapped:
                current[-1] = _join(current[-1], text)
            else:
                current.append(text)
        previous = line
        counted = _count_after(counted, text)
    if current:
        blocks.append(current)
    blocks.extend(list(rows) for _, rows in tables)
    return ["\n".join(block) for block in blocks if block]


# A Word list's numbers lose their stops in a PDF: "1 Women Cross DMZ", "2 Korea Peace Now! …".
_RUN = 3  # lines numbered in turn before the numbers are taken for a list's
_RUN_GAP = 6  # lines at most from one numbered line to the next (a name's second line, a heading between)


def _in_turn(counted: int, text: str) -> bool:
    found = BARE_NUMBER.match(text)
    return found is not None and counted > 0 and int(found.group(1)) == counted + 1


def _count_after(counted: int, text: str) -> int:
    found = BARE_NUMBER.match(text)
    if found is None:
        return counted
    number = int(found.group(1))
    # A page may open part-way through a list ("8 Korean Women's …" on page 2).
    return number if counted == 0 or number in (1, counted + 1) else counted


def number_lists(text: str) -> str:
    """Lines numbered in turn from 1 without stops, three or more (other lines may stand between: a name's
    second line, a group's heading), written as numbered items ("1. Women Cross DMZ")."""
    lines = text.split("\n")
    run: list[int] = []
    numbered: list[int] = []
    for k, line in enumerate(lines):
        found = BARE_NUMBER.match(line)
        if found is None:
            continue
        number = int(found.group(1))
        if number == len(run) + 1 and (not run or k - run[-1] <= _RUN_GAP):
            run.append(k)
            continue
        if len(run) >= _RUN:
            numbered.extend(run)
        run = [k] if number == 1 else []
    if len(run) >= _RUN:
        numbered.extend(run)
    for k in numbered:
        lines[k] = BARE_NUMBER.sub(lambda m: f"{m.group(1)}. ", lines[k], count=1)
    return "\n".join(lines)


def join_pages(pages: list[list[str]]) -> list[str]:
    """All pages' blocks; a paragraph that runs on to the next page is joined again."""
    blocks: list[str] = []
    for page in pages:
        for k, block in enumerate(page):
            if k == 0 and blocks and _runs_on(blocks[-1], block):
                blocks[-1] = _join(blocks[-1], block)
            else:
                blocks.append(block)
    return blocks


def _runs_on(before: str, after: str) -> bool:
    last = before.rsplit("\n", 1)[-1]
    return bool(
        len(last) > 40
        and not re.search(r"[.!?:;。다요]\W*$", last)
        and re.match(r"[a-z]", after)
        and not OPENS_ITEM.match(after)
    )

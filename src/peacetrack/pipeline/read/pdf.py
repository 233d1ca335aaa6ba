"""PDF: the text layer, rebuilt into paragraphs, list items and table rows (pdfplumber).

pdfplumber gives each line with its position and font size and finds ruled
tables; `pdf_layout` turns that into blocks. pypdf was the first reader: it
returns lines as drawn, so wrapped prose, hyphenated words, running headers and
page numbers all reached the extractors (bench/RESULTS.md has the comparison).
Scans without text are an error, not empty output.
"""

from __future__ import annotations

import io
import logging
import re
from collections import Counter
from datetime import datetime
from typing import Any

import pdfplumber

from peacetrack.pipeline.errors import ReadError
from peacetrack.pipeline.read.options import Meta
from peacetrack.pipeline.read.pdf_columns import in_columns
from peacetrack.pipeline.read.pdf_layout import (
    Line,
    Page,
    join_pages,
    number_lists,
    page_blocks,
    running_lines,
    running_once,
)
from peacetrack.pipeline.read.pdf_tables import text_tables

# Bounds on hostile files: a page count or a table search that would take minutes.
_MAX_PAGES = 500
_MAX_TABLE_CHARS = 20_000


def _quiet() -> None:
    # pdfminer logs every repaired object; a bad file gets one clean error instead.
    for name in ("pdfminer", "pdfplumber", "pypdf"):
        logging.getLogger(name).setLevel(logging.ERROR)


# Browsers printing a page to PDF often draw the space with a glyph whose text is a control
# character (U+0001 and the like); read as nothing, it glued every word of a Korean line together.
_CONTROL_SPACES = {code: " " for code in range(0x20) if chr(code) not in "\n"}


# A glyph the font maps to no character comes out as "(cid:127)"; at a line's start it is a bullet
# (the usual unmapped glyph there), elsewhere it is dropped.
_CID_BULLET = re.compile(r"^\(cid:\d+\)\s*")
_CID = re.compile(r"\(cid:\d+\)")


def _spaced(value: str) -> str:
    text = " ".join(value.translate(_CONTROL_SPACES).split())
    if "(cid:" in text:
        text = _CID.sub("", _CID_BULLET.sub("• ", text))
    return " ".join(text.split())


# A table cell whose first line is a footnote mark alone: the mark was set raised before or after the
# name on the line below ("¹Peace Boat", "Peace Boat¹"), and pdfplumber reads it as a line above.
_CELL_MARK = re.compile(r"^\s*([\d*†‡§]{1,2})\s*\n(?=\S)")


def _cell(value: str | None) -> str:
    text = value or ""
    mark = _CELL_MARK.match(text)
    if mark is not None:
        return _spaced(text[mark.end() :]) + mark.group(1).translate(_RAISED)
    return _spaced(text)


def _inside(line: dict[str, Any], boxes: list[tuple[float, float, float, float]]) -> bool:
    mid_x = (line["x0"] + line["x1"]) / 2
    mid_y = (line["top"] + line["bottom"]) / 2
    return any(x0 <= mid_x <= x1 and top <= mid_y <= bottom for x0, top, x1, bottom in boxes)


_RAISED = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_MARKS_ONLY = re.compile(r"^[\d*†‡§)\s]+$")


def _with_superscripts(raws: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Footnote marks set small and raised ("Peace Boat¹") come out of pdfplumber as a line of their
    own above the text; put each back after the word it follows, raised, so a mark stays with its name."""
    out: list[dict[str, Any]] = []
    k = 0
    while k < len(raws):
        raw = raws[k]
        below = raws[k + 1] if k + 1 < len(raws) else None
        if below is not None and _MARKS_ONLY.match(raw["text"]) and _raised_over(raw, below):
            out.append(_insert_marks(below, raw["chars"]))
            k += 2
            continue
        out.append(_raise_inline(raw))
        k += 1
    return out


def _raise_inline(line: dict[str, Any]) -> dict[str, Any]:
    """A footnote digit set small and raised on the text's own line: "Peace Boat 1," -> "Peace Boat¹,"
    (a raised "1)" is the same mark: its bracket goes)."""
    chars = line["chars"]
    body = max((c.get("size", 0.0) for c in chars), default=0.0)
    raised = [
        c
        for c in chars
        if c["text"] in "0123456789)" and c.get("size", 0.0) < 0.8 * body and c["bottom"] < line["bottom"] - 1
    ]
    if not any(c["text"].isdigit() for c in raised):
        return line
    text = line["text"]
    drawn = iter(chars)
    out = []
    for ch in text:
        if ch.isspace():
            out.append(ch)
            continue
        c = next(drawn, None)
        if c is not None and c in raised and ch == ")":
            continue
        out.append(ch.translate(_RAISED) if c is not None and c in raised else ch)
    joined = re.sub(r"\s+([⁰¹²³⁴⁵⁶⁷⁸⁹]+)", r"\1", "".join(out))
    kept = [c for c in chars if not (c in raised and c["text"] == ")")]
    return {**line, "text": joined, "chars": kept}


def _raised_over(marks: dict[str, Any], line: dict[str, Any]) -> bool:
    small = max((c.get("size", 0.0) for c in marks["chars"]), default=0.0)
    body = max((c.get("size", 0.0) for c in line["chars"]), default=0.0)
    return small < 0.9 * body and marks["top"] < line["top"] and marks["bottom"] > line["top"] - 1


def _insert_marks(line: dict[str, Any], marks: list[dict[str, Any]]) -> dict[str, Any]:
    text = line["text"]
    ends: list[tuple[float, int]] = []  # (x1 of a drawn character, its index in the text)
    chars = iter(line["chars"])
    for index, ch in enumerate(text):
        if not ch.isspace():
            drawn = next(chars, None)
            if drawn is not None:
                ends.append((drawn["x1"], index))
    inserts: dict[int, str] = {}
    # A raised "1)" is the footnote mark ¹: its bracket goes (names are matched to legends by the mark).
    drawn = [mark for mark in sorted(marks, key=lambda c: c["x0"]) if mark["text"].strip() not in ("", ")")]
    for mark in drawn:
        before = [index for x1, index in ends if x1 <= mark["x0"] + 0.5]
        # A mark before the line's first character leads it: a legend ("¹ Organisation in consultative
        # status …") or a name marked in front. Marks at one place keep their order ("¹)").
        at = before[-1] + 1 if before else 0
        inserts[at] = inserts.get(at, "") + mark["text"].translate(_RAISED)
    for at, value in sorted(inserts.items(), reverse=True):
        text = text[:at] + value + text[at:]
    # The marks join the line's drawn characters too, so text and characters still pair one to one
    # (pdf_columns parts a line by its characters' positions).
    return {**line, "text": text, "chars": sorted([*line["chars"], *drawn], key=lambda c: c["x0"])}


def _page(page: Any) -> Page:
    tables: list[tuple[float, tuple[str, ...]]] = []
    boxes: list[tuple[float, float, float, float]] = []
    if len(page.chars) <= _MAX_TABLE_CHARS:
        for table in page.find_tables():
            rows = []
            for row in table.extract():
                cells = [_cell(cell) for cell in row]
                if any(cells):
                    rows.append(" | ".join(cell for cell in cells if cell))
            if len(rows) >= 2:
                boxes.append(table.bbox)
                tables.append((table.bbox[1], tuple(rows)))
    lines = []
    raws = [
        raw
        for raw in _with_superscripts(page.extract_text_lines(strip=True, return_chars=True))
        if _spaced(raw["text"]) and not _inside(raw, boxes)
    ]
    # Two columns of names or prose first: their lines side by side are no table's rows. A second pass
    # parts a left column that still holds two (three columns of names: the first pass cut at one gutter).
    width = float(page.width)
    unruled, raws = text_tables(in_columns(in_columns(raws, width), width))
    tables.extend(unruled)
    for raw in raws:
        sizes = Counter(round(char.get("size", 0.0), 2) for char in raw["chars"]) or Counter([0.0])
        lines.append(
            Line(
                _spaced(raw["text"]),
                raw["x0"],
                raw["x1"],
                raw["top"],
                raw["bottom"],
                sizes.most_common(1)[0][0],
                listed=bool(raw.get("listed")),
            )
        )
    lines.sort(key=lambda line: (round(line.top), line.x0))
    tables.sort()
    return Page(tuple(lines), tuple(tables), float(page.width), float(page.height))


def pdf_to_text(data: bytes, path: str) -> tuple[str, Meta]:
    if not data.startswith(b"%PDF-"):
        raise ReadError(path, "corrupt PDF: no %PDF- header")
    if b"%%EOF" not in data[-2048:]:
        raise ReadError(path, "truncated PDF: the end-of-file marker is missing")
    _quiet()
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            if len(pdf.pages) > _MAX_PAGES:
                raise ReadError(path, f"PDF too long: {len(pdf.pages)} pages, the limit is {_MAX_PAGES}")
            pages = [_page(page) for page in pdf.pages]
            info = dict(pdf.metadata or {})
    except ReadError:
        raise
    except Exception as exc:  # pdfminer raises many types on hostile input; any of them means "corrupt"
        if "password" in str(exc).lower() or type(exc).__name__ == "PDFPasswordIncorrect":
            raise ReadError(path, "encrypted PDF: a password is needed") from None
        raise ReadError(path, f"corrupt PDF: {type(exc).__name__}: {exc}") from None
    running = running_lines(pages)
    heads, foots = running_once(pages, running)
    body = join_pages([page_blocks(page, running) for page in pages])
    # Kept once, under the first block (the title, which a footer or a dated header must not take).
    blocks = [*body[:1], "\n".join([*heads, *foots]), *body[1:]]
    text = number_lists("\n\n".join(block.strip() for block in blocks if block.strip()))
    if not text:
        raise ReadError(path, "PDF without a text layer (a scan?): no text to read")
    printed = _BROWSER_PRINT.match(text) is not None or str(info.get("Producer", "")).startswith("Skia/PDF")
    return text, Meta(
        title=_clean(info.get("Title")),
        # A page a browser printed is dated by the printing, not by its author.
        date=None if printed else _created(info),
        publisher=_clean(info.get("Author")),
    )


# The header a browser prints above a page: "12/6/26, 12:45 PM Title" or "24. 4. 2. 오후 3:15 제목".
_BROWSER_PRINT = re.compile(
    r"^\s*(?:\d{1,2}/\d{1,2}/\d{2,4},?\s+\d{1,2}:\d{2}(?:\s*[AP]M)?"
    r"|\d{2}\.\s*\d{1,2}\.\s*\d{1,2}\.\s*(?:오전|오후)\s*\d{1,2}:\d{2})",
    re.IGNORECASE,
)


def _created(info: dict[str, Any]) -> str | None:
    raw = info.get("CreationDate")
    if not isinstance(raw, str | bytes):
        return None
    value = raw.decode("latin-1") if isinstance(raw, bytes) else raw
    value = value.removeprefix("D:")
    try:
        return datetime.strptime(value[:8], "%Y%m%d").date().isoformat()
    except ValueError:  # a malformed date string in the info dictionary is not worth failing for
        return None


def _clean(value: object) -> str | None:
    if isinstance(value, bytes):
        value = value.decode("utf-8", errors="replace")
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None

"""DOCX: paragraphs, Word numbering and tables in document order (python-docx).

Word keeps the numbers and bullets of an auto-numbered list out of the text, in
the numbering part; they are written back here ("1. ", "가. ", "• ") so that a
numbered list of demands or signatories reads as one. Table rows become lines
of cells joined by " | ", a merged cell once; a table is one block.
"""

from __future__ import annotations

import io
import zipfile
from collections import defaultdict
from typing import Any

import docx
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from peacetrack.pipeline.errors import ReadError
from peacetrack.pipeline.read.options import Meta

_GANADA = "가나다라마바사아자차카타파하"
_CHOSUNG = "ㄱㄴㄷㄹㅁㅂㅅㅇㅈㅊㅋㅌㅍㅎ"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def _check_archive(data: bytes, path: str, max_bytes: int) -> None:
    # A small archive can unpack to gigabytes; refuse before python-docx inflates it.
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if sum(info.file_size for info in archive.infolist()) > max_bytes * 5:
                raise ReadError(path, "DOCX unpacks to too much data (a zip bomb?)")
            if "word/document.xml" not in archive.namelist():
                raise ReadError(path, "corrupt DOCX: word/document.xml is missing")
    except zipfile.BadZipFile:
        raise ReadError(path, "corrupt DOCX: not a readable zip archive") from None


def _roman(n: int) -> str:
    out = ""
    for value, letters in ((10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while n >= value:
            out += letters
            n -= value
    return out


def _number(fmt: str, n: int) -> str:
    if fmt == "bullet":
        return "•"
    if fmt in ("lowerLetter", "upperLetter"):
        letter = chr(ord("a") + (n - 1) % 26)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman"):
        return _roman(n).upper() if fmt == "upperRoman" else _roman(n)
    if fmt in ("ganada", "koreanDigital"):
        return _GANADA[(n - 1) % len(_GANADA)]
    if fmt == "chosung":
        return _CHOSUNG[(n - 1) % len(_CHOSUNG)]
    if fmt == "decimalEnclosedCircle":
        return _CIRCLED[(n - 1) % len(_CIRCLED)]
    return str(n)


class _Numbering:
    """Which paragraphs Word numbers, and how: numId and level to format and pattern."""

    def __init__(self, document: Any) -> None:
        self.levels: dict[tuple[str, str], tuple[str, str]] = {}
        self.counters: dict[str, dict[str, int]] = defaultdict(dict)
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        abstract = {a.get(qn("w:abstractNumId")): a for a in root.findall(qn("w:abstractNum"))}
        for num in root.findall(qn("w:num")):
            ref = num.find(qn("w:abstractNumId"))
            definition = abstract.get(ref.get(qn("w:val")) if ref is not None else None)
            if definition is None:
                continue
            for level in definition.findall(qn("w:lvl")):
                fmt = level.find(qn("w:numFmt"))
                text = level.find(qn("w:lvlText"))
                self.levels[(num.get(qn("w:numId")), level.get(qn("w:ilvl")))] = (
                    fmt.get(qn("w:val")) if fmt is not None else "decimal",
                    text.get(qn("w:val")) if text is not None else "%1.",
                )

    @staticmethod
    def _num_pr(paragraph: Paragraph) -> Any:
        ppr = paragraph._p.pPr
        if ppr is not None and ppr.numPr is not None:
            return ppr.numPr
        style = paragraph.style
        while style is not None:
            spr = style.element.pPr
            if spr is not None and spr.numPr is not None:
                return spr.numPr
            style = style.base_style
        return None

    def label(self, paragraph: Paragraph) -> str | None:
        num_pr = self._num_pr(paragraph)
        if num_pr is None or num_pr.numId is None:
            return None
        num_id = str(num_pr.numId.val)
        level = str(num_pr.ilvl.val) if num_pr.ilvl is not None else "0"
        found = self.levels.get((num_id, level))
        if found is None:
            return None
        fmt, pattern = found
        counts = self.counters[num_id]
        counts[level] = counts.get(level, 0) + 1
        for deeper in [key for key in counts if int(key) > int(level)]:
            del counts[deeper]  # a higher level restarts the levels under it
        if fmt == "bullet":
            return "•"
        if fmt == "none":
            return None
        out = pattern
        for k in range(9):
            out = out.replace(
                f"%{k + 1}", _number(fmt if str(k) == level else "decimal", counts.get(str(k), 1))
            )
        return out


_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def _paragraph_text(paragraph: Paragraph) -> str:
    """The paragraph's text, with superscript footnote digits kept as superscripts ("Peace Boat¹"),
    so that a footnote mark does not read as part of the name it follows."""
    parts = []
    raised = False
    for item in paragraph.iter_inner_content():
        value = item.text
        if isinstance(item, Run) and item.font.superscript and value.strip().isdigit():
            value = value.translate(_SUPERSCRIPT)
            raised = True
        parts.append(value)
    return "".join(parts) if raised else paragraph.text


def _header_lines(document: Any) -> list[str]:
    """The first section's page-header paragraphs, once (a running header repeats on every page)."""
    if not document.sections:
        return []
    header = document.sections[0].header
    if header.is_linked_to_previous and len(document.sections) == 1:
        return []
    return [text for p in header.paragraphs if (text := p.text.strip())]


def _table_lines(table: Table) -> list[str]:
    rows = []
    for row in table.rows:
        cells: list[str] = []
        seen: set[int] = set()
        for cell in row.cells:
            if id(cell._tc) in seen:
                continue  # a merged cell appears once per grid column it spans
            seen.add(id(cell._tc))
            nested = [line for inner in cell.tables for line in _table_lines(inner)]
            # A cell's paragraphs are items of their own ("Peace Boat US" / "WILPF US Section").
            lines = [" ".join(line.split()) for line in cell.text.split("\n")]
            value = "; ".join(line for line in lines if line) if not nested else " / ".join(nested)
            if value:
                cells.append(value)
        if cells:
            rows.append(" | ".join(cells))
    return rows


def docx_to_text(data: bytes, path: str, max_bytes: int) -> tuple[str, Meta]:
    _check_archive(data, path, max_bytes)
    try:
        document = docx.Document(io.BytesIO(data))
        numbering = _Numbering(document)
        blocks: list[str] = []
        for item in document.iter_inner_content():
            if isinstance(item, Table):
                blocks.append("\n".join(_table_lines(item)))
                continue
            text = _paragraph_text(item).strip()
            if not text:
                continue
            label = numbering.label(item)
            blocks.append(f"{label} {text}" if label else text)
        head = _header_lines(document)
        if head:  # "Programme as of 21 October 2024" may stand only in the page header: after the title
            blocks.insert(min(1, len(blocks)), "\n".join(head))
        props = document.core_properties
        # No date from the core properties: Word and python-docx copy them from templates
        # (python-docx's own says 2013), so they date the file's ancestry, not the document.
        meta = Meta(title=props.title or None, publisher=props.author or None)
    except ReadError:
        raise
    except Exception as exc:  # lxml and zipfile errors of every kind: the file is corrupt
        raise ReadError(path, f"corrupt DOCX: {type(exc).__name__}: {exc}") from None
    text = "\n\n".join(block.strip() for block in blocks if block.strip())
    if not text:
        raise ReadError(path, "empty DOCX: no text")
    return text, meta

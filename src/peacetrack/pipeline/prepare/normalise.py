"""Normalise text once, so every later offset refers to the same string.

NFC (Korean is often delivered decomposed), one kind of line break, no
invisible characters, single spaces, one cell bar ("|" for the full-width "｜"), at most one blank line
in a row.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace

from peacetrack.pipeline.prepare.unwrap import join_hanging, unframe, unwrap, wrap_width
from peacetrack.pipeline.read.sniff import TEXT
from peacetrack.pipeline.records import Document

_BREAKS = re.compile(r"\r\n?|[\u2028\u2029\x0b\x0c\x85]")
_INVISIBLE = re.compile(r"[\u200b\u2060\ufeff\u00ad]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]")
_SPACES = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_BLANKS = re.compile(r"\n{3,}")
_BARS = re.compile(r"[｜￨]")


def normalise_text(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    text = _BREAKS.sub("\n", text)
    text = _INVISIBLE.sub("", text)
    text = _CONTROL.sub("", text)
    text = _SPACES.sub(" ", text)
    text = _BARS.sub("|", text)
    text = "\n".join(line.strip() for line in text.split("\n"))
    return _BLANKS.sub("\n\n", text).strip()


# Plain text lays out table cells and lists of names with runs of spaces ("겨레하나  녹색연합  민주노총",
# "10:00    Opening    Chair"); a run of two or more between words (not after a sentence's end, where a
# typist leaves two, a closing quote after it included, nor beside a dash: "8:30 -  9:00") is a cell
# break, written as the other readers write one.
_CELL_GAP = re.compile(
    # (a table's "No." header before its gap is no sentence's end: "No.  Organization  Country")
    r"(?:(?<=[^\s.!?:;,~\-–—])|(?<=\bNo\.))(?<![.!?][\"”’)）」』])[ \t\u3000]{2,}(?=[^\s~\-–—])"
)


def _cells(text: str) -> str:
    out = []
    for line in text.split("\n"):
        body = line.strip()
        cells = _CELL_GAP.split(body)
        # Three cells or more, none a lone letter (spaced-out labels: "주  최", "일  시"; a row's number
        # first, "  1  Women Cross DMZ  United States", is a cell, while "Annex  1  List of …" is a heading),
        # and not justified prose, whose cells are mostly small words ("governments  of  the  United").
        if (
            len(cells) >= _MIN_CELLS
            and all(len(cell) >= 2 or (k == 0 and cell.isdigit()) for k, cell in enumerate(cells))
            and not _justified(cells)
        ):
            line = line[: len(line) - len(line.lstrip())] + " | ".join(cells)
        out.append(line)
    return "\n".join(out)


_MIN_CELLS = 3


def _justified(cells: list[str]) -> bool:
    words = [word for cell in cells for word in cell.split()]
    small = sum(1 for word in words if word[0].isascii() and word[0].islower())
    return 2 * small >= len(words) or any(cell.endswith(",") for cell in cells)


def normalise(document: Document) -> Document:
    if document.media_type == TEXT:
        # The other readers rebuild paragraphs from the format's own structure; plain text has only its
        # indents (read before spaces are folded) and its line lengths.
        raw = _cells(unframe(_BREAKS.sub("\n", document.text)))
        joined = join_hanging(raw)
        if joined == raw:
            text = unwrap(normalise_text(raw))
        else:  # the wrap width is measured on the lines as written, before any join
            text = unwrap(normalise_text(joined), wrap_width(normalise_text(raw)))
    else:
        text = normalise_text(document.text)
    return replace(document, text=text)

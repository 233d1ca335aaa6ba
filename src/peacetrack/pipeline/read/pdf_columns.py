"""Two columns of text side by side on a PDF page, read one after the other.

A PDF gives a page's text as lines across the whole width, so a signatory list set in two columns comes
out as "1. Korea Peace Now! … 21. National Association …": the left column's item and the right one's on
one line. Where three or more lines break at the same wide gap near the middle of the page, and the
text either side is more than a label ("Organisers  Peace Boat" is a label and its value, kept as it is),
the run of lines is read as two columns: the left column's lines, then the right one's.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from peacetrack.pipeline.lines import OPENS_ITEM

Raw = dict[str, Any]


_MIN_LINES = 3
_MIN_GAP = 20.0  # points: wider than any space between words
_SPACE = 8.0  # points: the least gap two columns leave between them
_NEAR = 3.0  # points: how far apart two column edges may be and still be one edge
_MIDDLE = (0.35, 0.65)  # where on the page a gutter between two columns lies (share of the width)
_BLOCK_GAP = 1.5  # line heights of space between two lines that ends a run of columns
_LABEL_LENGTH = 15  # a left side this short is a label column, not a column of text


def _gap_starts(raw: Raw) -> list[tuple[float, int]]:
    """(where the text after each wide gap starts, the index of its first character)."""
    chars = raw.get("chars") or []
    if len(chars) < 4:
        return []
    widths = sorted(c["x1"] - c["x0"] for c in chars)
    wide = max(_MIN_GAP, 4 * widths[len(widths) // 2])
    return [
        (chars[i + 1]["x0"], i + 1)
        for i in range(len(chars) - 1)
        if chars[i + 1]["x0"] - chars[i]["x1"] > wide
    ]


def _cut(raw: Raw, gutter: float) -> tuple[Raw, Raw] | None:
    """The line's parts either side of the gutter, if it breaks there."""
    chars = raw["chars"]
    text: str = raw["text"]
    if sum(1 for ch in text if not ch.isspace()) != len(chars):
        return None  # marks were set into the text: its characters no longer line up with the boxes
    # The gap that spans the gutter (the right column's wrapped lines are often indented; a heading
    # in larger type leaves a narrower gap than the gutter finding needed).
    for k in range(1, len(chars)):
        x0 = chars[k]["x0"]
        if x0 >= gutter - _NEAR and chars[k - 1]["x1"] < gutter - _NEAR and x0 - chars[k - 1]["x1"] >= _SPACE:
            seen = 0
            for pos, ch in enumerate(text):
                if ch.isspace():
                    continue
                if seen == k:
                    left = {**raw, "text": text[:pos].rstrip(), "x1": chars[k - 1]["x1"], "chars": chars[:k]}
                    return left, {**raw, "text": text[pos:], "x0": x0, "chars": chars[k:]}
                seen += 1
    return None


def _gutter(raws: list[Raw], width: float) -> float | None:
    starts = Counter(round(x0) for raw in raws for x0, _ in _gap_starts(raw))
    best, count = None, 0
    for x in starts:
        near = sum(n for other, n in starts.items() if abs(other - x) <= _NEAR)
        if near > count and _MIDDLE[0] * width <= x <= _MIDDLE[1] * width:
            best, count = float(x), int(near)
    return best if count >= _MIN_LINES else None


def _emit(run: list[tuple[Raw | None, Raw | None, Raw]], offset: float, out: list[Raw]) -> float:
    """A run's lines into ``out``, as two columns when enough of them broke at the gutter; the extra
    height the right column adds, for the lines below."""
    cuts = [(left, right) for left, right, _ in run if left is not None and right is not None]
    lefts = sorted(len(left["text"]) for left, _ in cuts)
    # Two lists side by side number (or do not number) their items alike; numbered names beside
    # unnumbered affiliations are the rows of one table ("1. Rev. Daniel Y. Park   Pastor, …").
    numbered = [
        sum(1 for part in side if OPENS_ITEM.match(part["text"])) / len(cuts)
        for side in zip(*cuts, strict=True)
    ]
    if (
        len(cuts) < _MIN_LINES
        or lefts[len(lefts) // 2] < _LABEL_LENGTH
        or abs(numbered[0] - numbered[1]) > 0.5
    ):
        out.extend(_moved(whole, offset) for _, _, whole in run)
        return offset
    top = min(float(whole["top"]) for _, _, whole in run)
    bottom = max(float(whole["bottom"]) for _, _, whole in run)
    height = bottom - top + max(float(whole["bottom"] - whole["top"]) for _, _, whole in run)
    out.extend(_moved(left, offset) for left, _, _ in run if left is not None)
    out.extend(_moved(right, offset + height) for _, right, _ in run if right is not None)
    return offset + height


def _moved(raw: Raw, by: float) -> Raw:
    return raw if not by else {**raw, "top": raw["top"] + by, "bottom": raw["bottom"] + by}


def in_columns(raws: list[Raw], width: float) -> list[Raw]:
    """The page's lines with each run of two columns read left column first (tops moved to keep that
    order when lines are sorted by position). The page's first line (a masthead, a running head:
    "KOREA SECURITY WEEKLY · No. 48      Thursday, 20 December 2018") stays whole."""
    gutter = _gutter(raws, width)
    if gutter is None:
        return raws
    out: list[Raw] = []
    offset = 0.0
    run: list[tuple[Raw | None, Raw | None, Raw]] = []
    bottom = None
    for k, raw in enumerate(sorted(raws, key=lambda r: (round(r["top"]), r["x0"]))):
        if run and bottom is not None and raw["top"] - bottom > _BLOCK_GAP * (raw["bottom"] - raw["top"]):
            offset = _emit(run, offset, out)  # a wide space between lines: a block of its own begins
            run = []
        bottom = raw["bottom"]
        parts = _cut(raw, gutter) if k else None
        if parts is not None:
            run.append((parts[0], parts[1], raw))
        elif raw["x1"] < gutter - _NEAR:
            run.append((raw, None, raw))
        elif raw["x0"] >= gutter - _NEAR:
            run.append((None, raw, raw))
        else:  # a line across the gutter ends the run
            offset = _emit(run, offset, out)
            run = []
            out.append(_moved(raw, offset))
    _emit(run, offset, out)
    return out


__all__ = ["in_columns"]

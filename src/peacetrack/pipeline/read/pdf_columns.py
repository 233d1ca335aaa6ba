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

from peacetrack.model.languages import display_width, has_hangul
from peacetrack.pipeline.lines import OPENS_ITEM

Raw = dict[str, Any]


_MIN_LINES = 3
_MIN_GAP = 20.0  # points: wider than any space between words
_SPACE = 8.0  # points: the least gap two columns leave between them
_NEAR = 3.0  # points: how far apart two column edges may be and still be one edge
_OUTDENT = 10.0  # points: how far left of its items' edge a right column's heading may start
_MIDDLE = (0.35, 0.65)  # where on the page a gutter between two columns lies (share of the width)
_BLOCK_GAP = 1.5  # line heights of space between two lines that ends a run of columns
_LABEL_LENGTH = 15  # a left side this short is a label column, not a column of text
_SHORT_NAMES = 8  # ... unless it is as long as the right side (two lists of short Korean names)
_LIKE_RIGHT = 0.6
_HEADING_OFF = 15.0  # points: the most a heading between two blocks of names stands off their edge
_MOSTLY = 2 / 3  # ... and two lists side by side break at the gutter on most lines (a table's cells wrap)


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
    # A heading of the right column may stand out to the left of its items ("Australia" over indented
    # names): the gap may start up to _OUTDENT before the gutter.
    for k in range(1, len(chars)):
        x0 = chars[k]["x0"]
        if (
            x0 >= gutter - _OUTDENT
            and chars[k - 1]["x1"] < x0 - _SPACE
            and chars[k - 1]["x1"] < gutter - _NEAR
        ):
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


Entry = tuple[Raw | None, Raw | None, Raw]  # (left part, right part, the whole line)


def _cut_both(entry: Entry) -> bool:
    return entry[0] is not None and entry[1] is not None


def _emit(run: list[Entry], offset: float, out: list[Raw]) -> float:
    """A run's lines into ``out``, as two columns where enough of them broke at the gutter; the extra
    height the right columns add, for the lines below. A line on the left alone between two lines that
    broke, set in from the column's edge, is a heading across both columns ("[개인]" between two blocks
    of names): it parts the run. (A table's row with an empty cell starts where its neighbours do.)"""
    for k in range(1, len(run) - 1):
        if run[k][1] is None and _cut_both(run[k - 1]) and _cut_both(run[k + 1]) and _set_apart(run, k):
            offset = _emit_run(run[:k], offset, out)
            out.append(_moved(run[k][2], offset))
            return _emit(run[k + 1 :], offset, out)
    return _emit_run(run, offset, out)


def _set_apart(run: list[Entry], k: int) -> bool:
    """The lines either side start at one edge, and line ``k`` a little way off it (a table's cell that
    wraps starts far off, under its own column's edge)."""
    above, below = run[k - 1][0], run[k + 1][0]
    if above is None or below is None or abs(float(above["x0"]) - float(below["x0"])) > _NEAR:
        return False
    return _NEAR < abs(float(run[k][2]["x0"]) - float(above["x0"])) <= _HEADING_OFF


def _emit_run(run: list[Entry], offset: float, out: list[Raw]) -> float:
    # Lines above the first that breaks at the gutter are not yet in columns (a date set flush right
    # over a list would otherwise head its right column).
    first = next((k for k, entry in enumerate(run) if _cut_both(entry)), len(run))
    out.extend(_moved(whole, offset) for _, _, whole in run[:first])
    run = run[first:]
    if not run:
        return offset
    cuts = [(left, right) for left, right, _ in run if left is not None and right is not None]
    lefts = sorted(len(left["text"]) for left, _ in cuts)
    # Two lists side by side number (or do not number) their items alike; numbered names beside
    # unnumbered affiliations are the rows of one table ("1. Rev. Daniel Y. Park   Pastor, …").
    numbered = [
        sum(1 for part in side if OPENS_ITEM.match(part["text"])) / len(cuts)
        for side in zip(*cuts, strict=True)
    ]
    if len(cuts) < _MIN_LINES or abs(numbered[0] - numbered[1]) > 0.5:
        out.extend(_moved(whole, offset) for _, _, whole in run)
        return offset
    # A label column ("Organisers", "일 시") is short beside its values. Two lists side by side are alike
    # in width, and a Korean organisation's name is often only five to seven syllables.
    # (A right side alone on a line is a table's wrapped cell; without any, the lines left alone are a
    # column's group headings and its last names: "【종교】", "참여연대†".)
    alone_right = any(left is None for left, _, _ in run)
    mostly = len(cuts) >= _MOSTLY * len(run) or not alone_right
    if lefts[len(lefts) // 2] < _LABEL_LENGTH and not (_alike(cuts) and mostly):
        out.extend(_moved(whole, offset) for _, _, whole in run)
        return offset
    top = min(float(whole["top"]) for _, _, whole in run)
    bottom = max(float(whole["bottom"]) for _, _, whole in run)
    height = bottom - top + max(float(whole["bottom"] - whole["top"]) for _, _, whole in run)
    # Marked as read from columns: a column's lines are list items, which page_blocks joins only where
    # the words say a name runs on (its right margin is no measure: the longest item sets it).
    out.extend(_moved({**left, "listed": True}, offset) for left, _, _ in run if left is not None)
    out.extend(_moved({**right, "listed": True}, offset + height) for _, right, _ in run if right is not None)
    return offset + height


def _alike(cuts: list[tuple[Raw, Raw]]) -> bool:
    """The two sides' parts are alike in width (in type, Hangul counting two) and in script, as two
    lists are (a bilingual table has Korean names on one side, English on the other)."""
    lefts = sorted(display_width(left["text"]) for left, _ in cuts)
    rights = sorted(display_width(right["text"]) for _, right in cuts)
    left, right = lefts[len(lefts) // 2], rights[len(rights) // 2]
    korean = [
        sum(1 for part in side if has_hangul(part["text"])) / len(cuts) for side in zip(*cuts, strict=True)
    ]
    return (
        min(left, right) >= _SHORT_NAMES
        and min(left, right) >= _LIKE_RIGHT * max(left, right)
        and abs(korean[0] - korean[1]) <= 0.5
    )


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
    run: list[Entry] = []
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
        elif raw["x0"] >= gutter - _OUTDENT:
            run.append((None, raw, raw))
        else:  # a line across the gutter ends the run
            offset = _emit(run, offset, out)
            run = []
            out.append(_moved(raw, offset))
    _emit(run, offset, out)
    return out


__all__ = ["in_columns"]

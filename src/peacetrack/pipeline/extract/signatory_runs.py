"""Lists whose items run on within a line or across lines: numbered items set side by side ("1. A 2. B",
a numbered list in two columns), and lists set apart by a spaced slash or middle dot, which a PDF wraps
anywhere, even inside a name; a sector label in brackets parts such a list as a separator does.
"""

from __future__ import annotations

import re
from itertools import pairwise

from peacetrack.model.languages import display_width
from peacetrack.pipeline.extract import dates
from peacetrack.pipeline.extract.signatory_lines import SPACED_SEPARATOR, Line, Name, unmark
from peacetrack.pipeline.lines import RUNS_ON_END

# A sector set before its names: "〔노동〕 A; B; C", "[종교] …".
SECTOR_LABEL = re.compile(r"\s*[〔【\[]\s*[^\]】〕]{1,8}\s*[〕】\]]\s*")


_ITEM_NUMBER = re.compile(r"(?:^|(?<=\s))(\d{1,3})[.)]\s+(?=\S)")


def numbered_items(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A line holding several numbered items one after another ("1. A 2. B"), or a numbered list set in
    columns that a PDF reads across ("1. A 16. B", "1. A 11. B 21. C"): each item, when the line opens
    with a number and the numbers that follow count on by one or, all of them, jump on by a column's
    length."""
    marks = list(_ITEM_NUMBER.finditer(text, start, end))
    if len(marks) < 2 or marks[0].start() != start:
        return []
    kept = [marks[0]]
    for mark in marks[1:]:
        if int(mark.group(1)) == int(kept[-1].group(1)) + 1:
            kept.append(mark)
    numbers = [int(m.group(1)) for m in marks]
    steps = {b - a for a, b in pairwise(numbers)}
    if len(kept) < 2 and len(steps) == 1 and min(steps) > 2 and len(marks) <= 4:
        kept = marks  # the same jump each time: one column's length
    if len(kept) < 2:
        return []
    return [(m.end(), kept[k + 1].start() if k + 1 < len(kept) else end) for k, m in enumerate(kept)]


def spaced_run(text: str, lines: list[Line], k: int) -> tuple[int, list[Name]] | None:
    """A list set apart by a spaced slash or dot from line k on, wrapped over the lines that go on with
    it (a PDF breaks such a list anywhere, even inside a name): its last line and its names."""
    found = [m.group(1) for m in SPACED_SEPARATOR.finditer(lines[k].text)]
    if not found or lines[k].text.count("|") or dates.scan(lines[k].text):
        return None  # a table row, or a dateline ("Seoul / Tokyo / Washington, March 4, 2019")
    symbol = max(set(found), key=found.count)
    last = k
    while (
        last + 1 < len(lines)
        and not lines[last + 1].blank_before
        and (
            any(m.group(1) == symbol for m in SPACED_SEPARATOR.finditer(lines[last + 1].text))
            or lines[last].text.endswith(symbol)  # the list goes on onto a line of one name
            or lines[last + 1].text.startswith(("(", "（"))  # the last name's affiliation, wrapped
        )
    ):
        last += 1
    run = lines[k : last + 1]
    separators = sum(line.text.count(f" {symbol}") + line.text.endswith(symbol) for line in run)
    sectors = sum(1 for _ in SECTOR_LABEL.finditer(lines[k].text))  # "【종교】 A / B": two parts as well
    if separators + sectors < 2 and not _pair(run, symbol):
        return None
    start, end = lines[k].start, lines[last].end
    # A sector set before its names ("【여성】 A / B") parts the names as a separator does; so does the
    # end of a line that stops short of the run's longest, a row of its own rather than one wrapped.
    longest = max(display_width(line.text) for line in run)
    # (Only where no line ends or opens with the separator: a list that wraps puts it there somewhere.)
    rows = not any(line.text.endswith(symbol) or line.text.startswith(symbol) for line in run)
    breaks = [
        (line.end, line.end)
        for line, after in pairwise(run)
        if rows
        and display_width(line.text) < _SHORT_ROW * longest
        and _would_fit(line.text, after.text, longest)
        and not RUNS_ON_END.search(line.text)
        and not after.text.startswith(("(", "（"))
    ]
    cuts = sorted(
        [(m.start(), m.end()) for m in SPACED_SEPARATOR.finditer(text, start, end) if m.group(1) == symbol]
        + [(m.start(), m.end()) for m in SECTOR_LABEL.finditer(text, start, end)]
        + breaks
    )
    names = []
    at = start
    for cut_start, cut_end in [*cuts, (end, end)]:
        if cut_start >= at and (name := unmark(text, at, cut_start)) is not None:
            names.append(name)
        at = max(at, cut_end)
    return last, names


# Of the run's longest line, in type's width: a line this much shorter ended where its author ended it.
_SHORT_ROW = 0.8


def _would_fit(line: str, after: str, longest: int) -> bool:
    """The next line's first word would have fitted on this one: wrapping did not end it."""
    first = after.split(" ", 1)[0]
    return display_width(line) + 1 + display_width(first) <= longest


def _pair(run: list[Line], symbol: str) -> bool:
    """One line of two names ("전국민주노동조합총연맹 · 한국노동조합총연맹"): short, both sides a name."""
    if len(run) != 1 or len(run[0].text) > _PAIR_LENGTH:
        return False
    parts = [part.strip() for part in run[0].text.split(f" {symbol} ")]
    return len(parts) == 2 and all(len(part) >= 2 and not re.search(r"[.!?:]$|\d", part) for part in parts)


_PAIR_LENGTH = 60


_ACRONYM = re.compile(r"\(([A-Z]{3,8})\)\W*$")
_CAPITALISED = re.compile(r"\b[A-Z]")


def _subsequence(short: str, long: str) -> bool:
    letters = iter(long)
    return all(letter in letters for letter in short)


def acronym_joins(text: str, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Pieces of a comma list joined again where a name held a comma: "Asia Pacific Forum on Women, Law
    and Development (APWLD)" is one name, as its acronym spells only across the comma."""
    out: list[tuple[int, int]] = []
    for a, b in pieces:
        found = _ACRONYM.search(text, a, b)
        if out and found is not None:
            acronym = found.group(1)
            own = "".join(_CAPITALISED.findall(text, a, found.start()))
            before = "".join(_CAPITALISED.findall(text, *out[-1]))
            if not _subsequence(acronym, own) and _subsequence(acronym, before + own):
                out[-1] = (out[-1][0], b)
                continue
        out.append((a, b))
    return out


__all__ = ["SECTOR_LABEL", "acronym_joins", "numbered_items", "spaced_run"]

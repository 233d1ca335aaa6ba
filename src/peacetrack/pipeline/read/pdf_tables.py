"""Tables a PDF draws without rules: cells told apart by wide gaps that line up from row to row.

pdfplumber finds ruled tables; a programme set as a grid of text without lines ("Day  Session  Format")
comes out as lines whose cells run together, and the reader joined them into one paragraph:
"Wed., Oct. 30 Opening Session: … Public Panel 1: …". Here a run of lines breaking at wide gaps on three
or more shared column edges is read as a table, and each row is given as its cells joined by " | ",
as a ruled table's rows are. A cell that wraps (a line closer to the one above than the rows are to
each other, with nothing in the first column) joins its row.
"""

from __future__ import annotations

from itertools import pairwise
from typing import Any

from peacetrack.model.languages import display_width

Raw = dict[str, Any]

_MIN_COLUMNS = 3  # two are a label and its value ("Venue   Stimson Center"), read as lines already
_MIN_ROWS = 3  # lines that break into cells
_NEAR = 4.0  # points: how far apart two cells' left edges may be and still be one column's edge
_MIN_GAP = 12.0  # points: a gap this wide (and wider than 2.5 characters) parts two cells
_LINE_GAP = 1.6  # line heights of space between two lines that ends the table
_LONG = 30  # a column whose cells are mostly this wide (Hangul counting two) holds running text
_WRAPPED = 0.8  # a line this much closer to the one above than the rows' usual pitch runs on from it


def cells(raw: Raw) -> list[tuple[float, str]] | None:
    """The line's parts as (left edge, text), parted where the gap between two characters is wide;
    None when the text and the drawn characters do not pair one to one."""
    chars = raw.get("chars") or []
    text: str = raw["text"]
    if raw.get("listed") or not chars or sum(1 for ch in text if not ch.isspace()) != len(chars):
        return None
    widths = sorted(c["x1"] - c["x0"] for c in chars)
    wide = max(_MIN_GAP, 2.5 * widths[len(widths) // 2])
    out: list[tuple[float, str]] = []
    start, seen, begin = float(chars[0]["x0"]), 0, 0
    for pos, ch in enumerate(text):
        if ch.isspace():
            continue
        if seen and chars[seen]["x0"] - chars[seen - 1]["x1"] > wide:
            out.append((start, text[begin:pos].strip()))
            start, begin = float(chars[seen]["x0"]), pos
        seen += 1
    out.append((start, text[begin:].strip()))
    return out


def _edges(parted: list[list[tuple[float, str]]]) -> list[float]:
    """Column edges: left edges of cells that at least two broken lines share."""
    starts = sorted(x for row in parted if len(row) > 1 for x, _ in row)
    edges: list[float] = []
    for x in starts:
        if edges and x - edges[-1] <= _NEAR:
            continue
        if sum(1 for row in parted if len(row) > 1 and any(abs(x - y) <= _NEAR for y, _ in row)) >= 2:
            edges.append(x)
    return edges


def _column(x: float, edges: list[float]) -> int | None:
    return next((k for k, edge in enumerate(edges) if abs(x - edge) <= _NEAR), None)


def _rows(run: list[tuple[Raw, list[tuple[float, str]]]], edges: list[float]) -> list[str]:
    tops = [float(raw["top"]) for raw, _ in run]
    pitches = sorted(b - a for a, b in pairwise(tops))
    usual = pitches[len(pitches) // 2] if pitches else 0.0
    rows: list[dict[int, str]] = []
    for k, (_, parts) in enumerate(run):
        placed = {_column(x, edges): text for x, text in parts}
        wrapped = k > 0 and 0 not in placed and tops[k] - tops[k - 1] < _WRAPPED * usual
        if wrapped and rows:
            row = rows[-1]
            for column, text in placed.items():
                row[column or 0] = f"{row[column]} {text}" if column in row else text
            continue
        rows.append({column or 0: text for column, text in placed.items()})
    return [" | ".join(row[c] for c in sorted(row)) for row in rows]


def _table(run: list[tuple[Raw, list[tuple[float, str]]]]) -> tuple[float, list[str]] | None:
    parted = [parts for _, parts in run]
    edges = _edges(parted)
    if len(edges) < _MIN_COLUMNS:
        return None
    # Every line's cells start on the table's column edges (a line of prose beside it does not), and no
    # single cell runs across the next column's edge (a paragraph below the table does).
    if any(_column(x, edges) is None for parts in parted for x, _ in parts):
        return None
    for raw, parts in run:
        following = (_column(parts[0][0], edges) or 0) + 1
        if len(parts) == 1 and following < len(edges) and float(raw["x1"]) > edges[following]:
            return None
    if sum(1 for parts in parted if len(parts) > 1) < _MIN_ROWS:
        return None
    # Prose set in columns fills each column's width; a table has at most one column of long text.
    widths: dict[int, list[int]] = {}
    for parts in parted:
        for x, text in parts:
            widths.setdefault(_column(x, edges) or 0, []).append(display_width(text))
    if sum(1 for w in widths.values() if sorted(w)[len(w) // 2] >= _LONG) > 1:
        return None
    # A table of contents: its last column is page numbers (its titles are not a programme's rows).
    last = [text for parts in parted for x, text in parts if _column(x, edges) == len(edges) - 1]
    if all(text.isdigit() for text in last):
        return None
    return float(run[0][0]["top"]), _rows(run, edges)


def text_tables(raws: list[Raw]) -> tuple[list[tuple[float, tuple[str, ...]]], list[Raw]]:
    """The page's tables drawn without rules, as (top, rows), and the lines left outside them."""
    ordered = sorted(raws, key=lambda r: (round(r["top"]), r["x0"]))
    parted = [cells(raw) for raw in ordered]  # once a line: a run that is no table is tried from each line
    tables: list[tuple[float, tuple[str, ...]]] = []
    rest: list[Raw] = []
    k = 0
    while k < len(ordered):
        first = parted[k]
        if first is None or len(first) < 2:
            rest.append(ordered[k])
            k += 1
            continue
        run = [(ordered[k], first)]
        j = k + 1
        while j < len(ordered):
            raw, above = ordered[j], run[-1][0]
            height = float(above["bottom"]) - float(above["top"])
            parts = parted[j]
            if parts is None or float(raw["top"]) - float(above["bottom"]) > _LINE_GAP * height:
                break
            run.append((raw, parts))
            j += 1
        found = _longest_table(run)
        if found is None:
            rest.append(ordered[k])
            k += 1
            continue
        end, table = found
        tables.append((table[0], tuple(table[1])))
        k += end
    return tables, rest


def _longest_table(
    run: list[tuple[Raw, list[tuple[float, str]]]],
) -> tuple[int, tuple[float, list[str]]] | None:
    """The longest start of ``run`` that reads as a table, with its length."""
    for end in range(len(run), _MIN_ROWS - 1, -1):
        table = _table(run[:end])
        if table is not None:
            return end, table
    return None


__all__ = ["cells", "text_tables"]

"""Chart geometry, computed on the server: templates draw it as inline SVG.

Nothing here writes markup, so every label reaches the page through Jinja's
autoescaping. The trajectory chart also carries its numbers as JSON for the
small script that adds a keyboard- and pointer-driven read-out.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from peacetrack.scoring import HistoryEntry, ScoreRow

# Okabe-Ito: told apart by people with the common colour-vision deficiencies.
PALETTE: tuple[str, ...] = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000")
DASHES: tuple[str, ...] = ("", "6 3", "2 3", "8 3 2 3", "", "6 3", "2 3")
LEVEL_COLOURS: tuple[str, ...] = ("#d9d9d9", "#9ecae1", "#4292c6", "#08519c")
REVERSED_COLOUR = "#c0392b"


@dataclass(frozen=True, slots=True)
class Tick:
    pos: float
    label: str


@dataclass(frozen=True, slots=True)
class Line:
    key: str
    name: str
    colour: str
    dash: str
    path: str
    end_x: float
    end_y: float


@dataclass(frozen=True, slots=True)
class TableRow:
    label: str
    values: list[float | None]


@dataclass(frozen=True, slots=True)
class Frame:
    """A chart's size and its plot area inside the margins, in SVG user units."""

    width: int
    height: int
    left: float
    right: float
    top: float
    bottom: float


@dataclass(frozen=True, slots=True)
class LineChart(Frame):
    lines: list[Line]
    xticks: list[Tick]
    yticks: list[Tick]
    marker_x: float | None
    marker_label: str
    table: list[TableRow]
    """Values at each year end (and the last month): the chart as a table."""
    data: dict[str, Any]
    """What the read-out script needs: x positions, month labels, each line's values."""

    @property
    def empty(self) -> bool:
        return not self.lines


def trajectory(
    series: Mapping[str, Sequence[tuple[date, ScoreRow]]],
    names: Mapping[str, str],
    *,
    start: date,
    end: date,
    marker: date | None,
    marker_label: str,
    month_label: Callable[[date], str],
    width: int = 760,
    height: int = 300,
) -> LineChart:
    """Score (0-100) of each key at each month end from ``start`` to ``end``."""
    left, top, right, bottom = 40.0, 14.0, width - 14.0, height - 28.0
    months = sorted({d for points in series.values() for d, _ in points})
    span = max((end - start).days, 1)

    def x(d: date) -> float:
        return round(left + (right - left) * (d - start).days / span, 1)

    def y(score: float) -> float:
        return round(bottom - (bottom - top) * score / 100, 1)

    lines: list[Line] = []
    values_by_key: list[dict[str, Any]] = []
    keys = [k for k in series if series[k]]
    for i, key in enumerate(keys):
        points = series[key]
        colour, dash = PALETTE[i % len(PALETTE)], DASHES[i % len(DASHES)]
        path = " ".join(f"{'M' if j == 0 else 'L'}{x(d)},{y(row.score)}" for j, (d, row) in enumerate(points))
        last_d, last_row = points[-1]
        lines.append(Line(key, names.get(key, key), colour, dash, path, x(last_d), y(last_row.score)))
        by_day = {d: row for d, row in points}
        values_by_key.append(
            {
                "name": names.get(key, key),
                "colour": colour,
                "values": [by_day[m].score if m in by_day else None for m in months],
                "reversed": [by_day[m].reversed if m in by_day else None for m in months],
            }
        )
    table: list[TableRow] = []
    for k, m in enumerate(months):
        if m.month == 12 or k == len(months) - 1:
            table.append(TableRow(month_label(m), [v["values"][k] for v in values_by_key]))
    xticks = [Tick(x(date(year, 1, 1)), str(year)) for year in range(start.year + 1, end.year + 1)]
    if start.month == 1 and start.day == 1:
        xticks.insert(0, Tick(x(start), str(start.year)))
    yticks = [Tick(y(v), str(v)) for v in (0, 25, 50, 75, 100)]
    marker_x = x(marker) if marker is not None and start <= marker <= end else None
    data = {
        "xs": [x(m) for m in months],
        "months": [month_label(m) for m in months],
        "series": values_by_key,
    }
    return LineChart(
        width, height, left, right, top, bottom, lines, xticks, yticks, marker_x, marker_label, table, data
    )


@dataclass(frozen=True, slots=True)
class Segment:
    x1: float
    x2: float
    y: float
    reversed: bool


@dataclass(frozen=True, slots=True)
class Sparkline:
    width: int
    height: int
    segments: list[Segment]
    risers: list[tuple[float, float, float]]
    """(x, y1, y2) vertical connectors where the level changes."""
    marker_x: float | None
    baseline: float


def sparkline(
    steps: Sequence[HistoryEntry],
    *,
    start: date,
    end: date,
    marker: date | None,
    width: int = 140,
    height: int = 30,
) -> Sparkline:
    """A step line of a provision's level (0-3) over [start, end]; red where reversed."""
    pad = 3.0
    span = max((end - start).days, 1)

    def x(d: date) -> float:
        d = min(max(d, start), end)
        return round(pad + (width - 2 * pad) * (d - start).days / span, 1)

    def y(level: int) -> float:
        return round(height - pad - (height - 2 * pad) * level / 3, 1)

    segments: list[Segment] = []
    risers: list[tuple[float, float, float]] = []
    level, rev, since = 0, False, start
    for entry in steps:
        if entry.as_of > end:
            break
        if entry.level != level or entry.reversed != rev:
            if entry.as_of > since:
                segments.append(Segment(x(since), x(entry.as_of), y(level), rev))
            if entry.level != level:
                risers.append((x(entry.as_of), y(level), y(entry.level)))
            level, rev, since = entry.level, entry.reversed, max(entry.as_of, start)
    segments.append(Segment(x(since), x(end), y(level), rev))
    marker_x = x(marker) if marker is not None and start <= marker <= end else None
    return Sparkline(width, height, segments, risers, marker_x, y(0))


@dataclass(frozen=True, slots=True)
class Rect:
    """A rectangle of a chart, in SVG user units from the top left."""

    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True, slots=True)
class Bar(Rect):
    colour: str
    count: int
    label: str
    href: str | None = None


@dataclass(frozen=True, slots=True)
class BarChart:
    width: int
    height: int
    bars: list[Bar]
    ticks: list[Tick] = field(default_factory=list)
    max_count: int = 0


def month_last_day(year: int, month: int) -> date:
    following = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
    return date.fromordinal(following.toordinal() - 1)


def level_bar(
    levels: Mapping[str, int], labels: Sequence[str], *, width: int = 120, height: int = 14
) -> BarChart:
    """One stacked bar: how many provisions stand at each level 0-3."""
    total = sum(levels.get(str(k), 0) for k in range(4)) or 1
    bars: list[Bar] = []
    at = 0.0
    for k in range(4):
        n = levels.get(str(k), 0)
        w = round(width * n / total, 2)
        if n:
            bars.append(Bar(at, 0, w, height, LEVEL_COLOURS[k], n, labels[k]))
        at += w
    return BarChart(width, height, bars)


def month_bars(
    counts: Mapping[tuple[int, int], int],
    *,
    href: Callable[[date, date], str],
    label: Callable[[date, int], str],
    width: int = 1000,
    height: int = 96,
) -> BarChart:
    """Events per month over the months from the first to the last with any, each bar a link."""
    if not counts:
        return BarChart(width, height, [])
    first, last = min(counts), max(counts)
    months: list[tuple[int, int]] = []
    y, m = first
    while (y, m) <= last:
        months.append((y, m))
        y, m = (y, m + 1) if m < 12 else (y + 1, 1)
    top_count = max(counts.values())
    plot_h = height - 18
    slot = width / len(months)
    bars: list[Bar] = []
    ticks: list[Tick] = []
    for i, (yy, mm) in enumerate(months):
        n = counts.get((yy, mm), 0)
        month_start = date(yy, mm, 1)
        month_end = month_last_day(yy, mm)
        h = round(plot_h * n / top_count, 1) if n else 0.0
        if mm == 1 or (i == 0 and mm <= 9):
            ticks.append(Tick(round(i * slot, 1), str(yy)))
        if n:
            bars.append(
                Bar(
                    round(i * slot + slot * 0.1, 2),
                    round(plot_h - h, 1),
                    max(round(slot * 0.8, 2), 1.0),
                    h,
                    PALETTE[0],
                    n,
                    label(month_start, n),
                    href(month_start, month_end),
                )
            )
    return BarChart(width, height, bars, ticks, top_count)


@dataclass(frozen=True, slots=True)
class StepPoint:
    x: float
    y: float
    label: str
    anchor: str
    reversed: bool


@dataclass(frozen=True, slots=True)
class StepChart(Frame):
    """A provision's level over time, with axes, for its own page."""

    line: Sparkline
    levels: list[Tick]
    years: list[Tick]
    points: list[StepPoint]
    marker_x: float | None


def step_chart(
    steps: Sequence[HistoryEntry],
    *,
    start: date,
    end: date,
    marker: date | None,
    point_label: Callable[[HistoryEntry], str],
    width: int = 720,
    height: int = 170,
) -> StepChart:
    """The level (0-3) of one provision from ``start`` to ``end``, each assessment a point."""
    left, right, top, bottom = 34.0, width - 12.0, 12.0, height - 26.0
    inner_w, inner_h = int(right - left), int(bottom - top)
    line = sparkline(steps, start=start, end=end, marker=marker, width=inner_w + 6, height=inner_h + 6)
    span = max((end - start).days, 1)

    def x(d: date) -> float:
        d = min(max(d, start), end)
        return round(left + (right - left) * (d - start).days / span, 1)

    def y(level: int) -> float:
        return round(bottom - (bottom - top) * level / 3, 1)

    levels = [Tick(y(k), str(k)) for k in range(4)]
    years = [Tick(x(date(year, 1, 1)), str(year)) for year in range(start.year + 1, end.year + 1)]
    points = [
        StepPoint(x(s.as_of), y(s.level), point_label(s), f"step-{s.as_of.isoformat()}", s.reversed)
        for s in steps
        if start <= s.as_of <= end
    ]
    marker_x = x(marker) if marker is not None and start <= marker <= end else None
    return StepChart(width, height, left, right, top, bottom, line, levels, years, points, marker_x)

"""Geometry of the security environment chart: monthly bars of the index beside the implementation score.

Computed here, drawn as inline SVG by ``_environment.html``: each bar is a link to
the events behind its month, thin months are drawn hollow, months without events
are left empty (never a calm zero), and the largest moves carry the title of their
heaviest event.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from peacetrack.environment.index import Row
from peacetrack.web.pages.charts import Frame, Rect, Tick


@dataclass(frozen=True, slots=True)
class Bar(Rect):
    positive: bool
    thin: bool
    period: str
    title: str


@dataclass(frozen=True, slots=True)
class Label:
    x: float
    y: float
    text: str
    anchor: str


@dataclass(frozen=True, slots=True)
class ClimateChart(Frame):
    zero_y: float
    bars: list[Bar]
    labels: list[Label]
    xticks: list[Tick]
    yticks: list[Tick]
    score_path: str
    score_ticks: list[Tick]

    @property
    def empty(self) -> bool:
        return not self.bars


def _nice(value: float) -> float:
    for step in (5, 10, 20, 25, 50, 100, 200, 250, 500, 1000):
        if value <= step:
            return float(step)
    return float(int(value / 1000 + 1) * 1000)


def climate_chart(
    rows: Sequence[Row],
    *,
    heaviest: Mapping[str, str],
    scores: Sequence[tuple[date, float]],
    describe: Callable[[Row], str],
    year_label: Callable[[date], str],
    labels: int = 5,
    width: int = 760,
    height: int = 280,
) -> ClimateChart:
    """``rows`` are monthly; ``heaviest`` gives a period's heaviest event title (for the labels);
    ``scores`` the overall implementation score at month ends (0–100, drawn on the right axis)."""
    left, right, top, bottom = 44.0, width - 40.0, 28.0, height - 26.0
    n = max(len(rows), 1)
    step = (right - left) / n
    extent = _nice(max((abs(r.index) for r in rows if r.index is not None), default=0.0) or 1.0)
    mid = (top + bottom) / 2

    def y_of(value: float) -> float:
        return mid - value / extent * (bottom - top) / 2

    bars: list[Bar] = []
    for k, row in enumerate(rows):
        if row.index is None:
            continue
        y = y_of(max(row.index, 0.0))
        bars.append(
            Bar(
                left + k * step + step * 0.12,
                y,
                step * 0.76,
                max(abs(y_of(row.index) - mid), 0.5),
                row.index >= 0,
                row.thin,
                row.period,
                describe(row),
            )
        )
    # The largest moves, heaviest first, each kept only if it does not crowd a label already placed
    # on the same side of the line (labels run about 190 px wide at this size).
    position = {r.period: k for k, r in enumerate(rows)}
    placed: list[Label] = []
    taken: list[tuple[float, bool]] = []
    for row in sorted((r for r in rows if r.index is not None), key=lambda r: -abs(r.index or 0.0)):
        if len(placed) >= labels:
            break
        text = heaviest.get(row.period)
        value = row.index or 0.0
        x = left + (position[row.period] + 0.5) * step
        if not text or any(abs(x - tx) < 190 and side == (value >= 0) for tx, side in taken):
            continue
        taken.append((x, value >= 0))
        y = y_of(value) + (-4 if value >= 0 else 12)
        anchor = "start" if x < (left + right) / 2 else "end"
        short = text if len(text) <= 34 else text[:32] + "…"
        placed.append(Label(x, y, short, anchor))
    placed.sort(key=lambda label: label.x)
    xticks = [
        Tick(left + k * step, year_label(row.start)) for k, row in enumerate(rows) if row.start.month == 1
    ]
    yticks = [
        Tick(y_of(v), f"{v:+.0f}" if v else "0") for v in (-extent, -extent / 2, 0.0, extent / 2, extent)
    ]
    month_of = {(r.start.year, r.start.month): k for k, r in enumerate(rows)}
    points = [
        (left + (month_of[(d.year, d.month)] + 0.5) * step, bottom - score / 100 * (bottom - top))
        for d, score in scores
        if (d.year, d.month) in month_of
    ]
    path = "".join(f"{'M' if i == 0 else 'L'}{x:.1f},{y:.1f}" for i, (x, y) in enumerate(points))
    score_ticks = [Tick(bottom - v / 100 * (bottom - top), f"{v}") for v in (0, 50, 100)]
    return ClimateChart(
        width, height, left, right, top, bottom, mid, bars, placed, xticks, yticks, path, score_ticks
    )

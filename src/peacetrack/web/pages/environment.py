"""The security environment page: the index beside implementation, the events behind each point."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from fastapi import APIRouter
from fastapi.responses import Response

from peacetrack.environment.index import Row
from peacetrack.environment.service import (
    Climate,
    behind,
    index_rows,
    row_json,
    versus_json,
)
from peacetrack.errors import BadInput
from peacetrack.model.codebook import EventType
from peacetrack.scoring import Series
from peacetrack.store import Store
from peacetrack.store.processes import ProcessInfo
from peacetrack.web.deps import Lang, VersionedCache
from peacetrack.web.pages.climate_chart import ClimateChart, climate_chart
from peacetrack.web.pages.common import (
    PageError,
    PageOf,
    csv_download,
    json_download,
    parse_day,
    parse_format,
)
from peacetrack.web.pages.kit import View
from peacetrack.web.queries import scores as sq
from peacetrack.web.queries.environment import climate_of

router = APIRouter()

_BY_OF_PERIOD = (
    (re.compile(r"^\d{4}-\d{2}$"), "month"),
    (re.compile(r"^\d{4}-W\d{2}$"), "week"),
    (re.compile(r"^\d{4}-\d{2}-\d{2}$"), "day"),
)


def overall_scores(series: Series) -> list[tuple[date, float]]:
    """The score of all provisions together at each month end, from the per-agreement series."""
    totals: dict[date, list[int]] = {}
    for points in series.values():
        for day, row in points:
            acc = totals.setdefault(day, [0, 0])
            acc[0] += sum(int(k) * n for k, n in row.levels.items())
            acc[1] += row.provisions
    return [(d, 100 * s / (3 * p)) for d, (s, p) in sorted(totals.items()) if p]


def chart_for(
    store: Store,
    cache: VersionedCache,
    view: View,
    lang: Lang,
    start: date,
    end: date,
    dyad: str | None = None,
    *,
    process: ProcessInfo | None = None,
) -> ClimateChart:
    """The monthly chart of the index from ``start`` to ``end``, with the implementation score beside it
    (of one process's pairs and agreements, when given)."""
    cl = climate_of(store, cache, lang)
    scope = process.agreements if process else None
    months = index_rows(cl, dyad=dyad, by="month", start=start, end=end, agreements=scope)
    heaviest = {}
    for row in months:
        if row.index is not None:
            found = behind(cl, row, dyad=dyad, agreements=scope)
            if found:
                heaviest[row.period] = found[0].event.title
    score_series = sq.monthly(store, cache, "agreement", end, process.id if process else None)
    return climate_chart(
        months,
        heaviest=heaviest,
        scores=overall_scores(score_series),
        describe=lambda r: view.t(
            "environment.bar", period=r.period, index=f"{r.index:+.1f}", events=r.events
        ),
        year_label=lambda d: str(d.year),
    )


def _rows(cl: Climate, **kwargs: Any) -> list[Row]:
    try:
        return index_rows(cl, **kwargs)
    except BadInput as exc:
        raise PageError(400, "error.bad_environment", reason=exc.summary()) from None


@router.get("/environment")
def environment_page(
    page: PageOf,
    dyad: str | None = None,
    by: str = "month",
    start: str | None = None,
    end: str | None = None,
    smooth: int = 1,
    period: str | None = None,
    format: str | None = None,
) -> Response:
    fmt = parse_format(format)
    first, last = parse_day(start, "start"), parse_day(end, "end")
    pair = dyad or None
    cl = climate_of(page.store, page.cache, page.lang)
    rows = _rows(cl, dyad=pair, by=by, start=first, end=last, smooth=smooth)
    if fmt == "json":
        return json_download("peacetrack-environment.json", [row_json(r, smoothed=smooth > 1) for r in rows])
    if fmt == "csv":
        return csv_download(
            "peacetrack-environment.csv",
            ["period", "index", "cooperation", "conflict", "events", "thin"],
            ([r.period, r.index, r.cooperation, r.conflict, r.events, r.thin] for r in rows),
        )
    view = page.view
    opened = None
    if period:
        period_by = next((b for pattern, b in _BY_OF_PERIOD if pattern.match(period)), None)
        if period_by is None:
            raise PageError(400, "error.bad_environment", reason=f"not a period: {period}")
        match = [r for r in _rows(cl, dyad=pair, by=period_by, start=first, end=last) if r.period == period]
        if not match:
            raise PageError(404, "error.not_found.period", id=period)
        opened = {"row": match[0], "events": behind(cl, match[0], dyad=pair)}
    chart_rows_start = rows[0].start if rows else date.today()
    chart = chart_for(
        page.store,
        page.cache,
        view,
        page.lang,
        chart_rows_start,
        rows[-1].end if rows else date.today(),
        pair,
    )
    idx = sq.index(page.store, page.cache, page.lang)
    return page.render(
        "environment.html",
        {
            "rows": rows,
            "by": by,
            "dyad": pair or "",
            "smooth": smooth,
            "start": first,
            "end": last,
            "pairs": [f"{a}-{b}" for a, b in cl.process],
            "names": cl.actors.names,
            "chart": chart,
            "opened": opened,
            "versus": versus_json(cl, idx),
            "type_labels": {t.value: t.label(page.lang) for t in EventType},
        },
    )

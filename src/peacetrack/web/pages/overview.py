"""The overview: scores by agreement and theme as of a date, trajectories, reversals, latest events.

Also the score downloads (``?format=csv|json&by=``) and the printable report
(``/report`` as HTML, ``/report.pdf`` printed by headless Chromium).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from fastapi import APIRouter
from fastapi.responses import Response

from peacetrack.model.records import Agreement
from peacetrack.scoring import BYS, Index, ScoreRow
from peacetrack.store import Store
from peacetrack.store.scoring_reads import group_labels
from peacetrack.web.deps import Lang, VersionedCache
from peacetrack.web.pages import charts
from peacetrack.web.pages.common import (
    PageError,
    PageOf,
    as_of_param,
    csv_download,
    json_download,
    parse_format,
)
from peacetrack.web.pages.environment import chart_for
from peacetrack.web.pages.kit import View
from peacetrack.web.pages.site import processes
from peacetrack.web.queries import events as event_q
from peacetrack.web.queries import records as rq
from peacetrack.web.queries import scores as sq

router = APIRouter()

LATEST_EVENTS = 8


@dataclass(frozen=True, slots=True)
class AgreementScore:
    row: ScoreRow
    title: str
    short: str
    signed: date
    bar: charts.BarChart


@dataclass(frozen=True, slots=True)
class ThemeScore:
    row: ScoreRow
    name: str
    depth: int
    bar: charts.BarChart


@dataclass(frozen=True, slots=True)
class ReversedItem:
    provision: rq.ProvisionName
    status: sq.ProvisionStatus


@dataclass(frozen=True, slots=True)
class ReversedGroup:
    agreement: str
    short: str
    items: list[ReversedItem]


def level_labels(view: View) -> list[str]:
    return [view.level(k) for k in range(4)]


def reversed_provisions(idx: Index, as_of: date, names: dict[str, rq.ProvisionName]) -> list[ReversedItem]:
    found: list[ReversedItem] = []
    for i in range(idx.in_force(as_of.toordinal())):
        pid = idx.provisions[i].id
        status = sq.status(idx, pid, as_of)
        if status is not None and status.reversed and pid in names:
            found.append(ReversedItem(names[pid], status))
    found.sort(key=lambda item: (item.provision.agreement, item.provision.id))
    return found


def overview_context(
    store: Store,
    cache: VersionedCache,
    view: View,
    as_of: date,
    *,
    chart_end: date | None = None,
    process: str | None = None,
) -> dict[str, Any]:
    """Everything the overview (and the report) shows, of all processes or of one; the trajectories run
    to ``chart_end`` (today)."""
    lang: Lang = "ko" if view.lang == "ko" else "en"
    held = processes(store, cache)
    chosen = next((p for p in held.items if p.id == process), None)
    if process is not None and chosen is None:
        raise PageError(404, "error.not_found.process", id=process)
    idx = sq.index(store, cache, lang, process)
    labels = level_labels(view)
    today = date.today()
    with store.read() as conn:
        agreements = {
            a.id: a for a in rq.all_of(conn, Agreement) if chosen is None or a.id in chosen.agreements
        }
        titles = {key: rq.pick(a.title, lang) for key, a in agreements.items()}
        shorts = {key: rq.short_title(a, lang) for key, a in agreements.items()}
        tree = rq.theme_tree(conn)
        by_agreement = [
            AgreementScore(
                row,
                titles[row.key],
                shorts[row.key],
                agreements[row.key].signed,
                charts.level_bar(row.levels, labels),
            )
            for row in sq.rows(idx, as_of, "agreement")
            if row.key in agreements
        ]
        by_agreement.sort(key=lambda a: (a.signed, a.row.key))
        theme_rows = {row.key: row for row in sq.rows(idx, as_of, "theme")}
        by_theme = [
            ThemeScore(
                theme_rows[node.id],
                view.tx(node.name),
                node.depth,
                charts.level_bar(theme_rows[node.id].levels, labels),
            )
            for node in tree
            if node.id in theme_rows
        ]
        in_force = [idx.provisions[i].id for i in range(idx.in_force(as_of.toordinal()))]
        names = rq.provision_names(conn, in_force)
        reversed_items = reversed_provisions(idx, as_of, names)
        if chosen is None:
            latest = event_q.find(conn, event_q.EventFilter(end=as_of), limit=LATEST_EVENTS)
        else:
            # One process's latest: events touching its provisions or involving its parties.
            parties = {p for a in agreements.values() for p in a.parties}
            latest = [
                e
                for e in event_q.find(conn, event_q.EventFilter(end=as_of), limit=LATEST_EVENTS * 20)
                if any(fx.provision.split("/")[0] in agreements for fx in e.effects)
                or parties & set(e.actors)
            ][:LATEST_EVENTS]
        actor_names = rq.names(conn, {a for e in latest for a in e.actors}, view.lang)
        effect_names = rq.provision_names(conn, {fx.provision for e in latest for fx in e.effects})
    groups: dict[str, list[ReversedItem]] = {}
    for item in reversed_items:
        groups.setdefault(item.provision.agreement, []).append(item)
    order = {key: (a.signed, key) for key, a in agreements.items()}
    reversed_groups = [
        ReversedGroup(key, shorts.get(key, key), items)
        for key, items in sorted(groups.items(), key=lambda kv: order.get(kv[0], (today, kv[0])))
    ]
    end = chart_end or today
    series = sq.monthly(store, cache, "agreement", end, process)
    start = sq.series_start(store, cache, process)
    last_month = max((d for points in series.values() for d, _ in points), default=end)
    chart = charts.trajectory(
        {k: series[k] for k in sorted(series, key=lambda k: order.get(k, (today, k))) if k in agreements},
        shorts,
        start=start,
        end=max(last_month, start),
        marker=as_of,
        marker_label=view.date(as_of),
        month_label=view.month,
    )
    climate = chart_for(store, cache, view, lang, start, max(last_month, start), process=chosen)
    return {
        "as_of": as_of,
        "process": chosen,
        "processes": held.items,
        "climate": climate,
        "by_agreement": by_agreement,
        "by_theme": by_theme,
        "reversed": reversed_items,
        "reversed_groups": reversed_groups,
        "latest": latest,
        "actor_names": actor_names,
        "effect_names": effect_names,
        "chart": chart,
        "level_colours": charts.LEVEL_COLOURS,
    }


def scores_download(
    store: Store,
    cache: VersionedCache,
    lang: Lang,
    as_of: date,
    by: str,
    fmt: str,
    process: str | None = None,
) -> Response:
    if by not in BYS:
        raise PageError(400, "error.bad_by", value=by, allowed=", ".join(BYS))
    if process is not None and process not in {p.id for p in processes(store, cache).items}:
        raise PageError(404, "error.not_found.process", id=process)
    idx = sq.index(store, cache, lang, process)
    with store.read() as conn:
        labels = group_labels(conn, by, lang)
    rows = sq.rows(idx, as_of, by)
    name = f"scores-{by}-{as_of.isoformat()}"
    if fmt == "json":
        return json_download(
            f"{name}.json",
            [{**row.to_json(), "label": labels.get(row.key, row.key)} for row in rows],
        )
    return csv_download(
        f"{name}.csv",
        ["key", "label", "score", "provisions", "reversed", "level_0", "level_1", "level_2", "level_3"],
        (
            [
                row.key,
                labels.get(row.key, row.key),
                f"{row.score:.1f}",
                row.provisions,
                row.reversed,
                *(row.levels.get(str(k), 0) for k in range(4)),
            ]
            for row in rows
        ),
    )


@router.get("/")
def overview(
    page: PageOf,
    as_of: str | None = None,
    format: str | None = None,
    by: str = "agreement",
    process: str | None = None,
) -> Response:
    day = as_of_param(as_of)
    fmt = parse_format(format)
    if fmt != "html":
        return scores_download(page.store, page.cache, page.lang, day, by, fmt, process or None)
    view = page.view
    context = overview_context(page.store, page.cache, view, day, process=process or None)
    return page.render("overview.html", context)

"""Agreements and their provisions: level as of a date, history, reversals, evidence."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from fastapi import APIRouter
from fastapi.responses import Response
from sqlalchemy import select

from peacetrack.model.records import Agreement, Event, Provision
from peacetrack.model.status import ACCEPTED
from peacetrack.scoring import HistoryEntry, ScoreRow
from peacetrack.store import Store
from peacetrack.store import tables as t
from peacetrack.store.chunks import id_chunks
from peacetrack.web.pages import charts
from peacetrack.web.pages.common import PageOf, as_of_param, not_found
from peacetrack.web.pages.overview import level_labels
from peacetrack.web.queries import civil
from peacetrack.web.queries import events as event_q
from peacetrack.web.queries import records as rq
from peacetrack.web.queries import scores as sq

router = APIRouter()


@dataclass(frozen=True, slots=True)
class ProvisionLine:
    provision: Provision
    status: sq.ProvisionStatus
    spark: charts.Sparkline
    evidence: list[Event]
    events: int
    """How many events bear on the provision (any effect)."""


def _event_counts(store: Store, ids: list[str]) -> dict[str, int]:
    ee, e = t.event_effects, t.events
    counts: dict[str, int] = {}
    with store.read() as conn:
        for chunk in id_chunks(ids):
            for pid, _event in conn.execute(
                select(ee.c.provision_id, ee.c.event_id)
                .join(e, e.c.id == ee.c.event_id)
                .where(ee.c.provision_id.in_(chunk), e.c.status == ACCEPTED)
                .distinct()
            ):
                counts[pid] = counts.get(pid, 0) + 1
    return counts


def spark_range(signed: date, steps: list[HistoryEntry], as_of: date) -> tuple[date, date]:
    start = min([signed, *(s.as_of for s in steps[:1])])
    return start, max(date.today(), as_of)


@router.get("/agreements")
def agreements_index(page: PageOf, as_of: str | None = None) -> Response:
    day = as_of_param(as_of)
    view = page.view
    idx = sq.index(page.store, page.cache, page.lang)
    rows = {row.key: row for row in sq.rows(idx, day, "agreement")}
    with page.store.read() as conn:
        agreements = sorted(rq.all_of(conn, Agreement), key=lambda a: (a.signed, a.id))
        names = rq.names(conn, {p for a in agreements for p in a.parties}, page.lang)
    labels = level_labels(view)
    bars = {key: charts.level_bar(row.levels, labels) for key, row in rows.items()}
    return page.render(
        "agreements.html",
        {"agreements": agreements, "rows": rows, "bars": bars, "names": names, "as_of": day},
    )


@router.get("/agreements/{agreement_id}")
def agreement_page(
    page: PageOf, agreement_id: str, as_of: str | None = None, reversed_only: str | None = None
) -> Response:
    day = as_of_param(as_of)
    only_reversed = reversed_only in ("1", "on", "true")
    with page.store.read() as conn:
        agreement = rq.get(conn, Agreement, agreement_id)
        if agreement is None:
            raise not_found("agreement", agreement_id)
        idx = sq.index(page.store, page.cache, page.lang)
        row: ScoreRow | None = next(
            (r for r in sq.rows(idx, day, "agreement") if r.key == agreement.id), None
        )
        lines: list[ProvisionLine] = []
        statuses = {p.id: sq.status(idx, p.id, day) for p in agreement.provisions if p.id is not None}
        evidence_ids = {
            e for st in statuses.values() if st is not None and st.current for e in st.current.evidence
        }
        evidence = event_q.find_by_ids(conn, evidence_ids)
        people = rq.names(
            conn,
            {
                *agreement.parties,
                *agreement.signatories,
                *(a for p in agreement.provisions for a in p.responsible),
            },
            page.lang,
        )
        themes = {node.id: node for node in rq.theme_tree(conn)}
    counts = _event_counts(page.store, [p.id for p in agreement.provisions if p.id])
    for p in agreement.provisions:
        st = statuses.get(p.id or "")
        if st is None:
            continue
        start, end = spark_range(agreement.signed, st.steps, day)
        lines.append(
            ProvisionLine(
                p,
                st,
                charts.sparkline(st.steps, start=start, end=end, marker=day),
                [evidence[e] for e in (st.current.evidence if st.current else ()) if e in evidence],
                counts.get(p.id or "", 0),
            )
        )
    reversed_lines = [ln for ln in lines if ln.status.reversed]
    shown = reversed_lines if only_reversed else lines
    view = page.view
    return page.render(
        "agreement.html",
        {
            "agreement": agreement,
            "row": row,
            "bar": charts.level_bar(row.levels, level_labels(view)) if row else None,
            "lines": shown,
            "total": len(lines),
            "reversed_lines": reversed_lines,
            "only_reversed": only_reversed,
            "people": people,
            "themes": themes,
            "as_of": day,
            "signed_yet": agreement.signed <= day,
        },
    )


@router.get("/provisions/{provision_id:path}")
def provision_page(page: PageOf, provision_id: str, as_of: str | None = None) -> Response:
    day = as_of_param(as_of)
    idx = sq.index(page.store, page.cache, page.lang)
    with page.store.read() as conn:
        ref = rq.provision(conn, provision_id)
        status = sq.status(idx, provision_id, day) if ref is not None else None
        if ref is None or status is None:
            raise not_found("provision", provision_id)
        cited = {e for s in status.steps for e in s.evidence}
        evidence = event_q.find_by_ids(conn, cited)
        related = event_q.find(
            conn, event_q.EventFilter(provision=provision_id, newest_first=False), limit=200
        )
        citing = civil.statements_citing(conn, provision_id)
        people = rq.names(
            conn,
            {
                *ref.provision.responsible,
                *(a for e in [*evidence.values(), *related] for a in e.actors),
                *(a for s in citing for a in s.statement.signatories),
                *(d.addressee for s in citing for d in s.demands if d.addressee),
            },
            page.lang,
        )
        themes = {node.id: node for node in rq.theme_tree(conn)}
        effect_names = rq.provision_names(
            conn,
            {fx.provision for e in [*evidence.values(), *related] for fx in e.effects}
            | set(ref.provision.part_of),
        )
    start, end = spark_range(ref.agreement.signed, status.steps, day)
    view = page.view
    chart = charts.step_chart(
        status.steps,
        start=start,
        end=end,
        marker=day,
        point_label=lambda s: f"{view.date(s.as_of)}: {s.level} {view.level(s.level)}",
    )
    effects = {e.id: [fx for fx in e.effects if fx.provision == provision_id] for e in related}
    return page.render(
        "provision.html",
        {
            "ref": ref,
            "status": status,
            "steps": list(reversed(status.steps)),
            "evidence": evidence,
            "related": related,
            "effects": effects,
            "citing": citing,
            "people": people,
            "themes": themes,
            "chart": chart,
            "spark_start": start,
            "spark_end": end,
            "effect_names": effect_names,
            "as_of": day,
        },
    )

"""Agreements, their provisions with levels as of a date, themes and the codebook."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date
from typing import Annotated, Any, Final

from fastapi import APIRouter, Path, Request
from sqlalchemy import Connection, func, select

from peacetrack.model.codebook import CODE_LISTS
from peacetrack.model.status import ACCEPTED
from peacetrack.scoring import HistoryEntry, Index, history, scores
from peacetrack.store import tables as t
from peacetrack.store.chunks import id_chunks
from peacetrack.web.api.common import (
    actor_refs,
    count_up_to,
    doc,
    refs_in_order,
    scoring_index,
    store_of,
    text_map,
    theme_refs,
)
from peacetrack.web.api.schemas import AgreementDetail, AgreementSummary, CodeOut, ProvisionDetail, ThemeOut
from peacetrack.web.api.scores import AsOf, row_json
from peacetrack.web.api.sources import sources_out
from peacetrack.web.errors import not_found

reads = APIRouter(tags=["agreements"])


def level_at(index: Index, provision: str, as_of: date) -> tuple[int, int, date | None]:
    """(level, peak, as_of of the assessment in effect) of a provision on a date."""
    try:
        timeline = index.timeline(provision)
    except KeyError:  # its agreement is not accepted: nothing counts
        return 0, 0, None
    i = timeline.step(as_of.toordinal())
    if i < 0:
        return 0, 0, None
    return timeline.levels[i], timeline.peaks[i], timeline.marks[i].as_of


@reads.get(
    "/api/agreements", response_model=list[AgreementSummary], summary="Every agreement, with its score"
)
def list_agreements(request: Request, as_of: AsOf = None) -> list[dict[str, Any]]:
    day = as_of or date.today()
    index = scoring_index(request)
    rows = {r.key: row_json(r) for r in scores(index, day, "agreement")}
    a, ap, p = t.agreements, t.agreement_parties, t.provisions
    with store_of(request).read() as conn:
        agreements = conn.execute(
            select(a.c.id, a.c.doc).where(a.c.status == ACCEPTED).order_by(a.c.signed, a.c.id)
        ).all()
        counts: dict[str, int] = {
            aid: n
            for aid, n in conn.execute(select(p.c.agreement_id, func.count()).group_by(p.c.agreement_id))
        }
        parties = actor_refs(conn, conn.scalars(select(ap.c.actor_id).where(ap.c.role == "party")))
    out = []
    for aid, raw in agreements:
        d = doc(raw)
        out.append(
            {
                "id": aid,
                "title": d["title"],
                "signed": d["signed"],
                "parties": refs_in_order(parties, d.get("parties", [])),
                "place": d.get("place"),
                "source": d.get("source"),
                "provisions": counts.get(aid, 0),
                "score": rows.get(aid),
            }
        )
    return out


@reads.get(
    "/api/agreements/{agreement_id}",
    response_model=AgreementDetail,
    summary="One agreement with its provisions and their levels as of a date",
)
def get_agreement(
    request: Request,
    agreement_id: Annotated[str, Path(description="Agreement id, e.g. panmunjom-2018.")],
    as_of: AsOf = None,
) -> dict[str, Any]:
    day = as_of or date.today()
    index = scoring_index(request)
    a = t.agreements
    with store_of(request).read() as conn:
        found = conn.execute(select(a.c.doc, a.c.status).where(a.c.id == agreement_id)).first()
        if found is None:
            raise not_found("agreement", agreement_id)
        d = doc(found[0])
        provisions = d.get("provisions", [])
        actors = actor_refs(
            conn,
            [
                *d.get("parties", []),
                *d.get("signatories", []),
                *(x for p in provisions for x in p.get("responsible", [])),
            ],
        )
        themes = theme_refs(conn, (x for p in provisions for x in p.get("themes", [])))
    row = next((r for r in scores(index, day, "agreement") if r.key == agreement_id), None)
    states = []
    for p in provisions:
        level, peak, assessed = level_at(index, p["id"], day)
        states.append(
            {
                "id": p["id"],
                "ref": p["ref"],
                "text": p["text"],
                "themes": [themes[x] for x in p.get("themes", []) if x in themes],
                "responsible": refs_in_order(actors, p.get("responsible", [])),
                "due": p.get("due"),
                "keywords": p.get("keywords", []),
                "level": level,
                "peak": peak,
                "reversed": level < peak,
                "assessed": assessed,
            }
        )
    return {
        "id": agreement_id,
        "title": d["title"],
        "signed": d["signed"],
        "parties": refs_in_order(actors, d.get("parties", [])),
        "signatories": refs_in_order(actors, d.get("signatories", [])),
        "place": d.get("place"),
        "source": d.get("source"),
        "aliases": d.get("aliases", []),
        "status": found[1],
        "as_of": day,
        "score": row_json(row) if row else None,
        "provisions": states,
    }


def evidence_events(conn: Connection, ids: Collection[str]) -> dict[str, dict[str, Any]]:
    """Evidence as EvidenceEvent data: id, date, title, type, sources."""
    e = t.events
    found: dict[str, dict[str, Any]] = {}
    for chunk in id_chunks(ids):
        for eid, raw in conn.execute(select(e.c.id, e.c.doc).where(e.c.id.in_(chunk))):
            d = doc(raw)
            found[eid] = {
                "id": eid,
                "date": d["date"],
                "title": d["title"],
                "type": d["type"],
                "sources": sources_out(d.get("sources", [])),
            }
    return found


def _entries(index: Index, provision: str) -> list[HistoryEntry]:
    try:
        return history(index, provision, include_superseded=True)
    except KeyError:
        return []


@reads.get(
    "/api/provisions/{provision_id:path}",
    response_model=ProvisionDetail,
    summary="One provision: level and reversal as of a date, every assessment with its evidence",
)
def get_provision(
    request: Request,
    provision_id: Annotated[
        str, Path(description="Provision id, `{agreement}/{ref}`, e.g. panmunjom-2018/1.3.")
    ],
    as_of: AsOf = None,
) -> dict[str, Any]:
    day = as_of or date.today()
    index = scoring_index(request)
    p, a, s, ee, e = t.provisions, t.agreements, t.assessments, t.event_effects, t.events
    with store_of(request).read() as conn:
        found = conn.execute(
            select(p.c.agreement_id, a.c.doc)
            .join(a, a.c.id == p.c.agreement_id)
            .where(p.c.id == provision_id)
        ).first()
        if found is None:
            raise not_found("provision", provision_id)
        agreement = doc(found[1])
        prov = next(x for x in agreement.get("provisions", []) if x.get("id") == provision_id)
        actors = actor_refs(conn, prov.get("responsible", []))
        themes = theme_refs(conn, prov.get("themes", []))
        stored = {
            int(recorded): (aid, doc(raw))
            for aid, recorded, raw in conn.execute(
                select(s.c.id, s.c.recorded, s.c.doc).where(s.c.provision_id == provision_id)
            )
        }
        entries = _entries(index, provision_id)
        evidence = evidence_events(conn, {x for _, d in stored.values() for x in d.get("evidence", [])})
        # The newest LINKED_EVENTS, read backwards from the provision's index, then oldest first: a
        # provision cited by tens of thousands of events must not send them all.
        accepted_links = (
            select(e.c.id, ee.c.event_date, e.c.title_en, e.c.title_ko, e.c.type, ee.c.effect)
            .join(e, e.c.id == ee.c.event_id)
            .where(ee.c.provision_id == provision_id, e.c.status == ACCEPTED)
        )
        newest = accepted_links.order_by(
            ee.c.event_date.desc(), ee.c.event_id.desc(), ee.c.effect.desc()
        ).limit(LINKED_EVENTS)
        linked = conn.execute(newest).all()[::-1]
        total = len(linked)
        if total == LINKED_EVENTS:
            total = count_up_to(conn, accepted_links, LINKED_COUNT_CAP)
    level, peak, _ = level_at(index, provision_id, day)
    hist = []
    for entry in entries:
        aid, adoc = stored.get(entry.recorded, (None, {}))
        if aid is None:
            continue
        note = adoc.get("note")
        hist.append(
            {
                "id": aid,
                "as_of": entry.as_of,
                "level": entry.level,
                "previous": entry.previous,
                "peak": entry.peak,
                "reversed": entry.reversed,
                "superseded": entry.superseded,
                "note": {"en": note} if isinstance(note, str) else note,
                "evidence": [evidence[x] for x in adoc.get("evidence", []) if x in evidence],
            }
        )
    return {
        "id": provision_id,
        "agreement": {"id": found[0], "title": agreement["title"], "signed": agreement["signed"]},
        "ref": prov["ref"],
        "text": prov["text"],
        "themes": [themes[x] for x in prov.get("themes", []) if x in themes],
        "responsible": refs_in_order(actors, prov.get("responsible", [])),
        "due": prov.get("due"),
        "keywords": prov.get("keywords", []),
        "as_of": day,
        "level": level,
        "peak": peak,
        "reversed": level < peak,
        "history": hist,
        "events": [
            {"id": eid, "date": d, "title": text_map(en, ko), "type": typ, "effect": eff}
            for eid, d, en, ko, typ, eff in linked
        ],
        "events_total": total,
    }


LINKED_EVENTS: Final = 200
"""Linked events a provision's answer lists at most: the newest (``events_total`` counts the rest)."""
LINKED_COUNT_CAP: Final = 1000
"""``events_total`` counts up to this many (counting 50,000 linked events took half a second, 5,000 86 ms)."""


@reads.get("/api/themes", response_model=list[ThemeOut], summary="Every theme (a tree through `parent`)")
def list_themes(request: Request) -> list[dict[str, Any]]:
    th, pt = t.themes, t.provision_themes
    with store_of(request).read() as conn:
        counts: dict[str, int] = {
            tid: n for tid, n in conn.execute(select(pt.c.theme_id, func.count()).group_by(pt.c.theme_id))
        }
        rows = conn.execute(
            select(th.c.id, th.c.name_en, th.c.name_ko, th.c.parent)
            .where(th.c.status == ACCEPTED)
            .order_by(th.c.id)
        ).all()
    return [
        {"id": tid, "name": text_map(en, ko), "parent": parent, "provisions": counts.get(tid, 0)}
        for tid, en, ko, parent in rows
    ]


@reads.get(
    "/api/codebook",
    response_model=dict[str, list[CodeOut]],
    summary="Every code list with English and Korean labels",
    description="Event types, effects, actor kinds, levels...: labels for the codes other answers carry.",
)
def codebook() -> dict[str, list[dict[str, Any]]]:
    return {
        name: [{"code": c.value, "label": text_map(c.en, c.ko)} for c in codes]
        for name, codes in CODE_LISTS.items()
    }

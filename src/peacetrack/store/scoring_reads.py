"""Fill the scoring engine's inputs from the store, in a fixed handful of queries (scoring itself is pure).

Five queries whatever the size of the data (provisions, their themes, their
responsible parties, the theme tree, the assessments), never one per provision
or per date. Only records with status ``accepted`` count: a provision counts
when its agreement is accepted, a theme or a party link when that theme or
actor is, an assessment when it and its provision's agreement are.

Also here: the few look-ups the commands need to label what they print
(titles and names in English or Korean, event titles for evidence).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date
from typing import Any

import orjson
from sqlalchemy import Connection, select

from peacetrack.model.languages import Lang, pick
from peacetrack.model.status import ACCEPTED
from peacetrack.scoring.index import Index
from peacetrack.scoring.inputs import By, Mark, ProvisionInfo, ScoringInput
from peacetrack.store import tables as t
from peacetrack.store.chunks import id_chunks as _chunks


def _note(value: Any, lang: Lang) -> str | None:
    # Stored notes are language maps; a plain string is English.
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        text = value.get(lang) or value.get("en")
        return text if isinstance(text, str) else None
    return None


def load_input(
    conn: Connection, *, lang: Lang = "en", agreements: Collection[str] | None = None
) -> ScoringInput:
    """Everything scoring needs, read in one snapshot of ``conn``.

    ``lang`` picks the language of the assessment notes carried on the marks
    (English where a note has no such translation); ``agreements`` keeps only
    those agreements' provisions (one process's, say).
    """
    p, a = t.provisions, t.agreements
    accepted_agreement = a.c.status == ACCEPTED
    if agreements is not None:
        accepted_agreement = accepted_agreement & a.c.id.in_(sorted(agreements))
    rows = conn.execute(
        select(p.c.id, p.c.agreement_id, a.c.signed)
        .join(a, a.c.id == p.c.agreement_id)
        .where(accepted_agreement)
        .order_by(p.c.id)
    ).all()

    themes_of: dict[str, list[str]] = {}
    pt, th = t.provision_themes, t.themes
    for pid, theme in conn.execute(
        select(pt.c.provision_id, pt.c.theme_id)
        .join(p, p.c.id == pt.c.provision_id)
        .join(a, a.c.id == p.c.agreement_id)
        .join(th, th.c.id == pt.c.theme_id)
        .where(accepted_agreement, th.c.status == ACCEPTED)
        .order_by(pt.c.provision_id, pt.c.theme_id)
    ):
        themes_of.setdefault(pid, []).append(theme)

    responsible_of: dict[str, list[str]] = {}
    pr, ac = t.provision_responsible, t.actors
    for pid, actor in conn.execute(
        select(pr.c.provision_id, pr.c.actor_id)
        .join(p, p.c.id == pr.c.provision_id)
        .join(a, a.c.id == p.c.agreement_id)
        .join(ac, ac.c.id == pr.c.actor_id)
        .where(accepted_agreement, ac.c.status == ACCEPTED)
        .order_by(pr.c.provision_id, pr.c.actor_id)
    ):
        responsible_of.setdefault(pid, []).append(actor)

    tree: dict[str, str | None] = {
        theme: parent
        for theme, parent in conn.execute(select(th.c.id, th.c.parent).where(th.c.status == ACCEPTED))
    }
    # A parent that is not itself accepted is no group: its child is a root.
    parents: dict[str, str | None] = {
        theme: (parent if parent in tree else None) for theme, parent in tree.items()
    }

    s = t.assessments
    marks: list[Mark] = []
    for pid, as_of, level, recorded, doc in conn.execute(
        select(s.c.provision_id, s.c.as_of, s.c.level, s.c.recorded, s.c.doc)
        .join(p, p.c.id == s.c.provision_id)
        .join(a, a.c.id == p.c.agreement_id)
        .where(accepted_agreement, s.c.status == ACCEPTED)
        .order_by(s.c.provision_id, s.c.as_of, s.c.recorded)
    ):
        parsed = orjson.loads(doc)
        evidence = parsed.get("evidence") or ()
        marks.append(
            Mark(pid, as_of, int(level), int(recorded), tuple(evidence), _note(parsed.get("note"), lang))
        )

    provisions = [
        ProvisionInfo(
            pid, agreement, signed, tuple(themes_of.get(pid, ())), tuple(responsible_of.get(pid, ()))
        )
        for pid, agreement, signed in rows
    ]
    return ScoringInput(provisions, marks, parents)


def load_index(conn: Connection, *, lang: Lang = "en", agreements: Collection[str] | None = None) -> Index:
    return Index.build(load_input(conn, lang=lang, agreements=agreements))


# --- labels ----------------------------------------------------------------------------------


def group_names(conn: Connection, by: By) -> list[tuple[str, str, str | None]]:
    """(key, English, Korean) title or name of every group key: agreements, themes or actors."""
    if by == "agreement":
        query = select(t.agreements.c.id, t.agreements.c.title_en, t.agreements.c.title_ko)
    elif by == "theme":
        query = select(t.themes.c.id, t.themes.c.name_en, t.themes.c.name_ko)
    else:
        query = select(t.actors.c.id, t.actors.c.name_en, t.actors.c.name_ko)
    return [(key, en, ko) for key, en, ko in conn.execute(query)]


def group_labels(conn: Connection, by: By, lang: Lang = "en") -> dict[str, str]:
    """Title or name of every group key of a grouping, in one language."""
    return {key: pick(en, ko, lang) for key, en, ko in group_names(conn, by)}


def event_titles(conn: Connection, ids: Collection[str], lang: Lang = "en") -> dict[str, str]:
    """Titles of the events among ``ids`` that exist."""
    e = t.events
    titles: dict[str, str] = {}
    for chunk in _chunks(ids):
        for eid, en, ko in conn.execute(select(e.c.id, e.c.title_en, e.c.title_ko).where(e.c.id.in_(chunk))):
            titles[eid] = pick(en, ko, lang)
    return titles


@dataclass(frozen=True, slots=True)
class ProvisionText:
    id: str
    agreement: str
    ref: str
    text: str
    agreement_title: str
    signed: date


def provision_texts(conn: Connection, ids: Collection[str], lang: Lang = "en") -> dict[str, ProvisionText]:
    """Text and agreement of the provisions among ``ids`` whose agreement is accepted."""
    p, a = t.provisions, t.agreements
    found: dict[str, ProvisionText] = {}
    for chunk in _chunks(ids):
        query = (
            select(
                p.c.id,
                p.c.agreement_id,
                p.c.ref,
                p.c.text_en,
                p.c.text_ko,
                a.c.title_en,
                a.c.title_ko,
                a.c.signed,
            )
            .join(a, a.c.id == p.c.agreement_id)
            .where(p.c.id.in_(chunk), a.c.status == ACCEPTED)
        )
        for pid, agreement, ref, text_en, text_ko, title_en, title_ko, signed in conn.execute(query):
            found[pid] = ProvisionText(
                pid, agreement, ref, pick(text_en, text_ko, lang), pick(title_en, title_ko, lang), signed
            )
    return found


def agreement_title(conn: Connection, agreement: str, lang: Lang = "en") -> str | None:
    """Title of an accepted agreement; None when there is no such agreement."""
    a = t.agreements
    row = conn.execute(
        select(a.c.title_en, a.c.title_ko).where(a.c.id == agreement, a.c.status == ACCEPTED)
    ).first()
    return None if row is None else pick(row[0], row[1], lang)


def first_signed(conn: Connection, agreements: Collection[str] | None = None) -> date | None:
    """The earliest signing date of an accepted agreement (of those named, when given)."""
    a = t.agreements
    query = select(a.c.signed).where(a.c.status == ACCEPTED)
    if agreements is not None:
        query = query.where(a.c.id.in_(sorted(agreements)))
    return conn.scalar(query.order_by(a.c.signed).limit(1))

"""Records by id and small look-ups (names, titles, the theme tree), accepted ones only."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Final, TypeVar

import orjson
from sqlalchemy import Connection, Select, Table, select

from peacetrack.model.languages import has_hangul
from peacetrack.model.records import (
    Actor,
    Agreement,
    Event,
    Gathering,
    Provision,
    Record,
    Statement,
    Theme,
    in_language,
)
from peacetrack.model.status import ACCEPTED
from peacetrack.store import tables as t
from peacetrack.store.chunks import id_chunks as chunks

R = TypeVar("R", bound=Record)

TABLE_OF: Final[dict[type[Record], Table]] = {
    Actor: t.actors,
    Theme: t.themes,
    Agreement: t.agreements,
    Event: t.events,
    Statement: t.statements,
    Gathering: t.gatherings,
}


def pick(text: dict[str, str] | None, lang: str) -> str:
    """The text of a language map in ``lang``, falling back to English."""
    return in_language(text, lang)


def parse(model: type[R], doc: str) -> R:
    return model.model_validate(orjson.loads(doc))


def get(conn: Connection, model: type[R], rid: str) -> R | None:
    """One accepted record by id; None when there is none."""
    table = TABLE_OF[model]
    doc = conn.scalar(select(table.c.doc).where(table.c.id == rid, table.c.status == ACCEPTED))
    return None if doc is None else parse(model, doc)


def get_many(conn: Connection, model: type[R], ids: Iterable[str]) -> dict[str, R]:
    """The accepted records among ``ids``, by id."""
    table = TABLE_OF[model]
    found: dict[str, R] = {}
    for chunk in chunks(list(ids)):
        for rid, doc in conn.execute(
            select(table.c.id, table.c.doc).where(table.c.id.in_(chunk), table.c.status == ACCEPTED)
        ):
            found[rid] = parse(model, doc)
    return found


def all_of(conn: Connection, model: type[R]) -> list[R]:
    """Every accepted record of one kind, by id."""
    table = TABLE_OF[model]
    return [
        parse(model, doc)
        for doc in conn.scalars(select(table.c.doc).where(table.c.status == ACCEPTED).order_by(table.c.id))
    ]


def names(conn: Connection, ids: Iterable[str], lang: str) -> dict[str, str]:
    """Display names of the accepted actors among ``ids``."""
    a = t.actors
    found: dict[str, str] = {}
    for chunk in chunks(list(ids)):
        for rid, en, ko in conn.execute(
            select(a.c.id, a.c.name_en, a.c.name_ko).where(a.c.id.in_(chunk), a.c.status == ACCEPTED)
        ):
            found[rid] = (ko if lang == "ko" and ko else en) or rid
    return found


@dataclass(frozen=True, slots=True)
class ThemeNode:
    id: str
    parent: str | None
    name: dict[str, str]
    depth: int


def theme_tree(conn: Connection) -> list[ThemeNode]:
    """Accepted themes in tree order (each parent before its children), with their depth."""
    th = t.themes
    rows = conn.execute(
        select(th.c.id, th.c.parent, th.c.name_en, th.c.name_ko)
        .where(th.c.status == ACCEPTED)
        .order_by(th.c.id)
    ).all()
    known = {r.id for r in rows}
    children: dict[str | None, list[tuple[str, dict[str, str]]]] = {}
    for rid, parent, en, ko in rows:
        name = {"en": en, **({"ko": ko} if ko else {})}
        children.setdefault(parent if parent in known else None, []).append((rid, name))
    out: list[ThemeNode] = []
    seen: set[str] = set()

    def walk(parent: str | None, depth: int) -> None:
        for rid, name in children.get(parent, []):
            if rid in seen:
                continue
            seen.add(rid)
            out.append(ThemeNode(rid, parent, name, depth))
            walk(rid, depth + 1)

    walk(None, 0)
    return out


def descendants(tree: Iterable[ThemeNode], theme: str) -> set[str]:
    """The theme and every theme below it."""
    kids: dict[str | None, list[str]] = {}
    for node in tree:
        kids.setdefault(node.parent, []).append(node.id)
    found: set[str] = set()
    todo = [theme]
    while todo:
        current = todo.pop()
        if current in found:
            continue
        found.add(current)
        todo.extend(kids.get(current, []))
    return found


@dataclass(frozen=True, slots=True)
class ProvisionRef:
    """A provision with its agreement: enough to name and link it."""

    agreement: Agreement
    provision: Provision

    @property
    def id(self) -> str:
        return self.provision.id or f"{self.agreement.id}/{self.provision.ref}"


def provision(conn: Connection, pid: str) -> ProvisionRef | None:
    """A provision of an accepted agreement, by id."""
    agreement_id = conn.scalar(select(t.provisions.c.agreement_id).where(t.provisions.c.id == pid))
    if agreement_id is None:
        return None
    agreement = get(conn, Agreement, agreement_id)
    if agreement is None:
        return None
    for p in agreement.provisions:
        if p.id == pid:
            return ProvisionRef(agreement, p)
    return None


@dataclass(frozen=True, slots=True)
class ProvisionName:
    id: str
    agreement: str
    ref: str
    text: dict[str, str]
    agreement_title: dict[str, str]
    agreement_short: dict[str, str]
    """A short name of the agreement per language (see :func:`short_title`)."""


def _named(
    rows: Iterable[tuple[str, str, str, str, str | None, str, str | None, str]],
) -> list[ProvisionName]:
    shorts: dict[str, dict[str, str]] = {}
    out: list[ProvisionName] = []
    for pid, agreement, ref, text_en, text_ko, title_en, title_ko, doc in rows:
        title = {"en": title_en, **({"ko": title_ko} if title_ko else {})}
        short = shorts.get(agreement)
        if short is None:
            aliases = orjson.loads(doc).get("aliases") or []
            short = shorts[agreement] = {lang: _short(title, aliases, lang) for lang in ("en", "ko")}
        out.append(
            ProvisionName(
                pid, agreement, ref, {"en": text_en, **({"ko": text_ko} if text_ko else {})}, title, short
            )
        )
    return out


def _provision_query() -> Select[Any]:
    p, a = t.provisions, t.agreements
    return (
        select(
            p.c.id, p.c.agreement_id, p.c.ref, p.c.text_en, p.c.text_ko, a.c.title_en, a.c.title_ko, a.c.doc
        )
        .join(a, a.c.id == p.c.agreement_id)
        .where(a.c.status == ACCEPTED)
    )


def provision_names(conn: Connection, ids: Iterable[str]) -> dict[str, ProvisionName]:
    """Ref, text and agreement title of the provisions among ``ids`` (accepted agreements)."""
    found: dict[str, ProvisionName] = {}
    for chunk in chunks(list(ids)):
        rows = conn.execute(_provision_query().where(t.provisions.c.id.in_(chunk)))
        for name in _named(rows):
            found[name.id] = name
    return found


def all_provision_names(conn: Connection) -> list[ProvisionName]:
    """Every provision of an accepted agreement, by agreement signing date then position."""
    a, p = t.agreements, t.provisions
    return _named(conn.execute(_provision_query().order_by(a.c.signed, a.c.id, p.c.position)))


SHORT_TITLE = 40
"""Titles up to this long are short enough to use as they are."""


def _short(title: dict[str, str], aliases: Iterable[str], lang: str) -> str:
    text = pick(title, lang)
    if len(text) <= SHORT_TITLE:
        return text
    for alias in aliases:
        if (lang == "ko") == has_hangul(alias) and len(alias) >= 4:
            return alias
    return text


def short_title(agreement: Agreement, lang: str) -> str:
    """A short name for charts and lists: the title when short, else the first alias in ``lang``."""
    return _short(agreement.title, agreement.aliases, lang)

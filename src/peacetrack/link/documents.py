"""What the index knows about each provision, read from the store or from bundle files.

A provision's document is its text in English and Korean, its keywords, the
names of its themes, and its agreement's title and aliases ("September 19
military agreement", "9·19 군사합의", "CMA"). Its digest, a hash of all of
that, decides whether the index must tokenise it again.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson
from sqlalchemy import Connection, select

from peacetrack.model.records import Agreement, Process, Theme
from peacetrack.model.status import REJECTED
from peacetrack.store import tables as t


@dataclass(frozen=True, slots=True)
class ProvisionDoc:
    """One provision as the index sees it."""

    id: str
    agreement_id: str
    ref: str
    text_en: str
    text_ko: str = ""
    keywords: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()
    """Theme names, both languages."""
    agreement_title: tuple[str, ...] = ()
    """The agreement's title, both languages."""
    aliases: tuple[str, ...] = ()
    part_of: tuple[str, ...] = ()
    """Provisions this one carries out in detail; they share in its score (``IndexConfig.part_of_weight``)."""

    @property
    def text(self) -> dict[str, str]:
        return {"en": self.text_en, "ko": self.text_ko} if self.text_ko else {"en": self.text_en}

    def digest(self) -> str:
        data = [
            self.id,
            self.agreement_id,
            self.ref,
            self.text_en,
            self.text_ko,
            self.keywords,
            self.themes,
            self.agreement_title,
            self.aliases,
            self.part_of,
        ]
        return hashlib.blake2b(orjson.dumps(data), digest_size=16).hexdigest()


def _names(name: dict[str, str] | None) -> tuple[str, ...]:
    return tuple(v for v in (name or {}).values() if v)


def docs_from_records(agreements: Iterable[Agreement], themes: Iterable[Theme] = ()) -> list[ProvisionDoc]:
    """Documents from validated records (bundle files, fixtures)."""
    theme_names = {th.id: _names(th.name) for th in themes}
    out: list[ProvisionDoc] = []
    for a in agreements:
        title = _names(a.title)
        aliases = tuple(a.aliases)
        for p in a.provisions:
            names = tuple(n for th in p.themes for n in theme_names.get(th, ()))
            out.append(
                ProvisionDoc(
                    id=p.id or f"{a.id}/{p.ref}",
                    agreement_id=a.id,
                    ref=p.ref,
                    text_en=p.text["en"],
                    text_ko=p.text.get("ko", ""),
                    keywords=tuple(p.keywords),
                    themes=names,
                    agreement_title=title,
                    aliases=aliases,
                    part_of=tuple(p.part_of),
                )
            )
    return out


def docs_from_bundles(sources: Iterable[str | Path]) -> list[ProvisionDoc]:
    """Documents from bundle files or ``@dataset`` names, read without a database.

    Only agreements and themes are read, so a bundle whose other records are
    still being finished can serve for linking.
    """
    from peacetrack.bundle.load import load

    agreements: list[Agreement] = []
    themes: list[Theme] = []
    for fragment in load([str(s) for s in sources]):
        data = fragment.data if isinstance(fragment.data, dict) else {}
        agreements.extend(Agreement.model_validate(a) for a in data.get("agreements") or [])
        themes.extend(Theme.model_validate(th) for th in data.get("themes") or [])
    return docs_from_records(agreements, themes)


def common_words_of(processes: Iterable[Process]) -> tuple[str, ...]:
    """The processes' common words (who and where, not what), each once, in a stable order."""
    return tuple(sorted({word for process in processes for word in process.common_words}))


def common_from_bundles(sources: Iterable[str | Path]) -> tuple[str, ...]:
    """The common words of the processes in bundle files or ``@dataset`` names."""
    from peacetrack.bundle.load import load

    processes = [
        Process.model_validate(p)
        for fragment in load([str(s) for s in sources])
        if isinstance(fragment.data, dict)
        for p in fragment.data.get("processes") or []
    ]
    return common_words_of(processes)


def common_from_store(conn: Connection) -> tuple[str, ...]:
    """The common words of the processes a database holds."""
    docs = conn.scalars(select(t.processes.c.doc).where(t.processes.c.status != REJECTED))
    return common_words_of(Process.model_validate(orjson.loads(doc)) for doc in docs)


def docs_from_store(conn: Connection) -> list[ProvisionDoc]:
    """Documents for every provision in the database, in agreement and article order."""
    theme_names: dict[str, tuple[str, ...]] = {
        row.id: tuple(n for n in (row.name_en, row.name_ko) if n)
        for row in conn.execute(select(t.themes.c.id, t.themes.c.name_en, t.themes.c.name_ko))
    }
    prov_themes: dict[str, list[str]] = defaultdict(list)
    for link in conn.execute(
        select(t.provision_themes.c.provision_id, t.provision_themes.c.theme_id).order_by(
            t.provision_themes.c.provision_id, t.provision_themes.c.theme_id
        )
    ):
        prov_themes[link.provision_id].append(link.theme_id)
    agreements: dict[str, tuple[tuple[str, ...], tuple[str, ...], dict[str, dict[str, Any]]]] = {}
    for arow in conn.execute(
        select(t.agreements.c.id, t.agreements.c.title_en, t.agreements.c.title_ko, t.agreements.c.doc)
    ):
        doc: dict[str, Any] = orjson.loads(arow.doc)
        # Keywords and part_of live only in the agreement's document, not in columns.
        extra = {str(p.get("id") or f"{arow.id}/{p.get('ref')}"): p for p in doc.get("provisions") or []}
        title = tuple(x for x in (arow.title_en, arow.title_ko) if x)
        agreements[arow.id] = (title, tuple(doc.get("aliases") or ()), extra)
    out: list[ProvisionDoc] = []
    query = select(
        t.provisions.c.id,
        t.provisions.c.agreement_id,
        t.provisions.c.ref,
        t.provisions.c.text_en,
        t.provisions.c.text_ko,
    ).order_by(t.provisions.c.agreement_id, t.provisions.c.position)
    for row in conn.execute(query):
        title, aliases, extras = agreements.get(row.agreement_id, ((), (), {}))
        extra = extras.get(row.id) or {}
        names = tuple(n for th in prov_themes.get(row.id, ()) for n in theme_names.get(th, ()))
        out.append(
            ProvisionDoc(
                id=row.id,
                agreement_id=row.agreement_id,
                ref=row.ref,
                text_en=row.text_en,
                text_ko=row.text_ko or "",
                keywords=tuple(extra.get("keywords") or ()),
                themes=names,
                agreement_title=title,
                aliases=aliases,
                part_of=tuple(extra.get("part_of") or ()),
            )
        )
    return out

"""The site's own words that come from the data: its tagline and description name the process it holds."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from peacetrack.store import Store
from peacetrack.store.processes import ProcessInfo, list_processes
from peacetrack.store.scoring_reads import first_signed
from peacetrack.web.deps import VersionedCache


@dataclass(frozen=True, slots=True)
class Processes:
    items: list[ProcessInfo]
    since: dict[str, int]
    """Process id → the year its first agreement was signed."""


def processes(store: Store, cache: VersionedCache | None) -> Processes:
    """The accepted processes and their first years, read once per data version."""

    def read() -> Processes:
        with store.read() as conn:
            items = list_processes(conn)
            since = {}
            for p in items:
                first = first_signed(conn, p.agreements) if p.agreements else None
                if first is not None:
                    since[p.id] = first.year
        return Processes(items, since)

    if cache is None:
        return read()
    found: Processes = cache.get("site:processes", read)
    return found


@dataclass(frozen=True, slots=True)
class SiteText:
    tagline: str
    description: str
    processes: list[ProcessInfo]


def _pick(text: dict[str, str] | None, lang: str) -> str:
    if not text:
        return ""
    return text.get(lang) or text.get("en") or ""


def site_text(held: Processes, lang: str, say: Callable[..., str]) -> SiteText:
    """One process: its name (and since when) and description; several: how many; none: the generic line.

    ``say`` is the catalogue of the page's language.
    """
    if len(held.items) == 1:
        p = held.items[0]
        name = _pick(p.name, lang)
        year = held.since.get(p.id)
        tagline = say("site.tagline_process", name=name, year=year) if year else name
        return SiteText(tagline, _pick(p.description, lang) or tagline, held.items)
    if held.items:
        tagline = say("site.tagline_many", n=len(held.items))
        return SiteText(tagline, tagline, held.items)
    tagline = say("site.tagline")
    return SiteText(tagline, tagline, [])

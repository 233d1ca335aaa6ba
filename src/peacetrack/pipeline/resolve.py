"""Stage 4, resolve: an `Extraction` in, the same with actor ids filled in and mentions counted.

Every name an extractor cut out of a list is matched against the registry;
names that do not match stay as candidates (actor None). Two names that
resolve to the same actor in one list (a signatory list repeated with small
variations) become one entry. Events get the actors their title names, and
`mentions` counts every registry name in the whole text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace

from peacetrack.pipeline.extract.addressees import cores
from peacetrack.pipeline.output import to_output
from peacetrack.pipeline.records import (
    ActorMention,
    Document,
    Event,
    Extraction,
    Extractor,
    Gathering,
    Mark,
    NameRef,
    Session,
    Speaker,
    Statement,
)
from peacetrack.pipeline.registry import Found, Reach, Registry, normalise_name, reach

EXTRACTOR = Extractor("registry", "1.0")

__all__ = ["Registry", "addressee_actor", "reach_of", "resolve", "to_output"]


def _one(ref: NameRef, registry: Registry) -> NameRef:
    return replace(ref, actor=registry.match(ref.name))


_AND = re.compile(r"\s+(?:and|&)\s+")


def _known_apart(ref: NameRef, registry: Registry) -> list[NameRef]:
    """ "Women Cross DMZ and Korea Women Making Peace" is two actors when each half is one the registry
    knows and the whole is not (an extractor cannot tell it from "Peace and Reunification" alone)."""
    parts = _AND.split(ref.name)
    if len(parts) < 2 or len(parts) > 4 or registry.match(ref.name) is not None:
        return [ref]
    if not all(registry.match(part) is not None for part in parts):
        return [ref]
    return [replace(ref, name=part) for part in parts]


def _many(
    refs: Iterable[NameRef], registry: Registry, one: Callable[[NameRef, Registry], NameRef] = _one
) -> tuple[NameRef, ...]:
    """Resolve and merge: one entry per actor (or per unknown name), ECOSOC kept if any copy had it."""
    out: list[NameRef] = []
    where: dict[str, int] = {}
    for ref in (part for whole in refs for part in _known_apart(whole, registry)):
        ref = one(ref, registry)
        key = ref.actor if ref.actor is not None else "name:" + normalise_name(ref.name)
        if key in where:
            k = where[key]
            if ref.ecosoc and not out[k].ecosoc:
                out[k] = replace(out[k], ecosoc=True, ecosoc_mark=ref.ecosoc_mark)
            continue
        where[key] = len(out)
        out.append(ref)
    return tuple(out)


def addressee_actor(name: str, registry: Registry) -> str | None:
    """The actor an addressee names: as written, else its core ("대한민국 정부" is the state, "President
    Yoon" the person)."""
    actor = registry.match(name)
    for core, government in [] if actor is not None else cores(name):
        actor = registry.match(core)
        if actor is not None:
            return (registry.state_of(actor) or actor) if government else actor
    return actor


def _addressee(ref: NameRef, registry: Registry) -> NameRef:
    return replace(ref, actor=addressee_actor(ref.name, registry))


def _addressees(refs: Iterable[NameRef], registry: Registry) -> tuple[NameRef, ...]:
    return _many(refs, registry, _addressee)


def _statement(statement: Statement, registry: Registry) -> Statement:
    demands = tuple(replace(d, addressees=_addressees(d.addressees, registry)) for d in statement.demands)
    return replace(
        statement,
        signatories=_many(statement.signatories, registry),
        addressees=_addressees(statement.addressees, registry),
        demands=demands,
    )


def _speakers(speakers: Sequence[Speaker], registry: Registry) -> tuple[Speaker, ...]:
    return tuple(replace(s, person=_one(s.person, registry)) for s in speakers)


def _session(session: Session, registry: Registry) -> Session:
    return replace(session, speakers=_speakers(session.speakers, registry))


def _gathering(gathering: Gathering, registry: Registry) -> Gathering:
    return replace(
        gathering,
        hosts=_many(gathering.hosts, registry),
        sponsors=_many(gathering.sponsors, registry),
        sessions=tuple(_session(s, registry) for s in gathering.sessions),
        speakers=_speakers(gathering.speakers, registry),
    )


def _found_refs(found: Sequence[Found]) -> tuple[NameRef, ...]:
    refs: list[NameRef] = []
    seen: set[str] = set()
    for hit in found:
        for actor in hit.actors:
            if actor not in seen:
                seen.add(actor)
                refs.append(NameRef(hit.text, Mark(hit.start, hit.end, hit.text, EXTRACTOR), actor))
    return tuple(refs)


def _event(event: Event, text: str, registry: Registry) -> Event:
    return replace(event, actors=_found_refs(registry.scan(text, event.mark.start, event.mark.end)))


def _structured(extraction: Extraction) -> list[NameRef]:
    refs: list[NameRef] = []
    for statement in extraction.statements:
        refs += [*statement.signatories, *statement.addressees]
        refs += [ref for demand in statement.demands for ref in demand.addressees]
    for gathering in extraction.gatherings:
        refs += [*gathering.hosts, *gathering.sponsors, *(s.person for s in gathering.speakers)]
        refs += [sp.person for session in gathering.sessions for sp in session.speakers]
    return refs


def _mentions(text: str, extraction: Extraction, registry: Registry) -> tuple[ActorMention, ...]:
    names: dict[str, str] = {}
    marks: dict[str, dict[tuple[int, int], Mark]] = {}
    actors: dict[str, str | None] = {}
    labelled: set[str] = set()  # named so far only by a group word ("inter-Korean"), so by its label

    def add(key: str, actor: str | None, name: str, mark: Mark, *, label: bool = False) -> None:
        if key not in marks:
            names[key], actors[key], marks[key] = name, actor, {}
            if label:
                labelled.add(key)
        elif key in labelled and not label:
            names[key] = name
            labelled.discard(key)
        marks[key].setdefault((mark.start, mark.end), mark)

    for hit in registry.scan(text):
        mark = Mark(hit.start, hit.end, hit.text, EXTRACTOR)
        group = len(hit.actors) > 1
        for actor in hit.actors:
            add(actor, actor, registry.label(actor) if group else hit.text, mark, label=group)
    for ref in _structured(extraction):
        key = ref.actor if ref.actor is not None else "name:" + normalise_name(ref.name)
        add(key, ref.actor, ref.name, ref.mark)
    return tuple(
        ActorMention(names[key], actors[key], tuple(sorted(marks[key].values(), key=lambda m: m.start)))
        for key in marks
    )


def resolve(document: Document, extraction: Extraction, registry: Registry) -> Extraction:
    resolved = replace(
        extraction,
        statements=tuple(_statement(s, registry) for s in extraction.statements),
        gatherings=tuple(_gathering(g, registry) for g in extraction.gatherings),
        events=tuple(_event(e, document.text, registry) for e in extraction.events),
    )
    return replace(resolved, actors=_mentions(document.text, resolved, registry))


def reach_of(document: Document, extraction: Extraction) -> Reach:
    """What `resolve` looks up for this document and its extraction (before resolving)."""
    return reach(document.text, (ref.name for ref in _structured(extraction)))

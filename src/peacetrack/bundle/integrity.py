"""Integrity rules for a whole record: sources a reader can trust, evidence that says what it must.

`peacetrack check` runs them on bundles or on the database, so another team's dataset gets
the same discipline as the bundled one (issue 13). Each breach names its rule and record.
Validation (`validate.py`) already refuses what can never be right, such as a source on a
host never accepted; these rules judge a record that is well formed.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import Connection

from peacetrack.bundle.export import iter_docs
from peacetrack.bundle.load import load
from peacetrack.bundle.validate import validate
from peacetrack.model.codebook import EventType, SourceCategory
from peacetrack.model.hosts import STRONG, WEAK, category, never_reason
from peacetrack.model.records import KINDS, Agreement, Assessment, Event, Record

# The rules, in the order they are reported, with what each requires.
RULES: dict[str, str] = {
    "never-host": "no source is on a host never accepted as a source",
    "unclassified": "every source has a category, its own or its host's",
    "weak-sources": "no event rests only on sources of the category 'other'",
    "state-media-alone": "state media alone carries only a state's own declaration",
    "low-quality-share": "at most 3% of the events' source addresses are of the category 'other' or unknown",
    "evidence-names-provision": "every level change cites an event dated on or before it whose effects name "
    "the provision or one it is part of",
    "evidence-strong-source": "every level change has such an event with a primary, wire or major source",
    "assessments-current": "the latest assessment is within nine months of the latest event",
}
LOW_QUALITY_SHARE = 0.03
CURRENT_WITHIN = timedelta(days=274)  # nine months


@dataclass(frozen=True, slots=True)
class Breach:
    rule: str
    record: str  # kind/id, or "dataset" for a rule on the whole
    message: str


def _event_breaches(events: Sequence[Event]) -> list[Breach]:
    out: list[Breach] = []
    total = weak = 0
    for event in events:
        ref = f"events/{event.id}"
        kinds = []
        for source in event.sources:
            total += 1
            if (why := never_reason(source.url)) is not None:
                out.append(Breach("never-host", ref, f"{source.url} ({why})"))
            kind = category(source)
            if kind is None:
                out.append(
                    Breach("unclassified", ref, f"{source.url}: no category, and its host is not known")
                )
            if kind is None or kind in WEAK:
                weak += 1
            kinds.append(kind)
        if kinds and all(k is None or k in WEAK for k in kinds):
            out.append(Breach("weak-sources", ref, "every source is of the category 'other' or unknown"))
        if (
            kinds
            and all(k is SourceCategory.STATE_MEDIA for k in kinds)
            and event.type != EventType.DECLARATION
        ):
            out.append(
                Breach(
                    "state-media-alone", ref, f"only state media, for an event of type {event.type.value!r}"
                )
            )
    if total and weak / total > LOW_QUALITY_SHARE:
        out.append(
            Breach(
                "low-quality-share",
                "dataset",
                f"{weak} of {total} source addresses ({weak / total:.1%}) are of the category 'other' "
                "or of none",
            )
        )
    return out


def _level_changes(assessments: Iterable[Assessment]) -> list[Assessment]:
    """The entries that change a provision's level (a first entry counts only when it cites evidence)."""
    changes = []
    previous: dict[str, int] = {}
    for item in sorted(assessments, key=lambda a: (a.provision, a.as_of)):
        before = previous.get(item.provision)
        if (before is None and item.evidence) or (before is not None and before != item.level):
            changes.append(item)
        previous[item.provision] = item.level
    return changes


def _evidence_breaches(
    assessments: Sequence[Assessment], events: Mapping[str, Event], part_of: Mapping[str, Sequence[str]]
) -> list[Breach]:
    out = []
    for item in _level_changes(assessments):
        ref = f"assessments/{item.id or item.provision + '@' + item.as_of.isoformat()}"
        names = {item.provision, *part_of.get(item.provision, ())}
        naming = [
            events[eid]
            for eid in item.evidence
            if eid in events
            and events[eid].date <= item.as_of
            and any(fx.provision in names for fx in events[eid].effects)
        ]
        if not naming:
            out.append(
                Breach(
                    "evidence-names-provision",
                    ref,
                    f"level {item.level} on {item.as_of}: no evidence event names {item.provision} "
                    f"(evidence: {', '.join(item.evidence) or 'none'})",
                )
            )
        elif not any(category(s) in STRONG for event in naming for s in event.sources):
            out.append(
                Breach(
                    "evidence-strong-source",
                    ref,
                    f"level {item.level} on {item.as_of}: the evidence naming {item.provision} "
                    f"({', '.join(e.id for e in naming)}) has no primary, wire or major source",
                )
            )
    return out


def _currency(assessments: Sequence[Assessment], events: Sequence[Event]) -> list[Breach]:
    if not assessments or not events:
        return []
    latest_event = max(e.date for e in events)
    latest: date = max(a.as_of for a in assessments)
    if latest_event - latest > CURRENT_WITHIN:
        return [
            Breach(
                "assessments-current",
                "dataset",
                f"the latest assessment is of {latest}, the latest event of {latest_event}",
            )
        ]
    return []


def check(records: Mapping[str, Sequence[Record]]) -> list[Breach]:
    """Every breach of RULES in these records, in the order of RULES."""
    events = [r for r in records.get("events", ()) if isinstance(r, Event)]
    assessments = [r for r in records.get("assessments", ()) if isinstance(r, Assessment)]
    part_of: dict[str, list[str]] = defaultdict(list)
    for agreement in records.get("agreements", ()):
        if isinstance(agreement, Agreement):
            for provision in agreement.provisions:
                part_of[str(provision.id)].extend(provision.part_of)
    breaches = [
        *_event_breaches(events),
        *_evidence_breaches(assessments, {e.id: e for e in events}, part_of),
        *_currency(assessments, events),
    ]
    order = list(RULES)
    return sorted(breaches, key=lambda b: order.index(b.rule))


def records_from_bundles(sources: Sequence[str]) -> dict[str, list[Record]]:
    """The records of bundle files or bundled datasets (``@name``), validated as a whole."""
    validated = validate(load(sources))
    return {kind: [loc.record for loc in items] for kind, items in validated.records.items()}


def records_from_store(conn: Connection) -> dict[str, list[Record]]:
    """The database's accepted records."""
    return {
        kind: [model.model_validate(doc) for doc in iter_docs(conn, kind)] for kind, model in KINDS.items()
    }

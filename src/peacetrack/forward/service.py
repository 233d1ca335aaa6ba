"""The way forward as one use case: the CLI, the API and the pages all call :func:`way_forward`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Connection

from peacetrack.errors import BadInput, Problem
from peacetrack.forward.explain import package_why, step_why
from peacetrack.forward.ledger import EventFacts, LedgerItem, ledger
from peacetrack.forward.load import event_facts, provision_facts
from peacetrack.forward.packages import Package, Step, packages
from peacetrack.forward.rules import Rules, load_rules
from peacetrack.model.languages import Lang, pick
from peacetrack.scoring.index import Index
from peacetrack.store.scoring_reads import group_names


@dataclass(frozen=True, slots=True)
class WayForward:
    as_of: date
    party: str | None
    lang: Lang
    rules: Rules
    ledger: dict[str, list[LedgerItem]]
    packages: list[Package]
    events: dict[str, EventFacts]
    names: dict[str, str]
    """Actor and theme names in ``lang``, by id."""

    def why(self, step: Step) -> str:
        return step_why(
            step,
            events=self.events,
            names=self.names,
            per_year=self.rules.step.per_year_fallen,
            lang=self.lang,
        )

    def package_why(self, package: Package) -> str:
        return package_why(package, names=self.names, lang=self.lang)


def way_forward(
    conn: Connection,
    index: Index,
    as_of: date,
    *,
    party: str | None = None,
    lang: Lang = "en",
    rules: Rules | None = None,
) -> WayForward:
    """Each party's ledger and the reciprocal packages as of ``as_of`` (BadInput for an unknown party)."""
    actors = {key: pick(en, ko, lang) for key, en, ko in group_names(conn, "party")}
    if party is not None and party not in actors:
        raise BadInput([Problem("party", "$", f"no actor has the id {party!r}")])
    chosen = rules or load_rules()
    evidence = {e for timeline in index.timelines for mark in timeline.marks for e in mark.evidence}
    events = event_facts(conn, evidence, lang)
    book = ledger(index, as_of, provision_facts(conn), events, party=party)
    # Packages pair a party with its counterparts, so they are made from the whole ledger.
    full = book if party is None else ledger(index, as_of, provision_facts(conn), events)
    names = actors | {key: pick(en, ko, lang) for key, en, ko in group_names(conn, "theme")}
    return WayForward(
        as_of, party, lang, chosen, book, packages(full, chosen, as_of, party=party), events, names
    )


def _day(value: date | None) -> str | None:
    return value.isoformat() if value else None


def item_json(item: LedgerItem) -> dict[str, Any]:
    return {
        "provision": item.provision,
        "agreement": item.agreement,
        "status": item.status,
        "level": item.level,
        "peak": item.peak,
        "since": item.since.isoformat(),
        "held_days": item.held_days,
        "fell_on": _day(item.fell_on),
        "fell_by": list(item.fell_by),
        "falls": [{"on": f.on.isoformat(), "level": f.level, "events": list(f.events)} for f in item.falls],
        "undone_by": list(item.undone_by),
        "due": _day(item.due),
        "overdue": item.overdue,
        "part_of": list(item.part_of),
        "dependants": list(item.dependants),
    }


def step_json(wf: WayForward, step: Step) -> dict[str, Any]:
    return {
        "party": step.party,
        "provision": step.provision,
        "from": step.level,
        "to": step.to,
        "kind": step.kind,
        "size": step.size,
        "why": wf.why(step),
        "evidence": [
            {"event": e, "date": _day(wf.events[e].date) if e in wf.events else None}
            for fall in step.item.falls
            for e in fall.events
        ],
    }


def package_json(wf: WayForward, package: Package) -> dict[str, Any]:
    return {
        "tier": package.tier,
        "size": package.size,
        "balance": package.balance,
        "themes": list(package.shared_themes),
        "why": wf.package_why(package),
        "steps": [step_json(wf, s) for s in package.steps],
    }


def to_json(wf: WayForward) -> dict[str, Any]:
    """The shape of ``peacetrack steps --format json`` and ``GET /api/steps`` (docs/forward.md)."""
    return {
        "as_of": wf.as_of.isoformat(),
        "party": wf.party,
        "ledger": {party: [item_json(i) for i in items] for party, items in wf.ledger.items()},
        "packages": [package_json(wf, p) for p in wf.packages],
    }

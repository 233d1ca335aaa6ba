"""The bundled Korean Peninsula dataset: it loads cleanly, stays sourced, and tells the real story.

Count minimums make a broken or truncated load fail loudly; the score checks pin the
shape of the record (a rise in 2018, a stall after Hanoi, the 2020 liaison-office
reversal, the collapse of the military agreement in 2023).
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import orjson
import pytest

from peacetrack.bundle import import_bundles
from peacetrack.bundle.load import load
from peacetrack.bundle.validate import validate
from peacetrack.model.records import Actor, Agreement, Assessment, Event, Gathering, Statement

AGREEMENTS = {"panmunjom-2018", "singapore-2018", "pyongyang-2018", "cma-2018"}


@pytest.fixture(scope="module")
def records() -> dict[str, list[Any]]:
    v = validate(load(["@korean-peninsula"]))
    return {kind: [loc.record for loc in items] for kind, items in v.records.items()}


def test_counts_stay_above_minimums(records: dict[str, list[Any]]) -> None:
    assert {a.id for a in records["agreements"]} >= AGREEMENTS
    provisions = [p for a in records["agreements"] for p in a.provisions]
    assert len(provisions) >= 50
    assert len(records["actors"]) >= 100
    assert len(records["themes"]) >= 9
    events = records["events"]
    assert len([e for e in events if e.date.year >= 2018]) >= 150
    assert len({e.date.year for e in events}) >= 8
    assert sum(1 for e in events if e.summary and "ko" in e.summary) >= 50
    assert len(records["assessments"]) >= len(provisions)


def test_every_event_is_dated_and_sourced(records: dict[str, list[Any]]) -> None:
    for e in records["events"]:
        assert isinstance(e, Event)
        assert e.sources and all(s.url.startswith(("http://", "https://")) for s in e.sources), e.id


def test_every_provision_has_a_level_history_with_evidence(records: dict[str, list[Any]]) -> None:
    provisions = {p.id: a for a in records["agreements"] if isinstance(a, Agreement) for p in a.provisions}
    by_provision: dict[str, list[Assessment]] = defaultdict(list)
    for a in records["assessments"]:
        by_provision[a.provision].append(a)
    assert set(provisions) <= set(by_provision), sorted(set(provisions) - set(by_provision))
    for pid, marks in by_provision.items():
        marks.sort(key=lambda m: m.as_of)
        previous = 0
        for m in marks:
            if m.level != previous:
                assert m.evidence, f"{pid} changes to {m.level} on {m.as_of} without evidence"
            previous = m.level


def test_every_agreement_and_provision_is_bilingual(records: dict[str, list[Any]]) -> None:
    for a in records["agreements"]:
        assert "ko" in a.title and a.source, a.id
        for p in a.provisions:
            assert "ko" in p.text and p.themes and p.responsible, p.id
    for actor in records["actors"]:
        assert isinstance(actor, Actor) and "ko" in actor.name, actor.id


def test_seed_documents_are_records(records: dict[str, list[Any]]) -> None:
    actors = {a.id: a for a in records["actors"]}
    letter = next(
        s for s in records["statements"] if isinstance(s, Statement) and s.kind.value == "open_letter"
    )
    assert letter.date.isoformat() == "2019-03-21"
    assert len(letter.signatories) == 55 == len(set(letter.signatories))
    assert sum(1 for s in letter.signatories if actors[s].ecosoc_status) == 6
    assert {"unsc", "unsc-1718"} <= set(letter.addressees)
    assert letter.demands
    conference = next(g for g in records["gatherings"] if isinstance(g, Gathering) and g.start.year == 2021)
    assert (conference.start.isoformat(), conference.end.isoformat()) == ("2021-11-29", "2021-12-01")
    assert conference.mode.value == "hybrid" and conference.attendance == 100
    assert len(conference.sponsors) == 2


def scores(cli: Any, db_url: str, as_of: str) -> dict[str, dict[str, Any]]:
    result = cli("--db", db_url, "score", "--as-of", as_of, "--by", "agreement", "--format", "json")
    assert result.code == 0, result.err
    return {row["key"]: row for row in orjson.loads(result.out)}


def test_imports_on_both_backends_and_tells_the_story(store: Any, db_url: str, cli: Any) -> None:
    report = import_bundles(store, ["@korean-peninsula"], author="test")
    assert report.counts["events"]["inserted"] >= 150
    assert import_bundles(store, ["@korean-peninsula"], author="test").changed == 0
    y18, y19, y20, y23 = (
        scores(cli, db_url, d) for d in ("2018-12-31", "2019-12-31", "2020-12-31", "2023-12-31")
    )
    assert set(y18) == AGREEMENTS
    # 2018: real implementation on every agreement
    assert all(y18[a]["score"] >= 30 for a in AGREEMENTS)
    # after Hanoi (Feb 2019): no agreement gains, and reversals appear
    assert all(y19[a]["score"] <= y18[a]["score"] for a in AGREEMENTS)
    assert sum(y19[a]["reversed"] for a in AGREEMENTS) > 0
    # June 2020: the liaison office is blown up — the Panmunjom Declaration drops sharply
    assert y20["panmunjom-2018"]["score"] <= y19["panmunjom-2018"]["score"] - 10
    # November 2023: the military agreement collapses
    assert y23["cma-2018"]["score"] < 10 <= y20["cma-2018"]["score"]
    assert y23["cma-2018"]["reversed"] >= 10


def test_the_record_passes_every_integrity_rule(records: dict[str, list[Any]]) -> None:
    """Trusted sources, coherent evidence and current assessments (issue 13; `peacetrack check`)."""
    from peacetrack.bundle.integrity import check

    assert [(b.rule, b.record, b.message) for b in check(records)] == []


def test_every_hand_coded_source_carries_its_category(records: dict[str, list[Any]]) -> None:
    # The generated CNS file takes its category from its host (nti.org, a research database).
    missing = [
        (e.id, s.url)
        for e in records["events"]
        if not e.id.startswith("cns-")
        for s in e.sources
        if s.category is None
    ]
    assert missing == []

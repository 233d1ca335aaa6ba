"""`peacetrack review list|accept|reject`: status changes, the history, and proposed actors accepted along."""

from __future__ import annotations

from typing import Any

import orjson
from sqlalchemy import select, update

from peacetrack.ingest import ingest_paths
from peacetrack.ingest.convert import candidate_id
from peacetrack.pipeline import no_links
from peacetrack.store import Store
from peacetrack.store import tables as t
from peacetrack.store.revisions import history


def test_list_accept_reject_with_history(cli: Any, kp: Store, kit: Any) -> None:
    (letter, news) = ingest_paths(kp, [kit.ko_letter, kit.ko_news], author="ingester", linker=no_links)
    (sid,) = letter.records["statements"]
    listed = cli("review", "list", "--db", kp.url, "--format", "json")
    assert listed.code == 0
    refs = {p["ref"]: p for p in orjson.loads(listed.out)}
    assert f"statements/{sid}" in refs
    assert refs[f"statements/{sid}"]["documents"] == [letter.document_id]
    assert refs[f"statements/{sid}"]["status"] == "proposed"
    only_events = orjson.loads(
        cli("review", "list", "--db", kp.url, "--kind", "event", "--format", "json").out
    )
    assert {p["kind"] for p in only_events} == {"events"}
    table = cli("review", "list", "--db", kp.url)
    assert "waiting for review" in table.out and sid in table.out

    # Accepting the statement accepts the candidate actors it names (and says so).
    accepted = cli("review", "accept", f"statement/{sid}", "--db", kp.url, "--author", "reviewer")
    assert accepted.code == 0, accepted.err
    assert f"statements/{sid}: accepted" in accepted.out
    unknown = candidate_id("접경지역평화시민회의")
    assert f"actors/{unknown}: accepted (referred to by statements/{sid})" in accepted.out
    assert kit.status_of(kp, "statements", sid) == "accepted"
    assert kit.status_of(kp, "actors", unknown) == "accepted"
    with kp.read() as conn:
        last = history(conn, "statements", sid)[-1]
        actor_last = history(conn, "actors", unknown)[-1]
    assert (last.author, last.reason) == ("reviewer", "review: accepted")
    assert actor_last.author == "reviewer" and f"statements/{sid}" in (actor_last.reason or "")

    events = list(news.records["events"])
    rejected = cli("review", "reject", *(f"events/{e}" for e in events), "--db", kp.url, "--reason", "dup")
    assert rejected.code == 0, rejected.err
    assert all(kit.status_of(kp, "events", e) == "rejected" for e in events)
    with kp.read() as conn:
        assert history(conn, "events", events[0])[-1].reason == "dup"
    remaining = {
        p["ref"] for p in orjson.loads(cli("review", "list", "--db", kp.url, "--format", "json").out)
    }
    assert f"statements/{sid}" not in remaining and not {f"events/{e}" for e in events} & remaining
    # A rejected record may be accepted after all.
    assert cli("review", "accept", f"events/{events[0]}", "--db", kp.url).code == 0
    assert kit.status_of(kp, "events", events[0]) == "accepted"


def test_a_reference_to_a_rejected_actor_stops_the_accept(cli: Any, kp: Store, kit: Any) -> None:
    (letter,) = ingest_paths(kp, [kit.ko_letter], author="ingester", linker=no_links)
    (sid,) = letter.records["statements"]
    unknown = candidate_id("군산평화행동")
    assert cli("review", "reject", f"actors/{unknown}", "--db", kp.url).code == 0
    refused = cli("review", "accept", f"statements/{sid}", "--db", kp.url)
    assert refused.code == 2
    assert f"refers to the rejected actor '{unknown}'" in refused.err
    assert kit.status_of(kp, "statements", sid) == "proposed"  # nothing changed
    assert kit.status_of(kp, "actors", candidate_id("접경지역평화시민회의")) == "proposed"


def test_bad_references_change_nothing(cli: Any, kp: Store, kit: Any) -> None:
    (news,) = ingest_paths(kp, [kit.ko_news], author="ingester", linker=no_links)
    first = news.records["events"][0]
    mixed = cli("review", "accept", f"events/{first}", "events/no-such-event", "--db", kp.url)
    assert mixed.code == 2 and "events/no-such-event: $: no such record" in mixed.err
    assert kit.status_of(kp, "events", first) == "proposed"
    assert cli("review", "accept", "nonsense", "--db", kp.url).code == 2
    assert cli("review", "accept", "widgets/x", "--db", kp.url).code == 2
    assert cli("review", "list", "--kind", "widgets", "--db", kp.url).code == 2
    already = cli("review", "accept", "actors/pspd", "--db", kp.url)
    assert already.code == 2 and "already accepted" in already.err
    assert cli("review", "reject", "actors/pspd", "--db", kp.url).code == 2


def test_review_will_not_accept_a_source_on_a_never_host(cli: Any, kp: Store, kit: Any) -> None:
    (news,) = ingest_paths(kp, [kit.ko_news], author="ingester", linker=no_links)
    eid = next(iter(news.records["events"]))
    farm = "https://pledgetimes.com/north-korea-abandons-military-agreement/"
    with kp.write() as conn:
        table = t.RECORD_TABLES["events"]
        doc = orjson.loads(conn.execute(select(table.c.doc).where(table.c.id == eid)).scalar_one())
        doc["sources"] = [{"url": farm}]
        conn.execute(update(table).where(table.c.id == eid).values(doc=orjson.dumps(doc).decode()))
    refused = cli("review", "accept", f"events/{eid}", "--db", kp.url)
    assert refused.code == 2
    assert f"events/{eid}" in refused.err and farm in refused.err and "never accepted" in refused.err
    assert kit.status_of(kp, "events", eid) == "proposed"

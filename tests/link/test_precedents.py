"""Coded events as precedents: what coders linked before lends weight to the same provisions."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import update

from peacetrack.bundle import import_bundles
from peacetrack.fixtures import MINI
from peacetrack.link import (
    EffectCues,
    IndexCache,
    IndexConfig,
    LinkIndex,
    Precedent,
    ProvisionDoc,
    effect_on,
    link_rows,
    link_text,
    precedents_from_bundles,
    precedents_from_store,
)
from peacetrack.store import Store
from peacetrack.store import tables as t

BASE = ProvisionDoc(id="", agreement_id="cma", ref="", text_en="")
DOCS = [
    replace(BASE, id="cma/1", ref="1", text_en="Stop artillery drills within 5 km of the line."),
    replace(BASE, id="cma/2", ref="2", text_en="Withdraw guard posts from the zone."),
]
# Reports say "shelling" and "fired rounds"; the provision says "artillery drills".
SHELLING = Precedent(
    id="ev-shelling",
    date="2019-11-23",
    text_en="Coastal guns fired rounds into the waters near Changrin island",
    links=(("cma/1", "violates"),),
)


def test_a_precedent_links_words_the_provision_lacks() -> None:
    text = "Coastal guns fired more rounds near the island"
    plain = LinkIndex.build(DOCS)
    assert link_text(text, plain) == []  # no word in common with either provision
    index = LinkIndex.build(DOCS, precedents=[SHELLING])
    hits = link_text(text, index)
    assert [h.provision for h in hits] == ["cma/1"]
    assert hits[0].precedents == ["ev-shelling"]
    assert hits[0].as_json()["precedents"] == ["ev-shelling"]


def test_precedent_weight_zero_ignores_precedents() -> None:
    index = LinkIndex.build(DOCS, IndexConfig(precedent_weight=0.0), precedents=[SHELLING])
    assert link_text("Coastal guns fired more rounds near the island", index) == []


def test_precedents_break_a_tie_between_provisions() -> None:
    text = "guard posts and artillery drills near the line"
    base = {h.provision: h.score for h in link_text(text, LinkIndex.build(DOCS))}
    posts = Precedent(
        id="ev-gp", date="2018-11-20", text_en="Ten guard posts blown up", links=(("cma/2", "implements"),)
    )
    index = LinkIndex.build(DOCS, precedents=[posts])
    got = {h.provision: h.score for h in link_text(text, index)}
    assert got["cma/2"] > base["cma/2"]
    assert got["cma/1"] == pytest.approx(base["cma/1"], rel=0.2)  # idf shifts a little, nothing more


def test_precedents_update_incrementally() -> None:
    index = LinkIndex.build(DOCS, precedents=[SHELLING])
    other = Precedent(id="ev-2", date="2020-01-01", text_en="Posts rebuilt", links=(("cma/2", "reverses"),))
    report = index.update(DOCS, [SHELLING, other])
    assert report.precedents_tokenised == ("ev-2",) and report.tokenised == () and report.precedents == 2
    report = index.update(DOCS, [other])
    assert report.precedents_removed == ("ev-shelling",) and report.precedents_tokenised == ()
    assert link_text("Coastal guns fired more rounds near the island", index) == []
    # A link to a provision the index does not hold is ignored, not an error.
    stray = replace(other, id="ev-3", links=(("gone/9", "violates"),))
    assert index.update(DOCS, [stray]).precedents == 1
    with pytest.raises(ValueError, match="ev-3"):
        index.update(DOCS, [stray, stray])


def test_state_keeps_precedent_counts(tmp_path: Path) -> None:
    index = LinkIndex.build(DOCS, precedents=[SHELLING])
    again = LinkIndex()
    assert again.restore(index.state()) == 3  # two provisions and one event
    report = again.update(DOCS, [SHELLING])
    assert report.tokenised == () and report.precedents_tokenised == ()
    assert link_text("guns fired rounds", again)[0].precedents == ["ev-shelling"]


def test_precedents_from_the_store_are_accepted_events_only(store: Store, tmp_path: Path) -> None:
    import_bundles(store, [str(MINI)], author="t")
    with store.read() as conn:
        found = precedents_from_store(conn)
    from_files = precedents_from_bundles([str(MINI)])
    assert (
        [p.id for p in found]
        == [p.id for p in from_files]
        == [
            "2018-09-14-liaison-office-opens",
            "2020-06-16-liaison-office-demolished",
        ]
    )
    blown = found[1]
    assert blown.date == "2020-06-16" and blown.links == (("panmunjom-2018/1.3", "reverses"),)
    assert "blows up" in blown.text_en and "폭파" in blown.text_ko
    assert from_files[1] == blown

    cache = IndexCache(tmp_path / "cache")
    hits = link_text("the office was blown up", cache.for_store(store))
    assert hits[0].provision == "panmunjom-2018/1.3"
    assert "2020-06-16-liaison-office-demolished" in hits[0].precedents

    # An event proposed by ingest and not yet reviewed teaches nothing.
    with store.write() as conn:
        conn.execute(
            update(t.events)
            .where(t.events.c.id == "2020-06-16-liaison-office-demolished")
            .values(status="proposed")
        )
        assert [p.id for p in precedents_from_store(conn)] == ["2018-09-14-liaison-office-opens"]
    cache.for_store(store)
    assert cache.last_report is not None
    assert cache.last_report.precedents_removed == ("2020-06-16-liaison-office-demolished",)


def test_the_bundled_case_has_precedents() -> None:
    found = precedents_from_bundles(["@korean-peninsula"])
    assert len(found) > 100
    assert all(p.links and p.date and p.text_en for p in found)
    by_id = {p.id: p for p in found}
    assert len(by_id) == len(found)


def test_with_no_cue_the_effect_comes_from_the_nearest_precedent() -> None:
    index = LinkIndex.build(DOCS, precedents=[SHELLING])
    cues = EffectCues()
    # No cue word: the most similar event violated cma/1, so that is the proposal.
    got = effect_on("Coastal guns near Changrin island", "cma/1", index, cues, "en")
    assert (got.effect, got.cue, got.cue_class, got.precedent) == (
        "violates",
        None,
        "precedent",
        "ev-shelling",
    )
    assert got.as_json()["precedent"] == "ev-shelling"
    # A cue word wins over any precedent.
    assert effect_on("Coastal guns were removed", "cma/1", index, cues, "en").cue == "removed"
    # No cue and no similar event: mentions.
    assert effect_on("An unrelated sentence", "cma/1", index, cues, "en").effect == "mentions"
    rows = link_rows("Coastal guns near Changrin island", index)
    assert rows[0]["effect"]["precedent"] == "ev-shelling"

"""Another peace process from data alone: its agreements are found by the names its records give."""

from __future__ import annotations

from pathlib import Path

import yaml

from peacetrack.bundle import import_bundles
from peacetrack.ingest.context import build_pipeline
from peacetrack.ingest.service import ingest_bytes
from peacetrack.model.records import Agreement
from peacetrack.pipeline import no_links
from peacetrack.pipeline.agreement_names import name_patterns
from peacetrack.store import Store

BELFAST = {
    "format": "peacetrack/1",
    "actors": [
        {"id": "gbr", "kind": "state", "name": {"en": "United Kingdom"}},
        {"id": "irl", "kind": "state", "name": {"en": "Ireland"}},
    ],
    "agreements": [
        {
            "id": "gfa-1998",
            "title": {"en": "Belfast Agreement"},
            "signed": "1998-04-10",
            "parties": ["gbr", "irl"],
            "aliases": ["Good Friday Agreement", "GFA", "NI"],
            "provisions": [{"ref": "1", "text": {"en": "Power-sharing institutions in Northern Ireland."}}],
        }
    ],
}


def test_a_letter_names_another_process_agreement_by_its_common_name(store: Store, tmp_path: Path) -> None:
    bundle = tmp_path / "belfast.yaml"
    bundle.write_text(yaml.safe_dump(BELFAST), encoding="utf-8")
    import_bundles(store, [str(bundle)], author="t")
    letter = (
        "Open letter to the two governments\n\n12 March 2024\n\nDear Prime Ministers,\n\n"
        "We urge you to honour every strand of the Good Friday Agreement and to restore the institutions "
        "the GFA created; the Belfast agreement still binds both of you.\n\nSincerely,\n\nPeace Network\n"
    )
    outcome = ingest_bytes(store, letter.encode(), "letter.txt", author="t", linker=no_links)
    assert outcome.ok, outcome.error
    assert outcome.output["mentions"]["agreements"] == ["gfa-1998"]
    named = [s["text"] for s in outcome.output["spans"] if s["pointer"] == "/mentions/agreements/0"]
    assert named == ["Good Friday Agreement", "GFA", "Belfast agreement"]  # each of its names in the letter


def test_names_become_patterns_and_short_aliases_do_not() -> None:
    agreement = Agreement.model_validate(BELFAST["agreements"][0])
    patterns = name_patterns([agreement])
    assert {p.agreement for p in patterns} == {"gfa-1998"}
    texts = ["the Good  Friday\nAgreement", "under the GFA,", "the belfast agreement"]
    assert all(any(p.pattern.search(t) for p in patterns) for t in texts)
    assert not any(
        p.pattern.search("NI and gfa in lower case") for p in patterns
    )  # 2 letters; acronyms as written


def test_group_words_come_from_the_process_record_not_the_engine(store: Store, tmp_path: Path) -> None:
    bundle = tmp_path / "belfast.yaml"
    process = {
        "id": "northern-ireland-test",
        "name": {"en": "Northern Ireland peace process"},
        "agreements": ["gfa-1998"],
        "groups": [{"word": "both governments", "actors": ["gbr", "irl"]}],
    }
    bundle.write_text(yaml.safe_dump({**BELFAST, "processes": [process]}), encoding="utf-8")
    import_bundles(store, [str(bundle)], author="t")
    groups = build_pipeline(store, linker=no_links).registry.groups
    assert dict(groups) == {"both governments": ("gbr", "irl")}
    letter = (
        "Statement on the institutions\n\n12 March 2024\n\nWe call on both governments to restore the "
        "institutions of the Good Friday Agreement.\n\nPeace Network\n"
    )
    outcome = ingest_bytes(store, letter.encode(), "statement.txt", author="t", linker=no_links)
    assert outcome.ok, outcome.error
    named = {m["actor"] for m in outcome.output["mentions"]["actors"] if m["actor"]}
    assert named == {"gbr", "irl"}  # the process's own word names both governments


def test_places_come_from_the_process_record_not_the_engine(store: Store, tmp_path: Path) -> None:
    programme = (
        "Peace Forum 2024\n\nDate: 14 May 2024\nVenue: Stormont Parliament Buildings, Stormont\n"
        "Organised by Peace Network\n\nProgramme\n10:00 Opening\n"
    )
    # Without the process, the engine knows world cities only: Stormont is no place it can name.
    bundle = tmp_path / "belfast.yaml"
    bundle.write_text(yaml.safe_dump(BELFAST), encoding="utf-8")
    import_bundles(store, [str(bundle)], author="t")
    before = ingest_bytes(store, programme.encode(), "forum.txt", author="t", linker=no_links)
    assert before.ok, before.error
    [gathering] = before.output["gatherings"]
    assert gathering.get("place") is None

    process = {
        "id": "northern-ireland-test",
        "name": {"en": "Northern Ireland peace process"},
        "agreements": ["gfa-1998"],
        "places": [{"name": {"en": "Stormont"}}, {"name": {"en": "Derry"}, "aliases": ["Londonderry"]}],
    }
    bundle.write_text(yaml.safe_dump({**BELFAST, "processes": [process]}), encoding="utf-8")
    import_bundles(store, [str(bundle)], author="t")
    places = build_pipeline(store, linker=no_links).resources.places
    assert places["Londonderry"] == "Derry"  # every spelling, to the name records give it
    assert places["Seoul"] == "Seoul"  # the engine's world cities stay
    after = ingest_bytes(
        store, programme.replace("2024", "2025").encode(), "forum2.txt", author="t", linker=no_links
    )
    assert after.ok, after.error
    assert [g.get("place") for g in after.output["gatherings"]] == ["Stormont"]


def test_the_engine_holds_no_korean_town() -> None:
    from peacetrack.pipeline import load_resources

    places = load_resources().places
    assert "Seoul" in places and "평양" in places  # capitals of the world, in both languages
    assert not {"Paju", "파주", "Panmunjom", "판문점", "Cheorwon"} & set(places)

"""Ranking sanity on the bundled case, in both languages, and the ingest hook."""

from __future__ import annotations

from dataclasses import replace

import pytest

from peacetrack.link import IndexConfig, LinkIndex, ProvisionDoc, link_text, make_linker

FAMILIES = "panmunjom-2018/1.5|pyongyang-2018/3.1"  # reunions, or the Kumgang reunion centre

CASES = [
    ("North Korea blew up the inter-Korean liaison office in Kaesong", "panmunjom-2018/1.3"),
    ("Ten frontline guard posts in the DMZ were demolished", "cma-2018/2.1"),
    ("Separated families were reunited at Mount Kumgang in August", FAMILIES),
    ("The North fired artillery shells into the maritime buffer zone", "cma-2018/1.2"),
    ("55 sets of remains of American soldiers were repatriated", "singapore-2018/4"),
    ("South Korea suspended the no-fly zone over the demarcation line", "cma-2018/1.3"),
    ("북한이 개성 남북공동연락사무소를 폭파했다", "panmunjom-2018/1.3"),
    ("북한군이 비무장지대 감시초소를 폭파했다", "cma-2018/2.1"),
    ("이산가족들이 금강산에서 상봉했다", FAMILIES),
    ("군이 대북 확성기 방송을 재개했다", "panmunjom-2018/2.1"),
    ("동·서해선 철도와 도로 연결 착공식이 판문역에서 열렸다", "pyongyang-2018/2.1"),
    ("화살머리고지에서 유해 발굴이 시작됐다", "cma-2018/2.3"),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_first_hit(kp_index: LinkIndex, text: str, expected: str) -> None:
    hits = link_text(text, kp_index, top=5)
    assert hits[0].provision in expected.split("|"), [h.provision for h in hits]
    assert hits[0].score > 0
    assert hits[0].matched, "a hit says which words matched"
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


def test_matched_words_come_from_the_text(kp_index: LinkIndex) -> None:
    text = "Pyongyang demolished the joint liaison office"
    hit = link_text(text, kp_index, top=1)[0]
    assert {"liaison", "office"} <= set(hit.matched)
    assert all(word in text for word in hit.matched)


def test_hit_carries_its_provision(kp_index: LinkIndex) -> None:
    hit = link_text("연락사무소를 폭파", kp_index, top=1)[0]
    assert (hit.agreement, hit.ref) == ("panmunjom-2018", "1.3")
    assert "liaison office" in hit.text["en"]
    assert set(hit.as_json()) == {"provision", "agreement", "ref", "score", "matched", "text", "precedents"}


def test_aliases_lead_to_the_agreement(kp_index: LinkIndex) -> None:
    for text in ("the CMA", "9·19 군사합의", "September 19 military agreement"):
        hits = link_text(text, kp_index, top=5)
        # The CMA's provisions, or the Pyongyang declaration's item adopting it.
        assert all(h.agreement == "cma-2018" or h.provision == "pyongyang-2018/1.1" for h in hits[:3]), text
        assert sum(h.agreement == "cma-2018" for h in hits) >= 3, text


def test_top_and_empty_text(kp_index: LinkIndex) -> None:
    assert len(link_text("liaison office", kp_index, top=2)) <= 2
    assert link_text("   ", kp_index) == []
    assert link_text("xyzzy qwerty", kp_index) == []
    assert link_text("liaison office", kp_index, top=0) == []


def test_make_linker_returns_confident_ids(kp_index: LinkIndex) -> None:
    linker = make_linker(kp_index)
    ids = linker("North Korea blew up the joint liaison office in Kaesong")
    assert ids[0] == "panmunjom-2018/1.3"
    assert len(ids) <= 3
    assert linker("") == []
    many = make_linker(kp_index, top=5, relative=0.0)("buffer zone artillery drills")
    assert len(many) == 5


def test_a_general_clause_shares_in_its_items_score() -> None:
    """part_of: a text about one item of an article also bears on the article's general clause."""
    base = ProvisionDoc(id="", agreement_id="cma", ref="", text_en="")
    docs = [
        replace(base, id="cma/1.1", ref="1.1", text_en="Cease all hostile acts against each other."),
        replace(base, id="cma/1.3", ref="1.3", text_en="No-fly zones over the line.", part_of=("cma/1.1",)),
        replace(base, id="cma/2.1", ref="2.1", text_en="Withdraw guard posts."),
    ]
    text = "Drones crossed the no-fly zone"
    plain = {
        h.provision: h.score for h in link_text(text, LinkIndex.build(docs, IndexConfig(part_of_weight=0)))
    }
    assert set(plain) == {"cma/1.3"}
    hits = link_text(text, LinkIndex.build(docs, IndexConfig(part_of_weight=0.7)))
    assert [h.provision for h in hits] == ["cma/1.3", "cma/1.1"]
    assert hits[1].score == pytest.approx(0.7 * hits[0].score)
    # A parent keeps its own score where that is higher: the larger of the two, never their sum.
    index = LinkIndex.build(docs, IndexConfig(part_of_weight=0.7))
    for text in ("hostile acts against each other, near the no-fly zone", "all hostile acts near the line"):
        got = {h.provision: h.score for h in link_text(text, index)}
        mine = {
            h.provision: h.score
            for h in link_text(text, LinkIndex.build(docs, IndexConfig(part_of_weight=0)))
        }
        assert got["cma/1.1"] == pytest.approx(max(mine["cma/1.1"], 0.7 * mine.get("cma/1.3", 0.0)))

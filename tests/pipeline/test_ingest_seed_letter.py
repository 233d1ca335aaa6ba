"""The seed open letter of 55 organisations to the UN Security Council, field by field."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

LETTER = Path(__file__).parent / "corpus" / "seeds" / "open-letter-unsc-2019.txt"

ECOSOC = {
    "Citizens' Coalition for Economic Justice",
    "Korea Federation for Environmental Movements",
    "Korean Sharing Movement",
    "Korea Women's Associations United",
    "MINBYUN-Lawyers for a Democratic Society",
    "People's Solidarity for Participatory Democracy (PSPD)",
}


@pytest.fixture(scope="module")
def letter(ingest: Callable[[Path], Any]) -> Any:
    return ingest(LETTER)


@pytest.fixture(scope="module")
def statement(letter: Any) -> dict[str, Any]:
    statements = letter.out["statements"]
    assert len(statements) == 1
    return statements[0]  # type: ignore[no-any-return]


def test_document(letter: Any) -> None:
    document = letter.out["document"]
    assert document["kind"] == "open_letter"
    assert document["language"] == "en"
    assert document["date"] == "2019-03-21"
    assert document["title"] == "Open Letter to the UN Security Council Members"
    assert document["id"] == "doc-" + document["sha256"][:16]
    assert document["path"] == str(LETTER)


def test_statement_heading(statement: dict[str, Any]) -> None:
    assert statement["kind"] == "open_letter"
    assert statement["date"] == "2019-03-21"
    assert statement["title"] == {"en": "The peace process on the Korean Peninsula must go on"}


def test_addressed_to_the_council_and_its_1718_committee(statement: dict[str, Any]) -> None:
    resolved = [a["actor"] for a in statement["addressees"] if a["actor"]]
    assert resolved == ["unsc", "unsc-1718"]
    names = [a["name"] for a in statement["addressees"]]
    assert "Francois Delattre" in names  # the Council's president, named in the address block
    assert "international community" in names


def test_exactly_55_signatories_once_each(statement: dict[str, Any]) -> None:
    signatories = statement["signatories"]
    assert len(signatories) == 55
    names = [s["name"] for s in signatories]
    assert len(set(names)) == 55
    assert names[0] == "80 Million Koreans Community Preparing for Reunification (K.P.R.)"
    assert names[-1] == "World Without War"
    # Written as "NCKK (...)" after a comma in the first list and "NCCK" in the second: one signatory.
    ncck = [n for n in names if "National Council of Churches" in n]
    assert ncck == [
        "Reconciliation and Reunification Committee, NCCK (The National Council of Churches in Korea)"
    ]
    # Broken over a blank line in the first list, whole in the second.
    assert "Daejeon Women's Association for Democracy" in names
    assert "The Corea Peace 3000" in names


def test_six_with_ecosoc_status(statement: dict[str, Any]) -> None:
    marked = {s["name"] for s in statement["signatories"] if s["ecosoc"]}
    assert marked == ECOSOC


def test_signatories_resolved_against_the_registry(statement: dict[str, Any]) -> None:
    by_name = {s["name"]: s["actor"] for s in statement["signatories"]}
    assert by_name["People's Solidarity for Participatory Democracy (PSPD)"] == "pspd"
    assert by_name["MINBYUN-Lawyers for a Democratic Society"] == "minbyun"
    assert by_name["Korean Sharing Movement"] == "ksm"
    assert by_name["World Without War"] is None  # not in the registry: kept as a candidate


def test_demands(statement: dict[str, Any]) -> None:
    demands = statement["demands"]
    texts = [d["text"]["en"] for d in demands]
    assert len(demands) == 5  # the appeal is made twice, word for word: one demand
    assert texts[0].startswith("We appeal to the Members of the UN Security Council")
    assert texts[1].startswith("We request the Members of the UN Security Council to publicly announce")
    assert texts[2] == (
        "We also request the 1718 Committee to lift all the sanctions "
        "against humanitarian support to the DPRK."
    )
    assert texts[3].startswith("We urge the 1718 Committee to lift all the sanctions")
    assert texts[4].startswith("Once again, we urge the UN Security Council and the international community")
    addressees = [[a["actor"] for a in d["addressees"]] for d in demands]
    assert addressees == [["unsc", "unsc-1718", None], ["unsc"], ["unsc-1718"], ["unsc-1718"], ["unsc", None]]
    assert all(d["provisions"] == [] for d in demands)


def test_agreement_mentions(letter: Any) -> None:
    assert letter.out["mentions"]["agreements"] == ["unscr-1718", "singapore-2018"]


def test_no_gatherings_or_events(letter: Any) -> None:
    assert letter.out["gatherings"] == []
    assert letter.out["events"] == []


def test_mentions_count_actors(letter: Any) -> None:
    mentions = {m["actor"]: m for m in letter.out["mentions"]["actors"] if m["actor"]}
    assert mentions["prk"]["count"] >= 20  # "DPRK" throughout
    assert mentions["unsc-1718"]["count"] >= 3
    unknown = [m for m in letter.out["mentions"]["actors"] if m["actor"] is None]
    assert any(m["name"] == "World Without War" for m in unknown)

"""The seed news report of the KSM's hybrid conference of 29 Nov - 1 Dec 2021, field by field."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

NEWS = Path(__file__).parent / "corpus" / "seeds" / "conference-news-ksm-2021.txt"


@pytest.fixture(scope="module")
def report(ingest: Callable[[Path], Any]) -> Any:
    return ingest(NEWS)


@pytest.fixture(scope="module")
def gathering(report: Any) -> dict[str, Any]:
    gatherings = report.out["gatherings"]
    assert len(gatherings) == 1
    return gatherings[0]  # type: ignore[no-any-return]


def test_document(report: Any) -> None:
    document = report.out["document"]
    assert document["kind"] == "conference_report"
    assert document["language"] == "en"  # a few Korean labels do not make it mixed
    assert document["date"] == "2022-01-21"  # "작성일/Date 2022-01-21 14:55"
    assert document["title"] == (
        "The Second International Conference of 2021, "
        "Seeking an Integrated Approach to Cooperation & Peacebuilding"
    )


def test_title_dates_place_mode(gathering: dict[str, Any]) -> None:
    assert gathering["title"] == {
        "en": "2021 International Conference on Peace & Development on the Korean Peninsula"
    }
    # "on November 29th, 30th, and December 1st": the year from the document's date (January 2022).
    assert (gathering["start"], gathering["end"]) == ("2021-11-29", "2021-12-01")
    assert gathering["place"] == "Seoul"
    assert gathering["mode"] == "hybrid"  # "simultaneously online and in Seoul"


def test_five_cohosts_and_two_sponsors(gathering: dict[str, Any]) -> None:
    hosts = [(h["name"], h["actor"]) for h in gathering["hosts"]]
    assert hosts == [
        ("Korean Sharing Movement", "ksm"),
        ("Civil Peace Forum", "civil-peace-forum"),
        ("Korean Women’s Movement for Peace", "kwmp"),  # spelt "Korea Women's" in the registry
        ("American Friends Service Committee", "afsc"),
        ("Friedrich Ebert Stiftung", "fes"),  # "Friedrich-Ebert-Stiftung" in the registry
    ]
    sponsors = [(s["name"], s["actor"]) for s in gathering["sponsors"]]
    assert sponsors == [
        ("Seoul Metropolitan Government", "seoul-city"),
        ("Korea NGO Council for Cooperation with North Korea", "kncc"),
    ]


def test_attendance(gathering: dict[str, Any]) -> None:
    assert gathering["attendance"] == 100


def test_one_open_session_and_two_closed_meetings(gathering: dict[str, Any]) -> None:
    sessions = gathering["sessions"]
    assert [s["access"] for s in sessions] == ["open", "closed", "closed"]
    assert [s["title"]["en"] for s in sessions] == [
        "DPRK Cooperation & Korean Peninsula Peacebuilding, Searching for an Integrated Approach",
        "Explore a Coordinated International Response to the COVID-19 DPRK Engagement Impasse",
        "Strengthen Cooperation between Peace & Humanitarian Religious Groups, "
        "Religious & non-Religious Groups",
    ]
    assert sessions[0]["date"] == "2021-11-29"  # "The first day saw an open session"
    assert "date" not in sessions[1]  # "over the next two days": which meeting when is not said


def test_open_session_topics(gathering: dict[str, Any]) -> None:
    topics = [t["en"] for t in gathering["sessions"][0]["topics"]]
    assert topics == [
        "the use of official dialogue processes to build peace on the Korean Peninsula",
        "an analysis of the impact of sanctions against North Korea",
        "the possibilities and implications of an end of war declaration",
    ]


def test_speakers_quoted(gathering: dict[str, Any]) -> None:
    speakers = gathering["sessions"][0]["speakers"]
    assert [(s["name"], s["actor"]) for s in speakers] == [
        ("Christine Ahn", "christine-ahn"),
        ("Kerri Kennedy", None),
    ]
    assert speakers[0]["quote"].startswith("Ending a 70-year war is no small feat")
    assert speakers[1]["quote"].startswith("After 71 years it is long past time")


def test_no_statement(report: Any) -> None:
    assert report.out["statements"] == []

"""The two seed session programmes: their conference, session, discussion points, events and agreements."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

SEEDS = Path(__file__).parent / "corpus" / "seeds"


def test_plenary_programme(ingest: Callable[[Path], Any]) -> None:
    out = ingest(SEEDS / "plenary-programme-arms-control.txt").out
    assert out["document"]["kind"] == "programme"
    assert "date" not in out["document"]
    [gathering] = out["gatherings"]
    assert gathering["title"] == {"en": "Borderless Security Crises and Multilateral Responses"}
    assert "start" not in gathering and "mode" not in gathering  # a programme without dates says neither
    [session] = gathering["sessions"]
    assert session["title"] == {"en": "Advancing the Korean Peninsula Peace Process and Role of Arms Control"}
    assert session["access"] == "open"
    assert [t["en"] for t in session["topics"]] == [
        "Review the Korean Peninsula Peace Process and examine the regional security environment, "
        "as well as obstacles to the peace process",
        "Set out tasks to move the Korean Peninsula Peace Process forward",
        "Seek ways to advance the Korean Peninsula Peace Process through inter-Korean arms control",
        "Discuss roles of neighboring countries and the international community in establishing peace "
        "on the Korean Peninsula",
    ]


def test_plenary_programme_events_and_agreements(ingest: Callable[[Path], Any]) -> None:
    out = ingest(SEEDS / "plenary-programme-arms-control.txt").out
    events = [(e["date"], e["precision"], e["type"], e["title"]["en"]) for e in out["events"]]
    assert events == [
        ("2018-02-01", "month", "exchange", "North Korea’s participation in the Pyeongchang Winter Olympics"),
        ("2018-04-01", "month", "summit", "three inter-Korean summits"),
        ("2018-05-01", "month", "summit", "three inter-Korean summits"),
        ("2018-09-01", "month", "summit", "three inter-Korean summits"),
        ("2018-06-01", "month", "summit", "US-North Korea summit"),
        ("2021-05-01", "month", "summit", "ROK-US summit in Washington"),
    ]
    assert out["events"][5]["place"] == "Washington"
    assert {a["actor"] for a in out["events"][4]["actors"]} == {"usa", "prk"}
    # The CMA's full title contains "Panmunjom Declaration": that mention is the CMA, the later ones the PD.
    assert out["mentions"]["agreements"] == ["cma-2018", "panmunjom-2018", "singapore-2018"]


def test_session_programme(ingest: Callable[[Path], Any]) -> None:
    out = ingest(SEEDS / "session-programme-peace-process.txt").out
    assert out["document"]["kind"] == "programme"
    [gathering] = out["gatherings"]
    assert gathering["title"] == {
        "en": "Emerging Security Challenges: Overcoming through Solidarity and Cooperation"
    }
    [session] = gathering["sessions"]
    assert session["title"] == {
        "en": "The Korean Peninsula Peace Process: Achievements, Outlook, and Challenges"
    }
    assert [t["en"] for t in session["topics"]] == [
        "Analyzing the security environment on the Korean Peninsula, focusing on inter-Korean and "
        "US-North Korea relations",
        "Evaluating the performance of the peace process on the Korean Peninsula to date and identifying "
        "the way forward",
        "Presenting tasks for the successful implementation of the Korean Peninsula Peace Process",
        "Discussing the role of neighboring countries and international cooperation measures in building "
        "a peace regime on the Korean Peninsula",
    ]


def test_session_programme_events_and_agreements(ingest: Callable[[Path], Any]) -> None:
    out = ingest(SEEDS / "session-programme-peace-process.txt").out
    events = [(e["date"], e["type"], e["title"]["en"]) for e in out["events"]]
    assert events == [
        ("2019-02-01", "summit", "an unsuccessful Hanoi summit"),
        (
            "2020-06-01",
            "unilateral_measure",
            "demolishing the Inter-Korean Joint Liaison Office",
        ),  # "June of 2020"
    ]
    # "Comprehensive Military Agreement (CMA, also known as the September 19 Military Agreement)", "4‧27 …"
    assert out["mentions"]["agreements"] == ["cma-2018", "panmunjom-2018"]

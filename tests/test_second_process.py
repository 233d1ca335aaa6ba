"""Any peace process from data alone (issue 12): the bundled Northern Ireland case, alone and beside Korea."""

from __future__ import annotations

import re
from typing import Any

import orjson
import pytest
from fastapi.testclient import TestClient

from peacetrack.bundle import import_bundles
from peacetrack.ingest.service import ingest_bytes
from peacetrack.pipeline import no_links
from peacetrack.store import Store, upgrade
from peacetrack.web.app import create_app

KOREA = re.compile(
    r"\bKorea\b|Korean Peninsula|North Korea|South Korea|한반도|북한|남북|대한민국|조선민주주의"
)

PAGES = [
    "/",
    "/?lang=ko",
    "/agreements",
    "/agreements/belfast-1998",
    "/provisions/belfast-1998/decommissioning",
    "/events",
    "/actors",
    "/environment",
    "/forward?as_of=2018-06-30",
    "/report?as_of=2018-06-30",
    "/library",
    "/search?q=assembly",
]
API = [
    "/api/processes",
    "/api/scores?as_of=2018-06-30",
    "/api/scores/series?freq=yearly",
    "/api/agreements",
    "/api/events",
    "/api/environment?by=month&from=2017-01-01&to=2017-12-31",
    "/api/steps?as_of=2018-06-30",
    "/api/search?q=police",
]


@pytest.fixture(scope="module")
def ireland(tmp_path_factory: pytest.TempPathFactory) -> Store:
    store = Store(f"sqlite:///{tmp_path_factory.mktemp('ni') / 'ni.db'}")
    upgrade(store)
    import_bundles(store, ["@northern-ireland"], author="test")
    return store


def test_alone_nothing_mentions_korea(ireland: Store, cli: Any) -> None:
    client = TestClient(create_app(ireland.url))
    for path in PAGES:
        page = client.get(path)
        assert page.status_code == 200, path
        assert not KOREA.search(page.text), (path, KOREA.search(page.text))
    assert "Monitoring the Northern Ireland peace process since 1998" in client.get("/?lang=en").text
    for path in API:
        answer = client.get(path)
        assert answer.status_code == 200, path
        assert not KOREA.search(answer.text), (path, KOREA.search(answer.text))
    for args in (("score", "--as-of", "2018-06-30"), ("steps", "--as-of", "2018-06-30"), ("environment",)):
        out = cli(*args, "--db", ireland.url)
        assert out.code == 0, out.err
        assert not KOREA.search(out.out), (args, KOREA.search(out.out))


def test_the_record_shows_the_collapses(ireland: Store, cli: Any) -> None:
    def score(day: str) -> dict[str, Any]:
        rows = orjson.loads(cli("score", "--as-of", day, "--format", "json", "--db", ireland.url).out)
        assert [r["key"] for r in rows] == ["belfast-1998"]
        return dict(rows[0])

    assert score("2008-12-31")["reversed"] == 0
    during = score("2018-06-30")  # the Executive collapsed in January 2017
    assert during["reversed"] >= 3 and during["score"] < score("2008-12-31")["score"]
    assert score("2024-06-30")["reversed"] == 0  # restored in February 2024


def test_a_letter_names_the_agreement_and_its_signatories_resolve(ireland: Store) -> None:
    letter = (
        "Open letter to the British and Irish governments\n\n12 March 2024\n\n"
        "Dear Prime Minister and Taoiseach,\n\n"
        "Twenty-six years after the Good Friday Agreement, we ask you to protect every strand of the "
        "Belfast Agreement and to keep the institutions the GFA created working.\n\n"
        "Signed,\n\nSinn Féin\nSocial Democratic and Labour Party\nAlliance Party of Northern Ireland\n"
    )
    outcome = ingest_bytes(ireland, letter.encode(), "letter.txt", author="t", linker=no_links)
    assert outcome.ok, outcome.error
    assert outcome.output["mentions"]["agreements"] == ["belfast-1998"]
    named = [s["text"] for s in outcome.output["spans"] if s["pointer"] == "/mentions/agreements/0"]
    assert [n.removeprefix("the ") for n in named] == ["Good Friday Agreement", "Belfast Agreement", "GFA"]
    signed = [(s["name"], s["actor"]) for s in outcome.output["statements"][0]["signatories"]]
    assert signed == [
        ("Sinn Féin", "ni-sinn-fein"),
        ("Social Democratic and Labour Party", "ni-sdlp"),
        ("Alliance Party of Northern Ireland", "ni-alliance"),
    ]


def test_beside_korea_the_overview_offers_both_and_scores_scope(store: Store) -> None:
    import_bundles(store, ["@korean-peninsula", "@northern-ireland"], author="test")
    client = TestClient(create_app(store.url))
    home = client.get("/").text
    assert "Monitoring 2 peace processes" in home
    assert "?process=northern-ireland" in home and "?process=korean-peninsula" in home
    ni = client.get("/api/scores", params={"process": "northern-ireland", "as_of": "2018-06-30"}).json()
    assert [r["key"] for r in ni] == ["belfast-1998"]
    kp = client.get("/api/scores", params={"process": "korean-peninsula", "as_of": "2018-12-31"}).json()
    assert {r["key"] for r in kp} == {"panmunjom-2018", "singapore-2018", "pyongyang-2018", "cma-2018"}
    scoped = client.get("/", params={"process": "northern-ireland", "as_of": "2018-06-30"}).text
    assert "Belfast" in scoped  # the chooser still names both processes; the tables only this one
    assert not any(title in scoped for title in ("Panmunjom", "Singapore", "Pyongyang", "Military Agreement"))

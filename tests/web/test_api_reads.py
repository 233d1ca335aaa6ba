"""Every read endpoint of the JSON API on the MINI bundle, on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from fastapi.testclient import TestClient

from peacetrack.scoring import scores
from peacetrack.store import Store
from peacetrack.store.scoring_reads import load_index

LIAISON = "panmunjom-2018/1.3"
OPENS, BLOWN_UP = "2018-09-14-liaison-office-opens", "2020-06-16-liaison-office-demolished"


def ok(client: TestClient, url: str) -> Any:
    response = client.get(url)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/json")
    return response.json()


def error_of(client: TestClient, url: str, status: int) -> dict[str, Any]:
    response = client.get(url)
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"}
    assert {"code", "message", "problems"} <= set(body["error"])
    assert body["error"]["message"]
    detail: dict[str, Any] = body["error"]
    return detail


def test_health(client: TestClient) -> None:
    assert ok(client, "/api/health") == {"status": "ok"}


@pytest.mark.parametrize("by", ["agreement", "theme", "party"])
@pytest.mark.parametrize("day", ["2018-01-01", "2019-01-01", "2021-01-01"])
def test_scores_are_the_engines_rows(client: TestClient, loaded: Store, by: str, day: str) -> None:
    with loaded.read() as conn:
        expected = [r.to_json() for r in scores(load_index(conn), date.fromisoformat(day), by)]
    assert ok(client, f"/api/scores?as_of={day}&by={by}") == expected


def test_scores_values_and_reversal(client: TestClient) -> None:
    before = {r["key"]: r for r in ok(client, "/api/scores?as_of=2019-01-01")}
    assert before["panmunjom-2018"] == {
        "key": "panmunjom-2018",
        "score": 33.3,
        "provisions": 3,
        "reversed": 0,
        "levels": {"0": 2, "1": 0, "2": 0, "3": 1},
    }
    after = {r["key"]: r for r in ok(client, "/api/scores?as_of=2021-01-01")}
    assert after["panmunjom-2018"]["score"] == 0.0
    assert after["panmunjom-2018"]["reversed"] == 1
    assert ok(client, "/api/scores?as_of=2018-01-01") == []  # nothing signed yet
    themes = {r["key"]: r["score"] for r in ok(client, "/api/scores?as_of=2019-01-01&by=theme")}
    assert themes == {"denuclearisation": 0.0, "dialogue": 100.0, "military": 0.0, "military-dmz": 0.0}
    assert ok(client, "/api/scores")  # default: today


def test_score_series(client: TestClient) -> None:
    body = ok(client, "/api/scores/series?by=agreement&freq=yearly&from=2018-01-01&to=2021-12-31")
    assert body["by"] == "agreement" and body["freq"] == "yearly"
    assert body["from"] == "2018-01-01" and body["to"] == "2021-12-31"
    assert body["dates"] == ["2018-12-31", "2019-12-31", "2020-12-31", "2021-12-31"]
    lines = {line["key"]: line for line in body["series"]}
    assert lines["panmunjom-2018"]["name"] == {"en": "Panmunjom Declaration", "ko": "판문점 선언"}
    points = [(p["date"], p["score"], p["reversed"]) for p in lines["panmunjom-2018"]["points"]]
    assert points == [
        ("2018-12-31", 33.3, 0),
        ("2019-12-31", 33.3, 0),
        ("2020-12-31", 0.0, 1),
        ("2021-12-31", 0.0, 1),
    ]
    quarterly = ok(client, "/api/scores/series?freq=quarterly&by=theme&from=2018-01-01&to=2018-12-31")
    assert quarterly["dates"] == ["2018-03-31", "2018-06-30", "2018-09-30", "2018-12-31"]
    assert ok(client, "/api/scores/series")["freq"] == "monthly"  # defaults: first signing to today
    error = error_of(client, "/api/scores/series?from=2020-01-01&to=2019-01-01", 422)
    assert error["problems"][0]["path"] == "query.from"
    assert error_of(client, "/api/scores/series?from=1900-01-01&to=2020-01-01", 422)["code"] == "invalid"


def test_agreements(client: TestClient) -> None:
    listed = ok(client, "/api/agreements?as_of=2019-01-01")
    assert [a["id"] for a in listed] == ["panmunjom-2018", "singapore-2018"]
    first = listed[0]
    assert first["provisions"] == 3 and first["score"]["score"] == 33.3
    assert [p["id"] for p in first["parties"]] == ["kor", "prk"]
    assert first["parties"][0]["name"] == {"en": "Republic of Korea", "ko": "대한민국"}
    assert ok(client, "/api/agreements?as_of=2018-05-01")[1]["score"] is None  # Singapore not signed yet

    one = ok(client, "/api/agreements/panmunjom-2018?as_of=2021-01-01")
    assert one["as_of"] == "2021-01-01" and one["status"] == "accepted"
    assert one["place"] == "Peace House, Panmunjom"
    states = {p["id"]: p for p in one["provisions"]}
    assert list(states) == [LIAISON, "panmunjom-2018/2.1", "panmunjom-2018/3.4"]
    liaison = states[LIAISON]
    assert (liaison["level"], liaison["peak"], liaison["reversed"]) == (0, 3, True)
    assert liaison["assessed"] == "2020-06-16"
    assert liaison["themes"] == [{"id": "dialogue", "name": {"en": "Dialogue mechanisms", "ko": "대화 체계"}}]
    assert [a["id"] for a in liaison["responsible"]] == ["kor", "prk"]
    assert liaison["keywords"] == ["liaison office", "연락사무소"]
    assert states["panmunjom-2018/2.1"]["assessed"] is None
    earlier = ok(client, "/api/agreements/panmunjom-2018?as_of=2019-01-01")
    assert {p["id"]: p["level"] for p in earlier["provisions"]}[LIAISON] == 3
    assert error_of(client, "/api/agreements/nope", 404)["code"] == "not_found"


def test_provision_with_history_and_evidence(client: TestClient) -> None:
    body = ok(client, f"/api/provisions/{LIAISON}?as_of=2019-01-01")
    assert body["agreement"] == {
        "id": "panmunjom-2018",
        "title": {"en": "Panmunjom Declaration", "ko": "판문점 선언"},
        "signed": "2018-04-27",
    }
    assert (body["level"], body["peak"], body["reversed"]) == (3, 3, False)
    assert body["text"]["ko"].startswith("개성 지역에")
    history = body["history"]  # every assessment, whatever as_of
    assert [(h["as_of"], h["level"], h["previous"], h["reversed"]) for h in history] == [
        ("2018-09-14", 3, 0, False),
        ("2020-06-16", 0, 3, True),
    ]
    assert history[0]["id"] == f"{LIAISON}@2018-09-14"
    assert history[0]["note"] == {"en": "The office opened with staff from both sides."}
    assert history[1]["note"] == {"en": "The building was destroyed.", "ko": "건물이 파괴되었다."}
    evidence = history[1]["evidence"]
    assert [e["id"] for e in evidence] == [BLOWN_UP]
    assert evidence[0]["date"] == "2020-06-16"
    assert evidence[0]["title"]["ko"] == "북한, 공동연락사무소 폭파"
    assert evidence[0]["sources"] == [
        {
            "url": "https://www.bbc.co.uk/news/av/world-asia-53060787",
            "title": None,
            "publisher": "BBC",
            "published": None,
            "category": "major",  # BBC's host, as the fixture names none
        }
    ]
    assert [(e["id"], e["effect"]) for e in body["events"]] == [(OPENS, "implements"), (BLOWN_UP, "reverses")]
    assert body["events_total"] == 2
    now = ok(client, f"/api/provisions/{LIAISON}?as_of=2021-01-01")
    assert (now["level"], now["reversed"]) == (0, True)
    never = ok(client, "/api/provisions/singapore-2018/3")
    assert never["history"] == [] and never["level"] == 0 and not never["reversed"]
    assert error_of(client, "/api/provisions/panmunjom-2018/9.9", 404)["code"] == "not_found"


def test_a_provision_lists_its_newest_linked_events_and_counts_them_all(
    make_client: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from peacetrack.web.api import agreements

    monkeypatch.setattr(agreements, "LINKED_EVENTS", 1)
    body = ok(make_client(), f"/api/provisions/{LIAISON}?as_of=2019-01-01")
    assert [(e["id"], e["effect"]) for e in body["events"]] == [(BLOWN_UP, "reverses")]
    assert body["events_total"] == 2
    monkeypatch.setattr(agreements, "LINKED_COUNT_CAP", 1)
    capped = ok(make_client(), f"/api/provisions/{LIAISON}?as_of=2020-01-01")
    assert capped["events_total"] == 1 and len(capped["events"]) == 1


def test_themes_and_codebook(client: TestClient) -> None:
    themes = {t["id"]: t for t in ok(client, "/api/themes")}
    assert themes["military-dmz"]["parent"] == "military"
    assert themes["denuclearisation"]["provisions"] == 2
    codebook = ok(client, "/api/codebook")
    summit = next(c for c in codebook["event_type"] if c["code"] == "summit")
    assert summit["label"] == {"en": "Summit", "ko": "정상회담"}
    assert {c["code"] for c in codebook["level"]} == {"0", "1", "2", "3"}


def test_events_detail(client: TestClient) -> None:
    body = ok(client, f"/api/events/{BLOWN_UP}")
    assert body["type"] == "unilateral_measure" and body["place"] == "Kaesong"
    assert body["actors"] == [
        {
            "id": "prk",
            "kind": "state",
            "name": {"en": "Democratic People's Republic of Korea", "ko": "조선민주주의인민공화국"},
        }
    ]
    assert body["effects"] == [{"provision": LIAISON, "effect": "reverses"}]
    assert [p["id"] for p in body["provisions"]] == [LIAISON]
    assert body["cited_by"] == [
        {"id": f"{LIAISON}@2020-06-16", "provision": LIAISON, "as_of": "2020-06-16", "level": 0}
    ]
    assert error_of(client, "/api/events/nope", 404)["message"] == "no event with id 'nope'"


def test_actors(client: TestClient, add_bundle: Callable[[dict[str, Any]], None]) -> None:
    add_bundle(
        {
            "actors": [
                {
                    "id": "kwp",
                    "kind": "organization",
                    "name": {"en": "Korea Peace Now", "ko": "코리아 피스 나우"},
                }
            ],
            "statements": [
                {
                    "id": "joint-2020",
                    "date": "2020-07-27",
                    "title": {"en": "End the war"},
                    "kind": "joint_statement",
                    "signatories": ["pspd", "kwp"],
                }
            ],
        }
    )
    listed = ok(client, "/api/actors")
    assert {a["id"] for a in listed} == {"kor", "prk", "usa", "unsc", "unsc-1718", "pspd", "kwp"}
    assert [a["id"] for a in ok(client, "/api/actors?kind=body")] == ["unsc-1718", "unsc"]
    assert [a["id"] for a in ok(client, "/api/actors?q=north korea")] == ["prk"]  # an alias
    assert [a["id"] for a in ok(client, "/api/actors?q=참여연대")] == ["pspd"]

    prk = ok(client, "/api/actors/prk?as_of=2021-01-01")
    commitments = {c["provision"]["id"]: c for c in prk["commitments"]}
    assert set(commitments) == {LIAISON, "panmunjom-2018/2.1", "panmunjom-2018/3.4", "singapore-2018/3"}
    assert commitments[LIAISON]["level"] == 0 and commitments[LIAISON]["reversed"]
    assert [(a["agreement"]["id"], a["role"]) for a in prk["agreements"]] == [
        ("panmunjom-2018", "party"),
        ("singapore-2018", "party"),
    ]
    assert [e["id"] for e in prk["events"]] == [BLOWN_UP, OPENS]  # newest first
    assert prk["events_total"] == 2

    pspd = ok(client, "/api/actors/pspd")
    assert pspd["ecosoc_status"] == "consultative"
    assert [(s["id"], s["role"]) for s in pspd["statements"]] == [
        ("joint-2020", "signatory"),
        ("open-letter-unsc-2019", "signatory"),
    ]
    assert [(g["id"], g["role"]) for g in pspd["gatherings"]] == [("ksm-conference-2021", "host")]
    assert [(c["actor"]["id"], c["statements"]) for c in pspd["co_signatories"]] == [("kwp", 1)]

    unsc = ok(client, "/api/actors/unsc")
    assert [m["id"] for m in unsc["members"]] == ["unsc-1718"]
    assert [(s["id"], s["role"]) for s in unsc["statements"]] == [("open-letter-unsc-2019", "addressee")]
    assert [m["id"] for m in ok(client, "/api/actors/unsc-1718")["member_of"]] == ["unsc"]
    assert error_of(client, "/api/actors/nope", 404)["code"] == "not_found"


def test_statements(client: TestClient) -> None:
    page = ok(client, "/api/statements")
    assert [s["id"] for s in page["items"]] == ["open-letter-unsc-2019"]
    assert page["items"][0]["signatories"] == 1 and page["next_cursor"] is None
    assert [a["id"] for a in page["items"][0]["addressees"]] == ["unsc", "unsc-1718"]
    assert ok(client, "/api/statements?actor=usa")["items"] == []
    assert len(ok(client, "/api/statements?actor=unsc&kind=open_letter&q=안보리")["items"]) == 1
    assert ok(client, "/api/statements?to=2019-01-01")["items"] == []

    one = ok(client, "/api/statements/open-letter-unsc-2019")
    assert one["kind"] == "open_letter" and one["status"] == "accepted"
    assert [a["id"] for a in one["signatories"]] == ["pspd"]
    assert one["demands"][0]["addressee"]["id"] == "unsc"
    assert one["demands"][0]["text"]["ko"] == "한반도 평화 프로세스를 지속시켜 달라."
    assert error_of(client, "/api/statements/nope", 404)["code"] == "not_found"


def test_gatherings(client: TestClient) -> None:
    page = ok(client, "/api/gatherings")
    item = page["items"][0]
    assert item["id"] == "ksm-conference-2021" and item["sessions"] == 1 and item["mode"] == "hybrid"
    assert [h["id"] for h in item["hosts"]] == ["pspd"]
    assert ok(client, "/api/gatherings?mode=online")["items"] == []
    assert len(ok(client, "/api/gatherings?actor=pspd&from=2021-01-01")["items"]) == 1

    one = ok(client, "/api/gatherings/ksm-conference-2021")
    assert one["attendance"] == 100 and one["place"] == "Seoul"
    assert one["sessions"][0]["access"] == "open"
    assert one["sessions"][0]["topics"] == [
        {"en": "What was implemented since 2018", "ko": "2018년 이후 이행된 것"}
    ]
    assert error_of(client, "/api/gatherings/nope", 404)["code"] == "not_found"


def test_assessment_read(client: TestClient) -> None:
    body = ok(client, f"/api/assessments/{LIAISON}@2020-06-16")
    assert body["level"] == 0 and body["provision"]["id"] == LIAISON
    assert [e["id"] for e in body["evidence"]] == [BLOWN_UP]
    assert error_of(client, "/api/assessments/nope", 404)["code"] == "not_found"


def test_error_bodies(client: TestClient) -> None:
    assert error_of(client, "/api/nothing-here", 404)["code"] == "not_found"
    bad_date = error_of(client, "/api/scores?as_of=2019-02-30", 422)
    assert bad_date["code"] == "invalid" and bad_date["problems"][0]["path"] == "query.as_of"
    assert error_of(client, "/api/scores?by=planet", 422)["problems"][0]["path"] == "query.by"
    assert error_of(client, "/api/events?limit=0", 422)["problems"][0]["path"] == "query.limit"
    assert error_of(client, "/api/events?type=picnic", 422)["problems"][0]["path"] == "query.type"
    assert error_of(client, "/api/events?cursor=not-a-cursor", 400)["code"] == "bad_request"
    assert error_of(client, "/api/search", 422)["problems"][0]["path"] == "query.q"
    response = client.delete("/api/health")
    assert response.status_code == 405 and response.json()["error"]["code"] == "method_not_allowed"

"""Writes through the API: auth (401/403/201), validation as import does it, history authors."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any

import orjson
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from peacetrack.store import Store
from peacetrack.store import tables as t
from peacetrack.store.revisions import history

LIAISON = "panmunjom-2018/1.3"
OPENS, BLOWN_UP = "2018-09-14-liaison-office-opens", "2020-06-16-liaison-office-demolished"
Auth = Callable[[str], dict[str, str]]

NEW_EVENT: dict[str, Any] = {
    "id": "2018-12-26-railway-ceremony",
    "date": "2018-12-26",
    "title": {"en": "Groundbreaking ceremony for inter-Korean railways", "ko": "남북 철도 착공식"},
    "type": "economic",
    "actors": ["kor", "prk"],
    "sources": [{"url": "https://example.org/rail", "publisher": "Yonhap"}],
    "effects": [{"provision": "panmunjom-2018/2.1", "effect": "mentions"}],
}


def revisions(store: Store) -> int:
    with store.read() as conn:
        return int(conn.scalar(select(func.count()).select_from(t.revisions)) or 0)


def error(response: Any, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    body: dict[str, Any] = response.json()["error"]
    return body


@pytest.mark.parametrize(
    ("method", "url", "body", "status"),
    [
        ("POST", "/api/events", NEW_EVENT, 201),
        ("PATCH", f"/api/events/{OPENS}", {"place": "Kaesong Industrial Region"}, 200),
        ("DELETE", f"/api/events/{OPENS}", None, 409),  # cited as evidence
        ("POST", "/api/assessments", {"provision": LIAISON, "as_of": "2020-01-01", "level": 2}, 201),
        ("PATCH", f"/api/assessments/{LIAISON}@2018-09-14", {"level": 2}, 200),
        ("DELETE", f"/api/assessments/{LIAISON}@2018-09-14", None, 204),
        ("POST", "/api/bundles", {"format": "peacetrack/1"}, 200),
    ],
)
def test_writes_need_an_editor(
    client: TestClient, loaded: Store, auth: Auth, method: str, url: str, body: Any, status: int
) -> None:
    before = revisions(loaded)
    anonymous = client.request(method, url, json=body)
    assert error(anonymous, 401)["code"] == "unauthorized"
    assert anonymous.headers["www-authenticate"].startswith("Bearer")
    assert error(client.request(method, url, json=body, headers={"Authorization": "Bearer pt_wrong"}), 401)
    assert error(client.request(method, url, json=body, headers={"Authorization": "Basic abc"}), 401)
    assert error(client.request(method, url, json=body, headers=auth("reader")), 403)["code"] == "forbidden"
    assert revisions(loaded) == before  # nothing written
    assert client.request(method, url, json=body, headers=auth("editor")).status_code == status


def test_documents_upload_needs_an_editor(client: TestClient, auth: Auth) -> None:
    text = b"Open letter to the UN Security Council. We call on the Council to keep the peace process going."
    files = {"file": ("letter.txt", text, "text/plain")}
    assert error(client.post("/api/documents", files=files), 401)
    assert error(client.post("/api/documents", files=files, headers=auth("reader")), 403)
    stored = client.post("/api/documents", files=files, headers=auth("editor"))
    assert stored.status_code == 201, stored.text
    assert stored.json()["document"]["sha256"] == hashlib.sha256(text).hexdigest()
    again = client.post("/api/documents", files=files, headers=auth("admin"))
    assert again.status_code == 200  # the same bytes: nothing changes
    empty = {"file": ("empty.txt", b"", "text/plain")}
    assert error(client.post("/api/documents", files=empty, headers=auth("editor")), 422)


def test_post_assessment_changes_scores_and_history(client: TestClient, loaded: Store, auth: Auth) -> None:
    body = {
        "provision": LIAISON,
        "as_of": "2021-06-01",
        "level": 1,
        "evidence": [BLOWN_UP],
        "note": {"en": "Talks on a new office.", "ko": "새 사무소 논의."},
    }
    created = client.post("/api/assessments?reason=test+coding", json=body, headers=auth("editor"))
    assert created.status_code == 201, created.text
    out = created.json()
    assert out["id"] == f"{LIAISON}@2021-06-01"
    assert created.headers["location"] == f"/api/assessments/{LIAISON}@2021-06-01"
    assert out["level"] == 1 and [e["id"] for e in out["evidence"]] == [BLOWN_UP]
    assert client.get(f"/api/provisions/{LIAISON}?as_of=2021-07-01").json()["level"] == 1
    score = {r["key"]: r for r in client.get("/api/scores?as_of=2021-07-01").json()}["panmunjom-2018"]
    assert score["levels"]["1"] == 1 and score["reversed"] == 1
    with loaded.read() as conn:
        revs = history(conn, "assessments", out["id"])
    assert [(r.op, r.author, r.reason) for r in revs] == [("insert", "editor", "test coding")]

    # A second one on the same day is a new record, recorded last: it wins.
    again = client.post("/api/assessments", json={**body, "level": 2}, headers=auth("admin"))
    assert again.status_code == 201 and again.json()["id"] == f"{LIAISON}@2021-06-01#2"
    assert client.get(f"/api/provisions/{LIAISON}?as_of=2021-07-01").json()["level"] == 2
    with loaded.read() as conn:
        assert history(conn, "assessments", f"{LIAISON}@2021-06-01#2")[0].author == "admin"
    taken = client.post("/api/assessments", json={**body, "id": out["id"]}, headers=auth("editor"))
    assert error(taken, 409)["code"] == "conflict"


def test_post_assessment_is_validated_like_import(client: TestClient, loaded: Store, auth: Auth) -> None:
    before = revisions(loaded)
    unknown = client.post(
        "/api/assessments",
        json={
            "provision": "panmunjom-2018/9.9",
            "as_of": "2021-01-01",
            "level": 2,
            "evidence": ["nope", OPENS],
        },
        headers=auth("editor"),
    )
    problems = {(p["path"], p["reason"]) for p in error(unknown, 422)["problems"]}
    assert problems == {
        ("$.provision", "unknown provision 'panmunjom-2018/9.9'"),
        ("$.evidence[0]", "unknown event 'nope'"),
    }
    rules = client.post(
        "/api/assessments",
        json={"provision": LIAISON, "as_of": "2018-01-01", "level": 2, "evidence": [BLOWN_UP]},
        headers=auth("editor"),
    )
    reasons = [p["reason"] for p in error(rules, 422)["problems"]]
    assert any("before agreement 'panmunjom-2018' was signed" in r for r in reasons)
    assert any("is dated after as_of" in r for r in reasons)
    shape = client.post(
        "/api/assessments",
        json={"provision": LIAISON, "as_of": "2021-13-01", "level": 7, "colour": "red"},
        headers=auth("editor"),
    )
    paths = {p["path"] for p in error(shape, 422)["problems"]}
    assert paths == {"$.as_of", "$.level", "$.colour"}
    assert revisions(loaded) == before


def test_events_create_patch_delete(client: TestClient, loaded: Store, auth: Auth) -> None:
    created = client.post("/api/events", json=NEW_EVENT, headers=auth("editor"))
    assert created.status_code == 201, created.text
    assert created.json()["provisions"][0]["id"] == "panmunjom-2018/2.1"
    assert created.headers["location"] == f"/api/events/{NEW_EVENT['id']}"
    assert (
        error(client.post("/api/events", json=NEW_EVENT, headers=auth("editor")), 409)["code"] == "conflict"
    )
    bad = client.post(
        "/api/events",
        json={
            **NEW_EVENT,
            "id": "x-1",
            "actors": ["atlantis"],
            "effects": [{"provision": "nope/1", "effect": "implements"}],
        },
        headers=auth("editor"),
    )
    assert {p["path"] for p in error(bad, 422)["problems"]} == {"$.actors[0]", "$.effects[0].provision"}

    eid = NEW_EVENT["id"]
    patched = client.patch(
        f"/api/events/{eid}",
        json={"place": "Panmun Station", "summary": {"en": "A ceremony."}},
        headers=auth("admin"),
    )
    assert patched.status_code == 200, patched.text
    assert patched.json()["place"] == "Panmun Station" and patched.json()["summary"] == {"en": "A ceremony."}
    removed = client.patch(f"/api/events/{eid}", json={"place": None}, headers=auth("editor"))
    assert removed.json()["place"] is None
    assert error(client.patch(f"/api/events/{eid}", json={"id": "other"}, headers=auth("editor")), 422)
    assert error(client.patch(f"/api/events/{eid}", json={"type": "picnic"}, headers=auth("editor")), 422)
    assert error(client.patch("/api/events/nope", json={}, headers=auth("editor")), 404)

    cited = client.delete(f"/api/events/{OPENS}", headers=auth("editor"))
    assert error(cited, 409)["problems"][0]["path"] == f"assessments/{LIAISON}@2018-09-14"
    assert client.delete(f"/api/events/{eid}", headers=auth("editor")).status_code == 204
    assert client.get(f"/api/events/{eid}").status_code == 404
    assert error(client.delete(f"/api/events/{eid}", headers=auth("editor")), 404)
    with loaded.read() as conn:
        ops = [(r.op, r.author) for r in history(conn, "events", eid)]
    assert ops == [("insert", "editor"), ("update", "admin"), ("update", "editor"), ("delete", "editor")]


def test_assessment_patch_and_delete(client: TestClient, loaded: Store, auth: Auth) -> None:
    aid = f"{LIAISON}@2020-06-16"
    patched = client.patch(f"/api/assessments/{aid}", json={"level": 1, "note": None}, headers=auth("editor"))
    assert patched.status_code == 200, patched.text
    assert patched.json()["level"] == 1 and patched.json()["note"] is None
    assert client.get(f"/api/provisions/{LIAISON}?as_of=2021-01-01").json()["level"] == 1
    bad = client.patch(f"/api/assessments/{aid}", json={"evidence": ["nope"]}, headers=auth("editor"))
    assert error(bad, 422)["problems"] == [{"path": "$.evidence[0]", "reason": "unknown event 'nope'"}]
    assert client.delete(f"/api/assessments/{aid}", headers=auth("editor")).status_code == 204
    assert client.get(f"/api/provisions/{LIAISON}?as_of=2021-01-01").json()["level"] == 3
    with loaded.read() as conn:
        assert [r.op for r in history(conn, "assessments", aid)] == ["insert", "update", "delete"]


def test_bundles_are_atomic(client: TestClient, loaded: Store, auth: Auth) -> None:
    good_event = {**NEW_EVENT, "effects": []}
    bundle = {
        "format": "peacetrack/1",
        "events": [good_event],
        "assessments": [
            {
                "provision": "panmunjom-2018/2.1",
                "as_of": "2019-01-01",
                "level": 2,
                "evidence": [good_event["id"]],
            }
        ],
    }
    dry = client.post("/api/bundles?dry_run=true", json=bundle, headers=auth("editor"))
    assert dry.status_code == 200, dry.text
    assert dry.json()["dry_run"] and dry.json()["counts"]["events"] == {
        "inserted": 1,
        "updated": 0,
        "unchanged": 0,
    }
    assert client.get(f"/api/events/{good_event['id']}").status_code == 404

    before = revisions(loaded)
    broken = {**bundle, "actors": [{"id": "x", "kind": "planet", "name": {"en": "X"}}]}
    problems = error(client.post("/api/bundles", json=broken, headers=auth("editor")), 422)["problems"]
    assert problems == [{"path": "$.actors[0].kind", "reason": problems[0]["reason"], "file": "request.json"}]
    assert revisions(loaded) == before and client.get(f"/api/events/{good_event['id']}").status_code == 404

    done = client.post("/api/bundles", json=bundle, headers=auth("editor"))
    assert done.json()["counts"]["assessments"]["inserted"] == 1
    assert client.get("/api/provisions/panmunjom-2018/2.1?as_of=2019-02-01").json()["level"] == 2
    again = client.post("/api/bundles", json=bundle, headers=auth("editor"))
    assert again.json()["counts"]["events"] == {"inserted": 0, "updated": 0, "unchanged": 1}

    yaml_body = "format: peacetrack/1\nthemes:\n  - id: economy\n    name: {en: Economy, ko: 경제}\n"
    as_yaml = client.post(
        "/api/bundles",
        content=yaml_body.encode(),
        headers={**auth("editor"), "Content-Type": "application/yaml"},
    )
    assert as_yaml.json()["counts"]["themes"]["inserted"] == 1
    garbled = client.post(
        "/api/bundles", content=b"{not json", headers={**auth("editor"), "Content-Type": "application/json"}
    )
    assert error(garbled, 400)["code"] == "bad_request"
    assert error(client.post("/api/bundles", content=orjson.dumps([1]), headers=auth("editor")), 422)

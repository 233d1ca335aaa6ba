"""GET /api/link: the same rows as `peacetrack link --format json`, kept current after writes."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import yaml
from fastapi.testclient import TestClient

from peacetrack.bundle import import_bundles
from peacetrack.fixtures import MINI
from peacetrack.link import IndexCache, link_rows
from peacetrack.store import Store


def link(client: TestClient, text: str, **params: Any) -> dict[str, Any]:
    response = client.get("/api/link", params={"text": text, **params})
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def test_english_and_korean(client: TestClient, loaded: Store) -> None:
    body = link(client, "  North Korea blew up the liaison office  ")
    assert body["text"] == "North Korea blew up the liaison office"
    first = body["results"][0]
    assert first["provision"] == "panmunjom-2018/1.3"
    assert (first["agreement"], first["ref"]) == ("panmunjom-2018", "1.3")
    assert "liaison" in first["matched"] and "office" in first["matched"]
    assert first["precedents"][0] == "2020-06-16-liaison-office-demolished"
    assert first["effect"] == {
        "effect": "reverses",
        "cue": "blew up",
        "class": "destroy",
        "span": [12, 19],
        "precedent": None,
    }
    korean = link(client, "북한이 연락사무소를 폭파했다", top=1)["results"]
    assert [r["provision"] for r in korean] == ["panmunjom-2018/1.3"]
    assert korean[0]["effect"]["cue"] == "폭파"
    # Exactly the library's (and so the CLI's) rows.
    index = IndexCache().for_store(loaded)
    assert body["results"] == link_rows("North Korea blew up the liaison office", index)


def test_bad_parameters(client: TestClient) -> None:
    for params in ({"text": "   "}, {"text": "office", "top": 0}, {"text": "office", "top": 51}, {}):
        response = client.get("/api/link", params=params)
        assert response.status_code == 422, params
        error = response.json()["error"]
        assert error["code"] == "invalid" and error["problems"][0]["path"].startswith("query.")
    assert link(client, "zzz qqq")["results"] == []


def test_index_follows_writes_and_answers_304(client: TestClient, loaded: Store, tmp_path: Path) -> None:
    first = client.get("/api/link", params={"text": "loudspeakers"})
    assert first.status_code == 200
    assert (
        client.get(
            "/api/link", params={"text": "loudspeakers"}, headers={"If-None-Match": first.headers["etag"]}
        ).status_code
        == 304
    )
    data = yaml.safe_load(MINI.read_text("utf-8"))
    changed = copy.deepcopy(data)
    changed["agreements"][0]["provisions"][1]["keywords"] = ["loudspeakers"]
    path = tmp_path / "changed.yaml"
    path.write_text(yaml.safe_dump(changed, allow_unicode=True), "utf-8")
    import_bundles(loaded, [str(path)], author="t")
    after = link(client, "loudspeakers")["results"]
    assert after[0]["provision"] == "panmunjom-2018/2.1" and after[0]["matched"] == ["loudspeakers"]

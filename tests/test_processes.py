"""A peace process is a record (issue 12): validated, stored, listed; site, scores, overview scope to it."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from fastapi.testclient import TestClient

from peacetrack.bundle import import_bundles
from peacetrack.errors import BadInput
from peacetrack.fixtures import MINI
from peacetrack.store import Store
from peacetrack.web.app import create_app

KOREA = {
    "format": "peacetrack/1",
    "processes": [
        {
            "id": "korea",
            "name": {"en": "Korean Peninsula peace process", "ko": "한반도 평화 프로세스"},
            "region": "Korean Peninsula",
            "languages": ["en", "ko"],
            "agreements": ["panmunjom-2018"],
            "description": {"en": "Two Koreas, one declaration.", "ko": "남북, 하나의 선언."},
        }
    ],
}

ACCORD = {
    "format": "peacetrack/1",
    "actors": [
        {"id": "northland", "kind": "state", "name": {"en": "Northland"}},
        {"id": "southland", "kind": "state", "name": {"en": "Southland"}},
    ],
    "agreements": [
        {
            "id": "accord-2001",
            "title": {"en": "The Accord of 2001"},
            "signed": "2001-05-01",
            "parties": ["northland", "southland"],
            "provisions": [
                {"ref": "1", "text": {"en": "Open the border."}, "responsible": ["northland", "southland"]}
            ],
        }
    ],
    "events": [
        {
            "id": "border-opens",
            "date": "2001-06-01",
            "title": {"en": "The border opens"},
            "type": "unilateral_measure",
            "actors": ["northland"],
            "sources": [{"url": "https://example.org/border"}],
            "effects": [{"provision": "accord-2001/1", "effect": "implements"}],
        }
    ],
    "assessments": [
        {"provision": "accord-2001/1", "as_of": "2001-06-01", "level": 3, "evidence": ["border-opens"]}
    ],
    "processes": [{"id": "accord", "name": {"en": "Accord process"}, "agreements": ["accord-2001"]}],
}


def _write(tmp_path: Path, name: str, data: dict[str, Any]) -> str:
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return str(path)


def _tagline(html: str) -> str:
    found = re.search(r'class="brand-tag">([^<]*)<', html)
    assert found is not None
    return found.group(1)


def test_a_process_must_name_known_agreements(store: Store, tmp_path: Path) -> None:
    bad = {"format": "peacetrack/1", "processes": [{"id": "x", "name": {"en": "X"}, "agreements": ["nope"]}]}
    with pytest.raises(BadInput) as caught:
        import_bundles(store, [_write(tmp_path, "bad.yaml", bad)], author="test")
    assert [(p.path, p.reason) for p in caught.value.problems] == [
        ("$.processes[0].agreements[0]", "unknown agreement 'nope'")
    ]


def test_the_site_names_its_process_and_scopes_to_each(store: Store, tmp_path: Path) -> None:
    import_bundles(store, [str(MINI)], author="test")
    client = TestClient(create_app(store.url))
    assert (
        _tagline(client.get("/").text) == "Monitoring the implementation of peace agreements"
    )  # no process yet

    import_bundles(store, [_write(tmp_path, "korea.yaml", KOREA)], author="test")
    client = TestClient(create_app(store.url))
    home = client.get("/").text
    assert _tagline(home) == "Monitoring the Korean Peninsula peace process since 2018"
    assert 'content="Two Koreas, one declaration."' in home
    assert (
        _tagline(client.get("/", params={"lang": "ko"}).text)
        == "2018년 이후 한반도 평화 프로세스 이행 모니터링"
    )

    import_bundles(store, [_write(tmp_path, "accord.yaml", ACCORD)], author="test")
    client = TestClient(create_app(store.url))
    home = client.get("/").text
    assert _tagline(home) == "Monitoring 2 peace processes"
    assert "?process=accord" in home and "?process=korea" in home  # the overview offers both
    listed = client.get("/api/processes").json()
    assert [(p["id"], p["agreements"]) for p in listed] == [
        ("accord", ["accord-2001"]),
        ("korea", ["panmunjom-2018"]),
    ]

    accord = client.get("/api/scores", params={"process": "accord", "as_of": "2002-01-01"}).json()
    assert [(r["key"], r["score"]) for r in accord] == [("accord-2001", 100.0)]
    korea = client.get("/api/scores", params={"process": "korea", "as_of": "2024-01-01"}).json()
    assert [r["key"] for r in korea] == ["panmunjom-2018"]
    everything = client.get("/api/scores", params={"as_of": "2024-01-01"}).json()
    assert {r["key"] for r in everything} > {"accord-2001", "panmunjom-2018"}
    parties = client.get(
        "/api/scores", params={"process": "accord", "by": "party", "as_of": "2002-01-01"}
    ).json()
    assert {r["key"] for r in parties} == {"northland", "southland"}
    series = client.get("/api/scores/series", params={"process": "accord", "freq": "yearly"}).json()
    assert series["from"] == "2001-05-01" and [s["key"] for s in series["series"]] == ["accord-2001"]
    assert client.get("/api/scores", params={"process": "nope"}).status_code == 404

    scoped = client.get("/", params={"process": "accord", "as_of": "2002-01-01"}).text
    assert "The Accord of 2001" in scoped and "Panmunjom" not in scoped
    assert client.get("/", params={"process": "nope"}).status_code == 404
    csv = client.get("/", params={"process": "accord", "format": "csv", "as_of": "2002-01-01"}).text
    assert "accord-2001" in csv and "panmunjom" not in csv

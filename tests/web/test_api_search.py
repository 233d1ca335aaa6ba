"""GET /api/search: English and Korean, substrings, every record kind."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import select

from peacetrack.web.app import create_app


def search(client: TestClient, query: str) -> dict[str, Any]:
    response = client.get(f"/api/search?{query}")
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def hits(client: TestClient, query: str) -> list[tuple[str, str]]:
    return [(h["kind"], h["id"]) for h in search(client, query)["results"]]


def test_english(client: TestClient) -> None:
    body = search(client, "q=Liaison Office")
    assert body["q"] == "Liaison Office"
    assert body["counts"] == {"events": 2, "provisions": 1, "actors": 0, "statements": 0, "gatherings": 0}
    assert body["results"][0]["kind"] == "events"
    assert body["results"][0]["id"] == "2020-06-16-liaison-office-demolished"  # title hits, newest first
    assert body["results"][0]["match"] == "North Korea blows up the joint liaison office"
    assert body["results"][0]["href"] == "/api/events/2020-06-16-liaison-office-demolished"
    provision = next(h for h in body["results"] if h["kind"] == "provisions")
    assert (
        provision["id"] == "panmunjom-2018/1.3" and provision["href"] == "/api/provisions/panmunjom-2018/1.3"
    )


def test_korean_substrings(client: TestClient) -> None:
    # 연락사무소 sits inside 공동연락사무소 and 연락사무소를: substrings, not words.
    assert hits(client, "q=연락사무소") == [
        ("events", "2020-06-16-liaison-office-demolished"),
        ("events", "2018-09-14-liaison-office-opens"),
        ("provisions", "panmunjom-2018/1.3"),
    ]
    assert hits(client, "q=참여연대") == [("actors", "pspd")]
    # In unsc-1718's Korean name, in unsc's aliases only: names first.
    assert hits(client, "q=안보리") == [
        ("actors", "unsc-1718"),
        ("actors", "unsc"),
        ("statements", "open-letter-unsc-2019"),
    ]
    assert ("gatherings", "ksm-conference-2021") in hits(client, "q=평화 국제회의")
    # One and two letters: on PostgreSQL the Hangul syllable index finds them (store/hangul_grams.py).
    assert ("events", "2020-06-16-liaison-office-demolished") in hits(client, "q=폭")
    korean = search(client, "q=폭파")["results"][0]
    assert korean["match"] == "북한, 공동연락사무소 폭파" and korean["title"]["ko"] == korean["match"]


def test_kinds_aliases_and_limits(client: TestClient) -> None:
    assert hits(client, "q=dprk") == [("provisions", "singapore-2018/3"), ("actors", "prk")]  # text; an alias
    assert hits(client, "q=peace&kind=gatherings&kind=statements") == [
        ("statements", "open-letter-unsc-2019"),
        ("gatherings", "ksm-conference-2021"),
    ]
    limited = search(client, "q=korea&limit=1")
    assert all(n >= 0 for n in limited["counts"].values())
    per_kind: dict[str, int] = {}
    for hit in limited["results"]:
        per_kind[hit["kind"]] = per_kind.get(hit["kind"], 0) + 1
    assert max(per_kind.values()) == 1 and limited["counts"]["actors"] >= 2


def test_no_false_matches(client: TestClient) -> None:
    empty = {"events": 0, "provisions": 0, "actors": 0, "statements": 0, "gatherings": 0}
    assert search(client, "q=effects")["counts"] == empty  # a field name, not text
    assert search(client, "q=%25")["counts"] == empty  # LIKE wildcards are literal
    assert search(client, "q=unilateral%25measure")["counts"] == empty
    assert search(client, "q=unilateral_measure")["counts"]["events"] == 1  # a code is text too
    assert search(client, 'q="')["counts"] == empty
    assert search(client, "q=zzzz")["results"] == []


def test_title_matches_then_the_rest_each_newest_first_and_counts_capped(
    client: TestClient, loaded: Any, monkeypatch: Any, tmp_path: Path
) -> None:
    # The two-step query (title matches, then the others, each stopping at the limit) must give the
    # order ranking every match would: title first, then newest, then id.
    from peacetrack.bundle import import_bundles
    from peacetrack.model.status import ACCEPTED
    from peacetrack.store import tables as t
    from peacetrack.web.api import search as module
    from peacetrack.web.api.common import doc, find
    from peacetrack.web.pages import library

    events = []
    for i in range(12):
        title = {"en": f"Ceasefire line talks {i}" if i % 3 == 0 else f"Border meeting {i}"}
        if i % 2:
            title["ko"] = f"휴전선 회담 {i}" if i % 4 == 1 else f"접경 회의 {i}"
        events.append(
            {
                "id": f"cf-{i:02d}",
                "date": f"2021-0{1 + i % 6}-1{i % 10}",
                "title": title,
                "summary": {"en": "Officials spoke of the ceasefire line.", "ko": "휴전선에 관해 논의했다."},
                "type": "talks",
                "sources": [{"url": f"https://en.yna.co.kr/view/AEN2021{i:04d}", "publisher": "Yonhap"}],
            }
        )
    path = tmp_path / "ceasefire.json"
    path.write_text(json.dumps({"format": "peacetrack/1", "events": events}), encoding="utf-8")
    import_bundles(loaded, [str(path)], author="test")
    e = t.events
    with loaded.read() as conn:
        docs = [doc(raw) for raw in conn.scalars(select(e.c.doc).where(e.c.status == ACCEPTED))]
    for q in ("ceasefire", "Ceasefire line", "휴전선"):
        ranked = [
            (find(d["title"], q) is not None, {"id": d["id"], "date": d["date"]}) for d in docs if find(d, q)
        ]
        expected = [h["id"] for h in module._rank(ranked)]
        assert 3 <= sum(title for title, _ in ranked) < len(ranked), q  # both tiers have matches
        for window in (3, 8, module.WINDOW):  # asked of the newest few first, then of all
            monkeypatch.setattr(module, "WINDOW", window)
            fresh = TestClient(create_app(loaded.url))  # no kept answers from the last window
            got = [h["id"] for h in search(fresh, f"q={q}&kind=events&limit=100")["results"]]
            assert got == expected, (q, window)
            for limit in (2, 5):
                listed = search(fresh, f"q={q}&kind=events&limit={limit}")["results"]
                assert [h["id"] for h in listed] == expected[:limit], (q, window, limit)
            assert search(fresh, f"q={q}&kind=events")["counts"]["events"] == len(expected)
            fresh.app.state.store.dispose()  # type: ignore[attr-defined]
    monkeypatch.setattr(module, "COUNT_CAP", 3)
    monkeypatch.setattr(library, "COUNT_CAP", 3)
    assert search(client, "q=ceasefire&kind=events&limit=1")["counts"] == {"events": 3}
    assert search(client, "q=폭파&kind=events")["counts"] == {"events": 1}  # under the cap: exact
    page = client.get("/search?q=ceasefire")
    assert page.status_code == 200
    assert "or more results" in page.text and "(3+)" in page.text and "and many more" in page.text

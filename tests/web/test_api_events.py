"""GET /api/events: every filter, filters combined, and cursor pages walked end to end."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from fastapi.testclient import TestClient

LIAISON = "panmunjom-2018/1.3"
OPENS, BLOWN_UP = "2018-09-14-liaison-office-opens", "2020-06-16-liaison-office-demolished"
GP = "2018-11-30-guard-posts-removed"


def ids(client: TestClient, query: str) -> list[str]:
    response = client.get(f"/api/events?{query}")
    assert response.status_code == 200, response.text
    return [e["id"] for e in response.json()["items"]]


@pytest.fixture
def more(add_bundle: Callable[[dict[str, Any]], None]) -> None:
    """An event on a DMZ provision (theme military-dmz, a child of military), with a Korean summary."""
    add_bundle(
        {
            "events": [
                {
                    "id": GP,
                    "date": "2018-11-30",
                    "title": {"en": "Guard posts removed in the DMZ", "ko": "비무장지대 감시초소 철거"},
                    "summary": {
                        "en": "Each side removed ten guard posts.",
                        "ko": "남북이 각각 감시초소 10개를 철거했다.",
                    },
                    "type": "military_measure",
                    "actors": ["kor", "prk"],
                    "sources": [{"url": "https://example.org/gp", "publisher": "Yonhap"}],
                    "effects": [{"provision": "panmunjom-2018/2.1", "effect": "implements"}],
                }
            ]
        }
    )


def test_list_shape(client: TestClient) -> None:
    body = client.get("/api/events").json()
    assert body["limit"] == 50 and body["next_cursor"] is None
    first = body["items"][0]
    assert first["id"] == OPENS
    assert first["actors"][0] == {
        "id": "kor",
        "kind": "state",
        "name": {"en": "Republic of Korea", "ko": "대한민국"},
    }
    assert first["sources"][0]["publisher"] == "The Korea Herald"
    assert first["effects"] == [{"provision": LIAISON, "effect": "implements"}]


@pytest.mark.usefixtures("more")
def test_filters(client: TestClient) -> None:
    assert ids(client, "") == [OPENS, GP, BLOWN_UP]
    assert ids(client, "order=desc") == [BLOWN_UP, GP, OPENS]
    assert ids(client, "from=2018-11-30") == [GP, BLOWN_UP]
    assert ids(client, "to=2018-11-30") == [OPENS, GP]
    assert ids(client, "from=2018-10-01&to=2019-01-01") == [GP]
    assert ids(client, "actor=prk") == [OPENS, GP, BLOWN_UP]
    assert ids(client, "actor=usa") == []
    assert ids(client, f"provision={LIAISON}") == [OPENS, BLOWN_UP]
    assert ids(client, "type=military_measure") == [GP]
    assert ids(client, "theme=military-dmz") == [GP]
    assert ids(client, "theme=military") == [GP]  # descendants count
    assert ids(client, "theme=dialogue") == [OPENS, BLOWN_UP]
    assert ids(client, "theme=denuclearisation") == []
    assert ids(client, "theme=unknown") == []
    # q: any text value, any language, ignoring case; never field names.
    assert ids(client, "q=LIAISON office") == [OPENS, BLOWN_UP]
    assert ids(client, "q=감시초소") == [GP]  # inside a Korean word
    assert ids(client, "q=10개를") == [GP]  # the summary
    assert ids(client, "q=yonhap") == [GP]  # a source's publisher
    assert ids(client, "q=summary") == []  # a field name is not text
    assert ids(client, "q=100%") == []
    # Combined: all must hold.
    assert ids(client, "actor=prk&theme=dialogue&from=2019-01-01") == [BLOWN_UP]
    assert ids(client, f"provision={LIAISON}&type=communication&q=개성") == [OPENS]
    assert ids(client, "actor=kor&type=unilateral_measure") == []


@pytest.mark.parametrize("order", ["asc", "desc"])
@pytest.mark.parametrize("limit", [1, 3, 7])
def test_pages_walk_everything_once(
    client: TestClient, add_bundle: Callable[[dict[str, Any]], None], order: str, limit: int
) -> None:
    # 22 more events, several on the same day, so pages break inside a date.
    add_bundle(
        {
            "events": [
                {
                    "id": f"e-{n:02d}",
                    "date": f"2019-0{1 + n % 3}-1{n % 2}",
                    "title": {"en": f"Event {n}" + (" milestone" if n % 4 == 0 else "")},
                    "type": "talks",
                    "sources": [{"url": f"https://example.org/{n}"}],
                }
                for n in range(22)
            ]
        }
    )
    expected = [e["id"] for e in client.get(f"/api/events?limit=500&order={order}").json()["items"]]
    assert len(expected) == 24
    for query, want in ((f"order={order}", expected), (f"order={order}&q=MILESTONE", None)):
        seen: list[str] = []
        cursor: str | None = None
        for _ in range(100):  # bounded: 24 events
            url = f"/api/events?{query}&limit={limit}" + (f"&cursor={cursor}" if cursor else "")
            body = client.get(url).json()
            assert len(body["items"]) <= limit
            seen += [e["id"] for e in body["items"]]
            cursor = body["next_cursor"]
            if cursor is None:
                break
        assert len(seen) == len(set(seen)), "a page repeated an event"
        if want is not None:
            assert seen == want, "pages must follow the full ordering, with no gaps"
        else:
            assert seen == [i for i in expected if i.startswith("e-") and int(i[2:]) % 4 == 0], (
                "q-filtered pages must be complete too"
            )

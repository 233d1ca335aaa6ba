"""Kept answers for anonymous page reads: same question, same data version, same bytes — never stale."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi.testclient import TestClient


def test_a_write_is_visible_at_once(client: TestClient, add_bundle: Callable[[dict[str, Any]], None]) -> None:
    first = client.get("/gatherings")
    assert first.status_code == 200 and "Night school" not in first.text
    assert client.get("/gatherings").text == first.text  # answered from memory
    add_bundle(
        {
            "gatherings": [
                {
                    "id": "night-school",
                    "title": {"en": "Night school"},
                    "start": "2022-01-01",
                    "end": "2022-01-01",
                    "mode": "online",
                }
            ]
        }
    )
    assert "Night school" in client.get("/gatherings").text


def test_language_is_part_of_the_question(client: TestClient) -> None:
    en = client.get("/gatherings").text
    ko = client.get("/gatherings", headers={"Accept-Language": "ko-KR,ko;q=0.9"}).text
    assert en != ko and 'lang="ko"' in ko and 'lang="en"' in en
    client.cookies.set("lang", "ko")
    assert 'lang="ko"' in client.get("/gatherings").text


def test_which_reads_are_kept() -> None:
    from peacetrack.store import Store
    from peacetrack.web.caching import CacheHeaders
    from peacetrack.web.deps import VersionedCache

    async def app(scope: Any, receive: Any, send: Any) -> None:  # never called here
        raise AssertionError

    cache = VersionedCache(Store("sqlite://"))
    public = CacheHeaders(app, cache=cache, private=False)
    private = CacheHeaders(app, cache=cache, private=True)

    def scope(path: str, cookie: str = "", method: str = "GET") -> dict[str, Any]:
        return {"type": "http", "method": method, "path": path, "headers": [(b"cookie", cookie.encode())]}

    assert public._page_kept(scope("/"), "/")
    assert public._page_kept(scope("/events", "lang=ko"), "/events")
    assert not public._page_kept(scope("/", "lang=ko; pt_editor=abc"), "/")  # signed in: forms carry tokens
    assert not public._page_kept(scope("/review"), "/review")
    assert not public._page_kept(scope("/report.pdf"), "/report.pdf")
    assert not public._page_kept(scope("/api/scores"), "/api/scores")  # the API has its own ETag path
    assert not public._page_kept(scope("/", method="POST"), "/")
    assert not private._page_kept(scope("/"), "/")  # a private server checks every reader

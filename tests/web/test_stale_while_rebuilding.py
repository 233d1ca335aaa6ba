"""After a write, one reader rebuilds a kept value while the others get the last good one (issue 14),
and an answer built from a stale value is never kept or tagged for the new data version."""

from __future__ import annotations

import threading
from typing import Any

from fastapi import FastAPI
from fastapi.testclient import TestClient

from peacetrack.store import Store
from peacetrack.web.caching import CacheHeaders
from peacetrack.web.deps import VersionedCache, watch_staleness


class Versioned(VersionedCache):
    """A cache whose data version the test sets."""

    now = 1

    def version(self) -> int:
        return self.now


def test_readers_get_the_last_good_value_while_one_rebuilds(tmp_path: Any) -> None:
    cache = Versioned(Store(f"sqlite:///{tmp_path / 'c.db'}"))
    assert cache.get("k", lambda: "old") == "old"
    cache.now = 2  # a write happened
    started, release = threading.Event(), threading.Event()

    def slow() -> str:
        started.set()
        release.wait(5)
        return "new"

    got: list[str] = []
    builder = threading.Thread(target=lambda: got.append(cache.get("k", slow)))
    builder.start()
    assert started.wait(5)
    served = watch_staleness()
    calls: list[int] = []
    assert cache.get("k", lambda: calls.append(1) or "never") == "old"  # no second rebuild
    assert served["stale"] and calls == []
    release.set()
    builder.join(5)
    assert got == ["new"]
    fresh = watch_staleness()
    assert cache.get("k", lambda: "never") == "new" and not fresh["stale"]


def test_a_stale_answer_is_neither_tagged_nor_kept(tmp_path: Any) -> None:
    cache = Versioned(Store(f"sqlite:///{tmp_path / 'c.db'}"))
    calls = {"n": 0}
    stale = {"now": True}
    app = FastAPI()

    @app.get("/api/thing")
    def thing() -> dict[str, int]:
        calls["n"] += 1
        if stale["now"]:
            # What VersionedCache.get_at does when it serves the last good value.
            from peacetrack.web import deps

            holder = deps._SERVED.get()
            assert holder is not None
            holder["stale"] = True
        return {"n": calls["n"]}

    client = TestClient(CacheHeaders(app, cache=cache, private=False))
    first = client.get("/api/thing")
    assert first.headers["cache-control"] == "no-store" and "etag" not in first.headers
    second = client.get("/api/thing")
    assert second.json() == {"n": 2}  # not answered from a kept copy
    stale["now"] = False
    third = client.get("/api/thing")
    assert "etag" in third.headers and third.json() == {"n": 3}
    assert client.get("/api/thing").json() == {"n": 3}  # a fresh answer is kept

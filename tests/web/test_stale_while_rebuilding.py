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


def _call(middleware: CacheHeaders, path: str, headers: list[tuple[bytes, bytes]] | None = None) -> Any:
    """One GET through the middleware; returns (status, headers, body) once it is answered."""

    async def go() -> tuple[int, dict[bytes, bytes], bytes]:
        sent: list[Any] = []

        async def receive() -> dict[str, Any]:
            return {"type": "http.request", "body": b"", "more_body": False}

        async def send(message: Any) -> None:
            sent.append(message)

        scope = {"type": "http", "method": "GET", "path": path, "query_string": b"", "headers": headers or []}
        await middleware(scope, receive, send)
        return sent[0]["status"], dict(sent[0]["headers"]), sent[1]["body"]

    return go()


def test_readers_get_the_last_kept_answer_while_one_reader_builds_the_new_one(tmp_path: Any) -> None:
    """After a write, only the first reader of a question builds it; anonymous readers meanwhile get
    the previous answer, untagged and not to be stored; a reader with a token waits for the new one."""
    import asyncio

    cache = Versioned(Store(f"sqlite:///{tmp_path / 'c.db'}"))
    built: list[int] = []
    gate: dict[str, asyncio.Event] = {}

    async def app(scope: Any, receive: Any, send: Any) -> None:
        version = cache.now
        built.append(version)
        if version == 2:
            await gate["release"].wait()
        body = f'{{"version": {version}}}'.encode()
        await send({"type": "http.response.start", "status": 200, "headers": [(b"x-built", b"yes")]})
        await send({"type": "http.response.body", "body": body, "more_body": False})

    for path in ("/api/scores", "/overview"):  # the API's answers and anonymous pages alike
        built.clear()
        cache.now = 1
        middleware = CacheHeaders(app, cache=cache, private=False)

        async def scenario(middleware: CacheHeaders, path: str) -> None:
            gate["release"] = release = asyncio.Event()  # bound to this run's loop
            first = await _call(middleware, path)
            assert first[2] == b'{"version": 1}'
            cache.now = 2  # a write
            builder = asyncio.ensure_future(_call(middleware, path))
            await asyncio.sleep(0)
            while len(built) < 2:
                await asyncio.sleep(0.01)
            status, headers, body = await asyncio.wait_for(_call(middleware, path), 5)  # never waits
            assert (status, body) == (200, b'{"version": 1}')  # the last kept answer, not a second build
            assert headers[b"cache-control"] == b"no-store" and b"etag" not in headers
            assert built == [1, 2]
            editor = asyncio.ensure_future(_call(middleware, path, [(b"authorization", b"Bearer t")]))
            while len(built) < 3:  # a reader with a token builds its own answer
                await asyncio.sleep(0.01)
            release.set()
            assert (await builder)[2] == b'{"version": 2}'
            assert (await editor)[2] == b'{"version": 2}'
            again = await _call(middleware, path)
            assert again[2] == b'{"version": 2}' and again[1].get(b"cache-control") != b"no-store"
            assert built == [1, 2, 2]  # the new answer was kept
            assert len(middleware.answers) == 1  # the older answer to the same question is let go

        asyncio.run(scenario(middleware, path))

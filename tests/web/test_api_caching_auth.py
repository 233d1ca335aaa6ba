"""ETag/304 and Cache-Control on reads; private servers; `peacetrack user` commands."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import orjson
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from peacetrack.accounts import token_hash, user_for_token, users
from peacetrack.store import Store
from peacetrack.web.caching import CacheHeaders

Auth = Callable[[str], dict[str, str]]
LIAISON = "panmunjom-2018/1.3"


def test_etag_and_304_until_a_write(client: TestClient, auth: Auth) -> None:
    first = client.get("/api/scores?as_of=2019-01-01")
    etag = first.headers["etag"]
    assert first.headers["cache-control"] == "public, max-age=0, must-revalidate"
    again = client.get("/api/scores?as_of=2019-01-01", headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b"" and again.headers["etag"] == etag
    assert (
        client.get("/api/scores?as_of=2019-01-01", headers={"If-None-Match": f'"x", {etag}'}).status_code
        == 304
    )
    assert client.get("/api/scores?as_of=2019-01-01", headers={"If-None-Match": '"stale"'}).status_code == 200
    other = client.get("/api/scores?as_of=2020-01-01")
    assert other.headers["etag"] != etag  # the URL is part of it
    # A write changes the data version: the old ETag no longer matches.
    written = client.post(
        "/api/assessments",
        json={"provision": LIAISON, "as_of": "2019-01-01", "level": 2},
        headers=auth("editor"),
    )
    assert written.status_code == 201
    assert "etag" not in written.headers
    fresh = client.get("/api/scores?as_of=2019-01-01", headers={"If-None-Match": etag})
    assert fresh.status_code == 200 and fresh.headers["etag"] != etag
    assert {r["key"]: r["score"] for r in fresh.json()}["panmunjom-2018"] == 22.2


@pytest.mark.parametrize(
    "url",
    [
        "/api/agreements",
        "/api/agreements/panmunjom-2018",
        f"/api/provisions/{LIAISON}",
        "/api/events",
        "/api/actors/prk",
        "/api/statements",
        "/api/gatherings/ksm-conference-2021",
        "/api/search?q=peace",
        "/api/scores/series",
    ],
)
def test_every_read_is_cacheable(client: TestClient, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 200
    assert response.headers["cache-control"].endswith("must-revalidate")
    assert client.get(url, headers={"If-None-Match": response.headers["etag"]}).status_code == 304


def test_kept_answers_are_the_same_and_bounded(make_client: Callable[..., TestClient]) -> None:
    client = make_client()
    first = client.get("/api/provisions/panmunjom-2018/1.3?as_of=2021-01-01")
    again = client.get("/api/provisions/panmunjom-2018/1.3?as_of=2021-01-01")
    assert again.content == first.content and again.headers == first.headers
    middleware = client.app.middleware_stack  # type: ignore[attr-defined]
    while not isinstance(middleware, CacheHeaders):
        middleware = middleware.app
    assert len(middleware.answers) == 1
    middleware.max_entries = 3
    for day in range(1, 8):
        assert client.get(f"/api/scores?as_of=2019-01-0{day}").status_code == 200
    assert len(middleware.answers) == 3
    assert client.get("/api/events/nope").status_code == 404
    assert len(middleware.answers) == 3  # errors are never kept


def test_errors_carry_no_etag(client: TestClient) -> None:
    missing = client.get("/api/events/nope")
    assert missing.status_code == 404 and "etag" not in missing.headers


def test_private_server_reads_need_a_token(make_client: Callable[..., TestClient], auth: Auth) -> None:
    private = make_client(private=True)
    for url in ("/api/scores", "/api/events", "/api/actors/prk", "/api/search?q=x"):
        refused = private.get(url)
        assert refused.status_code == 401, url
        assert refused.json()["error"]["code"] == "unauthorized"
        assert private.get(url, headers=auth("reader")).status_code == 200
    assert private.get("/api/health").status_code == 200
    assert private.get("/openapi.json").status_code == 401  # the API description is a read too
    assert private.get("/openapi.json", headers=auth("reader")).status_code == 200
    response = private.get("/api/scores", headers=auth("reader"))
    assert response.headers["cache-control"].startswith("private")
    # No 304 for a client without a token, even with the right ETag.
    stale = private.get("/api/scores", headers={"If-None-Match": response.headers["etag"]})
    assert stale.status_code == 401


def test_only_token_hashes_are_stored(loaded: Store, tokens: dict[str, str]) -> None:
    with loaded.read() as conn:
        stored = {name: h for name, h in conn.execute(select(users.c.name, users.c.token_hash))}
    assert stored == {role: token_hash(token) for role, token in tokens.items()}
    assert all(token not in stored.values() for token in tokens.values())
    user = user_for_token(loaded, tokens["editor"])
    assert user is not None and user.name == "editor" and user.can_write
    assert user_for_token(loaded, "pt_nope") is None


def test_user_commands(cli: Any, store: Store) -> None:
    db = store.url
    added = cli("user", "add", "kim", "--role", "editor", "--db", db)
    assert added.code == 0, added.err
    token = added.out.strip()
    assert token.startswith("pt_") and len(token) > 40 and "shown this once" in added.err
    assert cli("user", "add", "kim", "--db", db).code == 2
    assert cli("user", "add", "no spaces", "--db", db).code == 2
    assert cli("user", "add", "lee", "--role", "owner", "--db", db).code == 2
    assert cli("user", "add", "lee", "--db", db).code == 0  # reader by default
    listed = cli("user", "list", "--format", "json", "--db", db)
    assert [(u["name"], u["role"]) for u in orjson.loads(listed.out)] == [
        ("kim", "editor"),
        ("lee", "reader"),
    ]
    assert token not in listed.out
    renewed = cli("user", "token", "kim", "--db", db)
    assert renewed.code == 0 and renewed.out.strip() != token
    assert user_for_token(store, token) is None
    assert user_for_token(store, renewed.out.strip()) is not None
    assert cli("user", "remove", "kim", "--db", db).code == 0
    assert user_for_token(store, renewed.out.strip()) is None
    missing = cli("user", "remove", "kim", "--db", db)
    assert missing.code == 2 and "no user named 'kim'" in missing.err
    assert "lee" in cli("user", "list", "--db", db).out

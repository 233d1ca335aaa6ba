"""Hostile input answered with a clear 4xx or exit 2, the same on SQLite and PostgreSQL (issue 14)."""

from __future__ import annotations

import csv
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import yaml
from fastapi.testclient import TestClient

from peacetrack.bundle import import_bundles
from peacetrack.errors import BadInput
from peacetrack.store import Store
from peacetrack.store.tables import assessments, sessions


@pytest.mark.parametrize(
    "path", ["/api/events?actor=a%00b", "/api/events/ab%00c", "/events/ab%00c", "/events?q=x%00"]
)
def test_a_nul_byte_in_the_address_is_a_400_not_a_500(client: TestClient, path: str) -> None:
    answer = client.get(path)
    assert answer.status_code == 400
    error = answer.json()["error"]
    assert error["code"] == "bad_request" and "NUL" in error["message"]


@pytest.mark.parametrize("value", ["' OR 1=1--", "prk' OR '1'='1", 'prk"; DROP TABLE events;--', "%", "_"])
def test_filter_values_that_look_like_sql_are_only_values(client: TestClient, value: str) -> None:
    """A filter is a value bound to the query, never SQL: no 500, no event it does not name."""
    everything = client.get("/api/events", params={"limit": 500}).json()["items"]
    assert everything  # the loaded bundle has events, so "nothing matched" below means something
    for param in ("actor", "theme", "provision", "type"):
        answer = client.get("/api/events", params={param: value, "limit": 500})
        assert answer.status_code in (200, 422), (param, answer.text)
        if answer.status_code == 200:
            assert answer.json()["items"] == [], param
    page = client.get("/events", params={"actor": value})
    assert page.status_code in (200, 400)
    assert client.get("/api/events", params={"limit": 500}).json()["items"] == everything  # nothing dropped


def test_an_id_longer_than_the_store_holds_is_refused_on_every_database(store: Store, tmp_path: Path) -> None:
    long_id = "x" * 201
    bundle = tmp_path / "long.yaml"
    actor = {"id": long_id, "kind": "state", "name": {"en": "Somewhere"}}
    bundle.write_text(yaml.safe_dump({"format": "peacetrack/1", "actors": [actor]}), encoding="utf-8")
    with pytest.raises(BadInput) as caught:
        import_bundles(store, [str(bundle)], author="t")
    (problem,) = caught.value.problems
    assert problem.path == "$.actors[0].id" and "at most 200 characters" in problem.reason


def test_a_bundle_nested_past_reason_is_bad_input(cli: Any, tmp_path: Path, db_url: str) -> None:
    deep = tmp_path / "deep.yaml"
    deep.write_text("format: peacetrack/1\nmeta: " + "[" * 3000 + "]" * 3000 + "\n", encoding="utf-8")
    result = cli("--db", db_url, "import", str(deep))
    assert result.code == 2
    assert "nested too deeply" in result.err


def test_csv_export_cells_never_run_as_formulas(cli: Any, tmp_path: Path, db_url: str) -> None:
    bundle = tmp_path / "formula.yaml"
    actor = {"id": "evil", "kind": "organization", "name": {"en": '=HYPERLINK("http://x.example","click")'}}
    bundle.write_text(yaml.safe_dump({"format": "peacetrack/1", "actors": [actor]}), encoding="utf-8")
    assert cli("--db", db_url, "import", str(bundle)).code == 0
    out = tmp_path / "tables"
    assert cli("--db", db_url, "export", "--format", "csv", "--out", str(out)).code == 0
    with (out / "actors.csv").open(encoding="utf-8") as handle:
        names = [row["name_en"] for row in csv.DictReader(handle)]
    assert names == ['\'=HYPERLINK("http://x.example","click")']


def test_a_private_server_describes_its_api_only_to_readers(make_client: Any, tokens: dict[str, str]) -> None:
    private = make_client(private=True)
    assert private.get("/openapi.json").status_code == 401
    docs = private.get("/docs")
    assert docs.status_code in (401, 404) and "swagger" not in docs.text.lower()
    assert private.get("/redoc").status_code in (401, 404)
    described = private.get("/openapi.json", headers={"Authorization": f"Bearer {tokens['reader']}"})
    assert described.status_code == 200 and "/api/events" in described.json()["paths"]
    assert make_client().get("/openapi.json").status_code == 200  # a public server still shows it


def test_an_upload_is_refused_before_its_body_is_read(client: TestClient, auth: Any) -> None:
    class Exploding:
        """A body that fails the test if anyone reads it."""

        read = False

        def __iter__(self) -> Any:
            Exploding.read = True
            yield b"x" * 1024

    headers = {"content-type": "multipart/form-data; boundary=x", "content-length": "524288000"}
    anonymous = client.post("/api/documents", content=Exploding(), headers=headers)
    assert anonymous.status_code == 401 and anonymous.json()["error"]["code"] == "unauthorized"
    reader = client.post("/api/documents", content=Exploding(), headers={**headers, **auth("reader")})
    assert reader.status_code == 403
    too_big = client.post("/api/bundles", content=Exploding(), headers={**headers, **auth("editor")})
    assert too_big.status_code == 413
    assert not Exploding.read
    small = client.post(
        "/api/documents", files={"file": ("n.txt", b"On 3 May 2021 a test.")}, headers=auth("editor")
    )
    assert small.status_code == 201, small.text


def test_the_page_cache_serves_each_visitor_the_language_chosen_for_them(client: TestClient) -> None:
    korean_second = client.get("/", headers={"Accept-Language": "fr-FR,fr;q=0.9,ko;q=0.8"})
    english_second = client.get("/", headers={"Accept-Language": "fr-FR,fr;q=0.9,en;q=0.8"})
    assert '<html lang="ko"' in korean_second.text
    assert '<html lang="en"' in english_second.text


def test_a_cross_site_form_cannot_sign_a_browser_in(
    client: TestClient, tokens: dict[str, str], sign_in: Any
) -> None:
    forged = client.post("/login", data={"token": tokens["editor"]}, follow_redirects=False)
    assert forged.status_code == 403 and "pt_editor" not in forged.headers.get("set-cookie", "")
    stale = client.post(
        "/login", data={"token": tokens["editor"], "login_check": "guess"}, follow_redirects=False
    )
    assert stale.status_code == 403
    assert sign_in(client, tokens["editor"], follow_redirects=False).status_code == 303


def test_sign_in_keeps_a_session_of_its_own_that_sign_out_ends(
    client: TestClient, tokens: dict[str, str], sign_in: Any, loaded: Store
) -> None:
    signed = sign_in(client, tokens["editor"], follow_redirects=False)
    session = signed.cookies.get("pt_editor")
    assert session and session != tokens["editor"]  # never the API token in a cookie
    assert client.get("/review").status_code == 200
    copied = TestClient(client.app, cookies={"pt_editor": session})
    assert copied.get("/review").status_code == 200
    client.post("/logout")
    assert copied.get("/review").status_code == 401  # the session ended, not just this browser's cookie
    with loaded.write() as conn:
        conn.execute(sessions.update().values(expires_at=datetime(2020, 1, 1, tzinfo=UTC)))
    sign_in(client, tokens["editor"])
    with loaded.write() as conn:
        conn.execute(sessions.update().values(expires_at=datetime(2020, 1, 1, tzinfo=UTC)))
    assert client.get("/review").status_code == 401  # an expired session signs nobody in


def test_behind_a_trusted_tls_proxy_the_session_cookie_is_secure(
    loaded: Store, tokens: dict[str, str], cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from uvicorn.middleware.proxy_headers import ProxyHeadersMiddleware

    from peacetrack.web.app import create_app

    behind = TestClient(ProxyHeadersMiddleware(create_app(loaded.url), trusted_hosts="*"))
    page = behind.get("/login", headers={"X-Forwarded-Proto": "https"})
    check = page.cookies.get("pt_login")
    assert check and "secure" in page.headers["set-cookie"].lower()
    behind.cookies.set("pt_login", check)  # the test client speaks plain HTTP to the proxy's back
    signed = behind.post(
        "/login",
        data={"token": tokens["editor"], "login_check": check},
        headers={"X-Forwarded-Proto": "https"},
        follow_redirects=False,
    )
    assert signed.status_code == 303 and "secure" in signed.headers["set-cookie"].lower()
    seen: dict[str, Any] = {}
    monkeypatch.setattr("uvicorn.run", lambda *args, **kwargs: seen.update(kwargs))
    assert cli("serve", "--db", loaded.url, "--trusted-proxy", "10.0.0.1").code == 0
    assert seen["proxy_headers"] is True and seen["forwarded_allow_ips"] == "10.0.0.1"
    assert cli("serve", "--db", loaded.url).code == 0
    assert seen["proxy_headers"] is False  # no proxy named: forwarded headers are not believed


def test_guessing_tokens_is_throttled(client: TestClient, tokens: dict[str, str], sign_in: Any) -> None:
    for _ in range(10):
        assert client.get("/api/users/me", headers={"Authorization": "Bearer pt_guess"}).status_code in (
            401,
            404,
        )
        assert sign_in(client, "pt_guess").status_code == 401
    limited = client.post("/api/bundles", headers={"Authorization": "Bearer pt_guess"}, json={})
    assert limited.status_code == 429 and int(limited.headers["retry-after"]) >= 1
    assert limited.json()["error"]["code"] == "too_many_requests"
    assert sign_in(client, tokens["editor"]).status_code == 429  # a right token waits too, from this address


def test_a_write_retried_with_its_idempotency_key_is_done_once(
    client: TestClient, auth: Any, loaded: Store
) -> None:
    body = {"provision": "panmunjom-2018/1.3", "as_of": "2019-01-01", "level": 2}
    headers = {**auth("editor"), "Idempotency-Key": "retry-1"}
    first = client.post("/api/assessments", json=body, headers=headers)
    assert first.status_code == 201, first.text
    again = client.post("/api/assessments", json=body, headers=headers)  # the client timed out and retried
    assert again.status_code == 201 and again.json() == first.json()
    assert (
        again.headers["idempotent-replay"] == "true"
        and again.headers["location"] == first.headers["location"]
    )
    other = client.post("/api/assessments", json={**body, "level": 3}, headers=headers)
    assert other.status_code == 422 and "another request" in other.json()["error"]["message"]
    with loaded.read() as conn:
        stored = [r for (r,) in conn.execute(assessments.select().with_only_columns(assessments.c.id))]
    assert stored.count("panmunjom-2018/1.3@2019-01-01") == 1
    assert "panmunjom-2018/1.3@2019-01-01#2" not in stored
    plain = client.post("/api/assessments", json=body, headers=auth("editor"))  # no key: a second record
    assert plain.status_code == 201 and plain.json()["id"].endswith("#2")


def test_writes_waiting_on_a_busy_database_get_503_and_reads_do_not_wait(
    client: TestClient, auth: Any
) -> None:
    import sqlite3
    import threading
    import time

    app_store: Store = client.app.state.store  # type: ignore[attr-defined]
    app_store.write_wait_s = 0.5
    holding = threading.Event()
    release = threading.Event()

    def hold() -> None:  # an import or ingest holding the write lock
        with app_store.write():
            holding.set()
            release.wait(10)

    holder = threading.Thread(target=hold)
    holder.start()
    holding.wait(5)
    try:
        started = time.monotonic()
        body = {"provision": "panmunjom-2018/1.3", "as_of": "2019-02-01", "level": 1}
        busy = client.post("/api/assessments", json=body, headers=auth("editor"))
        assert (
            busy.status_code == 503 and busy.headers["retry-after"] and busy.json()["error"]["code"] == "busy"
        )
        assert time.monotonic() - started < 5
        read_started = time.monotonic()
        assert client.get("/api/events").status_code == 200
        assert time.monotonic() - read_started < 1  # readers never queue behind the writer
    finally:
        release.set()
        holder.join()
    if app_store.is_sqlite:  # another process's write on the same file: 503 too, never a bare "locked"
        path = app_store.engine.url.database
        other = sqlite3.connect(str(path), timeout=0.1)
        other.execute("BEGIN IMMEDIATE")
        try:
            app_store.engine.dispose()
            with app_store.engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA busy_timeout=300")
            blocked = client.post("/api/assessments", json=body, headers=auth("editor"))
            assert blocked.status_code == 503, blocked.text
        finally:
            other.rollback()
            other.close()


@pytest.mark.parametrize(
    "path", ["/events?page=999999999999", "/library?page=999999999999", "/events?page=0", "/library?page=x"]
)
def test_out_of_range_page_numbers_are_a_400(client: TestClient, path: str) -> None:
    assert client.get(path).status_code == 400


def test_a_text_longer_than_a_record_needs_is_refused(store: Store, tmp_path: Path) -> None:
    bundle = tmp_path / "long-text.yaml"
    actor = {"id": "a", "kind": "state", "name": {"en": "x" * 100_001}}
    bundle.write_text(yaml.safe_dump({"format": "peacetrack/1", "actors": [actor]}), encoding="utf-8")
    with pytest.raises(BadInput) as caught:
        import_bundles(store, [str(bundle)], author="t")
    (problem,) = caught.value.problems
    assert problem.path == "$.actors[0].name.en" and "at most 100000 characters" in problem.reason

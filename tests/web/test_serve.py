"""`peacetrack serve`: options reach uvicorn, a fresh database gets its schema, and a real server answers."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx
import pytest

from peacetrack.bundle import import_bundles
from peacetrack.fixtures import MINI
from peacetrack.store import Store, is_current


@pytest.fixture
def uvicorn_calls(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    import uvicorn

    calls: list[dict[str, Any]] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kwargs: calls.append({"app": app, **kwargs}))
    # serve hands the database to its workers through the environment: setenv first, so
    # that whatever serve sets is undone after the test.
    for name in ("PEACETRACK_DB", "PEACETRACK_PRIVATE"):
        monkeypatch.setenv(name, "")
        monkeypatch.delenv(name)
    return calls


def test_serve_creates_the_schema_and_explains_an_empty_database(
    cli: Any, tmp_path: Path, uvicorn_calls: list[dict[str, Any]]
) -> None:
    db = tmp_path / "fresh.db"
    result = cli("serve", "--db", str(db), "--port", "8123", "--workers", "2", "--private")
    assert result.code == 0, result.err
    assert is_current(Store(str(db)))
    assert "peacetrack --db" in result.err and "import @korean-peninsula" in result.err
    assert result.out == ""
    (call,) = uvicorn_calls
    assert call["app"] == "peacetrack.web.app:app_from_env" and call["factory"] is True
    assert (call["host"], call["port"], call["workers"]) == ("127.0.0.1", 8123, 2)
    assert os.environ["PEACETRACK_DB"] == f"sqlite:///{db}" and os.environ["PEACETRACK_PRIVATE"] == "1"


def test_serve_on_a_loaded_database_says_nothing_about_importing(
    cli: Any, tmp_path: Path, uvicorn_calls: list[dict[str, Any]]
) -> None:
    db = tmp_path / "loaded.db"
    store = Store(str(db))
    assert cli("init", "--db", str(db)).code == 0
    import_bundles(store, [str(MINI)], author="test")
    result = cli("--db", str(db), "serve", "--private")
    assert result.code == 0 and "import @korean-peninsula" not in result.err
    (call,) = uvicorn_calls
    assert call["port"] == 8000 and call["workers"] == 1 and call["factory"] is False
    # One process gets its app built here, with the settings passed: nothing is published in the environment.
    assert call["app"].state.private is True
    assert "PEACETRACK_DB" not in os.environ and "PEACETRACK_PRIVATE" not in os.environ


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def test_a_real_server_answers(tmp_path: Path) -> None:
    db = tmp_path / "served.db"
    import_bundles(_migrated(db), [str(MINI)], author="test")
    port = _free_port()
    env = {**os.environ, "PEACETRACK_DB": str(db)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "peacetrack", "serve", "--port", str(port), "--log-level", "warning"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 30
        response = None
        while time.monotonic() < deadline:
            try:
                response = httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=2)
                break
            except httpx.TransportError:
                if proc.poll() is not None:
                    break
                time.sleep(0.2)
        assert response is not None, proc.stderr.read().decode() if proc.stderr else "no server"
        assert response.json() == {"status": "ok"}
        scores = httpx.get(f"http://127.0.0.1:{port}/api/scores?as_of=2019-01-01", timeout=5)
        assert scores.status_code == 200 and scores.json()[0]["key"] == "panmunjom-2018"
        assert "etag" in scores.headers
    finally:
        proc.terminate()
        proc.wait(timeout=15)


def _migrated(db: Path) -> Store:
    from peacetrack.store import upgrade

    store = Store(str(db))
    upgrade(store)
    return store

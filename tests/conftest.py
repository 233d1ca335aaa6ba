"""Fixtures shared by the suite: a fresh store on SQLite and on PostgreSQL, and a CLI runner.

PostgreSQL tests use the server at 127.0.0.1:5432 (override with PEACETRACK_TEST_PG).
Each test gets its own schema, dropped afterwards. Where no server answers, the
tests skip locally but fail under CI=true: CI must exercise both backends.
"""

from __future__ import annotations

import os
import re
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text

from peacetrack.store import Store, upgrade

PG_URL = os.environ.get("PEACETRACK_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


def _pg_available() -> str | None:
    try:
        engine = create_engine(PG_URL)
        with engine.connect() as conn:
            conn.execute(text("select 1"))
        engine.dispose()
    except Exception as exc:
        return str(exc).splitlines()[0]
    return None


# The application's own settings: a user's shell may export them (PEACETRACK_DB pointing at their own
# database, say), and no test may read or write through them unless it sets them itself.
_USER_SETTINGS = (
    "PEACETRACK_DB",
    "PEACETRACK_AUTHOR",
    "PEACETRACK_PRIVATE",
    "PEACETRACK_PUBLIC_URL",
    "PEACETRACK_DEBUG",
    "PEACETRACK_LINK_CACHE",
)


@pytest.fixture(autouse=True)
def _no_user_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in _USER_SETTINGS:
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(scope="session")
def pg_reason() -> str | None:
    return _pg_available()


@pytest.fixture
def pg_url(pg_reason: str | None) -> Iterator[str]:
    """A URL to an empty schema of its own on the PostgreSQL server."""
    if pg_reason is not None:
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL is required in CI but unreachable at {PG_URL}: {pg_reason}")
        pytest.skip(f"PostgreSQL unreachable: {pg_reason}")
    schema = f"pt_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_URL)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    sep = "&" if "?" in PG_URL else "?"
    yield f"{PG_URL}{sep}options=-csearch_path%3D{schema}"
    with admin.begin() as conn:
        conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    admin.dispose()


@pytest.fixture(params=["sqlite", "postgres"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'test.db'}"
    url: str = request.getfixturevalue("pg_url")
    return url


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    s = Store(db_url)
    upgrade(s)
    yield s
    s.dispose()


@dataclass
class Result:
    code: int
    out: str
    err: str


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> object:
    """Run the real entry point in-process: cli("import", path) -> Result(code, out, err)."""
    from peacetrack.cli import main

    monkeypatch.setenv("COLUMNS", "200")

    def run(*args: str) -> Result:
        capsys.readouterr()
        code = 0
        try:
            main(list(args))
        except SystemExit as exc:
            code = int(exc.code or 0)
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return run


def _sign_in(client: Any, token: str, **kwargs: Any) -> Any:
    """POST the sign-in form as a browser does: with the check value its GET set in form and cookie."""
    page = client.get("/login")
    found = re.search(r'name="login_check" value="([^"]+)"', page.text)
    # Signed in already, the page offers sign-out, but the check cookie is set all the same.
    check = found.group(1) if found else page.cookies.get("pt_login")
    assert check, page.text[:300]
    return client.post("/login", data={"token": token, "login_check": check}, **kwargs)


@pytest.fixture
def sign_in() -> Any:
    """sign_in(client, token, **post_kwargs): the sign-in form, submitted as a browser submits it."""
    return _sign_in

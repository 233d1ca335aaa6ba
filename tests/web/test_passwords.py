"""Web sign-in by name and password (issue 14): argon2 hashes, never the password; sessions as with tokens."""

from __future__ import annotations

import re
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import select

from peacetrack.accounts import set_password, user_for_password
from peacetrack.store import Store
from peacetrack.store.tables import users

GOOD = "correct horse battery staple"


def _form(client: TestClient, **data: str) -> Any:
    page = client.get("/login")
    found = re.search(r'name="login_check" value="([^"]+)"', page.text)
    assert found is not None
    return client.post("/login", data={**data, "login_check": found.group(1)}, follow_redirects=False)


def test_a_password_is_kept_only_as_an_argon2_hash(loaded: Store, tokens: dict[str, str]) -> None:
    with loaded.write() as conn:
        set_password(conn, "editor", GOOD)
    with loaded.read() as conn:
        stored = conn.scalar(select(users.c.password_hash).where(users.c.name == "editor"))
    assert stored.startswith("$argon2id$") and GOOD not in stored
    assert user_for_password(loaded, "editor", GOOD) is not None
    assert user_for_password(loaded, "editor", GOOD + "!") is None
    assert user_for_password(loaded, "nobody", GOOD) is None
    assert user_for_password(loaded, "reader", GOOD) is None  # has no password
    assert user_for_password(loaded, "editor", "x" * 5000) is None  # refused before hashing


def test_sign_in_by_name_and_password_opens_a_session(client: TestClient, loaded: Store, tokens: Any) -> None:
    with loaded.write() as conn:
        set_password(conn, "editor", GOOD)
    wrong = _form(client, name="editor", password="not the password at all")
    assert wrong.status_code == 401
    right = _form(client, name="editor", password=GOOD)
    assert right.status_code == 303 and right.headers["location"] == "/review"
    cookie = right.headers["set-cookie"]
    assert "HttpOnly" in cookie and GOOD not in cookie and tokens["editor"] not in cookie
    assert client.get("/review").status_code == 200


def test_failed_passwords_are_throttled(client: TestClient, loaded: Store, tokens: Any) -> None:
    with loaded.write() as conn:
        set_password(conn, "editor", GOOD)
    codes = [_form(client, name="editor", password=f"guess number {i:04d}").status_code for i in range(12)]
    assert codes[0] == 401 and 429 in codes


def test_the_command_sets_a_password_from_stdin(
    loaded: Store, tokens: Any, cli: Any, monkeypatch: Any
) -> None:
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.StringIO(GOOD + "\n"))
    done = cli("user", "password", "editor", "--stdin", "--db", loaded.url)
    assert done.code == 0, done.err
    assert user_for_password(loaded, "editor", GOOD) is not None
    monkeypatch.setattr(sys, "stdin", io.StringIO("short\n"))
    assert cli("user", "password", "editor", "--stdin", "--db", loaded.url).code == 2
    monkeypatch.setattr(sys, "stdin", io.StringIO(GOOD + "\n"))
    assert cli("user", "password", "nobody", "--stdin", "--db", loaded.url).code == 2

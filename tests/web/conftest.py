"""Fixtures for the HTTP API: the MINI bundle in a fresh store, an in-process client, tokens."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import orjson
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from peacetrack.accounts import ROLES, add_user
from peacetrack.bundle import import_bundles
from peacetrack.fixtures import MINI
from peacetrack.store import Store
from peacetrack.web.app import create_app


@pytest.fixture
def loaded(store: Store) -> Store:
    """The store with the MINI bundle imported."""
    import_bundles(store, [str(MINI)], author="fixture")
    return store


@pytest.fixture
def make_client(loaded: Store) -> Iterator[Callable[..., TestClient]]:
    """make_client(private=False) -> an in-process client of a fresh app on the loaded store."""
    apps: list[FastAPI] = []

    def make(*, private: bool = False) -> TestClient:
        app = create_app(loaded.url, private=private)
        apps.append(app)
        return TestClient(app)

    yield make
    for app in apps:
        app.state.store.dispose()


@pytest.fixture
def client(make_client: Callable[..., TestClient]) -> TestClient:
    return make_client()


@pytest.fixture
def tokens(loaded: Store) -> dict[str, str]:
    """One user per role, named after it: {"reader": token, "editor": ..., "admin": ...}."""
    with loaded.write() as conn:
        return {role: add_user(conn, role, role) for role in ROLES}


@pytest.fixture
def auth(tokens: dict[str, str]) -> Callable[[str], dict[str, str]]:
    """auth("editor") -> the Authorization header of that role's user."""
    return lambda role: {"Authorization": f"Bearer {tokens[role]}"}


@pytest.fixture
def add_bundle(loaded: Store, tmp_path: Path) -> Callable[[dict[str, Any]], None]:
    """add_bundle({"events": [...]}) imports more records into the loaded store."""

    def add(data: dict[str, Any]) -> None:
        path = tmp_path / f"extra-{len(list(tmp_path.glob('extra-*')))}.json"
        path.write_bytes(orjson.dumps({"format": "peacetrack/1", **data}))
        import_bundles(loaded, [str(path)], author="fixture")

    return add

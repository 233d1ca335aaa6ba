"""Fixtures for ingest into the store: the dataset's actors and agreements, the seed documents, bad files.

The store comes from tests/conftest.py (SQLite and PostgreSQL). ``kp`` loads the
Korean Peninsula dataset's actors (all 116, the 55 letter signatories among them),
themes and agreements (for the linker) — not its events, which ingest does not need.
The web fixtures mirror tests/web/conftest.py (an app on the store, a token per role).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import orjson
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from peacetrack.accounts import ROLES, add_user
from peacetrack.bundle import import_bundles
from peacetrack.bundle.load import DATASETS
from peacetrack.store import Store
from peacetrack.store import tables as t
from peacetrack.web.app import create_app

CORPUS = Path(__file__).resolve().parent.parent / "pipeline" / "corpus"
SEEDS = CORPUS / "seeds"
LETTER = SEEDS / "open-letter-unsc-2019.txt"
CONFERENCE = SEEDS / "conference-news-ksm-2021.txt"
PLENARY = SEEDS / "plenary-programme-arms-control.txt"
SESSION = SEEDS / "session-programme-peace-process.txt"
KO_LETTER = CORPUS / "ko-open-letter.txt"
KO_NEWS = CORPUS / "ko-news-cma.txt"
KO_NOTICE = CORPUS / "ko-conference-notice.txt"

HOSTILE = "<script>alert(1)</script>"
ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;"


def dataset_files() -> list[str]:
    root = DATASETS / "korean-peninsula"
    files = [*sorted((root / "actors").glob("*.yaml")), root / "actors-events.yaml", root / "themes.yaml"]
    files += sorted((root / "agreements").glob("*.yaml"))
    return [str(p) for p in files]


@pytest.fixture
def kp(store: Store) -> Store:
    """The store with the dataset's actors, themes and agreements."""
    import_bundles(store, dataset_files(), author="fixture")
    return store


class Kit:
    """What the tests share (test modules cannot import conftest): paths and small store queries."""

    letter = LETTER
    conference = CONFERENCE
    plenary = PLENARY
    session = SESSION
    ko_letter = KO_LETTER
    ko_news = KO_NEWS
    ko_notice = KO_NOTICE
    seeds = (CONFERENCE, LETTER, PLENARY, SESSION)
    hostile = HOSTILE
    escaped = ESCAPED

    @staticmethod
    def count(store: Store, table: Any, *where: Any) -> int:
        with store.read() as conn:
            return int(conn.scalar(select(func.count()).select_from(table).where(*where)) or 0)

    @staticmethod
    def status_of(store: Store, kind: str, rid: str) -> str | None:
        table = t.RECORD_TABLES[kind]
        with store.read() as conn:
            return conn.scalar(select(table.c.status).where(table.c.id == rid))

    @staticmethod
    def doc(store: Store, kind: str, rid: str) -> dict[str, Any]:
        table = t.RECORD_TABLES[kind]
        with store.read() as conn:
            raw = conn.scalar(select(table.c.doc).where(table.c.id == rid))
        assert raw is not None, f"{kind}/{rid} is not stored"
        loaded: dict[str, Any] = orjson.loads(raw)
        return loaded


@pytest.fixture(scope="session")
def kit() -> type[Kit]:
    return Kit


def truncated_pdf() -> bytes:
    """A PDF cut off before its end-of-file marker."""
    return b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pa"


@pytest.fixture
def bad_files(tmp_path: Path) -> dict[str, Path]:
    """An empty file, junk bytes, a truncated PDF, and a path that does not exist."""
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    junk = tmp_path / "junk.bin"
    junk.write_bytes(bytes(range(256)) * 8)
    pdf = tmp_path / "cut.pdf"
    pdf.write_bytes(truncated_pdf())
    return {"empty": empty, "junk": junk, "pdf": pdf, "missing": tmp_path / "nowhere.txt"}


@pytest.fixture
def app(kp: Store) -> Iterator[FastAPI]:
    made = create_app(kp.url)
    yield made
    made.state.store.dispose()


@pytest.fixture
def client(app: FastAPI) -> TestClient:
    return TestClient(app)


@pytest.fixture
def tokens(kp: Store) -> dict[str, str]:
    """One user per role, named after it (as tests/web/conftest.py makes them)."""
    with kp.write() as conn:
        return {role: add_user(conn, role, role) for role in ROLES}


@pytest.fixture
def auth(tokens: dict[str, str]) -> Callable[[str], dict[str, str]]:
    return lambda role: {"Authorization": f"Bearer {tokens[role]}"}


@pytest.fixture
def kp_files() -> list[str]:
    """The dataset files ``kp`` imports, for tests that make stores of their own."""
    return dataset_files()

"""Where the data lives: one Store per database URL.

SQLite is the embedded default (WAL, foreign keys on, one serialised writer);
PostgreSQL runs the same code through psycopg 3.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Final

import platformdirs
from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError
from sqlalchemy.pool import StaticPool

from peacetrack import settings

ENV_VAR = settings.DB.name


def default_path() -> Path:
    return Path(platformdirs.user_data_dir("peacetrack")) / "peacetrack.db"


def resolve_url(url: str | None = None) -> str:
    """The database to use: the argument, else $PEACETRACK_DB, else the default file."""
    chosen = url or settings.get(settings.DB)
    if chosen:
        if "://" not in chosen:  # a bare path is an SQLite file
            return f"sqlite:///{Path(chosen).expanduser()}"
        return chosen
    return f"sqlite:///{default_path()}"


def _sqlite_setup(engine: Engine) -> None:
    # pysqlite's own transaction handling hides BEGIN; take it over so writers can
    # ask for BEGIN IMMEDIATE and never deadlock upgrading a read lock.
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute(f"PRAGMA busy_timeout={int(WRITE_WAIT_S * 1000)}")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
        conn.exec_driver_sql(f"BEGIN {mode}")


def _postgresql_setup(engine: Engine) -> None:
    # peacetrack's queries are short; compiling them with JIT cost more than running them (440 ms of
    # a 1.1 s timeline count at 10 million events, bench/pgscale.py). Off for our sessions only.
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        with dbapi_conn.cursor() as cur:
            cur.execute("SET jit = off")
        dbapi_conn.commit()


WRITE_WAIT_S: Final = 10.0
MAX_WAITING: Final = 8


class StoreBusy(Exception):
    """The database is held by another write for longer than a writer may wait: try again later."""

    retry_after_s = 2


class Store:
    """A database: an engine plus the rule that only one writer runs at a time."""

    def __init__(self, url: str | None = None, *, echo: bool = False) -> None:
        self.url = resolve_url(url)
        parsed = make_url(self.url)
        self.is_sqlite = parsed.get_backend_name() == "sqlite"
        kwargs: dict[str, Any] = {"echo": echo}
        if self.is_sqlite:
            database = parsed.database
            if database and database != ":memory:":
                Path(database).parent.mkdir(parents=True, exist_ok=True)
            else:
                # An in-memory database lives as long as its one connection.
                kwargs["poolclass"] = StaticPool
            kwargs["connect_args"] = {"check_same_thread": False}
        self.engine = create_engine(self.url, **kwargs)
        if self.is_sqlite:
            _sqlite_setup(self.engine)
        elif parsed.get_backend_name() == "postgresql":
            _postgresql_setup(self.engine)
        self._writer = threading.Lock()
        self._waiting = threading.BoundedSemaphore(MAX_WAITING)
        self.write_wait_s = WRITE_WAIT_S

    @contextmanager
    def read(self) -> Iterator[Connection]:
        with self.engine.connect() as conn:
            yield conn

    @contextmanager
    def write(self, *, wait_s: float | None = None) -> Iterator[Connection]:
        """One transaction, committed on success, rolled back on any error.

        Writers queue for the one write lock; at most `MAX_WAITING` wait at a time and each waits at
        most `wait_s` (default `WRITE_WAIT_S`): beyond that `StoreBusy`, which the API answers 503, so
        waiting writers never take every worker thread from the readers. Another process holding
        SQLite's lock longer than that is `StoreBusy` too, never a bare "database is locked".
        """
        wait = self.write_wait_s if wait_s is None else wait_s
        if not self._waiting.acquire(blocking=False):
            raise StoreBusy("too many writes are waiting for the database")
        try:
            got = self._writer.acquire(timeout=wait)
        finally:
            self._waiting.release()
        if not got:
            raise StoreBusy(f"another write has held the database for over {wait:g} s")
        try:
            with self.engine.connect() as conn:
                if self.is_sqlite:
                    conn = conn.execution_options(sqlite_begin="IMMEDIATE")
                try:
                    transaction = conn.begin()
                except OperationalError as exc:
                    if "locked" in str(exc) or "busy" in str(exc):
                        raise StoreBusy("another process is writing to the database") from None
                    raise
                with transaction:
                    yield conn
        finally:
            self._writer.release()

    def dispose(self) -> None:
        self.engine.dispose()

    def __repr__(self) -> str:
        return f"Store({make_url(self.url).render_as_string(hide_password=True)!r})"


__all__ = ["ENV_VAR", "MAX_WAITING", "WRITE_WAIT_S", "Store", "StoreBusy", "default_path", "resolve_url"]

"""The store: SQLite settings, one writer at a time, deletes kept in history, default location."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, text

from peacetrack.bundle import import_bundles
from peacetrack.errors import BadInput
from peacetrack.fixtures import MINI
from peacetrack.store import Store, resolve_url, upgrade
from peacetrack.store import tables as t
from peacetrack.store.migrate import head_revision, is_current
from peacetrack.store.revisions import history
from peacetrack.store.writer import delete_record


def test_sqlite_runs_in_wal_with_foreign_keys(tmp_path: Path) -> None:
    store = Store(str(tmp_path / "x.db"))
    with store.read() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_url_resolution(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("PEACETRACK_DB", raising=False)
    assert resolve_url(None).startswith("sqlite:///") and resolve_url(None).endswith("peacetrack.db")
    monkeypatch.setenv("PEACETRACK_DB", "postgresql+psycopg://u@h/db")
    assert resolve_url(None) == "postgresql+psycopg://u@h/db"
    assert resolve_url(str(tmp_path / "a.db")) == f"sqlite:///{tmp_path / 'a.db'}"


def test_migrations_reach_head(store: Store) -> None:
    assert is_current(store)
    before, after = upgrade(store)
    assert before == after == head_revision()


def test_concurrent_writers_are_serialised(tmp_path: Path) -> None:
    store = Store(str(tmp_path / "w.db"))
    upgrade(store)
    errors: list[BaseException] = []

    def write(i: int) -> None:
        try:
            with store.write() as conn:
                conn.execute(
                    text(
                        "INSERT INTO themes (id, name_en, doc, updated_at) "
                        "VALUES (:i, 'x', '{}', CURRENT_TIMESTAMP)"
                    ),
                    {"i": f"t{i}"},
                )
        except BaseException as exc:  # collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(i,)) for i in range(8)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert errors == []
    with store.read() as conn:
        assert len(conn.execute(select(t.themes.c.id)).all()) == 8


def test_failed_write_leaves_nothing(store: Store) -> None:
    with pytest.raises(RuntimeError), store.write() as conn:
        conn.execute(
            text(
                "INSERT INTO themes (id, name_en, doc, updated_at) VALUES ('t', 'x', '{}', CURRENT_TIMESTAMP)"
            )
        )
        raise RuntimeError("boom")
    with store.read() as conn:
        assert conn.execute(select(t.themes.c.id)).all() == []


def test_delete_is_kept_in_history(store: Store) -> None:
    import_bundles(store, [str(MINI)], author="t")
    with store.write() as conn:
        assert delete_record(conn, "gatherings", "ksm-conference-2021", author="editor", reason="duplicate")
        assert not delete_record(conn, "gatherings", "ksm-conference-2021", author="editor", reason="again")
    with store.read() as conn:
        revs = history(conn, "gatherings", "ksm-conference-2021")
        assert [r.op for r in revs] == ["insert", "delete"]
        assert revs[1].new is None and revs[1].old is not None and revs[1].old["attendance"] == 100
        assert conn.execute(select(t.gathering_actors)).all() == []


def test_migrations_build_exactly_the_declared_schema(store: Store) -> None:
    """store/tables.py and the migrations must never drift apart (autogenerate finds nothing to do)."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from peacetrack.store import hangul_grams
    from peacetrack.store.trigram import is_trigram_index

    def declared_here(obj: object, name: str | None, kind: str, reflected: bool, compared: object) -> bool:
        # The PostgreSQL-only search indexes are declared in store/trigram.py and store/hangul_grams.py.
        searching = is_trigram_index(name) or name == hangul_grams.INDEX
        return not (kind == "index" and reflected and searching)

    with store.read() as conn:
        context = MigrationContext.configure(conn, opts={"include_object": declared_here})
        assert compare_metadata(context, t.metadata) == []
        is_pg = conn.dialect.name == "postgresql"
        query = "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()"
        names = set(conn.scalars(text(query))) if is_pg else set()
    if store.engine.dialect.name == "postgresql":
        assert {"ix_events_doc_trgm", "ix_events_doc_hangul"} <= names


def test_the_baseline_goes_down_to_an_empty_database_and_back(store: Store) -> None:
    from alembic import command
    from sqlalchemy import inspect

    from peacetrack.store.migrate import MIGRATIONS, _config

    assert MIGRATIONS.is_dir()
    cfg = _config()
    with store.write() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "base")
    with store.read() as conn:
        assert set(inspect(conn).get_table_names()) == {"alembic_version"}
    upgrade(store)
    assert is_current(store)
    with store.read() as conn:
        assert {"actors", "events", "releases", "documents", "processes"} <= set(
            inspect(conn).get_table_names()
        )


def test_a_database_left_at_a_folded_development_step_is_told_what_to_do(store: Store, cli: Any) -> None:
    # 0001-0012 were folded into the 0.1 baseline: Alembic cannot find them, so say what to run.
    with store.write() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '0008'"))
    with pytest.raises(BadInput, match=r"schema is at 0008.*peacetrack init.*5dbf9b0"):
        upgrade(store)
    with store.read() as conn:
        assert conn.scalar(text("SELECT version_num FROM alembic_version")) == "0008"
    result = cli("init", "--db", store.url)
    assert result.code == 2 and "5dbf9b0" in result.err and "folded into 0013" in result.err
    with store.write() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '0099'"))
    with pytest.raises(BadInput, match=r"schema is at 0099, which this peacetrack does not know"):
        upgrade(store)


def test_a_bulk_write_on_postgresql_goes_by_copy_and_leaves_statistics(
    pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Many rows go in by COPY; afterwards the planner has statistics (without them a re-import read
    # every stored record by scanning whole tables).
    import orjson

    from peacetrack.store import bulk, writer

    copies: list[str] = []
    real_copy = bulk._copy
    monkeypatch.setattr(
        bulk, "_copy", lambda conn, sql, params: (copies.append(sql), real_copy(conn, sql, params))
    )
    monkeypatch.setattr(writer, "ANALYZE_FROM", 10)
    actors = [
        {"id": f"a{i:03d}", "kind": "organization", "name": {"en": f"Group {i}"}}
        for i in range(bulk.COPY_FROM + 5)
    ]
    path = tmp_path / "actors.json"
    path.write_bytes(orjson.dumps({"format": "peacetrack/1", "actors": actors}))
    pg = Store(pg_url)
    upgrade(pg)
    import_bundles(pg, [str(path)], author="test")
    assert any(sql.startswith('COPY "actors"') for sql in copies)
    assert any(sql.startswith('COPY "revisions"') for sql in copies)
    with pg.read() as conn:
        assert conn.scalar(select(text("count(*)")).select_from(t.actors)) == len(actors)
        analysed = conn.scalar(
            text(
                "SELECT last_analyze FROM pg_stat_user_tables"
                " WHERE relname = 'actors' AND schemaname = current_schema()"
            )
        )
    assert analysed is not None
    again = import_bundles(pg, [str(path)], author="test")
    assert again.changed == 0
    pg.dispose()


def test_trigram_indexes_are_postgresql_only(tmp_path: Path) -> None:
    from peacetrack.store.trigram import create_indexes, index_name, is_trigram_index

    sqlite = Store(f"sqlite:///{tmp_path / 'plain.db'}")
    upgrade(sqlite)
    with sqlite.write() as conn:
        assert create_indexes(conn) is False
        names = set(conn.scalars(text("SELECT name FROM sqlite_master WHERE type = 'index'")))
    assert not any(is_trigram_index(n) for n in names)
    assert is_trigram_index(index_name("events", "doc")) and not is_trigram_index("ix_events_date")
    sqlite.dispose()


def test_postgresql_sessions_run_without_jit(pg_url: str) -> None:
    # Compiling peacetrack's short queries cost more than running them (bench/RESULTS.md).
    pg = Store(pg_url)
    with pg.read() as conn:
        assert conn.scalar(text("SHOW jit")) == "off"
    pg.dispose()

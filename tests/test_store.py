"""The store: SQLite settings, one writer at a time, deletes kept in history, default location."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from sqlalchemy import select, text

from peacetrack.bundle import import_bundles
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

    from peacetrack.store.trigram import is_trigram_index

    def declared_here(obj: object, name: str | None, kind: str, reflected: bool, compared: object) -> bool:
        # The PostgreSQL-only trigram indexes are declared in store/trigram.py, not in tables.py.
        return not (kind == "index" and reflected and is_trigram_index(name))

    with store.read() as conn:
        context = MigrationContext.configure(conn, opts={"include_object": declared_here})
        assert compare_metadata(context, t.metadata) == []
        is_pg = conn.dialect.name == "postgresql"
        query = "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()"
        names = set(conn.scalars(text(query))) if is_pg else set()
    if store.engine.dialect.name == "postgresql":
        assert "ix_events_doc_trgm" in names


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


def test_an_older_store_gets_its_effect_dates_on_upgrade(db_url: str, tmp_path: Path) -> None:
    # Migration 0011 fills event_effects.event_date from the events of a store made before it.
    from alembic import command

    from peacetrack.store.migrate import _config

    store = Store(db_url)
    cfg = _config()
    with store.write() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0010")
    with store.write() as conn:
        conn.execute(
            text(
                "INSERT INTO actors (id, kind, name_en, doc, status, updated_at) VALUES "
                "('kor', 'state', 'South Korea', '{}', 'accepted', '2020-01-01 00:00:00')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO agreements (id, signed, title_en, doc, status, updated_at) VALUES "
                "('a', '2018-04-27', 'A', '{}', 'accepted', '2020-01-01 00:00:00')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO provisions (id, agreement_id, ref, position, text_en) VALUES "
                "('a/1', 'a', '1', 0, 'One')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO events (id, date, type, title_en, doc, status, updated_at) VALUES "
                "('e', '2019-05-04', 'talks', 'E', '{}', 'accepted', '2020-01-01 00:00:00')"
            )
        )
        conn.execute(
            text("INSERT INTO event_effects (event_id, provision_id, effect) VALUES ('e', 'a/1', 'mentions')")
        )
    assert upgrade(store)[1] == head_revision()
    with store.read() as conn:
        assert str(conn.scalar(text("SELECT event_date FROM event_effects"))) == "2019-05-04"
    store.dispose()


def test_postgresql_sessions_run_without_jit(pg_url: str) -> None:
    # Compiling peacetrack's short queries cost more than running them (bench/RESULTS.md).
    pg = Store(pg_url)
    with pg.read() as conn:
        assert conn.scalar(text("SHOW jit")) == "off"
    pg.dispose()

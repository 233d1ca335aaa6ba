"""Trigram indexes for substring search on PostgreSQL (pg_trgm), declared here once.

Search matches substrings, not words (Korean attaches particles to nouns), so a B-tree cannot help
and at millions of events every query read the whole table (27 s at 10 million, bench/pgscale.py).
A GIN index of pg_trgm trigrams answers `ILIKE '%…%'` for patterns of three characters or more, in
any script: Hangul included (with a UTF-8 character type, as PostgreSQL's defaults have it).

The indexes exist on PostgreSQL only (SQLite scans, which is fine at the sizes a laptop holds), so
they are not in store/tables.py's metadata; the migration creates them and the schema comparison
knows their names. Where the extension cannot be created (a managed server that does not allow
it), they are left out with a warning: search still works, without the index.
"""

from __future__ import annotations

import logging
from typing import Final

from sqlalchemy import Connection, text

TRIGRAM_INDEXES: Final = (("events", "doc"),)
"""(table, column) pairs indexed: the one table that grows to millions of rows."""

log = logging.getLogger(__name__)


def index_name(table: str, column: str) -> str:
    return f"ix_{table}_{column}_trgm"


def is_trigram_index(name: str | None) -> bool:
    return name in {index_name(table, column) for table, column in TRIGRAM_INDEXES}


def create_indexes(conn: Connection) -> bool:
    """The trigram indexes, on PostgreSQL; False when pg_trgm is not available to this user."""
    if conn.dialect.name != "postgresql":
        return False
    schema = _extension_schema(conn)
    if schema is None:
        savepoint = conn.begin_nested()
        try:
            conn.execute(text("CREATE EXTENSION IF NOT EXISTS pg_trgm"))
        except Exception as exc:  # no permission, or the extension is not installed on the server
            savepoint.rollback()
            log.warning("pg_trgm is not available (%s): search runs without a trigram index", exc)
            return False
        savepoint.commit()
        schema = _extension_schema(conn)
    for table, column in TRIGRAM_INDEXES:
        conn.execute(
            text(
                f'CREATE INDEX IF NOT EXISTS "{index_name(table, column)}" '
                f'ON "{table}" USING gin ("{column}" "{schema}".gin_trgm_ops)'
            )
        )
    return True


def drop_indexes(conn: Connection) -> None:
    for table, column in TRIGRAM_INDEXES:
        conn.execute(text(f'DROP INDEX IF EXISTS "{index_name(table, column)}"'))


def _extension_schema(conn: Connection) -> str | None:
    found = conn.scalar(
        text("SELECT extnamespace::regnamespace::text FROM pg_extension WHERE extname = 'pg_trgm'")
    )
    return str(found).strip('"') if found is not None else None

"""The PostgreSQL-only search indexes (trigram and Hangul), made again by `peacetrack init` when missing.

A migration creates them once; where that failed (pg_trgm not installed, or a user who may not create
a function) the migration still went through, and without this a later `init`, after an operator
fixed the server, would never try again: every search would go on scanning.
"""

from __future__ import annotations

from sqlalchemy import Connection, text

from peacetrack.store import hangul_grams, trigram


def expected() -> list[str]:
    return [
        *(trigram.index_name(table, column) for table, column in trigram.TRIGRAM_INDEXES),
        hangul_grams.INDEX,
    ]


def missing(conn: Connection) -> list[str]:
    """The search indexes this PostgreSQL database lacks (none on SQLite, which has none)."""
    if conn.dialect.name != "postgresql":
        return []
    return [name for name in expected() if conn.scalar(text("SELECT to_regclass(:n)"), {"n": name}) is None]


def ensure(conn: Connection) -> list[str]:
    """Create the missing ones; returns those that still could not be created (each with a warning
    logged by its module saying why). Building one on a large table takes minutes."""
    lacking = missing(conn)
    if any(trigram.is_trigram_index(name) for name in lacking):
        trigram.create_indexes(conn)
    if hangul_grams.INDEX in lacking:
        hangul_grams.create_index(conn)
    return missing(conn) if lacking else []

"""An index of the Hangul syllables and syllable pairs in each event, for one- and two-letter
Korean searches on PostgreSQL, declared here once.

A Korean word is often two syllables (남북, 휴전, 판문). A trigram index cannot find a pattern shorter
than three characters, so such a search read the whole table: 2.4 s at 10 million events when few
events hold the word (bench/pgscale.py). This index keeps, per event, the set of syllables and of
adjacent syllable pairs in its document: `peacetrack_hangul_grams(doc) @> ARRAY['휴전']` finds the
few events holding the pair from a GIN index, and the LIKE that search always applies then checks
each one. Like the trigram indexes it exists on PostgreSQL only and is left out, with a warning,
where this user may not create a function.
"""

from __future__ import annotations

import logging
from typing import Any, Final

from sqlalchemy import ARRAY, ColumnElement, Connection, Text, func, literal, text

from peacetrack.model.languages import HANGUL_SYLLABLES, is_hangul

FUNCTION: Final = "peacetrack_hangul_grams"
INDEX: Final = "ix_events_doc_hangul"
LONGEST: Final = 2
"""The longest needle the index answers; longer ones have trigrams."""

log = logging.getLogger(__name__)

# Every syllable of every run of Hangul syllables, and every pair of neighbours in a run.
_CREATE_FUNCTION = f"""
CREATE OR REPLACE FUNCTION {FUNCTION}(doc text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(DISTINCT gram), '{{}}'::text[])
  FROM regexp_matches(doc, '[{HANGUL_SYLLABLES}]+', 'g') AS found(run),
       generate_series(1, char_length(found.run[1])) AS at(i),
       LATERAL (VALUES (substr(found.run[1], at.i, 1)), (substr(found.run[1], at.i, 2))) AS grams(gram)
$$
"""


def answers(needle: str) -> bool:
    """Whether the index can find ``needle``: one or two Hangul syllables."""
    return 1 <= len(needle) <= LONGEST and all(is_hangul(ch) for ch in needle)


def holds(column: Any, needle: str) -> ColumnElement[bool]:
    """The condition the index answers: the document's grams include ``needle`` (the index's own
    expression, so the planner can use it)."""
    grams = getattr(func, FUNCTION)(column)
    result: ColumnElement[bool] = grams.op("@>")(literal([needle], ARRAY(Text)))
    return result


def ready(conn: Connection) -> bool:
    """Whether the index is there to use (PostgreSQL, and it could be created)."""
    if conn.dialect.name != "postgresql":
        return False
    return conn.scalar(text("SELECT to_regclass(:name) IS NOT NULL"), {"name": INDEX}) is True


def expected_matches(conn: Connection, needle: str) -> float | None:
    """How many events the planner's statistics say hold ``needle`` (its frequency among the index's
    most common grams times the table's rows); None when the statistics do not list it (a rare gram,
    or no statistics yet)."""
    found = conn.scalar(
        text(
            "SELECT s.most_common_elem_freqs[array_position(s.most_common_elems::text::text[], :needle)]"
            " * greatest(c.reltuples, 0) FROM pg_stats s, pg_class c"
            " WHERE s.schemaname = current_schema() AND s.tablename = :index"
            " AND c.oid = to_regclass('events')"
        ),
        {"needle": needle, "index": INDEX},
    )
    return float(found) if found is not None else None


def create_index(conn: Connection) -> bool:
    """The function and its index, on PostgreSQL; False when this user may not create them."""
    if conn.dialect.name != "postgresql":
        return False
    savepoint = conn.begin_nested()
    try:
        conn.execute(text(_CREATE_FUNCTION))
        conn.execute(text(f'CREATE INDEX IF NOT EXISTS "{INDEX}" ON events USING gin ({FUNCTION}(doc))'))
    except Exception as exc:  # no permission to create a function, or a server without regexp support
        savepoint.rollback()
        log.warning("the Hangul index could not be created (%s): short Korean searches scan", exc)
        return False
    savepoint.commit()
    return True


def drop_index(conn: Connection) -> None:
    if conn.dialect.name == "postgresql":
        conn.execute(text(f'DROP INDEX IF EXISTS "{INDEX}"'))
        conn.execute(text(f"DROP FUNCTION IF EXISTS {FUNCTION}(text)"))

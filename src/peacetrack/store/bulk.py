"""Bulk inserts that skip SQLAlchemy's per-row parameter processing.

Profiling a 20,000-event import showed over a third of the time in building
bound parameters row by row; handing tuples straight to the driver removes
that: SQLite gets one executemany, PostgreSQL a COPY (bench/import.py measures
both). Values are converted to what SQLAlchemy itself would store, so reads
through SQLAlchemy see no difference.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection, Table


def _sqlite_value(value: Any) -> Any:
    # SQLAlchemy's SQLite DateTime/Date storage formats (naive, UTC for datetimes).
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone(UTC).replace(tzinfo=None)
        return value.strftime("%Y-%m-%d %H:%M:%S.%f")
    if isinstance(value, date):
        return value.isoformat()
    return value


def _date_columns(rows: Sequence[dict[str, Any]], columns: list[str]) -> list[int]:
    """Positions of columns holding dates or datetimes (judged by their first value)."""
    found = []
    for i, col in enumerate(columns):
        sample = next((row[col] for row in rows if row[col] is not None), None)
        if isinstance(sample, date):
            found.append(i)
    return found


def _sqlite_dates(params: list[tuple[Any, ...]], convert: list[int]) -> list[tuple[Any, ...]]:
    """The rows with the date columns at ``convert`` in SQLite's text form, converted column by column
    (one import stamps thousands of rows with the same time and a few thousand dates: each is converted
    once)."""
    columns = list(zip(*params, strict=True))
    for i in convert:
        text = {v: _sqlite_value(v) for v in set(columns[i])}
        columns[i] = tuple(map(text.__getitem__, columns[i]))
    return list(zip(*columns, strict=True))


COPY_FROM = 50
"""Below this many rows a PostgreSQL insert is a plain executemany: a COPY costs a round trip of its own."""


def _copy(conn: Connection, sql: str, params: list[tuple[Any, ...]]) -> None:
    # The psycopg connection under SQLAlchemy's, inside the same transaction.
    raw = conn.connection.driver_connection
    assert raw is not None
    with raw.cursor() as cursor, cursor.copy(sql) as copy:
        for row in params:
            copy.write_row(row)


def insert_rows(conn: Connection, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """INSERT many rows that all have the same keys, in one driver executemany."""
    if not rows:
        return
    columns = list(rows[0])
    names = ", ".join(f'"{c}"' for c in columns)
    pick = itemgetter(*columns)
    params: list[tuple[Any, ...]] = (
        [pick(row) for row in rows] if len(columns) > 1 else [(pick(row),) for row in rows]
    )
    dialect = conn.dialect.name
    if dialect == "postgresql" and len(rows) >= COPY_FROM:
        _copy(conn, f'COPY "{table.name}" ({names}) FROM STDIN', params)
        return
    sqlite = dialect == "sqlite"
    marks = ", ".join("?" if sqlite else "%s" for _ in columns)
    sql = f'INSERT INTO "{table.name}" ({names}) VALUES ({marks})'
    if sqlite:
        convert = _date_columns(rows, columns)
        if convert:
            params = _sqlite_dates(params, convert)
    conn.exec_driver_sql(sql, params)


ANALYZE_FROM = 10_000
"""Records written in one go from which PostgreSQL's planner statistics are refreshed at once."""


def refresh_statistics(conn: Connection, tables: Sequence[Table]) -> None:
    """ANALYZE on PostgreSQL after a bulk write: until autovacuum gets to it, the planner believes a
    table that was empty is still empty and scans it whole (a no-op re-import of 100,000 events took
    196 s instead of 4 s, bench/import.py). SQLite's planner needs no statistics for these queries."""
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql("ANALYZE " + ", ".join(f'"{table.name}"' for table in tables))

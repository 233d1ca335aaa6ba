"""Reads of many ids in bounded ``IN (...)`` lists, declared once.

SQLite caps the parameters of one statement and PostgreSQL plans huge lists badly, so every read of
"these ids" goes through :func:`id_chunks`.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from typing import Final

CHUNK: Final = 500
"""Ids per ``IN (...)`` list."""


def id_chunks(ids: Collection[str], size: int = CHUNK) -> Iterator[list[str]]:
    """The distinct ids, sorted, in lists of at most ``size``."""
    ordered = sorted(set(ids))
    for i in range(0, len(ordered), size):
        yield ordered[i : i + size]

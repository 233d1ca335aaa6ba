"""Create or upgrade a database schema to the newest migration (idempotent).

Checking whether a database is current runs on every command, so it reads the
version table and the migration files directly; Alembic itself (slow to import)
is loaded only when there is something to migrate.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import inspect, make_url, text

from peacetrack.errors import BadInput, Problem
from peacetrack.store import search_indexes
from peacetrack.store.engine import Store

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).parent / "migrations"
_REVISION = re.compile(r"^revision\s*(?::\s*str\s*)?=\s*['\"]([^'\"]+)['\"]", re.M)
_DOWN = re.compile(r"^down_revision\s*(?::[^=]+)?=\s*(None|['\"]([^'\"]+)['\"])", re.M)
FOLDED_AT = "5dbf9b0"
"""The last commit whose migrations went step by step (0001-0013); 0.1's baseline folds them into one."""
BASELINE = "0013"
FOLDED = frozenset(f"{n:04d}" for n in range(1, 13))
"""The development steps the baseline replaced; a database left at one must be brought up by 5dbf9b0."""
SAME_DATA = frozenset({"0013", "0014"})
"""Revisions with the head's tables and columns (0014 adds only a PostgreSQL index): a backup taken at
any of them restores into this version."""


def _config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def _revisions() -> tuple[set[str], set[str]]:
    """Every migration's revision, and those another migration builds on."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in (MIGRATIONS / "versions").glob("*.py"):
        source = path.read_text(encoding="utf-8")
        rev, down = _REVISION.search(source), _DOWN.search(source)
        if rev:
            revisions.add(rev.group(1))
        if down and down.group(2):
            parents.add(down.group(2))
    return revisions, parents


def head_revision() -> str | None:
    """The newest migration: the one no other migration builds on."""
    revisions, parents = _revisions()
    heads = sorted(revisions - parents)
    if len(heads) > 1:
        raise RuntimeError(f"migrations have several heads: {heads}")
    return heads[0] if heads else None


def current_revision(store: Store) -> str | None:
    with store.read() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def upgrade(store: Store) -> tuple[str | None, str | None]:
    """Bring the schema to head; returns (revision before, revision after)."""
    from alembic import command

    before = current_revision(store)
    if before is not None and before not in _revisions()[0]:
        if before in FOLDED:  # a step of 0.1's development that the baseline folded away
            why = (
                f"a development step folded into {BASELINE} before 0.1: run `peacetrack init` with "
                f"peacetrack {FOLDED_AT} or earlier, then this"
            )
        else:
            why = (
                f"which this peacetrack does not know (made by a newer one?); its newest is {head_revision()}"
            )
        where = make_url(store.url).render_as_string(hide_password=True)
        raise BadInput([Problem(where, "$", f"database schema is at {before}, {why}")])
    cfg = _config()
    with store.write() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
        # A search index a migration could not create once is tried again on every upgrade (`init`).
        search_indexes.ensure(conn)
    return before, current_revision(store)


def is_current(store: Store) -> bool:
    return current_revision(store) == head_revision()

"""What every command shares: the database option, output helpers, progress bars."""

from __future__ import annotations

import getpass
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from typing import Annotated, Any

import orjson
import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
)
from rich.text import Text

from peacetrack import settings
from peacetrack.errors import BadInput, Problem
from peacetrack.store import ENV_VAR, Store, default_path
from peacetrack.store.migrate import current_revision, head_revision, upgrade

DB_HELP = (
    f"Database as an SQLAlchemy URL (sqlite:///path.db, postgresql+psycopg://user@host/db) or a file path. "
    f"Default: ${ENV_VAR}, else the SQLite file {default_path()}."
)
DbOption = Annotated[str | None, typer.Option("--db", help=DB_HELP, envvar=ENV_VAR, show_envvar=False)]


class OutputFormat(StrEnum):
    table = "table"
    json = "json"


FormatOption = Annotated[OutputFormat, typer.Option("--format", help="table for people, json for scripts.")]


def stderr() -> Console:
    return Console(stderr=True)


def stdout() -> Console:
    return Console()


def print_json(data: Any) -> None:
    sys.stdout.buffer.write(orjson.dumps(data, option=orjson.OPT_INDENT_2 | orjson.OPT_NON_STR_KEYS) + b"\n")
    sys.stdout.flush()


def author(explicit: str | None = None) -> str:
    return explicit or settings.get(settings.AUTHOR) or f"cli:{getpass.getuser()}"


def chosen_db(ctx: typer.Context, db: str | None) -> str | None:
    """--db after the command wins over --db before it."""
    if db:
        return db
    parent = ctx.find_root().obj
    return parent.get("db") if isinstance(parent, dict) else None


def open_store(db: str | None, *, create: bool = True) -> Store:
    """Open the database; a brand-new one gets its schema, an old one must be migrated first."""
    store = Store(db)
    current = current_revision(store)
    head = head_revision()
    if current == head:
        return store
    if current is None and create:
        upgrade(store)
        return store
    if current is None:
        raise BadInput([Problem(store.url, "$", "database has no peacetrack schema: run `peacetrack init`")])
    raise BadInput(
        [
            Problem(
                store.url,
                "$",
                f"database schema is at {current}, this peacetrack needs {head}: "
                "run `peacetrack init` to migrate",
            )
        ]
    )


class _Rate(ProgressColumn):
    """Items per second, and how many failed when any did."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        failed = int(task.fields.get("failed", 0))
        text = f"{speed:,.1f}/s" if speed else ""
        return Text(f"{text}  {failed:,} failed" if failed else text, style="progress.data.speed")


@contextmanager
def progress_bar(enabled: bool, description: str) -> Iterator[Any]:
    """A Rich progress bar on a terminal's stderr; a silent stand-in elsewhere.

    It is called as progress(stage, done, total) or progress(stage, done, total, failed)."""
    if not enabled or not sys.stderr.isatty():
        yield lambda stage, done, total, failed=0: None
        return
    bar = Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        _Rate(),
        TimeElapsedColumn(),
        console=stderr(),
        transient=True,
    )
    with bar:
        tasks: dict[str, Any] = {}

        def update(stage: str, done: int, total: int, failed: int = 0) -> None:
            if stage not in tasks:
                tasks[stage] = bar.add_task(f"{description}: {stage}", total=total or None, failed=0)
            bar.update(tasks[stage], completed=done, total=total or None, failed=failed)

        yield update

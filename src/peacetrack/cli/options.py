"""Options and checks that several commands share: --as-of, --lang, dates, the store."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from typing import Annotated, Any

import typer

from peacetrack.cli.common import open_store
from peacetrack.errors import BadInput, Problem
from peacetrack.model.languages import Lang, check_lang
from peacetrack.store import Store

AsOfOption = Annotated[
    str | None, typer.Option("--as-of", metavar="DATE", help="Date YYYY-MM-DD. Default: today.")
]
LangOption = Annotated[
    str, typer.Option("--lang", metavar="en|ko", help="Language of titles, names and notes (table).")
]

_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def bad(where: str, reason: str) -> BadInput:
    return BadInput([Problem(where, "$", reason)])


def day(value: str | None, option: str, default: date | None = None) -> date:
    if value is None:
        return default if default is not None else date.today()
    try:
        if not _ISO_DAY.fullmatch(value):
            raise ValueError(value)
        return date.fromisoformat(value)
    except ValueError:
        raise bad(option, f"not a date YYYY-MM-DD: {value!r}") from None


def lang(value: str) -> Lang:
    try:
        return check_lang(value)
    except ValueError as exc:
        raise bad("--lang", str(exc)) from None


def _db(ctx: typer.Context, db: str | None) -> str | None:
    """--db given nearest the command wins: after it, then on each enclosing group, then the root."""
    current: Any = ctx
    while db is None and current is not None:
        given = current.params.get("db")
        db = given if isinstance(given, str) and given else None
        current = current.parent
    return db


@contextmanager
def opened(ctx: typer.Context, db: str | None, *, create: bool = False) -> Iterator[Store]:
    store = open_store(_db(ctx, db), create=create)
    try:
        yield store
    finally:
        store.dispose()

"""serve, user: the web dashboard and API, and who may write through it."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from enum import StrEnum
from typing import Annotated, Any, TypeVar

import typer
from rich.table import Table
from sqlalchemy import Connection, select

from peacetrack import settings
from peacetrack.cli.common import (
    DbOption,
    FormatOption,
    OutputFormat,
    chosen_db,
    open_store,
    print_json,
    stderr,
    stdout,
)
from peacetrack.errors import BadInput, Problem
from peacetrack.store import tables as t

users_app = typer.Typer(
    name="user",
    help="API users: who may write through the HTTP API (and read a --private server).",
    no_args_is_help=True,
)


class RoleChoice(StrEnum):
    reader = "reader"
    editor = "editor"
    admin = "admin"


def _bad(what: str, exc: Exception) -> BadInput:
    return BadInput([Problem(what, "$", str(exc))])


UserName = Annotated[str, typer.Argument(help="User name.")]
T = TypeVar("T")


def _change_user(ctx: typer.Context, db: str | None, name: str, change: Callable[[Connection], T]) -> T:
    """Run one change to the accounts in a write transaction; a refused change is bad input."""
    from peacetrack.accounts import UserError

    store = open_store(chosen_db(ctx, db))
    try:
        with store.write() as conn:
            return change(conn)
    except UserError as exc:
        raise _bad(name, exc) from None


@users_app.command("add")
def user_add(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="User name; it becomes the author of the user's writes.")],
    role: Annotated[
        RoleChoice, typer.Option("--role", help="reader: reads a private server; editor, admin: write too.")
    ] = RoleChoice.reader,
    db: DbOption = None,
) -> None:
    """Add a user and print its API token on stdout, once: only its SHA-256 is kept."""
    from peacetrack.accounts import add_user

    token = _change_user(ctx, db, name, lambda conn: add_user(conn, name, role.value))
    stderr().print(
        f"user {name} ({role.value}) added. Its token, shown this once — send it as "
        "`Authorization: Bearer TOKEN`:",
        highlight=False,
    )
    typer.echo(token)


@users_app.command("token")
def user_token(
    ctx: typer.Context,
    name: UserName,
    db: DbOption = None,
) -> None:
    """Issue a new token for a user (the old one stops working) and print it once."""
    from peacetrack.accounts import reissue_token

    token = _change_user(ctx, db, name, lambda conn: reissue_token(conn, name))
    stderr().print(f"new token for {name}; the old one no longer works:", highlight=False)
    typer.echo(token)


@users_app.command("password")
def user_password(
    ctx: typer.Context,
    name: UserName,
    stdin: Annotated[
        bool,
        typer.Option("--stdin", help="Read the password from standard input (scripts) instead of asking."),
    ] = False,
    db: DbOption = None,
) -> None:
    """Set a user's password for the web sign-in (asked twice, never echoed); kept only as an argon2 hash."""
    from peacetrack.accounts import PASSWORD_MIN, set_password

    if stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = typer.prompt(
            f"password for {name} (at least {PASSWORD_MIN} characters)",
            hide_input=True,
            confirmation_prompt=True,
        )
    _change_user(ctx, db, name, lambda conn: set_password(conn, name, password))
    stderr().print(f"password set for {name}; their browser sessions were ended", highlight=False)


@users_app.command("list")
def user_list(ctx: typer.Context, db: DbOption = None, fmt: FormatOption = OutputFormat.table) -> None:
    """List users (names, roles, when added; never tokens)."""
    from peacetrack.accounts import list_users

    store = open_store(chosen_db(ctx, db))
    with store.read() as conn:
        found = list_users(conn)
    if fmt is OutputFormat.json:
        print_json([{"name": u.name, "role": u.role, "created_at": u.created_at.isoformat()} for u in found])
        return
    table = Table(title=f"{len(found)} user(s)")
    for col in ("name", "role", "added (UTC)"):
        table.add_column(col)
    for u in found:
        table.add_row(u.name, u.role, u.created_at.strftime("%Y-%m-%d %H:%M"))
    stdout().print(table)


@users_app.command("remove")
def user_remove(ctx: typer.Context, name: UserName, db: DbOption = None) -> None:
    """Remove a user: its token stops working at once (its past writes keep its name)."""
    from peacetrack.accounts import remove_user

    _change_user(ctx, db, name, lambda conn: remove_user(conn, name))
    stderr().print(f"user {name} removed", highlight=False)


def serve(
    ctx: typer.Context,
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.", min=1, max=65535)] = 8000,
    db: DbOption = None,
    private: Annotated[
        bool, typer.Option("--private", help="Reads need a token too (any role); default: reads are public.")
    ] = False,
    workers: Annotated[
        int, typer.Option("--workers", help="Worker processes (each keeps its own caches).", min=1, max=64)
    ] = 1,
    log_level: Annotated[str, typer.Option("--log-level", help="uvicorn log level.")] = "info",
    trusted_proxy: Annotated[
        list[str] | None,
        typer.Option(
            "--trusted-proxy",
            help="Address of a TLS proxy in front (repeatable): its X-Forwarded-Proto and -For are believed, "
            "so sign-in cookies are marked Secure behind it. Default: none, headers ignored.",
        ),
    ] = None,
) -> None:
    """Run the web dashboard and the JSON API (docs at /docs, schema at /openapi.json)."""
    import uvicorn

    chosen = chosen_db(ctx, db)
    store = open_store(chosen)
    with store.read() as conn:
        empty = conn.scalar(select(t.agreements.c.id).limit(1)) is None
    url = store.url
    store.dispose()
    err = stderr()
    if empty:
        err.print(
            "The database has no agreements yet. Load the bundled Korean Peninsula dataset with\n"
            f"    peacetrack{' --db ' + chosen if chosen else ''} import @korean-peninsula\n"
            "(or any bundle file), then reload the page.",
            highlight=False,
            markup=False,
        )
    shown = "localhost" if host in {"127.0.0.1", "::1"} else host
    err.print(
        f"peacetrack on http://{shown}:{port}  (API docs: /docs; "
        f"{'private: reads need a token' if private else 'reads public'}; writes need an editor token)",
        highlight=False,
        markup=False,
    )
    app: Any
    if workers == 1:
        from peacetrack.web.app import served_app

        app = served_app(url, private=private)  # one process: the settings are passed, not published
    else:
        # Several workers are new processes started from an import string: the environment they inherit
        # is the one channel uvicorn gives them, so the settings go there (their documented variables).
        os.environ[settings.DB.name] = url
        os.environ[settings.PRIVATE.name] = "1" if private else "0"
        app = "peacetrack.web.app:app_from_env"
    uvicorn.run(
        app,
        factory=workers > 1,
        host=host,
        port=port,
        workers=workers,
        log_level=log_level,
        # Forwarded headers are believed only from proxies named here: anyone else could claim HTTPS.
        proxy_headers=bool(trusted_proxy),
        forwarded_allow_ips=",".join(trusted_proxy) if trusted_proxy else None,
        server_header=False,
    )


__all__ = ["serve", "users_app"]

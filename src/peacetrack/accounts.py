"""Accounts: users, their roles and tokens, and sign-in sessions; used by the CLI and the web alike.

A token is shown once, when it is issued; the database keeps only its SHA-256,
so a stolen database gives no working token. Roles, weakest first:
``reader`` (reads a private server), ``editor`` (writes records), ``admin``
(everything an editor may, kept for user management to come).
"""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import cache
from typing import Final, Literal, get_args

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import (
    Connection,
    delete,
    insert,
    select,
    update,
)

from peacetrack.store import Store
from peacetrack.store.tables import sessions, users

Role = Literal["reader", "editor", "admin"]
ROLES: Final[tuple[Role, ...]] = get_args(Role)
WRITERS: Final[frozenset[str]] = frozenset({"editor", "admin"})

TOKEN_PREFIX: Final = "pt_"

_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._@-]{0,199}")


class UserError(ValueError):
    """A user command that cannot be carried out (bad name, unknown user, name taken)."""


@dataclass(frozen=True, slots=True)
class User:
    name: str
    role: str
    created_at: datetime

    @property
    def can_write(self) -> bool:
        return self.role in WRITERS


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def new_token() -> str:
    return TOKEN_PREFIX + secrets.token_urlsafe(32)


def check_name(name: str) -> str:
    if not _NAME.fullmatch(name):
        raise UserError(
            f"bad user name {name!r}: use 1-200 letters, digits and . _ @ -, starting with a letter or digit"
        )
    return name


def check_role(role: str) -> Role:
    for known in ROLES:
        if role == known:
            return known
    raise UserError(f"unknown role {role!r}: use one of {', '.join(ROLES)}")


def _utc(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def add_user(conn: Connection, name: str, role: str) -> str:
    """Create a user; returns its token (the only time it is ever seen)."""
    check_name(name)
    check_role(role)
    if conn.scalar(select(users.c.name).where(users.c.name == name)) is not None:
        raise UserError(f"user {name!r} already exists (use `peacetrack user token {name}` for a new token)")
    token = new_token()
    conn.execute(
        users.insert().values(
            name=name, role=role, token_hash=token_hash(token), created_at=datetime.now(UTC)
        )
    )
    return token


def reissue_token(conn: Connection, name: str) -> str:
    """Replace a user's token: the old one stops working at once."""
    token = new_token()
    conn.execute(delete(sessions).where(sessions.c.user_name == name))  # a new token ends every session
    done = conn.execute(update(users).where(users.c.name == name).values(token_hash=token_hash(token)))
    if done.rowcount == 0:
        raise UserError(f"no user named {name!r}")
    return token


def remove_user(conn: Connection, name: str) -> None:
    conn.execute(delete(sessions).where(sessions.c.user_name == name))  # its browsers are signed out
    if conn.execute(delete(users).where(users.c.name == name)).rowcount == 0:
        raise UserError(f"no user named {name!r}")


def list_users(conn: Connection) -> list[User]:
    rows = conn.execute(select(users.c.name, users.c.role, users.c.created_at).order_by(users.c.name))
    return [User(name, role, _utc(created)) for name, role, created in rows]


def user_for_token(store: Store, token: str) -> User | None:
    with store.read() as conn:
        row = conn.execute(
            select(users.c.name, users.c.role, users.c.created_at).where(
                users.c.token_hash == token_hash(token)
            )
        ).first()
    return None if row is None else User(row[0], row[1], _utc(row[2]))


# --- passwords (web sign-in) -------------------------------------------------------------------

PASSWORD_MIN: Final = 12
PASSWORD_MAX: Final = 1024
"""Longer is refused before hashing: argon2 of a megabyte is a denial of service."""

_hasher = PasswordHasher()  # argon2id with the library's current recommended costs (immutable)


@cache
def _dummy_hash() -> str:
    """A hash to verify against when the name is unknown, so a wrong name takes as long as a wrong
    password (made once, on first use: hashing costs tens of milliseconds)."""
    return _hasher.hash("peacetrack: no such user")


def set_password(conn: Connection, name: str, password: str) -> None:
    """Give a user a password for the web sign-in, stored as an argon2id hash; it ends their sessions."""
    if not PASSWORD_MIN <= len(password) <= PASSWORD_MAX:
        raise UserError(f"a password has {PASSWORD_MIN} to {PASSWORD_MAX} characters")
    if conn.scalar(select(users.c.name).where(users.c.name == name)) is None:
        raise UserError(f"no user named {name!r}")
    conn.execute(delete(sessions).where(sessions.c.user_name == name))
    conn.execute(update(users).where(users.c.name == name).values(password_hash=_hasher.hash(password)))


def user_for_password(store: Store, name: str, password: str) -> User | None:
    """The user when ``password`` is theirs; None otherwise (unknown name, no password, wrong password)."""
    if not password or len(password) > PASSWORD_MAX:
        return None
    with store.read() as conn:
        row = conn.execute(
            select(users.c.name, users.c.role, users.c.created_at, users.c.password_hash).where(
                users.c.name == name
            )
        ).first()
    stored = row[3] if row is not None and row[3] else _dummy_hash()
    try:
        _hasher.verify(stored, password)
    except (VerificationError, InvalidHashError):
        return None
    if row is None or not row[3]:
        return None
    if _hasher.check_needs_rehash(stored):  # costs raised since: store the stronger hash now
        with store.write() as conn:
            conn.execute(
                update(users).where(users.c.name == name).values(password_hash=_hasher.hash(password))
            )
    return User(row[0], row[1], _utc(row[2]))


# --- web sign-in sessions ---------------------------------------------------------------------

SESSION_HOURS: Final = 12


def start_session(conn: Connection, user: User, *, hours: int = SESSION_HOURS) -> str:
    """A new session for a signed-in browser: its token is random and shown once (in the cookie)."""
    token = secrets.token_urlsafe(32)
    at = datetime.now(UTC)
    conn.execute(
        insert(sessions).values(
            token_hash=token_hash(token),
            user_name=user.name,
            created_at=at,
            expires_at=at + timedelta(hours=hours),
        )
    )
    return token


def user_for_session(store: Store, token: str) -> User | None:
    """The user of a session still running; None when it is unknown, ended or expired."""
    with store.read() as conn:
        row = conn.execute(
            select(users.c.name, users.c.role, users.c.created_at, sessions.c.expires_at)
            .join(sessions, sessions.c.user_name == users.c.name)
            .where(sessions.c.token_hash == token_hash(token))
        ).first()
    if row is None or _utc(row[3]) <= datetime.now(UTC):
        return None
    return User(row[0], row[1], _utc(row[2]))


def end_session(conn: Connection, token: str) -> None:
    conn.execute(delete(sessions).where(sessions.c.token_hash == token_hash(token)))

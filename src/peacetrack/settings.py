"""The settings peacetrack reads from the environment, each declared once: name, default and meaning.

Every module reads a setting through :func:`get`; docs/cli.md lists them (a test keeps the list and the
docs equal). ``peacetrack serve`` hands its database and privacy to its worker processes the same way,
through the environment the workers start with.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Setting:
    name: str
    default: str | None
    help: str


DB = Setting("PEACETRACK_DB", None, "the database (an SQLAlchemy URL or a file path) without `--db`")
AUTHOR = Setting("PEACETRACK_AUTHOR", None, "who writes, for the history, without `--author`")
PRIVATE = Setting("PEACETRACK_PRIVATE", "0", "`1`: reads need a token or sign-in (`serve --private` sets it)")
PUBLIC_URL = Setting("PEACETRACK_PUBLIC_URL", None, "the address API-ingested documents are cited under")
DEBUG = Setting("PEACETRACK_DEBUG", None, "any value: show the Python trace of an internal error")
LINK_CACHE = Setting("PEACETRACK_LINK_CACHE", None, "a folder for the linker's cached index between commands")
DASK = Setting(
    "PEACETRACK_DASK", None, "where `ingest` runs its workers without `--dask` (`local:N`, `tcp://HOST:8786`)"
)

SETTINGS: tuple[Setting, ...] = (DB, AUTHOR, PRIVATE, PUBLIC_URL, DEBUG, LINK_CACHE, DASK)


def get(setting: Setting, environ: Mapping[str, str] | None = None) -> str | None:
    """The setting's value from the environment (empty counts as unset), else its default."""
    value = (os.environ if environ is None else environ).get(setting.name)
    return value if value else setting.default

"""The source-quality model: which category a cited page falls in, and which hosts are never a source.

A page's category is its source entry's own `category` when it has one (a wire story
carried by a regional paper is `wire`), else its host's in `data/hosts.yaml`. A host
matches itself and its subdomains, so `yna.co.kr` covers `en.yna.co.kr`, and `go.kr`
every South Korean ministry.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from peacetrack.model.codebook import SourceCategory
from peacetrack.model.records import Source

HOSTS = Path(__file__).resolve().parent / "data" / "hosts.yaml"

# Pages a careful reader can rest a level change on (issue 13): not specialist, not other.
STRONG = frozenset({SourceCategory.PRIMARY, SourceCategory.WIRE, SourceCategory.MAJOR})
# Pages that should never carry an event alone.
WEAK = frozenset({SourceCategory.OTHER})


@dataclass(frozen=True)
class HostTable:
    categories: dict[str, SourceCategory]
    never: dict[str, str]  # host -> why it is never a source


@cache
def host_table() -> HostTable:
    raw = yaml.safe_load(HOSTS.read_text(encoding="utf-8"))
    categories = {
        host.lower(): SourceCategory(category)
        for category, hosts in raw["categories"].items()
        for host in hosts
    }
    return HostTable(categories, {host.lower(): why for host, why in raw["never"].items()})


# scheme://[userinfo@]host[:port]: the common shape, read without urlsplit (a large import reads
# one URL per source, and urlsplit was a tenth of its time); anything else goes through urlsplit.
_PLAIN_HOST = re.compile(
    r"[A-Za-z][A-Za-z0-9+.-]*://(?:[^@/?#\[\]\s]*@)?([^:/?#@\[\]\s]*)(?::[0-9]*)?(?=[/?#]|$)"
)


def host_of(url: str) -> str:
    """The page's host, lower case, without a port or a leading www."""
    m = _PLAIN_HOST.match(url)
    host = m.group(1) if m else urlsplit(url).hostname or ""
    return host.lower().rstrip(".").removeprefix("www.")


def _lookup(host: str, table: Mapping[str, object]) -> str | None:
    """The table's key that `host` is or is a subdomain of."""
    parts = host.split(".")
    for k in range(len(parts) - 1):
        candidate = ".".join(parts[k:])
        if candidate in table:
            return candidate
    return None


def never_reason(url: str) -> str | None:
    """Why a page on this host is never accepted as a source, or None."""
    return _never_for_host(host_of(url))


@lru_cache(maxsize=4096)
def _never_for_host(host: str) -> str | None:
    # Cached per host: a large import cites the same few hundred hosts many thousand times.
    table = host_table()
    key = _lookup(host, table.never)
    return f"{key}: {table.never[key]}" if key is not None else None


def host_category(url: str) -> SourceCategory | None:
    table = host_table()
    key = _lookup(host_of(url), table.categories)
    return table.categories[key] if key is not None else None


def category(source: Source) -> SourceCategory | None:
    """The source's category: its own, else its host's."""
    return source.category or host_category(source.url)

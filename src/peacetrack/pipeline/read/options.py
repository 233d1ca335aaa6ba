"""Reader settings."""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_MAX_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """`max_bytes` bounds both the file and, for DOCX, what its archive unpacks to."""

    max_bytes: int = DEFAULT_MAX_BYTES


@dataclass(frozen=True, slots=True)
class Meta:
    """What a format says about itself (HTML meta tags, PDF info, DOCX core properties)."""

    title: str | None = None
    date: str | None = None
    publisher: str | None = None
    url: str | None = None
    """Where the document lives on the web (HTML: its canonical or og:url link), http(s) only."""

"""Expand the paths given to ingest: files as they are, folders to their files, in a stable order."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path


def expand_paths(paths: Iterable[str | Path]) -> list[str]:
    """Input order is kept; a folder contributes its files (recursively, sorted), hidden ones skipped."""
    found: list[str] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                hidden = any(part.startswith(".") for part in child.relative_to(path).parts)
                if child.is_file() and not hidden:
                    found.append(str(child))
        else:
            # Missing files pass through so the reader reports them like any other bad input.
            found.append(str(given))
    return found

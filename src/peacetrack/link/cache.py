"""Indexes kept per database, held by the caller (no module-level state).

:class:`IndexCache` keeps one :class:`LinkIndex` per database URL in memory
and, when given a folder, the term counts of each database's provisions on
disk, so the next process re-tokenises only provisions that changed since.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from pathlib import Path

import platformdirs

from peacetrack.link.documents import ProvisionDoc, docs_from_store
from peacetrack.link.index import IndexConfig, LinkIndex, UpdateReport
from peacetrack.store import Store


def default_cache_dir() -> Path:
    return Path(platformdirs.user_cache_dir("peacetrack")) / "link"


class IndexCache:
    """One up-to-date index per database (and per configuration)."""

    def __init__(self, directory: Path | None = None, config: IndexConfig | None = None) -> None:
        self.directory = directory
        self.config = config or IndexConfig()
        self._indexes: dict[str, LinkIndex] = {}
        self.last_report: UpdateReport | None = None

    def _file(self, key: str, index: LinkIndex) -> Path | None:
        if self.directory is None:
            return None
        name = hashlib.blake2b(f"{key}|{index.key}".encode(), digest_size=12).hexdigest()
        return self.directory / f"{name}.json"

    def for_docs(self, key: str, docs: list[ProvisionDoc]) -> LinkIndex:
        """The index for ``key`` (a database URL, say) brought up to date with ``docs``."""
        index = self._indexes.get(key)
        path: Path | None = None
        if index is None:
            index = LinkIndex(self.config)
            path = self._file(key, index)
            if path is not None and path.is_file():
                with contextlib.suppress(OSError):
                    index.restore(path.read_bytes())
            self._indexes[key] = index
        else:
            path = self._file(key, index)
        report = index.update(docs)
        self.last_report = report
        if path is not None and (report.tokenised or report.removed or not path.is_file()):
            self._save(path, index)
        return index

    def for_store(self, store: Store) -> LinkIndex:
        """The index for a database, re-reading its provisions (cheap) and re-tokenising changed ones."""
        with store.read() as conn:
            docs = docs_from_store(conn)
        return self.for_docs(store.url, docs)

    @staticmethod
    def _save(path: Path, index: LinkIndex) -> None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(f".{path.name}.{os.getpid()}.part")
            tmp.write_bytes(index.state())
            tmp.replace(path)
        except OSError:
            pass  # a cache that cannot be written only costs time

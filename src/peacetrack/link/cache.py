"""Indexes kept per database, held by the caller (no module-level state).

:class:`IndexCache` keeps one :class:`LinkIndex` per database URL in memory
and, when given a folder, the term counts of each database's provisions on
disk, so the next process re-tokenises only provisions that changed since.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import threading
from pathlib import Path

import platformdirs

from peacetrack.link.config import IndexConfig, UpdateReport
from peacetrack.link.documents import ProvisionDoc, common_from_store, docs_from_store
from peacetrack.link.index import LinkIndex
from peacetrack.link.precedents import Precedent, precedents_from_store
from peacetrack.store import Store


def default_cache_dir() -> Path:
    return Path(platformdirs.user_cache_dir("peacetrack")) / "link"


class IndexCache:
    """One up-to-date index per database (and per configuration)."""

    def __init__(self, directory: Path | None = None, config: IndexConfig | None = None) -> None:
        self.directory = directory
        self.config = config or IndexConfig()
        self._indexes: dict[str, LinkIndex] = {}
        self._lock = threading.Lock()
        self.last_report: UpdateReport | None = None

    def _file(self, key: str, index: LinkIndex) -> Path | None:
        if self.directory is None:
            return None
        name = hashlib.blake2b(f"{key}|{index.key}".encode(), digest_size=12).hexdigest()
        return self.directory / f"{name}.json"

    def for_docs(
        self,
        key: str,
        docs: list[ProvisionDoc],
        precedents: list[Precedent] | None = None,
        common: tuple[str, ...] | None = None,
    ) -> LinkIndex:
        """The index for ``key`` (a database URL, say) brought up to date with ``docs`` and ``precedents``
        (and, when given, the case's ``common`` words).

        An index returned earlier is never changed: an update works on a copy, so a
        server thread still linking with the old one is not disturbed.
        """
        with self._lock:
            index = self._for_docs(key, docs, precedents)
            if common is not None and common != index.config.common:
                index = self._indexes[key] = index.with_common(common)
            return index

    def _for_docs(self, key: str, docs: list[ProvisionDoc], precedents: list[Precedent] | None) -> LinkIndex:
        index = self._indexes.get(key)
        path: Path | None = None
        if index is None:
            index = LinkIndex(self.config)
            path = self._file(key, index)
            if path is not None and path.is_file():
                with contextlib.suppress(OSError):
                    index.restore(path.read_bytes())
            self._indexes[key] = index
        elif index.holds(docs, precedents or []):
            self.last_report = UpdateReport(reused=len(docs), precedents=len(precedents or []))
            return index
        else:
            index = self._indexes[key] = index.copy()
            path = self._file(key, index)
        report = index.update(docs, precedents or ())
        self.last_report = report
        touched = (
            report.tokenised or report.removed or report.precedents_tokenised or report.precedents_removed
        )
        if path is not None and (touched or not path.is_file()):
            self._save(path, index)
        return index

    def for_store(self, store: Store) -> LinkIndex:
        """The index for a database, re-reading its provisions and coded events (cheap) and
        re-tokenising only the changed ones."""
        with store.read() as conn:
            docs = docs_from_store(conn)
            precedents = precedents_from_store(conn)
            common = common_from_store(conn)
        return self.for_docs(store.url, docs, precedents, common)

    @staticmethod
    def _save(path: Path, index: LinkIndex) -> None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(f".{path.name}.{os.getpid()}.part")
            tmp.write_bytes(index.state())
            tmp.replace(path)
        except OSError:
            pass  # a cache that cannot be written only costs time

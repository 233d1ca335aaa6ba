"""Where reprocessing reads a stored document from: its original file when that is still in place
with the same bytes (so reading improvements count too), else the text the store kept."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from sqlalchemy import Connection

from peacetrack.ingest import documents as docs
from peacetrack.pipeline import ReadError, ReadOptions
from peacetrack.pipeline.read import read_bytes
from peacetrack.pipeline.records import Document

From = Literal["file", "stored text"]


@dataclass(frozen=True)
class Source:
    """What a document is processed from: its original bytes when its file is still where it was
    read from with the same contents, and always the document as the store kept it (the fallback)."""

    index: int
    kept: Document
    data: bytes | None = None

    @property
    def label(self) -> From:
        return "file" if self.data is not None else "stored text"


def source_of(conn: Connection, stored: docs.StoredDocument, index: int = 0) -> Source:
    for candidate in dict.fromkeys((stored.name, stored.path)):
        path = Path(candidate)
        try:
            if not path.is_file():
                continue
            data = path.read_bytes()
        except OSError:
            continue
        if hashlib.sha256(data).hexdigest() == stored.sha256:
            return Source(index, _from_store(conn, stored), data)
    return Source(index, _from_store(conn, stored))


def read_source(source: Source, options: ReadOptions) -> tuple[Document, From]:
    """The document to run the pipeline on, and where it came from (a file that no longer reads
    falls back to the stored text)."""
    if source.data is not None:
        try:
            return read_bytes(source.data, source.kept.path, options), "file"
        except ReadError:
            pass
    return source.kept, "stored text"


def _from_store(conn: Connection, stored: docs.StoredDocument) -> Document:
    """The document as the store kept it: its text and what was known of it when it was read."""
    return Document(
        id=stored.id,
        sha256=stored.sha256,
        path=stored.path,
        media_type=stored.media_type,
        text=docs.text_of(conn, stored.id) or "",
        title=stored.title,
        date=stored.date,
        publisher=stored.publisher,
        url=stored.url,
    )


__all__ = ["From", "Source", "read_source", "source_of"]

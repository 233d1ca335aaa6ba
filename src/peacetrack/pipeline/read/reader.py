"""Read one file into a `Document`: sniff its type, extract its text, or say why not."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

from peacetrack.pipeline.errors import ReadError
from peacetrack.pipeline.read import sniff
from peacetrack.pipeline.read.docx import docx_to_text
from peacetrack.pipeline.read.html import html_to_text
from peacetrack.pipeline.read.options import Meta, ReadOptions
from peacetrack.pipeline.read.pdf import pdf_to_text
from peacetrack.pipeline.read.text import decode_text
from peacetrack.pipeline.records import Document


def document_id(sha256: str) -> str:
    return "doc-" + sha256[:16]


def _meta_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _extract(data: bytes, path: str, media_type: str, options: ReadOptions) -> tuple[str, Meta]:
    if media_type == sniff.PDF:
        return pdf_to_text(data, path)
    if media_type == sniff.DOCX:
        return docx_to_text(data, path, options.max_bytes)
    if media_type == sniff.HTML:
        return html_to_text(data, path)
    if media_type == sniff.TEXT:
        return decode_text(data, path), Meta()
    if media_type == sniff.OLE:
        raise ReadError(path, "unsupported format: legacy Office file (save it as DOCX or PDF)")
    raise ReadError(path, f"unsupported format: {media_type}")


def read_bytes(data: bytes, path: str, options: ReadOptions | None = None) -> Document:
    """Bytes that came from `path` (a name only: nothing is opened) to a `Document`."""
    options = options or ReadOptions()
    if len(data) > options.max_bytes:
        raise ReadError(path, f"file too large: {len(data)} bytes, the limit is {options.max_bytes}")
    if not data.strip():
        raise ReadError(path, "empty file")
    media_type = sniff.sniff(data, path)
    text, meta = _extract(data, path, media_type, options)
    if not text.strip():
        raise ReadError(path, "no text in the file")
    digest = hashlib.sha256(data).hexdigest()
    return Document(
        id=document_id(digest),
        sha256=digest,
        path=path,
        media_type=media_type,
        text=text,
        title=meta.title,
        date=_meta_date(meta.date),
        publisher=meta.publisher,
        url=meta.url,
    )


def read_raw(path: str | Path, options: ReadOptions | None = None) -> bytes:
    """A file's bytes, or a `ReadError` saying why not; the size limit is checked before loading."""
    options = options or ReadOptions()
    name = str(path)
    try:
        size = Path(path).stat().st_size
        if size > options.max_bytes:
            raise ReadError(name, f"file too large: {size} bytes, the limit is {options.max_bytes}")
        with open(path, "rb") as handle:
            # Read one byte past the limit: a file that grew since stat() is still caught.
            data = handle.read(options.max_bytes + 1)
    except FileNotFoundError:
        raise ReadError(name, "no such file") from None
    except IsADirectoryError:
        raise ReadError(name, "is a directory") from None
    except PermissionError:
        raise ReadError(name, "permission denied") from None
    except OSError as exc:
        raise ReadError(name, f"cannot read: {exc.strerror or exc}") from None
    return data


def read_file(path: str | Path, options: ReadOptions | None = None) -> Document:
    """Read a file from disk into a `Document`."""
    options = options or ReadOptions()
    return read_bytes(read_raw(path, options), str(path), options)

"""PDF: the text layer of every page (pypdf). Scans without text are an error, not empty output."""

from __future__ import annotations

import io
import logging

from pypdf import DocumentInformation, PdfReader

from peacetrack.pipeline.errors import ReadError
from peacetrack.pipeline.read.options import Meta


def _quiet() -> None:
    # pypdf logs every repaired cross-reference; a bad file gets one clean error instead.
    logging.getLogger("pypdf").setLevel(logging.ERROR)


def pdf_to_text(data: bytes, path: str) -> tuple[str, Meta]:
    if not data.startswith(b"%PDF-"):
        raise ReadError(path, "corrupt PDF: no %PDF- header")
    if b"%%EOF" not in data[-2048:]:
        raise ReadError(path, "truncated PDF: the end-of-file marker is missing")
    _quiet()
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise ReadError(path, "encrypted PDF: a password is needed")
        pages = [page.extract_text() or "" for page in reader.pages]
        info = reader.metadata
    except ReadError:
        raise
    except Exception as exc:  # pypdf raises many types on hostile input; any of them means "corrupt"
        raise ReadError(path, f"corrupt PDF: {type(exc).__name__}: {exc}") from None
    text = "\n\n".join(page.strip() for page in pages if page.strip())
    if not text:
        raise ReadError(path, "PDF without a text layer (a scan?): no text to read")
    if info is None:
        return text, Meta()
    return text, Meta(title=_clean(info.title), date=_created(info), publisher=_clean(info.author))


def _created(info: DocumentInformation) -> str | None:
    try:
        when = info.creation_date
    except Exception:  # a malformed date string in the info dictionary is not worth failing for
        return None
    return when.date().isoformat() if when is not None else None


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = " ".join(str(value).split())
    return value or None

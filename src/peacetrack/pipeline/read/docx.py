"""DOCX: paragraphs and tables in document order (python-docx)."""

from __future__ import annotations

import io
import zipfile

import docx
from docx.table import Table

from peacetrack.pipeline.errors import ReadError
from peacetrack.pipeline.read.options import Meta


def _check_archive(data: bytes, path: str, max_bytes: int) -> None:
    # A small archive can unpack to gigabytes; refuse before python-docx inflates it.
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if sum(info.file_size for info in archive.infolist()) > max_bytes * 5:
                raise ReadError(path, "DOCX unpacks to too much data (a zip bomb?)")
            if "word/document.xml" not in archive.namelist():
                raise ReadError(path, "corrupt DOCX: word/document.xml is missing")
    except zipfile.BadZipFile:
        raise ReadError(path, "corrupt DOCX: not a readable zip archive") from None


def _table_text(table: Table) -> list[str]:
    rows = []
    for row in table.rows:
        cells = [cell.text.strip() for cell in row.cells]
        rows.append(" | ".join(cell for cell in cells if cell))
    return [row for row in rows if row]


def docx_to_text(data: bytes, path: str, max_bytes: int) -> tuple[str, Meta]:
    _check_archive(data, path, max_bytes)
    try:
        document = docx.Document(io.BytesIO(data))
        blocks: list[str] = []
        for item in document.iter_inner_content():
            if isinstance(item, Table):
                blocks.extend(_table_text(item))
            else:
                blocks.append(item.text)
        props = document.core_properties
        # No date from the core properties: Word and python-docx copy them from templates
        # (python-docx's own says 2013), so they date the file's ancestry, not the document.
        meta = Meta(title=props.title or None, publisher=props.author or None)
    except ReadError:
        raise
    except Exception as exc:  # lxml and zipfile errors of every kind: the file is corrupt
        raise ReadError(path, f"corrupt DOCX: {type(exc).__name__}: {exc}") from None
    text = "\n\n".join(block.strip() for block in blocks if block.strip())
    if not text:
        raise ReadError(path, "empty DOCX: no text")
    return text, meta

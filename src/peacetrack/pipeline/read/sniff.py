"""Decide a file's media type from its first bytes, then its name."""

from __future__ import annotations

import io
import zipfile
from pathlib import PurePath

TEXT = "text/plain"
HTML = "text/html"
PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
OLE = "application/x-ole-storage"
ZIP = "application/zip"

_HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
_HTML_STARTS = (b"<!doctype html", b"<html")


def _looks_like_html(head: bytes) -> bool:
    probe = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return probe.startswith(_HTML_STARTS) or b"<body" in probe or b"<head" in probe


def _is_docx(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "word/document.xml" in archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return False


def sniff(data: bytes, path: str) -> str:
    """Content wins over the file name: a renamed PDF is still a PDF."""
    head = data[:4096]
    suffix = PurePath(path).suffix.lower()
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"PK\x03\x04"):
        # A damaged archive named .docx goes to the DOCX reader, which says what is wrong with it.
        return DOCX if _is_docx(data) or suffix == ".docx" else ZIP
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return OLE
    if suffix in _HTML_SUFFIXES or _looks_like_html(head):
        return HTML
    if suffix == ".pdf":
        return PDF
    if suffix == ".docx":
        return DOCX
    return TEXT

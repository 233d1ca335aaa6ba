"""Every reader, fed broken and hostile bytes, answers with a document or a clear ReadError (issue 14).

Bounded in CI: a fixed number of examples per format, each within a deadline. Seeds are real small files
of each format, then truncated, bit-flipped, spliced or replaced by noise; and the classic bombs: a zip
bomb inside a DOCX, XML entity expansion in DOCX and HTML, a PDF that claims a huge page tree.
"""

from __future__ import annotations

import io
import zipfile
from datetime import timedelta
from functools import cache

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from peacetrack.pipeline.errors import ReadError
from peacetrack.pipeline.read import read_bytes

FUZZ = settings(
    max_examples=40,
    deadline=timedelta(seconds=10),
    suppress_health_check=[HealthCheck.too_slow],
    derandomize=True,
)


@cache
def _seeds() -> dict[str, bytes]:
    pdf = io.BytesIO()
    canvas = Canvas(pdf, pagesize=A4)
    canvas.drawString(72, 700, "Open letter: we call on both governments to restore the hotlines.")
    canvas.save()
    word = docx.Document()
    word.add_paragraph("Joint statement")
    word.add_paragraph("Peace Network", style="List Bullet")
    out = io.BytesIO()
    word.save(out)
    return {
        "pdf": pdf.getvalue(),
        "docx": out.getvalue(),
        "html": b"<html><head><title>t</title></head><body><article><p>On 3 May 2021 a test.</p>"
        b"</article></body></html>",
        "txt": "2024년 6월 5일 참여연대 성명".encode("cp949"),
    }


def _read(data: bytes, suffix: str) -> None:
    try:
        document = read_bytes(data, f"fuzz.{suffix}")
    except ReadError as exc:
        assert exc.reason and str(exc)  # says what is wrong
        return
    assert isinstance(document.text, str) and document.text.strip()


@st.composite
def _mutated(draw: st.DrawFn, suffix: str) -> bytes:
    seed = _seeds()[suffix]
    how = draw(st.sampled_from(["truncate", "flip", "splice", "noise"]))
    if how == "truncate":
        return seed[: draw(st.integers(0, len(seed)))]
    if how == "flip":
        data = bytearray(seed)
        for _ in range(draw(st.integers(1, 16))):
            at = draw(st.integers(0, len(data) - 1))
            data[at] ^= draw(st.integers(1, 255))
        return bytes(data)
    if how == "splice":
        at = draw(st.integers(0, len(seed)))
        return seed[:at] + draw(st.binary(max_size=256)) + seed[at:]
    return draw(st.binary(max_size=2048))


@pytest.mark.parametrize("suffix", ["pdf", "docx", "html", "txt"])
def test_broken_files_get_a_document_or_a_clear_error(suffix: str) -> None:
    @FUZZ
    @given(data=_mutated(suffix))
    def run(data: bytes) -> None:
        _read(data, suffix)

    run()


def _docx_with(name: str, payload: bytes, *, stored: bool = False) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(_seeds()["docx"]))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            target.writestr(item.filename, payload if item.filename == name else source.read(item.filename))
    return out.getvalue()


def test_bombs_are_refused_quickly() -> None:
    # 200 MB of one byte compresses to a few hundred KB: refused on its declared size, never inflated.
    bomb = _docx_with("word/document.xml", b"<" + b"a" * 200_000_000)
    with pytest.raises(ReadError):
        read_bytes(bomb, "bomb.docx")
    laughs = (
        b'<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa">'
        + b"".join(f'<!ENTITY {chr(98 + k)} "{("&" + chr(97 + k) + ";") * 10}">'.encode() for k in range(8))
        + b']><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        + b"<w:body><w:p><w:r><w:t>&i;</w:t></w:r></w:p></w:body></w:document>"
    )
    with pytest.raises(ReadError):
        read_bytes(_docx_with("word/document.xml", laughs), "laughs.docx")
    html = b'<!DOCTYPE h [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><p>&b;</p>'
    _read(html, "html")
    huge_pages = (
        b"%PDF-1.4\n1 0 obj<</Type/Pages/Count 99999999/Kids[]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
    )
    _read(huge_pages, "pdf")

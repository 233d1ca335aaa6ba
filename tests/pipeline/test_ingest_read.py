"""Readers: every format in, and every kind of bad input out with a clean, per-file error."""

from __future__ import annotations

import io
import random
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from peacetrack.pipeline import (
    Pipeline,
    ReadError,
    ReadOptions,
    expand_paths,
    read_bytes,
    read_file,
    to_output,
)

LETTER = (
    "Open Letter to the Security Council\n\n21 March 2019\n\n"
    "We urge the 1718 Committee to lift the sanctions."
)


def _reason(data: bytes, name: str, options: ReadOptions | None = None) -> str:
    with pytest.raises(ReadError) as caught:
        read_bytes(data, name, options)
    assert caught.value.path == name
    return caught.value.reason


# Plain text in any encoding


def test_utf8_text() -> None:
    document = read_bytes(LETTER.encode(), "letter.txt")
    assert document.media_type == "text/plain"
    assert document.text == LETTER
    assert document.id == "doc-" + document.sha256[:16]


def test_korean_in_euc_kr() -> None:
    text = "2018년 9월 19일 평양에서 남북 정상회담이 열렸다. 양측 국방장관은 군사분야 합의서에 서명했다."
    assert read_bytes(text.encode("euc-kr"), "news.txt").text == text


def test_utf16_with_and_without_bom() -> None:
    text = "Talks resumed in Hanoi on 27 February 2019, and the parties met again in June."
    assert read_bytes(text.encode("utf-16"), "a.txt").text == text
    assert read_bytes(text.encode("utf-16-le"), "b.txt").text == text


def test_cp1252_text() -> None:
    text = "It’s the “peace process” — the talks in Geneva resumed on 3 May."
    assert read_bytes(text.encode("cp1252"), "w.txt").text == text


def test_mojibake_repaired() -> None:
    text = "It’s the “peace process” — a résumé of the talks."
    broken = text.encode("utf-8").decode("latin-1").encode("utf-8")  # UTF-8 read as Latin-1, saved again
    assert read_bytes(broken, "m.txt").text == text


def test_utf8_with_a_stray_byte_at_the_end() -> None:
    text = "평화 협정을 위한 대화가 이어졌다. " * 20
    assert read_bytes(text.encode() + b"\xe3\x80", "cut.txt").text.startswith("평화 협정")


# Bad input: one clean error each


def test_empty_and_blank_files() -> None:
    assert "empty" in _reason(b"", "empty.txt")
    assert "empty" in _reason(b" \n\t\r\n ", "blank.txt")


def test_binary_junk() -> None:
    junk = random.Random(7).randbytes(4096)
    assert "binary" in _reason(junk, "junk.txt")
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4
    assert "binary" in _reason(png, "image.txt")


def test_undecodable_text() -> None:
    noise = bytes(b for b in random.Random(7).randbytes(8000) if b)[:4000]
    assert "undecodable" in _reason(noise, "noise.txt")


def test_oversized(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"peace " * 400)
    options = ReadOptions(max_bytes=1000)
    with pytest.raises(ReadError, match="too large: 2400 bytes, the limit is 1000"):
        read_file(big, options)
    assert "too large" in _reason(b"peace " * 400, "big.txt", options)
    assert read_file(big).text.startswith("peace")  # the default limit is 20 MB


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="no such file"):
        read_file(tmp_path / "absent.txt")
    with pytest.raises(ReadError, match="is a directory"):
        read_file(tmp_path)


# PDF


def test_pdf_text_layer(pdf_bytes: Callable[..., bytes]) -> None:
    data = pdf_bytes(
        ["Open Letter to the Security Council", "21 March 2019", "We urge the 1718 Committee."],
        title="A letter",
    )
    document = read_bytes(data, "letter.pdf")
    assert document.media_type == "application/pdf"
    assert document.text.splitlines() == [
        "Open Letter to the Security Council",
        "21 March 2019",
        "We urge the 1718 Committee.",
    ]
    assert document.title == "A letter"


def test_pdf_found_by_content_not_name(pdf_bytes: Callable[..., bytes]) -> None:
    assert read_bytes(pdf_bytes(["Peace talks resumed."]), "renamed.txt").media_type == "application/pdf"


def test_truncated_pdf(pdf_bytes: Callable[..., bytes]) -> None:
    data = pdf_bytes(["Peace talks resumed on 3 May 2019."])
    for cut in (len(data) // 2, len(data) - 12, 40):
        assert "truncated PDF" in _reason(data[:cut], "cut.pdf")


def test_corrupt_pdf(pdf_bytes: Callable[..., bytes]) -> None:
    data = pdf_bytes(["Peace talks resumed on 3 May 2019."])
    mangled = data[:120] + b"\x00garbage" * 20 + b"\n%%EOF\n"
    assert "corrupt PDF" in _reason(mangled, "bad.pdf")
    assert "corrupt PDF" in _reason(b"not a pdf at all, just words", "words.pdf")


def test_pdf_without_text(pdf_bytes: Callable[..., bytes]) -> None:
    assert "no text" in _reason(pdf_bytes([]), "scan.pdf")


# DOCX


def test_docx_paragraphs_and_tables(docx_bytes: Callable[..., bytes]) -> None:
    data = docx_bytes(
        ["Conference report", "The forum was held in Seoul on 3 May 2023."],
        table=[["Session", "Access"], ["Opening", "open"]],
        title="Forum report",
    )
    document = read_bytes(data, "report.docx")
    assert document.media_type.endswith("wordprocessingml.document")
    assert document.text.split("\n\n") == [
        "Conference report",
        "The forum was held in Seoul on 3 May 2023.",
        "Session | Access\nOpening | open",  # a table is one block, a row a line
    ]
    assert document.title == "Forum report"
    assert document.date is None  # core properties date templates, not documents


def test_corrupt_docx(docx_bytes: Callable[..., bytes]) -> None:
    data = docx_bytes(["Peace."])
    assert "corrupt DOCX" in _reason(data[: len(data) // 2], "cut.docx")
    other = io.BytesIO()
    with zipfile.ZipFile(other, "w") as archive:
        archive.writestr("readme.txt", "not a word file")
    assert "corrupt DOCX" in _reason(other.getvalue(), "fake.docx")


def test_zip_bomb_docx() -> None:
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", "<w/>" + " " * 6000)
    assert "too much data" in _reason(bomb.getvalue(), "bomb.docx", ReadOptions(max_bytes=1000))


def test_legacy_word_file() -> None:
    assert "unsupported" in _reason(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "old.doc")


# HTML

PAGE = """<!doctype html><html><head><title>Peace Daily</title>
<meta property="og:site_name" content="Peace Daily">
<script>var leaked = "SCRIPT-IN-HEAD";</script><style>body { color: red }</style></head>
<body><nav><a href="/">Home</a> <a href="/about">About</a> NAVIGATION-TEXT</nav>
<article><h1>Defence ministers sign military agreement</h1>
<p>On 19 September 2018 the defence ministers of the two Koreas signed the Comprehensive Military
Agreement in Pyongyang, during the third inter-Korean summit of the year.</p>
<script>document.write("SCRIPT-IN-BODY")</script>
<p>The agreement sets up buffer zones on land, at sea and in the air, and a no-fly zone near the
Military Demarcation Line. Guard posts inside the Demilitarized Zone are to be removed.</p></article>
<footer>Copyright FOOTER-TEXT</footer><script src="https://example.org/tracker.js"></script></body></html>"""


def test_html_main_text_only() -> None:
    document = read_bytes(PAGE.encode(), "page.html")
    assert document.media_type == "text/html"
    assert "signed the Comprehensive Military" in document.text
    for hidden in (
        "SCRIPT-IN-HEAD",
        "SCRIPT-IN-BODY",
        "leaked",
        "NAVIGATION-TEXT",
        "FOOTER-TEXT",
        "color: red",
    ):
        assert hidden not in document.text
    assert document.title == "Defence ministers sign military agreement"
    assert document.publisher == "Peace Daily"


def test_tiny_html_never_shows_scripts() -> None:
    page = b"<html><body><script>alert('SCRIPT-TEXT')</script><p>Talks resume.</p></body></html>"
    document = read_bytes(page, "tiny.htm")
    assert "Talks resume." in document.text
    assert "SCRIPT-TEXT" not in document.text and "alert" not in document.text


def test_html_script_text_absent_from_the_whole_output(pipeline: Pipeline, tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    [result] = pipeline.run([page])
    dumped = repr(to_output(result))
    assert "SCRIPT-IN" not in dumped and "leaked" not in dumped
    assert to_output(result)["events"][0]["date"] == "2018-09-19"


# Folders and batches


def test_folder_expansion(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text("two")
    (tmp_path / "1.txt").write_text("one")
    (tmp_path / ".hidden.txt").write_text("hidden")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "config").write_text("x")
    single = tmp_path / "single.txt"
    single.write_text("given on its own, then found again in the folder")
    assert expand_paths([single, tmp_path]) == [
        str(single),
        str(tmp_path / "1.txt"),
        str(tmp_path / "b" / "2.txt"),
        str(single),
    ]


def test_one_bad_file_does_not_stop_the_others(pipeline: Pipeline, tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(LETTER, encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    junk = tmp_path / "junk.bin"
    junk.write_bytes(random.Random(1).randbytes(2048))
    results = pipeline.run([good, empty, junk, tmp_path / "missing.pdf", good])
    outputs = [to_output(r) for r in results]
    assert [r.ok for r in results] == [True, False, False, False, True]
    assert outputs[1] == {"document": {"path": str(empty)}, "error": "empty file"}
    assert outputs[2]["error"] == "binary content, not text"
    assert outputs[3] == {"document": {"path": str(tmp_path / "missing.pdf")}, "error": "no such file"}
    assert outputs[0] == outputs[4]  # same bytes, same result

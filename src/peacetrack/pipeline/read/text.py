"""Plain text in any encoding: detect it, decode it, repair mojibake."""

from __future__ import annotations

import codecs
import re

import charset_normalizer
import ftfy

from peacetrack.pipeline.errors import ReadError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Above this share of control characters the bytes are not text, whatever decoded them.
_MAX_CONTROL_SHARE = 0.02
# Keep typography as written (quotes, full-width forms are common in Korean text);
# ftfy is here to repair encodings, not to restyle.
_FIXER = ftfy.TextFixerConfig(
    unescape_html=False,
    uncurl_quotes=False,
    fix_character_width=False,
    normalization="NFC",
)


def _detect(data: bytes, path: str) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                raise ReadError(path, f"undecodable text: bad {encoding} after its byte-order mark") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = charset_normalizer.from_bytes(data).best()
    if best is not None:
        return str(best)
    # UTF-8 with a stray bad byte or two (a file cut mid-character) is still worth reading.
    text = data.decode("utf-8", errors="replace")
    if text.count("\ufffd") <= max(3, len(text) // 1000):
        return text.replace("\ufffd", "")
    raise ReadError(path, "undecodable text: no character encoding fits these bytes")


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufffd\ue000-\uf8ff\ud800-\udfff]+")
# Mojibake of UTF-8 read as a single-byte code page always shows a Latin-1 lead character.
_MOJIBAKE_HINT = re.compile(r"[\x80-\xff]")


def _control_share(text: str) -> float:
    sample = text[:65536]
    if not sample:
        return 0.0
    return (len(sample) - len(_CONTROL.sub("", sample))) / len(sample)


def decode_text(data: bytes, path: str) -> str:
    """Bytes to clean text, or a `ReadError` saying why they are not text."""
    if not data.strip():
        raise ReadError(path, "empty file")
    if b"\x00" in data[:8192] and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        guess = charset_normalizer.from_bytes(data).best()
        if guess is None or not guess.encoding.startswith(("utf_16", "utf_32")):
            raise ReadError(path, "binary content, not text")
        text = str(guess)
    else:
        text = _detect(data, path)
    # Repair first: UTF-8 read as Latin-1 is full of C1 control characters until ftfy undoes it.
    if _MOJIBAKE_HINT.search(text):
        text = ftfy.fix_text(text, _FIXER)
    if _control_share(text) > _MAX_CONTROL_SHARE:
        raise ReadError(path, "binary content, not text")
    if not text.strip():
        raise ReadError(path, "empty file: no text")
    return text

"""Language by script: the share of Hangul among letters tells English, Korean and mixed apart.

The corpus is English and Korean; a statistical identifier would cost more and
add nothing for these two scripts.
"""

from __future__ import annotations

from dataclasses import replace

from peacetrack.pipeline.records import Document

# A Hangul syllable carries about as much as three Latin letters, so Korean text
# that quotes English names still has a high share; bilingual pages sit between.
KO_AT_LEAST = 0.5
EN_AT_MOST = 0.08


def _is_hangul(ch: str) -> bool:
    code = ord(ch)
    return 0xAC00 <= code <= 0xD7A3 or 0x1100 <= code <= 0x11FF or 0x3130 <= code <= 0x318F


def hangul_share(text: str) -> float | None:
    hangul = latin = 0
    for ch in text:
        if _is_hangul(ch):
            hangul += 1
        elif ch.isalpha() and ch.isascii():
            latin += 1
    letters = hangul + latin
    return hangul / letters if letters else None


def detect_language(text: str) -> str:
    share = hangul_share(text)
    if share is None:
        return "und"
    if share >= KO_AT_LEAST:
        return "ko"
    if share <= EN_AT_MOST:
        return "en"
    return "mixed"


def text_language(text: str) -> str:
    """For one value (a title, a demand): en or ko, to key its language map."""
    share = hangul_share(text)
    return "ko" if share is not None and share >= 0.3 else "en"


def language(document: Document) -> Document:
    return replace(document, language=detect_language(document.text))

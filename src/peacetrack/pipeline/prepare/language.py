"""Language by script: the share of Hangul among letters tells English, Korean and mixed apart.

The corpus is English and Korean; a statistical identifier would cost more and
add nothing for these two scripts.
"""

from __future__ import annotations

import re
from dataclasses import replace

from peacetrack.pipeline.records import Document

# A Hangul syllable carries about as much as three Latin letters, so Korean text
# that quotes English names still has a high share; bilingual pages sit between.
KO_AT_LEAST = 0.5
EN_AT_MOST = 0.08


_HANGUL = re.compile(r"[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]+")
_LATIN = re.compile(r"[A-Za-z]+")
# The head of a long document says what language it is in.
_SAMPLE = 200_000


def hangul_share(text: str) -> float | None:
    sample = text[:_SAMPLE]
    # Counting by deletion keeps the loop in C: this runs on every document.
    hangul = len(sample) - len(_HANGUL.sub("", sample))
    latin = len(sample) - len(_LATIN.sub("", sample))
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

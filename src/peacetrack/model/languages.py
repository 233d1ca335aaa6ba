"""The languages the site and the commands speak, and how a text falls back to English."""

from __future__ import annotations

import unicodedata
from typing import Final, Literal, get_args

Lang = Literal["en", "ko"]
LANGS: Final[tuple[Lang, ...]] = get_args(Lang)


HANGUL_SYLLABLES: Final = "\uac00-\ud7a3"
"""The precomposed Hangul syllables (가-힣), as a regular-expression range: what Korean text is written in.
(Language detection also counts the jamo blocks; see pipeline/prepare/language.py.)"""


def is_hangul(ch: str) -> bool:
    """Whether one character is a Hangul syllable."""
    return "\uac00" <= ch <= "\ud7a3"


def has_hangul(text: str) -> bool:
    """Whether ``text`` holds any Hangul syllable."""
    return any("\uac00" <= ch <= "\ud7a3" for ch in text)


def display_width(text: str) -> int:
    """Columns the text takes in type: a Hangul or other wide character counts two (a line of Korean and
    a line of English are compared by the room they take, not their characters)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def check_lang(lang: str) -> Lang:
    for known in LANGS:
        if lang == known:
            return known
    raise ValueError(f"unknown language {lang!r}: expected one of {', '.join(LANGS)}")


def pick(en: str | None, ko: str | None, lang: Lang) -> str:
    """The text in ``lang``, falling back to English."""
    return (ko if lang == "ko" and ko else en) or ""

"""The languages the site and the commands speak, and how a text falls back to English."""

from __future__ import annotations

from typing import Final, Literal, get_args

Lang = Literal["en", "ko"]
LANGS: Final[tuple[Lang, ...]] = get_args(Lang)


def check_lang(lang: str) -> Lang:
    for known in LANGS:
        if lang == known:
            return known
    raise ValueError(f"unknown language {lang!r}: expected one of {', '.join(LANGS)}")


def pick(en: str | None, ko: str | None, lang: Lang) -> str:
    """The text in ``lang``, falling back to English."""
    return (ko if lang == "ko" and ko else en) or ""

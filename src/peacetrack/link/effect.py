"""Propose an event's effect on a provision from cue words, in English and Korean.

The cues are data (``data/effect_cues.yaml``): classes of words such as
*destroy* ("blew up", "파괴", "폭파") or *restore* ("resumed", "복원"), each
with the effect it proposes on an ordinary provision and on a cessation
provision (one that asks for something to stop or be removed). A proposal
names the cue that fired and where, so a coder can accept or correct it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from importlib import resources
from typing import Any

import yaml

from peacetrack.model.codebook import Effect

CUES_FILE = "effect_cues.yaml"
_HANGUL = re.compile(r"[가-힣]")


@dataclass(frozen=True, slots=True)
class EffectProposal:
    effect: str
    """One of implements, advances, violates, reverses, suspends, mentions."""
    cue: str | None
    """The cue as written in the text; None when nothing fired (``mentions``)."""
    cue_class: str | None = None
    start: int | None = None
    end: int | None = None
    cessation: bool = False
    """Whether the provision was read as asking for something to stop."""
    precedent: str | None = None
    """With no cue: the coded event whose effect on the provision was taken instead."""

    def as_json(self) -> dict[str, Any]:
        return {
            "effect": self.effect,
            "cue": self.cue,
            "class": self.cue_class,
            "span": None if self.start is None else [self.start, self.end],
            "precedent": self.precedent,
        }


@dataclass(frozen=True, slots=True)
class _Class:
    name: str
    effect: str
    on_cessation: str
    patterns: dict[str, re.Pattern[str]]


def _pattern(words: list[str], lang: str) -> re.Pattern[str]:
    plain = sorted({w.strip() for w in words if w.strip() and not w.startswith("re:")}, key=len, reverse=True)
    alts = [re.escape(w).replace(r"\ ", r"\s+") for w in plain]
    alts += [w[3:] for w in words if w.startswith("re:")]
    body = "|".join(alts) or "(?!)"
    if lang == "ko":
        return re.compile(f"(?:{body})")
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE)


def detect_lang(text: str) -> str:
    """``ko`` when Hangul makes up a good part of the letters, else ``en``."""
    letters = sum(1 for c in text if c.isalpha())
    hangul = len(_HANGUL.findall(text))
    return "ko" if letters and hangul / letters >= 0.3 else "en"


class EffectCues:
    """The cue lists, loaded once per instance (hold one; it is immutable)."""

    def __init__(self, data: dict[str, Any] | None = None) -> None:
        if data is None:
            raw = resources.files("peacetrack.link").joinpath("data", CUES_FILE).read_text("utf-8")
            data = yaml.safe_load(raw)
        self._data: dict[str, Any] = data
        valid = {e.value for e in Effect}
        classes: list[_Class] = []
        for name in data["order"]:
            spec = data["classes"][name]
            for key in ("effect", "on_cessation"):
                if spec[key] not in valid:
                    raise ValueError(f"{CUES_FILE}: {name}.{key}: unknown effect {spec[key]!r}")
            pats = {lang: _pattern(list(spec.get(lang) or []), lang) for lang in ("en", "ko")}
            classes.append(_Class(name, spec["effect"], spec["on_cessation"], pats))
        self.classes = tuple(classes)
        self.decisive = frozenset(data.get("decisive") or ())
        ces = data.get("cessation") or {}
        self._cessation = {lang: _pattern(list(ces.get(lang) or []), lang) for lang in ("en", "ko")}

    @cached_property
    def words(self) -> dict[str, dict[str, list[str]]]:
        return {
            c: {lang: list(v.get(lang) or []) for lang in ("en", "ko")}
            for c, v in self._data["classes"].items()
        }

    def is_cessation(self, provision_text: str) -> bool:
        lang = detect_lang(provision_text)
        return bool(self._cessation[lang].search(provision_text))

    def propose(
        self, text: str, lang: str | None = None, provision_text: str | None = None
    ) -> EffectProposal:
        langs = (lang,) if lang in ("en", "ko") else ("en", "ko")
        verb_last = (lang or detect_lang(text)) == "ko"  # Korean puts the main verb last
        cessation = bool(provision_text) and self.is_cessation(provision_text or "")
        best: tuple[tuple[int, int, int], _Class, re.Match[str]] | None = None
        for rank, cls in enumerate(self.classes):
            for code in langs:
                matches = list(cls.patterns[code].finditer(text))
                if not matches:
                    continue
                m = matches[-1] if verb_last else matches[0]
                # Decisive classes (hedges, suspending an agreement) win wherever they stand;
                # among the rest the cue nearest the main verb wins.
                where = -m.end() if verb_last else m.start()
                key = (0, rank, where) if cls.name in self.decisive else (1, where, rank)
                if best is None or key < best[0]:
                    best = (key, cls, m)
        if best is not None:
            _, cls, found = best
            effect = cls.on_cessation if cessation else cls.effect
            return EffectProposal(effect, found.group(), cls.name, found.start(), found.end(), cessation)
        return EffectProposal(Effect.MENTIONS.value, None, None, None, None, cessation)


def propose_effect(
    text: str, lang: str | None = None, *, provision_text: str | None = None, cues: EffectCues | None = None
) -> EffectProposal:
    """The effect that cue words in ``text`` suggest, and the cue that fired.

    ``lang`` (``en`` or ``ko``) limits the cues to one language; by default
    both are tried. With ``provision_text`` (the provision's English text),
    cues are read against it: removing guard posts implements a withdrawal,
    removing a liaison office reverses its opening. Pass a held
    :class:`EffectCues` to avoid reloading the cue file on every call.
    """
    return (cues or EffectCues()).propose(text, lang, provision_text)

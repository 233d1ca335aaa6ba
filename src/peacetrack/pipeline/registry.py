"""The actor registry: names as written resolved to actor ids.

Two ways in. `match` takes a name pulled out of a list (a signatory, a host):
normalised-name lookup over every name and alias in both languages, then the
name without its bracketed acronym and the acronym alone, then rapidfuzz for
spelling variants. `scan` finds every registry name in running text, for
mention counts and the actors of an event.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from peacetrack.model.records import Actor

_APOSTROPHES = re.compile(r"['’‘`´]")
_NON_WORD = re.compile(r"[^\w]+")
_LEADING_THE = re.compile(r"^the\s+")
_BRACKETED = re.compile(r"\s*\(([^()]*)\)\s*")
_ACRONYM = re.compile(r"^[A-Z0-9][A-Z0-9&'.\-]{1,9}$")


def normalise_name(name: str) -> str:
    """Casefolded, no punctuation, no leading article: "The U.S." and "US" meet at "us"."""
    text = unicodedata.normalize("NFKC", name).casefold().replace("&", " and ")
    text = _APOSTROPHES.sub("", text).replace(".", "")
    text = _NON_WORD.sub(" ", text).replace("_", " ")
    return _LEADING_THE.sub("", " ".join(text.split()))


def name_variants(name: str) -> list[str]:
    """The name, the name without its bracketed part, and the bracketed part alone."""
    variants = [name]
    inside = _BRACKETED.findall(name)
    outside = _BRACKETED.sub(" ", name).strip()
    if inside and outside:
        variants.append(outside)
        variants.extend(part.strip() for part in inside if part.strip())
    return variants


def _is_hangul(ch: str) -> bool:
    return "\uac00" <= ch <= "\ud7a3"


def _alias_pattern(alias: str) -> str:
    pieces = []
    for ch in alias:
        if ch.isspace():
            pieces.append(r"\s+")
        elif ch in "'’‘`":
            pieces.append("['’‘`]?")
        else:
            pieces.append(re.escape(ch))
    body = "".join(pieces)
    if _is_hangul(alias[0]):
        left = r"(?<![가-힣A-Za-z0-9])"
    else:
        left = r"(?<![\w])"
    right = "" if _is_hangul(alias[-1]) else r"(?![\w])"
    # Acronyms only in capitals: "US" is a country, "us" is not.
    if _ACRONYM.match(alias) and any(ch.isalpha() for ch in alias):
        return f"{left}{body}{right}"
    return f"{left}(?i:{body}){right}"


@dataclass(frozen=True, slots=True)
class Found:
    """A registry name found in the text; a group name ("inter-Korean") stands for several actors."""

    actors: tuple[str, ...]
    start: int
    end: int
    text: str


class Registry:
    """Immutable after construction; safe to share between documents and threads."""

    def __init__(
        self,
        actors: Iterable[Actor],
        groups: Mapping[str, Sequence[str]] | None = None,
        threshold: float = 90.0,
    ) -> None:
        self.actors: dict[str, Actor] = {actor.id: actor for actor in actors}
        self.threshold = threshold
        index: dict[str, set[str]] = {}
        written: set[str] = set()
        for actor in self.actors.values():
            for name in [*actor.name.values(), *actor.aliases]:
                for variant in name_variants(name):
                    key = normalise_name(variant)
                    if key:
                        index.setdefault(key, set()).add(actor.id)
                        written.add(variant)
        # A name two actors share says nothing about which one is meant.
        self._index = {key: next(iter(ids)) for key, ids in index.items() if len(ids) == 1}
        self._choices = list(self._index)
        surface: dict[str, tuple[str, ...]] = {
            name: (self._index[normalise_name(name)],) for name in written if normalise_name(name) in self._index
        }
        for name, ids in (groups or {}).items():
            known = tuple(i for i in ids if i in self.actors)
            if known:
                surface.setdefault(name, known)
        self._surface = {normalise_name(name): ids for name, ids in surface.items()}
        ordered = sorted(surface, key=len, reverse=True)
        self._pattern = re.compile("|".join(_alias_pattern(name) for name in ordered)) if ordered else None

    def __len__(self) -> int:
        return len(self.actors)

    def match(self, name: str) -> str | None:
        """The actor id a name (as written in a list) refers to, or None."""
        variants = name_variants(name)
        for variant in variants:
            found = self._index.get(normalise_name(variant))
            if found is not None:
                return found
        return self._fuzzy(variants[:2])

    def _fuzzy(self, variants: list[str]) -> str | None:
        for variant in variants:
            key = normalise_name(variant)
            # Short names differ by one letter from quite different names ("Korea", "Korean").
            if len(key) < 10 or not self._choices:
                continue
            best = process.extract(key, self._choices, scorer=fuzz.ratio, limit=2, score_cutoff=self.threshold)
            if not best:
                continue
            top = self._index[best[0][0]]
            rival = best[1] if len(best) > 1 else None
            if rival is not None and self._index[rival[0]] != top and best[0][1] - rival[1] < 3:
                continue  # two different actors about as close: do not guess
            return top
        return None

    def scan(self, text: str, start: int = 0, end: int | None = None) -> list[Found]:
        """Every registry name in ``text[start:end]``, longest name first where names overlap."""
        if self._pattern is None:
            return []
        end = len(text) if end is None else end
        found = []
        for m in self._pattern.finditer(text, start, end):
            ids = self._surface.get(normalise_name(m.group()))
            if ids:
                found.append(Found(ids, m.start(), m.end(), m.group()))
        return found

    def label(self, actor_id: str, lang: str = "en") -> str:
        actor = self.actors[actor_id]
        return actor.name.get(lang) or actor.name["en"]

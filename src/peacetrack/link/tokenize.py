"""Terms for retrieval from English and Korean text (and the two mixed).

Every tokenizer returns :class:`Token` s: the term that goes into the index and
the span of the input it came from, so a hit can say which words matched.

Text outside Hangul (Latin letters, digits) always goes through the English
rules: lower case, stop words dropped, a light stemmer that folds plurals,
-ed/-ing and British/American spellings (``demilitarisation`` and
``demilitarized`` meet), hyphenated words kept whole as well as in parts
(``no-fly`` gives ``no``, ``fly`` and ``nofly``), and dotted dates such as
``9·19`` kept as one term.

Hangul runs go to one of two Korean tokenizers, measured against each other
in ``docs/linking.md``:

- :class:`NgramTokenizer`: the character 2- and 3-grams of each run. A
  particle changes only the last gram or two of a word, so ``연락사무소를`` and
  ``연락사무소가`` share every gram of ``연락사무소``; compounds split into the
  same grams as their parts. No model, microseconds per text.
- :class:`KiwiTokenizer`: kiwipiepy morphemes (nouns, roots, verb and adjective
  stems; particles and endings dropped), plus each pair of adjacent nouns
  joined, so ``공동연락사무소`` also yields ``연락사무소``. Needs the kiwipiepy
  model (seconds to load) and about a millisecond per sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Protocol

_HANGUL = re.compile(r"[가-힣]+")
# Latin/digit words, with inner hyphens, apostrophes and dotted numbers (9·19, 4.27).
_LATIN = re.compile(r"[^\W_가-힣]+(?:[-'’·.‧・][^\W_가-힣]+)*")
_DOTTED_NUMBER = re.compile(r"^\d{1,4}(?:[·.‧・]\d{1,4})+$")
_INNER = re.compile(r"[-'’·.‧・]")

STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before being
    below between both but by can could did do does doing down during each few for from further had has
    have having he her here hers herself him himself his how i if in into is it its itself just me more
    most my myself nor of off on once only or other our ours ourselves out over own same she should so
    some such than that the their theirs them themselves then there these they this those through to too
    under until up very was we were what when where which while who whom why will with would you your
    yours yourself yourselves s t d ll m re ve its said says say""".split()
)

# Spelling variants folded before stemming (British → American, a few names).
_SPELLING = {
    "defence": "defense",
    "centre": "center",
    "programme": "program",
    "gaeseong": "kaesong",
    "geumgang": "kumgang",
    "pyeongyang": "pyongyang",
    "panmunjeom": "panmunjom",
    "tongchang": "dongchang",
    "nyongbyon": "yongbyon",
    "armour": "armor",
    "harbour": "harbor",
    "favour": "favor",
    "labour": "labor",
}


def stem(word: str) -> str:
    """A light English stemmer: plural, -ed, -ing, -ise/-ize and -isation, final e."""
    w = _SPELLING.get(word, word)
    if len(w) <= 3 or not w.isalpha():
        return w
    for suffix, repl in (("isations", "ize"), ("izations", "ize"), ("isation", "ize"), ("ization", "ize")):
        if w.endswith(suffix):
            w = w[: -len(suffix)] + repl
            break
    if w.endswith("ies") and len(w) > 4:
        w = w[:-3] + "y"
    elif w.endswith(("sses", "shes", "ches", "xes", "zes")):
        w = w[:-2]
    elif w.endswith("s") and not w.endswith(("ss", "us", "is")) and len(w) > 3:
        w = w[:-1]
    for suffix in ("ing", "ed"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            base = w[: -len(suffix)]
            if any(c in "aeiouy" for c in base):
                w = base
                if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "lsz":
                    w = w[:-1]  # stopped → stop
            break
    if w.endswith("ise") and len(w) > 5:
        w = w[:-3] + "ize"
    if w.endswith("e") and len(w) > 3:
        w = w[:-1]
    return w


@dataclass(frozen=True, slots=True)
class Token:
    """A term and the span of the input it came from."""

    term: str
    start: int
    end: int


def english_tokens(text: str, start: int = 0, end: int | None = None) -> Iterator[Token]:
    """Terms of the non-Hangul words of ``text[start:end]``."""
    for m in _LATIN.finditer(text, start, len(text) if end is None else end):
        raw = m.group().lower()
        s, e = m.span()
        if _DOTTED_NUMBER.match(raw):
            yield Token(_INNER.sub(".", raw), s, e)
            continue
        parts = [p for p in _INNER.split(raw) if p]
        if len(parts) > 1:
            joined = "".join(parts)
            if joined not in STOPWORDS:
                yield Token(stem(joined), s, e)
        for part in parts:
            if part not in STOPWORDS:
                yield Token(stem(part), s, e)


class Tokenizer(Protocol):
    """Text → terms with spans. ``name`` identifies the rules (it keys caches)."""

    @property
    def name(self) -> str: ...

    def tokens(self, text: str) -> list[Token]: ...


def terms(tokenizer: Tokenizer, text: str) -> list[str]:
    return [t.term for t in tokenizer.tokens(text)]


@dataclass(frozen=True, slots=True)
class EnglishOnlyTokenizer:
    """English rules for everything; Hangul is ignored (a baseline)."""

    name: str = "english-only/1"

    def tokens(self, text: str) -> list[Token]:
        return list(english_tokens(text))


@dataclass(frozen=True, slots=True)
class NgramTokenizer:
    """English rules for Latin text; character n-grams of each Hangul run."""

    sizes: tuple[int, ...] = (2, 3)
    name: str = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "name", f"ngram{''.join(map(str, self.sizes))}/1")

    def tokens(self, text: str) -> list[Token]:
        out = list(english_tokens(text))
        for m in _HANGUL.finditer(text):
            run = m.group()
            base = m.start()
            n_run = len(run)
            if n_run < min(self.sizes):
                out.append(Token(run, base, base + n_run))
                continue
            for n in self.sizes:
                out.extend(Token(run[i : i + n], base + i, base + i + n) for i in range(n_run - n + 1))
        return out


_KIWI_CONTENT = frozenset({"NNG", "NNP", "NR", "XR", "VV", "VA", "SH"})
_KIWI_NOUNS = frozenset({"NNG", "NNP", "XR"})


@dataclass(slots=True)
class KiwiTokenizer:
    """English rules for Latin text; kiwipiepy content morphemes for Korean.

    The kiwipiepy model loads on first use (seconds), and only then: the class
    can be built, named and cached without it.
    """

    name: str = "kiwi/1"
    _kiwi: Any = field(default=None, repr=False)

    def _model(self) -> Any:
        if self._kiwi is None:
            from kiwipiepy import Kiwi  # heavy: loaded only when Korean text needs it

            self._kiwi = Kiwi()
        return self._kiwi

    def tokens(self, text: str) -> list[Token]:
        out = list(english_tokens(text))
        if not _HANGUL.search(text):
            return out
        prev: Token | None = None
        for morph in self._model().tokenize(text):
            tag = str(morph.tag).split("-")[0]
            s = int(morph.start)
            e = s + int(morph.len)
            if tag not in _KIWI_CONTENT or not _HANGUL.search(morph.form):
                prev = None
                continue
            form = str(morph.form)
            tok = Token(form, s, e)
            out.append(tok)
            if tag in _KIWI_NOUNS:
                if prev is not None and prev.end == s:  # written together: a compound
                    out.append(Token(prev.term + form, prev.start, e))
                prev = tok
            else:
                prev = None
        return out


KOREAN_TOKENIZERS = ("ngram", "kiwi")
DEFAULT_KOREAN = "ngram"
"""Measured on bench/link_gold.yaml (docs/linking.md): n-grams rank as well as
kiwipiepy morphemes or better, need no model and are far faster."""


def make_tokenizer(korean: str = DEFAULT_KOREAN) -> Tokenizer:
    """The tokenizer for a Korean method: ``ngram`` (default), ``kiwi`` or ``none``."""
    if korean == "ngram":
        return NgramTokenizer()
    if korean == "kiwi":
        return KiwiTokenizer()
    if korean == "none":
        return EnglishOnlyTokenizer()
    raise ValueError(f"unknown Korean tokenizer {korean!r}; use one of {', '.join(KOREAN_TOKENIZERS)}")

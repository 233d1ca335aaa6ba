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
from importlib import resources
from operator import add
from typing import Any, NamedTuple, Protocol

import yaml

_HANGUL = re.compile(r"[가-힣]+")
# Latin/digit words, with inner hyphens, apostrophes and dotted numbers (9·19, 4.27).
_LATIN = re.compile(r"[^\W_가-힣]+(?:[-'’·.‧・][^\W_가-힣]+)*")
_DOTTED_NUMBER = re.compile(r"^\d{1,4}(?:[·.‧・]\d{1,4})+$")
_INNER = re.compile(r"[-'’·.‧・]")
_ISE = re.compile(r"(?<=[a-z]{4})is(e|es|ed|ing|ation|ations)$")


def _stopwords() -> dict[str, list[str]]:
    raw = resources.files("peacetrack.link").joinpath("data", "stopwords.yaml").read_text("utf-8")
    data = yaml.safe_load(raw)
    return {lang: [str(w) for w in data[lang]] for lang in ("en", "ko")}


_STOP = _stopwords()
STOPWORDS: frozenset[str] = frozenset(_STOP["en"])

# Korean words (whole eojeol) that carry grammar, not content: auxiliary and
# light verbs, bound nouns, conjunctive adverbs. Skipped by the n-gram rules.
KOREAN_STOPWORDS: frozenset[str] = frozenset(_STOP["ko"])
_NOT_HANGUL = re.compile(r"[^가-힣]+")
_SINGLE_SYLLABLE = re.compile(r"(?<![가-힣])[가-힣](?![가-힣])")
_KOREAN_STOP_RUNS = re.compile(
    "(?<![가-힣])(?:" + "|".join(sorted(KOREAN_STOPWORDS, key=len, reverse=True)) + ")(?![가-힣])"
)
# kiwipiepy stems that are grammar in this role (light and auxiliary verbs).
KIWI_STOP_FORMS = frozenset(
    {"하", "되", "있", "없", "않", "밝히", "말하", "전하", "이", "그", "수", "것", "등"}
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

# Irregular past forms, folded to the present (the stemmer only knows -ed): reports are
# written in the past tense, provisions in the future ("rang" must not meet "range").
_IRREGULAR = {
    "rang": "ring",
    "rung": "ring",
    "blew": "blow",
    "blown": "blow",
    "began": "begin",
    "begun": "begin",
    "broke": "break",
    "broken": "break",
    "built": "build",
    "flew": "fly",
    "flown": "fly",
    "fought": "fight",
    "held": "hold",
    "met": "meet",
    "sent": "send",
    "shot": "shoot",
    "spoke": "speak",
    "spoken": "speak",
    "tore": "tear",
    "torn": "tear",
    "withdrew": "withdraw",
    "withdrawn": "withdraw",
    "drew": "draw",
    "drawn": "draw",
    "took": "take",
    "taken": "take",
    "fled": "flee",
    "sank": "sink",
    "struck": "strike",
    "left": "leave",
    "led": "lead",
    "sought": "seek",
    "gave": "give",
    "given": "give",
    "froze": "freeze",
    "frozen": "freeze",
    "wrote": "write",
    "written": "write",
}


def stem(word: str) -> str:
    """A light English stemmer: plural, -ed, -ing, -ise/-ize and -isation, final e."""
    w = _SPELLING.get(word) or _IRREGULAR.get(word, word)
    if len(w) <= 3 or not w.isalpha():
        return w
    w = _ISE.sub(r"iz\1", w)  # -ise, -ised, -isation… → -iz…
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
    if w.endswith("ization"):
        w = w[:-5] + "e"  # demilitarization → demilitarize
    if w.endswith("e") and len(w) > 3:
        w = w[:-1]
    return w


class Token(NamedTuple):
    """A term and the span of the input it came from."""

    term: str
    start: int
    end: int


class Tokenizer(Protocol):
    """Text → terms. ``name`` identifies the rules (it keys caches)."""

    @property
    def name(self) -> str: ...

    def tokens(self, text: str) -> list[Token]:
        """Terms with the spans they came from (for queries: to say what matched)."""
        ...

    def terms(self, text: str) -> list[str]:
        """Terms only (for documents: faster)."""
        ...


class _English:
    """The English rules, with a per-instance cache of stems (words repeat a lot).

    With ``bigrams``, two content words written next to each other (no
    stop word or punctuation between) also give a joined term, so "guard
    posts" matches "guard post" more strongly than "posts" and "guard" apart.
    """

    base_name = "en2"

    def __init__(self, bigrams: bool = False) -> None:
        self.bigrams = bigrams
        self._stems: dict[str, str] = {}
        self._words: dict[str, list[str]] = {}

    @property
    def name(self) -> str:
        return f"{self.base_name}{'+bi' if self.bigrams else ''}"

    def _stem(self, word: str) -> str:
        got = self._stems.get(word)
        if got is None:
            got = stem(word)
            if len(self._stems) < 200_000:
                self._stems[word] = got
        return got

    def _latin_terms(self, raw: str) -> tuple[list[str], str | None]:
        """Terms of one Latin word (lower-cased), and its whole-word term (None for a stop word)."""
        if _DOTTED_NUMBER.match(raw):
            term = _INNER.sub(".", raw)
            return [term], term
        if not _INNER.search(raw):
            if raw in STOPWORDS:
                return [], None
            term = self._stem(raw)
            return [term], term
        parts = [p for p in _INNER.split(raw) if p]
        out = [self._stem(p) for p in parts if p not in STOPWORDS]
        joined = "".join(parts)
        whole = None
        if len(parts) > 1 and joined not in STOPWORDS:
            whole = self._stem(joined)
            out.append(whole)
        elif out:
            whole = out[-1]
        return out, whole

    def english_tokens(self, text: str) -> list[Token]:
        out: list[Token] = []
        prev: tuple[str, int, int] | None = None
        for m in _LATIN.finditer(text):
            s, e = m.span()
            terms, whole = self._latin_terms(m.group().lower())
            out.extend([Token(term, s, e) for term in terms])
            if self.bigrams:
                if whole is not None and prev is not None and text[prev[2] : s].isspace():
                    out.append(Token(f"{prev[0]}_{whole}", prev[1], e))
                prev = (whole, s, e) if whole is not None else None
        return out

    def english_terms(self, text: str) -> list[str]:
        if self.bigrams:
            return [t.term for t in self.english_tokens(text)]
        out: list[str] = []
        cache = self._words
        for word in _LATIN.findall(text.lower()):
            got = cache.get(word)
            if got is None:
                got = self._latin_terms(word)[0]
                if len(cache) < 200_000:
                    cache[word] = got
            out.extend(got)
        return out

    def tokens(self, text: str) -> list[Token]:
        return self.english_tokens(text)

    def terms(self, text: str) -> list[str]:
        return self.english_terms(text)


class EnglishOnlyTokenizer(_English):
    """English rules for everything; Hangul is ignored (a baseline)."""


class NgramTokenizer(_English):
    """English rules for Latin text; character 2- and 3-grams of each Hangul run."""

    base_name = "ngram23/2;en2"

    def tokens(self, text: str) -> list[Token]:
        out = self.english_tokens(text)
        for m in _HANGUL.finditer(text):
            run = m.group()
            if run in KOREAN_STOPWORDS:
                continue
            b = m.start()
            n = len(run)
            if n < 2:
                out.append(Token(run, b, b + n))
                continue
            out.extend([Token(run[i : i + 2], b + i, b + i + 2) for i in range(n - 1)])
            out.extend([Token(run[i : i + 3], b + i, b + i + 3) for i in range(n - 2)])
        return out

    def terms(self, text: str) -> list[str]:
        # The same terms as tokens(), without spans, built with C-level maps: Hangul
        # runs separated by spaces; a gram that spans a space is not alphabetic.
        out = self.english_terms(text)
        if not _HANGUL.search(text):
            return out
        s = _KOREAN_STOP_RUNS.sub(" ", _NOT_HANGUL.sub(" ", text))
        out.extend(_SINGLE_SYLLABLE.findall(s))
        bigrams = list(map(add, s[:-1], s[1:]))
        out.extend(filter(str.isalpha, bigrams))
        out.extend(filter(str.isalpha, map(add, bigrams[:-1], s[2:])))
        return out


_KIWI_CONTENT = frozenset({"NNG", "NNP", "NR", "XR", "VV", "VA", "SH"})
_KIWI_NOUNS = frozenset({"NNG", "NNP", "XR"})


class KiwiTokenizer(_English):
    """English rules for Latin text; kiwipiepy content morphemes for Korean.

    The kiwipiepy model loads on first use (seconds), and only then: the
    tokenizer can be built, named and cached without it.
    """

    base_name = "kiwi/2;en2"

    def __init__(self, bigrams: bool = False) -> None:
        super().__init__(bigrams)
        self._kiwi: Any = None

    def _model(self) -> Any:
        if self._kiwi is None:
            # Heavy: loaded only when Korean text needs it.
            from kiwipiepy import Kiwi  # type: ignore[import-untyped,import-not-found,unused-ignore]

            self._kiwi = Kiwi()
        return self._kiwi

    def _korean(self, text: str) -> list[Token]:
        out: list[Token] = []
        prev: Token | None = None
        for morph in self._model().tokenize(text):
            tag = str(morph.tag).split("-")[0]
            form = str(morph.form)
            if tag not in _KIWI_CONTENT or form in KIWI_STOP_FORMS or not _HANGUL.search(form):
                prev = None
                continue
            s = int(morph.start)
            tok = Token(form, s, s + int(morph.len))
            out.append(tok)
            if tag in _KIWI_NOUNS:
                if prev is not None and prev.end == s:  # written together: a compound
                    out.append(Token(prev.term + form, prev.start, tok.end))
                prev = tok
            else:
                prev = None
        return out

    def tokens(self, text: str) -> list[Token]:
        out = self.english_tokens(text)
        if _HANGUL.search(text):
            out.extend(self._korean(text))
        return out

    def terms(self, text: str) -> list[str]:
        out = self.english_terms(text)
        if _HANGUL.search(text):
            out.extend(t.term for t in self._korean(text))
        return out


KOREAN_TOKENIZERS = ("ngram", "kiwi")
DEFAULT_KOREAN = "ngram"
"""Measured on bench/link_gold.yaml (docs/linking.md): n-grams rank as well as
kiwipiepy morphemes or better, need no model and are far faster."""


def make_tokenizer(korean: str = DEFAULT_KOREAN, *, bigrams: bool = False) -> Tokenizer:
    """The tokenizer for a Korean method: ``ngram`` (default), ``kiwi`` or ``none`` (Hangul ignored)."""
    if korean == "ngram":
        return NgramTokenizer(bigrams)
    if korean == "kiwi":
        return KiwiTokenizer(bigrams)
    if korean == "none":
        return EnglishOnlyTokenizer(bigrams)
    raise ValueError(f"unknown Korean tokenizer {korean!r}; use one of {', '.join(KOREAN_TOKENIZERS)}")

"""The actor registry: names as written resolved to actor ids.

Two ways in. `match` takes a name pulled out of a list (a signatory, a host):
normalised-name lookup over every name and alias in both languages, then the
name without its bracketed acronym and the acronym alone, then rapidfuzz for
spelling variants. `scan` finds every registry name in running text, for
mention counts and the actors of an event.

`Reach` records what resolving one document looked up, so that `could_change`
tells, without resolving it again, whether actors added to the registry since
could change the result (the Dask driver uses it for documents a worker resolved
against an older registry).
"""

from __future__ import annotations

import bisect
import copy
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType

from rapidfuzz import fuzz, process

from peacetrack.model.codebook import ActorKind
from peacetrack.model.languages import is_hangul
from peacetrack.model.records import Actor, Process

_APOSTROPHES = re.compile(r"['’‘`´]")
_NON_WORD = re.compile(r"[^\w]+")
_LEADING_THE = re.compile(r"^the\s+")
_BRACKETED = re.compile(r"\s*\(([^()]*)\)\s*")
_ACRONYM = re.compile(r"^[A-Z0-9][A-Z0-9&'.\-]{1,9}$")


def group_words(processes: Iterable[Process]) -> dict[str, tuple[str, ...]]:
    """The words the processes' records give for several actors at once ("남북" -> kor, prk)."""
    return {group.word: tuple(group.actors) for process in processes for group in process.groups}


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


# Words of running text, cut the way `normalise_name` cuts names: "U.S." and "People's" stay whole.
_TEXT_TOKEN = re.compile(r"[^\W_]+(?:[.'’‘`´][^\W_]+)*\.?|&")
# A Korean name takes its particle without a space ("북한은", "참여연대의"); longer tails make another word.
_PARTICLE_MAX = 3
# Short names differ by one letter from quite different names ("Korea", "Korean"): no fuzzy match below.
_FUZZY_MIN = 10


def _names(actor: Actor) -> Iterator[tuple[str, str]]:
    """Every name of an actor as written (variants included) with its normalised key."""
    for name in [*actor.name.values(), *actor.aliases]:
        for variant in name_variants(name):
            if key := normalise_name(variant):
                yield variant, key


def _token_key(token: str, fold: bool = True) -> str:
    if token.isascii():  # most words: no Unicode normalisation needed
        text = token.lower() if fold else token
        return "and" if text == "&" else text.replace("'", "").replace("`", "").replace(".", "")
    text = unicodedata.normalize("NFKC", token)
    if fold:
        text = text.casefold()
    if text == "&":
        return "and"
    return _APOSTROPHES.sub("", text).replace(".", "")


@dataclass(frozen=True, slots=True)
class _Alias:
    keys: tuple[str, ...]
    exact: tuple[str, ...] | None  # acronyms match in capitals only: "US" is a country, "us" is not
    actors: tuple[str, ...]
    name: str  # as written: orders names of the same length, so the order never depends on hashing


def _alias(name: str, actors: tuple[str, ...]) -> _Alias | None:
    keys = tuple(normalise_name(name).split())
    if not keys:
        return None
    exact = None
    if _ACRONYM.match(name) and any(ch.isalpha() for ch in name):
        exact = tuple(_token_key(t, fold=False) for t in _TEXT_TOKEN.findall(name))
    return _Alias(keys, exact, actors, name)


def _token_end(token: re.Match[str]) -> int:
    # A full stop after a word ends the sentence; inside "U.S." it belongs to the name.
    word = token.group()
    return token.end() - 1 if word.endswith(".") and "." not in word[:-1] else token.end()


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
        self.threshold = threshold
        self._groups = {name: tuple(ids) for name, ids in (groups or {}).items()}
        self._grouped = frozenset(i for ids in self._groups.values() for i in ids)
        self._actors: dict[str, Actor] = {}
        self._ids: dict[str, frozenset[str]] = {}  # key -> every actor with a name of that key
        self._written: dict[str, frozenset[str]] = {}  # key -> the names as written with that key
        # A name two actors share says nothing about which one is meant: only keys of one actor.
        self._index: dict[str, str] = {}
        self._choices: list[str] = []  # the index's keys, sorted: the fuzzy step's order never varies
        self._by_names: dict[str, tuple[str, ...]] = {}  # names in text -> their actor
        self._by_groups: dict[str, tuple[str, ...]] = {}  # group names in text -> their known actors
        self._starting: dict[str, frozenset[str]] = {}  # first word -> the names in text starting with it
        self._by_first: dict[str, list[_Alias]] = {}
        self._add({actor.id: actor for actor in actors}.values())  # the last of an id counts, as in a dict

    @property
    def actors(self) -> Mapping[str, Actor]:
        return MappingProxyType(self._actors)

    @property
    def groups(self) -> Mapping[str, tuple[str, ...]]:
        """The group words it knows, each with the actors it names (a new registry keeps them)."""
        return MappingProxyType(self._groups)

    def adding(self, actors: Iterable[Actor]) -> Registry:
        """This registry with more actors: the same as building it anew with all of them, at the cost
        of the new ones only (ingest adds candidates one document at a time)."""
        actors = list(actors)
        if any(actor.id in self._actors for actor in actors):  # a new version of a known actor
            merged = {**self._actors, **{actor.id: actor for actor in actors}}
            return Registry(merged.values(), self._groups, self.threshold)
        new = copy.copy(self)
        for name in (
            "_actors",
            "_ids",
            "_written",
            "_index",
            "_by_names",
            "_by_groups",
            "_starting",
            "_by_first",
        ):
            setattr(new, name, dict(getattr(self, name)))
        new._choices = list(self._choices)
        new._add(actors)
        return new

    def _add(self, actors: Iterable[Actor]) -> None:
        keys: set[str] = set()
        for actor in actors:
            self._actors[actor.id] = actor
            for variant, key in _names(actor):
                self._ids[key] = self._ids.get(key, frozenset()) | {actor.id}
                self._written[key] = self._written.get(key, frozenset()) | {variant}
                keys.add(key)
        named: set[str] = set()
        for key in keys:
            ids = self._ids[key]
            if len(ids) == 1:
                if key not in self._index:
                    bisect.insort(self._choices, key)
                self._index[key] = next(iter(ids))
            elif key in self._index:
                del self._index[key]
                del self._choices[bisect.bisect_left(self._choices, key)]
            for name in self._written[key]:
                named.add(name)
                if key in self._index:
                    self._by_names[name] = (self._index[key],)
                else:
                    self._by_names.pop(name, None)
        for name, members in self._groups.items():
            known = tuple(i for i in members if i in self._actors)
            if known and self._by_groups.get(name) != known:
                self._by_groups[name] = known
                named.add(name)
        firsts: set[str] = set()
        for name in named:
            if keys_of := normalise_name(name).split():
                first = keys_of[0]
                self._starting[first] = self._starting.get(first, frozenset()) | {name}
                firsts.add(first)
        for first in firsts:
            found = [alias for name in self._starting[first] if (alias := self._alias_of(name)) is not None]
            if found:  # longest names first, so "UN Security Council" wins over "UN"
                self._by_first[first] = sorted(found, key=lambda a: (-len(a.keys), a.name))
            else:
                self._by_first.pop(first, None)

    def _alias_of(self, name: str) -> _Alias | None:
        """A name as found in text: a registry name of one actor, else a group name of known actors."""
        ids = self._by_names.get(name) or self._by_groups.get(name)
        return _alias(name, ids) if ids else None

    def __len__(self) -> int:
        return len(self.actors)

    def state_of(self, actor_id: str) -> str | None:
        """The state an actor is of, by its country: "윤석열 정부" is the government of Yoon's state."""
        actor = self._actors.get(actor_id)
        if actor is None or actor.kind is ActorKind.STATE:
            return actor_id if actor is not None else None
        for other in self._actors.values():
            if other.kind is ActorKind.STATE and actor.country is not None and other.country == actor.country:
                return other.id
        return None

    def match(self, name: str) -> str | None:
        """The actor id a name (as written in a list) refers to, or None."""
        variants = name_variants(name)
        for k, variant in enumerate(variants):
            found = self._index.get(normalise_name(variant))
            # A bracket alone may be an acronym ("(PSPD)"), but a state there says where the named
            # organisation is ("Peace Boat (Japan)"), not who it is.
            if found is not None and (k < 2 or self._actors[found].kind is not ActorKind.STATE):
                return found
        return self._fuzzy(variants[:2])

    def _fuzzy(self, variants: list[str]) -> str | None:
        for variant in variants:
            key = normalise_name(variant)
            if len(key) < _FUZZY_MIN or not self._choices:
                continue
            best = process.extract(
                key, self._choices, scorer=fuzz.ratio, limit=2, score_cutoff=self.threshold
            )
            if not best:
                continue
            top = self._index[best[0][0]]
            rival = best[1] if len(best) > 1 else None
            if rival is not None and self._index[rival[0]] != top and best[0][1] - rival[1] < 3:
                continue  # two different actors about as close: do not guess
            return top
        return None

    def could_change(self, reach: Reach, added: Iterable[Actor]) -> bool:
        """Whether adding ``added`` to this registry could change how a document with this reach resolves.

        Conservative, never wrong the other way: an added name changes `match` only where it is a key
        the document looked up, or close enough for the fuzzy step to count it (as a match or as a
        rival), and it changes `scan` only where the text has every word of it (the last one perhaps
        with a Korean particle).
        A name the new actor shares with a known one drops out of the index, under that same key.
        """
        for actor in added:
            if actor.id in self._grouped:  # a group name now stands for one more actor
                return True
            for _, key in _names(actor):
                if key in reach.keys or all(word in reach.words for word in key.split()):
                    return True
                if reach.fuzzy and process.extractOne(
                    key, reach.fuzzy, scorer=fuzz.ratio, score_cutoff=self.threshold
                ):
                    return True
        return False

    def scan(self, text: str, start: int = 0, end: int | None = None) -> list[Found]:
        """Every registry name in ``text[start:end]``, the longest where names overlap.

        Word by word against an index of names by their first word: one dictionary
        lookup per word, whatever the size of the registry.
        """
        end = len(text) if end is None else end
        tokens = list(_TEXT_TOKEN.finditer(text, start, end))
        keys = [_token_key(t.group()) for t in tokens]
        found: list[Found] = []
        firsts = self._by_first
        i = 0
        while i < len(tokens):
            key = keys[i]
            if key not in firsts and not (key and is_hangul(key[-1])):
                i += 1  # the common case, kept free of calls
                continue
            hit = self._match_at(tokens, keys, i)
            if hit is None:
                i += 1
                continue
            alias, stop = hit
            a = tokens[i].start()
            if text.count("(", a, stop) > text.count(")", a, stop) and text[stop : stop + 1] == ")":
                stop += 1  # "… (K.P.R.)": close the bracket the name opened
            found.append(Found(alias.actors, a, stop, text[a:stop]))
            i += len(alias.keys)
        return found

    def _candidates(self, key: str) -> list[_Alias]:
        direct = self._by_first.get(key, [])
        if not key or not is_hangul(key[-1]):
            return direct
        out = list(direct)
        for cut in range(1, min(_PARTICLE_MAX, len(key) - 1) + 1):
            out.extend(self._by_first.get(key[:-cut], ()))
        return sorted(out, key=lambda a: -len(a.keys))

    def _match_at(self, tokens: list[re.Match[str]], keys: list[str], i: int) -> tuple[_Alias, int] | None:
        for alias in self._candidates(keys[i]):
            wanted = alias.keys
            n = len(wanted)
            if i + n > len(keys) or not all(keys[i + j] == wanted[j] for j in range(1, n - 1)):
                continue
            last = keys[i + n - 1]
            if last == wanted[-1]:
                stop = _token_end(tokens[i + n - 1])
            elif self._particle_after(last, wanted[-1]):
                stop = tokens[i + n - 1].start() + len(wanted[-1])
            else:
                continue
            if alias.exact is not None:
                written = tuple(_token_key(t.group(), fold=False) for t in tokens[i : i + n])
                if written != alias.exact:
                    continue
            return alias, stop
        return None

    @staticmethod
    def _particle_after(word: str, name: str) -> bool:
        tail = word[len(name) :]
        return (
            word.startswith(name)
            and is_hangul(name[-1])
            and len(tail) <= _PARTICLE_MAX
            and all(map(is_hangul, tail))
        )

    def label(self, actor_id: str, lang: str = "en") -> str:
        actor = self.actors[actor_id]
        return actor.name.get(lang) or actor.name["en"]


@dataclass(frozen=True, slots=True)
class Reach:
    """What resolving one document looks up in a registry, whatever the registry holds."""

    keys: frozenset[str]  # every key `match` looks up for the names cut out of lists
    fuzzy: tuple[str, ...]  # the keys its fuzzy step compares
    words: frozenset[str]  # every word key of the text, and Korean words without their particles


def reach(text: str, names: Iterable[str]) -> Reach:
    """The reach of a document with this text whose lists hold these names."""
    keys: set[str] = set()
    fuzzy: dict[str, None] = {}
    for name in names:
        variants = name_variants(name)
        keys.update(normalise_name(v) for v in variants)
        fuzzy.update((k, None) for v in variants[:2] if len(k := normalise_name(v)) >= _FUZZY_MIN)
    words: set[str] = set()
    for token in _TEXT_TOKEN.finditer(text):
        key = _token_key(token.group())
        words.add(key)
        if key and is_hangul(key[-1]):
            words.update(key[:-cut] for cut in range(1, min(_PARTICLE_MAX, len(key) - 1) + 1))
    return Reach(frozenset(keys), tuple(fuzzy), frozenset(words))

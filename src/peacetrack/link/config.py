"""What shapes a link index: field weights, BM25 and the other knobs, the words too common to count
much, and the report an update gives."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from importlib import resources

import yaml

from peacetrack.link.bm25 import BM25Params
from peacetrack.link.tokenize import DEFAULT_KOREAN

STATE_VERSION = 2
COMMON_FILE = "common_terms.yaml"


@dataclass(frozen=True, slots=True)
class FieldWeights:
    """How much one occurrence of a term counts, by the field it occurs in."""

    text: float = 1.0
    keywords: float = 2.0
    themes: float = 0.25
    agreement: float = 0.0
    """Title and aliases of the provision's agreement, counted in the provision itself. By
    default they count through the agreement-level index instead (``agreement_boost``)."""


@dataclass(frozen=True, slots=True)
class IndexConfig:
    korean: str = DEFAULT_KOREAN
    """Korean tokenizer: ``ngram`` (default) or ``kiwi``; ``none`` ignores Hangul."""
    weights: FieldWeights = field(default_factory=FieldWeights)
    bm25: BM25Params = field(default_factory=BM25Params)
    common_weight: float = 0.3
    """How much a query term from the common words counts: the language's (``data/common_terms.yaml``) and
    the case's (``common``)."""
    common: tuple[str, ...] = ()
    """The case's own common words (its processes' ``common_words``: parties, capitals, leaders)."""
    english_bigrams: bool = False
    """Also index adjacent English content words as one term."""
    agreement_boost: float = 1.0
    """Add this times the text's BM25 score against each agreement's title and aliases
    (a separate small index, one document per agreement) to the agreement's provisions."""
    precedent_weight: float = 0.25
    """Add this times the text's BM25 score against the most similar coded event linked to a
    provision (0 ignores precedents)."""
    part_of_weight: float = 0.7
    """A provision scores at least this times the best score of the provisions that are
    ``part_of`` it (0 ignores the relation)."""

    def key(self, tokenizer_name: str) -> str:
        """Identifies everything that shapes stored term counts (not the BM25 parameters)."""
        w = self.weights
        raw = f"{STATE_VERSION}|{tokenizer_name}|{w.text}|{w.keywords}|{w.themes}|{w.agreement}"
        return hashlib.blake2b(raw.encode(), digest_size=8).hexdigest()


@dataclass(frozen=True, slots=True)
class UpdateReport:
    """What an update did: which documents were tokenised, which reused."""

    added: tuple[str, ...] = ()
    changed: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    reused: int = 0
    precedents_tokenised: tuple[str, ...] = ()
    """Events tokenised (new or changed) in this update."""
    precedents_removed: tuple[str, ...] = ()
    precedents: int = 0
    """Events held after the update."""

    @property
    def tokenised(self) -> tuple[str, ...]:
        return self.added + self.changed


def common_words() -> list[str]:
    raw = resources.files("peacetrack.link").joinpath("data", COMMON_FILE).read_text("utf-8")
    data = yaml.safe_load(raw) or {}
    return [str(w) for lang in ("en", "ko") for w in data.get(lang) or []]


__all__ = ["COMMON_FILE", "STATE_VERSION", "FieldWeights", "IndexConfig", "UpdateReport", "common_words"]

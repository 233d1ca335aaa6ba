"""What the link index answers: a text's query against it, and each provision it matches."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt


@dataclass(frozen=True, slots=True)
class Query:
    text: str
    terms: dict[int, list[str]]
    """Term id → the words of the text it came from."""
    scores: npt.NDArray[np.float32]
    event_scores: npt.NDArray[np.float32] = field(default_factory=lambda: np.zeros(0, np.float32))
    """The text's BM25 score against each precedent (in the index's precedent order)."""


@dataclass(frozen=True, slots=True)
class Match:
    row: int
    score: float
    matched: tuple[str, ...]
    precedents: tuple[str, ...] = ()
    """Ids of the coded events linked to this provision that the text resembles most."""


__all__ = ["Match", "Query"]

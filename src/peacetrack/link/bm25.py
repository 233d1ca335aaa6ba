"""A small sparse BM25 that rebuilds incrementally.

Each document is kept as its weighted term frequencies (term ids and counts),
so changing one document re-tokenises only that one: the collection
statistics (document frequencies, average length) and the BM25 weights are
then recomputed for all documents at once with numpy, which takes
milliseconds even for ten thousand documents. Weights are computed eagerly
(as bm25s does), so a query is a sum of a few posting slices.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float32]
IntArray = npt.NDArray[np.int32]


@dataclass(frozen=True, slots=True)
class BM25Params:
    k1: float = 1.2
    b: float = 0.5


@dataclass(slots=True)
class TermCounts:
    """A document's weighted term frequencies, by term id (ids unique, ascending)."""

    ids: IntArray
    tf: FloatArray


@dataclass(slots=True)
class Vocabulary:
    """Term ↔ id. Only grows; a full rebuild starts a fresh one."""

    ids: dict[str, int] = field(default_factory=dict)

    def id(self, term: str) -> int:
        got = self.ids.get(term)
        if got is None:
            got = self.ids[term] = len(self.ids)
        return got

    def get(self, term: str) -> int | None:
        return self.ids.get(term)

    def counts(self, weighted: Mapping[str, float]) -> TermCounts:
        pairs = sorted((self.id(term), w) for term, w in weighted.items() if w > 0)
        return TermCounts(
            np.fromiter((i for i, _ in pairs), dtype=np.int32, count=len(pairs)),
            np.fromiter((w for _, w in pairs), dtype=np.float32, count=len(pairs)),
        )


@dataclass(slots=True)
class Postings:
    """Term-major BM25 weights: for term id t, rows[indptr[t]:indptr[t+1]] and their weights."""

    indptr: npt.NDArray[np.int64]
    rows: IntArray
    weights: FloatArray
    n_docs: int

    def scores(self, term_ids: Iterable[int]) -> FloatArray:
        out = np.zeros(self.n_docs, dtype=np.float32)
        n_terms = len(self.indptr) - 1
        for t in term_ids:
            if 0 <= t < n_terms:
                s, e = self.indptr[t], self.indptr[t + 1]
                out[self.rows[s:e]] += self.weights[s:e]
        return out

    def weight(self, term_id: int, row: int) -> float:
        if not 0 <= term_id < len(self.indptr) - 1:
            return 0.0
        s, e = int(self.indptr[term_id]), int(self.indptr[term_id + 1])
        i = s + int(np.searchsorted(self.rows[s:e], row))
        return float(self.weights[i]) if i < e and self.rows[i] == row else 0.0


def build_postings(docs: list[TermCounts], n_terms: int, params: BM25Params) -> Postings:
    """BM25 weights for every (term, document) pair (Lucene's idf, never negative)."""
    n = len(docs)
    if n == 0:
        return Postings(np.zeros(n_terms + 1, dtype=np.int64), np.zeros(0, np.int32), np.zeros(0, np.float32), 0)
    lengths = np.fromiter((len(d.ids) for d in docs), dtype=np.int64, count=n)
    cols = np.concatenate([d.ids for d in docs]) if n else np.zeros(0, np.int32)
    tf = np.concatenate([d.tf for d in docs]).astype(np.float32)
    rows = np.repeat(np.arange(n, dtype=np.int32), lengths)
    doc_len = np.bincount(rows, weights=tf, minlength=n).astype(np.float32)
    avg = float(doc_len.mean()) or 1.0
    df = np.bincount(cols, minlength=n_terms).astype(np.float32)
    idf = np.log1p((n - df + 0.5) / (df + 0.5)).astype(np.float32)
    norm = params.k1 * (1.0 - params.b + params.b * doc_len / avg)
    weights = idf[cols] * tf * (params.k1 + 1.0) / (tf + norm[rows])
    order = np.argsort(cols, kind="stable")  # rows stay ascending within a term
    counts = np.bincount(cols, minlength=n_terms)
    indptr = np.zeros(n_terms + 1, dtype=np.int64)
    np.cumsum(counts, out=indptr[1:])
    return Postings(indptr, rows[order], weights[order].astype(np.float32), n)

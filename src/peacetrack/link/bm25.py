"""A small sparse BM25 that rebuilds incrementally.

Each document is kept as its weighted term frequencies (term ids and counts),
so changing one document re-tokenises only that one: the collection
statistics (document frequencies, average length) and the BM25 weights are
then recomputed for all documents at once with numpy, which takes
milliseconds even for ten thousand documents. Weights are computed eagerly
(as bm25s does), so a query is a sum of a few posting slices.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float32]
IntArray = npt.NDArray[np.int32]


@dataclass(frozen=True, slots=True)
class BM25Params:
    """Defaults chosen on the dev split of bench/link_gold.yaml (docs/linking.md)."""

    k1: float = 1.2
    b: float = 0.3


@dataclass(slots=True)
class TermCounts:
    """A document's weighted term frequencies, by term id (each id once)."""

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
        ids = self.ids
        # setdefault's default is evaluated first: a new term gets the next id.
        term_ids = [ids.setdefault(term, len(ids)) for term in weighted]
        return TermCounts(
            np.array(term_ids, dtype=np.int32), np.array(list(weighted.values()), dtype=np.float32)
        )


@dataclass(slots=True)
class Postings:
    """Term-major BM25 weights: for term id t, rows[indptr[t]:indptr[t+1]] and their weights."""

    indptr: npt.NDArray[np.int64]
    rows: IntArray
    weights: FloatArray
    n_docs: int
    idf: FloatArray
    norm: FloatArray
    """Per document: k1 * (1 - b + b * length / average length)."""
    k1: float

    def scores(self, term_ids: Sequence[int], query_weights: Sequence[float] | None = None) -> FloatArray:
        """Sum of the weights of ``term_ids`` (each counted once, times its query weight) per document."""
        n_terms = len(self.indptr) - 1
        ids = np.asarray(term_ids, dtype=np.int64)
        qw = (
            np.ones(len(ids), dtype=np.float32)
            if query_weights is None
            else np.asarray(query_weights, np.float32)
        )
        keep = (ids >= 0) & (ids < n_terms)
        ids, qw = ids[keep], qw[keep]
        if ids.size == 0 or self.n_docs == 0:
            return np.zeros(self.n_docs, dtype=np.float32)
        starts = self.indptr[ids]
        lengths = self.indptr[ids + 1] - starts
        total = int(lengths.sum())
        if total == 0:
            return np.zeros(self.n_docs, dtype=np.float32)
        # Positions of every posting of every query term, without a Python loop.
        offsets = np.repeat(starts - (np.cumsum(lengths) - lengths), lengths) + np.arange(total)
        weights = self.weights[offsets] * np.repeat(qw, lengths)
        return np.bincount(self.rows[offsets], weights=weights, minlength=self.n_docs).astype(np.float32)

    def row_weights(self, doc: TermCounts, row: int) -> dict[int, float]:
        """Every term's BM25 weight in one document (to explain a hit)."""
        tf = doc.tf
        w = self.idf[doc.ids] * tf * (self.k1 + 1.0) / (tf + self.norm[row])
        return dict(zip(doc.ids.tolist(), w.tolist(), strict=True))


def build_postings(docs: list[TermCounts], n_terms: int, params: BM25Params) -> Postings:
    """BM25 weights for every (term, document) pair (Lucene's idf, never negative)."""
    n = len(docs)
    empty_f = np.zeros(0, np.float32)
    if n == 0:
        return Postings(
            np.zeros(n_terms + 1, dtype=np.int64),
            np.zeros(0, np.int32),
            empty_f,
            0,
            empty_f,
            empty_f,
            params.k1,
        )
    lengths = np.fromiter((len(d.ids) for d in docs), dtype=np.int64, count=n)
    cols = np.concatenate([d.ids for d in docs])
    tf = np.concatenate([d.tf for d in docs]).astype(np.float32)
    rows = np.repeat(np.arange(n, dtype=np.int32), lengths)
    doc_len = np.bincount(rows, weights=tf, minlength=n).astype(np.float32)
    avg = float(doc_len.mean()) or 1.0
    df = np.bincount(cols, minlength=n_terms).astype(np.float32)
    idf = np.log1p((n - df + 0.5) / (df + 0.5)).astype(np.float32)
    norm = (params.k1 * (1.0 - params.b + params.b * doc_len / avg)).astype(np.float32)
    weights = idf[cols] * tf * (params.k1 + 1.0) / (tf + norm[rows])
    order = np.argsort(cols, kind="stable")  # rows stay ascending within a term
    counts = np.bincount(cols, minlength=n_terms)
    indptr = np.zeros(n_terms + 1, dtype=np.int64)
    np.cumsum(counts, out=indptr[1:])
    return Postings(indptr, rows[order], weights[order].astype(np.float32), n, idf, norm, params.k1)

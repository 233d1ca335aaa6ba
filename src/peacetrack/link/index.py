"""The retrieval index over provisions, rebuilt incrementally.

Each provision's document is tokenised field by field, each field's term
counts scaled by its weight (keywords count more than running text, an
agreement's aliases less, since every provision of the agreement shares them),
and kept under the document's digest. :meth:`LinkIndex.update` re-tokenises
only documents whose digest changed and then recomputes the BM25 weights.

Coded events (:class:`Precedent`) form a third index: a text's BM25 score
against the most similar event linked to a provision is added, scaled by
``precedent_weight``, to that provision's score. Coders' past decisions thus
teach the index the words reports actually use ("blew up", "hotline rang"),
which provision texts rarely contain.

Provisions that carry out another in detail (``part_of``: an article's
sub-clauses and its general clause; an annexed agreement and the clause that
adopts it) lend their score to it: a parent scores at least
``part_of_weight`` times its best child, so "drones crossed the line" brings
the general ban on hostile acts in just behind the no-fly zone.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import Any, TypeVar

import numpy as np

from peacetrack.link.bm25 import BM25Params, Postings, TermCounts, Vocabulary, build_postings
from peacetrack.link.config import IndexConfig, UpdateReport, common_words
from peacetrack.link.documents import ProvisionDoc
from peacetrack.link.matches import Match, Query
from peacetrack.link.precedents import Precedent
from peacetrack.link.state import EventSlot as _EventSlot
from peacetrack.link.state import Slot as _Slot
from peacetrack.link.state import dump_state, load_state
from peacetrack.link.terms import weighted_terms
from peacetrack.link.tokenize import Token, Tokenizer, make_tokenizer

_WORD = re.compile(r"\S+")
_STRIP = "\"'“”‘’()[]{}<>.,;:!?「」『』·…"


_Item = TypeVar("_Item", ProvisionDoc, Precedent)
_Held = TypeVar("_Held", _Slot, _EventSlot)


def _against(
    items: Iterable[_Item], held: dict[str, _Held], what: str
) -> Iterator[tuple[_Item, str, _Held | None]]:
    """Each item with its digest and what the index holds under its id (None: new)."""
    seen: set[str] = set()
    for item in items:
        if item.id in seen:
            raise ValueError(f"{what} {item.id!r} given twice")
        seen.add(item.id)
        yield item, item.digest(), held.get(item.id)


def _common_terms(tokenizer: Tokenizer, case: tuple[str, ...]) -> frozenset[str]:
    """The terms of the language's common words and the case's."""
    return frozenset(term for word in (*common_words(), *case) for term in tokenizer.terms(word))


class LinkIndex:
    """BM25 over provision documents, English and Korean in one index."""

    def __init__(self, config: IndexConfig | None = None, tokenizer: Tokenizer | None = None) -> None:
        self.config = config or IndexConfig()
        self.tokenizer: Tokenizer = tokenizer or make_tokenizer(
            self.config.korean, bigrams=self.config.english_bigrams
        )
        self._vocab = Vocabulary()
        self._slots: dict[str, _Slot] = {}
        self._rows: list[_Slot] = []
        self._row_index: dict[str, int] = {}
        self._postings = build_postings([], 0, self.config.bm25)
        self._row_weights: dict[int, dict[int, float]] = {}
        self._agreement_weights: dict[int, dict[int, float]] = {}
        self._agreement_terms: dict[str, list[str]] = {}
        self._agreement_counts: list[TermCounts] = []
        self._agreement_of_row = np.zeros(0, dtype=np.int64)
        self._agreement_postings = self._postings
        self._events: dict[str, _EventSlot] = {}
        self._event_rows: list[_EventSlot] = []
        self._event_postings = self._postings
        # One edge per (precedent, provision) link: which event row lends to which provision row.
        self._edge_event = np.zeros(0, dtype=np.int64)
        self._edge_row = np.zeros(0, dtype=np.int64)
        # One edge per part_of link: child row → parent row.
        self._child_rows = np.zeros(0, dtype=np.int64)
        self._parent_rows = np.zeros(0, dtype=np.int64)
        self._common_terms = _common_terms(self.tokenizer, self.config.common)

    @classmethod
    def build(
        cls,
        docs: Iterable[ProvisionDoc],
        config: IndexConfig | None = None,
        tokenizer: Tokenizer | None = None,
        precedents: Iterable[Precedent] = (),
    ) -> LinkIndex:
        index = cls(config, tokenizer)
        index.update(docs, precedents)
        return index

    # -- contents -------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._rows)

    @property
    def docs(self) -> list[ProvisionDoc]:
        return [slot.doc for slot in self._rows]

    def doc(self, row: int) -> ProvisionDoc:
        return self._rows[row].doc

    def get(self, provision_id: str) -> ProvisionDoc | None:
        slot = self._slots.get(provision_id)
        return slot.doc if slot else None

    @property
    def precedents(self) -> list[Precedent]:
        return [slot.event for slot in self._event_rows]

    def precedent(self, event_id: str) -> Precedent | None:
        slot = self._events.get(event_id)
        return slot.event if slot else None

    def row_of(self, provision_id: str) -> int | None:
        return self._row_index.get(provision_id)

    @property
    def key(self) -> str:
        return self.config.key(self.tokenizer.name)

    # -- building -------------------------------------------------------------

    def holds(self, docs: list[ProvisionDoc], precedents: list[Precedent]) -> bool:
        """Whether the index holds exactly these provisions and events, unchanged and in this order."""
        if len(docs) != len(self._rows) or len(precedents) != len(self._event_rows):
            return False
        same_docs = all(
            slot.doc.id == doc.id and slot.digest == doc.digest()
            for slot, doc in zip(self._rows, docs, strict=True)
        )
        return same_docs and all(
            slot.event.id == ev.id and slot.digest == ev.digest()
            for slot, ev in zip(self._event_rows, precedents, strict=True)
        )

    def copy(self) -> LinkIndex:
        """A copy to update while readers keep using this one.

        Cheap: :meth:`update` rebinds every attribute it changes rather than
        mutating it, and the vocabulary only grows (postings ignore ids they
        do not know), so the two can share everything.
        """
        twin = object.__new__(LinkIndex)
        twin.__dict__.update(self.__dict__)
        twin._row_weights = {}
        twin._agreement_weights = {}
        return twin

    def with_common(self, words: tuple[str, ...]) -> LinkIndex:
        """This index with the case's common words replaced (a copy; they weigh queries, not documents)."""
        if words == self.config.common:
            return self
        twin = self.copy()
        twin.config = replace(self.config, common=words)
        twin._common_terms = _common_terms(self.tokenizer, words)
        return twin

    def update(self, docs: Iterable[ProvisionDoc], precedents: Iterable[Precedent] = ()) -> UpdateReport:
        """Make the index hold exactly ``docs`` and ``precedents``, tokenising only new or changed ones."""
        shared: dict[Any, Any] = {}
        slots: dict[str, _Slot] = {}
        rows: list[_Slot] = []
        added: list[str] = []
        changed: list[str] = []
        reused = 0
        for doc, digest, old in _against(docs, self._slots, "provision"):
            if old is not None and old.digest == digest:
                slot = _Slot(doc, digest, old.counts)
                reused += 1
            else:
                slot = _Slot(
                    doc,
                    digest,
                    self._vocab.counts(weighted_terms(doc, self.config.weights, self.tokenizer, shared)),
                )
                (changed if old is not None else added).append(doc.id)
            slots[doc.id] = slot
            rows.append(slot)
        removed = tuple(pid for pid in self._slots if pid not in slots)
        self._slots = slots
        self._rows = rows
        self._row_index = {slot.doc.id: i for i, slot in enumerate(rows)}
        family = [
            (i, self._row_index[parent])
            for i, slot in enumerate(rows)
            for parent in slot.doc.part_of
            if parent in self._row_index and parent != slot.doc.id
        ]
        self._child_rows = np.array([c for c, _ in family], dtype=np.int64)
        self._parent_rows = np.array([p for _, p in family], dtype=np.int64)
        self._index_agreements(shared)
        events_tokenised, events_removed = self._index_precedents(precedents)
        self._reweight()
        return UpdateReport(
            tuple(added),
            tuple(changed),
            removed,
            reused,
            events_tokenised,
            events_removed,
            len(self._event_rows),
        )

    def _index_precedents(self, precedents: Iterable[Precedent]) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """Hold exactly ``precedents`` (re-tokenising new or changed ones) and link them to provision rows."""
        terms = self.tokenizer.terms
        slots: dict[str, _EventSlot] = {}
        tokenised: list[str] = []
        for ev, digest, old in _against(precedents, self._events, "event"):
            if old is not None and old.digest == digest:
                slots[ev.id] = _EventSlot(ev, digest, old.counts)
                continue
            counts = Counter(terms(ev.text_en))
            if ev.text_ko:
                counts.update(terms(ev.text_ko))
            slots[ev.id] = _EventSlot(
                ev, digest, self._vocab.counts({k: float(n) for k, n in counts.items()})
            )
            tokenised.append(ev.id)
        removed = tuple(eid for eid in self._events if eid not in slots)
        self._events = slots
        self._event_rows = list(slots.values())
        row_of = self._row_index
        edges = [
            (e, row_of[pid])
            for e, slot in enumerate(self._event_rows)
            for pid in slot.event.provisions
            if pid in row_of
        ]
        self._edge_event = np.array([e for e, _ in edges], dtype=np.int64)
        self._edge_row = np.array([r for _, r in edges], dtype=np.int64)
        return tuple(tokenised), removed

    def _index_agreements(self, shared: dict[Any, Any]) -> None:
        """Agreement-level documents: title and aliases, one per agreement (cheap: few and cached)."""
        order: dict[str, int] = {}
        names: list[tuple[str, ...]] = []
        for slot in self._rows:
            if slot.doc.agreement_id not in order:
                order[slot.doc.agreement_id] = len(order)
                names.append((*slot.doc.agreement_title, *slot.doc.aliases))
        self._agreement_of_row = np.fromiter(
            (order[s.doc.agreement_id] for s in self._rows), dtype=np.int64, count=len(self._rows)
        )
        counts: list[TermCounts] = []
        kept: dict[str, list[str]] = {}
        for texts in names:
            total: Counter[str] = Counter()
            for text in texts:
                got = shared.get(text) or self._agreement_terms.get(text)
                if got is None:
                    got = self.tokenizer.terms(text)
                total.update(got)
                kept[text] = got
            counts.append(self._vocab.counts({t: float(n) for t, n in total.items()}))
        self._agreement_terms = kept
        self._agreement_counts = counts

    def retune(self, bm25: BM25Params, common_weight: float | None = None) -> None:
        """Change the BM25 parameters (and the common-term weight) without re-tokenising."""
        self.config = replace(
            self.config,
            bm25=bm25,
            common_weight=self.config.common_weight if common_weight is None else common_weight,
        )
        self._reweight()

    def _reweight(self) -> None:
        n_terms = len(self._vocab.ids)
        self._postings = build_postings([s.counts for s in self._rows], n_terms, self.config.bm25)
        self._agreement_postings = build_postings(self._agreement_counts, n_terms, self.config.bm25)
        self._event_postings = build_postings([s.counts for s in self._event_rows], n_terms, self.config.bm25)
        self._row_weights = {}
        self._agreement_weights = {}

    # -- querying -------------------------------------------------------------

    def query_tokens(self, text: str) -> list[Token]:
        return self.tokenizer.tokens(text)

    def search(self, text: str, top: int = 5) -> list[Match]:
        """The ``top`` best documents for ``text`` (score > 0), best first."""
        if top <= 0 or not self._rows:
            return []
        query = self.query(text)
        if not query.terms:
            return []
        scores = query.scores
        k = min(top, len(scores))
        best = np.argpartition(-scores, k - 1)[:k] if k < len(scores) else np.arange(len(scores))
        best = best[np.lexsort((best, -scores[best]))]
        out: list[Match] = []
        for row in best.tolist():
            score = float(scores[row])
            if score <= 0:
                break
            like = tuple(ev.id for ev, _ in self.precedents_for(query, row))
            out.append(Match(row, score, self._explain(query, row), like))
        return out

    def query(self, text: str) -> Query:
        """A text's known terms (with the words they came from) and every row's score."""
        words = [(m.start(), m.end()) for m in _WORD.finditer(text)]
        starts = [w[0] for w in words]
        by_id: dict[int, list[str]] = {}
        qweights: dict[int, float] = {}
        common, common_weight = self._common_terms, self.config.common_weight
        for tok in self.query_tokens(text):
            tid = self._vocab.get(tok.term)
            if tid is None:
                continue
            if tid not in qweights:
                qweights[tid] = common_weight if tok.term in common else 1.0
            i = bisect_right(starts, tok.start) - 1
            s, e = words[i] if i >= 0 else (tok.start, tok.end)
            word = text[s:e].strip(_STRIP) or text[tok.start : tok.end]
            by_id.setdefault(tid, []).append(word)
        ids, weights = list(qweights), list(qweights.values())
        scores = self._postings.scores(ids, weights)
        boost = self.config.agreement_boost
        if boost > 0 and len(self._agreement_counts):
            per_agreement = self._agreement_postings.scores(ids, weights)
            scores = scores + boost * per_agreement[self._agreement_of_row]
        lend = self.config.precedent_weight
        per_event = np.zeros(0, dtype=np.float32)
        if lend > 0 and len(self._edge_event):
            per_event = self._event_postings.scores(ids, weights)
            nearest = np.zeros(len(scores), dtype=np.float32)
            np.maximum.at(nearest, self._edge_row, per_event[self._edge_event])
            scores = scores + lend * nearest
        share = self.config.part_of_weight
        if share > 0 and len(self._child_rows):
            best_child = np.zeros(len(scores), dtype=np.float32)
            np.maximum.at(best_child, self._parent_rows, scores[self._child_rows])
            scores = np.maximum(scores, share * best_child)
        return Query(text, by_id, scores, per_event)

    def precedents_for(self, query: Query, row: int, top: int = 3) -> list[tuple[Precedent, float]]:
        """The coded events linked to provision ``row`` that ``query`` resembles most, best first."""
        if not len(query.event_scores):
            return []
        events = self._edge_event[self._edge_row == row]
        found = [(float(query.event_scores[e]), int(e)) for e in events.tolist()]
        found = sorted((x for x in found if x[0] > 0), key=lambda x: (-x[0], x[1]))
        return [(self._event_rows[e].event, score) for score, e in found[:top]]

    def explain(self, text: str, row: int) -> tuple[str, ...]:
        return self._explain(self.query(text), row)

    def _explain(self, query: Query, row: int) -> tuple[str, ...]:
        """The words of the query that matched the document (or its agreement's names), by share of score."""
        weights = self._row_weights.get(row)
        if weights is None:
            weights = self._row_weights[row] = self._postings.row_weights(self._rows[row].counts, row)
        agreement: dict[int, float] = {}
        boost = self.config.agreement_boost
        if boost > 0 and len(self._agreement_counts):
            a = int(self._agreement_of_row[row])
            agreement = self._agreement_weights.get(a) or {}
            if not agreement:
                agreement = self._agreement_weights[a] = self._agreement_postings.row_weights(
                    self._agreement_counts[a], a
                )
        share: dict[str, float] = {}
        for tid, words in query.terms.items():
            w = weights.get(tid, 0.0) + boost * agreement.get(tid, 0.0)
            if w <= 0:
                continue
            for word in words:
                share[word] = share.get(word, 0.0) + w / len(words)
        return tuple(sorted(share, key=lambda word: (-share[word], word)))

    @property
    def postings(self) -> Postings:
        return self._postings

    # -- persistence ----------------------------------------------------------

    def state(self) -> bytes:
        """Term counts by provision and digest, to restore without tokenising."""
        return dump_state(self.key, self._vocab, self._slots, self._events)

    def restore(self, raw: bytes) -> int:
        """Take term counts from :meth:`state` output made with the same settings; how many."""
        return load_state(raw, self.key, self._vocab, self._slots, self._events)

"""Text → the provisions it most likely bears on."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from peacetrack.link.effect import EffectCues, EffectProposal, detect_lang
from peacetrack.link.index import LinkIndex
from peacetrack.link.matches import Match

if TYPE_CHECKING:
    from peacetrack.link.semantic import Reranker


@dataclass(frozen=True, slots=True)
class LinkHit:
    """One provision a text bears on, how strongly, and the words that matched."""

    provision: str
    agreement: str
    ref: str
    score: float
    matched: list[str] = field(default_factory=list)
    text: dict[str, str] = field(default_factory=dict)
    precedents: list[str] = field(default_factory=list)
    """Coded events linked to this provision that the text resembles, most similar first."""

    def as_json(self) -> dict[str, Any]:
        return {
            "provision": self.provision,
            "agreement": self.agreement,
            "ref": self.ref,
            "score": round(self.score, 4),
            "matched": list(self.matched),
            "text": dict(self.text),
            "precedents": list(self.precedents),
        }


def _hit(index: LinkIndex, m: Match, score: float | None = None) -> LinkHit:
    doc = index.doc(m.row)
    return LinkHit(
        provision=doc.id,
        agreement=doc.agreement_id,
        ref=doc.ref,
        score=m.score if score is None else score,
        matched=list(m.matched),
        text=doc.text,
        precedents=list(m.precedents),
    )


def link_text(
    text: str, index: LinkIndex, top: int = 5, *, reranker: Reranker | None = None
) -> list[LinkHit]:
    """The ``top`` provisions ``text`` most likely bears on, best first.

    Scores are BM25 sums (higher is closer; not comparable across texts). With
    a ``reranker``, the best ``reranker.depth`` BM25 candidates are reordered by
    a blend of their BM25 score and semantic similarity, and scores are that
    blend (0-1).
    """
    text = text.strip()
    if not text or top <= 0:
        return []
    if reranker is None:
        return [_hit(index, m) for m in index.search(text, top)]
    candidates = index.search(text, max(top, reranker.depth))
    ranked = reranker.rerank(text, index, candidates)
    return [_hit(index, m, score) for m, score in ranked[:top]]


def link_rows(
    text: str,
    index: LinkIndex,
    top: int = 5,
    *,
    reranker: Reranker | None = None,
    cues: EffectCues | None = None,
) -> list[dict[str, Any]]:
    """The rows of ``peacetrack link --format json`` and ``GET /api/link``: each hit as JSON
    with the effect proposed from the text's cue words (read against the provision).

    Pass a held ``cues`` when linking many texts: compiling the cue file takes tens of
    milliseconds, far more than a link.
    """
    hits = link_text(text, index, top, reranker=reranker)
    if not hits:
        return []
    cues = cues or EffectCues()
    lang = detect_lang(text)
    rows = []
    for hit in hits:
        row = hit.as_json()
        row["effect"] = effect_on(text, hit.provision, index, cues, lang, hit.precedents).as_json()
        rows.append(row)
    return rows


def effect_on(
    text: str,
    provision: str,
    index: LinkIndex,
    cues: EffectCues,
    lang: str | None = None,
    precedents: list[str] | None = None,
) -> EffectProposal:
    """The effect ``text`` proposes on ``provision``: from its cue words, read against the
    provision; with no cue, the effect the most similar coded event had on it.

    A text without a cue word ("Warships talk over the radio channel again")
    usually repeats what a similar earlier event did; with neither, ``mentions``.
    ``precedents`` are the similar events' ids, best first (a hit's), found here if None.
    """
    doc = index.get(provision)
    proposal = cues.propose(text, lang, doc.text_en if doc else None)
    if proposal.cue is not None:
        return proposal
    if precedents is None:
        row = index.row_of(provision)
        found = [] if row is None else index.precedents_for(index.query(text), row, top=1)
        precedents = [ev.id for ev, _ in found]
    for event_id in precedents[:1]:
        like = index.precedent(event_id)
        effect = like.effect_on(provision) if like else None
        if effect:
            return EffectProposal(effect, None, "precedent", cessation=proposal.cessation, precedent=event_id)
    return proposal


def make_linker(
    index: LinkIndex,
    *,
    top: int = 3,
    relative: float = 0.6,
    min_score: float = 0.0,
    reranker: Reranker | None = None,
) -> Callable[[str], list[str]]:
    """A callable for ingest: text → ids of the provisions it bears on.

    Returns at most ``top`` ids: the best hit and those scoring at least
    ``relative`` times the best (and at least ``min_score``), so a text that
    clearly names one provision does not drag in its neighbours.
    """

    def link(text: str) -> list[str]:
        hits = link_text(text, index, top, reranker=reranker)
        if not hits:
            return []
        floor = max(min_score, hits[0].score * relative)
        return [h.provision for h in hits if h.score >= floor]

    return link

"""The optional semantic rerank: tested with a tiny fake encoder, never a real model."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Sequence

import numpy as np

from peacetrack.link import LinkIndex, ProvisionDoc, link_text, make_linker
from peacetrack.link.semantic import Reranker, Vectors, passage


class FakeEncoder:
    """Bag of three concepts → a unit vector; counts how many texts it encoded."""

    AXES = (("family", "families", "reunion"), ("rail", "railway", "road"), ("office", "liaison"))

    def __init__(self) -> None:
        self.encoded = 0

    def encode(self, texts: Sequence[str]) -> Vectors:
        self.encoded += len(texts)
        rows = []
        for text in texts:
            low = text.lower()
            v = np.array([sum(low.count(w) for w in axis) for axis in self.AXES], dtype=np.float32) + 1e-3
            rows.append(v / np.linalg.norm(v))
        return np.stack(rows)


def _index() -> LinkIndex:
    docs = [
        ProvisionDoc(
            id="a/1", agreement_id="a", ref="1", text_en="Open a liaison office for talks in Kaesong."
        ),
        ProvisionDoc(
            id="a/2", agreement_id="a", ref="2", text_en="Hold family reunions after talks in Kaesong."
        ),
        ProvisionDoc(id="a/3", agreement_id="a", ref="3", text_en="Link the railway and road in Kaesong."),
    ]
    return LinkIndex.build(docs)


def test_rerank_reorders_by_meaning_and_caches_vectors() -> None:
    index = _index()
    encoder = FakeEncoder()
    reranker = Reranker(encoder, depth=3, weight=0.9)
    plain = [h.provision for h in link_text("talks in Kaesong about families", index)]
    reranked = link_text("talks in Kaesong about families", index, reranker=reranker)
    assert set(plain) == {h.provision for h in reranked}
    assert reranked[0].provision == "a/2"
    assert all(0.0 <= h.score <= 1.0 + 1e-6 for h in reranked)
    first = encoder.encoded
    link_text("railway in Kaesong", index, reranker=reranker)
    assert encoder.encoded == first + 1  # only the query: provision vectors are cached
    assert make_linker(index, reranker=reranker)("Kaesong liaison office")[0] == "a/1"


def test_rerank_of_nothing() -> None:
    assert link_text("xyzzy", _index(), reranker=Reranker(FakeEncoder())) == []


def test_passage_uses_english_text_and_keywords() -> None:
    doc = ProvisionDoc(id="a/1", agreement_id="a", ref="1", text_en="Text.", keywords=("GP", "감시초소"))
    assert passage(doc) == "Text. Keywords: GP."


def test_core_imports_without_heavy_packages() -> None:
    code = (
        "import sys, peacetrack.link, peacetrack.cli; "
        "from peacetrack.link import LinkIndex, docs_from_bundles, link_text; "
        "i = LinkIndex.build(docs_from_bundles(['@korean-peninsula'])); link_text('연락사무소', i); "
        "heavy = [m for m in ('torch', 'sentence_transformers', 'kiwipiepy') if m in sys.modules]; "
        "print(heavy); sys.exit(1 if heavy else 0)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr

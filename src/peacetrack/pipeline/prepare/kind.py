"""What kind of document this is, by weighted cue words in English and Korean (data/kinds.yaml)."""

from __future__ import annotations

from dataclasses import replace
from itertools import islice
from typing import cast

from peacetrack.pipeline.records import KINDS, Document, Kind
from peacetrack.pipeline.resources import Resources

# Cues in the first pages decide; a long document does not change its kind further on.
_HEAD = 30_000


def kind_scores(text: str, resources: Resources) -> dict[str, float]:
    head = text[:_HEAD]
    scores: dict[str, float] = {}
    for kind, cues in resources.kind_cues.items():
        scores[kind] = sum(
            cue.weight * sum(1 for _ in islice(cue.pattern.finditer(head, 0, cue.within or _HEAD), cue.cap))
            for cue in cues
        )
    return scores


def detect_kind(text: str, resources: Resources) -> Kind:
    scores = kind_scores(text, resources)
    if not scores:
        return "other"
    # Ties go to the kind listed first in KINDS: the more specific kinds come first there.
    best = max(scores, key=lambda kind: (scores[kind], -KINDS.index(cast(Kind, kind))))
    return cast(Kind, best) if scores[best] >= resources.kind_threshold else "other"


def classify(document: Document, resources: Resources) -> Document:
    return replace(document, kind=detect_kind(document.text, resources))

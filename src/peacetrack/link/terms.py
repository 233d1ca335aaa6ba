"""A provision's terms for the index: each field's term counts times the field's weight."""

from __future__ import annotations

from collections import Counter
from typing import Any

from peacetrack.link.config import FieldWeights
from peacetrack.link.documents import ProvisionDoc
from peacetrack.link.tokenize import Tokenizer


def weighted_terms(
    doc: ProvisionDoc, w: FieldWeights, tokenizer: Tokenizer, shared: dict[Any, Any]
) -> dict[str, float]:
    """A document's term frequencies, each field's counts times the field's weight.

    ``shared`` caches the terms of short texts that repeat across documents
    (keywords, theme names, an agreement's names) for the length of one update.
    """
    terms = tokenizer.terms
    main = Counter(terms(doc.text_en))
    if doc.text_ko:
        main.update(terms(doc.text_ko))
    out: dict[str, float] = dict(main) if w.text == 1.0 else {t: n * w.text for t, n in main.items()}
    groups = (
        (w.keywords, doc.keywords, False),
        (w.themes, doc.themes, True),
        (w.agreement, (*doc.agreement_title, *doc.aliases), True),
    )
    for weight, texts, repeated in groups:
        if weight <= 0 or not texts:
            continue
        counts = shared.get(texts) if repeated else None
        if counts is None:
            joined: list[str] = []
            for text in texts:
                got = shared.get(text)
                if got is None:
                    got = shared[text] = terms(text)
                joined.extend(got)
            counts = Counter(joined)
            if repeated:
                shared[texts] = counts
        get = out.get
        for term, n in counts.items():
            out[term] = get(term, 0.0) + n * weight
    return out


__all__ = ["weighted_terms"]

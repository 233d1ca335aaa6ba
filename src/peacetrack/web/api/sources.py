"""Sources as the API gives them: each with its category, its own or its host's."""

from __future__ import annotations

from typing import Any

from peacetrack.model.hosts import category
from peacetrack.model.records import Source


def sources_out(docs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for doc in docs:
        kind = category(Source.model_validate(doc))
        out.append({**doc, "category": kind.value if kind is not None else None})
    return out

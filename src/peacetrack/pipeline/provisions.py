"""Stage 5, link: the hook where a linker plugs in to tie demands and events to provisions.

A linker is any callable from a piece of text to provision ids, best first
(`peacetrack.link` provides one). The default links nothing, so ingest works
before, and without, a linker.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Protocol

from peacetrack.pipeline.records import Document, Extraction


class Linker(Protocol):
    def __call__(self, text: str, /) -> Sequence[str]: ...


def no_links(text: str, /) -> Sequence[str]:
    return []


def link(document: Document, extraction: Extraction, linker: Linker) -> Extraction:
    """Ask the linker about each demand (its sentence) and each event (the sentence it is told in)."""
    statements = tuple(
        replace(s, demands=tuple(replace(d, provisions=tuple(linker(d.text))) for d in s.demands))
        for s in extraction.statements
    )
    text = document.text
    events = tuple(
        replace(e, provisions=tuple(linker(text[e.sentence.start : e.sentence.end])))
        for e in extraction.events
    )
    return replace(extraction, statements=statements, events=events)

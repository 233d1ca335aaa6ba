"""Stage 3, extract: a prepared `Document` in, an `Extraction` (every value with its span) out.

Which extractors run depends on the document's kind: statements for letters
and statements, gatherings for conference reports and programmes; dates,
events and agreement mentions for every document. Actor ids are left empty
here; the resolve stage fills them from the registry.
"""

from __future__ import annotations

from peacetrack.pipeline.clock import Clock
from peacetrack.pipeline.extract.agreements import extract_agreements
from peacetrack.pipeline.extract.dates import DatePhrase, extract_dates
from peacetrack.pipeline.extract.events import extract_events
from peacetrack.pipeline.extract.gatherings import extract_gatherings
from peacetrack.pipeline.extract.relative import relative_dates
from peacetrack.pipeline.extract.statements import extract_statements
from peacetrack.pipeline.records import Document, Extraction, Gathering, Statement
from peacetrack.pipeline.resources import Resources

STATEMENT_KINDS = frozenset({"open_letter", "statement"})
GATHERING_KINDS = frozenset({"conference_report", "programme"})


def extract(document: Document, resources: Resources, clock: Clock | None = None) -> Extraction:
    clock = clock or Clock()
    with clock.stage("extract.dates"):
        phrases: tuple[DatePhrase, ...] = extract_dates(document.text, document.sentences, document.date)
        if document.kind != "programme":  # a programme's "on Tuesday" is still to come
            phrases = _with_relative(document, phrases)
    statements: tuple[Statement, ...] = ()
    gatherings: tuple[Gathering, ...] = ()
    if document.kind in STATEMENT_KINDS:
        with clock.stage("extract.statements"):
            statements = extract_statements(document)
    if document.kind in GATHERING_KINDS:
        with clock.stage("extract.gatherings"):
            gatherings = extract_gatherings(document, phrases, resources)
    with clock.stage("extract.events"):
        events = extract_events(document, phrases, resources)
    with clock.stage("extract.agreements"):
        agreements = extract_agreements(document.text, resources)
    return Extraction(
        dates=tuple(value for phrase in phrases for value in phrase.values),
        statements=statements,
        gatherings=gatherings,
        events=events,
        agreements=agreements,
    )


def _with_relative(document: Document, phrases: tuple[DatePhrase, ...]) -> tuple[DatePhrase, ...]:
    """The absolute phrases and the relative dates ("on Tuesday", "지난 9일") in one text-ordered list."""
    taken = [(phrase.start, phrase.end) for phrase in phrases]
    relative = [
        DatePhrase(value.mark.start, value.mark.end, (value,))
        for value in relative_dates(document.text, document.date, taken)
    ]
    if not relative:
        return phrases
    return tuple(sorted((*phrases, *relative), key=lambda phrase: phrase.start))


__all__ = ["GATHERING_KINDS", "STATEMENT_KINDS", "extract"]

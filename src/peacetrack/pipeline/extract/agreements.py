"""Mentions of agreements, mapped to agreement ids by the patterns in data/agreements.yaml."""

from __future__ import annotations

from peacetrack.pipeline.records import AgreementMention, Extractor, Mark
from peacetrack.pipeline.resources import Resources

EXTRACTOR = Extractor("agreements", "1.0")


def extract_agreements(text: str, resources: Resources) -> tuple[AgreementMention, ...]:
    """Every mention, in text order; where patterns overlap the longest match wins."""
    found: list[tuple[int, int, str]] = []
    for entry in resources.agreements:
        for match in entry.pattern.finditer(text):
            if match.end() > match.start():
                found.append((match.start(), match.end(), entry.agreement_id(match)))
    found.sort(key=lambda hit: (-(hit[1] - hit[0]), hit[0]))
    taken: list[tuple[int, int, str]] = []
    for start, end, agreement in found:
        if all(end <= a or start >= b for a, b, _ in taken):
            taken.append((start, end, agreement))
    taken.sort()
    return tuple(AgreementMention(agreement, Mark(a, b, text[a:b], EXTRACTOR)) for a, b, agreement in taken)

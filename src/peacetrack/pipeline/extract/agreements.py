"""Mentions of agreements, mapped to agreement ids: by the names of the agreements the store (or the
bundle ingested against) holds (`agreement_names`), and by the language rules of data/agreements.yaml."""

from __future__ import annotations

from peacetrack.pipeline.records import AgreementMention, Extractor, Mark
from peacetrack.pipeline.resources import Resources

EXTRACTOR = Extractor("agreements", "1.0")


def extract_agreements(text: str, resources: Resources) -> tuple[AgreementMention, ...]:
    """Every mention, in text order; where matches overlap, the one that starts first (then the longest)."""
    found: list[tuple[int, int, str]] = []
    folded = text.casefold()
    for entry in resources.agreements:
        if not entry.may_occur(folded):
            continue
        for match in entry.pattern.finditer(text):
            if match.end() > match.start():
                found.append((match.start(), match.end(), entry.agreement_id(match)))
    # Leftmost, then longest: a full title is taken whole, not as the shorter name inside it.
    found.sort(key=lambda hit: (hit[0], -(hit[1] - hit[0])))
    taken: list[tuple[int, int, str]] = []
    for start, end, agreement in found:
        if not taken or start >= taken[-1][1]:
            taken.append((start, end, agreement))
    return tuple(AgreementMention(agreement, Mark(a, b, text[a:b], EXTRACTOR)) for a, b, agreement in taken)

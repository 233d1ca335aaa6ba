"""The way forward (issue 17): each party's open ledger, and reciprocal steps paired by size.

Pure: it reads a scoring :class:`~peacetrack.scoring.Index` and a few facts about
provisions and events, never the database. ``peacetrack.forward.load`` fills those
from the store; the method is in ``docs/forward.md``.
"""

from peacetrack.forward.ledger import EventFacts, LedgerItem, ProvisionFacts, ledger
from peacetrack.forward.packages import Package, Step, packages, steps_of
from peacetrack.forward.rules import Rules, load_rules

__all__ = [
    "EventFacts",
    "LedgerItem",
    "Package",
    "ProvisionFacts",
    "Rules",
    "Step",
    "ledger",
    "load_rules",
    "packages",
    "steps_of",
]

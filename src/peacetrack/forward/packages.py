"""Reciprocal steps: each party's possible steps, sized by the rules, paired across counterparts."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import combinations
from typing import Literal

from peacetrack.forward.ledger import LedgerItem
from peacetrack.forward.rules import Rules, Tier

StepKind = Literal["restore", "start", "complete"]


@dataclass(frozen=True, slots=True)
class Step:
    party: str
    tier: Tier
    item: LedgerItem
    to: int
    size: float
    kind: StepKind
    """restore: back to levels it held; start: a first level of a provision never begun;
    complete: beyond any level it ever reached."""
    years_fallen: float

    @property
    def provision(self) -> str:
        return self.item.provision

    @property
    def level(self) -> int:
        return self.item.level


@dataclass(frozen=True, slots=True)
class Package:
    tier: Tier
    steps: tuple[Step, ...]
    size: float
    balance: float
    """The smaller step's size over the larger's: 1 is an even exchange."""
    shared_themes: tuple[str, ...]


def _size(item: LedgerItem, to: int, rules: Rules, as_of: date) -> tuple[float, float]:
    """(size of moving ``item`` to level ``to``, years it has lain fallen)."""
    r = rules.step
    years = 0.0
    if item.fell_on is not None:
        years = min((as_of - item.fell_on).days / 365.25, r.max_years_fallen)
    weight = rules.theme_weight(item.themes) * r.per_level
    size = 0.0
    for level in range(item.level + 1, to + 1):
        if level <= item.peak:
            size += weight * r.restoration * (1 + r.per_year_fallen * years)
        else:
            size += weight * r.first_time
    if item.overdue:
        size *= r.overdue
    return size, years


def _target(item: LedgerItem, tier: Tier) -> int:
    if tier == "first":
        return item.level + 1
    return item.peak if item.status == "reversed" else 3


def _kind(item: LedgerItem, to: int) -> StepKind:
    if to <= item.peak:
        return "restore"
    return "start" if item.peak == 0 and to == 1 else "complete"


def steps_of(
    ledger: Mapping[str, Sequence[LedgerItem]], tier: Tier, rules: Rules, as_of: date
) -> dict[str, list[Step]]:
    """Per party, the step of each of its ledger items in ``tier``.

    A reversed provision is the step of the parties whose acts undid it; a
    pending one is a step of each party responsible for it.
    """
    out: dict[str, list[Step]] = {}
    for party, items in ledger.items():
        for item in items:
            if item.status == "reversed" and party not in item.undone_by:
                continue
            to = _target(item, tier)
            size, years = _size(item, to, rules, as_of)
            out.setdefault(party, []).append(
                Step(party, tier, item, to, round(size, 3), _kind(item, to), years)
            )
    return out


@dataclass(frozen=True, slots=True)
class Counterparts:
    a: str
    b: str
    agreements: frozenset[str]
    """Agreements in which the two answer together for at least one open provision."""
    shared: int
    """How many open provisions the two answer for together."""


def counterparts(ledger: Mapping[str, Sequence[LedgerItem]]) -> list[Counterparts]:
    """Pairs of parties that answer together for open provisions, the pair sharing most first."""
    shared: dict[tuple[str, str], set[str]] = {}
    agreements: dict[tuple[str, str], set[str]] = {}
    for items in ledger.values():
        for item in items:
            for a, b in combinations(sorted(set(item.responsible)), 2):
                shared.setdefault((a, b), set()).add(item.provision)
                agreements.setdefault((a, b), set()).add(item.agreement)
    return [
        Counterparts(a, b, frozenset(agreements[a, b]), len(shared[a, b]))
        for a, b in sorted(shared, key=lambda pair: (-len(shared[pair]), pair))
    ]


def packages(
    ledger: Mapping[str, Sequence[LedgerItem]],
    rules: Rules,
    as_of: date,
    *,
    party: str | None = None,
) -> list[Package]:
    """Pairs of steps by two counterpart parties, of comparable size.

    In order: by pair of parties (those sharing the most open provisions
    first), then by tier, then smallest first. Each provision is proposed once
    per pair of parties across the tiers (a provision both answer for would
    otherwise come back as the mirror of a package), and the two steps of a
    package are on different provisions. ``party`` keeps the packages it takes
    part in. A step is drawn only from the agreements in which the two parties
    answer together, and a party's step is offered in one package only.
    """
    chosen: list[Package] = []
    offered: set[tuple[str, str]] = set()
    steps = {tier: steps_of(ledger, tier, rules, as_of) for tier in rules.pairing.tiers}
    for pair in counterparts(ledger):
        a, b = pair.a, pair.b
        if party is not None and party not in (a, b):
            continue
        used: set[str] = set()
        for tier in rules.pairing.tiers:
            candidates = [
                package
                for sa in steps[tier].get(a, ())
                if sa.item.agreement in pair.agreements
                for sb in steps[tier].get(b, ())
                if sb.item.agreement in pair.agreements
                and (package := _pair(sa, sb, tier, rules)) is not None
            ]
            candidates.sort(key=lambda p: (p.size, -p.balance, p.steps[0].provision, p.steps[1].provision))
            taken = 0
            for package in candidates:
                if taken >= rules.pairing.per_tier:
                    break
                keys = [s.provision for s in package.steps]
                parts = [(s.party, s.provision) for s in package.steps]
                if any(k in used for k in keys) or any(k in offered for k in parts):
                    continue
                used.update(keys)
                offered.update(parts)
                chosen.append(package)
                taken += 1
    return chosen


def _pair(sa: Step, sb: Step, tier: Tier, rules: Rules) -> Package | None:
    if sa.provision == sb.provision or sa.size <= 0 or sb.size <= 0:
        return None
    small, large = sorted((sa.size, sb.size))
    balance = small / large
    if balance < rules.pairing.min_balance:
        return None
    shared = tuple(sorted(set(sa.item.themes) & set(sb.item.themes)))
    size = sa.size + sb.size
    if not shared:
        size *= rules.pairing.unrelated_themes
    return Package(tier, (sa, sb), round(size, 3), round(balance, 3), shared)

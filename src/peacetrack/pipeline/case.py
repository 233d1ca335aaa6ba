"""The engine's resources with a case's own data: the names of its agreements and its places.

The engine carries what belongs to a language (cue words, date words, the world's large cities); what
belongs to one peace process (that "9·19 군사합의" is an agreement, that 파주 and Paju are one town) comes
from the records a store or a bundle holds, so another process needs no change to the engine.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from peacetrack.model.records import Agreement, Place, Process
from peacetrack.pipeline.agreement_names import name_patterns
from peacetrack.pipeline.resources import Resources, place_pattern


def canonical(place: Place) -> str:
    """The name records give a place: its English one, else the first it has."""
    return place.name.get("en") or next(iter(place.name.values()))


def place_names(processes: Iterable[Process]) -> dict[str, str]:
    """Every spelling of every place of these processes, to the name records give it."""
    found: dict[str, str] = {}
    for process in processes:
        for place in process.places:
            name = canonical(place)
            for spelling in (*place.name.values(), *place.aliases):
                found.setdefault(" ".join(spelling.split()), name)
    return found


def knowing(
    resources: Resources, agreements: Iterable[Agreement], processes: Iterable[Process] = ()
) -> Resources:
    """The engine's resources that also find these agreements by their names and these processes' places
    (a store's, a bundle's)."""
    resources = replace(resources, agreements=(*resources.agreements, *name_patterns(agreements)))
    own = place_names(processes)
    if not own:
        return resources
    places = {**resources.places, **own}
    return replace(resources, places=places, place_pattern=place_pattern(places))


__all__ = ["canonical", "knowing", "place_names"]

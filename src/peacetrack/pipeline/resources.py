"""The engine's reference data (cue words, a language rule for agreement names, the world's cities), loaded
from YAML. A case's own names (its agreements, its places) come from its data: see pipeline/case.py.

Kept as data so that adding a name or a cue is an edit to a reviewable file,
not to code. Loaded once per `Pipeline` and passed down; nothing is global.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

import yaml

from peacetrack.model.codebook import EventType

_FLAGS = re.IGNORECASE | re.MULTILINE


@dataclass(frozen=True, slots=True)
class KindCue:
    pattern: re.Pattern[str]
    weight: float
    cap: int
    within: int | None = None  # only in the first `within` characters (a title, a tag such as "[성명]")


@dataclass(frozen=True, slots=True)
class AgreementPattern:
    pattern: re.Pattern[str]
    agreement: str | None
    template: str | None
    keywords: tuple[str, ...] = ()

    def may_occur(self, folded: str) -> bool:
        """Whether a match is possible in the casefolded text (no keywords: always)."""
        return not self.keywords or any(word in folded for word in self.keywords)

    def agreement_id(self, match: re.Match[str]) -> str:
        if self.agreement is not None:
            return self.agreement
        assert self.template is not None
        return self.template.format(**match.groupdict())


@dataclass(frozen=True, slots=True)
class EventCue:
    type: str
    pattern: re.Pattern[str]


@dataclass(frozen=True, slots=True)
class Resources:
    kind_cues: Mapping[str, tuple[KindCue, ...]]
    kind_threshold: float
    agreements: tuple[AgreementPattern, ...]
    event_cues: tuple[EventCue, ...]
    places: Mapping[str, str]
    place_pattern: re.Pattern[str]


def _yaml(folder: Traversable | Path, name: str) -> dict[str, Any]:
    loaded = yaml.safe_load(folder.joinpath(name).read_text(encoding="utf-8"))
    if not isinstance(loaded, dict):
        raise ValueError(f"{name}: expected a mapping at the top level")
    return loaded


def _kind_cues(raw: dict[str, Any]) -> dict[str, tuple[KindCue, ...]]:
    return {
        kind: tuple(
            KindCue(
                re.compile(cue["pattern"], _FLAGS),
                float(cue.get("weight", 1)),
                int(cue.get("cap", 3)),
                int(cue["within"]) if "within" in cue else None,
            )
            for cue in cues
        )
        for kind, cues in raw["kinds"].items()
    }


def _agreements(raw: dict[str, Any]) -> tuple[AgreementPattern, ...]:
    found = []
    for entry in raw["agreements"]:
        keywords = tuple(str(word).casefold() for word in entry.get("keywords", ()))
        for pattern in entry["patterns"]:
            compiled = re.compile(pattern, re.IGNORECASE)
            found.append(AgreementPattern(compiled, entry.get("id"), entry.get("template"), keywords))
    return tuple(found)


def _event_cues(raw: dict[str, Any]) -> tuple[EventCue, ...]:
    cues: list[EventCue] = []
    for entry in raw["events"]:
        kind = EventType(entry["type"]).value  # fail loudly on a type the codebook lacks
        cues.extend(EventCue(kind, re.compile(pattern, re.IGNORECASE)) for pattern in entry["patterns"])
    return tuple(cues)


def _places(raw: dict[str, Any]) -> dict[str, str]:
    return {name: canonical for canonical, names in raw["places"].items() for name in names}


def place_pattern(places: Iterable[str]) -> re.Pattern[str]:
    """Any of these names, longest first, as a word of its own."""
    alternatives = "|".join(re.escape(name) for name in sorted(places, key=len, reverse=True))
    # Latin names need word edges; Hangul names take particles right after them. A name that begins an
    # agreement's ("판문점선언", "the Panmunjom Declaration", "Singapore Joint Statement") names no place.
    return re.compile(rf"(?<![\w])(?:{alternatives})(?![A-Za-z])(?!\s*(?:{_AGREEMENT_AFTER}))")


_AGREEMENT_AFTER = (
    r"(?:공동)?선언|합의서|(?:Joint\s+)?Declaration|Joint\s+(?:Statement|Communiqu)|Agreement|Accords?"
)


def load_resources(folder: Traversable | Path | None = None) -> Resources:
    """Read the YAML files from `folder` (default: the package's own data)."""
    where = folder if folder is not None else resources.files("peacetrack.pipeline.data")
    kinds = _yaml(where, "kinds.yaml")
    places = _places(_yaml(where, "places.yaml"))
    return Resources(
        kind_cues=_kind_cues(kinds),
        kind_threshold=float(kinds.get("threshold", 3)),
        agreements=_agreements(_yaml(where, "agreements.yaml")),
        event_cues=_event_cues(_yaml(where, "events.yaml")),
        places=places,
        place_pattern=place_pattern(places),
    )

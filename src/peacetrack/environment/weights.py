"""The codebook of weights, read from data, and the weight of one event with its reasons."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from peacetrack.errors import BadInput, Problem, json_path
from peacetrack.model.codebook import ActorKind, Effect, EventType

DEFAULT_WEIGHTS = Path(__file__).resolve().parent / "data" / "weights.yaml"
SCALE = 10.0
"""Weights run from −10 (most conflictual) to +10 (most cooperative), as Goldstein's scale does."""

By = Literal["day", "week", "month"]

Weight = float


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class TypeWeight(_Strict):
    weight: float = Field(ge=-SCALE, le=SCALE)
    alone: bool = False


class WordRule(_Strict):
    types: tuple[EventType, ...] = Field(min_length=1)
    match: str
    weight: float = Field(ge=-SCALE, le=SCALE)
    why: str

    @field_validator("match")
    @classmethod
    def _compiles(cls, value: str) -> str:
        try:
            re.compile(value)
        except re.error as exc:
            raise ValueError(f"not a regular expression: {exc}") from None
        return value


class Thin(_Strict):
    day: int = Field(ge=1)
    week: int = Field(ge=1)
    month: int = Field(ge=1)


class Weights(_Strict):
    types: dict[EventType, TypeWeight]
    effects: dict[Effect, float]
    words: tuple[WordRule, ...] = ()
    actors: dict[ActorKind, float]
    thin: Thin

    @field_validator("types")
    @classmethod
    def _every_type(cls, value: dict[EventType, TypeWeight]) -> dict[EventType, TypeWeight]:
        missing = [t.value for t in EventType if t not in value]
        if missing:
            raise ValueError(f"every event type needs a weight; missing: {', '.join(missing)}")
        return value

    @field_validator("effects")
    @classmethod
    def _every_effect(cls, value: dict[Effect, float]) -> dict[Effect, float]:
        missing = [e.value for e in Effect if e not in value]
        if missing:
            raise ValueError(f"every effect needs a shift; missing: {', '.join(missing)}")
        return value


def load_weights(path: Path | None = None) -> Weights:
    """The codebook in ``path`` (default: the bundled one); BadInput naming each wrong field."""
    where = path or DEFAULT_WEIGHTS
    try:
        raw = yaml.safe_load(where.read_text(encoding="utf-8"))
    except OSError as exc:
        raise BadInput(
            [Problem(str(where), "$", f"cannot read the weights: {exc.strerror or exc}")]
        ) from None
    except yaml.YAMLError as exc:
        raise BadInput([Problem(str(where), "$", f"not YAML: {exc}")]) from None
    try:
        return Weights.model_validate(raw)
    except ValidationError as exc:
        raise BadInput([Problem(str(where), json_path(e["loc"]), e["msg"]) for e in exc.errors()]) from None


@dataclass(frozen=True, slots=True)
class Weighing:
    """An event's weight and how it was reached."""

    weight: Weight
    base: float
    rule: str | None
    """The `why` of the words rule that set the base, if one did."""
    effect: str | None
    """The effect that shifted the weight (the strongest of the event's)."""
    shift: float
    factor: float


class Weigher:
    """Weighs events by the codebook; built once, then called for each event (the rules compiled once)."""

    def __init__(self, weights: Weights) -> None:
        self.weights = weights
        self._rules: dict[str, list[tuple[re.Pattern[str], WordRule]]] = {}
        for rule in weights.words:
            pattern = re.compile(rule.match, re.IGNORECASE)
            for t in rule.types:
                self._rules.setdefault(t.value, []).append((pattern, rule))
        self._types = {t.value: w for t, w in weights.types.items()}
        self._effects = {e.value: s for e, s in weights.effects.items()}
        self._kinds = {k.value: f for k, f in weights.actors.items()}

    def alone(self, event_type: str) -> bool:
        found = self._types.get(event_type)
        return bool(found and found.alone)

    def weigh(
        self, event_type: str, title: str, effects: tuple[str, ...], kinds: tuple[str, ...]
    ) -> Weighing:
        # Called once per event of the store: plain comparisons, no min/max calls (a third of the time).
        typed = self._types.get(event_type)
        base = typed.weight if typed is not None else 0.0
        rule_why: str | None = None
        for pattern, rule in self._rules.get(event_type, ()):
            if pattern.search(title):
                base, rule_why = rule.weight, rule.why
                break
        effect: str | None = None
        shift = 0.0
        for e in effects:
            s = self._effects.get(e, 0.0)
            # The strongest effect counts; on a tie the conflictual one (a breach outweighs words).
            if effect is None or abs(s) > abs(shift) or (abs(s) == abs(shift) and s < shift):
                effect, shift = e, s
        factor = 1.0
        if kinds:
            factor = -1.0
            for k in kinds:
                f = self._kinds.get(k, 1.0)
                if f > factor:
                    factor = f
        weight = _clip(_clip(base + shift) * factor)
        return Weighing(round(weight, 3), base, rule_why, effect, shift, factor)


def _clip(value: float) -> float:
    return SCALE if value > SCALE else -SCALE if value < -SCALE else value

"""The way-forward weights, read from data (``data/rules.yaml`` or a file of the user's)."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from peacetrack.errors import BadInput, Problem, json_path

DEFAULT_RULES = Path(__file__).resolve().parent / "data" / "rules.yaml"

Tier = Literal["first", "full"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class StepRules(_Strict):
    per_level: float = Field(gt=0)
    restoration: float = Field(gt=0)
    first_time: float = Field(gt=0)
    per_year_fallen: float = Field(ge=0)
    max_years_fallen: float = Field(ge=0)
    overdue: float = Field(gt=0)


class PairingRules(_Strict):
    min_balance: float = Field(gt=0, le=1)
    unrelated_themes: float = Field(ge=1)
    tiers: tuple[Tier, ...] = Field(min_length=1)
    per_tier: int = Field(ge=1, le=100)


class Rules(_Strict):
    step: StepRules
    themes: dict[str, float]
    pairing: PairingRules

    @field_validator("themes")
    @classmethod
    def _themes(cls, themes: dict[str, float]) -> dict[str, float]:
        if "default" not in themes:
            raise ValueError("themes needs a 'default' weight")
        bad = sorted(k for k, v in themes.items() if v <= 0)
        if bad:
            raise ValueError(f"theme weights must be positive: {', '.join(bad)}")
        return themes

    def theme_weight(self, themes: tuple[str, ...]) -> float:
        """The largest weight among ``themes`` (a provision's themes and their parents)."""
        known = [self.themes[t] for t in themes if t in self.themes]
        return max(known) if known else self.themes["default"]


def load_rules(path: Path | None = None) -> Rules:
    """The rules in ``path`` (default: the bundled ones); BadInput naming each wrong field."""
    where = path or DEFAULT_RULES
    try:
        raw = yaml.safe_load(where.read_text(encoding="utf-8"))
    except OSError as exc:
        raise BadInput([Problem(str(where), "$", f"cannot read the rules: {exc.strerror or exc}")]) from None
    except yaml.YAMLError as exc:
        raise BadInput([Problem(str(where), "$", f"not YAML: {exc}")]) from None
    try:
        return Rules.model_validate(raw)
    except ValidationError as exc:
        problems = [Problem(str(where), json_path(err["loc"]), err["msg"]) for err in exc.errors()]
        raise BadInput(problems) from None

"""The application's errors: bad input, reported all at once with file, place and reason (exit 2, 422)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Problem:
    file: str
    path: str  # a JSON path such as $.events[3].date
    reason: str

    def __str__(self) -> str:
        return f"{self.file}: {self.path}: {self.reason}"


class BadInput(Exception):
    """Input that cannot be accepted; carries every problem found (exit code 2)."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = list(problems)
        super().__init__(self.summary())

    def summary(self) -> str:
        n = len(self.problems)
        first = str(self.problems[0]) if self.problems else "bad input"
        return first if n == 1 else f"{first} (and {n - 1} more problem{'s' if n > 2 else ''})"


def json_path(parts: Sequence[str | int]) -> str:
    out = "$"
    for part in parts:
        out += f"[{part}]" if isinstance(part, int) else f".{part}"
    return out

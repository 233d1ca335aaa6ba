"""Tables and checks the score, provision and release commands share."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated

import typer
from rich.table import Table
from rich.text import Text

from peacetrack.cli.options import bad as _bad
from peacetrack.model.codebook import level_label
from peacetrack.model.languages import Lang
from peacetrack.scoring import (
    By,
    ScoreRow,
)
from peacetrack.scoring.inputs import Freq, check_by, check_freq

# --- shared options and checks ---------------------------------------------------------------

ByOption = Annotated[
    str,
    typer.Option(
        "--by", metavar="agreement|theme|party", help="Group provisions by agreement, theme or party."
    ),
]


def parse_by(value: str) -> By:
    try:
        return check_by(value)
    except ValueError as exc:
        raise _bad("--by", str(exc)) from None


def parse_freq(value: str) -> Freq:
    try:
        return check_freq(value)
    except ValueError as exc:
        raise _bad("--series", str(exc)) from None


def label_columns(table: Table, *names: str, right: Sequence[str] = ()) -> None:
    for name in names:
        table.add_column(name, justify="right" if name in right else "left", overflow="fold")


_LEVELS_CAPTION = "levels: " + ", ".join(f"{n} {level_label(n)}" for n in range(4))


def levels_caption(lang: Lang) -> str:
    if lang == "en":
        return _LEVELS_CAPTION
    return "levels: " + ", ".join(f"{n} {level_label(n, lang)}" for n in range(4))


def score_table(title: str, by: By, rows: Sequence[ScoreRow], labels: dict[str, str], lang: Lang) -> Table:
    """On a narrow terminal the key and its title or name wrap, never the numbers."""
    table = Table(title=title, caption=levels_caption(lang))
    table.add_column(by, overflow="fold", min_width=8)
    table.add_column("title" if by == "agreement" else "name", overflow="fold", min_width=8)
    for name in ("score", "provisions", "reversed", "0", "1", "2", "3"):
        table.add_column(name, justify="right", no_wrap=True, min_width=len(name))
    for row in rows:
        table.add_row(
            row.key,
            labels.get(row.key, ""),
            f"{row.score:.1f}",
            str(row.provisions),
            Text(str(row.reversed), style="bold red" if row.reversed else ""),
            *(str(row.levels[k]) for k in ("0", "1", "2", "3")),
        )
    return table


def short(text: str, limit: int = 100) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def fmt_score(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f}"

"""peacetrack provision history: one provision's implementation history on the command line."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table
from rich.text import Text

from peacetrack.cli.common import (
    DbOption,
    FormatOption,
    OutputFormat,
    print_json,
    stdout,
)
from peacetrack.cli.options import LangOption
from peacetrack.cli.options import bad as _bad
from peacetrack.cli.options import day as _day
from peacetrack.cli.options import lang as _lang
from peacetrack.cli.options import opened as _opened
from peacetrack.cli.score_tables import (
    label_columns,
)
from peacetrack.model.codebook import level_label
from peacetrack.scoring import (
    HistoryEntry,
    history,
    state,
)
from peacetrack.store.scoring_reads import (
    event_titles,
    load_index,
    provision_texts,
)

# --- peacetrack provision history ------------------------------------------------------------------

provision_app = typer.Typer(help="One provision at a time: its implementation history.", no_args_is_help=True)


@provision_app.callback()
def _provision() -> None:
    """One provision at a time: its implementation history."""


def _direction(entry: HistoryEntry) -> str:
    if entry.level > entry.previous:
        return "rose"
    if entry.level < entry.previous:
        return "fell"
    return "unchanged"


@provision_app.command("history")
def provision_history(
    ctx: typer.Context,
    provision: Annotated[str, typer.Argument(metavar="ID", help="Provision id, e.g. panmunjom-2018/1.3.")],
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of",
            metavar="DATE",
            help="Show the history up to this date and the state on it. Default: today.",
        ),
    ] = None,
    superseded: Annotated[
        bool,
        typer.Option(
            "--superseded",
            help="Also list same-day assessments overtaken by one recorded later (never in effect).",
        ),
    ] = False,
    fmt: FormatOption = OutputFormat.table,
    lang: LangOption = "en",
    db: DbOption = None,
) -> None:
    """Every assessment of a provision: date, level change, evidence (event ids, titles), note, reversals."""
    language = _lang(lang)
    day = _day(as_of, "--as-of")
    with _opened(ctx, db) as store, store.read() as conn:
        info = provision_texts(conn, [provision], language).get(provision)
        if info is None:
            raise _bad(provision, "no such provision")
        index = load_index(conn, lang=language)
        entries = history(index, provision, until=day, include_superseded=superseded)
        titles = event_titles(conn, {e for entry in entries for e in entry.evidence}, language)
    now_state = state(index, provision, day)
    counted = day >= info.signed
    if fmt is OutputFormat.json:
        print_json(
            {
                "provision": provision,
                "agreement": info.agreement,
                "ref": info.ref,
                "text": info.text,
                "as_of": day.isoformat(),
                "level": now_state.level,
                "peak": now_state.peak,
                "reversed": now_state.reversed,
                "counted": counted,
                "history": [
                    {
                        "as_of": entry.as_of.isoformat(),
                        "level": entry.level,
                        "previous": entry.previous,
                        "change": _direction(entry),
                        "peak": entry.peak,
                        "reversed": entry.reversed,
                        "superseded": entry.superseded,
                        "evidence": [{"id": e, "title": titles.get(e)} for e in entry.evidence],
                        "note": entry.note,
                    }
                    for entry in entries
                ],
            }
        )
        return
    status = f"level {now_state.level} ({level_label(now_state.level, language)}), peak {now_state.peak}"
    if now_state.reversed:
        status += ", REVERSED"
    if not counted:
        status += f"; {info.agreement} not signed until {info.signed}: counts in no score yet"
    table = Table(title=f"{provision}: {info.text}", caption=f"as of {day}: {status}")
    label_columns(table, "as of", "level", "change", "evidence", "note")
    for entry in entries:
        if entry.superseded:
            change = Text("superseded (same-day correction)", style="dim")
        elif entry.reversed:
            change = Text(f"{_direction(entry)}, REVERSED (peak {entry.peak})", style="bold red")
        else:
            change = Text(_direction(entry), style="green" if entry.level > entry.previous else "")
        evidence = "\n".join(f"{e} — {titles[e]}" if e in titles else e for e in entry.evidence)
        table.add_row(
            entry.as_of.isoformat(), f"{entry.previous} → {entry.level}", change, evidence, entry.note or ""
        )
    if not entries:
        table.caption = f"no assessment up to {day}: level 0 ({level_label(0, language)})"
    stdout().print(table)

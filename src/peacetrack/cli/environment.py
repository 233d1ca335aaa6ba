"""`peacetrack environment`: the index of tension and cooperation (docs/environment.md)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table
from rich.text import Text

from peacetrack.cli.common import DbOption, FormatOption, OutputFormat, print_json, stdout
from peacetrack.cli.options import LangOption, day, lang, opened
from peacetrack.environment.service import (
    Climate,
    behind,
    behind_json,
    climate,
    index_rows,
    row_json,
    versus_json,
)
from peacetrack.environment.weights import load_weights
from peacetrack.store.scoring_reads import load_index

environment_app = typer.Typer(
    name="environment",
    help="The security environment: an index of cooperation minus conflict, from the record's events.",
    no_args_is_help=False,
)

WeightsOption = Annotated[
    Path | None,
    typer.Option("--weights", metavar="FILE", help="A codebook of weights instead of the bundled one."),
]


def _climate(ctx: typer.Context, db: str | None, language: str, weights: Path | None) -> Climate:
    chosen = load_weights(weights) if weights is not None else None
    with opened(ctx, db) as store, store.read() as conn:
        return climate(conn, lang=lang(language), weights=chosen)


def _cell(value: float | None, thin: bool) -> Text:
    if value is None:
        return Text("–", style="dim")
    style = "dim" if thin else ("green" if value > 0 else "red" if value < 0 else "")
    return Text(f"{value:+.1f}", style=style)


@environment_app.callback(invoke_without_command=True)
def environment(
    ctx: typer.Context,
    dyad: Annotated[
        str | None,
        typer.Option(
            "--dyad", metavar="A-B", help="One pair of actors (kor-prk). Default: the parties' own pairs."
        ),
    ] = None,
    by: Annotated[str, typer.Option("--by", metavar="day|week|month", help="The period.")] = "month",
    start: Annotated[
        str | None, typer.Option("--from", metavar="DATE", help="First day. Default: first event.")
    ] = None,
    end: Annotated[str | None, typer.Option("--to", metavar="DATE", help="Last day. Default: today.")] = None,
    smooth: Annotated[
        int, typer.Option("--smooth", metavar="N", help="Add a trailing average over N periods (1: none).")
    ] = 1,
    events: Annotated[
        bool, typer.Option("--events", help="List each period's events with their weights.")
    ] = False,
    fmt: FormatOption = OutputFormat.table,
    language: LangOption = "en",
    weights: WeightsOption = None,
    db: DbOption = None,
) -> None:
    """The index by period: cooperation minus conflict of the events bearing on the pairs of parties.

    json: a list of {"period", "index", "cooperation", "conflict", "events", "thin"} (with --smooth,
    "smoothed"; with --events, "event_list"). A period without events has index null, never 0.
    """
    if ctx.invoked_subcommand is not None:
        return
    cl = _climate(ctx, db, language, weights)
    first = day(start, "--from") if start else None
    last = day(end, "--to") if end else None
    rows = index_rows(cl, dyad=dyad, by=by, start=first, end=last, smooth=smooth)
    if fmt is OutputFormat.json:
        out: list[dict[str, Any]] = []
        for row in rows:
            item = row_json(row, smoothed=smooth > 1)
            if events:
                item["event_list"] = [behind_json(b) for b in behind(cl, row, dyad=dyad)]
            out.append(item)
        print_json(out)
        return
    scope = dyad or ", ".join(f"{a}-{b}" for a, b in cl.process)
    table = Table(
        title=f"Security environment by {by} ({scope})",
        caption="index = cooperation − conflict (−10..+10 per event); dim: thin period; –: no event",
    )
    for name in ("period", "index", "cooperation", "conflict", "events"):
        table.add_column(name, justify="left" if name == "period" else "right", no_wrap=True)
    if smooth > 1:
        table.add_column(f"avg {smooth}", justify="right", no_wrap=True)
    for row in rows:
        cells: list[str | Text] = [
            row.period,
            _cell(row.index, row.thin),
            "–" if row.cooperation is None else f"{row.cooperation:.1f}",
            "–" if row.conflict is None else f"{row.conflict:.1f}",
            str(row.events),
        ]
        if smooth > 1:
            cells.append(_cell(row.smoothed, False))
        table.add_row(*cells)
    stdout().print(table)
    if events:
        listed = Table(title="The events behind each period, heaviest first")
        for name in ("period", "date", "weight"):
            listed.add_column(name, no_wrap=True, justify="right" if name == "weight" else "left")
        listed.add_column("event", overflow="fold")
        for row in rows:
            for b in behind(cl, row, dyad=dyad):
                listed.add_row(
                    row.period, b.event.day.isoformat(), f"{b.weighing.weight:+.1f}", b.event.title
                )
        stdout().print(listed)


@environment_app.command("versus")
def versus_implementation(
    ctx: typer.Context,
    fmt: FormatOption = OutputFormat.table,
    weights: WeightsOption = None,
    db: DbOption = None,
) -> None:
    """Each quarter's reversals and rises beside the index of the quarter before (see docs for its limits)."""
    cl = _climate(ctx, db, "en", weights)
    with opened(ctx, db) as store, store.read() as conn:
        index = load_index(conn)
    report = versus_json(cl, index)
    if fmt is OutputFormat.json:
        print_json(report)
        return
    r, n = report["correlation"]["r"], report["correlation"]["n"]
    table = Table(
        title="Reversals against the index of the quarter before",
        caption=f"Pearson r = {r if r is not None else 'n/a'} over {n} quarters: an association in this "
        "record, not a cause; the same events often move both.",
    )
    for name in ("quarter", "index before", "index", "reversals", "rises"):
        table.add_column(name, justify="right", no_wrap=True)
    for q in report["quarters"]:
        table.add_row(
            q["quarter"],
            _cell(q["index_before"], False),
            _cell(q["index"], False),
            str(q["reversals"]),
            str(q["rises"]),
        )
    stdout().print(table)


def register(app: typer.Typer) -> None:
    app.add_typer(environment_app)

"""peacetrack score and score changes: implementation scores on the command line (docs/scoring.md).

    peacetrack score [--as-of D] [--by agreement|theme|party] [--series FREQ --from D --to D]
    peacetrack score changes AGREEMENT --from D1 [--to D2]

Every command reads the accepted records in a few queries, builds the scoring
index once and answers from it (peacetrack.scoring). Bad dates, groupings,
frequencies, languages and unknown ids are bad input: exit 2, one line on
stderr, nothing on stdout. Provision histories are in cli/provisions.py,
releases in cli/releases.py.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

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
from peacetrack.cli.options import AsOfOption, LangOption
from peacetrack.cli.options import bad as _bad
from peacetrack.cli.options import day as _day
from peacetrack.cli.options import lang as _lang
from peacetrack.cli.options import opened as _opened
from peacetrack.cli.score_tables import (
    ByOption,
    fmt_score,
    label_columns,
    levels_caption,
    parse_by,
    parse_freq,
    score_table,
    short,
)
from peacetrack.scoring import (
    Index,
    ProvisionChange,
    changes_between,
    period_ends,
    scores,
    series,
)
from peacetrack.scoring.inputs import Freq
from peacetrack.scoring.series import series_document
from peacetrack.store.scoring_reads import (
    agreement_title,
    first_signed,
    group_labels,
    group_names,
    load_index,
    provision_texts,
)

# --- peacetrack score --------------------------------------------------------------------------

score_app = typer.Typer(
    invoke_without_command=True,
    no_args_is_help=False,
)

_SCORE_ONLY = ("as_of", "by", "fmt", "lang", "series_freq", "start", "end")


def _period_label(freq: Freq, end: date) -> str:
    if freq == "monthly":
        return f"{end.year}-{end.month:02d}"
    if freq == "quarterly":
        return f"{end.year}-Q{(end.month - 1) // 3 + 1}"
    return str(end.year)


@score_app.callback(invoke_without_command=True)
def score(
    ctx: typer.Context,
    as_of: AsOfOption = None,
    by: ByOption = "agreement",
    fmt: FormatOption = OutputFormat.table,
    lang: LangOption = "en",
    series_freq: Annotated[
        str | None,
        typer.Option(
            "--series",
            metavar="monthly|quarterly|yearly",
            help="Each key's score at every period end from --from to --to, instead of one date.",
        ),
    ] = None,
    start: Annotated[
        str | None,
        typer.Option(
            "--from", metavar="DATE", help="With --series: first day. Default: the first signing date."
        ),
    ] = None,
    end: Annotated[
        str | None,
        typer.Option("--to", metavar="DATE", help="With --series: last day. Default: --as-of, else today."),
    ] = None,
    db: DbOption = None,
) -> None:
    """Implementation scores by agreement, theme or party, as of a date or over time (--series).

    score = round(100 × sum of levels / (3 × provisions), 1); unsigned agreements are left out.

    json: a list sorted by key; with --series, each key's points. See also `score changes`.
    """
    if ctx.invoked_subcommand is not None:
        given = [
            name
            for name in _SCORE_ONLY
            if getattr(ctx.get_parameter_source(name), "name", None) == "COMMANDLINE"
        ]
        if given:
            options = ", ".join(p.opts[0] for p in ctx.command.params if p.name in given)
            sub = ctx.invoked_subcommand
            raise _bad(options, f"not an option of `score {sub}`; its own options go after `{sub}`")
        return
    grouping, language = parse_by(by), _lang(lang)
    if series_freq is None:
        if start is not None or end is not None:
            raise _bad("--from/--to", "--from and --to go with --series (or with `score changes`)")
        day = _day(as_of, "--as-of")
        with _opened(ctx, db) as store, store.read() as conn:
            rows = scores(load_index(conn), day, grouping)
            labels = group_labels(conn, grouping, language) if fmt is OutputFormat.table else {}
        if fmt is OutputFormat.json:
            print_json([row.to_json() for row in rows])
            return
        table = score_table(
            f"Implementation scores by {grouping}, as of {day}", grouping, rows, labels, language
        )
        if not rows:
            table.caption = f"no provision of an agreement signed by {day}"
        stdout().print(table)
        return

    freq = parse_freq(series_freq)
    if as_of is not None and end is not None:
        raise _bad("--as-of/--to", "with --series give --to (the last day), not --as-of")
    last = _day(end if end is not None else as_of, "--to" if end is not None else "--as-of")
    first = _day(start, "--from") if start is not None else None
    if first is not None and first > last:
        raise _bad("--from", f"--from {first} is after --to {last}")
    with _opened(ctx, db) as store, store.read() as conn:
        index = load_index(conn)
        if first is None:
            first = min(first_signed(conn) or last, last)
        if fmt is OutputFormat.json:
            # The same object as GET /api/scores/series (one shape of a series everywhere).
            names = {
                key: {"en": en, **({"ko": ko} if ko else {})} for key, en, ko in group_names(conn, grouping)
            }
            print_json(series_document(index, grouping, freq, first, last, names))
            return
        points = series(index, grouping, freq, first, last)
    ends = period_ends(freq, first, last)
    table = Table(
        title=f"Implementation scores by {grouping}, {freq}, {first} to {last}",
        caption="score at each period end; ↓n: n provisions reversed; –: none signed yet",
    )
    table.add_column("period end", no_wrap=True)
    for key in points:
        table.add_column(key, justify="right", no_wrap=True)
    cells = {key: {d: row for d, row in rows} for key, rows in points.items()}
    for period_end in ends:
        row_cells: list[str | Text] = [_period_label(freq, period_end)]
        for key in points:
            row = cells[key].get(period_end)
            if row is None:
                row_cells.append(Text("–", style="dim"))
            elif row.reversed:
                row_cells.append(Text(f"{row.score:.1f}↓{row.reversed}", style="red"))
            else:
                row_cells.append(f"{row.score:.1f}")
        table.add_row(*row_cells)
    if not ends:
        table.caption = f"no {freq} period ends between {first} and {last}"
    stdout().print(table)


def _change_json(c: ProvisionChange) -> dict[str, Any]:
    return {
        "provision": c.provision,
        "before": c.before,
        "after": c.after,
        "change": c.change,
        "reversed_before": c.reversed_before,
        "reversed_after": c.reversed_after,
    }


def _agreement_score(index: Index, agreement: str, day: date) -> float | None:
    for row in scores(index, day, "agreement"):
        if row.key == agreement:
            return row.score
    return None


@score_app.command("changes")
def score_changes(
    ctx: typer.Context,
    agreement: Annotated[str, typer.Argument(metavar="AGREEMENT", help="Agreement id, e.g. panmunjom-2018.")],
    start: Annotated[
        str | None, typer.Option("--from", metavar="DATE", help="Start date (required).")
    ] = None,
    end: Annotated[str | None, typer.Option("--to", metavar="DATE", help="End date. Default: today.")] = None,
    fmt: FormatOption = OutputFormat.table,
    lang: LangOption = "en",
    db: DbOption = None,
) -> None:
    """The provisions of an agreement that rose, fell or became reversed between two dates."""
    language = _lang(lang)
    if start is None:
        raise _bad("--from", "`score changes` needs --from DATE")
    d1, d2 = _day(start, "--from"), _day(end, "--to")
    if d1 > d2:
        raise _bad("--from", f"--from {d1} is after --to {d2}")
    with _opened(ctx, db) as store, store.read() as conn:
        title = agreement_title(conn, agreement, language)
        if title is None:
            raise _bad(agreement, "no such agreement")
        index = load_index(conn)
        found = changes_between(index, agreement, d1, d2)
        texts = provision_texts(conn, [c.provision for c in found], language)
    before, after = _agreement_score(index, agreement, d1), _agreement_score(index, agreement, d2)
    if fmt is OutputFormat.json:
        print_json(
            {
                "agreement": agreement,
                "from": d1.isoformat(),
                "to": d2.isoformat(),
                "score": {"from": before, "to": after},
                "changes": [_change_json(c) for c in found],
            }
        )
        return
    table = Table(
        title=f"{agreement} ({title}): changes from {d1} to {d2}",
        caption=f"score {fmt_score(before)} → {fmt_score(after)}; {levels_caption(language)}",
    )
    label_columns(table, "provision", "text", "before", "after", "change", right=("before", "after"))
    for c in found:
        style = "green" if c.change == "rose" else "red"
        label = c.change if c.change == "reversed" or not c.reversed_after else f"{c.change}, reversed"
        table.add_row(
            c.provision,
            short(texts[c.provision].text) if c.provision in texts else "",
            str(c.before),
            str(c.after),
            Text(label, style=style),
        )
    if not found:
        table.caption = f"no provision changed; {table.caption}"
    stdout().print(table)


def register(app: typer.Typer) -> None:
    """Add score, provision and release to the main command line."""
    from peacetrack.cli import provisions, releases

    app.add_typer(score_app, name="score")
    app.add_typer(provisions.provision_app, name="provision")
    app.add_typer(releases.release_app, name="release")

"""score, provision history, release: implementation scores on the command line (SPEC sections 1, 3).

    peacetrack score [--as-of D] [--by agreement|theme|party] [--series FREQ --from D --to D]
    peacetrack score changes AGREEMENT --from D1 [--to D2]
    peacetrack provision history ID [--as-of D] [--superseded]
    peacetrack release create|list|show|diff

Every command reads the accepted records in a few queries, builds the scoring
index once and answers from it (peacetrack.scoring). Bad dates, groupings,
frequencies, languages and unknown ids are bad input: exit 2, one line on
stderr, nothing on stdout.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Annotated, Any

import typer
from rich.table import Table
from rich.text import Text
from sqlalchemy import Connection
from sqlalchemy.exc import IntegrityError

from peacetrack.cli.common import (
    DbOption,
    FormatOption,
    OutputFormat,
    author,
    print_json,
    stderr,
    stdout,
)
from peacetrack.cli.options import AsOfOption, LangOption
from peacetrack.cli.options import bad as _bad
from peacetrack.cli.options import day as _day
from peacetrack.cli.options import lang as _lang
from peacetrack.cli.options import opened as _opened
from peacetrack.model.codebook import level_label
from peacetrack.model.languages import Lang
from peacetrack.scoring import (
    BYS,
    By,
    HistoryEntry,
    Index,
    ProvisionChange,
    ReleaseDiff,
    ScoreRow,
    changes_between,
    diff,
    history,
    make_release,
    period_ends,
    scores,
    series,
    state,
)
from peacetrack.scoring.inputs import Freq, check_by, check_freq
from peacetrack.store import releases as saved
from peacetrack.store.revisions import now
from peacetrack.store.scoring_reads import (
    agreement_title,
    event_titles,
    first_signed,
    group_labels,
    load_index,
    provision_texts,
)

# --- shared options and checks ---------------------------------------------------------------

ByOption = Annotated[
    str,
    typer.Option(
        "--by", metavar="agreement|theme|party", help="Group provisions by agreement, theme or party."
    ),
]


def _by(value: str) -> By:
    try:
        return check_by(value)
    except ValueError as exc:
        raise _bad("--by", str(exc)) from None


def _freq(value: str) -> Freq:
    try:
        return check_freq(value)
    except ValueError as exc:
        raise _bad("--series", str(exc)) from None


def _label_columns(table: Table, *names: str, right: Sequence[str] = ()) -> None:
    for name in names:
        table.add_column(name, justify="right" if name in right else "left", overflow="fold")


_LEVELS_CAPTION = "levels: " + ", ".join(f"{n} {level_label(n)}" for n in range(4))


def _levels_caption(lang: Lang) -> str:
    if lang == "en":
        return _LEVELS_CAPTION
    return "levels: " + ", ".join(f"{n} {level_label(n, lang)}" for n in range(4))


def _score_table(title: str, by: By, rows: Sequence[ScoreRow], labels: dict[str, str], lang: Lang) -> Table:
    """On a narrow terminal the key and its title or name wrap, never the numbers."""
    table = Table(title=title, caption=_levels_caption(lang))
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
    grouping, language = _by(by), _lang(lang)
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
        table = _score_table(
            f"Implementation scores by {grouping}, as of {day}", grouping, rows, labels, language
        )
        if not rows:
            table.caption = f"no provision of an agreement signed by {day}"
        stdout().print(table)
        return

    freq = _freq(series_freq)
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
        points = series(index, grouping, freq, first, last)
    if fmt is OutputFormat.json:
        print_json(
            {
                key: [
                    {"date": d.isoformat(), "score": row.score, "reversed": row.reversed} for d, row in rows
                ]
                for key, rows in points.items()
            }
        )
        return
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
        caption=f"score {_fmt_score(before)} → {_fmt_score(after)}; {_levels_caption(language)}",
    )
    _label_columns(table, "provision", "text", "before", "after", "change", right=("before", "after"))
    for c in found:
        style = "green" if c.change == "rose" else "red"
        label = c.change if c.change == "reversed" or not c.reversed_after else f"{c.change}, reversed"
        table.add_row(
            c.provision,
            _short(texts[c.provision].text) if c.provision in texts else "",
            str(c.before),
            str(c.after),
            Text(label, style=style),
        )
    if not found:
        table.caption = f"no provision changed; {table.caption}"
    stdout().print(table)


def _short(text: str, limit: int = 100) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _fmt_score(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f}"


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
    _label_columns(table, "as of", "level", "change", "evidence", "note")
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


# --- peacetrack release ------------------------------------------------------------------------------

release_app = typer.Typer(
    help="Releases: named, frozen snapshots of every score (e.g. 'end-2019'), kept as published.",
    no_args_is_help=True,
)


@release_app.callback()
def _release() -> None:
    """Releases: named, frozen snapshots of every score (e.g. 'end-2019'), kept as published."""


def _release_name(name: str) -> str:
    try:
        return saved.check_name(name)
    except ValueError as exc:
        raise _bad(name, str(exc)) from None


def _stored(conn: Connection, name: str) -> saved.StoredRelease:
    found = saved.get(conn, name)
    if found is None:
        raise _bad(name, "no such release (see `peacetrack release list`)")
    return found


@release_app.command("create")
def release_create(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(metavar="NAME", help="A new release name: letters, digits, . _ : -")],
    as_of: AsOfOption = None,
    by: Annotated[
        str | None,
        typer.Option(
            "--author", help="Who made it, for the history. Default: $PEACETRACK_AUTHOR or cli:$USER."
        ),
    ] = None,
    reason: Annotated[str | None, typer.Option("--reason", help="Why, for the history.")] = None,
    fmt: FormatOption = OutputFormat.table,
    db: DbOption = None,
) -> None:
    """Freeze the scores of every grouping, and each provision's level, as of a date under a new name."""
    _release_name(name)
    day = _day(as_of, "--as-of")
    who = author(by)
    taken = _bad(name, "a release of that name already exists; releases are never changed")
    with _opened(ctx, db) as store:
        try:
            with store.write() as conn:
                if saved.exists(conn, name):
                    raise taken
                release = make_release(load_index(conn), name, day)
                at = now()
                saved.save(conn, release, author=who, reason=reason, at=at)
        except IntegrityError:
            # Another writer took the name between our check and our insert (PostgreSQL).
            with store.read() as conn:
                if saved.exists(conn, name):
                    raise taken from None
            raise
        with store.read() as conn:
            labels = group_labels(conn, "agreement") if fmt is OutputFormat.table else {}
    if fmt is OutputFormat.json:
        print_json({"name": name, "as_of": day.isoformat(), "created_at": at.isoformat(), "author": who})
        return
    stderr().print(
        f"release {name} created: as of {day}, {len(release.levels)} provisions, "
        f"{len(release.reversed)} reversed",
        markup=False,
        highlight=False,
    )
    stdout().print(
        _score_table(
            f"Release {name}: scores by agreement, as of {day}",
            "agreement",
            release.rows["agreement"],
            labels,
            "en",
        )
    )


@release_app.command("list")
def release_list(ctx: typer.Context, fmt: FormatOption = OutputFormat.table, db: DbOption = None) -> None:
    """Every release, by date."""
    with _opened(ctx, db) as store, store.read() as conn:
        listed = saved.listing(conn)
    if fmt is OutputFormat.json:
        print_json(
            [
                {"name": r.name, "as_of": r.as_of, "created_at": r.created_at.isoformat(), "author": r.author}
                for r in listed
            ]
        )
        return
    table = Table(title="Releases")
    _label_columns(table, "name", "as of", "created (UTC)", "by")
    for r in listed:
        table.add_row(r.name, r.as_of, r.created_at.strftime("%Y-%m-%d %H:%M:%S"), r.author)
    if not listed:
        table.caption = "no release yet: `peacetrack release create NAME --as-of DATE`"
    stdout().print(table)


@release_app.command("show")
def release_show(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(metavar="NAME")],
    by: Annotated[
        str | None,
        typer.Option(
            "--by", metavar="agreement|theme|party", help="Table: the grouping to show. Default: all three."
        ),
    ] = None,
    fmt: FormatOption = OutputFormat.table,
    lang: LangOption = "en",
    db: DbOption = None,
) -> None:
    """A release as it was frozen; json: the whole release (format peacetrack-release/1)."""
    language = _lang(lang)
    groupings: tuple[By, ...] = BYS if by is None else (_by(by),)
    with _opened(ctx, db) as store, store.read() as conn:
        found = _stored(conn, name)
        labels = {g: group_labels(conn, g, language) for g in groupings} if fmt is OutputFormat.table else {}
    release = found.release
    if fmt is OutputFormat.json:
        print_json({**release.to_json(), "created_at": found.created_at.isoformat(), "author": found.author})
        return
    out = stdout()
    out.print(
        f"Release {name}: as of {release.as_of}, created {found.created_at:%Y-%m-%d %H:%M:%S} UTC "
        f"by {found.author}; {len(release.levels)} provisions, {len(release.reversed)} reversed",
        markup=False,
        highlight=False,
    )
    for g in groupings:
        out.print(_score_table(f"{name}: scores by {g}", g, release.rows[g], labels[g], language))


def _diff_tables(d: ReleaseDiff) -> list[Table]:
    scores_table = Table(title=f"Scores: {d.before} → {d.after}")
    _label_columns(
        scores_table, "by", "key", "before", "after", "change", right=("before", "after", "change")
    )
    for c in d.scores:
        delta = c.delta
        change = (
            Text("new", style="green")
            if c.before is None
            else Text("gone", style="red")
            if c.after is None
            else Text(f"{delta:+.1f}", style="green" if (delta or 0) > 0 else "red")
        )
        scores_table.add_row(c.by, c.key, _fmt_score(c.before), _fmt_score(c.after), change)
    if not d.scores:
        scores_table.caption = "no score changed"
    levels_table = Table(title=f"Provision levels: {d.before} → {d.after}")
    _label_columns(levels_table, "provision", "before", "after", "reversed", right=("before", "after"))

    def level(value: int | None, rev: bool) -> str:
        return "–" if value is None else f"{value}{'↓' if rev else ''}"

    for lc in d.levels:
        if lc.reversed_after and not lc.reversed_before:
            note = Text("now reversed", style="bold red")
        elif lc.reversed_before and not lc.reversed_after:
            note = Text("no longer reversed", style="green")
        else:
            note = Text("")
        levels_table.add_row(
            lc.provision, level(lc.before, lc.reversed_before), level(lc.after, lc.reversed_after), note
        )
    if not d.levels:
        levels_table.caption = "no provision level changed"
    return [scores_table, levels_table]


@release_app.command("diff")
def release_diff(
    ctx: typer.Context,
    before: Annotated[str, typer.Argument(metavar="A", help="The earlier release.")],
    after: Annotated[str, typer.Argument(metavar="B", help="The later release.")],
    fmt: FormatOption = OutputFormat.table,
    db: DbOption = None,
) -> None:
    """What changed from release A to release B: scores per grouping and key, provision levels."""
    with _opened(ctx, db) as store, store.read() as conn:
        a, b = _stored(conn, before), _stored(conn, after)
    result = diff(a.release, b.release)
    if fmt is OutputFormat.json:
        print_json(result.to_json())
        return
    out = stdout()
    for table in _diff_tables(result):
        out.print(table)


def register(app: typer.Typer) -> None:
    """Add score, provision and release to the main command line."""
    app.add_typer(score_app, name="score")
    app.add_typer(provision_app, name="provision")
    app.add_typer(release_app, name="release")

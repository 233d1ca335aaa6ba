"""peacetrack release create|list|show|diff: frozen score snapshots on the command line."""

from __future__ import annotations

from typing import Annotated

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
from peacetrack.cli.score_tables import (
    fmt_score,
    label_columns,
    parse_by,
    score_table,
)
from peacetrack.scoring import (
    BYS,
    By,
    ReleaseDiff,
    diff,
    make_release,
)
from peacetrack.store import releases as saved
from peacetrack.store.revisions import now
from peacetrack.store.scoring_reads import (
    group_labels,
    load_index,
)

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
        score_table(
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
    label_columns(table, "name", "as of", "created (UTC)", "by")
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
    groupings: tuple[By, ...] = BYS if by is None else (parse_by(by),)
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
        out.print(score_table(f"{name}: scores by {g}", g, release.rows[g], labels[g], language))


def _diff_tables(d: ReleaseDiff) -> list[Table]:
    scores_table = Table(title=f"Scores: {d.before} → {d.after}")
    label_columns(scores_table, "by", "key", "before", "after", "change", right=("before", "after", "change"))
    for c in d.scores:
        delta = c.delta
        change = (
            Text("new", style="green")
            if c.before is None
            else Text("gone", style="red")
            if c.after is None
            else Text(f"{delta:+.1f}", style="green" if (delta or 0) > 0 else "red")
        )
        scores_table.add_row(c.by, c.key, fmt_score(c.before), fmt_score(c.after), change)
    if not d.scores:
        scores_table.caption = "no score changed"
    levels_table = Table(title=f"Provision levels: {d.before} → {d.after}")
    label_columns(levels_table, "provision", "before", "after", "reversed", right=("before", "after"))

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

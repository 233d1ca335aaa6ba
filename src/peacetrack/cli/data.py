"""init, import, export, history: getting records in and out."""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from peacetrack.bundle import import_bundles, integrity
from peacetrack.bundle.export import bundle, to_json_bytes
from peacetrack.bundle.revert import revert
from peacetrack.bundle.tabular import tables, write_csv, write_parquet
from peacetrack.cli.common import (
    DbOption,
    FormatOption,
    OutputFormat,
    author,
    chosen_db,
    open_store,
    print_json,
    progress_bar,
    stderr,
    stdout,
)
from peacetrack.collector import collector_paused
from peacetrack.errors import BadInput, Problem
from peacetrack.model.records import KINDS
from peacetrack.store import Store, search_indexes
from peacetrack.store import backup as backup_mod
from peacetrack.store.migrate import upgrade
from peacetrack.store.revisions import history as record_history
from peacetrack.store.revisions import state_at


def init(ctx: typer.Context, db: DbOption = None) -> None:
    """Create the database, or migrate it to this version's schema (safe to repeat)."""
    store = Store(chosen_db(ctx, db))
    before, after = upgrade(store)
    msg = "already up to date" if before == after else f"migrated {before or 'empty'} → {after}"
    stderr().print(f"{store!r}: {msg}")
    with store.read() as conn:
        lacking = search_indexes.missing(conn)
    if lacking:
        stderr().print(
            f"warning: search indexes missing ({', '.join(lacking)}), see the warnings above; search scans "
            "the table until `peacetrack init` can create them (docs/scaling.md)"
        )


def import_(
    ctx: typer.Context,
    files: Annotated[
        list[str],
        typer.Argument(
            help="Bundle files (JSON or YAML); @korean-peninsula names the bundled dataset.",
            show_default=False,
        ),
    ],
    db: DbOption = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Validate and report; write nothing.")] = False,
    by: Annotated[
        str | None,
        typer.Option(
            "--author",
            help="Who made this change, for the history. Default: $PEACETRACK_AUTHOR or cli:$USER.",
        ),
    ] = None,
    reason: Annotated[str | None, typer.Option("--reason", help="Why, for the history.")] = None,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Load bundles: everything is checked first; on any problem nothing is written (exit 2)."""
    store = open_store(chosen_db(ctx, db))
    with progress_bar(fmt is OutputFormat.table, "import") as progress, collector_paused():
        report = import_bundles(
            store, files, author=author(by), reason=reason, dry_run=dry_run, progress=progress
        )
    if fmt is OutputFormat.json:
        print_json({"files": report.files, "dry_run": dry_run, "counts": report.counts})
        return
    table = Table(title=f"{'Checked' if dry_run else 'Imported'} {report.files} file(s)")
    for col in ("kind", "inserted", "updated", "unchanged"):
        table.add_column(col, justify="left" if col == "kind" else "right")
    for kind, c in report.counts.items():
        if any(c.values()):
            table.add_row(kind, str(c["inserted"]), str(c["updated"]), str(c["unchanged"]))
    stdout().print(table)


class ExportFormat(StrEnum):
    json = "json"
    csv = "csv"
    parquet = "parquet"


def export(
    ctx: typer.Context,
    db: DbOption = None,
    fmt: Annotated[
        ExportFormat,
        typer.Option(
            "--format",
            help="json: one bundle that round-trips through "
            "import; csv: a folder (or .zip) of tables; parquet: a folder of "
            "tables.",
        ),
    ] = ExportFormat.json,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            help="Where to write. json: a file, default stdout; csv: a folder or a .zip; parquet: a folder.",
        ),
    ] = None,
    process: Annotated[
        str | None,
        typer.Option(
            "--process",
            help="Only this peace process (its id): its agreements, the records that bear on them, and "
            "every record those refer to. The bundle imports on its own.",
        ),
    ] = None,
) -> None:
    """Write everything out: a bundle (json) or one table per record kind (csv, parquet)."""
    store = open_store(chosen_db(ctx, db), create=False)
    with store.read() as conn, progress_bar(True, "export") as progress:
        if fmt is ExportFormat.json:
            data = to_json_bytes(bundle(conn, progress, process))
            if out is None or str(out) == "-":
                sys.stdout.buffer.write(data)
                sys.stdout.flush()
            else:
                out.parent.mkdir(parents=True, exist_ok=True)
                tmp = out.with_name(f".{out.name}.part")
                tmp.write_bytes(data)
                tmp.replace(out)
            return
        if out is None:
            raise BadInput(
                [
                    Problem(
                        "--out",
                        "$",
                        f"--format {fmt.value} needs --out (a folder"
                        f"{' or a .zip file' if fmt is ExportFormat.csv else ''})",
                    )
                ]
            )
        data_tables = tables(conn, progress, process)
    names = write_csv(data_tables, out) if fmt is ExportFormat.csv else write_parquet(data_tables, out)
    stderr().print(f"wrote {len(names)} files to {out}: {', '.join(names)}")


def check(
    ctx: typer.Context,
    files: Annotated[
        list[str] | None,
        typer.Argument(
            help="Bundle files or @dataset names to check; none: the database's accepted records.",
            show_default=False,
        ),
    ] = None,
    db: DbOption = None,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Run the integrity rules (trusted sources, coherent evidence, current assessments); 1 on a breach."""
    if files:
        records = integrity.records_from_bundles(files)
    else:
        store = open_store(chosen_db(ctx, db), create=False)
        with store.read() as conn:
            records = integrity.records_from_store(conn)
    breaches = integrity.check(records)
    if fmt is OutputFormat.json:
        print_json(
            {
                "rules": integrity.RULES,
                "breaches": [{"rule": b.rule, "record": b.record, "message": b.message} for b in breaches],
            }
        )
    else:
        out = stdout()
        for b in breaches:
            out.print(f"{b.rule}\t{b.record}\t{b.message}", markup=False, highlight=False, soft_wrap=True)
        counted = {rule: sum(1 for b in breaches if b.rule == rule) for rule in integrity.RULES}
        summary = ", ".join(f"{rule} {n}" for rule, n in counted.items() if n) or "none"
        stderr().print(
            f"{len(breaches)} breach(es) of {len(integrity.RULES)} rules: {summary}", highlight=False
        )
    if breaches:
        raise typer.Exit(1)


def backup_(
    ctx: typer.Context,
    out: Annotated[Path, typer.Argument(help="The backup file to write (a zip).", show_default=False)],
    db: DbOption = None,
) -> None:
    """Everything the store holds, in one consistent snapshot (safe while the server runs)."""
    store = open_store(chosen_db(ctx, db), create=False)
    counts = backup_mod.backup(store, out)
    stderr().print(f"backed up {sum(counts.values())} rows of {len(counts)} tables to {out}", highlight=False)


def restore(
    ctx: typer.Context,
    source: Annotated[
        Path, typer.Argument(help="A file written by `peacetrack backup`.", show_default=False)
    ],
    db: DbOption = None,
) -> None:
    """Bring a backup into an empty database (exit 2 if it is not empty or the file is not a backup)."""
    store = Store(chosen_db(ctx, db))
    counts = backup_mod.restore(store, source)
    stderr().print(
        f"restored {sum(counts.values())} rows of {len(counts)} tables from {source}", highlight=False
    )


HISTORY_KINDS = (*KINDS, "releases", "proposals")


def history(
    ctx: typer.Context,
    kind: Annotated[str, typer.Argument(help=f"Record kind: {', '.join(HISTORY_KINDS)}.")],
    record_id: Annotated[str, typer.Argument(metavar="ID", help="The record's id.")],
    db: DbOption = None,
    at: Annotated[
        datetime | None, typer.Option("--at", help="Show the record as it stood at this date/time (UTC).")
    ] = None,
    fmt: FormatOption = OutputFormat.table,
    revert_to: Annotated[
        int | None,
        typer.Option(
            "--revert-to",
            help="Put the record back as this revision (#) left it: a new revision, validated as an import.",
        ),
    ] = None,
    by: Annotated[
        str | None, typer.Option("--author", help="Who reverts, for the history (with --revert-to).")
    ] = None,
) -> None:
    """Every change to a record (who, when, why), or its state at a past moment; --revert-to restores one."""
    if kind not in HISTORY_KINDS:
        raise BadInput([Problem(kind, "$", f"unknown record kind; use one of {', '.join(HISTORY_KINDS)}")])
    store = open_store(chosen_db(ctx, db), create=False)
    if revert_to is not None:
        reverted = revert(store, kind, record_id, revert_to, author=author(by))
        stderr().print(
            f"{kind}/{record_id}: {'reverted to' if reverted else 'already as left by'} revision {revert_to}",
            highlight=False,
        )
        return
    with store.read() as conn:
        if at is not None:
            when = at if at.tzinfo else at.replace(tzinfo=UTC)
            state = state_at(conn, kind, record_id, when)
            if fmt is OutputFormat.json:
                print_json(state)
            else:
                stdout().print_json(data=state) if state else stdout().print(
                    f"{record_id} did not exist then"
                )
            return
        revs = record_history(conn, kind, record_id)
    if not revs:
        raise BadInput([Problem(f"{kind}/{record_id}", "$", "no such record in the history")])
    if fmt is OutputFormat.json:
        print_json(
            [
                {
                    "id": r.id,
                    "op": r.op,
                    "at": r.at.isoformat(),
                    "author": r.author,
                    "reason": r.reason,
                    "old": r.old,
                    "new": r.new,
                }
                for r in revs
            ]
        )
        return
    table = Table(title=f"History of {kind}/{record_id}")
    for col in ("#", "when (UTC)", "change", "by", "why", "fields changed"):
        table.add_column(col)
    for r in revs:
        changed = sorted(
            k for k in {*(r.old or {}), *(r.new or {})} if (r.old or {}).get(k) != (r.new or {}).get(k)
        )
        table.add_row(
            str(r.id), r.at.strftime("%Y-%m-%d %H:%M:%S"), r.op, r.author, r.reason or "", ", ".join(changed)
        )
    stdout().print(table)

"""ingest, review: documents into proposed records, and the people who accept or reject them.

    peacetrack ingest PATH… [--format json] [--author NAME] [--public-url URL] [--dask local:N|tcp://HOST:PORT]
    peacetrack reprocess [DOCUMENT…] [--since VERSION] [--dry-run] [--dask …] [--format json] [--author NAME]
    peacetrack review list [--kind KIND] [--format json]
    peacetrack review accept KIND/ID… [--author NAME] [--reason TEXT]
    peacetrack review reject KIND/ID… [--author NAME] [--reason TEXT]

``ingest`` stores each readable file in its own transaction and prints the
ingest output array (docs/ingest.md) (``--format json``) or a table; when any file could not be
ingested it says so on stderr, one line per file, and exits 2 after storing
the others. With ``--dask`` the documents are read, extracted and linked on Dask
workers and written here in batches, with the same records as without
(peacetrack.ingest.parallel, docs/scaling.md).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Annotated

import typer
from rich.table import Table

from peacetrack import settings
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
from peacetrack.errors import BadInput, Problem

AuthorOption = Annotated[
    str | None,
    typer.Option(
        "--author", help="Who made this change, for the history. Default: $PEACETRACK_AUTHOR or cli:$USER."
    ),
]
DaskOption = Annotated[
    str | None,
    typer.Option(
        "--dask",
        envvar=settings.DASK.name,
        help="Spread reading and extraction over Dask workers: local:N starts N worker processes here, "
        "tcp://HOST:8786 uses a running cluster. Needs pip install 'peacetrack[dask]'. "
        "Default: $PEACETRACK_DASK, else one process.",
    ),
]
PublicUrlOption = Annotated[
    str | None,
    typer.Option(
        "--public-url",
        envvar="PEACETRACK_PUBLIC_URL",
        help="Where this peacetrack's web pages are served: an event from a document without a web "
        "address of its own cites the document's library page there. Default: $PEACETRACK_PUBLIC_URL, "
        "else http://localhost:8000.",
    ),
]
ReasonOption = Annotated[str | None, typer.Option("--reason", help="Why, for the history.")]

_STATUS_WORDS = {
    "stored": "stored",
    "new_version": "new version",
    "unchanged": "unchanged (already stored)",
    "failed": "FAILED",
}


def ingest(
    ctx: typer.Context,
    paths: Annotated[
        list[str],
        typer.Argument(
            metavar="PATH…",
            help="Documents (txt, html, pdf, docx; English or Korean) or folders of them.",
            show_default=False,
        ),
    ],
    db: DbOption = None,
    by: AuthorOption = None,
    base_url: PublicUrlOption = None,
    fmt: FormatOption = OutputFormat.table,
    dask: DaskOption = None,
    batch: Annotated[
        int,
        typer.Option("--batch", min=1, max=10_000, help="With --dask: documents written per transaction."),
    ] = 64,
) -> None:
    """Read documents, extract records, store them as proposals for review, print what was found.

    Each file goes in on its own: one that cannot be read gets an error and the
    others are still stored (exit 2 when any failed). The same bytes again
    change nothing and print the stored result, so a stopped run started again
    resumes where it was."""
    from peacetrack.ingest import ingest_paths  # the pipeline loads only when ingest runs
    from peacetrack.ingest.cluster import dask_client, parse_target

    if base_url is not None and not base_url.startswith(("http://", "https://")):
        raise BadInput([Problem("--public-url", "$", f"expected an http(s) address, got {base_url!r}")])
    target = parse_target(dask) if dask else None
    store = open_store(chosen_db(ctx, db))
    with progress_bar(fmt is OutputFormat.table, "ingest") as progress:
        if target is None:
            outcomes = ingest_paths(store, paths, author=author(by), base_url=base_url, progress=progress)
        else:
            from peacetrack.ingest.parallel import ingest_paths_dask

            with dask_client(target) as client:
                outcomes = ingest_paths_dask(
                    store,
                    paths,
                    client=client,
                    author=author(by),
                    base_url=base_url,
                    progress=progress,
                    batch=batch,
                )
    failed = [o for o in outcomes if not o.ok]
    if fmt is OutputFormat.json:
        print_json([o.output for o in outcomes])
    else:
        table = Table(title=f"Ingested {len(outcomes) - len(failed)} of {len(outcomes)} document(s)")
        for col in ("document", "result", "id", "kind", "lang", "proposed", "left out"):
            table.add_column(col, overflow="fold")
        for o in outcomes:
            document = o.output.get("document", {})
            proposed = ", ".join(f"{len(ids)} {kind}" for kind, ids in o.records.items() if ids)
            table.add_row(
                o.path,
                _STATUS_WORDS[o.status] + (f" of {o.version_of}" if o.version_of else ""),
                o.document_id or "",
                str(document.get("kind", "")),
                str(document.get("language", "")),
                proposed if o.ok else (o.error or ""),
                str(len(o.skipped)) if o.skipped else "",
            )
        stdout().print(table)
        if any(o.records for o in outcomes if o.status != "unchanged"):
            stderr().print("Review the proposals: peacetrack review list", highlight=False)
    if failed:
        err = stderr()
        for o in failed:
            err.print(f"{o.path}: $: {o.error}", markup=False, highlight=False, soft_wrap=True)
        err.print(
            f"{len(failed)} of {len(outcomes)} file(s) could not be ingested; the others were stored.",
            highlight=False,
        )
        raise typer.Exit(2)


def reprocess(
    ctx: typer.Context,
    document: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="[DOCUMENT…]",
            help="Only these documents (ids as ingest printed them, or as the web library lists them). "
            "Default: every current document.",
            show_default=False,
        ),
    ] = None,
    since: Annotated[
        str | None,
        typer.Option(
            "--since",
            metavar="VERSION",
            help="Only documents not processed since peacetrack VERSION (e.g. 0.2.0: the release "
            "whose extractors changed).",
        ),
    ] = None,
    db: DbOption = None,
    by: AuthorOption = None,
    base_url: PublicUrlOption = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Work out and report what would change; write nothing.")
    ] = False,
    fmt: FormatOption = OutputFormat.table,
    dask: DaskOption = None,
) -> None:
    """Run extraction and linking again over stored documents (after the extractors or the provisions
    changed); replace only proposals nobody has reviewed, and report what changed.

    Each document is written in its own transaction; one that fails is listed on stderr with its
    error and the others still go in (exit 2 when any failed)."""
    from contextlib import nullcontext

    from peacetrack.collector import collector_paused
    from peacetrack.ingest.cluster import dask_client, parse_target
    from peacetrack.ingest.reprocess import CHANGES, summary
    from peacetrack.ingest.reprocess import reprocess as run

    target = parse_target(dask) if dask else None
    store = open_store(chosen_db(ctx, db), create=False)
    with (
        dask_client(target) if target is not None else nullcontext() as client,
        progress_bar(fmt is OutputFormat.table, "reprocess") as progress,
        collector_paused(),
    ):
        results = run(
            store,
            author=author(by),
            since=since,
            ids=document or (),
            base_url=base_url,
            dry_run=dry_run,
            progress=progress,
            client=client,
        )
    counts = summary(results)
    if fmt is OutputFormat.json:
        print_json([r.as_json() for r in results])
    else:
        title = "What reprocessing would change (dry run)" if dry_run else "Reprocessed"
        table = Table(title=title)
        for col in ("document", "result", "from", "added", "updated", "withdrawn", "kept (reviewed)"):
            table.add_column(col, overflow="fold")
        for r in results:
            table.add_row(
                f"{r.document_id}\n{r.path}",
                r.status if r.error is None else f"FAILED: {r.error}",
                r.source,
                *(_listed(r.ids(what)) for what in CHANGES),
            )
        stdout().print(table)
    err = stderr()
    for r in results:
        if r.error is not None:
            err.print(f"{r.path}: $: {r.error}", markup=False, highlight=False, soft_wrap=True)
    err.print(
        f"{counts['documents']} document(s): {counts['changed']} changed, {counts['unchanged']} unchanged, "
        f"{counts['failed']} failed; records {counts['added']} added, {counts['updated']} updated, "
        f"{counts['withdrawn']} withdrawn, {counts['kept']} reviewed and kept"
        + (" (dry run: nothing written)" if dry_run else ""),
        highlight=False,
    )
    if counts["failed"]:
        raise typer.Exit(2)


def _listed(found: Mapping[str, tuple[str, ...]]) -> str:
    return "\n".join(f"{kind}: {', '.join(ids)}" for kind, ids in found.items())


review_app = typer.Typer(
    name="review",
    help="Records proposed by ingest (or anyone): list them, accept or reject them.",
    no_args_is_help=True,
)


@review_app.command("list")
def review_list(
    ctx: typer.Context,
    kind: Annotated[
        str | None,
        typer.Option(
            "--kind", help="Only this kind: actors, statements, gatherings, events, … (or singular)."
        ),
    ] = None,
    db: DbOption = None,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Records waiting for review (status neither accepted nor rejected), with their documents."""
    from peacetrack.ingest.review import kind_name, pending

    chosen = kind_name(kind) if kind else None
    store = open_store(chosen_db(ctx, db), create=False)
    with store.read() as conn:
        found = pending(conn, chosen)
    if fmt is OutputFormat.json:
        print_json(
            [
                {
                    "ref": p.ref,
                    "kind": p.kind,
                    "id": p.id,
                    "status": p.status,
                    "title": p.title,
                    "documents": list(p.documents),
                    "record": p.doc,
                }
                for p in found
            ]
        )
        return
    if not found:
        stderr().print("Nothing to review.", highlight=False)
        return
    table = Table(title=f"{len(found)} record(s) waiting for review")
    for col in ("record", "status", "title", "from"):
        table.add_column(col, overflow="fold")
    for p in found:
        title = p.title.get("en") or next(iter(p.title.values()), "")
        table.add_row(p.ref, p.status, title, ", ".join(p.documents))
    stdout().print(table)


def _decide(
    ctx: typer.Context, refs: list[str], decision: str, db: str | None, by: str | None, reason: str | None
) -> None:
    from peacetrack.ingest.review import decide

    store = open_store(chosen_db(ctx, db), create=False)
    done = decide(
        store, refs, "accept" if decision == "accept" else "reject", author=author(by), reason=reason
    )
    out = stdout()
    for d in done:
        extra = f" (referred to by {d.because_of})" if d.because_of else ""
        out.print(f"{d.ref}: {d.status}{extra}", markup=False, highlight=False, soft_wrap=True)


RefsArgument = Annotated[
    list[str],
    typer.Argument(
        metavar="KIND/ID…", help="Records as kind/id, e.g. statements/doc-…statement.1.", show_default=False
    ),
]


def _decision(decision: str, help_text: str) -> Callable[..., None]:
    """The review command that makes one decision (accept or reject) on the records named."""

    def command(
        ctx: typer.Context,
        refs: RefsArgument,
        db: DbOption = None,
        by: AuthorOption = None,
        reason: ReasonOption = None,
    ) -> None:
        _decide(ctx, refs, decision, db, by, reason)

    command.__doc__ = help_text
    return command


review_app.command("accept")(
    _decision(
        "accept",
        """Accept proposed (or earlier rejected) records; the proposed actors they refer to are accepted too.

    All or nothing: an unknown or already accepted record, or a reference to a
    rejected actor, changes nothing (exit 2).""",
    )
)
review_app.command("reject")(
    _decision(
        "reject", "Reject proposed records: they stay stored, with their history, but readers never see them."
    )
)


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest)
    app.command("reprocess")(reprocess)
    app.add_typer(review_app)


__all__ = ["ingest", "register", "reprocess", "review_app"]

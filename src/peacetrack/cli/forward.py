"""`peacetrack steps`: each party's open ledger and reciprocal packages (docs/forward.md)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from peacetrack.cli.common import DbOption, FormatOption, OutputFormat, author, print_json, stdout
from peacetrack.cli.options import AsOfOption, LangOption, bad, day, lang, opened
from peacetrack.forward import proposals
from peacetrack.forward.rules import load_rules
from peacetrack.forward.service import WayForward, to_json, way_forward
from peacetrack.store.scoring_reads import load_index

steps_app = typer.Typer(
    name="steps",
    help="The way forward: each party's open ledger and reciprocal steps paired by size.",
    no_args_is_help=False,
)

PartyOption = Annotated[
    str | None, typer.Option("--party", metavar="ACTOR", help="Only this party's ledger and packages.")
]
RulesOption = Annotated[
    Path | None,
    typer.Option("--rules", metavar="FILE", help="Weights to use instead of the bundled ones (YAML)."),
]


def _plan(
    ctx: typer.Context,
    db: str | None,
    as_of: str | None,
    party: str | None,
    language: str,
    rules: Path | None,
) -> WayForward:
    chosen = load_rules(rules) if rules is not None else None
    with opened(ctx, db) as store, store.read() as conn:
        return way_forward(
            conn,
            load_index(conn, lang=lang(language)),
            day(as_of, "--as-of"),
            party=party,
            lang=lang(language),
            rules=chosen,
        )


def _print(wf: WayForward) -> None:
    out = stdout()
    for party, items in wf.ledger.items():
        table = Table(title=f"{wf.names.get(party, party)} ({party}): open ledger as of {wf.as_of}")
        for name in ("provision", "status", "level", "since", "fell on"):
            table.add_column(name, no_wrap=True)
        table.add_column("fell by", overflow="fold")
        table.add_column("overdue", no_wrap=True)
        for item in items:
            table.add_row(
                item.provision,
                item.status,
                f"{item.level}/{item.peak}",
                item.since.isoformat(),
                item.fell_on.isoformat() if item.fell_on else "",
                ", ".join(item.fell_by),
                "yes" if item.overdue else "",
            )
        out.print(table)
    if not wf.ledger:
        out.print(f"No party has a pending or reversed provision as of {wf.as_of}.")
    for n, package in enumerate(wf.packages, 1):
        table = Table(
            title=f"Package {n} ({package.tier} steps, size {package.size:.2f})",
            caption=wf.package_why(package),
        )
        for name in ("party", "provision", "from → to"):
            table.add_column(name, no_wrap=True)
        table.add_column("why", overflow="fold")
        for step in package.steps:
            table.add_row(step.party, step.provision, f"{step.level} → {step.to}", wf.why(step))
        out.print(table)


@steps_app.callback(invoke_without_command=True)
def steps(
    ctx: typer.Context,
    as_of: AsOfOption = None,
    party: PartyOption = None,
    fmt: FormatOption = OutputFormat.table,
    language: LangOption = "en",
    rules: RulesOption = None,
    db: DbOption = None,
) -> None:
    """The way forward: each party's pending and reversed provisions, and reciprocal steps paired by size.

    json: {"as_of", "party", "ledger": {party: [...]}, "packages": [{"tier", "size", "steps": [...]}]}.
    """
    if ctx.invoked_subcommand is not None:
        return
    wf = _plan(ctx, db, as_of, party, language, rules)
    if fmt is OutputFormat.json:
        print_json(to_json(wf))
    else:
        _print(wf)


@steps_app.command("save")
def save(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="Name of the proposal (letters, digits, . _ -).")],
    package: Annotated[int, typer.Option("--package", min=1, help="Number of the package, as listed.")],
    as_of: AsOfOption = None,
    party: PartyOption = None,
    note: Annotated[str | None, typer.Option("--note", help="Why it is proposed, for the record.")] = None,
    by: Annotated[
        str | None, typer.Option("--author", help="Who saves it. Default: $PEACETRACK_AUTHOR.")
    ] = None,
    rules: RulesOption = None,
    db: DbOption = None,
) -> None:
    """Keep one package of `peacetrack steps` (same --as-of and --party) as a named proposal."""
    wf = _plan(ctx, db, as_of, party, "en", rules)
    with opened(ctx, db) as store:
        saved = proposals.save(store, wf, package, name, note=note, author=author(by))
    stdout().print(f"saved proposal {saved.name!r} ({len(saved.package['steps'])} steps as of {saved.as_of})")


@steps_app.command("proposals")
def list_proposals(ctx: typer.Context, fmt: FormatOption = OutputFormat.table, db: DbOption = None) -> None:
    """The saved proposals."""
    with opened(ctx, db) as store, store.read() as conn:
        found = proposals.listed(conn)
    if fmt is OutputFormat.json:
        print_json([proposals.proposal_json(p) for p in found])
        return
    table = Table(title="Saved proposals")
    for name in ("name", "as of", "steps", "author", "note"):
        table.add_column(name, overflow="fold")
    for p in found:
        steps = "; ".join(f"{s['party']} {s['provision']} → {s['to']}" for s in p.package["steps"])
        table.add_row(p.name, p.as_of.isoformat(), steps, p.author, p.note or "")
    stdout().print(table)


@steps_app.command("proposal")
def show_proposal(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="Name of a saved proposal.")],
    until: Annotated[
        str | None,
        typer.Option("--until", metavar="DATE", help="Look for steps up to this day. Default: today."),
    ] = None,
    fmt: FormatOption = OutputFormat.table,
    db: DbOption = None,
) -> None:
    """One saved proposal, and which of its steps happened since (the first date each reached its level)."""
    end: date = day(until, "--until")
    with opened(ctx, db) as store, store.read() as conn:
        try:
            proposal = proposals.get(conn, name)
        except KeyError:
            raise bad("name", f"no proposal named {name!r}") from None
        found = proposals.outcomes(load_index(conn), proposal, end)
    if fmt is OutputFormat.json:
        print_json(proposals.proposal_json(proposal, found))
        return
    table = Table(title=f"Proposal {proposal.name} (as of {proposal.as_of})", caption=proposal.note or None)
    for column in ("party", "provision", "to level", "happened on", "evidence"):
        table.add_column(column, overflow="fold")
    for o in found:
        table.add_row(
            o.step["party"],
            o.step["provision"],
            str(o.step["to"]),
            o.happened_on.isoformat() if o.happened_on else "not yet",
            ", ".join(o.evidence),
        )
    stdout().print(table)


def register(app: typer.Typer) -> None:
    app.add_typer(steps_app)

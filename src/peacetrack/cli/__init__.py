"""The `peacetrack` command line (docs/cli.md)."""

from __future__ import annotations

import sys

import typer
from sqlalchemy.exc import SQLAlchemyError

from peacetrack import settings
from peacetrack.cli import data, environment, forward, ingest, link, scores, web
from peacetrack.cli.common import DbOption, stderr
from peacetrack.errors import BadInput
from peacetrack.store import StoreBusy

app = typer.Typer(
    name="peacetrack",
    help="Monitor peace processes: agreements, provisions, sourced events and implementation scores.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.callback()
def _root(ctx: typer.Context, db: DbOption = None) -> None:
    # --db before the command is accepted too; commands find it on the root context.
    ctx.obj = {"db": db}


app.command("init")(data.init)
app.command("import")(data.import_)
app.command("export")(data.export)
app.command("history")(data.history)
app.command("check")(data.check)
app.command("backup")(data.backup_)
app.command("restore")(data.restore)
app.command("link")(link.link)
app.command("serve")(web.serve)
app.add_typer(web.users_app)
scores.register(app)
ingest.register(app)
forward.register(app)
environment.register(app)


def main(argv: list[str] | None = None) -> None:
    """Entry point: exit 0 on success, 2 on bad input, 1 on anything else."""
    try:
        # Typer handles usage errors itself (exit 2); ours come out as exceptions.
        app(args=argv, prog_name="peacetrack")
    except BadInput as exc:
        err = stderr()
        for problem in exc.problems:
            err.print(str(problem), markup=False, highlight=False, soft_wrap=True)
        if len(exc.problems) > 1:
            err.print(f"{len(exc.problems)} problems; nothing was written.", highlight=False)
        sys.exit(2)
    except StoreBusy as exc:
        stderr().print(f"database busy: {exc}; try again shortly", markup=False, highlight=False)
        sys.exit(1)
    except SQLAlchemyError as exc:
        stderr().print(f"database error: {str(exc).splitlines()[0]}", markup=False, highlight=False)
        sys.exit(1)
    except OSError as exc:
        stderr().print(f"error: {exc}", markup=False, highlight=False)
        sys.exit(1)
    except Exception as exc:  # a bug: say so briefly, show the trace only when asked
        if settings.get(settings.DEBUG):
            raise
        stderr().print(
            f"internal error: {type(exc).__name__}: {exc} (set PEACETRACK_DEBUG=1 for the trace)",
            markup=False,
            highlight=False,
        )
        sys.exit(1)

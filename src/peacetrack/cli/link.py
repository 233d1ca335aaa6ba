"""link: the provisions a piece of text most likely bears on (docs/cli.md)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from peacetrack import settings
from peacetrack.cli.common import (
    DbOption,
    FormatOption,
    OutputFormat,
    chosen_db,
    open_store,
    print_json,
    stderr,
    stdout,
)
from peacetrack.errors import BadInput, Problem
from peacetrack.link import IndexCache, default_cache_dir, link_rows
from peacetrack.link.effect import detect_lang

CACHE_ENV = settings.LINK_CACHE.name
"""A folder for the index's term counts per database, or ``off``; default: the user cache folder."""


def _cache() -> IndexCache:
    where = settings.get(settings.LINK_CACHE)
    if where and where.lower() in {"off", "0", "none", "no"}:
        return IndexCache(None)
    return IndexCache(Path(where) if where else default_cache_dir())


def link(
    ctx: typer.Context,
    text: Annotated[str, typer.Argument(help="The text: an event description, a news lead, a demand.")],
    top: Annotated[int, typer.Option("--top", "-k", help="How many provisions to list.")] = 5,
    db: DbOption = None,
    rerank: Annotated[
        bool,
        typer.Option(
            "--rerank",
            help="Reorder the BM25 candidates by semantic similarity "
            "(needs pip install 'peacetrack[semantic]'; slower).",
        ),
    ] = False,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """The provisions TEXT most likely bears on (English or Korean), with the words that matched
    and a proposed effect (implements, violates, …) from cue words."""
    if not text.strip():
        raise BadInput([Problem("TEXT", "$", "the text is empty: give the words to link")])
    if top < 1:
        raise BadInput([Problem("--top", "$", f"must be at least 1, got {top}")])
    store = open_store(chosen_db(ctx, db), create=False)
    try:
        index = _cache().for_store(store)
    finally:
        store.dispose()
    reranker = None
    if rerank and len(index):
        from peacetrack.link.semantic import Reranker, SemanticUnavailable, load_encoder

        try:
            reranker = Reranker(load_encoder())
        except SemanticUnavailable as exc:
            raise BadInput([Problem("--rerank", "$", str(exc))]) from None
    rows = link_rows(text, index, top, reranker=reranker)
    lang = detect_lang(text)
    if fmt is OutputFormat.json:
        print_json(rows)
        return
    if not len(index):
        stderr().print(
            "no provisions in this database: import some first (peacetrack import @korean-peninsula)"
        )
        return
    if not rows:
        stderr().print("no provision shares a word with this text")
        return
    table = Table(title=f"Provisions for: {text if len(text) <= 70 else text[:69] + '…'}")
    for col in ("#", "provision", "score", "matched", "effect (cue)", "text"):
        table.add_column(col, justify="right" if col in {"#", "score"} else "left", overflow="fold")
    for i, row in enumerate(rows, 1):
        effect = row["effect"]
        like = f" (like {effect['precedent']})" if effect.get("precedent") else ""
        cue = f" ({effect['cue']})" if effect["cue"] else like
        body = row["text"].get(lang) or row["text"]["en"]
        table.add_row(
            str(i),
            row["provision"],
            f"{row['score']:.2f}",
            ", ".join(row["matched"][:6]),
            f"{effect['effect']}{cue}",
            body if len(body) <= 160 else body[:159] + "…",
        )
    stdout().print(table)

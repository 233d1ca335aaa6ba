"""Reprocess stored documents: run extraction and linking again after the extractors or the
provisions changed, and replace what nobody has reviewed yet (docs/cli.md, `peacetrack reprocess`).

For each current document, in the order they were ingested:

- the pipeline runs again on the original file when it is still where it was read from with the
  same bytes (so reading improvements count too), else on the text the store kept;
- records the document proposed that are still ``proposed`` are replaced by what the pipeline
  proposes now: new ones are added, changed ones updated, ones it no longer proposes are set aside
  (rejected, with the reason in the history);
- records someone accepted or rejected are never touched, whatever the pipeline says now;
- a candidate actor the document proposed stays while any record still names it;
- the provenance of every replaced record, the left-out notes, the extraction output and the
  pipeline version are replaced with the new ones.

A document whose records come out the same is ``unchanged`` (only its extraction output and
version are renewed). Each document is written in its own transaction; one that fails costs only
itself. ``dry_run`` computes and reports everything and writes nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, Literal

from sqlalchemy import Connection, select

from peacetrack.errors import BadInput, Problem
from peacetrack.ingest import documents as docs
from peacetrack.ingest import reconcile
from peacetrack.ingest.cluster import in_flight
from peacetrack.ingest.context import build_pipeline, registry_from
from peacetrack.ingest.proposals import propose
from peacetrack.ingest.service import Progress, pipeline_version, public_url
from peacetrack.ingest.sources import From, read_source, source_of
from peacetrack.pipeline import Linker, Pipeline, ReadOptions, Result, to_output
from peacetrack.pipeline.records import Document, Extraction
from peacetrack.pipeline.registry import Registry
from peacetrack.store import Store
from peacetrack.store import tables as t
from peacetrack.store.revisions import now

if TYPE_CHECKING:
    from distributed import Client, Future

Status = Literal["unchanged", "changed", "failed"]
Made = tuple[From, Document, Extraction] | str
"""A document through every stage but resolve, and where it was read from; or why it failed."""
CHANGES = ("added", "updated", "withdrawn", "kept")
"""What reprocessing does to a record, the names of :class:`Reprocessed`'s id maps."""
_VERSION = re.compile(r"(\d+(?:\.\d+)*)")


@dataclass(frozen=True)
class Reprocessed:
    """What reprocessing one document did (or, in a dry run, would do), record ids by kind."""

    document_id: str
    path: str
    status: Status
    source: From | Literal[""] = ""
    added: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    updated: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    withdrawn: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    kept: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """Reviewed records the pipeline would now change or no longer propose: left as they are."""
    error: str | None = None

    def ids(self, what: str) -> Mapping[str, tuple[str, ...]]:
        """The record ids by kind for one of CHANGES."""
        found: Mapping[str, tuple[str, ...]] = getattr(self, what)
        return found

    def as_json(self) -> dict[str, Any]:
        return {
            "document": self.document_id,
            "path": self.path,
            "status": self.status,
            "source": self.source or None,
            **{what: {k: list(v) for k, v in self.ids(what).items()} for what in CHANGES},
            "error": self.error,
        }


def parse_version(text: str) -> tuple[int, ...]:
    """``0.2`` or ``peacetrack 0.2.1`` as a comparable tuple; BadInput when no version is in it."""
    match = _VERSION.search(text)
    if match is None:
        raise BadInput([Problem("--since", "$", f"expected a version such as 0.2.0, got {text!r}")])
    return tuple(int(p) for p in match.group(1).split("."))


def _older(made_by: str, since: tuple[int, ...]) -> bool:
    """Whether an extraction made by ``made_by`` predates version ``since`` (an unversioned
    source-tree run counts as older: nothing says what it had)."""
    match = _VERSION.search(made_by)
    if match is None:
        return True
    mine = tuple(int(p) for p in match.group(1).split("."))
    width = max(len(mine), len(since))
    return mine + (0,) * (width - len(mine)) < since + (0,) * (width - len(since))


def selected(
    conn: Connection, *, since: str | None = None, ids: Iterable[str] = ()
) -> list[tuple[docs.StoredDocument, str]]:
    """Current documents (and the pipeline version that made each one's extraction), oldest first;
    ``since``: only those not processed since that version; ``ids``: only these (BadInput if unknown)."""
    wanted = list(dict.fromkeys(ids))
    query = (
        select(*docs.COLUMNS, t.extractions.c.pipeline_version)
        .join(t.extractions, t.extractions.c.document_id == t.documents.c.id)
        .where(t.documents.c.status == docs.CURRENT)
        .order_by(t.documents.c.ingested_at, t.documents.c.id)
    )
    rows = [(docs.stored(r), str(r.pipeline_version)) for r in conn.execute(query)]
    if wanted:
        found = {d.id for d, _ in rows}
        missing = [i for i in wanted if i not in found]
        if missing:
            raise BadInput(
                [
                    Problem("DOCUMENT", "$", f"no current document {i!r} (the web library lists them)")
                    for i in missing
                ]
            )
        rows = [(d, v) for d, v in rows if d.id in set(wanted)]
    if since is not None:
        limit = parse_version(since)
        rows = [(d, v) for d, v in rows if _older(v, limit)]
    return rows


def _tuples(found: Mapping[str, list[str]]) -> dict[str, tuple[str, ...]]:
    return {k: tuple(v) for k, v in found.items() if v}


class _Run:
    def __init__(
        self, store: Store, pipeline: Pipeline, *, author: str, base_url: str, dry_run: bool
    ) -> None:
        self.store = store
        self.pipeline = pipeline
        self.author = author
        self.base_url = base_url
        self.dry_run = dry_run
        self.version = pipeline_version()

    def one(self, stored: docs.StoredDocument) -> Reprocessed:
        with self.store.read() as conn:
            source = source_of(conn, stored)
        document, label = read_source(source, self.pipeline.options)
        return self.record(stored, label, self.pipeline.process(document))

    def record(self, stored: docs.StoredDocument, source: From, result: Result) -> Reprocessed:
        """Write (or, in a dry run, work out) what a run of the pipeline over ``stored`` changes."""
        if not result.ok or result.document is None:
            return Reprocessed(
                stored.id, stored.path, "failed", source, error=result.error or "could not be read"
            )
        output = to_output(result)
        proposal = propose(output, stored.id, self.base_url)
        try:
            with self.store.write() as conn:
                savepoint = conn.begin_nested()
                old_left_out = docs.left_out_of(conn, stored.id)
                diff = reconcile.diff(conn, stored.id, proposal, stored.path)
                same = diff.empty and old_left_out == list(proposal.skipped)
                if same:
                    docs.replace_extraction(
                        conn,
                        stored,
                        None,
                        output,
                        author=self.author,
                        at=now(),
                        version=self.version,
                        reason=None,
                    )
                else:
                    reconcile.write(
                        conn,
                        stored,
                        result.document,
                        output,
                        proposal,
                        diff,
                        author=self.author,
                        version=self.version,
                    )
                if self.dry_run:
                    savepoint.rollback()
                else:
                    savepoint.commit()
                    if diff.added.get("actors"):
                        self.pipeline = registry_from(conn, self.pipeline)
        except BadInput as exc:
            return Reprocessed(
                stored.id,
                stored.path,
                "failed",
                source,
                error=f"the extracted records were not valid: {exc.summary()}",
            )
        except Exception as exc:  # a bug or a pathological input must cost one document, not the run
            return Reprocessed(stored.id, stored.path, "failed", source, error=f"{type(exc).__name__}: {exc}")
        return Reprocessed(
            stored.id,
            stored.path,
            "unchanged" if same else "changed",
            source,
            _tuples(diff.added),
            _tuples(diff.updated),
            _tuples(diff.withdrawn),
            _tuples(diff.kept),
        )

    def on_dask(self, todo: Sequence[docs.StoredDocument], client: Client) -> Iterator[Reprocessed]:
        """Documents out to the workers a chunk at a time (a few chunks per worker in flight), results
        written back here in order."""
        from peacetrack.ingest.worker import unresolved_chunk

        base = replace(self.pipeline, registry=Registry([], self.pipeline.registry.groups))
        shipped = client.scatter(base, broadcast=True, hash=False)
        chunks = (range(i, min(i + CHUNK, len(todo))) for i in range(0, len(todo), CHUNK))
        ready: dict[int, Made] = {}
        following = 0

        def submit() -> tuple[Future[list[Made]], range] | None:
            indexes = next(chunks, None)
            if indexes is None:
                return None
            with self.store.read() as conn:
                sources = [source_of(conn, todo[i], i) for i in indexes]
            return client.submit(unresolved_chunk, sources, shipped, pure=False, retries=1), indexes

        for indexes, result in in_flight(client, submit):
            if isinstance(result, Exception):  # the task itself failed: its documents fail
                ready.update((i, f"the worker failed: {type(result).__name__}: {result}") for i in indexes)
            else:
                ready.update(zip(indexes, result, strict=True))
            while following in ready:
                yield self._resolved(todo[following], ready.pop(following))
                following += 1

    def _resolved(
        self,
        stored: docs.StoredDocument,
        made: Made,
    ) -> Reprocessed:
        if isinstance(made, str):
            return Reprocessed(stored.id, stored.path, "failed", error=made)
        label, document, unresolved = made
        try:
            extraction = self.pipeline.resolve(document, unresolved)
        except Exception as exc:  # as in Pipeline.process: one document's bug costs that document
            return Reprocessed(stored.id, stored.path, "failed", label, error=f"extraction failed: {exc}")
        return self.record(stored, label, Result(stored.path, document=document, extraction=extraction))


CHUNK = 8
"""Documents per task sent to a Dask worker."""


def reprocess(
    store: Store,
    *,
    author: str,
    since: str | None = None,
    ids: Iterable[str] = (),
    linker: Linker | None = None,
    options: ReadOptions | None = None,
    base_url: str | None = None,
    dry_run: bool = False,
    progress: Progress | None = None,
    client: Client | None = None,
) -> list[Reprocessed]:
    """Run the pipeline again over stored documents and replace the proposals nobody reviewed.

    With a Dask ``client`` the stages before resolving run on its workers (peacetrack.ingest.worker);
    names are resolved and everything is written here, in the same order, so the result is the same."""
    with store.read() as conn:
        todo = [stored for stored, _ in selected(conn, since=since, ids=ids)]
    pipeline = build_pipeline(store, linker=linker, options=options or ReadOptions())
    run = _Run(store, pipeline, author=author, base_url=public_url(base_url), dry_run=dry_run)
    results = run.on_dask(todo, client) if client is not None else map(run.one, todo)
    out: list[Reprocessed] = []
    failed = 0
    for n, result in enumerate(results, 1):
        out.append(result)
        failed += result.status == "failed"
        if progress:
            progress("documents", n, len(todo), failed)
    return out


def summary(results: Iterable[Reprocessed]) -> dict[str, int]:
    """Documents by status, and records by what happened to them, over a run."""
    counts = {"documents": 0, "unchanged": 0, "changed": 0, "failed": 0, **dict.fromkeys(CHANGES, 0)}
    for r in results:
        counts["documents"] += 1
        counts[r.status] += 1
        for what in CHANGES:
            counts[what] += sum(len(v) for v in r.ids(what).values())
    return counts


__all__ = ["CHANGES", "Reprocessed", "parse_version", "reprocess", "selected", "summary"]

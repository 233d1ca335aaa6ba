"""Ingest into the store: read → pipeline → proposed records, one transaction per file.

For each file: hash the bytes; bytes already stored are a no-op that returns
the stored result (docs/ingest.md). Otherwise run the pipeline, turn its
output into bundle records (``convert``), check them with the bundle
validator against what the store holds, and write them with the bundle
writer, with status ``proposed``, together with the document, its
extraction output and the provenance of every value. A file that cannot be
read or extracted gets its own error and nothing of it is stored; the other
files go in. A file whose name the same author ingested before with other
bytes becomes a new version of that document: the old one is marked superseded
and its records still waiting for review are set aside (rejected, reason
recorded). Another author's file of the same name is a document of its own.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any, Final, Literal, Protocol

import orjson
from sqlalchemy import Connection
from sqlalchemy.exc import IntegrityError

from peacetrack import settings
from peacetrack.bundle.importer import plan
from peacetrack.bundle.validate import Validated
from peacetrack.errors import BadInput
from peacetrack.ingest import documents as docs
from peacetrack.ingest.context import build_pipeline, refresh_registry
from peacetrack.ingest.convert import Proposal
from peacetrack.ingest.proposals import (
    keep_existing_candidates,
    left_out_row,
    propose,
    set_aside_version,
    validated_in,
)
from peacetrack.model.status import PROPOSED
from peacetrack.pipeline import Clock, Linker, Pipeline, ReadError, ReadOptions, Result, to_output
from peacetrack.pipeline.read import expand_paths, read_bytes, read_raw
from peacetrack.pipeline.records import Document
from peacetrack.store import Store
from peacetrack.store.revisions import now
from peacetrack.store.writer import Plan, apply

PUBLIC_URL_ENV: Final = settings.PUBLIC_URL.name
DEFAULT_PUBLIC_URL: Final = "http://localhost:8000"
"""Where `peacetrack serve` answers by default: events cite a document's library page there."""

Status = Literal["stored", "new_version", "unchanged", "failed"]


class Progress(Protocol):
    """progress(stage, done, total, failed), as the CLI's progress bar takes it."""

    def __call__(self, stage: str, done: int, total: int, failed: int = 0, /) -> None: ...


def pipeline_version() -> str:
    try:
        return f"peacetrack {version('peacetrack')}"
    except PackageNotFoundError:  # running from a source tree that was never installed
        return "peacetrack (source)"


def public_url(explicit: str | None = None) -> str:
    """The base address events cite for documents without one of their own."""
    chosen = explicit or settings.get(settings.PUBLIC_URL) or DEFAULT_PUBLIC_URL
    return chosen.rstrip("/")


@dataclass(frozen=True)
class Outcome:
    """What ingesting one file did. ``output`` is its docs/ingest.md object (or its error object)."""

    path: str
    output: dict[str, Any]
    status: Status
    document_id: str | None = None
    version_of: str | None = None
    records: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    skipped: tuple[str, ...] = ()
    error: str | None = None
    timings: tuple[tuple[str, float], ...] = ()

    @property
    def ok(self) -> bool:
        return self.status != "failed"


def failed_outcome(path: str, reason: str, timings: tuple[tuple[str, float], ...] = ()) -> Outcome:
    return Outcome(path, to_output(Result(path, error=reason)), "failed", error=reason, timings=timings)


def file_key(path: str) -> str:
    """What makes two files versions of one document: the file's resolved path."""
    try:
        return str(Path(path).resolve())
    except (OSError, RuntimeError):
        return path


class Ingester:
    """One ingest session on one store: the pipeline is built once and shared by every file."""

    def __init__(
        self,
        store: Store,
        *,
        author: str,
        linker: Linker | None = None,
        options: ReadOptions | None = None,
        base_url: str | None = None,
        pipeline: Pipeline | None = None,
    ) -> None:
        self.store = store
        self.author = author
        self.options = options or ReadOptions()
        self.base_url = public_url(base_url)
        self.pipeline = pipeline or build_pipeline(store, linker=linker, options=self.options)
        self.version = pipeline_version()

    # --- entry points ------------------------------------------------------------------------

    def ingest_path(self, path: str | Path) -> Outcome:
        name = str(path)
        clock = Clock()
        try:
            with clock.stage("read"):
                data = read_raw(path, self.options)
        except ReadError as exc:
            return failed_outcome(name, exc.reason, clock.timings())
        return self._ingest(data, name, file_key(name), clock)

    def ingest_bytes(self, data: bytes, name: str) -> Outcome:
        """Bytes that came under ``name`` (an upload): the name is also what versions follow."""
        return self._ingest(data, name, name, Clock())

    # --- one file ------------------------------------------------------------------------------

    def unchanged(self, conn: Connection, stored: docs.StoredDocument, path: str) -> Outcome:
        output = docs.output_of(conn, stored.id) or {"document": {"path": path}}
        records = {k: tuple(v) for k, v in docs.records_of(conn, stored.id).items()}
        left_out = tuple(docs.left_out_of(conn, stored.id))
        return Outcome(path, output, "unchanged", stored.id, stored.version_of, records, left_out)

    def _ingest(self, data: bytes, path: str, key: str, clock: Clock) -> Outcome:
        sha = hashlib.sha256(data).hexdigest()
        with self.store.read() as conn:
            stored = docs.by_sha(conn, sha)
            if stored is not None:
                return self.unchanged(conn, stored, path)
        try:
            with clock.stage("read"):
                document = read_bytes(data, path, self.options)
        except ReadError as exc:
            return failed_outcome(path, exc.reason, clock.timings())
        result = self.pipeline.process(document, clock)
        if not result.ok or result.document is None:
            return failed_outcome(path, result.error or "could not be read", clock.timings())
        output = to_output(result)
        try:
            with clock.stage("store"):
                outcome = self._store(result.document, output, key, len(data))
        except IntegrityError:
            # Another writer stored the same bytes between our check and our write.
            with self.store.read() as conn:
                stored = docs.by_sha(conn, sha)
                if stored is None:
                    raise
                return self.unchanged(conn, stored, path)
        except BadInput as exc:
            return failed_outcome(
                path, f"the extracted records were not valid: {exc.summary()}", clock.timings()
            )
        except Exception as exc:  # a bug or a pathological input must cost one file, not the batch
            return failed_outcome(path, f"could not store: {type(exc).__name__}: {exc}", clock.timings())
        if outcome.records.get("actors"):
            # New candidates: later files should resolve the same names to them.
            self.pipeline = refresh_registry(self.store, self.pipeline)
        return Outcome(
            outcome.path,
            outcome.output,
            outcome.status,
            outcome.document_id,
            outcome.version_of,
            outcome.records,
            outcome.skipped,
            timings=clock.timings(),
        )

    def _store(self, document: Document, output: dict[str, Any], key: str, size: int) -> Outcome:
        with self.store.write() as conn:
            return self.store_in(conn, document, output, key, size)

    def proposal_for(self, document: Document, output: dict[str, Any]) -> Proposal:
        return propose(output, document.id, self.base_url)

    def store_in(
        self,
        conn: Connection,
        document: Document,
        output: dict[str, Any],
        key: str,
        size: int,
        checked: tuple[Proposal, Validated] | None = None,
    ) -> Outcome:
        """Store one document's proposals in an open transaction. ``checked`` is the proposal and its
        validation made elsewhere (a worker) against exactly what this store holds now."""
        stored = docs.by_sha(conn, document.sha256)
        if stored is not None:
            return self.unchanged(conn, stored, document.path)
        previous = docs.latest_named(conn, key[: docs.NAME_MAX], self.author)
        if checked is None:
            proposal = self.proposal_for(document, output)
            keep_existing_candidates(conn, proposal)
            validated = validated_in(conn, proposal, document.path)
        else:
            proposal, validated = checked
        one = Checked(document, output, key, size, proposal, validated)
        return _write(self, conn, [one], [previous], *_planned(conn, [one]))[0]


@dataclass(frozen=True)
class Checked:
    """One document ready to store: what the pipeline made of it, converted and validated."""

    document: Document
    output: dict[str, Any]
    key: str
    size: int
    proposal: Proposal
    validated: Validated


class NotInOneGo(Exception):
    """A batch that ``store_many`` leaves to ``store_in``, one document at a time."""


def store_many(ingester: Ingester, conn: Connection, batch: Sequence[Checked]) -> list[Outcome]:
    """New documents whose records are all new, in one go: a statement per table, not per document.

    Raises NotInOneGo when a document is a new version of a stored one, or a record already exists:
    those need ``store_in``'s care. The caller runs this in a savepoint and falls back."""
    if docs.current_named(conn, (c.key[: docs.NAME_MAX] for c in batch), ingester.author):
        raise NotInOneGo("a new version of a stored document")
    todo, reasons = _planned(conn, batch)
    if any(todo.updates.values()) or any(todo.unchanged.values()):
        raise NotInOneGo("a record that is already stored")
    return _write(ingester, conn, batch, [None] * len(batch), todo, reasons)


def _planned(conn: Connection, batch: Sequence[Checked]) -> tuple[Plan, dict[tuple[str, str], str]]:
    """What writing these documents' records does, and each record's why for the history."""
    combined = Validated()
    reasons: dict[tuple[str, str], str] = {}
    for c in batch:
        why = f"ingest: proposed from {c.document.id} ({c.document.path})"
        for kind, located in c.validated.records.items():
            combined.records[kind].extend(located)
        for kind, ids in c.proposal.ids().items():
            reasons.update(((kind, rid), why) for rid in ids)
    return plan(conn, combined), reasons


def _write(
    ingester: Ingester,
    conn: Connection,
    batch: Sequence[Checked],
    previous: Sequence[docs.StoredDocument | None],
    todo: Plan,
    reasons: Mapping[tuple[str, str], str],
) -> list[Outcome]:
    """The documents, their proposed records (status proposed) and provenance, a statement per table
    whether one document or many; a new version supersedes its previous one and sets its proposals aside."""
    at = now()
    new = [
        docs.NewDocument(
            c.document,
            c.key[: docs.NAME_MAX],
            c.size,
            prev.id if prev else None,
            c.output,
            f"ingest {c.document.path}",
        )
        for c, prev in zip(batch, previous, strict=True)
    ]
    docs.insert_documents(conn, new, author=ingester.author, at=at, pipeline_version=ingester.version)
    if not todo.empty:
        apply(conn, todo, author=ingester.author, reason=None, reasons=reasons, status=PROPOSED)
    rows = [row.row(c.document.id) for c in batch for row in c.proposal.provenance]
    rows += [left_out_row(c.document.id, why) for c in batch for why in c.proposal.skipped]
    docs.insert_provenance(conn, rows)
    for c, prev in zip(batch, previous, strict=True):
        if prev is not None:
            docs.supersede(conn, prev, c.document.id, author=ingester.author, at=at)
            set_aside_version(conn, prev, c.document.id, author=ingester.author)
    return [
        Outcome(
            c.document.path,
            c.output,
            "new_version" if prev else "stored",
            c.document.id,
            prev.id if prev else None,
            {k: tuple(v) for k, v in c.proposal.ids().items()},
            tuple(c.proposal.skipped),
        )
        for c, prev in zip(batch, previous, strict=True)
    ]


# --- functions ----------------------------------------------------------------------------------


def ingest_paths(
    store: Store,
    paths: Iterable[str | Path],
    *,
    author: str,
    linker: Linker | None = None,
    options: ReadOptions | None = None,
    base_url: str | None = None,
    progress: Progress | None = None,
) -> list[Outcome]:
    """Ingest files (folders expand to their files), each in its own transaction, in input order."""
    files = expand_paths(paths)
    ingester = Ingester(store, author=author, linker=linker, options=options, base_url=base_url)
    outcomes: list[Outcome] = []
    failed = 0
    for n, path in enumerate(files, 1):
        outcomes.append(ingester.ingest_path(path))
        failed += 0 if outcomes[-1].ok else 1
        if progress:
            progress("documents", n, len(files), failed)
    return outcomes


def ingest_bytes(
    store: Store,
    data: bytes,
    name: str,
    *,
    author: str,
    linker: Linker | None = None,
    options: ReadOptions | None = None,
    base_url: str | None = None,
) -> Outcome:
    """Ingest one upload; ``name`` is the name it came under."""
    ingester = Ingester(store, author=author, linker=linker, options=options, base_url=base_url)
    return ingester.ingest_bytes(data, name)


def output_json(outcomes: Iterable[Outcome]) -> bytes:
    return orjson.dumps([o.output for o in outcomes])


__all__ = [
    "DEFAULT_PUBLIC_URL",
    "PUBLIC_URL_ENV",
    "Checked",
    "Ingester",
    "NotInOneGo",
    "Outcome",
    "Progress",
    "failed_outcome",
    "file_key",
    "ingest_bytes",
    "ingest_paths",
    "pipeline_version",
    "public_url",
    "store_many",
]

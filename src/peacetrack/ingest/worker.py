"""What a Dask worker does with a chunk of documents: everything of ingest but the write.

Each document is read, extracted, linked and resolved with the registry of a
`Snapshot`, converted to proposals and validated against the ids the snapshot
knew. The driver (peacetrack.ingest.parallel) writes the result as it is when
its registry has not changed since that snapshot, and resolves again when it
has, so the records are the same as one process would make in input order.

This module is imported on the workers: it must stay importable without the
CLI, the web stack or a database driver being configured.
"""

from __future__ import annotations

import pickle
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from peacetrack.bundle.validate import Known, Validated
from peacetrack.errors import BadInput
from peacetrack.ingest.convert import Proposal
from peacetrack.ingest.proposals import keep_known_candidates, propose, validated_against
from peacetrack.ingest.reprocess import Made
from peacetrack.ingest.sources import Source, read_source
from peacetrack.pipeline import Clock, Pipeline, ReadError, Result, to_output
from peacetrack.pipeline.read import read_bytes
from peacetrack.pipeline.records import Document, Extraction
from peacetrack.pipeline.registry import Reach, Registry
from peacetrack.pipeline.resolve import reach_of


@dataclass(frozen=True)
class Snapshot:
    """What resolving and validating depend on, as the store held it; ``version`` counts changes."""

    version: int
    registry: Registry
    known: Known


@dataclass(frozen=True)
class Item:
    """One document to prepare: its place in the run, the name it came under, its bytes."""

    index: int
    name: str
    data: bytes


@dataclass(frozen=True)
class Prepared:
    """One document as a worker left it. ``error`` set: it could not be read or extracted.

    ``checked`` is None when the records did not validate against the snapshot (``invalid`` says
    why); the driver decides then, against the store as it is."""

    index: int
    name: str
    size: int
    version: int
    document: Document | None = None  # without its sentences: what storing it needs
    unresolved: bytes | None = None  # the whole document and its extraction before resolving, pickled
    output: dict[str, Any] | None = None
    checked: tuple[Proposal, Validated] | None = None
    invalid: str | None = None
    error: str | None = None
    timings: tuple[tuple[str, float], ...] = ()
    reach: Reach | None = None  # what resolving looked up: whether new candidates could change it


def prepare(item: Item, pipeline: Pipeline, snapshot: Snapshot, base_url: str) -> Prepared:
    clock = Clock()
    size = len(item.data)
    try:
        with clock.stage("read"):
            document = read_bytes(item.data, item.name, pipeline.options)
    except ReadError as exc:
        return Prepared(
            item.index, item.name, size, snapshot.version, error=exc.reason, timings=clock.timings()
        )
    try:
        document, unresolved = pipeline.unresolved(document, clock)
        extraction = pipeline.resolve(document, unresolved, clock)
    except Exception as exc:  # one document's bug costs that document only, as in one process
        return Prepared(
            item.index,
            item.name,
            size,
            snapshot.version,
            error=f"extraction failed: {type(exc).__name__}: {exc}",
            timings=clock.timings(),
        )
    output = to_output(Result(document.path, document=document, extraction=extraction))
    checked: tuple[Proposal, Validated] | None = None
    invalid = None
    with clock.stage("check"):
        proposal = propose(output, document.id, base_url)
        keep_known_candidates(proposal, snapshot.known.actors)
        try:
            checked = (proposal, validated_against(snapshot.known, proposal, document.path))
        except BadInput as exc:
            invalid = exc.summary()
    # The driver unpickles every result while it writes; the sentences and the unresolved extraction
    # (thousands of small objects) are needed only when it must resolve again, so they travel as bytes.
    again = pickle.dumps((document, unresolved), protocol=pickle.HIGHEST_PROTOCOL)
    return Prepared(
        item.index,
        item.name,
        size,
        snapshot.version,
        replace(document, sentences=()),
        again,
        output,
        checked,
        invalid,
        timings=clock.timings(),
        reach=reach_of(document, unresolved),
    )


def prepare_chunk(
    items: Sequence[Item], pipeline: Pipeline, snapshot: Snapshot, base_url: str
) -> list[Prepared]:
    """The task a worker runs: a few documents at a time, so scheduling costs little per document."""
    with_registry = replace(pipeline, registry=snapshot.registry)
    return [prepare(item, with_registry, snapshot, base_url) for item in items]


def unresolved(prepared: Prepared) -> tuple[Document, Extraction]:
    """The whole document and its extraction before resolving (bytes from this run's own workers)."""
    assert prepared.unresolved is not None
    document, extraction = pickle.loads(prepared.unresolved)  # made by this run's own worker
    return document, extraction


def unresolved_chunk(sources: Sequence[Source], pipeline: Pipeline) -> list[Made]:
    """The task a worker runs for `peacetrack reprocess`: each stored document through every stage
    but resolve (the driver resolves with its current registry); a reason where one failed."""
    out: list[Made] = []
    for source in sources:
        document, label = read_source(source, pipeline.options)
        try:
            out.append((label, *pipeline.unresolved(document)))
        except Exception as exc:  # one document's bug costs that document only
            out.append(f"extraction failed: {type(exc).__name__}: {exc}")
    return out


__all__ = ["Item", "Prepared", "Snapshot", "prepare", "prepare_chunk", "unresolved", "unresolved_chunk"]

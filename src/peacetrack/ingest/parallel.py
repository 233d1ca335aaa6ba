"""Ingest on Dask: documents read, extracted and linked on the workers, written here in batches.

The driver (this process) reads each file once to hash it: contents already
stored are answered from the store without being sent anywhere, which makes a
rerun resume where the last one stopped. The rest go to the workers a chunk at
a time (``peacetrack.ingest.worker``), never more than a few chunks per worker
at once, so memory stays bounded whatever the number of files.

Results are written in input order by one writer, ``batch`` documents to a
transaction and a statement per table (``store_many``). A batch that cannot go
in one go (a new version of a stored document, a row the database refuses) is
written again a document per savepoint: a document that cannot be stored costs
only itself. Order matters because resolving names depends on what was stored
before (a new organisation named in one letter is a candidate the next letter's
names resolve to). A worker resolves with a snapshot of the registry; when
candidates were stored since that snapshot and could change how that document
resolves (``Registry.could_change``), the driver resolves it again with the
current registry. So the records are the same as
``ingest_paths`` makes in one process, and the workers are told of the new
registry after each batch.
"""

from __future__ import annotations

import gc
import hashlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection
from sqlalchemy.exc import IntegrityError

from peacetrack.bundle.importer import known_ids
from peacetrack.errors import BadInput
from peacetrack.ingest import documents as docs
from peacetrack.ingest.cluster import in_flight
from peacetrack.ingest.context import registry_from
from peacetrack.ingest.convert import Proposal
from peacetrack.ingest.proposals import keep_known_candidates, validated_against
from peacetrack.ingest.service import (
    Checked,
    Ingester,
    Outcome,
    Progress,
    failed_outcome,
    file_key,
    store_many,
)
from peacetrack.ingest.worker import Item, Prepared, Snapshot, prepare_chunk, unresolved
from peacetrack.model.records import Actor
from peacetrack.pipeline import Linker, ReadError, ReadOptions, Result, to_output
from peacetrack.pipeline.read import expand_paths, read_raw
from peacetrack.pipeline.registry import Registry
from peacetrack.store import Store

if TYPE_CHECKING:
    from distributed import Client, Future


@dataclass
class RunStats:
    """How the writing went: batches stored in one go or one document at a time (a new version in
    them, or a document the database refused), and documents resolved again after new candidates."""

    batches_in_one_go: int = 0
    batches_one_by_one: int = 0
    resolved_again: int = 0
    unaffected: int = 0  # prepared before new candidates were stored, which could not change them


@dataclass(frozen=True)
class _Copy:
    """A file with the same bytes as an earlier one in this run: answered once that one is written."""

    index: int
    name: str
    first: int


class _Run:
    def __init__(
        self,
        ingester: Ingester,
        client: Client,
        files: Sequence[str],
        progress: Progress | None,
        chunk: int,
        batch: int,
        stats: RunStats,
    ) -> None:
        self.ingester = ingester
        self.client = client
        self.files = files
        self.progress = progress
        self.chunk = max(1, chunk)
        self.batch = max(1, batch)
        self.outcomes: list[Outcome | None] = [None] * len(files)
        self.ready: dict[int, Prepared | _Copy] = {}
        self.next = 0  # the first index not yet written, in input order
        self.done = 0
        self.failed = 0
        self.version = 0
        # The actors each change of version added; None where the registry was read again instead.
        self.added: dict[int, tuple[Actor, ...] | None] = {}
        self.stats = stats
        base = replace(ingester.pipeline, registry=Registry([], ingester.pipeline.registry.groups))
        self.base = client.scatter(base, broadcast=True, hash=False)
        with ingester.store.read() as conn:
            self.known = known_ids(conn, events=False)
        self.snapshot = self._snapshot()

    # --- sending ---------------------------------------------------------------------------

    def _snapshot(self) -> Future[Snapshot]:
        snapshot = Snapshot(self.version, self.ingester.pipeline.registry, self.known)
        future: Future[Snapshot] = self.client.scatter(snapshot, broadcast=True, hash=False)
        return future

    def _decide(self, index: int, outcome: Outcome) -> None:
        self.outcomes[index] = outcome
        self.done += 1
        self.failed += 0 if outcome.ok else 1
        if self.progress:
            self.progress("documents", self.done, len(self.files), self.failed)

    def _chunks(self) -> Iterator[list[Item]]:
        """Files read and hashed here, a chunk at a time; stored contents are answered at once."""
        seen: dict[str, int] = {}
        options = self.ingester.options
        for start in range(0, len(self.files), self.chunk):
            fresh: list[tuple[int, str, bytes, str]] = []
            for index in range(start, min(start + self.chunk, len(self.files))):
                name = str(self.files[index])
                try:
                    data = read_raw(self.files[index], options)
                except ReadError as exc:
                    self._decide(index, failed_outcome(name, exc.reason))
                    continue
                sha = hashlib.sha256(data).hexdigest()
                if sha in seen:
                    self.ready[index] = _Copy(index, name, seen[sha])
                    continue
                seen[sha] = index
                fresh.append((index, name, data, sha))
            with self.ingester.store.read() as conn:
                stored = docs.by_shas(conn, (sha for *_, sha in fresh))
                for index, name, _, sha in fresh:
                    if sha in stored:
                        self._decide(index, self.ingester.unchanged(conn, stored[sha], name))
            items = [Item(index, name, data) for index, name, data, sha in fresh if sha not in stored]
            if items:
                yield items

    # --- the run ---------------------------------------------------------------------------

    def go(self) -> list[Outcome]:
        # The driver unpickles every result; with the pipeline's many long-lived objects (registry,
        # linker index) in the heap, the collector's full passes over them cost more than the writing.
        gc.collect()
        gc.freeze()
        try:
            return self._go()
        finally:
            gc.unfreeze()

    def _go(self) -> list[Outcome]:
        chunks = self._chunks()

        def submit() -> tuple[Future[list[Prepared]], list[Item]] | None:
            items = next(chunks, None)
            if items is None:
                return None
            # The registry snapshot as it is now: it changes as batches are written.
            args = (items, self.base, self.snapshot, self.ingester.base_url)
            return self.client.submit(prepare_chunk, *args, pure=False, retries=1), items

        for items, result in in_flight(self.client, submit):
            if isinstance(result, Exception):  # the task itself failed: its documents fail
                reason = f"the worker failed: {type(result).__name__}: {result}"
                result = [Prepared(i.index, i.name, len(i.data), -1, error=reason) for i in items]
            for prepared in result:
                self.ready[prepared.index] = prepared
            self._write(everything=False)
        self._write(everything=True)
        return [
            o if o is not None else failed_outcome(str(f), "not processed")
            for o, f in zip(self.outcomes, self.files, strict=True)
        ]

    # --- writing ---------------------------------------------------------------------------

    def _contiguous(self) -> list[int]:
        out: list[int] = []
        i = self.next
        while i < len(self.files):
            if self.outcomes[i] is None:
                if i not in self.ready:
                    break
                out.append(i)
            i += 1
        return out

    def _write(self, *, everything: bool) -> None:
        while True:
            indices = self._contiguous()
            if not indices or (len(indices) < self.batch and not everything):
                return
            indices = indices[: self.batch]
            entries = [self.ready.pop(i) for i in indices]
            before = self.version
            with self.ingester.store.write() as conn:
                for index, outcome in self._write_batch(conn, entries):
                    self._decide(index, outcome)
            if self.version != before:
                self.snapshot = self._snapshot()
            self.next = indices[-1] + 1

    def _write_batch(self, conn: Connection, entries: list[Prepared | _Copy]) -> list[tuple[int, Outcome]]:
        """The batch in one go when it can be (the common case), else a savepoint per document."""
        saved = (self.ingester.pipeline, self.version, self.known)
        try:
            with conn.begin_nested():
                done = self._in_one_go(conn, entries)
            self.stats.batches_in_one_go += 1
            return done
        except Exception:  # NotInOneGo, or one document the database refuses: take them one by one
            self.ingester.pipeline, self.version, self.known = saved
            self.stats.batches_one_by_one += 1
        decided: dict[int, Outcome] = {}
        for entry in entries:
            if isinstance(entry, _Copy):
                decided[entry.index] = self._copy(conn, entry, decided)
            else:
                checked = self._checked(entry)
                decided[entry.index] = (
                    checked if isinstance(checked, Outcome) else self._store(conn, entry, checked)
                )
        return list(decided.items())

    def _in_one_go(self, conn: Connection, entries: list[Prepared | _Copy]) -> list[tuple[int, Outcome]]:
        decided: dict[int, Outcome] = {}
        ready: list[tuple[Prepared, Checked]] = []
        for entry in entries:
            if isinstance(entry, _Copy):
                continue
            checked = self._checked(entry)
            if isinstance(checked, Outcome):
                decided[entry.index] = checked
            else:
                ready.append((entry, checked))
        if ready:
            stored = store_many(self.ingester, conn, [c for _, c in ready])
            for (p, _), outcome in zip(ready, stored, strict=True):
                decided[p.index] = replace(outcome, path=p.name, timings=p.timings)
        for entry in entries:
            if isinstance(entry, _Copy):
                decided[entry.index] = self._copy(conn, entry, decided)
        return [(entry.index, decided[entry.index]) for entry in entries]

    def _checked(self, p: Prepared) -> Checked | Outcome:
        """The worker's proposal when its snapshot is current; else resolved and checked again here.
        New candidates join the registry at once: the next document resolves names to them."""
        if p.error is not None or p.document is None or p.unresolved is None:
            return failed_outcome(p.name, p.error or "could not be read", p.timings)
        document = p.document
        if p.version == self.version:
            if p.checked is None:
                return failed_outcome(p.name, f"the extracted records were not valid: {p.invalid}", p.timings)
            proposal, validated = p.checked
            output = p.output or {}
        else:
            try:
                output = p.output if p.output is not None and self._unaffected(p) else self._output(p)
            except Exception as exc:  # as in one process: a bug costs this document only
                return failed_outcome(p.name, f"extraction failed: {type(exc).__name__}: {exc}", p.timings)
            if p.checked is not None and output == p.output and self._still_new(p.checked[0]):
                proposal, validated = p.checked  # the new candidates changed nothing here
            else:
                proposal = self.ingester.proposal_for(document, output)
                keep_known_candidates(proposal, self.known.actors)
                try:
                    validated = validated_against(self.known, proposal, document.path)
                except BadInput as exc:
                    reason = f"the extracted records were not valid: {exc.summary()}"
                    return failed_outcome(p.name, reason, p.timings)
        new_actors = [loc.record for loc in validated.records["actors"] if isinstance(loc.record, Actor)]
        if new_actors:
            registry = self.ingester.pipeline.registry.adding(new_actors)
            self.ingester.pipeline = replace(self.ingester.pipeline, registry=registry)
            self.known = replace(self.known, actors=self.known.actors | {a.id for a in new_actors})
            self.version += 1
            self.added[self.version] = tuple(new_actors)
        return Checked(document, output, file_key(p.name), p.size, proposal, validated)

    def _unaffected(self, p: Prepared) -> bool:
        """The actors stored since the worker's snapshot cannot change how this document resolves."""
        added = [self.added.get(v) for v in range(p.version + 1, self.version + 1)]
        if p.reach is None or any(a is None for a in added):
            return False
        registry = self.ingester.pipeline.registry
        if registry.could_change(p.reach, (actor for actors in added if actors for actor in actors)):
            return False
        self.stats.unaffected += 1
        return True

    def _still_new(self, proposal: Proposal) -> bool:
        """None of the candidates the worker proposed has been stored since its snapshot."""
        return not any(a["id"] in self.known.actors for a in proposal.records["actors"])

    def _output(self, p: Prepared) -> dict[str, Any]:
        document, extraction = unresolved(p)
        self.stats.resolved_again += 1
        extraction = self.ingester.pipeline.resolve(document, extraction)
        return to_output(Result(document.path, document=document, extraction=extraction))

    def _copy(self, conn: Connection, copy: _Copy, decided: dict[int, Outcome]) -> Outcome:
        first = decided.get(copy.first) or self.outcomes[copy.first]
        assert first is not None  # written in input order: the first copy is decided already
        if first.ok and first.document_id and (stored := docs.by_id(conn, first.document_id)):
            return self.ingester.unchanged(conn, stored, copy.name)
        return failed_outcome(copy.name, first.error or "could not be ingested")

    def _store(self, conn: Connection, p: Prepared, c: Checked) -> Outcome:
        """One document in its own savepoint. If it cannot be stored, the registry and the known ids
        are read again, so the candidates it would have added are forgotten."""
        try:
            with conn.begin_nested():
                checked = (c.proposal, c.validated)
                outcome = self.ingester.store_in(conn, c.document, c.output, c.key, c.size, checked)
        except Exception as exc:
            self.ingester.pipeline = registry_from(conn, self.ingester.pipeline)
            self.known = known_ids(conn, events=False)
            self.version += 1
            self.added[self.version] = None
            if isinstance(exc, IntegrityError) and (stored := docs.by_sha(conn, c.document.sha256)):
                return self.ingester.unchanged(conn, stored, p.name)  # another writer stored it meanwhile
            if isinstance(exc, BadInput):
                reason = f"the extracted records were not valid: {exc.summary()}"
            else:  # a bug or a pathological input must cost one file, not the batch
                reason = f"could not store: {type(exc).__name__}: {exc}"
            return failed_outcome(p.name, reason, p.timings)
        return replace(outcome, path=p.name, timings=p.timings)


def ingest_paths_dask(
    store: Store,
    paths: Iterable[str | Path],
    *,
    client: Client,
    author: str,
    linker: Linker | None = None,
    options: ReadOptions | None = None,
    base_url: str | None = None,
    progress: Progress | None = None,
    chunk: int = 8,
    batch: int = 64,
    stats: RunStats | None = None,
) -> list[Outcome]:
    """As ``ingest_paths``, on the workers of ``client``: outcomes in input order, the same records.
    ``stats``, when given, is filled in with how the writing went."""
    files = expand_paths(paths)
    ingester = Ingester(store, author=author, linker=linker, options=options, base_url=base_url)
    return _Run(ingester, client, files, progress, chunk, batch, stats or RunStats()).go()


__all__ = ["RunStats", "ingest_paths_dask"]

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

import hashlib
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from sqlalchemy import Connection, and_, delete, or_, select

from peacetrack.bundle.importer import known_ids, plan
from peacetrack.bundle.validate import Validated
from peacetrack.errors import BadInput, Problem
from peacetrack.ingest import documents as docs
from peacetrack.ingest.context import build_pipeline, registry_from
from peacetrack.ingest.convert import Proposal
from peacetrack.ingest.service import (
    PROPOSED_KINDS,
    Progress,
    candidates_named,
    keep_known_candidates,
    left_out_row,
    pipeline_version,
    propose,
    public_url,
    set_aside,
    validated_against,
)
from peacetrack.model.records import KINDS as RECORD_KINDS
from peacetrack.model.status import PROPOSED
from peacetrack.pipeline import Linker, Pipeline, ReadError, ReadOptions, Result, to_output
from peacetrack.pipeline.read import read_bytes
from peacetrack.pipeline.records import Document, Extraction
from peacetrack.pipeline.registry import Registry
from peacetrack.store import Store
from peacetrack.store import tables as t
from peacetrack.store.revisions import now
from peacetrack.store.writer import Plan, apply, canonical, record_key

if TYPE_CHECKING:
    from distributed import Client

Status = Literal["unchanged", "changed", "failed"]
From = Literal["file", "stored text"]
Made = tuple[From, Document, Extraction] | str
"""A document through every stage but resolve, and where it was read from; or why it failed."""
KINDS = ("actors", *PROPOSED_KINDS)
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


@dataclass(frozen=True)
class Source:
    """What a document is processed from: its original bytes when its file is still where it was
    read from with the same contents, and always the document as the store kept it (the fallback)."""

    index: int
    kept: Document
    data: bytes | None = None

    @property
    def label(self) -> From:
        return "file" if self.data is not None else "stored text"


def source_of(conn: Connection, stored: docs.StoredDocument, index: int = 0) -> Source:
    for candidate in dict.fromkeys((stored.name, stored.path)):
        path = Path(candidate)
        try:
            if not path.is_file():
                continue
            data = path.read_bytes()
        except OSError:
            continue
        if hashlib.sha256(data).hexdigest() == stored.sha256:
            return Source(index, _from_store(conn, stored), data)
    return Source(index, _from_store(conn, stored))


def read_source(source: Source, options: ReadOptions) -> tuple[Document, From]:
    """The document to run the pipeline on, and where it came from (a file that no longer reads
    falls back to the stored text)."""
    if source.data is not None:
        try:
            return read_bytes(source.data, source.kept.path, options), "file"
        except ReadError:
            pass
    return source.kept, "stored text"


def _from_store(conn: Connection, stored: docs.StoredDocument) -> Document:
    """The document as the store kept it: its text and what was known of it when it was read."""
    return Document(
        id=stored.id,
        sha256=stored.sha256,
        path=stored.path,
        media_type=stored.media_type,
        text=docs.text_of(conn, stored.id) or "",
        title=stored.title,
        date=stored.date,
        publisher=stored.publisher,
        url=stored.url,
    )


@dataclass
class _Diff:
    """What writing a new proposal over a document's stored proposals changes."""

    validated: Validated
    todo: Plan = field(default_factory=Plan)
    added: dict[str, list[str]] = field(default_factory=dict)
    updated: dict[str, list[str]] = field(default_factory=dict)
    withdrawn: dict[str, list[str]] = field(default_factory=dict)
    kept: dict[str, list[str]] = field(default_factory=dict)
    own_candidates: set[str] = field(default_factory=set)

    @property
    def empty(self) -> bool:
        return not (self.added or self.updated or self.withdrawn)


def _statuses(conn: Connection, kind: str, ids: Iterable[str]) -> dict[str, tuple[str, str]]:
    """(status, stored JSON) of the stored records among ``ids``."""
    table = t.RECORD_TABLES[kind]
    wanted = sorted(set(ids))
    out: dict[str, tuple[str, str]] = {}
    for i in range(0, len(wanted), 500):
        rows = conn.execute(
            select(table.c.id, table.c.status, table.c.doc).where(table.c.id.in_(wanted[i : i + 500]))
        )
        out.update((r.id, (r.status, r.doc)) for r in rows)
    return out


def _named_elsewhere(conn: Connection, candidates: set[str], theirs: Mapping[str, list[str]]) -> set[str]:
    """Candidates that a record other than this document's proposals (``theirs``) names: they stay."""
    if not candidates:
        return set()
    found: set[str] = set()
    for table, owner, kind in (
        (t.statement_actors, "statement_id", "statements"),
        (t.gathering_actors, "gathering_id", "gatherings"),
        (t.event_actors, "event_id", "events"),
    ):
        rows = conn.execute(
            select(table.c[owner], table.c.actor_id).where(table.c.actor_id.in_(sorted(candidates)))
        )
        found.update(actor for rid, actor in rows if rid not in theirs.get(kind, []))
    return found


def _diff(conn: Connection, document_id: str, proposal: Proposal, name: str) -> _Diff:
    old = docs.records_of(conn, document_id)
    keep_known_candidates(
        proposal,
        set(_statuses(conn, "actors", (str(a["id"]) for a in proposal.records["actors"]))),
    )
    # Reviewed records stay as they are: take them out of what is written.
    reviewed: dict[str, dict[str, str]] = {}  # kind -> id -> stored JSON
    for kind in KINDS:
        ids = [str(r["id"]) for r in proposal.records[kind]] + old.get(kind, [])
        reviewed[kind] = {
            rid: stored for rid, (status, stored) in _statuses(conn, kind, ids).items() if status != PROPOSED
        }
    # What the run makes and names, reviewed records included (they are taken out below).
    made = {kind: {str(r["id"]) for r in proposal.records[kind]} for kind in KINDS}
    named_by_all: set[str] = set()
    for kind in PROPOSED_KINDS:
        candidates_named(proposal.records[kind], named_by_all)
    diff = _Diff(Validated())
    for kind in KINDS:
        mine = [r for r in proposal.records[kind] if str(r["id"]) not in reviewed[kind]]
        theirs = [r for r in proposal.records[kind] if str(r["id"]) in reviewed[kind]]
        proposal.records[kind] = mine
        left = [str(r["id"]) for r in theirs if _canonical(kind, r) != reviewed[kind][str(r["id"])]]
        if left:
            diff.kept[kind] = left
    proposal.provenance = [r for r in proposal.provenance if r.record_id not in reviewed.get(r.kind, set())]
    diff.validated = validated_against(known_ids(conn, events=False), proposal, name)
    diff.todo = todo = plan(conn, diff.validated)
    for kind in KINDS:
        if todo.inserts[kind]:
            diff.added[kind] = [record_key(kind, c.record) for c in todo.inserts[kind]]
        if todo.updates[kind]:
            diff.updated[kind] = [record_key(kind, c.record) for c in todo.updates[kind]]
    named: set[str] = set()
    for kind in PROPOSED_KINDS:
        candidates_named(proposal.records[kind], named)
    new_ids = {kind: {str(r["id"]) for r in proposal.records[kind]} for kind in KINDS}
    diff.own_candidates = {a for a in old.get("actors", []) if a in named}
    for kind in KINDS:
        gone = [
            rid
            for rid in old.get(kind, [])
            if rid not in new_ids[kind] and rid not in reviewed[kind] and rid not in diff.own_candidates
        ]
        if kind == "actors":
            elsewhere = _named_elsewhere(conn, set(gone), old)
            diff.own_candidates |= elsewhere
            gone = [a for a in gone if a not in elsewhere]
        if gone:
            diff.withdrawn[kind] = gone
        # Reviewed records the run no longer makes; a candidate the new records still name is referred
        # to, not proposed, and not dropped.
        dropped = [
            rid
            for rid in old.get(kind, [])
            if rid in reviewed[kind]
            and rid not in made[kind]
            and not (kind == "actors" and rid in named_by_all)
        ]
        if dropped:
            diff.kept.setdefault(kind, []).extend(r for r in dropped if r not in diff.kept.get(kind, []))
    return diff


def _canonical(kind: str, raw: Mapping[str, Any]) -> str | None:
    """The stored form of a proposed record, or None when it is not valid on its own."""
    try:
        return canonical(RECORD_KINDS[kind].model_validate(raw))
    except ValueError:
        return None


def _write(
    conn: Connection,
    stored: docs.StoredDocument,
    document: Document,
    output: dict[str, Any],
    proposal: Proposal,
    diff: _Diff,
    *,
    author: str,
    version: str,
) -> None:
    at = now()
    why = f"reprocess: {version} over {stored.id} ({stored.path})"
    reasons = {(kind, rid): why for kind, ids in proposal.ids().items() for rid in ids}
    if not diff.todo.empty:
        apply(conn, diff.todo, author=author, reason=None, reasons=reasons, status=PROPOSED)
    for kind, ids in diff.withdrawn.items():
        set_aside(conn, kind, ids, author=author, reason=f"{why}: no longer proposed", at=at)
    # Provenance: this document's rows for every record written or withdrawn, and its left-out
    # notes, give way to the new ones; the rows of reviewed records and of the candidates it keeps
    # (their "$" row says this document proposed them) stay.
    replaced = {(kind, rid) for kind, ids in proposal.ids().items() for rid in ids}
    replaced |= {(kind, rid) for kind, ids in diff.withdrawn.items() for rid in ids}
    replaced |= {("actors", a) for a in diff.own_candidates}
    p = t.provenance.c
    for kind in KINDS:
        ids = sorted(rid for k, rid in replaced if k == kind)
        for i in range(0, len(ids), 500):
            keep_own = p.field != "$" if kind == "actors" else None
            conditions = [p.document_id == stored.id, p.kind == kind, p.record_id.in_(ids[i : i + 500])]
            if keep_own is not None:
                conditions.append(or_(keep_own, p.record_id.notin_(sorted(diff.own_candidates))))
            conn.execute(delete(t.provenance).where(and_(*conditions)))
    conn.execute(
        delete(t.provenance).where(p.document_id == stored.id, p.kind == docs.KIND, p.field == docs.LEFT_OUT)
    )
    rows = [
        row.row(stored.id)
        for row in proposal.provenance
        if not (row.kind == "actors" and row.field == "$" and row.record_id in diff.own_candidates)
    ]
    rows += [left_out_row(stored.id, note) for note in proposal.skipped]
    docs.insert_provenance(conn, rows)
    docs.replace_extraction(conn, stored, document, output, author=author, at=at, version=version, reason=why)


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
                diff = _diff(conn, stored.id, proposal, stored.path)
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
                    _write(
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
        from distributed import as_completed

        from peacetrack.ingest.worker import unresolved_chunk

        nthreads = sum(w.get("nthreads", 1) for w in client.scheduler_info()["workers"].values())
        base = replace(self.pipeline, registry=Registry([], self.pipeline.resources.groups))
        shipped = client.scatter(base, broadcast=True, hash=False)
        chunks = (range(i, min(i + CHUNK, len(todo))) for i in range(0, len(todo), CHUNK))
        running = as_completed()
        sent: dict[Any, range] = {}
        ready: dict[int, Made] = {}
        following = 0

        def top_up() -> None:
            while running.count() < max(2, 3 * nthreads):
                indexes = next(chunks, None)
                if indexes is None:
                    return
                with self.store.read() as conn:
                    sources = [source_of(conn, todo[i], i) for i in indexes]
                future = client.submit(unresolved_chunk, sources, shipped, pure=False, retries=1)
                sent[future.key] = indexes
                running.add(future)

        top_up()
        for future in running:
            indexes = sent.pop(future.key)
            try:
                ready.update(zip(indexes, future.result(), strict=True))
            except Exception as exc:  # the task itself failed (a worker died twice): its documents fail
                ready.update((i, f"the worker failed: {type(exc).__name__}: {exc}") for i in indexes)
            while following in ready:
                yield self._resolved(todo[following], ready.pop(following))
                following += 1
            top_up()

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

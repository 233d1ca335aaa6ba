"""Chain the stages for each input and time each one.

read -> normalise -> language -> segment -> kind -> describe -> extract -> link -> resolve

One bad file never stops the others: a `ReadError` (or any failure while
extracting) becomes that file's `Result.error`.

Resolve comes last, and apart (`Pipeline.unresolved`, `Pipeline.resolve`),
because it is the only stage that depends on what was stored before: the
registry grows with every candidate actor. Everything before it can run
anywhere, on any worker, in any order (linking reads only the text, so the two
commute); resolving is redone where the registry is current.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from peacetrack.model.records import Actor, Agreement, Process
from peacetrack.pipeline.case import knowing
from peacetrack.pipeline.clock import Clock
from peacetrack.pipeline.errors import ReadError
from peacetrack.pipeline.extract import extract
from peacetrack.pipeline.prepare import classify, describe, language, normalise, segment
from peacetrack.pipeline.provisions import Linker, link, no_links
from peacetrack.pipeline.read import ReadOptions, expand_paths, read_bytes, read_file
from peacetrack.pipeline.records import Document, Extraction, Result
from peacetrack.pipeline.registry import Registry, group_words
from peacetrack.pipeline.resolve import resolve
from peacetrack.pipeline.resources import Resources, load_resources


@dataclass(frozen=True, eq=False)
class Pipeline:
    """Everything a run needs, built once and shared by every document."""

    registry: Registry
    linker: Linker = no_links
    options: ReadOptions = field(default_factory=ReadOptions)
    resources: Resources = field(default_factory=load_resources)

    def unresolved(self, document: Document, clock: Clock | None = None) -> tuple[Document, Extraction]:
        """Every stage after reading but resolve: what does not depend on the registry."""
        clock = clock or Clock()
        with clock.stage("normalise"):
            document = normalise(document)
        with clock.stage("language"):
            document = language(document)
        with clock.stage("segment"):
            document = segment(document)
        with clock.stage("kind"):
            document = classify(document, self.resources)
        with clock.stage("describe"):
            document = describe(document)
        extraction = extract(document, self.resources, clock)
        with clock.stage("link"):
            extraction = link(document, extraction, self.linker)
        return document, extraction

    def resolve(self, document: Document, extraction: Extraction, clock: Clock | None = None) -> Extraction:
        """Names as written to actor ids, with this pipeline's registry."""
        with (clock or Clock()).stage("resolve"):
            return resolve(document, extraction, self.registry)

    def process(self, document: Document, clock: Clock | None = None) -> Result:
        """Every stage after reading, for a document already read."""
        clock = clock or Clock()
        try:
            document, extraction = self.unresolved(document, clock)
            extraction = self.resolve(document, extraction, clock)
        except Exception as exc:  # a bug or a pathological input must cost one file, not the batch
            return Result(
                document.path,
                error=f"extraction failed: {type(exc).__name__}: {exc}",
                timings=clock.timings(),
            )
        return Result(document.path, document=document, extraction=extraction, timings=clock.timings())

    def run_bytes(self, data: bytes, path: str) -> Result:
        """For uploads: bytes and the name they came under."""
        clock = Clock()
        try:
            with clock.stage("read"):
                document = read_bytes(data, path, self.options)
        except ReadError as exc:
            return Result(path, error=exc.reason, timings=clock.timings())
        return self.process(document, clock)

    def run_file(self, path: str | Path) -> Result:
        clock = Clock()
        try:
            with clock.stage("read"):
                document = read_file(path, self.options)
        except ReadError as exc:
            return Result(str(path), error=exc.reason, timings=clock.timings())
        return self.process(document, clock)

    def run(self, paths: Iterable[str | Path]) -> list[Result]:
        """Results in input order; folders expand to their files."""
        return [self.run_file(path) for path in expand_paths(paths)]


def run_pipeline(
    paths: Iterable[str | Path],
    registry: Registry | Iterable[Actor],
    linker: Linker = no_links,
    options: ReadOptions | None = None,
    agreements: Iterable[Agreement] = (),
    processes: Iterable[Process] = (),
) -> list[Result]:
    """Read, extract and resolve every file under `paths`; `registry` may be a list of actors (the
    `processes` give its group words and places), and `agreements` are found by their titles and aliases."""
    processes = list(processes)
    resources = knowing(load_resources(), agreements, processes)
    if not isinstance(registry, Registry):
        registry = Registry(registry, group_words(processes))
    pipeline = Pipeline(
        registry=registry, linker=linker, options=options or ReadOptions(), resources=resources
    )
    return pipeline.run(paths)

"""The document ingest pipeline: files in, docs/ingest.md records out (everything but the store).

    from peacetrack.pipeline import run_pipeline, to_output
    results = run_pipeline(["letter.pdf", "reports/"], actors)      # actors: list[model.Actor]
    payload = [to_output(r) for r in results]

Stages, each a function from records to records, each usable alone:
read (`read_file`, `read_bytes`) -> prepare (`normalise`, `language`, `segment`,
`classify`, `describe`) -> extract (`extract`) -> link (`link`) -> resolve (`resolve`).
`Pipeline` holds what a run shares (registry, linker, options, reference data)
and times every stage of every document (`Result.timings`).
"""

from __future__ import annotations

from peacetrack.pipeline.clock import Clock
from peacetrack.pipeline.errors import ReadError
from peacetrack.pipeline.extract import extract
from peacetrack.pipeline.output import to_output
from peacetrack.pipeline.prepare import classify, describe, language, normalise, segment
from peacetrack.pipeline.provisions import Linker, link, no_links
from peacetrack.pipeline.read import ReadOptions, expand_paths, read_bytes, read_file
from peacetrack.pipeline.records import Document, Extraction, Result
from peacetrack.pipeline.registry import Registry
from peacetrack.pipeline.resolve import resolve
from peacetrack.pipeline.resources import Resources, load_resources
from peacetrack.pipeline.runner import Pipeline, run_pipeline

__all__ = [
    "Clock",
    "Document",
    "Extraction",
    "Linker",
    "Pipeline",
    "ReadError",
    "ReadOptions",
    "Registry",
    "Resources",
    "Result",
    "classify",
    "describe",
    "expand_paths",
    "extract",
    "language",
    "link",
    "load_resources",
    "no_links",
    "normalise",
    "read_bytes",
    "read_file",
    "resolve",
    "run_pipeline",
    "segment",
    "to_output",
]

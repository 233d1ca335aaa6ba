"""Ingest into the store: documents in, proposed records out, every value traceable (docs/ingest.md).

    from peacetrack.ingest import ingest_paths
    outcomes = ingest_paths(store, ["letter.pdf", "reports/"], author="cli:kim")
    [o.output for o in outcomes]          # docs/ingest.md, one object per document

Modules: ``convert`` (section-4 output → bundle records and provenance, pure),
``documents`` (the documents, extractions and provenance tables), ``context``
(the pipeline built from the store: registry and linker), ``service`` (one
transaction per file), ``review`` (accept and reject proposed records).

The service is imported on first use: reviewing and reading documents (the web
pages) do not pay for loading the pipeline's readers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from peacetrack.ingest.review import Decided, Pending, decide, pending

if TYPE_CHECKING:
    from peacetrack.ingest.service import Ingester, Outcome, ingest_bytes, ingest_paths

_SERVICE = frozenset({"Ingester", "Outcome", "ingest_bytes", "ingest_paths"})


def __getattr__(name: str) -> Any:
    if name in _SERVICE:
        from peacetrack.ingest import service

        return getattr(service, name)
    raise AttributeError(f"module 'peacetrack.ingest' has no attribute {name!r}")


__all__ = ["Decided", "Ingester", "Outcome", "Pending", "decide", "ingest_bytes", "ingest_paths", "pending"]

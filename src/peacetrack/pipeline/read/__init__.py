"""Stage 1, read: paths or bytes in, `Document` records (raw text) out."""

from __future__ import annotations

from peacetrack.pipeline.read.options import DEFAULT_MAX_BYTES, ReadOptions
from peacetrack.pipeline.read.paths import expand_paths
from peacetrack.pipeline.read.reader import document_id, read_bytes, read_file, read_raw

__all__ = [
    "DEFAULT_MAX_BYTES",
    "ReadOptions",
    "document_id",
    "expand_paths",
    "read_bytes",
    "read_file",
    "read_raw",
]

"""The one error a reader raises: which file, and why it could not be read."""

from __future__ import annotations


class ReadError(Exception):
    """A file that cannot be ingested; the pipeline reports it and goes on with the others."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason

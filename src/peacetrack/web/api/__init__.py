"""The JSON API under /api (docs/api.md), one module per resource.

Each module has ``reads`` (GET: ETag/Cache-Control; a token on a private
server) and, where records can be written, ``writes`` (an editor's token).
``app.create_app`` mounts them.
"""

from __future__ import annotations

from fastapi import APIRouter

from peacetrack.web.api import (
    actors,
    agreements,
    assessments,
    bundles,
    documents,
    environment,
    events,
    gatherings,
    link,
    processes,
    scores,
    search,
    statements,
    steps,
)

READS: tuple[APIRouter, ...] = (
    scores.reads,
    agreements.reads,
    events.reads,
    actors.reads,
    statements.reads,
    gatherings.reads,
    assessments.reads,
    search.reads,
    link.reads,
    steps.reads,
    environment.reads,
    processes.reads,
)
WRITES: tuple[APIRouter, ...] = (
    events.writes,
    assessments.writes,
    bundles.writes,
    documents.writes,
    steps.writes,
)

__all__ = ["READS", "WRITES"]

"""Import a whole bundle over HTTP: validated as a whole, written all or nothing."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from starlette.concurrency import run_in_threadpool

from peacetrack.bundle.load import parse_bytes
from peacetrack.errors import BadInput
from peacetrack.web.api.common import store_of
from peacetrack.web.api.events import Reason
from peacetrack.web.api.schemas import ImportResult
from peacetrack.web.api.writes import write_bundle
from peacetrack.web.auth import Editor
from peacetrack.web.errors import ApiError, problems_from_bundle

writes = APIRouter(tags=["bundles"])

MAX_BYTES = 64 * 1024 * 1024


async def read_body(request: Request, limit: int = MAX_BYTES) -> bytes:
    """The request body, refused (413) past ``limit`` bytes without reading it all."""
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise ApiError(413, "too_large", f"the body is over {limit // (1024 * 1024)} MiB")
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise ApiError(413, "too_large", f"the body is over {limit // (1024 * 1024)} MiB")
        chunks.append(chunk)
    return b"".join(chunks)


_BODY = {
    "requestBody": {
        "required": True,
        "description": 'A bundle (`"format": "peacetrack/1"`, docs/bundle-format.md), as JSON or YAML.',
        "content": {
            "application/json": {"schema": {"type": "object", "additionalProperties": True}},
            "application/yaml": {"schema": {"type": "string"}},
        },
    }
}


@writes.post(
    "/api/bundles",
    response_model=ImportResult,
    summary="Import a bundle (atomic)",
    description=(
        "Exactly `peacetrack import` for one file: everything is checked first against the body and "
        "the stored records; any problem gives 422 listing them all and nothing is written. Importing "
        "the same bundle twice changes nothing. `dry_run=true` checks and counts without writing."
    ),
    openapi_extra=_BODY,
)
async def import_bundle(
    request: Request,
    user: Editor,
    dry_run: Annotated[bool, Query(description="Check and count; write nothing.")] = False,
    reason: Reason = None,
) -> dict[str, Any]:
    raw = await read_body(request)
    media = request.headers.get("content-type", "application/json").split(";")[0].strip().lower()
    name = "request.yaml" if "yaml" in media else "request.json"
    try:
        data = parse_bytes(name, raw)
    except BadInput as exc:
        raise ApiError(400, "bad_request", exc.summary(), problems_from_bundle(exc.problems)) from None
    todo = await run_in_threadpool(
        lambda: write_bundle(
            store_of(request),
            data.data,
            author=user.name,
            reason=reason or "api: POST /api/bundles",
            dry_run=dry_run,
            name=name,
        )
    )
    return {"dry_run": dry_run, "counts": todo.counts()}

"""Upload a document for ingest (SPEC section 4).

TODO(ingest): the pipeline in ``peacetrack.pipeline`` reads and extracts, but
has no store integration yet (nothing that writes its records and returns the
section-4 result). Until it has, an upload is read and checked, nothing is
stored, and the answer is 501 saying so. Wire it here when it lands:
read → ingest into the store → 201 with the section-4 object.
"""

from __future__ import annotations

import hashlib
from typing import Annotated

from fastapi import APIRouter, File, UploadFile

from peacetrack.web.auth import Editor
from peacetrack.web.errors import ApiError, ErrorBody

writes = APIRouter(tags=["documents"])

MAX_BYTES = 32 * 1024 * 1024


@writes.post(
    "/api/documents",
    status_code=201,
    summary="Upload a document to ingest (not yet available: 501)",
    description=(
        "Send the file as multipart/form-data, field `file` (txt, html, pdf, docx; English or Korean). "
        "This server cannot ingest into the store yet: it answers 501 and stores nothing."
    ),
    responses={501: {"model": ErrorBody, "description": "Ingest into the store is not available yet."}},
)
async def upload_document(
    user: Editor, file: Annotated[UploadFile, File(description="The document.")]
) -> dict[str, str]:
    digest = hashlib.sha256()
    size = 0
    while chunk := await file.read(1024 * 1024):
        size += len(chunk)
        if size > MAX_BYTES:
            raise ApiError(413, "too_large", f"the document is over {MAX_BYTES // (1024 * 1024)} MiB")
        digest.update(chunk)
    if size == 0:
        raise ApiError(422, "invalid", "the uploaded file is empty")
    raise ApiError(
        501,
        "not_implemented",
        f"received {file.filename or 'the file'} ({size} bytes, sha256 {digest.hexdigest()}), but ingest "
        "into the store is not available on this server yet; nothing was stored",
    )

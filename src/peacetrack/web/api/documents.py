"""Upload a document for ingest (docs/ingest.md and docs/api.md): stored, extracted, proposed for review.

The upload goes through exactly what ``peacetrack ingest`` does
(``peacetrack.ingest``): one transaction, the editor as the author of every
revision, the extracted records stored with status ``proposed``. The answer
is the document's docs/ingest.md object: 201 when it was stored now, 200
when the same bytes were stored before (nothing changes). A file that cannot
be read is 422 with the reason, and nothing of it is stored.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Annotated, Any

from fastapi import APIRouter, File, Request, Response, UploadFile

from peacetrack import settings
from peacetrack.web.api.common import store_of
from peacetrack.web.auth import Editor
from peacetrack.web.errors import ApiError, ErrorBody, ProblemOut

writes = APIRouter(tags=["documents"])

MAX_BYTES = 20 * 1024 * 1024
"""The pipeline's own limit (``pipeline.read.options.DEFAULT_MAX_BYTES``; the pipeline loads only
when a document arrives): a larger upload is refused before it is read."""
PIPELINE_KEY = "ingest:pipeline"
_UNSAFE = re.compile(r"[\x00-\x1f\x7f/\\]+")


def upload_name(filename: str | None) -> str:
    """The name an upload is stored under: its last path part, no control characters, 200 at most."""
    name = (filename or "").replace("\\", "/").rsplit("/", 1)[-1]
    name = _UNSAFE.sub(" ", unicodedata.normalize("NFC", name)).strip()
    return name[:200] or "upload"


@writes.post(
    "/api/documents",
    status_code=201,
    summary="Upload a document to ingest",
    description=(
        "Send the file as multipart/form-data, field `file` (txt, html, pdf, docx; English or Korean; "
        f"at most {MAX_BYTES // (1024 * 1024)} MiB). It is read, its records are extracted and stored "
        "with status `proposed` for review (the editor is the author), and the answer is its ingest "
        "output object (docs/ingest.md): `document`, `statements`, `gatherings`, `events`, `mentions` "
        "and `spans`. "
        "201: stored now; 200: the same bytes were stored before, nothing changed. An upload under the "
        "name of an earlier one by the same editor, with other bytes, is stored as its new version."
    ),
    responses={
        200: {"description": "The same bytes were ingested before: the stored result, nothing changed."},
        413: {"model": ErrorBody, "description": "The file is too large."},
        422: {"model": ErrorBody, "description": "The file is empty or cannot be read; nothing was stored."},
    },
)
def upload_document(
    request: Request,
    response: Response,
    user: Editor,
    file: Annotated[UploadFile, File(description="The document.")],
) -> dict[str, Any]:
    from peacetrack.ingest.context import build_pipeline
    from peacetrack.ingest.service import Ingester

    data = file.file.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise ApiError(413, "too_large", f"the document is over {MAX_BYTES // (1024 * 1024)} MiB")
    name = upload_name(file.filename)
    if not data:
        raise ApiError(422, "invalid", f"{name}: the uploaded file is empty; nothing was stored")
    store = store_of(request)
    # The pipeline (registry and linker) is rebuilt only after the data changed.
    pipeline = request.app.state.cache.get(PIPELINE_KEY, lambda: build_pipeline(store))
    base_url = settings.get(settings.PUBLIC_URL) or str(request.base_url)
    ingester = Ingester(store, author=user.name, base_url=base_url, pipeline=pipeline)
    outcome = ingester.ingest_bytes(data, name)
    if not outcome.ok:
        reason = outcome.error or "could not be read"
        raise ApiError(
            422,
            "invalid",
            f"{name}: {reason}; nothing was stored",
            [ProblemOut(path="$", reason=reason, file=name)],
        )
    if outcome.status == "unchanged":
        response.status_code = 200
    return outcome.output

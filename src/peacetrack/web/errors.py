"""One error body for every failure: ``{"error": {"code", "message", "problems": [...]}}``.

Handlers here turn FastAPI's own errors (unknown route, bad query value,
malformed body), bundle validation problems and our :class:`ApiError` into that
shape, so a client reads every 4xx the same way.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from typing import Any, Final

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from peacetrack.errors import BadInput
from peacetrack.errors import Problem as BundleProblem
from peacetrack.store.engine import StoreBusy

log = logging.getLogger("peacetrack.web")

CODES: Final[dict[int, str]] = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    406: "not_acceptable",
    409: "conflict",
    413: "too_large",
    415: "unsupported_media_type",
    422: "invalid",
    500: "internal",
    501: "not_implemented",
}


class ProblemOut(BaseModel):
    """One thing wrong with the request: where (a JSON path) and why."""

    path: str = Field(description="Where: `$.field` in the body, `query.name`, `path.name`, `header.name`.")
    reason: str
    file: str | None = Field(default=None, description="For bundles: the file name the problem is in.")


class ErrorDetail(BaseModel):
    code: str = Field(description="Stable, machine-readable: not_found, invalid, unauthorized, ...")
    message: str = Field(description="One line for people.")
    problems: list[ProblemOut] = Field(default_factory=list)


class ErrorBody(BaseModel):
    error: ErrorDetail


class ApiError(Exception):
    """Raise from a handler to answer with the common error body."""

    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        problems: Sequence[ProblemOut] = (),
        *,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.problems = list(problems)
        self.headers = dict(headers or {})


def not_found(kind: str, record_id: str) -> ApiError:
    return ApiError(404, "not_found", f"no {kind} with id {record_id!r}")


def error_response(
    status: int,
    message: str,
    *,
    code: str | None = None,
    problems: Sequence[ProblemOut] = (),
    headers: Mapping[str, str] | None = None,
) -> JSONResponse:
    body = ErrorBody(
        error=ErrorDetail(code=code or CODES.get(status, "error"), message=message, problems=list(problems))
    )
    return JSONResponse(
        body.model_dump(mode="json", exclude_none=True), status_code=status, headers=dict(headers or {})
    )


def problems_from_bundle(problems: Sequence[BundleProblem], *, strip: str | None = None) -> list[ProblemOut]:
    """Bundle problems as API problems; ``strip`` drops a path prefix such as ``$.events[0]``."""
    out = []
    for p in problems:
        path = p.path
        if strip and (path == strip or path.startswith((strip + ".", strip + "["))):
            path = "$" + path[len(strip) :]
        out.append(ProblemOut(path=path, reason=p.reason, file=None if strip else p.file))
    return out


def _location(loc: Sequence[int | str]) -> str:
    if not loc:
        return "$"
    where, *rest = loc
    out = "$" if where == "body" else str(where)
    for part in rest:
        out += f"[{part}]" if isinstance(part, int) else f".{part}"
    return out


def problems_from_validation(errors: Sequence[Any]) -> list[ProblemOut]:
    """FastAPI/pydantic errors worded as import words them (see bundle.validate)."""
    out = []
    for err in errors:
        msg = str(err.get("msg", "invalid")).removeprefix("Value error, ")
        if err.get("type") == "extra_forbidden":
            msg = "unknown field"
        out.append(ProblemOut(path=_location(err.get("loc", ())), reason=msg))
    return out


async def _api_error(_request: Request, exc: Exception) -> Response:
    assert isinstance(exc, ApiError)
    return error_response(exc.status, exc.message, code=exc.code, problems=exc.problems, headers=exc.headers)


async def _http_error(_request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    message = exc.detail if isinstance(exc.detail, str) else CODES.get(exc.status_code, "error")
    if exc.status_code == 404 and message == "Not Found":
        message = "no such resource"
    return error_response(exc.status_code, message, headers=exc.headers)


async def _validation_error(_request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    problems = problems_from_validation(exc.errors())
    first = f"{problems[0].path}: {problems[0].reason}" if problems else "invalid request"
    more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
    return error_response(422, first + more, problems=problems)


async def _bad_input(_request: Request, exc: Exception) -> Response:
    assert isinstance(exc, BadInput)
    return error_response(422, exc.summary(), problems=problems_from_bundle(exc.problems))


async def _busy(_request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StoreBusy)
    return error_response(
        503, f"{exc}; try again shortly", code="busy", headers={"Retry-After": str(StoreBusy.retry_after_s)}
    )


async def _internal(_request: Request, exc: Exception) -> Response:
    log.exception("unhandled error", exc_info=exc)
    return error_response(500, "internal error; the server log has the details")


def install(app: FastAPI) -> None:
    """Register the handlers on ``app``."""
    app.add_exception_handler(ApiError, _api_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(BadInput, _bad_input)
    app.add_exception_handler(StoreBusy, _busy)
    app.add_exception_handler(Exception, _internal)


_ERROR = {"model": ErrorBody}

READ_RESPONSES: Final[dict[int | str, dict[str, Any]]] = {
    304: {"description": "Not modified: the ETag sent in If-None-Match is current."},
    400: {**_ERROR, "description": "Bad request (for example a malformed cursor)."},
    401: {**_ERROR, "description": "A private server needs a token."},
    404: {**_ERROR, "description": "No such record."},
    422: {**_ERROR, "description": "A parameter is invalid."},
}

WRITE_RESPONSES: Final[dict[int | str, dict[str, Any]]] = {
    400: {**_ERROR, "description": "Bad request."},
    401: {**_ERROR, "description": "No valid API token."},
    403: {**_ERROR, "description": "The token's user may not write (a reader)."},
    404: {**_ERROR, "description": "No such record."},
    409: {**_ERROR, "description": "Conflicts with what is stored."},
    422: {**_ERROR, "description": "Invalid record: every problem is listed, nothing was written."},
}

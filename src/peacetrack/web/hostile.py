"""Requests refused before any route sees them: a NUL byte in the address, and uploads the caller
may not make or that are too large.

PostgreSQL cannot hold a NUL in text, so a filter or an id carrying one reached the database as a
500 on one backend and a plain miss on the other; both now answer 400, naming where it was. A route
with a file or a bundle in its body has the body read before its dependencies run, so an anonymous
500 MB upload used to be written to the temporary folder before the 401: the gate answers first.
"""

from __future__ import annotations

from urllib.parse import unquote_to_bytes

import orjson
from starlette.concurrency import run_in_threadpool
from starlette.types import ASGIApp, Receive, Scope, Send

from peacetrack.accounts import user_for_token


class RefuseNul:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            where = None
            if "\x00" in scope.get("path", ""):
                where = "path"
            elif b"\x00" in unquote_to_bytes(scope.get("query_string", b"")):
                where = "query"
            if where is not None:
                reason = f"a NUL byte is not accepted in the {where}"
                body = orjson.dumps(
                    {
                        "error": {
                            "code": "bad_request",
                            "message": reason,
                            "problems": [{"path": where, "reason": reason}],
                        }
                    }
                )
                await send(
                    {
                        "type": "http.response.start",
                        "status": 400,
                        "headers": [
                            (b"content-type", b"application/json"),
                            (b"content-length", str(len(body)).encode()),
                        ],
                    }
                )
                await send({"type": "http.response.body", "body": body})
                return
        await self.app(scope, receive, send)


async def _answer(
    send: Send, status: int, code: str, reason: str, headers: list[tuple[bytes, bytes]]
) -> None:
    body = orjson.dumps({"error": {"code": code, "message": reason, "problems": []}})
    start = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": status, "headers": start + headers})
    await send({"type": "http.response.body", "body": body})


class UploadGate:
    """For the write routes that take a body (path -> byte limit): the caller's token, checked before
    the body is read (401/403), and the declared length (413), so nothing is spooled for nobody."""

    def __init__(self, app: ASGIApp, *, limits: dict[str, int]) -> None:
        self.app = app
        self.limits = limits

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        limit = self.limits.get(scope.get("path", "")) if scope["type"] == "http" else None
        if limit is None or scope.get("method") not in ("POST", "PUT"):
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        scheme, _, token = headers.get("authorization", "").partition(" ")
        challenge = [(b"www-authenticate", b'Bearer realm="peacetrack"')]
        if scheme.lower() != "bearer" or not token.strip():
            await _answer(
                send,
                401,
                "unauthorized",
                "this needs an API token: send `Authorization: Bearer TOKEN`",
                challenge,
            )
            return
        throttle = scope["app"].state.throttle
        who = scope["client"][0] if scope.get("client") else "unknown"
        wait = throttle.retry_after(who)
        if wait is not None:
            reason = f"too many failed token checks; try again in {wait} s"
            await _answer(send, 429, "too_many_requests", reason, [(b"retry-after", str(wait).encode())])
            return
        user = await run_in_threadpool(user_for_token, scope["app"].state.store, token.strip())
        if user is None:
            throttle.failed(who)
            await _answer(send, 401, "unauthorized", "unknown or revoked API token", challenge)
            return
        if not user.can_write:
            await _answer(
                send, 403, "forbidden", f"user {user.name!r} is a {user.role}; writing needs an editor", []
            )
            return
        declared = headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            await _answer(send, 413, "too_large", f"the body is over {limit // (1024 * 1024)} MiB", [])
            return
        await self.app(scope, receive, send)

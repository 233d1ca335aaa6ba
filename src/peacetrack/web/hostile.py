"""Requests refused before any route sees them: a NUL byte in the address.

PostgreSQL cannot hold a NUL in text, so a filter or an id carrying one reached the database as a
500 on one backend and a plain miss on the other; both now answer 400, naming where it was.
"""

from __future__ import annotations

from urllib.parse import unquote_to_bytes

import orjson
from starlette.types import ASGIApp, Receive, Scope, Send


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

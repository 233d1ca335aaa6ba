"""Writes that can be retried: an API write sent with an `Idempotency-Key` header is done once.

A client that times out cannot tell whether its POST went in; sent again with the same key (by the
same user, with the same method, path and body), it gets the first answer back instead of a second
record (a new assessment gets a fresh id, so a plain retry made a duplicate). The same key with a
different request is a 422. Answers of 5xx are not kept, so a failed write may be tried again.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from typing import Any

import orjson
from sqlalchemy import insert, select
from sqlalchemy.exc import IntegrityError
from starlette.concurrency import run_in_threadpool
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from peacetrack.accounts import user_for_token
from peacetrack.store import Store
from peacetrack.store.tables import idempotency

HEADER = b"idempotency-key"
KEY_MAX = 200
WRITES = frozenset({"POST", "PATCH", "DELETE", "PUT"})
_BODY_MAX = 64 * 1024 * 1024


def _error(status: int, code: str, message: str) -> tuple[int, list[list[str]], bytes]:
    return (
        status,
        [["content-type", "application/json"]],
        orjson.dumps({"error": {"code": code, "message": message, "problems": []}}),
    )


def _kept(store: Store, key: str, user: str) -> tuple[str, int, list[list[str]], bytes] | None:
    with store.read() as conn:
        row = conn.execute(
            select(
                idempotency.c.request_hash, idempotency.c.status, idempotency.c.headers, idempotency.c.body
            ).where(idempotency.c.key == key, idempotency.c.user_name == user)
        ).first()
    if row is None:
        return None
    return row[0], row[1], orjson.loads(row[2]), row[3].encode("utf-8")


def _keep(
    store: Store, key: str, user: str, digest: str, status: int, headers: list[list[str]], body: bytes
) -> None:
    try:
        with store.write() as conn:
            conn.execute(
                insert(idempotency).values(
                    key=key,
                    user_name=user,
                    request_hash=digest,
                    status=status,
                    headers=orjson.dumps(headers).decode(),
                    body=body.decode("utf-8", errors="replace"),
                    created_at=datetime.now(UTC),
                )
            )
    except IntegrityError:
        pass  # a concurrent retry kept it first: its answer stands


class Idempotency:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        headers = dict(scope.get("headers", [])) if scope["type"] == "http" else {}
        key_raw = headers.get(HEADER)
        if (
            key_raw is None
            or scope.get("method") not in WRITES
            or not scope.get("path", "").startswith("/api/")
        ):
            await self.app(scope, receive, send)
            return
        key = key_raw.decode("latin-1").strip()
        scheme, _, token = headers.get(b"authorization", b"").decode("latin-1").partition(" ")
        store: Store = scope["app"].state.store
        user = (
            await run_in_threadpool(user_for_token, store, token.strip())
            if scheme.lower() == "bearer"
            else None
        )
        if user is None or not key or len(key) > KEY_MAX:
            await self.app(scope, receive, send)  # the route answers 401 or 422 as it would without a key
            return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > _BODY_MAX:
                break
            chunks.append(chunk)
            if not message.get("more_body"):
                break
        body = b"".join(chunks)
        digest = hashlib.sha256(
            scope["method"].encode() + b" " + scope["path"].encode() + b"\n" + body
        ).hexdigest()
        kept = await run_in_threadpool(_kept, store, key, user.name)
        if kept is not None:
            old_digest, status, stored_headers, stored_body = kept
            if old_digest != digest:
                status, stored_headers, stored_body = _error(
                    422, "invalid", "this Idempotency-Key was used for another request"
                )
            else:
                stored_headers = [*stored_headers, ["idempotent-replay", "true"]]
            await _send(send, status, stored_headers, stored_body)
            return
        sent = False

        async def replay_body() -> Message:
            nonlocal sent
            if sent:
                return await receive()
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}

        started: dict[str, Any] = {}
        parts: list[bytes] = []

        async def capture(message: Message) -> None:
            if message["type"] == "http.response.start":
                started.update(message)
            elif message["type"] == "http.response.body":
                parts.append(message.get("body", b""))
            await send(message)

        await self.app(scope, replay_body, capture)
        status = int(started.get("status", 500))
        if status < 500:
            kept_headers = [
                [k.decode("latin-1"), v.decode("latin-1")]
                for k, v in started.get("headers", [])
                if k.lower() in (b"content-type", b"location")
            ]
            await run_in_threadpool(
                _keep, store, key, user.name, digest, status, kept_headers, b"".join(parts)
            )


async def _send(send: Send, status: int, headers: list[list[str]], body: bytes) -> None:
    raw = [(k.encode("latin-1"), v.encode("latin-1")) for k, v in headers]
    raw.append((b"content-length", str(len(body)).encode()))
    await send({"type": "http.response.start", "status": status, "headers": raw})
    await send({"type": "http.response.body", "body": body})

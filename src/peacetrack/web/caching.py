"""ETag and Cache-Control for the API's reads, as a plain ASGI middleware.

The ETag of a read is a hash of the data version (the newest revision id, see
:class:`~peacetrack.web.deps.VersionedCache`), today's date (a missing
``as_of`` means today) and the URL. On a public server a request whose
``If-None-Match`` is current gets 304 before any handler runs; on a private
one the request is handled first (so authentication decides), and a current
200 becomes a 304 on the way out. Only successful GETs under ``/api/`` carry
the headers; errors never do.

Being middleware rather than a FastAPI dependency keeps it off the per-request
dependency machinery. On a public server it also keeps the latest answers
(bounded: entries and bytes): the same question at the same data version is
answered from memory, without routing, validation or the database beyond the
version number. An answer is keyed by its ETag, so a write makes every kept
answer unreachable at once; the oldest go first.

After a write, the first reader of each question builds the new answer; until it is kept, other
anonymous readers of that question get the last kept one, marked ``no-store`` and without an ETag.
Without this every reader rebuilt every page after each write: with editors writing twice a second,
the soak benchmark's readers fell to a tenth of their speed. A reader who sends a token or a sign-in
cookie never gets an older answer, so an editor always sees their own write.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from collections.abc import Awaitable, Callable, MutableMapping
from datetime import date
from typing import Any, Final
from urllib.parse import parse_qs

from peacetrack.web.deps import VersionedCache, choose_lang, watch_staleness

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

PREFIX: Final = "/api/"
UNCACHED: Final = frozenset({"/api/health"})
# Pages that hold a per-visitor form token, or take seconds to print, are never kept.
PAGES_UNCACHED: Final = frozenset(
    {
        "/login",
        "/logout",
        "/review",
        "/report.pdf",
        "/openapi.json",
        "/docs",
        "/redoc",
        "/docs/oauth2-redirect",
    }
)
SIGNED_IN_COOKIE: Final = b"pt_editor="
STALE_HEADERS: Final = ((b"cache-control", b"no-store"),)


def etag_for(version: int, path: str, query: bytes) -> str:
    key = f"{version}|{date.today().isoformat()}|{path}?".encode() + query
    return '"' + hashlib.sha256(key).hexdigest()[:32] + '"'


def matches(header: str, etag: str) -> bool:
    tags = [tag.strip().removeprefix("W/") for tag in header.split(",")]
    return "*" in tags or etag in tags


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", ()):
        if key == name:
            text: str = value.decode("latin-1")
            return text
    return None


Headers = list[tuple[bytes, bytes]]
Kept = tuple[Headers, bytes, str]  # headers, body, the question it answers


class CacheHeaders:
    """Adds ETag/Cache-Control to successful API reads and answers 304 when the client's copy is current."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        cache: VersionedCache,
        private: bool,
        max_entries: int = 512,
        max_body: int = 1 << 20,
    ) -> None:
        self.app = app
        self.cache = cache
        self.private = private
        scope = "private" if private else "public"
        self.cache_control = f"{scope}, max-age=0, must-revalidate".encode()
        # Answers by ETag; only on a public server (a private one must check each token).
        # Used from the event loop alone, so it needs no lock.
        self.answers: OrderedDict[str, Kept] = OrderedDict()
        self.newest: dict[str, str] = {}  # question -> key of its newest kept answer
        self.building: set[str] = set()  # questions whose new answer a reader is building
        self.max_entries = max_entries if not private else 0
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "")
        if self._page_kept(scope, path):
            await self._page(scope, receive, send, path)
            return
        if (
            scope["type"] != "http"
            or scope.get("method") != "GET"
            or not path.startswith(PREFIX)
            or path in UNCACHED
        ):
            await self.app(scope, receive, send)
            return
        version = self.cache.version()
        # Handlers read it as request.state.version: one version per request.
        scope.setdefault("state", {})["version"] = version
        etag = etag_for(version, path, scope.get("query_string", b""))
        headers: Headers = [(b"etag", etag.encode()), (b"cache-control", self.cache_control)]
        if self.private:
            headers.append((b"vary", b"Authorization"))
        sent = _header(scope, b"if-none-match")
        current = sent is not None and matches(sent, etag)
        if current and not self.private:
            await _not_modified(send, headers)
            return
        question = f"{path}?{scope.get('query_string', b'').decode('latin-1')}"
        if await self._answer_kept(scope, send, etag, question):
            return

        swallow = False
        start: Message | None = None
        served = watch_staleness()

        async def send_with_headers(message: Message) -> None:
            nonlocal swallow, start
            if message["type"] == "http.response.start" and message["status"] == 200:
                if served["stale"]:  # built from the last good value while a newer one builds
                    message["headers"] = [*message.get("headers", []), (b"cache-control", b"no-store")]
                    await send(message)
                    swallow = False
                    return
                if current:  # private: authenticated, and the copy is current
                    swallow = True
                    await _not_modified(send, headers)
                    return
                message["headers"] = [*message.get("headers", []), *headers]
                start = message
            elif swallow:
                return
            elif message["type"] == "http.response.body" and start is not None:
                self._keep(etag, question, start, message)
                start = None
            await send(message)

        await self._build(question, scope, receive, send_with_headers)

    def _page_kept(self, scope: Scope, path: str) -> bool:
        """A page read by a visitor who is not signed in, on a public server."""
        if not self.max_entries or scope["type"] != "http" or scope.get("method") != "GET":
            return False
        if path.startswith((PREFIX, "/static/")) or path in PAGES_UNCACHED:
            return False
        cookie = _header(scope, b"cookie") or ""
        return SIGNED_IN_COOKIE.decode() not in cookie

    async def _page(self, scope: Scope, receive: Receive, send: Send, path: str) -> None:
        """Pages for anonymous readers depend only on the URL, the language asked for and the data.

        Profiling showed the overview costing ~40 ms to build; readers asking the same
        question at the same data version get the kept answer.
        """
        cookie = _header(scope, b"cookie") or ""
        lang_cookie = next((c.split("=", 1)[1] for c in cookie.split("; ") if c.startswith("lang=")), "")
        query = scope.get("query_string", b"")
        asked = parse_qs(query.decode("latin-1")).get("lang", [None])[0] or lang_cookie or None
        # Keyed by the language the page will be in, chosen exactly as the page chooses it.
        lang = choose_lang(asked, _header(scope, b"accept-language") or "")
        version = self.cache.version()
        scope.setdefault("state", {})["version"] = version
        key = etag_for(version, path, query + f"|{lang}".encode())
        question = f"{path}?{query.decode('latin-1')}|{lang}"
        if await self._answer_kept(scope, send, key, question):
            return
        start: Message | None = None
        served = watch_staleness()

        async def keep_on_the_way(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                start = message if message["status"] == 200 and not served["stale"] else None
            elif message["type"] == "http.response.body" and start is not None:
                self._keep(key, question, start, message)
                start = None
            await send(message)

        await self._build(question, scope, receive, keep_on_the_way)

    async def _answer_kept(self, scope: Scope, send: Send, key: str, question: str) -> bool:
        """Answer from memory if possible: the answer at this version, or the last one kept while
        another reader builds the new one. False when this reader has to build it."""
        kept = self.answers.get(key)
        if kept is not None:
            self.answers.move_to_end(key)
            headers = kept[0]
        elif question in self.building and not _identified(scope):
            kept = self.answers.get(self.newest.get(question, ""))
            if kept is None:
                return False
            headers = [h for h in kept[0] if h[0] not in (b"etag", b"cache-control")]
            headers.extend(STALE_HEADERS)
        else:
            return False
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": kept[1], "more_body": False})
        return True

    async def _build(self, question: str, scope: Scope, receive: Receive, send: Send) -> None:
        # Only the event loop runs this, so the set needs no lock.
        first = question not in self.building
        self.building.add(question)
        try:
            await self.app(scope, receive, send)
        finally:
            if first:
                self.building.discard(question)

    def _keep(self, key: str, question: str, start: Message, body: Message) -> None:
        data = body.get("body", b"")
        if not self.max_entries or body.get("more_body") or len(data) > self.max_body:
            return
        older = self.newest.get(question)
        if older is not None and older != key:
            self.answers.pop(older, None)  # only the newest answer to a question is ever served again
        self.answers[key] = (list(start["headers"]), data, question)
        self.newest[question] = key
        while len(self.answers) > self.max_entries:
            gone, (_, _, asked) = self.answers.popitem(last=False)
            if self.newest.get(asked) == gone:
                del self.newest[asked]


def _identified(scope: Scope) -> bool:
    """A reader with a token, or signed in, may have just written: they never get an older answer."""
    if _header(scope, b"authorization"):
        return True
    return SIGNED_IN_COOKIE.decode() in (_header(scope, b"cookie") or "")


async def _not_modified(send: Send, headers: list[tuple[bytes, bytes]]) -> None:
    await send({"type": "http.response.start", "status": 304, "headers": headers})
    await send({"type": "http.response.body", "body": b"", "more_body": False})

"""The web application: JSON API under /api, pages for people, one process."""

from __future__ import annotations

import gc
from pathlib import Path
from typing import Any

from fastapi import Depends, FastAPI
from fastapi.staticfiles import StaticFiles

from peacetrack import settings
from peacetrack.link import EffectCues, IndexCache
from peacetrack.store import Store
from peacetrack.web import errors, pages
from peacetrack.web.api import READS, WRITES
from peacetrack.web.api.bundles import MAX_BYTES as BUNDLE_MAX
from peacetrack.web.api.documents import MAX_BYTES as DOCUMENT_MAX
from peacetrack.web.api.schemas import Health
from peacetrack.web.auth import require_reader
from peacetrack.web.caching import CacheHeaders
from peacetrack.web.deps import VersionedCache
from peacetrack.web.hostile import RefuseNul, UploadGate
from peacetrack.web.idempotency import Idempotency
from peacetrack.web.throttle import FailureThrottle

STATIC = Path(__file__).resolve().parent / "static"

PRIVATE_ENV = settings.PRIVATE.name
"""Set to 1 by ``peacetrack serve --private`` for the worker processes' :func:`app_from_env`."""

DESCRIPTION = """\
Agreements split into provisions, dated and sourced events linked to them, implementation levels
over time, and scores for any date (Peace Accords Matrix method). Text is given in every language
as maps such as `{"en": "...", "ko": "..."}`.

**Auth.** Reads are public unless the server runs with `--private`. Every write needs
`Authorization: Bearer TOKEN` of an editor (`peacetrack user add NAME --role editor`).

**Errors** are `{"error": {"code", "message", "problems": [{"path", "reason"}]}}`.

**Caching.** Reads carry an `ETag` (data version + URL) and `Cache-Control: ...must-revalidate`;
send `If-None-Match` to get `304 Not Modified` while nothing has changed.
"""


def create_app(db: str | None = None, *, private: bool = False) -> FastAPI:
    """Build the app for one database. ``private`` makes reads need a token too."""
    store = Store(db)
    # A private server describes its API only to readers with a token: no open /docs or /redoc.
    hidden: dict[str, Any] = {"openapi_url": None, "docs_url": None, "redoc_url": None} if private else {}
    app = FastAPI(
        title="peacetrack",
        summary="Peace-process monitoring: agreements, provisions, sourced events, implementation scores.",
        description=DESCRIPTION,
        version="0.1.0",
        **hidden,
    )
    if private:

        @app.get("/openapi.json", include_in_schema=False, dependencies=[Depends(require_reader)])
        async def openapi() -> dict[str, Any]:
            return app.openapi()

    app.state.store = store
    app.state.cache = VersionedCache(store)
    app.state.link_indexes = IndexCache(None)
    app.state.effect_cues = EffectCues()  # compiled once: building it costs ~40 ms
    app.state.private = private
    app.state.throttle = FailureThrottle()
    errors.install(app)

    @app.get("/api/health", response_model=Health, tags=["meta"], summary="Liveness: always ok")
    async def health() -> dict[str, str]:
        return {"status": "ok"}

    guard = [Depends(require_reader)] if private else []
    for router in READS:
        app.include_router(router, dependencies=guard, responses=errors.READ_RESPONSES)
    for router in WRITES:
        app.include_router(router, responses=errors.WRITE_RESPONSES)

    # --- HTML pages -------------------------------------------------------------------------
    pages.install(app)
    # ----------------------------------------------------------------------------------------

    app.mount("/static", StaticFiles(directory=STATIC, check_dir=False), name="static")
    app.add_middleware(CacheHeaders, cache=app.state.cache, private=private)
    app.add_middleware(Idempotency)
    app.add_middleware(UploadGate, limits={"/api/documents": DOCUMENT_MAX, "/api/bundles": BUNDLE_MAX})
    app.add_middleware(RefuseNul)
    return app


def served_app(db: str | None, *, private: bool) -> FastAPI:
    """The app a ``peacetrack serve`` process runs, ready to live as long as the process."""
    app = create_app(db, private=private)
    # Everything loaded so far (modules, routes, models) lives as long as the worker: keep
    # it out of the collector's full passes, which otherwise showed as 100 ms p99 spikes.
    gc.collect()
    gc.freeze()
    return app


def app_from_env() -> FastAPI:
    """The app ``peacetrack serve --workers N`` runs in each worker process: they start from an import
    string, so the database and privacy come from the environment they inherit."""
    return served_app(settings.get(settings.DB), private=settings.get(settings.PRIVATE) == "1")

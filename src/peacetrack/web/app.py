"""The web application: JSON API under /api, pages for people, one process."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from peacetrack.store import Store
from peacetrack.web.deps import VersionedCache

STATIC = Path(__file__).resolve().parent / "static"


def create_app(db: str | None = None, *, private: bool = False) -> FastAPI:
    """Build the app for one database. ``private`` makes reads need a token too."""
    store = Store(db)
    app = FastAPI(
        title="peacetrack",
        summary="Peace-process monitoring: agreements, provisions, sourced events, implementation scores.",
        version="0.1.0",
    )
    app.state.store = store
    app.state.cache = VersionedCache(store)
    app.state.private = private
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app

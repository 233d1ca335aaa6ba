"""HTML pages for people, rendered on the server (Jinja2), English and Korean.

``install(app)`` adds them to an app made by :func:`peacetrack.web.app.create_app`:
the routers, the template kit on ``app.state`` and the handler that renders
:class:`PageError` as an HTML page. On a private server the pages, like the
API's reads, need a signed-in user.
"""

from __future__ import annotations

import threading

from fastapi import APIRouter, Depends, FastAPI

from peacetrack.web.pages import (
    actors,
    agreements,
    civil,
    environment,
    events,
    forward,
    library,
    linker,
    overview,
    report,
    review,
    signed_in,
)
from peacetrack.web.pages.common import PageError, page_error
from peacetrack.web.pages.kit import make_kit

ROUTERS: tuple[APIRouter, ...] = (
    overview.router,
    report.router,
    agreements.router,
    events.router,
    actors.router,
    civil.router,
    library.router,
    linker.router,
    review.router,
    forward.router,
    environment.router,
)


def install(app: FastAPI) -> None:
    """Mount the pages on ``app`` (after ``app.state.store`` and ``.private`` are set)."""
    app.state.pages_kit = make_kit()
    app.state.pdf_slots = threading.BoundedSemaphore(report.PDF_SLOTS)
    app.add_exception_handler(PageError, page_error)
    guard = [Depends(signed_in.page_reader)] if getattr(app.state, "private", False) else []
    for router in ROUTERS:
        app.include_router(router, include_in_schema=False, dependencies=guard)


__all__ = ["PageError", "install"]

"""The printable report of the overview for one date: HTML with print CSS, and PDF.

The PDF is the same HTML printed by headless Chromium (Debian's ``chromium``),
with the stylesheet inlined, from a temporary directory with a throw-away
profile. The report template has no scripts and every value in it is escaped;
Chromium's own "scripts off" switch is not used because it stops
``--print-to-pdf`` from writing anything. Where
no Chromium is installed the PDF answers 503 with a message saying so.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import threading
from datetime import date
from pathlib import Path
from typing import Any

from fastapi import APIRouter
from fastapi.responses import Response

from peacetrack.model.languages import check_lang
from peacetrack.store import Store
from peacetrack.web.deps import VersionedCache
from peacetrack.web.pages.common import PageError, PageOf, as_of_param
from peacetrack.web.pages.forward import forward_context
from peacetrack.web.pages.kit import SECURITY_HEADERS, STATIC, View, template_context
from peacetrack.web.pages.overview import overview_context
from peacetrack.web.queries import events as event_q

router = APIRouter()

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
PDF_TIMEOUT_S = 90
REPORT_PACKAGES = 6
"""The report prints the first packages of the way forward; the page has them all."""
PDF_SLOTS = 2
"""At most this many Chromium processes print at once (each takes a few hundred MB)."""


def find_chromium() -> str | None:
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def report_context(
    store: Store, cache: VersionedCache, view: View, as_of: date, *, inline_css: bool
) -> dict[str, Any]:
    context = overview_context(store, cache, view, as_of, chart_end=min(as_of, date.today()))
    with store.read() as conn:
        ids = {e for item in context["reversed"] if item.status.current for e in item.status.current.evidence}
        found = event_q.find_by_ids(conn, ids)
    evidence = {
        item.provision.id: [
            found[e] for e in (item.status.current.evidence if item.status.current else ()) if e in found
        ]
        for item in context["reversed"]
    }
    css = (STATIC / "site.css").read_text(encoding="utf-8") if inline_css else ""
    ahead = forward_context(store, cache, check_lang(view.lang), as_of, None)
    return {
        **context,
        "evidence": evidence,
        "inline_css": css,
        "generated": date.today(),
        "pdf": inline_css,
        "wf": ahead["wf"],
        "provisions": ahead["provisions"],
        "report_packages": REPORT_PACKAGES,
    }


@router.get("/report")
def report(page: PageOf, as_of: str | None = None) -> Response:
    day = as_of_param(as_of)
    view = page.view
    return page.render(
        "report.html",
        report_context(page.store, page.cache, view, day, inline_css=False),
    )


def print_pdf(chromium: str, html: str) -> bytes:
    """Print one self-contained HTML page to PDF with headless Chromium."""
    with tempfile.TemporaryDirectory(prefix="peacetrack-report-") as tmp:
        folder = Path(tmp)
        page, pdf = folder / "report.html", folder / "report.pdf"
        page.write_text(html, encoding="utf-8")
        command = [
            chromium,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            f"--user-data-dir={folder / 'profile'}",
            "--no-pdf-header-footer",
            f"--print-to-pdf={pdf}",
            page.as_uri(),
        ]
        try:
            subprocess.run(command, check=True, capture_output=True, timeout=PDF_TIMEOUT_S)
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError) as exc:
            raise PageError(503, "error.pdf_failed", reason=type(exc).__name__) from None
        if not pdf.exists() or pdf.stat().st_size == 0:
            raise PageError(503, "error.pdf_failed", reason="no output")
        return pdf.read_bytes()


@router.get("/report.pdf")
def report_pdf(page: PageOf, as_of: str | None = None) -> Response:
    day = as_of_param(as_of)
    chromium = find_chromium()
    if chromium is None:
        raise PageError(503, "error.no_chromium")
    view = page.view
    context = report_context(page.store, page.cache, view, day, inline_css=True)
    html = view.kit.env.get_template("report.html").render(template_context(view, context))
    slots: threading.BoundedSemaphore = page.request.app.state.pdf_slots
    if not slots.acquire(timeout=PDF_TIMEOUT_S):
        raise PageError(503, "error.pdf_busy")
    try:
        pdf = print_pdf(chromium, html)
    finally:
        slots.release()
    return Response(
        pdf,
        media_type="application/pdf",
        headers={
            "Content-Disposition": f'inline; filename="peacetrack-report-{day.isoformat()}-{page.lang}.pdf"',
            **SECURITY_HEADERS,
        },
    )

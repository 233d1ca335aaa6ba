"""What every page handler shares: the template environment, the reader's language, helpers.

The environment and the message catalogues are made once per app by
:func:`make_kit` and hung on ``app.state``; nothing is module-global.
Jinja autoescaping is on for every template, and nothing marks data safe.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date as Day
from enum import Enum
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import Request
from fastapi.responses import HTMLResponse, Response
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from pydantic import BaseModel

from peacetrack.model import hosts
from peacetrack.model import records as models
from peacetrack.model.codebook import Coded, Precision, SourceCategory, level_label
from peacetrack.model.records import field_label, in_language
from peacetrack.web.i18n import Catalogue, load_catalogues
from peacetrack.web.pages import site

WEB = Path(__file__).resolve().parent.parent
TEMPLATES = WEB / "templates"
STATIC = WEB / "static"
LANG_COOKIE = "lang"
LANG_NAMES = {"en": "English", "ko": "한국어"}

MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
        "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
}


@dataclass(frozen=True, slots=True)
class Kit:
    env: Environment
    catalogues: Mapping[str, Catalogue]
    asset_version: str
    """A short hash of the CSS and JS, appended to their URLs so browsers refetch after a change."""


def make_kit() -> Kit:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    digest = hashlib.sha256()
    for name in sorted(p.name for p in STATIC.iterdir() if p.suffix in {".css", ".js"}):
        digest.update((STATIC / name).read_bytes())
    return Kit(env, load_catalogues(), digest.hexdigest()[:10])


def get_kit(request: Request) -> Kit:
    kit: Kit = request.app.state.pages_kit
    return kit


def format_date(d: Day | None, lang: str, precision: str | None = None) -> str:
    if d is None:
        return ""
    if lang == "ko":
        if precision == Precision.YEAR:
            return f"{d.year}년"
        if precision == Precision.MONTH:
            return f"{d.year}년 {d.month}월"
        return f"{d.year}년 {d.month}월 {d.day}일"
    if precision == Precision.YEAR:
        return str(d.year)
    if precision == Precision.MONTH:
        return f"{MONTHS_EN[d.month - 1]} {d.year}"
    return f"{d.day} {MONTHS_EN[d.month - 1]} {d.year}"


def format_month(d: Day, lang: str) -> str:
    return f"{d.year}년 {d.month}월" if lang == "ko" else f"{MONTHS_EN[d.month - 1]} {d.year}"


class View:
    """Per-request helpers the templates call: words, labels, dates and links."""

    def __init__(self, request: Request, lang: str, kit: Kit) -> None:
        self.request = request
        self.lang = lang
        self.kit = kit
        self.t: Catalogue = kit.catalogues[lang]

    # --- words and labels --------------------------------------------------------------------

    def tx(self, text: Mapping[str, str] | None) -> str:
        """A language map in the reader's language, English where there is no translation."""
        return in_language(text, self.lang)

    def tx_lang(self, text: Mapping[str, str] | None) -> str:
        """The language :meth:`tx` actually shows, for a ``lang`` attribute."""
        if text and not text.get(self.lang):
            return "en" if text.get("en") else next(iter(text), self.lang)
        return self.lang

    def code(self, value: Any) -> str:
        if isinstance(value, Coded):
            return value.label(self.lang)
        return str(value)

    def level(self, level: int) -> str:
        return level_label(level, self.lang)

    def source_category(self, source: models.Source) -> SourceCategory | None:
        """Who stands behind a cited page: the source's own category, else its host's."""
        return hosts.category(source)

    def field(self, model: type[BaseModel], name: str) -> str:
        return field_label(model, name, self.lang)

    def date(self, d: Day | None, precision: Any = None) -> str:
        return format_date(d, self.lang, str(precision) if precision is not None else None)

    def month(self, d: Day) -> str:
        return format_month(d, self.lang)

    def number(self, value: float | int) -> str:
        return f"{value:,}" if isinstance(value, int) else f"{value:.1f}"

    # --- links --------------------------------------------------------------------------------

    def static(self, name: str) -> str:
        return f"/static/{name}?v={self.kit.asset_version}"

    def url(self, path: str, **params: Any) -> str:
        """``path`` with the given query parameters; None and "" leave a parameter out."""
        kept = {k: _param(v) for k, v in params.items() if v is not None and v != ""}
        return f"{path}?{urlencode(kept)}" if kept else path

    def here(self, **changes: Any) -> str:
        """This page's URL with some query parameters changed (None removes one)."""
        params: dict[str, Any] = dict(self.request.query_params)
        for key, value in changes.items():
            if value is None or value == "":
                params.pop(key, None)
            else:
                params[key] = value
        return self.url(self.request.url.path, **params)

    @property
    def other_lang(self) -> str:
        return "ko" if self.lang == "en" else "en"

    def lang_name(self, lang: str) -> str:
        return LANG_NAMES[lang]

    def is_current(self, prefix: str) -> bool:
        path = self.request.url.path
        return path == prefix if prefix == "/" else path == prefix or path.startswith(prefix + "/")


def _param(value: Any) -> str:
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, Day):
        return value.isoformat()
    return str(value)


def render(
    request: Request,
    lang: str,
    template: str,
    context: Mapping[str, Any],
    *,
    status: int = 200,
    headers: Mapping[str, str] | None = None,
) -> HTMLResponse:
    """Render a page and remember an explicit language choice in a cookie."""
    kit = get_kit(request)
    view = View(request, lang, kit)
    body = kit.env.get_template(template).render(template_context(view, context))
    # The language may come from the cookie or Accept-Language: caches must keep them apart.
    page_headers = {**SECURITY_HEADERS, "Vary": "Accept-Language, Cookie", **(headers or {})}
    response = HTMLResponse(body, status_code=status, headers=page_headers)
    remember_lang(request, response)
    return response


def template_context(view: View, context: Mapping[str, Any]) -> dict[str, Any]:
    """What every template sees: the view helpers, the catalogue, the language, the models and the
    site's words that come from the data (the process it monitors)."""
    state = view.request.app.state
    held = site.processes(state.store, getattr(state, "cache", None))
    text = site.site_text(held, view.lang, view.t)
    return {"v": view, "t": view.t, "lang": view.lang, "models": models, "site": text, **context}


def remember_lang(request: Request, response: Response) -> None:
    asked = request.query_params.get("lang")
    if asked in LANG_NAMES and request.cookies.get(LANG_COOKIE) != asked:
        response.set_cookie(LANG_COOKIE, asked, max_age=365 * 24 * 3600, samesite="lax", httponly=False)


def view_for(request: Request, lang: str) -> View:
    return View(request, lang, get_kit(request))

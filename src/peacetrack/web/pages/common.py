"""Parameters, errors and downloads shared by the page routers."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any

import orjson
from fastapi import Depends, Request
from fastapi.responses import HTMLResponse, Response

from peacetrack.bundle.tabular import formula_safe
from peacetrack.model.languages import Lang
from peacetrack.store import Store
from peacetrack.web.deps import VersionedCache, get_cache, get_lang, get_store
from peacetrack.web.pages.kit import SECURITY_HEADERS, View, render, view_for

FORMATS = ("html", "csv", "json")


@dataclass(frozen=True, slots=True)
class Page:
    """What every page handler reads from: the request, the store, its cache and the reader's language."""

    request: Request
    store: Store
    cache: VersionedCache
    lang: Lang

    @property
    def view(self) -> View:
        return view_for(self.request, self.lang)

    def render(self, template: str, context: Mapping[str, Any], **options: Any) -> HTMLResponse:
        """The page from ``template`` in the reader's language (kit.render's options: status, headers)."""
        return render(self.request, self.lang, template, context, **options)


def page_of(
    request: Request,
    store: Store = Depends(get_store),
    cache: VersionedCache = Depends(get_cache),
    lang: Lang = Depends(get_lang),
) -> Page:
    return Page(request, store, cache, lang)


PageOf = Annotated[Page, Depends(page_of)]
"""A handler's parameter for its Page: ``def actor_page(page: PageOf, actor_id: str)``."""


class PageError(Exception):
    """A page that cannot be shown; rendered as an HTML error page in the reader's language."""

    def __init__(self, status: int, key: str, **values: Any) -> None:
        super().__init__(key)
        self.status = status
        self.key = key
        self.values = values


def not_found(kind: str, rid: str) -> PageError:
    return PageError(404, f"error.not_found.{kind}", id=rid)


async def page_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, PageError)
    lang = get_lang(request)
    return render(
        request,
        lang,
        "error.html",
        {"status": exc.status, "key": exc.key, "values": exc.values},
        status=exc.status,
    )


def parse_day(value: str | None, name: str) -> date | None:
    """A YYYY-MM-DD query parameter; empty means none; anything else is a 400 page."""
    if value is None or not value.strip():
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise PageError(400, "error.bad_date", name=name, value=value) from None


def as_of_param(value: str | None) -> date:
    return parse_day(value, "as_of") or date.today()


def parse_format(value: str | None) -> str:
    fmt = (value or "html").lower()
    if fmt not in FORMATS:
        raise PageError(400, "error.bad_format", value=value or "")
    return fmt


def parse_page(value: str | None) -> int:
    if value is None or value == "":
        return 1
    try:
        page = int(value)
    except ValueError:
        raise PageError(400, "error.bad_page", value=value) from None
    if page < 1 or page > MAX_PAGE:
        raise PageError(400, "error.bad_page", value=value)
    return page


MAX_PAGE = 100_000  # 2.5 million rows at 25 a page: a larger number is a probe, not a reader


def _cell(value: Any) -> str:
    # A number is data, not a formula: -5.0 stays -5.0 (only text is quoted).
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return str(formula_safe("" if value is None else str(value)))


def csv_download(filename: str, header: Sequence[str], rows: Iterable[Sequence[Any]]) -> Response:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([_cell(v) for v in row])
    return Response(
        # A byte-order mark lets spreadsheet programs read Korean as UTF-8.
        "\ufeff" + out.getvalue(),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{filename}"', **SECURITY_HEADERS},
    )


def json_download(filename: str, data: Any) -> Response:
    return Response(
        orjson.dumps(data, option=orjson.OPT_INDENT_2),
        media_type="application/json",
        headers={"Content-Disposition": f'attachment; filename="{filename}"', **SECURITY_HEADERS},
    )

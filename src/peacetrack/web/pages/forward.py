"""The way forward page: reciprocal packages, each party's open ledger, and saved proposals."""

from __future__ import annotations

from datetime import date
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Form
from fastapi.responses import RedirectResponse, Response

from peacetrack.errors import BadInput
from peacetrack.forward import proposals
from peacetrack.forward.service import WayForward, to_json, way_forward
from peacetrack.store import Store
from peacetrack.web.deps import Lang, VersionedCache
from peacetrack.web.pages.common import PageError, PageOf, as_of_param, json_download
from peacetrack.web.pages.kit import SECURITY_HEADERS
from peacetrack.web.pages.signed_in import NO_STORE, cookie_user, csrf_for, form_editor
from peacetrack.web.queries import records as rq
from peacetrack.web.queries import scores as sq

router = APIRouter()


def forward_context(
    store: Store, cache: VersionedCache, lang: Lang, as_of: date, party: str | None
) -> dict[str, Any]:
    """What the page and the printed report show of the way forward as of ``as_of``."""
    idx = sq.index(store, cache, lang)
    with store.read() as conn:
        try:
            wf = way_forward(conn, idx, as_of, party=party, lang=lang)
        except BadInput:
            raise PageError(404, "error.not_found.actor", id=party or "") from None
        ids = {i.provision for items in wf.ledger.values() for i in items}
        ids |= {s.provision for p in wf.packages for s in p.steps}
        saved = proposals.listed(conn)
        ids |= {s["provision"] for p in saved for s in p.package["steps"]}
        names = rq.provision_names(conn, ids)
        parties = sorted(
            {a for i in wf.ledger.values() for item in i for a in item.responsible} | set(wf.ledger)
        )
    today = date.today()
    followed = [(p, proposals.outcomes(idx, p, today)) for p in saved]
    return {
        "wf": wf,
        "as_of": as_of,
        "party": party,
        "parties": parties,
        "provisions": names,
        "proposals": followed,
    }


@router.get("/forward")
def forward_page(
    page: PageOf, as_of: str | None = None, party: str | None = None, format: str | None = None
) -> Response:
    day = as_of_param(as_of)
    context = forward_context(page.store, page.cache, page.lang, day, party or None)
    if format == "json":
        wf: WayForward = context["wf"]
        return json_download(f"peacetrack-way-forward-{day.isoformat()}.json", to_json(wf))
    if format not in (None, "", "html"):
        raise PageError(400, "error.bad_format", value=format)
    context["csrf"] = context["saved"] = None
    signed_in = cookie_user(page.request, page.store)
    if signed_in is not None and signed_in[0].can_write:  # an editor may keep a package as a proposal
        context["csrf"] = csrf_for(signed_in[1])
        context["saved"] = page.request.query_params.get("saved")
        return page.render("forward.html", context, headers=NO_STORE)
    return page.render("forward.html", context)


@router.post("/forward/proposals")
def save_proposal(
    page: PageOf,
    package: int = Form(...),
    name: str = Form(...),
    note: str = Form(""),
    as_of: str = Form(...),
    party: str = Form(""),
    csrf: str = Form(""),
) -> Response:
    """Keep a package of the page as a named proposal: the form's twin of ``POST /api/steps/proposals``.
    Its explanations are kept in English whatever the page's language, as the API and CLI keep them."""
    user = form_editor(page.request, page.store, csrf)
    day = as_of_param(as_of)
    with page.store.read() as conn:
        try:
            wf = way_forward(conn, sq.index(page.store, page.cache, "en"), day, party=party or None)
        except BadInput:
            raise PageError(404, "error.not_found.actor", id=party) from None
    try:
        proposals.save(page.store, wf, package, name.strip(), note=note.strip() or None, author=user.name)
    except BadInput as exc:
        raise PageError(422, "forward.not_saved", reason=exc.summary()) from None
    query = urlencode({"as_of": day.isoformat(), "party": party, "saved": name.strip()})
    return RedirectResponse(f"/forward?{query}#proposals", status_code=303, headers=SECURITY_HEADERS)

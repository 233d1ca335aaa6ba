"""The way forward page: reciprocal packages, each party's open ledger, and saved proposals."""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from peacetrack.errors import BadInput
from peacetrack.forward import proposals
from peacetrack.forward.service import WayForward, to_json, way_forward
from peacetrack.store import Store
from peacetrack.web.deps import Lang, VersionedCache, get_cache, get_lang, get_store
from peacetrack.web.pages.common import PageError, as_of_param, json_download
from peacetrack.web.pages.kit import render
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
    request: Request,
    as_of: str | None = None,
    party: str | None = None,
    format: str | None = None,
    store: Store = Depends(get_store),
    cache: VersionedCache = Depends(get_cache),
    lang: Lang = Depends(get_lang),
) -> Response:
    day = as_of_param(as_of)
    context = forward_context(store, cache, lang, day, party or None)
    if format == "json":
        wf: WayForward = context["wf"]
        return json_download(f"peacetrack-way-forward-{day.isoformat()}.json", to_json(wf))
    if format not in (None, "", "html"):
        raise PageError(400, "error.bad_format", value=format)
    return render(request, lang, "forward.html", context)

"""Review for editors: proposed records (status ``proposed``) accepted or rejected, and the sign-in.

Sign-in takes an editor's API token (``peacetrack user add NAME --role editor``)
and keeps it in an HttpOnly, SameSite=Strict cookie; every form that writes
also carries a CSRF field derived from that token, so no other site can post
on the editor's behalf. Tokens are checked with the API's own auth module.

What is proposed: records of any kind whose ``status`` is not ``accepted``.
Ingest (``peacetrack ingest``, ``POST /api/documents``) proposes them; the
decision itself is ``peacetrack.ingest.review.decide_in``, shared with
``peacetrack review accept|reject``. A proposed event shows the provisions the
linker ranks for it (matched words, proposed effect, similar coded event), each
marked when the record already links it, so the editor confirms rather than
searches.
"""

from __future__ import annotations

import hmac
import secrets
from dataclasses import dataclass, field
from typing import Any, Final

import orjson
from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response
from sqlalchemy import select

from peacetrack.accounts import (
    SESSION_HOURS,
    end_session,
    start_session,
    user_for_password,
    user_for_token,
)
from peacetrack.errors import BadInput
from peacetrack.ingest.review import decide_in
from peacetrack.link import EffectCues, LinkIndex
from peacetrack.model.status import ACCEPTED, REJECTED
from peacetrack.store import Store
from peacetrack.store import tables as t
from peacetrack.web.api.link import effect_cues, link_index
from peacetrack.web.api.writes import write_record
from peacetrack.web.auth import client_address
from peacetrack.web.errors import ApiError
from peacetrack.web.pages.common import PageError, PageOf
from peacetrack.web.pages.kit import SECURITY_HEADERS, render
from peacetrack.web.pages.linker import Candidate, link_candidates
from peacetrack.web.pages.signed_in import NO_STORE, TOKEN_COOKIE, cookie_user, csrf_for, form_editor

router = APIRouter()

LIMIT: Final = 200


@dataclass(frozen=True, slots=True)
class Proposal:
    kind: str
    id: str
    status: str
    title: dict[str, str]
    doc: str
    candidates: list[Candidate] = field(default_factory=list)


def event_text(doc: dict[str, Any]) -> str:
    """What the linker reads of an event: its title and summary, every language."""
    parts: list[str] = []
    for key in ("title", "summary"):
        value = doc.get(key)
        if isinstance(value, dict):
            parts.extend(str(v) for v in value.values() if v)
    return "\n".join(parts)


def candidates(doc: dict[str, Any], index: LinkIndex, cues: EffectCues) -> list[Candidate]:
    linked = {fx.get("provision") for fx in doc.get("effects") or [] if isinstance(fx, dict)}
    return link_candidates(event_text(doc), index, cues, {p for p in linked if isinstance(p, str)})


def proposals(store: Store, index: LinkIndex | None = None, cues: EffectCues | None = None) -> list[Proposal]:
    """Records waiting for review, newest first; with an index, events carry their candidates."""
    if index is not None and cues is None:
        cues = EffectCues()
    found: list[Proposal] = []
    with store.read() as conn:
        for kind, table in t.RECORD_TABLES.items():
            for rid, status, doc in conn.execute(
                select(table.c.id, table.c.status, table.c.doc)
                .where(table.c.status != ACCEPTED, table.c.status != REJECTED)
                .order_by(table.c.updated_at.desc(), table.c.id)
                .limit(LIMIT)
            ):
                parsed = orjson.loads(doc)
                title = parsed.get("title") or parsed.get("name") or {"en": rid}
                if not isinstance(title, dict):
                    title = {"en": str(title)}
                pretty = orjson.dumps(parsed, option=orjson.OPT_INDENT_2).decode()
                ranked = (
                    candidates(parsed, index, cues)
                    if kind == "events" and index is not None and cues is not None
                    else []
                )
                found.append(Proposal(kind, rid, status, title, pretty, ranked))
    return found


def save_edit(store: Store, kind: str, record_id: str, text: str, *, author: str) -> None:
    """Write an editor's changes to a proposed record through the API's validated write path."""
    try:
        edited = orjson.loads(text)
    except orjson.JSONDecodeError as exc:
        raise PageError(422, "review.bad_json", reason=str(exc)) from None
    if not isinstance(edited, dict) or edited.get("id") != record_id:
        raise PageError(422, "review.id_changed", id=record_id)
    table = t.RECORD_TABLES[kind]
    with store.read() as conn:
        stored = conn.scalar(select(table.c.doc).where(table.c.id == record_id))
    if stored is not None and orjson.loads(stored) == edited:
        return
    try:
        write_record(store, kind, edited, author=author, reason="review: edited")
    except ApiError as exc:
        raise PageError(422, "review.invalid", reason=exc.message) from None


# Sign-in forms carry a random value that must come back both in the form and in a SameSite=Strict
# cookie: a form posted from another site lacks the cookie, so it cannot sign a browser in.
LOGIN_COOKIE = "pt_login"


def _login_page(request: Request, lang: str, context: dict[str, Any], status: int = 200) -> Response:
    check = secrets.token_urlsafe(24)
    response = render(request, lang, "login.html", {**context, "login_check": check}, status=status)
    response.set_cookie(
        LOGIN_COOKIE,
        check,
        httponly=True,
        samesite="strict",
        secure=request.url.scheme == "https",
        path="/login",
    )
    return response


@router.get("/login")
def login_form(page: PageOf) -> Response:
    found = cookie_user(page.request, page.store)
    return _login_page(page.request, page.lang, {"user": found[0] if found else None, "failed": False})


@router.post("/login")
def login(
    page: PageOf,
    token: str = Form(""),
    name: str = Form(""),
    password: str = Form(""),
    login_check: str = Form(""),
) -> Response:
    expected = page.request.cookies.get(LOGIN_COOKIE, "")
    if not expected or not hmac.compare_digest(expected, login_check):
        raise PageError(403, "review.bad_csrf")
    who = client_address(page.request)
    wait = page.request.app.state.throttle.retry_after(who)
    if wait is not None:
        raise PageError(429, "login.too_many", seconds=wait)
    token, name = token.strip(), name.strip()
    # A name and password (argon2), or an API token: either signs the browser in to a session of its own.
    if name and password:
        user = user_for_password(page.store, name, password)
    else:
        user = user_for_token(page.store, token) if token else None
    if user is None:
        page.request.app.state.throttle.failed(who)
        return _login_page(page.request, page.lang, {"user": None, "failed": True}, status=401)
    with page.store.write() as conn:
        session = start_session(conn, user)
    response = RedirectResponse("/review", status_code=303, headers=SECURITY_HEADERS)
    response.set_cookie(
        TOKEN_COOKIE,
        session,
        httponly=True,
        samesite="strict",
        secure=page.request.url.scheme == "https",
        max_age=SESSION_HOURS * 3600,
        path="/",
    )
    return response


@router.post("/logout")
def logout(page: PageOf) -> Response:
    """Sign-out ends the session itself: a copied cookie no longer works either."""
    token = page.request.cookies.get(TOKEN_COOKIE)
    if token:
        with page.store.write() as conn:
            end_session(conn, token)
    response = RedirectResponse("/", status_code=303, headers=SECURITY_HEADERS)
    response.delete_cookie(TOKEN_COOKIE, path="/")
    return response


@router.get("/review")
def review(page: PageOf) -> Response:
    found = cookie_user(page.request, page.store)
    if found is None:
        return _login_page(
            page.request, page.lang, {"user": None, "failed": False, "from_review": True}, status=401
        )
    user, token = found
    if not user.can_write:
        raise PageError(403, "review.need_editor", name=user.name, role=user.role)
    return page.render(
        "review.html",
        {
            "user": user,
            "csrf": csrf_for(token),
            "proposals": proposals(page.store, link_index(page.request), effect_cues(page.request)),
            "done": page.request.query_params.get("done"),
        },
        headers=NO_STORE,
    )


@router.post("/review/{kind}/{record_id:path}")
def decide(
    page: PageOf,
    kind: str,
    record_id: str,
    decision: str = Form(...),
    csrf: str = Form(""),
    doc: str = Form(""),
) -> Response:
    user = form_editor(page.request, page.store, csrf)
    table = t.RECORD_TABLES.get(kind)
    if table is None or decision not in ("accept", "reject", "save"):
        raise PageError(400, "review.bad_decision")
    if decision in ("accept", "save") and doc.strip():
        save_edit(page.store, kind, record_id, doc, author=user.name)
    if decision == "save":
        return RedirectResponse("/review?done=save", status_code=303, headers=SECURITY_HEADERS)
    with page.store.write() as conn:
        stored = conn.scalar(
            select(table.c.doc).where(
                table.c.id == record_id, table.c.status != ACCEPTED, table.c.status != REJECTED
            )
        )
        if stored is None:
            raise PageError(404, "error.not_found.record", id=record_id)
        # Accepting also accepts the proposed actors the record refers to (ingest's candidates);
        # a reference to a rejected actor stops it with the reason (peacetrack.ingest.review).
        try:
            decide_in(
                conn, [(kind, record_id)], "accept" if decision == "accept" else "reject", author=user.name
            )
        except BadInput as exc:
            raise PageError(422, "review.invalid", reason=exc.summary()) from None
    return RedirectResponse(f"/review?done={decision}", status_code=303, headers=SECURITY_HEADERS)

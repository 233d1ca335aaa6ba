"""Who is signed in to the pages: the session cookie (never the API token), the CSRF value of its
forms, the private server's guard, and the editor a form needs."""

from __future__ import annotations

import hashlib
import hmac
from typing import Final

from fastapi import Request

from peacetrack.accounts import User, user_for_session
from peacetrack.store import Store
from peacetrack.web.pages.common import PageError

TOKEN_COOKIE: Final = "pt_editor"
NO_STORE: Final = {"Cache-Control": "no-store"}
"""Review pages carry a CSRF field and proposals: never kept by any cache."""


def csrf_for(token: str) -> str:
    return hashlib.sha256(b"peacetrack-csrf:" + token.encode("utf-8")).hexdigest()


def cookie_user(request: Request, store: Store) -> tuple[User, str] | None:
    """The signed-in user and their session token (the cookie holds a session, never the API token)."""
    token = request.cookies.get(TOKEN_COOKIE)
    if not token:
        return None
    user = user_for_session(store, token)
    return None if user is None else (user, token)


def page_reader(request: Request) -> None:
    """On a private server, pages need a signed-in user (any role), like the API's reads."""
    if request.url.path in ("/login", "/logout"):
        return
    store: Store = request.app.state.store
    if cookie_user(request, store) is None:
        raise PageError(401, "error.private")


def form_editor(request: Request, store: Store, csrf: str | None = None) -> User:
    """The signed-in editor posting a form, whose CSRF field must match their session."""
    found = cookie_user(request, store)
    if found is None:
        raise PageError(401, "review.need_login")
    user, token = found
    if not user.can_write:
        raise PageError(403, "review.need_editor", name=user.name, role=user.role)
    if csrf is not None and not hmac.compare_digest(csrf, csrf_for(token)):
        raise PageError(403, "review.bad_csrf")
    return user


__all__ = ["NO_STORE", "TOKEN_COOKIE", "cookie_user", "csrf_for", "form_editor", "page_reader"]

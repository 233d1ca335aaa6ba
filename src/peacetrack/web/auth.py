"""Who may read (when private) and who may write: the request dependencies over the accounts.

Accounts, tokens and sessions themselves live in :mod:`peacetrack.accounts`, which the CLI uses
without loading the web stack.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from peacetrack.accounts import User, user_for_token
from peacetrack.store import Store
from peacetrack.web.errors import ApiError

# --- request dependencies --------------------------------------------------------------------

bearer = HTTPBearer(
    auto_error=False,
    description="A token from `peacetrack user add NAME --role editor`, as `Authorization: Bearer TOKEN`.",
)

Credentials = Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]


def _unauthorized(message: str) -> ApiError:
    return ApiError(401, "unauthorized", message, headers={"WWW-Authenticate": 'Bearer realm="peacetrack"'})


def client_address(request: Request) -> str:
    return request.client.host if request.client is not None else "unknown"


def throttled(request: Request) -> None:
    """429 for an address that has failed too many token checks or sign-ins just now."""
    wait = request.app.state.throttle.retry_after(client_address(request))
    if wait is not None:
        raise ApiError(
            429,
            "too_many_requests",
            f"too many failed token checks; try again in {wait} s",
            headers={"Retry-After": str(wait)},
        )


def authenticate(request: Request, credentials: HTTPAuthorizationCredentials | None) -> User:
    """The user behind the request's bearer token; 401 when there is none or it is unknown."""
    if credentials is None or not credentials.credentials:
        raise _unauthorized("this needs an API token: send `Authorization: Bearer TOKEN`")
    throttled(request)
    store: Store = request.app.state.store
    user = user_for_token(store, credentials.credentials)
    if user is None:
        request.app.state.throttle.failed(client_address(request))
        raise _unauthorized("unknown or revoked API token")
    return user


def require_reader(request: Request, credentials: Credentials) -> User:
    """For reads of a private server: the token of any user."""
    return authenticate(request, credentials)


def require_editor(request: Request, credentials: Credentials) -> User:
    """For writes: a token of an editor or admin (401 without a valid token, 403 for a reader)."""
    user = authenticate(request, credentials)
    if not user.can_write:
        raise ApiError(403, "forbidden", f"user {user.name!r} is a {user.role}; writing needs an editor")
    return user


Editor = Annotated[User, Depends(require_editor)]

__all__ = [
    "Credentials",
    "Editor",
    "authenticate",
    "client_address",
    "require_editor",
    "require_reader",
    "throttled",
]

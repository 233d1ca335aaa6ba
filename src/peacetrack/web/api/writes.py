"""Every write of the API goes through import's own path: validate, plan, apply.

A request body becomes an in-memory bundle fragment, is validated exactly as
``peacetrack import`` validates files (against the records already stored),
and is written in one transaction with the user as the revision's author.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import orjson
from sqlalchemy import Connection, select

from peacetrack.bundle.importer import Check, write_fragments
from peacetrack.bundle.load import Fragment
from peacetrack.errors import BadInput
from peacetrack.model.records import FORMAT
from peacetrack.store import Store
from peacetrack.store import tables as t
from peacetrack.store.writer import Plan
from peacetrack.web.errors import ApiError, ProblemOut, not_found, problems_from_bundle

REQUEST = "request"
"""The name problems carry for a request body."""


def write_bundle(
    store: Store,
    data: Any,
    *,
    author: str,
    reason: str,
    dry_run: bool = False,
    check: Check | None = None,
    name: str = REQUEST,
) -> Plan:
    """Validate and write one bundle object atomically; BadInput lists every problem."""
    with store.write() as conn:
        return write_fragments(
            conn, [Fragment(name, data)], author=author, reason=reason, dry_run=dry_run, check=check
        )


def write_record(
    store: Store,
    kind: str,
    record: Any,
    *,
    author: str,
    reason: str,
    check: Check | None = None,
) -> Plan:
    """Write one record (a JSON object of ``kind``); problems point into the body itself."""
    try:
        return write_bundle(
            store, {"format": FORMAT, kind: [record]}, author=author, reason=reason, check=check
        )
    except BadInput as exc:
        problems = problems_from_bundle(exc.problems, strip=f"$.{kind}[0]")
        first = f"{problems[0].path}: {problems[0].reason}" if problems else "invalid record"
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise ApiError(422, "invalid", first + more, problems) from None


def merge_patch(target: Any, patch: Any) -> Any:
    """RFC 7396 JSON merge patch: objects merge, ``null`` removes, anything else replaces."""
    if not isinstance(patch, dict):
        return patch
    out = dict(target) if isinstance(target, dict) else {}
    for key, value in patch.items():
        if value is None:
            out.pop(key, None)
        else:
            out[key] = merge_patch(out.get(key), value)
    return out


def patch_record(
    store: Store,
    kind: str,
    noun: str,
    record_id: str,
    patch: dict[str, Any],
    *,
    author: str,
    reason: str,
    read: Callable[[Connection, str], dict[str, Any]],
) -> dict[str, Any]:
    """Apply a JSON merge patch to a stored record, write the result through the import path and
    answer with ``read``'s view of the record as written."""
    table = t.RECORD_TABLES[kind]
    with store.read() as conn:
        raw = conn.scalar(select(table.c.doc).where(table.c.id == record_id))
    if raw is None:
        raise not_found(noun, record_id)
    merged = merge_patch(orjson.loads(raw), patch)
    if merged.get("id") != record_id:
        raise ApiError(
            422,
            "invalid",
            f"an {noun}'s id cannot change" if noun[0] in "aeiou" else f"a {noun}'s id cannot change",
            [ProblemOut(path="$.id", reason="must stay " + record_id)],
        )
    write_record(store, kind, merged, author=author, reason=reason)
    with store.read() as conn:
        return read(conn, record_id)

"""What the API's resource modules share: caching headers, the scoring index,
name look-ups, text matching and cursors."""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any, Final, Literal

import orjson
from fastapi import Query, Request
from sqlalchemy import ColumnElement, Connection, Select, and_, func, or_, select
from starlette.concurrency import run_in_threadpool

from peacetrack.model.languages import Lang
from peacetrack.model.records import KINDS
from peacetrack.model.status import ACCEPTED
from peacetrack.scoring import Index
from peacetrack.store import Store
from peacetrack.store import tables as t
from peacetrack.store.chunks import id_chunks as chunks
from peacetrack.store.processes import process_agreements
from peacetrack.store.scoring_reads import load_index
from peacetrack.web.api.schemas import TextMap
from peacetrack.web.deps import VersionedCache
from peacetrack.web.errors import ApiError, not_found

Order = Literal["asc", "desc"]


# --- shared by handlers --------------------------------------------------------------------------


def store_of(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


def version_of(request: Request) -> int:
    """The data version this request is answered from (set by the caching middleware)."""
    version = getattr(request.state, "version", None)
    if isinstance(version, int):
        return version
    cache: VersionedCache = request.app.state.cache
    return cache.version()


def index_key(lang: Lang = "en", process: str | None = None) -> str:
    """The cache key of the scoring index whose notes are in ``lang`` (pages and API share it),
    of one process's agreements or of all."""
    return f"scoring-index:{lang}" + (f":{process}" if process else "")


INDEX_KEY: Final = index_key("en")


def build_index(store: Store, lang: Lang = "en", process: str | None = None) -> Index:
    """The index of every accepted agreement, or of one process's (ApiError 404 for an unknown one)."""
    with store.read() as conn:
        if process is None:
            return load_index(conn, lang=lang)
        agreements = process_agreements(conn, process)
        if agreements is None:
            raise not_found("process", process)
        return load_index(conn, lang=lang, agreements=agreements)


def scoring_index(request: Request, process: str | None = None) -> Index:
    """The scoring index of the current data (of one process when asked), rebuilt only after a write."""
    cache: VersionedCache = request.app.state.cache
    store = store_of(request)
    key = index_key("en", process)
    index: Index = cache.get_at(version_of(request), key, lambda: build_index(store, "en", process))
    return index


async def scoring_index_async(request: Request, process: str | None = None) -> Index:
    """:func:`scoring_index` for async handlers: a rebuild runs on a worker thread."""
    cache: VersionedCache = request.app.state.cache
    version = version_of(request)
    key = index_key("en", process)
    hit, value = cache.peek(version, key)
    if hit:
        index: Index = value
        return index
    store = store_of(request)
    built: Index = await run_in_threadpool(
        cache.get_at, version, key, lambda: build_index(store, "en", process)
    )
    return built


# --- text ----------------------------------------------------------------------------------------


def text_map(en: str | None, ko: str | None) -> TextMap:
    out = {"en": en or ""}
    if ko:
        out["ko"] = ko
    return out


def doc(raw: str) -> dict[str, Any]:
    loaded: dict[str, Any] = orjson.loads(raw)
    return loaded


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def contains(column: Any, q: str) -> ColumnElement[bool]:
    """Case-insensitive substring match: ILIKE on PostgreSQL, lower() LIKE lower() on SQLite.

    Substring matching is what Korean needs (no spaces between a noun and its
    particle), and one expression serves both databases. Text without case
    (Korean, digits) needs no folding: plain LIKE, four times faster on
    PostgreSQL (docs/api.md has the measurements).
    """
    pattern = f"%{_escape_like(q)}%"
    caseless = q.lower() == q.upper()
    result: ColumnElement[bool] = (
        column.like(pattern, escape="\\") if caseless else column.ilike(pattern, escape="\\")
    )
    return result


def doc_contains(column: Any, q: str) -> ColumnElement[bool]:
    """A superset filter on a JSON document column: ``q`` as JSON writes it, anywhere in it.

    It also matches field names; :func:`values_match` then checks the values.
    """
    return contains(column, orjson.dumps(q).decode()[1:-1])


def _field_names(schema: Any, into: set[str]) -> set[str]:
    if isinstance(schema, dict):
        for key, value in schema.items():
            if key == "properties" and isinstance(value, dict):
                into.update(value)
            _field_names(value, into)
    elif isinstance(schema, list):
        for value in schema:
            _field_names(value, into)
    return into


FIELD_NAMES: Final[dict[str, frozenset[str]]] = {
    kind: frozenset(_field_names(model.model_json_schema(), set())) for kind, model in KINDS.items()
}
"""Every field name a stored document of each kind can hold (at any depth)."""

_LANGUAGE_CODE = re.compile(r"[a-z]{1,2}")


def exact_in_sql(kind: str, q: str) -> bool:
    """Whether :func:`doc_contains` matches exactly the documents with ``q`` in a text value.

    The escaped pattern cannot cross a JSON string's quotes, so it can only
    be wrong by matching inside a field name: a language map's two-letter
    keys, or a name of the record's model. Other queries need no check in Python.
    """
    needle = q.lower()
    if _LANGUAGE_CODE.fullmatch(needle):
        return False
    return not any(needle in name for name in FIELD_NAMES[kind])


def text_values(value: Any) -> Iterator[str]:
    """Every text value in a JSON document (not its field names); numbers as written."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, int | float) and not isinstance(value, bool):
        yield orjson.dumps(value).decode()
    elif isinstance(value, dict):
        for item in value.values():
            yield from text_values(item)
    elif isinstance(value, list):
        for item in value:
            yield from text_values(item)


def find(value: Any, q: str) -> str | None:
    """The first string value of ``value`` containing ``q`` (ignoring case), else None."""
    needle = q.lower()
    for text in text_values(value):
        if needle in text.lower():
            return text
    return None


PRIORITY: Final = ("title", "name", "text", "summary", "aliases", "demands", "sessions")


def best_match(d: dict[str, Any], q: str) -> str | None:
    """The text of a record that matches ``q``, from its title or name first; None: no match."""
    for key in PRIORITY:
        if key in d:
            hit = find(d[key], q)
            if hit is not None:
                return hit
    return find(d, q)


def excerpt(text: str, q: str, width: int = 160) -> str:
    """``text`` trimmed to about ``width`` characters around the first match of ``q``."""
    if len(text) <= width:
        return text
    at = max(text.lower().find(q.lower()), 0)
    start = max(0, min(at - width // 3, len(text) - width))
    piece = text[start : start + width]
    return ("…" if start > 0 else "") + piece + ("…" if start + width < len(text) else "")


# --- look-ups ------------------------------------------------------------------------------------

Ref = dict[str, Any]
"""A reference as the response carries it (ActorRef, ThemeRef, ProvisionRef): plain data,
validated once with the whole response rather than once per row."""


def actor_refs(conn: Connection, ids: Iterable[str]) -> dict[str, Ref]:
    a = t.actors
    wanted = set(ids)
    found: dict[str, Ref] = {}
    for chunk in chunks(wanted):
        for rid, kind, en, ko in conn.execute(
            select(a.c.id, a.c.kind, a.c.name_en, a.c.name_ko).where(a.c.id.in_(chunk))
        ):
            found[rid] = {"id": rid, "kind": kind, "name": text_map(en, ko)}
    return found


def refs_in_order(found: dict[str, Ref], ids: Iterable[str]) -> list[Ref]:
    """The refs of ``ids`` in their order; an id with no actor row is left out."""
    return [found[i] for i in ids if i in found]


def theme_refs(conn: Connection, ids: Iterable[str]) -> dict[str, Ref]:
    th = t.themes
    found: dict[str, Ref] = {}
    for chunk in chunks(set(ids)):
        for rid, en, ko in conn.execute(
            select(th.c.id, th.c.name_en, th.c.name_ko).where(th.c.id.in_(chunk))
        ):
            found[rid] = {"id": rid, "name": text_map(en, ko)}
    return found


def provision_refs(conn: Connection, ids: Iterable[str]) -> dict[str, Ref]:
    p = t.provisions
    found: dict[str, Ref] = {}
    for chunk in chunks(set(ids)):
        for rid, agreement, ref, en, ko in conn.execute(
            select(p.c.id, p.c.agreement_id, p.c.ref, p.c.text_en, p.c.text_ko).where(p.c.id.in_(chunk))
        ):
            found[rid] = {"id": rid, "agreement": agreement, "ref": ref, "text": text_map(en, ko)}
    return found


def theme_descendants(conn: Connection, theme: str) -> set[str]:
    """``theme`` and every theme below it."""
    children: dict[str, list[str]] = {}
    for tid, parent in conn.execute(select(t.themes.c.id, t.themes.c.parent)):
        if parent is not None:
            children.setdefault(parent, []).append(tid)
    found = {theme}
    todo = [theme]
    while todo:
        for child in children.get(todo.pop(), ()):
            if child not in found:
                found.add(child)
                todo.append(child)
    return found


# --- cursors -------------------------------------------------------------------------------------


def encode_cursor(day: date, rid: str) -> str:
    raw = orjson.dumps([day.isoformat(), rid])
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[date, str]:
    """The (date, id) a cursor stands for; 400 if it is not one of ours."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        day, rid = orjson.loads(raw)
        if not isinstance(rid, str) or not isinstance(day, str):
            raise ValueError("bad cursor")
        return date.fromisoformat(day), rid
    except (ValueError, TypeError, binascii.Error, orjson.JSONDecodeError):
        raise ApiError(400, "bad_request", "invalid cursor: pass back a next_cursor as given") from None


def keyset(
    query: Select[Any], day: Any, rid: Any, after: tuple[date, str] | None, order: Order
) -> Select[Any]:
    """Page ``query`` by (day, id): a stable order that inserts cannot shift."""
    if after is not None:
        d, i = after
        if order == "asc":
            query = query.where(or_(day > d, and_(day == d, rid > i)))
        else:
            query = query.where(or_(day < d, and_(day == d, rid < i)))
    if order == "asc":
        return query.order_by(day.asc(), rid.asc())
    return query.order_by(day.desc(), rid.desc())


def page_docs(
    conn: Connection,
    base: Select[Any],
    day: Any,
    rid: Any,
    *,
    after: tuple[date, str] | None,
    order: Order,
    limit: int,
    needle: str | None,
    day_field: str,
) -> tuple[list[dict[str, Any]], str | None]:
    """One page of documents from ``base`` (which selects id, day, doc) and the next cursor.

    A SQL filter on ``needle`` is a superset (it also matches field names), so
    the documents are checked here and fetching goes on until the page is full.
    Each round moves past the rows it read: the loop ends with the table.
    """
    found: list[dict[str, Any]] = []
    batch = limit + 1
    while True:
        rows = conn.execute(keyset(base, day, rid, after, order).limit(batch)).all()
        for _, _, raw in rows:
            d = doc(raw)
            if needle and find(d, needle) is None:
                continue
            found.append(d)
            if len(found) > limit:
                break
        if len(found) > limit or len(rows) < batch:
            break
        after = (rows[-1][1], rows[-1][0])
        batch = min(batch * 2, 5000)
    page = found[:limit]
    if len(found) > limit:
        last = page[-1]
        return page, encode_cursor(date.fromisoformat(last[day_field]), last["id"])
    return page, None


MAX_LIMIT: Final = 500
"""The most records one page of a list gives."""


@dataclass(frozen=True, slots=True)
class DatedQuery:
    """The query parameters every list of a dated kind takes (statements, gatherings): FastAPI reads
    them from the fields, so each list declares only its own filters."""

    start: Annotated[date | None, Query(alias="from", description="On or after this date.")] = None
    end: Annotated[date | None, Query(alias="to", description="On or before this date.")] = None
    q: Annotated[str | None, Query(max_length=200, description="Text to look for.")] = None
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 50
    cursor: Annotated[str | None, Query(max_length=1000)] = None
    order: Annotated[Order, Query(description="By date: asc or desc (newest first).")] = "desc"


def dated_page(
    conn: Connection,
    table: Any,
    query_: DatedQuery,
    *,
    day_field: str,
    kind: str,
    code: tuple[Any, str] | None,
    actor_link: tuple[Any, Any] | None,
) -> tuple[list[dict[str, Any]], str | None]:
    """A page of accepted records of a dated kind (statements, gatherings) with the usual filters.

    ``code`` is (column, value) for a code filter; ``actor_link`` is (the relation
    table's record-id column, a condition on its actor) for "names this actor".
    """
    day = table.c[day_field]
    query = select(table.c.id, day, table.c.doc).where(table.c.status == ACCEPTED)
    if query_.start is not None:
        query = query.where(day >= query_.start)
    if query_.end is not None:
        query = query.where(day <= query_.end)
    if code is not None:
        query = query.where(code[0] == code[1])
    if actor_link is not None:
        query = query.where(table.c.id.in_(select(actor_link[0]).where(actor_link[1])))
    needle = query_.q.strip() if query_.q else None
    if needle:
        query = query.where(doc_contains(table.c.doc, needle))
    return page_docs(
        conn,
        query,
        day,
        table.c.id,
        after=decode_cursor(query_.cursor) if query_.cursor else None,
        order=query_.order,
        limit=query_.limit,
        needle=needle if needle and not exact_in_sql(kind, needle) else None,
        day_field=day_field,
    )


def count_up_to(conn: Connection, query: Select[Any], cap: int) -> int:
    """How many rows ``query`` gives, counting no further than ``cap``: the database stops at the
    cap, where counting every match among millions of rows took seconds."""
    return int(conn.scalar(select(func.count()).select_from(query.limit(cap).subquery())) or 0)

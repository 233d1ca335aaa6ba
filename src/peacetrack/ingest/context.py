"""The pipeline an ingest runs with, built from what the store holds.

The registry knows every actor that is not rejected (accepted ones and
proposed candidates, so an unknown organisation named again resolves to the
candidate already waiting for review); the linker ranks the stored
provisions (peacetrack.link), or links nothing when there are none.
"""

from __future__ import annotations

from dataclasses import replace

import orjson
from sqlalchemy import Connection, select

from peacetrack.model.records import Actor, Agreement, Process
from peacetrack.model.status import REJECTED
from peacetrack.pipeline import Linker, Pipeline, ReadOptions, Registry, Resources, load_resources, no_links
from peacetrack.pipeline.case import knowing
from peacetrack.pipeline.registry import group_words
from peacetrack.store import Store
from peacetrack.store import tables as t


def registry_actors(conn: Connection) -> list[Actor]:
    docs = conn.scalars(select(t.actors.c.doc).where(t.actors.c.status != REJECTED).order_by(t.actors.c.id))
    return [Actor.model_validate(orjson.loads(doc)) for doc in docs]


def stored_processes(conn: Connection) -> list[Process]:
    docs = conn.scalars(select(t.processes.c.doc).where(t.processes.c.status != REJECTED))
    return [Process.model_validate(orjson.loads(doc)) for doc in docs]


def stored_agreements(conn: Connection) -> list[Agreement]:
    docs = conn.scalars(select(t.agreements.c.doc).where(t.agreements.c.status != REJECTED))
    return [Agreement.model_validate(orjson.loads(doc)) for doc in docs]


def store_linker(store: Store) -> Linker:
    """Rank the store's provisions for each demand and event (no provisions: link nothing)."""
    from peacetrack.link import IndexCache, make_linker  # the index loads only when ingest runs

    index = IndexCache(None).for_store(store)
    if not len(index):
        return no_links
    return make_linker(index)


def build_pipeline(
    store: Store,
    *,
    linker: Linker | None = None,
    options: ReadOptions | None = None,
    resources: Resources | None = None,
) -> Pipeline:
    """A pipeline for this store; ``linker=None`` builds one from the store's provisions."""
    resources = resources or load_resources()
    with store.read() as conn:
        actors = registry_actors(conn)
        agreements = stored_agreements(conn)
        processes = stored_processes(conn)
    # The store's own agreements are found by their titles and aliases, its places by their spellings.
    resources = knowing(resources, agreements, processes)
    return Pipeline(
        registry=Registry(actors, group_words(processes)),
        linker=store_linker(store) if linker is None else linker,
        options=options or ReadOptions(),
        resources=resources,
    )


def refresh_registry(store: Store, pipeline: Pipeline) -> Pipeline:
    """The same pipeline with the registry re-read (after candidates were added)."""
    with store.read() as conn:
        return registry_from(conn, pipeline)


def registry_from(conn: Connection, pipeline: Pipeline) -> Pipeline:
    """The same pipeline with the registry read in an open transaction (it sees what that wrote)."""
    return replace(pipeline, registry=Registry(registry_actors(conn), pipeline.registry.groups))


__all__ = [
    "build_pipeline",
    "refresh_registry",
    "registry_actors",
    "registry_from",
    "store_linker",
    "stored_agreements",
]

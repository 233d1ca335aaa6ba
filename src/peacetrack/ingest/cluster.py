"""Where ``--dask`` work runs: a local cluster of worker processes, or a Dask scheduler's address.

    local:N            start a LocalCluster of N single-threaded worker processes here
    tcp://HOST:8786    use a running Dask cluster (its workers need this peacetrack installed)

Dask is an optional dependency (``pip install 'peacetrack[dask]'``): asking for it without it
installed is a clear error, and nothing else in peacetrack imports it.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final, TypeVar

from peacetrack.errors import BadInput, Problem

if TYPE_CHECKING:
    from distributed import Client, Future

OPTION: Final = "--dask"
MAX_LOCAL_WORKERS: Final = 256
_LOCAL = re.compile(r"^local:(\d+)$")
_ADDRESS = re.compile(r"^(tcp|tls|ws|wss|inproc)://\S+$")


@dataclass(frozen=True)
class DaskTarget:
    """A parsed ``--dask`` value: ``workers`` for a local cluster, else a scheduler ``address``."""

    workers: int | None = None
    address: str | None = None

    def __str__(self) -> str:
        return f"local:{self.workers}" if self.workers is not None else str(self.address)


def parse_target(value: str) -> DaskTarget:
    text = value.strip()
    if match := _LOCAL.match(text):
        n = int(match.group(1))
        if not 1 <= n <= MAX_LOCAL_WORKERS:
            raise _bad(f"local:N takes 1 to {MAX_LOCAL_WORKERS} workers, got {n}")
        return DaskTarget(workers=n)
    if _ADDRESS.match(text):
        return DaskTarget(address=text)
    raise _bad(
        "expected local:N (N worker processes here) or a scheduler address such as "
        f"tcp://HOST:8786, got {value!r}"
    )


def _bad(reason: str) -> BadInput:
    return BadInput([Problem(OPTION, "$", reason)])


@contextmanager
def dask_client(target: DaskTarget, *, timeout_s: float = 20.0) -> Iterator[Client]:
    """A connected client; a local cluster is shut down on leaving, a remote one is left running."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:
        raise _bad(f"Dask is not installed ({exc.name}): pip install 'peacetrack[dask]'") from exc
    if target.workers is not None:
        cluster = LocalCluster(
            n_workers=target.workers,
            threads_per_worker=1,  # the pipeline is pure Python: processes, not threads, give speed
            processes=True,
            dashboard_address=":0",  # any free port: two runs on one machine must not collide
            silence_logs=logging.ERROR,
        )
        try:
            with Client(cluster) as client:
                yield client
        finally:
            cluster.close()
        return
    try:
        client = Client(target.address, timeout=timeout_s)
    except (OSError, TimeoutError) as exc:
        raise _bad(f"could not reach the Dask scheduler at {target.address}: {exc}") from exc
    with client:
        yield client


Tag = TypeVar("Tag")


def in_flight(
    client: Client, submit: Callable[[], tuple[Future[Any], Tag] | None]
) -> Iterator[tuple[Tag, Any]]:
    """Keep a few tasks per worker thread running, asking ``submit`` for the next (a future and a tag,
    or None when there is no more) as results come back; yields each tag with its task's result, or
    with the exception that failed it (a worker that died twice). Memory stays bounded whatever the
    number of tasks, and the caller's work on a result happens before more are submitted."""
    from distributed import as_completed

    threads = sum(w.get("nthreads", 1) for w in client.scheduler_info()["workers"].values())
    window = max(2, 3 * threads)
    running = as_completed()
    tags: dict[Any, Tag] = {}

    def top_up() -> None:
        while running.count() < window:
            made = submit()
            if made is None:
                return
            future, tag = made
            tags[future.key] = tag
            running.add(future)

    top_up()
    for future in running:
        tag = tags.pop(future.key)
        try:
            result = future.result()
        except Exception as exc:
            result = exc
        yield tag, result
        top_up()


__all__ = ["OPTION", "DaskTarget", "dask_client", "in_flight", "parse_target"]

"""Pausing Python's cyclic garbage collector around one bulk job.

A 100,000-event import keeps every record it validates alive until it commits, and the collector
walks that growing heap again and again: bench/import.py measured a quarter of the import's time in
it. Nothing a bulk job allocates needs collecting before it ends, so the CLI, which runs one job per
process, pauses the collector for the job. A server, where other
requests share the process, does not.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the collector for the block (only where this job is the only work in the process)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()

"""Failed sign-ins and token checks, counted per client address: too many in a window is a 429.

Guessing tokens is the one attack the token scheme cannot stop by itself; ten failures a minute from
one address is far more than a person mistyping and far fewer than a script needs. Each app keeps its
own count (each worker process has its own app), which bounds a guesser per worker.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field

WINDOW_S = 60.0
MAX_FAILURES = 10


@dataclass
class FailureThrottle:
    window_s: float = WINDOW_S
    max_failures: int = MAX_FAILURES
    clock: Callable[[], float] = time.monotonic
    _failures: dict[str, deque[float]] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def _recent(self, who: str, now: float) -> deque[float]:
        seen = self._failures.setdefault(who, deque())
        while seen and now - seen[0] > self.window_s:
            seen.popleft()
        return seen

    def retry_after(self, who: str) -> int | None:
        """Seconds until `who` may try again, or None when they may now."""
        with self._lock:
            now = self.clock()
            seen = self._recent(who, now)
            if len(seen) < self.max_failures:
                if not seen:
                    self._failures.pop(who, None)  # keep the table from growing with every address
                return None
            return max(1, int(self.window_s - (now - seen[0])) + 1)

    def failed(self, who: str) -> None:
        with self._lock:
            now = self.clock()
            self._recent(who, now).append(now)

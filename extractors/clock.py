"""The fetcher's time: `now()`, `sleep()`, and the per-host pace (extractors/fetch.py).

Consecutive requests to one host start `delay` seconds apart across every thread and every
Fetcher that shares a Clock; all Fetchers of the process share `PROCESS_CLOCK` unless given
another. A test gives its Fetchers a Clock whose `sleep` records the wait instead of spending it,
and so sees the waits the fetcher decides on without measuring time.
"""

from __future__ import annotations

import threading
import time


class Clock:
    """The fetcher's time: `now()` and `sleep()`, and when each host was last asked for something.

    Every Fetcher given the same Clock keeps the same per-host pace; by default that is the
    process's clock, shared by all. A test gives its Fetchers a subclass whose `sleep` records
    the wait instead of spending it.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._last_start: dict[str, float] = {}

    def now(self) -> float:
        return time.monotonic()

    def sleep(self, seconds: float) -> None:
        time.sleep(seconds)

    def wait_turn(self, host: str, delay: float) -> float:
        """Wait until `host` may be asked again (`delay` after its last request started);
        returns the moment (of `now()`) this request was given."""
        # The slot is reserved under the lock and slept for outside it, so threads queue up
        # for one host in order while other hosts proceed.
        with self._lock:
            now = self.now()
            last = self._last_start.get(host)
            start = now if last is None else max(now, last + delay)
            self._last_start[host] = start
        if start > now:
            self.sleep(start - now)
        return start


PROCESS_CLOCK = Clock()

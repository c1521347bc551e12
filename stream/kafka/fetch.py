"""Fetches that wait for a few records when input is busy, and not when it trickles.

Faust's consumer asks the broker for records with ``fetch_min_bytes`` = 1:
every fetch returns as soon as one record is there. When input trickles that
is what low latency needs. At a steady 200 articles/s it means ~1 article
per fetch response on each of the three topics an article crosses (raw and
two hops), and every response pays the fetcher, Faust's consumer thread,
the stream and the agent's wake-up: 4.6 ms of worker CPU per article
against 1.5 ms in a burst, 92% of a core, and queues at every hop.

:class:`AdaptiveFetch` watches the rate of raw messages. At or above
``busy_rate`` it asks the broker to hold each fetch until ``min_bytes`` are
there or ``max_wait_ms`` have passed, so a response carries several
articles; below half that rate it goes back to returning at once. The
settings live in the aiokafka fetcher that Faust creates with
``fetch_max_wait_ms`` hard-coded and ``fetch_min_bytes`` left at 1
(faust-streaming 0.15.3 and aiokafka 0.14.0, both pinned); the fetcher reads
them for every request it builds.

Calibrated with bench/latency.py, one worker, 2-core box, runs alternated
(bench/README.md, eighth session): holding fetches for 64 KB or 25 ms cut
the worker's CPU at 200/s from 4.5-4.6 to 3.0-3.5 ms per article (p99 247
and 185 ms against 191 and 214 ms: no worse), and at 50/s it raised the
median from 26-28 ms to 82 ms; hence only when busy.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class FetchPolicy:
    busy_rate: float = 100.0  # raw messages/s at which fetches start to wait
    min_bytes: int = 64 * 1024
    max_wait_ms: int = 25


#: What Faust's consumer does: answer as soon as one byte is there.
EAGER = (1, 1500)


class AdaptiveFetch:
    """Counts raw messages; :meth:`tick` applies the fetch settings the rate calls for."""

    def __init__(self, policy: FetchPolicy) -> None:
        self.policy = policy
        self.busy = False
        self._count = 0
        self._since: float | None = None

    def saw(self, n: int) -> None:
        self._count += n

    def tick(self, now: float, apply: Callable[[int, int], bool]) -> tuple[int, int] | None:
        """When the rate calls for the other mode, ``apply(min_bytes,
        max_wait_ms)``; the settings applied, or None. The mode changes only
        if ``apply`` succeeds (False: no fetcher yet, the next tick retries)."""
        if self._since is None or now <= self._since:
            self._since, self._count = now, 0
            return None
        rate = self._count / (now - self._since)
        self._since, self._count = now, 0
        p = self.policy
        # Hysteresis: a rate hovering at the threshold does not flip the mode every tick.
        if not self.busy and rate >= p.busy_rate:
            want = (p.min_bytes, p.max_wait_ms)
        elif self.busy and rate < p.busy_rate / 2:
            want = EAGER
        else:
            return None
        if not apply(*want):
            return None
        self.busy = want != EAGER
        return want


def set_fetch(consumer: Any, min_bytes: int, max_wait_ms: int) -> bool:
    """Set the fetcher of Faust's consumer; False when it is not running yet."""
    fetcher = getattr(getattr(getattr(consumer, "_thread", None), "_consumer", None), "_fetcher", None)
    if fetcher is None:
        return False
    fetcher._fetch_min_bytes = min_bytes  # noqa: SLF001  # see the module docstring
    fetcher._fetch_max_wait_ms = max_wait_ms  # noqa: SLF001
    return True

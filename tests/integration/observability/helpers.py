"""A private broker per test (never the shared 9092): these tests stop it or add SASL."""

from __future__ import annotations

import time
from collections.abc import Callable

from stream.kafka.runner import free_port
from stream.settings import Settings


def private_settings(**kw: object) -> Settings:
    # kafka_home stays at its default so the jar cache is shared across runs.
    port = free_port()
    return Settings.from_env(
        {}, broker=f"kafka://127.0.0.1:{port}", kafka_port=port, kafka_controller_port=free_port(),
        partitions=2, topic_prefix="obs-", **kw,
    )


def wait_until(what: str, cond: Callable[[], bool], timeout: float, poll: float = 0.25) -> float:
    """Seconds it took for ``cond()`` to hold; AssertionError after ``timeout``."""
    t0 = time.monotonic()
    while not cond():
        if time.monotonic() - t0 > timeout:
            raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")
        time.sleep(poll)  # polling interval of a condition
    return time.monotonic() - t0

"""Fixtures for the fault-injection tests: sized input, own brokers.

Input size: the worker moves ~30-60 Reuters stories a second on the shared
2-core box (two repartition hops, three changelogged tables), so the default
sizes keep each test near a minute and the whole directory under ~10 minutes.
``NEWSSTREAM_RELIABILITY_SCALE`` multiplies them for a longer soak.
"""

from __future__ import annotations

import dataclasses
import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from stream.kafka.local_broker import LocalBroker
from stream.kafka.local_cluster import LocalCluster
from stream.kafka.runner import free_port
from stream.settings import Settings

SCALE = float(os.environ.get("NEWSSTREAM_RELIABILITY_SCALE", "1"))


def sized(n: int) -> int:
    return max(10, int(n * SCALE))


@pytest.fixture
def own_broker(run_settings: Settings, tmp_path: Path) -> Iterator[LocalBroker]:
    """A single-node broker of our own on free ports (never the shared one)."""
    s = dataclasses.replace(run_settings, kafka_port=free_port(), kafka_controller_port=free_port())
    b = LocalBroker(s, data_dir=tmp_path / "kafka")
    b.up(timeout=120)
    yield b
    b.down(timeout=30)


def _free_run(n: int) -> int:
    """A base port with ``n`` consecutive free ports after it."""
    import socket

    for _ in range(50):
        base = free_port()
        if base + n >= 65535:
            continue
        ok = True
        for p in range(base, base + n):
            with socket.socket() as s:
                try:
                    s.bind(("127.0.0.1", p))
                except OSError:
                    ok = False
                    break
        if ok:
            return base
    raise RuntimeError("no run of free ports")


@pytest.fixture
def own_cluster(run_settings: Settings, tmp_path: Path) -> Iterator[LocalCluster]:
    """Three KRaft nodes of our own (RF 3, min ISR 2)."""
    c = LocalCluster(run_settings, nodes=3, base_port=_free_run(6), data_dir=tmp_path / "cluster")
    c.up(timeout=180)
    yield c
    c.down(timeout=30)


def fresh(settings: Settings, **kw: object) -> Settings:
    """``settings`` with a topic prefix no other test uses: the shared
    ``run_settings`` prefix is cut at 40 characters, so parametrized
    variants of one long test name would share topics and group."""
    prefix = f"{settings.topic_prefix}{uuid.uuid4().hex[:6]}-"
    return dataclasses.replace(settings, topic_prefix=prefix, **kw)


def on(settings: Settings, bootstrap: str, **kw: object) -> Settings:
    """``fresh(settings)`` pointed at another broker (or cluster)."""
    broker = ";".join(f"kafka://{hp}" for hp in bootstrap.split(","))
    return fresh(settings, broker=broker, **kw)

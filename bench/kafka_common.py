"""Helpers shared by the broker benchmarks (bench/kafka_throughput.py, bench/latency.py).

Every run uses a fresh topic prefix on the shared broker, so benchmarks never
see each other's (or the tests') records. A run deletes the topics under its
own prefix when it ends (:func:`drop_run_topics`; ``BENCH_KEEP_TOPICS=1``
keeps them for a look afterwards); nothing else on the broker is touched.
"""

from __future__ import annotations

import asyncio
import dataclasses
import os
import tempfile
import time
import uuid
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer

from stream.kafka.runner import WorkerProcess
from stream.kafka.security import aiokafka_kwargs
from stream.kafka.topics import TOPIC_MAX_MESSAGE_BYTES, delete_topics_with_prefix, ensure_topics
from stream.settings import DEADLETTER, DUPLICATES, ENRICHED, Settings


def fresh_settings(tag: str) -> Settings:
    base = Settings.from_env()
    return dataclasses.replace(base, topic_prefix=f"bench-{tag}-{int(time.time())}-{uuid.uuid4().hex[:6]}-")


def drop_run_topics(settings: Settings) -> None:
    """Delete the topics of this run's prefix (a prefix from fresh_settings)."""
    if os.environ.get("BENCH_KEEP_TOPICS") != "1":
        asyncio.run(drop_run_topics_async(settings))


async def drop_run_topics_async(settings: Settings) -> None:
    """:func:`drop_run_topics`, from inside an event loop."""
    if os.environ.get("BENCH_KEEP_TOPICS") == "1":
        return
    assert settings.topic_prefix.startswith("bench-"), settings.topic_prefix
    await delete_topics_with_prefix(settings, settings.topic_prefix)


def outcomes(counts: dict[str, int]) -> int:
    """Messages with a final outcome (a breaking event is an extra, not an outcome)."""
    return sum(counts.get(t, 0) for t in (ENRICHED, DUPLICATES, DEADLETTER))


async def produce_all(settings: Settings, topic: str, values: Iterable[bytes], linger_ms: int = 20) -> int:
    """Burst-produce ``values`` (unkeyed, acks=all) and wait for every ack."""
    producer = AIOKafkaProducer(**aiokafka_kwargs(settings), acks="all", linger_ms=linger_ms,
                                max_request_size=TOPIC_MAX_MESSAGE_BYTES, max_batch_size=1 << 20)
    await producer.start()
    n = 0
    try:
        futs = []
        for v in values:
            futs.append(await producer.send(topic, value=v))
            n += 1
        await producer.flush()
        for f in futs:
            await f
    finally:
        await producer.stop()
    return n


def start_workers(settings: Settings, n: int, root: Path | None = None, **env: str) -> list[WorkerProcess]:
    root = root or Path(tempfile.mkdtemp(prefix="newsstream-bench-"))
    ws = [WorkerProcess.for_settings(settings, root / f"w{i + 1}", **env).start() for i in range(n)]
    try:
        for w in ws:
            w.wait_ready(timeout=180)
    except Exception:
        for w in ws:
            w.kill()
        raise
    return ws


def stop_workers(ws: list[WorkerProcess]) -> None:
    for w in ws:
        w.stop(timeout=30)


def consumer_for(settings: Settings, topics: list[str], group_id: str | None = None, **kw: Any) -> AIOKafkaConsumer:
    return AIOKafkaConsumer(
        *topics, **aiokafka_kwargs(settings), group_id=group_id, enable_auto_commit=False,
        auto_offset_reset="earliest", fetch_max_bytes=TOPIC_MAX_MESSAGE_BYTES,
        max_partition_fetch_bytes=TOPIC_MAX_MESSAGE_BYTES, metadata_max_age_ms=1000, **kw,
    )


async def read_until(settings: Settings, logical: list[str], done: Any, timeout: float) -> list[tuple[str, Any, float]]:
    """(logical topic, message, local receive time) for every record on ``logical``
    from the beginning, until ``done(counts)`` holds. Raises TimeoutError."""
    names = {settings.topic(t): t for t in logical}
    consumer = consumer_for(settings, list(names), fetch_max_wait_ms=50)
    out: list[tuple[str, Any, float]] = []
    counts: dict[str, int] = dict.fromkeys(logical, 0)
    await consumer.start()
    try:
        deadline = time.monotonic() + timeout
        while not done(counts):
            if time.monotonic() > deadline:
                raise TimeoutError(f"not done after {timeout:.0f} s: {counts}")
            batch = await consumer.getmany(timeout_ms=200)
            now = time.time()
            for msgs in batch.values():
                for m in msgs:
                    t = names[m.topic]
                    counts[t] += 1
                    out.append((t, m, now))
    finally:
        await consumer.stop()
    return out


def run(coro: Any) -> Any:
    return asyncio.run(coro)


async def ensure(settings: Settings, extra: Iterable[str] = ()) -> None:
    from stream.settings import LOGICAL_TOPICS

    await ensure_topics(settings, (*LOGICAL_TOPICS, *extra))

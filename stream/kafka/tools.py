"""``newsstream replay`` and ``newsstream consume``: plain aiokafka clients."""

from __future__ import annotations

import asyncio
import sys
import time
from collections.abc import Callable, Iterable
from typing import Any

import orjson
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer

from stream.kafka.security import aiokafka_kwargs
from stream.kafka.topics import TOPIC_MAX_MESSAGE_BYTES, ensure_topics
from stream.settings import RAW, Settings


def replay_producer(settings: Settings) -> AIOKafkaProducer:
    """The producer replays send raw messages with: acked by all replicas,
    without duplicates on retry, as large as the topics take."""
    return AIOKafkaProducer(**aiokafka_kwargs(settings), acks="all", linger_ms=5,
                            max_request_size=TOPIC_MAX_MESSAGE_BYTES, enable_idempotence=True)


async def replay(settings: Settings, lines: Iterable[bytes], rate: float | None = None,
                 topic: str = RAW) -> int:
    """Produce each line as it is (malformed lines included) to ``topic``.

    Keys are left empty: scrapers do not key their messages, and the worker
    must not depend on it. ``rate`` paces messages per second.
    """
    await ensure_topics(settings)
    producer = replay_producer(settings)
    await producer.start()
    sent = 0
    t0 = time.monotonic()
    try:
        futures = []
        for line in lines:
            futures.append(await producer.send(settings.topic(topic), value=line))
            sent += 1
            if rate:
                delay = t0 + sent / rate - time.monotonic()
                if delay > 0:
                    await asyncio.sleep(delay)  # pacing, not waiting for a condition
        await producer.flush()
        for f in futures:
            await f
    finally:
        await producer.stop()
    return sent


async def consume(settings: Settings, topic: str, *, from_beginning: bool = False, max_records: int | None = None,
                  timeout: float = 10.0, on_record: Callable[[dict[str, Any]], None] | None = None) -> int:
    """Print (or hand to ``on_record``) each record as one JSON line.

    Stops after ``max_records`` or after ``timeout`` seconds without a new one.
    Uses no consumer group: it never moves anyone's committed offsets.
    """
    await ensure_topics(settings)
    consumer = AIOKafkaConsumer(
        settings.topic(topic),
        **aiokafka_kwargs(settings),
        group_id=None,
        enable_auto_commit=False,
        auto_offset_reset="earliest" if from_beginning else "latest",
        fetch_max_bytes=TOPIC_MAX_MESSAGE_BYTES,
        max_partition_fetch_bytes=TOPIC_MAX_MESSAGE_BYTES,
    )
    await consumer.start()
    n = 0
    emit = on_record or _print_record
    try:
        while max_records is None or n < max_records:
            batch = await consumer.getmany(timeout_ms=int(timeout * 1000))
            if not batch:
                break
            for _tp, msgs in sorted(batch.items(), key=lambda kv: kv[0].partition):
                for m in msgs:
                    emit(decode_record(m))
                    n += 1
                    if max_records is not None and n >= max_records:
                        return n
    finally:
        await consumer.stop()
    return n


def decode_record(m: Any) -> dict[str, Any]:
    try:
        value = orjson.loads(m.value) if m.value is not None else None
    except orjson.JSONDecodeError:
        value = m.value.decode("utf-8", "replace")
    return {
        "topic": m.topic,
        "partition": m.partition,
        "offset": m.offset,
        "key": m.key.decode("utf-8", "replace") if m.key else None,
        "headers": {k: v.decode("utf-8", "replace") for k, v in (m.headers or ())},
        "value": value,
    }


def _print_record(rec: dict[str, Any]) -> None:
    sys.stdout.buffer.write(orjson.dumps(rec) + b"\n")
    sys.stdout.flush()

"""Issue 7, tests 7 and 8: poison messages inside a batch, and a producer
much faster than the worker."""

from __future__ import annotations

import asyncio
import threading
import time

import orjson
import psutil
import pytest
from aiokafka.admin import AIOKafkaAdminClient
from aiokafka.structs import TopicPartition

from stream.kafka.tools import replay
from stream.records import article_id
from stream.settings import DEADLETTER, ENRICHED, RAW
from tests.integration.reliability.conftest import fresh, sized
from tests.integration.reliability.harness import (
    Audit,
    Stopwatch,
    assert_guarantees,
    drain,
    expected_ids,
    report,
    reuters_payloads,
)

pytestmark = pytest.mark.integration

POISON = [
    b"\xff\xfe not utf-8",
    b'{"url": "https://poison.test/1", "title": ',
    b'{"url":"https://poison.test/2","title":"t","x":' + b"[" * 900 + b"]" * 900 + b"}",
    b'{"url": 42, "title": "wrong type"}',
    b"[1, 2, 3]",
    b'{"url":"https://poison.test/3","title":"","body":"   "}',
]


def _article(i: int) -> bytes:
    # Own text: distinct stories, none a duplicate of another.
    topics = ["harbour", "orchard", "glacier", "railway", "festival", "vaccine", "satellite", "vineyard"]
    t = topics[i % len(topics)]
    return orjson.dumps({
        "url": f"https://poison.test/ok/{i}",
        "title": f"Item {i}: council reviews the {t} plan number {i}",
        "body": f"The council met on day {i} to review plan {i} for the {t}. "
                f"Members asked for figure {i * 7} and voted {i % 5} to {i % 3}. " * 3,
        "published_at": f"2024-03-01T{i // 60 % 24:02d}:{i % 60:02d}:00Z",
    })


def test_poison_in_the_middle_of_a_batch(run_settings, workers) -> None:
    # One partition everywhere, so "in order" is observable on news.enriched.
    settings = fresh(run_settings, partitions=1)
    workers.settings = settings
    good = [_article(i) for i in range(60)]
    batch = good[:30] + POISON + good[30:]
    workers.start("w1")
    asyncio.run(replay(settings, batch))
    got = drain(settings, expected_ids(batch), timeout=180)

    audit = Audit.of(got)
    assert_guarantees(audit, expected_ids(batch))
    dead = {r["id"] for r in got.values(DEADLETTER)}
    assert dead == {"dl-" + article_id(p) for p in POISON}
    order = [r["id"] for r in got.values(ENRICHED)]
    assert order == [article_id(p) for p in good], "enriched out of input order"
    reasons = sorted(r["reason"] for r in got.values(DEADLETTER))
    report("poison", messages=len(batch), poison=len(POISON), lost=len(audit.missing(expected_ids(batch))),
           deadletter_reasons=reasons)


async def _lag(settings, group: str) -> int:
    admin = AIOKafkaAdminClient(bootstrap_servers=settings.bootstrap_servers)
    await admin.start()
    try:
        offsets = await admin.list_consumer_group_offsets(group)
    finally:
        await admin.close()
    from aiokafka import AIOKafkaConsumer

    c = AIOKafkaConsumer(bootstrap_servers=settings.bootstrap_servers, group_id=None)
    await c.start()
    try:
        tps = [TopicPartition(settings.topic(RAW), p) for p in range(settings.partitions)]
        ends = await c.end_offsets(tps)
    finally:
        await c.stop()
    return sum(ends[tp] - (offsets[tp].offset if tp in offsets else 0) for tp in tps)


@pytest.mark.slow
def test_backpressure_fast_producer(run_settings, workers) -> None:
    """The whole input lands in about a second; the worker needs a minute or
    more for it. Its memory must stay bounded (Faust buffers a bounded number
    of fetched records per partition) and the lag must drain."""
    settings = fresh(run_settings)
    workers.settings = settings
    payloads = reuters_payloads(sized(1500))
    ids = expected_ids(payloads)
    w = workers.start("w1")
    proc = psutil.Process(w.proc.pid)
    samples: list[int] = []
    stop = threading.Event()

    def sample() -> None:
        while not stop.wait(0.5):
            try:
                samples.append(proc.memory_info().rss)
            except psutil.Error:
                return

    t = threading.Thread(target=sample, daemon=True)
    idle_rss = proc.memory_info().rss
    t.start()
    sw = Stopwatch()
    try:
        asyncio.run(replay(settings, payloads))
        produced = sw.mark("produced")
        lag_at_peak = asyncio.run(_lag(settings, settings.group_id))
        got = drain(settings, ids, timeout=400, quiet=0)
        drained = sw.mark("drained")
        lag_after = asyncio.run(_lag(settings, settings.group_id))
        deadline = time.monotonic() + 30
        while lag_after and time.monotonic() < deadline:  # the last commit is periodic
            lag_after = asyncio.run(_lag(settings, settings.group_id))
    finally:
        stop.set()
        t.join()
    audit = Audit.of(got)
    peak = max(samples, default=idle_rss)
    report("backpressure", messages=len(payloads), produce_s=produced, drain_s=drained,
           producer_rate=round(len(payloads) / max(produced, 0.01)), worker_rate=round(len(payloads) / drained, 1),
           idle_rss_mb=round(idle_rss / 2**20), peak_rss_mb=round(peak / 2**20), lag_after_produce=lag_at_peak,
           lag_after_drain=lag_after, lost=len(audit.missing(ids)))
    assert_guarantees(audit, ids)
    assert lag_after == 0
    # Bounded: the input is ~2 MB of JSON; growth beyond a few hundred MB
    # over idle would mean the worker buffers the backlog in memory.
    assert peak - idle_rss < 300 * 2**20

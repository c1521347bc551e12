"""Where a worker's latency goes: the delay of each hop, from record timestamps.

    BENCH_KEEP_TOPICS=1 .venv/bin/python bench/latency.py --rates 200 --seconds 20
    .venv/bin/python bench/hop_delays.py --prefix bench-lat-<...>-

Reads every record a finished run left under ``--prefix`` (raw input, the
three repartition topics, the outputs) and matches them by article id. A
record's timestamp is set by its producer when it is sent, so "content-route ->
story-route" is the time from ingest sending an article to the content agent
until the content agent sent it on: the fetch, the batch window, the stage, the
changelog acks and the producer's linger. The last hop ends at the output
record (news.enriched or news.duplicates).
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import sys
from pathlib import Path
from typing import Any

import numpy as np
import orjson
from aiokafka import TopicPartition

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.kafka_common import consumer_for  # noqa: E402
from stream.kafka.batches import unpack  # noqa: E402
from stream.records import article_id  # noqa: E402
from stream.settings import DUPLICATES, ENRICHED, RAW, Settings  # noqa: E402

HOPS = ("content-route", "story-route")


async def read_topic(s: Settings, topic: str) -> list[Any]:
    """Every record of ``topic`` as of now."""
    consumer = consumer_for(s, [])
    await consumer.start()
    try:
        # A consumer with no subscription keeps no metadata for the topic:
        # ask for it (aiokafka has no public call for an unassigned topic).
        consumer._client.add_topic(topic)  # noqa: SLF001
        await consumer._client.force_metadata_update()  # noqa: SLF001
        ids = consumer._client.cluster.partitions_for_topic(topic) or set()  # noqa: SLF001
        tps = [TopicPartition(topic, p) for p in sorted(ids)]
        if not tps:
            return []
        consumer.assign(tps)
        await consumer.seek_to_beginning(*tps)
        ends = await consumer.end_offsets(tps)
        out: list[Any] = []
        while [tp for tp in tps if await consumer.position(tp) < ends[tp]]:
            for records in (await consumer.getmany(timeout_ms=500)).values():
                out.extend(records)
        return out
    finally:
        await consumer.stop()


async def hop_times(s: Settings) -> dict[str, dict[str, int]]:
    """Article id -> {hop: record timestamp in ms}."""
    t: dict[str, dict[str, int]] = {}
    for m in await read_topic(s, s.topic(RAW)):
        t.setdefault(article_id(m.value), {})["raw"] = m.timestamp
    for hop in HOPS:
        for m in await read_topic(s, f"{s.topic_prefix}newsstream-{hop}"):
            for env in unpack(m.value):
                t.setdefault(env["article"]["id"], {})[hop] = m.timestamp
    for logical in (ENRICHED, DUPLICATES):
        for m in await read_topic(s, s.topic(logical)):
            t.setdefault(orjson.loads(m.value)["id"], {})["out"] = m.timestamp
    return t


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--prefix", required=True, help="the run's topic prefix, e.g. bench-lat-1796092712-0651f6-")
    args = ap.parse_args()
    s = dataclasses.replace(Settings.from_env(), topic_prefix=args.prefix)
    t = asyncio.run(hop_times(s))
    chain = ["raw", *HOPS, "out"]
    for a, b in zip(chain, chain[1:], strict=False):
        d = np.asarray([v[b] - v[a] for v in t.values() if a in v and b in v])
        if d.size:
            p50, p95, p99 = np.percentile(d, [50, 95, 99])
            print(f"{a:>14} -> {b:<14} n={d.size:5}  p50 {p50:4.0f} ms  p95 {p95:4.0f} ms  p99 {p99:4.0f} ms")


if __name__ == "__main__":
    main()

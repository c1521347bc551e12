"""End-to-end latency through a real worker at fixed input rates.

    .venv/bin/python bench/latency.py [--rates 50,200,1000] [--seconds 20,20,5] [--prepare-processes N] [--fetch-wait-ms MS] [--idle-seconds 10] [--save FILE]

One worker process on a fresh topic prefix. For each rate, a disjoint slice
of Reuters is produced at that rate (absolute schedule, producer linger 0),
while a consumer in the same process reads every output topic. Latency is
"consumer received the outcome" minus "producer handed the message to
send()", matched by article id (``blake2b(payload)``; ``dl-<id>`` for dead
letters; ``article_id`` for breaking events). It therefore includes the
producer's and the consumer's own hops, as a downstream reader would see.
The ``record_ts`` figures use the output record's timestamp instead (set
when the worker sent it), i.e. without the final fetch.

A rate above the worker's capacity shows as latency growing with the run;
``achieved_per_s`` then says what the worker sustained. Each phase also
reports the worker's CPU per article at that rate (its prepare processes
included), and ``idle_worker_cpu_fraction`` is the share of a core the
worker uses with no input at all (``--idle-seconds``, measured first).
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import platform
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np
import orjson
import psutil
from aiokafka import AIOKafkaProducer

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.corpus import reuters_messages, emit  # noqa: E402
from bench.kafka_common import (  # noqa: E402
    consumer_for,
    drop_run_topics,
    ensure,
    fresh_settings,
    start_workers,
    stop_workers,
)
from stream.kafka.security import aiokafka_kwargs  # noqa: E402
from stream.kafka.topics import TOPIC_MAX_MESSAGE_BYTES  # noqa: E402
from stream.records import article_id  # noqa: E402
from stream.settings import BREAKING, DEADLETTER, DUPLICATES, ENRICHED, RAW, Settings  # noqa: E402


def pct(xs: list[float]) -> dict[str, float | int]:
    if not xs:
        return {"n": 0}
    a = np.asarray(xs) * 1000.0
    return {"n": len(xs), "p50_ms": round(float(np.percentile(a, 50)), 1),
            "p95_ms": round(float(np.percentile(a, 95)), 1), "p99_ms": round(float(np.percentile(a, 99)), 1),
            "max_ms": round(float(a.max()), 1)}


async def phase(s: Settings, msgs: list[bytes], rate: float, timeout: float) -> dict[str, Any]:
    names = {s.topic(t): t for t in (ENRICHED, DUPLICATES, DEADLETTER, BREAKING)}
    consumer = consumer_for(s, list(names), fetch_max_wait_ms=100)
    await consumer.start()
    # Start reading at the current end: earlier phases' records are not ours.
    await consumer.seek_to_end()
    producer = AIOKafkaProducer(**aiokafka_kwargs(s), acks="all", linger_ms=0,
                                max_request_size=TOPIC_MAX_MESSAGE_BYTES)
    await producer.start()
    sent: dict[str, float] = {}
    lat: dict[str, list[float]] = {t: [] for t in names.values()}
    lat_ts: dict[str, list[float]] = {t: [] for t in names.values()}
    first_out = last_out = None
    done = 0

    async def read() -> None:
        nonlocal done, first_out, last_out
        deadline = time.monotonic() + timeout
        while done < len(msgs) and time.monotonic() < deadline:
            batch = await consumer.getmany(timeout_ms=100)
            now = time.time()
            for records in batch.values():
                for m in records:
                    t = names[m.topic]
                    v = orjson.loads(m.value)
                    key = v["article_id"] if t == BREAKING else v["id"].removeprefix("dl-")
                    t0 = sent.get(key)
                    if t0 is None:
                        continue
                    lat[t].append(now - t0)
                    lat_ts[t].append(m.timestamp / 1000.0 - t0)
                    if t != BREAKING:
                        done += 1
                        first_out = first_out or now
                        last_out = now

    reader = asyncio.create_task(read())
    start = time.monotonic()
    try:
        for i, payload in enumerate(msgs):
            delay = start + i / rate - time.monotonic()
            if delay > 0:
                await asyncio.sleep(delay)  # pacing to a fixed rate, not waiting for a condition
            sent[article_id(payload)] = time.time()
            await producer.send(s.topic(RAW), value=payload)
        produce_s = time.monotonic() - start
        await producer.flush()
        await reader
    finally:
        reader.cancel()
        await producer.stop()
        await consumer.stop()
    outcomes = [x for t in (ENRICHED, DUPLICATES, DEADLETTER) for x in lat[t]]
    span = (last_out - first_out) if first_out and last_out else 0.0
    return {
        "rate_target_per_s": rate,
        "messages": len(msgs),
        "rate_produced_per_s": round(len(msgs) / produce_s, 1),
        "achieved_per_s": round((done - 1) / span, 1) if span > 0 else None,
        "outcomes_received": done,
        "latency_all_outcomes": pct(outcomes),
        "latency_by_topic": {t: pct(v) for t, v in lat.items()},
        "latency_record_ts_all_outcomes": pct([x for t in (ENRICHED, DUPLICATES, DEADLETTER) for x in lat_ts[t]]),
        "latency_breaking_events": pct(lat[BREAKING]),
    }


def _cpu_seconds(pid: int) -> float:
    proc = psutil.Process(pid)
    procs = [proc, *proc.children(recursive=True)]
    total = 0.0
    for p in procs:
        try:
            t = p.cpu_times()
        except psutil.NoSuchProcess:
            continue
        total += t.user + t.system
    return total


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rates", default="50,200,1000")
    ap.add_argument("--seconds", default="20,20,5", help="duration of each rate's phase")
    ap.add_argument("--prepare-processes", default=None,
                    help="NEWSSTREAM_PREPARE_PROCESSES for the worker (default: the worker's default)")
    ap.add_argument("--fetch-wait-ms", default=None,
                    help="NEWSSTREAM_FETCH_WAIT_MS for the worker (0: fetches never wait; default: the worker's)")
    ap.add_argument("--idle-seconds", type=float, default=10.0,
                    help="first measure the worker's CPU with no input for this long (0: skip)")
    ap.add_argument("--save", type=Path, default=None)
    args = ap.parse_args()
    rates = [float(r) for r in args.rates.split(",")]
    secs = [float(x) for x in args.seconds.split(",")]
    corpus = reuters_messages()
    s = fresh_settings("lat")
    asyncio.run(ensure(s))
    env = {} if args.prepare_processes is None else {"NEWSSTREAM_PREPARE_PROCESSES": args.prepare_processes}
    if args.fetch_wait_ms is not None:
        env["NEWSSTREAM_FETCH_WAIT_MS"] = args.fetch_wait_ms
    ws = start_workers(s, 1, **env)
    phases = []
    try:
        # Warm-up: the first records after start pay for topic metadata and
        # table/partition set-up; they are not the steady state.
        warm = list(itertools.islice(corpus, 100))
        asyncio.run(phase(s, warm, 50.0, 120))
        idle = None
        if args.idle_seconds > 0:
            # A live feed is quiet most of the day: what does waiting cost?
            cpu0, t0 = _cpu_seconds(ws[0].proc.pid), time.monotonic()
            time.sleep(args.idle_seconds)  # measuring an idle interval, not waiting for a condition
            idle = round((_cpu_seconds(ws[0].proc.pid) - cpu0) / (time.monotonic() - t0), 4)
        for rate, sec in zip(rates, secs, strict=True):
            msgs = list(itertools.islice(corpus, int(rate * sec)))
            cpu0 = _cpu_seconds(ws[0].proc.pid)
            phases.append(asyncio.run(phase(s, msgs, rate, timeout=max(120.0, 6 * sec + len(msgs) / 15))))
            # The worker's CPU (its prepare processes included) per article at
            # this rate: a trickle costs more per article than a burst.
            phases[-1]["worker_cpu_ms_per_article"] = round(1000 * (_cpu_seconds(ws[0].proc.pid) - cpu0) / len(msgs), 2)
            print(orjson.dumps(phases[-1]).decode(), file=sys.stderr)
    finally:
        stop_workers(ws)
        drop_run_topics(s)
    result = {"phases": phases, "idle_worker_cpu_fraction": idle, "prepare_processes": args.prepare_processes,
              "fetch_wait_ms": args.fetch_wait_ms, "load_avg_1m_at_end": round(psutil.getloadavg()[0], 2),
              "python": platform.python_version()}
    emit(result, args.save)


if __name__ == "__main__":
    main()

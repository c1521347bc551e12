"""Sustained worker throughput through the real broker, side by side with its references.

    .venv/bin/python bench/kafka_throughput.py [--n 5000] [--workers 1,2] [--hops 1] [--rounds 1] [--save FILE]

In one run, on the same first ``--n`` Reuters messages:

1. offline: the in-process Pipeline (bench/offline.py's loop), articles/s;
2. pass-through: a plain aiokafka consumer (consumer group, like the worker)
   that forwards each raw message unchanged through ``--hops`` topics on the
   same broker; the ceiling for a single Python consumer/producer here;
3. the worker: ``newsstream worker`` child processes (1, then 2) on a fresh
   topic prefix.

With ``--rounds K`` the offline run and the worker runs are repeated K
times, and each worker run is compared with the offline run of its round;
``median_to_offline`` sums them up per setup.

Rates are outcomes / (last - first output record timestamp), so start-up
and consumer-group joins are not counted. Workers are started and ready
*before* the burst is produced: with a pre-produced backlog the second
worker's group join (a rebalance of every stage's partitions) would fall
inside the timed window and measure Kafka's rebalance, not the worker.
CPU seconds of the worker processes are reported too (psutil): on a shared
box they are steadier than wall-clock rates.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import platform
import statistics
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

import psutil
from prometheus_client.parser import text_string_to_metric_families

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.corpus import reuters_messages, emit  # noqa: E402
from bench.kafka_common import (  # noqa: E402
    consumer_for,
    drop_run_topics,
    drop_run_topics_async,
    ensure,
    fresh_settings,
    outcomes,
    produce_all,
    read_until,
    start_workers,
    stop_workers,
)
from bench.offline import ours  # noqa: E402
from stream.kafka.local_broker import LocalBroker  # noqa: E402
from stream.kafka.runner import WorkerProcess  # noqa: E402
from stream.kafka.security import aiokafka_kwargs  # noqa: E402
from stream.kafka.topics import TOPIC_MAX_MESSAGE_BYTES  # noqa: E402
from stream.settings import BREAKING, DEADLETTER, DUPLICATES, ENRICHED, RAW, Settings  # noqa: E402

OUTCOME_TOPICS = [ENRICHED, DUPLICATES, DEADLETTER]


def _rate(n: int, stamps_ms: list[int]) -> tuple[float, float]:
    span = (max(stamps_ms) - min(stamps_ms)) / 1000.0
    return (n - 1) / span if span > 0 else float("inf"), span


async def passthrough(msgs: list[bytes], hops: int) -> dict[str, float]:
    """Forward every raw message through ``hops`` topics with one consumer group member."""
    from aiokafka import AIOKafkaProducer

    s = fresh_settings("pass")
    chain = [s.topic(RAW)] + [s.topic(f"bench.hop{i}") for i in range(1, hops + 1)]
    await ensure(s, [f"bench.hop{i}" for i in range(1, hops + 1)])
    await produce_all(s, chain[0], msgs)
    nxt = dict(itertools.pairwise(chain))
    consumer = consumer_for(s, chain[:-1], group_id=s.topic("passthrough"))
    # Same producer batching as the worker's (see stream/kafka/app.py).
    producer = AIOKafkaProducer(**aiokafka_kwargs(s), acks="all", linger_ms=5,
                                max_request_size=TOPIC_MAX_MESSAGE_BYTES)
    await consumer.start()
    await producer.start()
    cpu0 = time.process_time()
    try:
        done = 0
        deadline = time.monotonic() + 600
        while done < len(msgs) and time.monotonic() < deadline:
            batch = await consumer.getmany(timeout_ms=200, max_records=500)
            for tp, records in batch.items():
                for m in records:
                    target = nxt[tp.topic]
                    await producer.send(target, key=m.key, value=m.value)
                    if target == chain[-1]:
                        done += 1
            await producer.flush()
            if batch:
                await consumer.commit()
    finally:
        cpu = time.process_time() - cpu0
        await producer.stop()
        await consumer.stop()
    got = await read_until(s, [f"bench.hop{hops}"], lambda c: sum(c.values()) >= len(msgs), timeout=120)
    await drop_run_topics_async(s)
    rate, span = _rate(len(got), [m.timestamp for _, m, _ in got])
    return {"articles_per_s": round(rate), "span_s": round(span, 2), "cpu_us_per_article": round(cpu / len(msgs) * 1e6)}


def tree_cpu(roots: list[psutil.Process]) -> dict[int, float]:
    """CPU seconds of each process in the trees (workers and their prepare processes)."""
    out: dict[int, float] = {}
    for root in roots:
        for p in (root, *root.children(recursive=True)):
            try:
                t = p.cpu_times()
                out[p.pid] = t.user + t.system
            except psutil.Error:
                pass
    return out


def stage_seconds(ws: list[WorkerProcess]) -> dict[str, float]:
    """The workers' ``newsstream_stage_seconds`` sums by stage, from /metrics."""
    out: dict[str, float] = {}
    for w in ws:
        with urllib.request.urlopen(w.web + "/metrics", timeout=10) as r:
            text = r.read().decode()
        for family in text_string_to_metric_families(text):
            if family.name != "newsstream_stage_seconds":
                continue
            for sample in family.samples:
                if sample.name.endswith("_sum"):
                    stage = sample.labels["stage"]
                    out[stage] = out.get(stage, 0.0) + sample.value
    return out


def until_complete(n: int, expected: dict[str, int], grace: float = 15.0) -> Any:
    """done() for read_until: every message has its outcome, and the breaking
    events number what the offline run published, or ``grace`` seconds went
    by after the last outcome (a breaking event is published in the same
    flush as its article's outcome, but may land after it)."""
    complete_at: list[float] = []

    def done(counts: dict[str, int]) -> bool:
        if outcomes(counts) < n:
            return False
        if not complete_at:
            complete_at.append(time.monotonic())
        return counts.get(BREAKING, 0) >= expected.get(BREAKING, 0) or time.monotonic() - complete_at[0] > grace

    return done


def local_broker() -> psutil.Process | None:
    """The broker ``newsstream kafka up`` started, if that is the one in use:
    it runs on the same cores as the worker, so its CPU is reported too."""
    pid = LocalBroker(Settings.from_env()).running_pid()
    return psutil.Process(pid) if pid else None


def worker_run(msgs: list[bytes], n_workers: int, store: str, prepare: int,
               expected: dict[str, int]) -> dict[str, Any]:
    s = fresh_settings(f"w{n_workers}")
    asyncio.run(ensure(s))
    ws = start_workers(s, n_workers, NEWSSTREAM_STORE=store, NEWSSTREAM_PREPARE_PROCESSES=str(prepare))
    procs = [psutil.Process(w.proc.pid) for w in ws if w.proc is not None]
    broker = local_broker()
    try:
        cpu0, stages0 = tree_cpu(procs), stage_seconds(ws)
        broker0 = tree_cpu([broker]) if broker else {}
        asyncio.run(produce_all(s, s.topic(RAW), msgs))
        got = asyncio.run(read_until(s, [*OUTCOME_TOPICS, BREAKING], until_complete(len(msgs), expected),
                                     timeout=900))
        cpu1, stages1 = tree_cpu(procs), stage_seconds(ws)
        broker1 = tree_cpu([broker]) if broker else {}
        cpu = sum(v - cpu0.get(pid, 0.0) for pid, v in cpu1.items())
        stages = {k: v - stages0.get(k, 0.0) for k, v in stages1.items()}
        rss = [round(p.memory_info().rss / 2**20) for p in procs]
    finally:
        stop_workers(ws)
        drop_run_topics(s)
    outs = [(t, m) for t, m, _ in got if t != BREAKING]
    rate, span = _rate(len(outs), [m.timestamp for _, m in outs])
    counts: dict[str, int] = {}
    for t, _, _ in got:
        counts[t] = counts.get(t, 0) + 1
    return {"workers": n_workers, "store": store, "prepare_processes": prepare,
            "articles_per_s": round(rate), "span_s": round(span, 2),
            "worker_cpu_us_per_article": round(cpu / len(msgs) * 1e6),
            # The stage timers wrap the pipeline code (a keyed stage's table
            # reads and writes included); the rest of the CPU is Kafka, Faust
            # and asyncio. Timers are wall clock, but a stage never awaits.
            "worker_stage_us_per_article": {k: round(v / len(msgs) * 1e6, 1)
                                            for k, v in sorted(stages.items(), key=lambda kv: -kv[1])},
            "worker_outside_stages_us_per_article": round((cpu - sum(stages.values())) / len(msgs) * 1e6),
            # Compare with offline["outputs"]: a burst spread over the raw
            # topic's partitions is read in another order than the file, so
            # which copy comes first (and so a few decisions) may differ.
            "worker_rss_mb": rss, "outputs": counts,
            # The local broker's CPU over the same window (producing the
            # burst included): cores the worker did not have. None when the
            # broker is not the one ``newsstream kafka up`` started.
            "broker_cpu_us_per_article": round((sum(broker1.values()) - sum(broker0.values())) / len(msgs) * 1e6)
            if broker else None}


def offline_run(msgs: list[bytes]) -> dict[str, Any]:
    t_cpu = time.process_time()
    secs, _, expected = ours(msgs)
    return {"articles_per_s": round(len(msgs) / secs),
            "cpu_us_per_article": round((time.process_time() - t_cpu) / len(msgs) * 1e6),
            "outputs": expected}


def _medians(ratios: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each setup's median ratio to the offline rate over its runs."""
    by_setup: dict[tuple[Any, ...], list[float]] = {}
    for r in ratios:
        by_setup.setdefault((r["workers"], r["store"], r["prepare_processes"]), []).append(r["to_offline"])
    return [{"workers": w, "store": s, "prepare_processes": p, "runs": len(v),
             "to_offline": round(statistics.median(v), 3)} for (w, s, p), v in by_setup.items()]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=5000)
    ap.add_argument("--workers", default="1,2")
    ap.add_argument("--hops", type=int, default=1, help="pass-through hops (the worker makes 3: content, story, output)")
    ap.add_argument("--stores", default="rocksdb://",
                    help="table stores to run the worker with, e.g. rocksdb://,memory://")
    ap.add_argument("--prepare-processes", default="0",
                    help="NEWSSTREAM_PREPARE_PROCESSES values to run each worker setup with, e.g. 0,1")
    ap.add_argument("--rounds", type=int, default=1,
                    help="run the offline pipeline and then every worker setup this many times; each "
                         "worker run is compared with the offline run of its own round")
    ap.add_argument("--save", type=Path, default=None)
    args = ap.parse_args()
    msgs = list(itertools.islice(reuters_messages(), args.n))
    passes = {f"{h}_hop": asyncio.run(passthrough(msgs, h)) for h in sorted({1, args.hops})}
    offlines: list[dict[str, Any]] = []
    runs: list[dict[str, Any]] = []
    for round_ in range(args.rounds):
        # The box's speed drifts by tens of percent within minutes: a ratio
        # is only as good as the offline run next to it.
        offlines.append(offline_run(msgs))
        for store in args.stores.split(","):
            for k in args.workers.split(","):
                for pp in args.prepare_processes.split(","):
                    runs.append({**worker_run(msgs, int(k), store, int(pp), offlines[-1]["outputs"]),
                                 "round": round_})
    ratios = [
        {"workers": r["workers"], "store": r["store"], "prepare_processes": r["prepare_processes"],
         "round": r["round"],
         "to_offline": round(r["articles_per_s"] / offlines[r["round"]]["articles_per_s"], 3),
         "to_passthrough_1hop": round(r["articles_per_s"] / passes["1_hop"]["articles_per_s"], 3)}
        for r in runs
    ]
    result = {
        "corpus": "reuters",
        "articles": len(msgs),
        "offline": offlines[0],
        "offline_rounds": offlines,
        "passthrough": passes,
        "worker": runs,
        # One entry per worker run, in run order (a setup given twice, e.g.
        # --prepare-processes 0,1,0,1, has two).
        "ratios": ratios,
        "median_to_offline": _medians(ratios),
        "load_avg_1m_at_end": round(psutil.getloadavg()[0], 2),
        "python": platform.python_version(),
    }
    emit(result, args.save)


if __name__ == "__main__":
    main()

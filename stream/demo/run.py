"""``newsstream demo``: the whole job on the local broker, start to finish.

Starts the local KRaft broker if none answers, runs a worker under a fresh
topic prefix (so the demo can run again and again on the same broker),
replays the bundled sample stream, waits until every message has an outcome,
prints what came out, and stops what it started.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import sys
import tempfile
import time
from collections import Counter
from importlib import resources
from pathlib import Path

from stream.kafka.local_broker import LocalBroker
from stream.kafka.runner import Collected, WorkerProcess, collect_sync
from stream.kafka.tools import replay
from stream.settings import BREAKING, DEADLETTER, DUPLICATES, ENRICHED, Settings


#: Messages per second for the demo replay.
DEMO_RATE = 10.0


def sample_stream() -> list[bytes]:
    data = resources.files("stream.demo").joinpath("stream.jsonl").read_bytes()
    return [line for line in data.split(b"\n") if line.strip()]


def run_demo(settings: Settings) -> int:
    # The summary is the demo's output; client chatter is not.
    logging.getLogger("aiokafka").setLevel(logging.WARNING)
    broker = LocalBroker(settings)
    started_broker = False
    if not broker.status():
        print(f"starting the local Kafka broker on {broker.bootstrap} ...", flush=True)
        broker.up()
        started_broker = True
    prefix = f"{settings.topic_prefix}demo-{int(time.time())}-"
    run = dataclasses.replace(settings, topic_prefix=prefix, broker=f"kafka://{broker.bootstrap}")
    lines = sample_stream()
    with tempfile.TemporaryDirectory(prefix="newsstream-demo-") as tmp:
        worker = WorkerProcess.for_settings(run, Path(tmp) / "worker")
        try:
            print(f"starting a worker (topic prefix {prefix!r}) ...", flush=True)
            worker.start().wait_ready()
            t0 = time.monotonic()
            # Paced like a live feed: a burst of unkeyed messages spreads over
            # six partitions and loses its order, and the demo's stories are
            # told in order (first report, copies, the update, the outcome).
            asyncio.run(replay(run, lines, rate=DEMO_RATE))
            print(f"replayed {len(lines)} messages to {run.topic('news.raw')}; waiting for the outcomes ...", flush=True)
            got = collect_sync(
                run, lambda c: c.count(ENRICHED, DUPLICATES, DEADLETTER) >= len(lines), timeout=120, quiet=2.0
            )
            elapsed = time.monotonic() - t0
        except BaseException:
            print(worker.log_tail(), file=sys.stderr)
            raise
        finally:
            worker.stop()
            if started_broker:
                broker.down()
    print(summary(got, len(lines), elapsed))
    return 0


def summary(got: Collected, n_in: int, elapsed: float) -> str:
    # Partitions interleave on the way out; show things in news order.
    enriched = sorted(got.values(ENRICHED), key=lambda a: (a["published_at"] or "", a["id"]))
    dups = sorted(got.values(DUPLICATES), key=lambda a: (a["published_at"] or "", a["id"]))
    breaking = sorted(got.values(BREAKING), key=lambda e: (e["detected_at"] or "", e["id"]))
    dead = got.values(DEADLETTER)
    titles = {a["id"]: a["title"] for a in enriched}
    out = [
        "",
        f"{n_in} raw messages in {elapsed:.1f} s -> {len(enriched)} enriched, {len(dups)} duplicates, "
        f"{len(breaking)} breaking events, {len(dead)} dead letters",
        "",
        "ENRICHED (unique articles and updates)",
    ]
    for a in enriched:
        subj = ", ".join(s["label"] for s in a["subjects"][:3]) or "-"
        status = a["status"]["status"] if a["status"] else "-"
        upd = "  [update]" if a["duplicate"]["status"] == "update" else ""
        out.append(f"  {a['title'][:70]:<70} status={status:<10} story={a['story']['id'][:14]}{upd}")
        out.append(f"  {'':<4}subjects: {subj}")
    out += ["", "DUPLICATES"]
    for a in dups:
        d = a["duplicate"]
        target = titles.get(d["of"], d["of"])
        out.append(f"  {d['status']:<6} sim={d['similarity']}  {a['title'][:50]!r} -> {target[:50]!r}")
    out += ["", "BREAKING EVENTS"]
    for e in breaking:
        out.append(
            f"  [{e['severity']}] {e['previous_status'] or 'new'} -> {e['status']}: {e['title'][:70]} "
            f"(sources={e['sources']})"
        )
    out += ["", "DEAD LETTERS"]
    for reason, n in sorted(Counter(d["reason"] for d in dead).items()):
        out.append(f"  {reason:<18} {n}")
    return "\n".join(out)

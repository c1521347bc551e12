"""The worker's memory as its state grows, through the real broker.

    .venv/bin/python bench/worker_growth.py [--checkpoints 25000,50000,100000,200000]
                                            [--env NEWSSTREAM_TABLE_BLOCK_CACHE_MB=2048 ...] [--save FILE]

One ``newsstream worker`` (default settings: RocksDB tables, a prepare
process where two CPUs are usable) on a fresh topic prefix of the local
broker. Reuters-21578 replayed with fresh URLs and dates
(bench.corpus.reuters_replay, as bench/state_growth.py does offline) is
produced up to each checkpoint; once every message has its outcome the
worker's RSS is read (event-loop process and prepare processes apart), with
the bytes of its RocksDB tables on disk and the rate since the previous
checkpoint. ``--env`` runs the worker with other settings, e.g. Faust's
RocksDB defaults for comparison
(``NEWSSTREAM_TABLE_WRITE_BUFFER_MB=64 NEWSSTREAM_TABLE_BLOCK_CACHE_MB=2048``).
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import platform
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.corpus import reuters_replay  # noqa: E402
from bench.kafka_common import (  # noqa: E402
    consumer_for,
    drop_run_topics,
    ensure,
    fresh_settings,
    produce_all,
    start_workers,
    stop_workers,
)
from stream.settings import DEADLETTER, DUPLICATES, ENRICHED, RAW, Settings  # noqa: E402

OUTCOMES = (ENRICHED, DUPLICATES, DEADLETTER)


def tree_rss_mb(pid: int) -> dict[str, int]:
    root = psutil.Process(pid)
    children = root.children(recursive=True)
    return {"event_loop_process_mb": root.memory_info().rss >> 20,
            "prepare_processes_mb": sum(c.memory_info().rss for c in children) >> 20}


def disk_mb(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) >> 20


async def run(settings: Settings, checkpoints: list[int], env: dict[str, str], root: Path) -> list[dict[str, Any]]:
    await ensure(settings)
    [worker] = await asyncio.to_thread(start_workers, settings, 1, root, **env)
    consumer = consumer_for(settings, [settings.topic(t) for t in OUTCOMES], fetch_max_wait_ms=200)
    await consumer.start()
    messages = reuters_replay(checkpoints[-1])
    done, produced, rows = 0, 0, []
    try:
        assert worker.proc is not None
        for checkpoint in checkpoints:
            t0 = time.monotonic()
            chunk = itertools.islice(messages, checkpoint - produced)
            produced += await produce_all(settings, settings.topic(RAW), chunk)
            deadline = time.monotonic() + 3600
            while done < checkpoint:
                if time.monotonic() > deadline:
                    raise TimeoutError(f"{done} of {checkpoint} outcomes after an hour")
                batch = await consumer.getmany(timeout_ms=1000, max_records=10000)
                done += sum(len(msgs) for msgs in batch.values())
            span = time.monotonic() - t0
            since = checkpoint - (rows[-1]["articles"] if rows else 0)
            rows.append({"articles": checkpoint, **tree_rss_mb(worker.proc.pid),
                         "table_disk_mb": disk_mb(root / "w1"), "articles_per_s_since_last": round(since / span)})
            print(json.dumps(rows[-1]), file=sys.stderr, flush=True)
    finally:
        await consumer.stop()
        await asyncio.to_thread(stop_workers, [worker])
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--checkpoints", default="25000,50000,100000,200000")
    ap.add_argument("--env", nargs="*", default=[], help="NAME=VALUE settings for the worker")
    ap.add_argument("--save", type=Path)
    args = ap.parse_args()
    checkpoints = sorted(int(c) for c in args.checkpoints.split(","))
    env = dict(kv.split("=", 1) for kv in args.env)
    settings = fresh_settings("growth")
    with tempfile.TemporaryDirectory(prefix="newsstream-growth-") as tmp:
        try:
            rows = asyncio.run(run(settings, checkpoints, env, Path(tmp)))
        finally:
            drop_run_topics(settings)
    out = {"worker_env": env, "checkpoints": rows, "python": platform.python_version(),
           "machine": f"{platform.machine()} x{psutil.cpu_count()}"}
    text = json.dumps(out, indent=2)
    print(text)
    if args.save:
        args.save.write_text(text + "\n")


if __name__ == "__main__":
    main()

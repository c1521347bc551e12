"""Profile one ``newsstream worker`` process (cProfile) over a Reuters burst.

    .venv/bin/python bench/profile_worker.py [--n 2000] [--rate R] [--top 40] [--out /tmp/worker.prof]

Starts the worker under ``python -m cProfile`` on a fresh topic prefix,
produces ``--n`` messages once it is ready (a burst, or ``--rate`` messages
per second: the live regime, where records carry one article each), waits
for every outcome, stops
it with SIGTERM (cProfile writes its file on the worker's normal exit) and
prints the top functions by own time and by cumulative time.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import pstats
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from aiokafka import AIOKafkaProducer

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.corpus import reuters_messages  # noqa: E402
from bench.kafka_common import drop_run_topics, ensure, fresh_settings, outcomes, produce_all, read_until  # noqa: E402
from stream.kafka.runner import WorkerProcess  # noqa: E402
from stream.kafka.security import aiokafka_kwargs  # noqa: E402
from stream.settings import DEADLETTER, DUPLICATES, ENRICHED, RAW, Settings  # noqa: E402


async def produce_paced(s: Settings, topic: str, msgs: list[bytes], rate: float) -> None:
    producer = AIOKafkaProducer(**aiokafka_kwargs(s), acks="all", linger_ms=0)
    await producer.start()
    try:
        start = time.monotonic()
        for i, payload in enumerate(msgs):
            delay = start + i / rate - time.monotonic()
            if delay > 0:
                await asyncio.sleep(delay)  # pacing to a fixed rate, not waiting for a condition
            await producer.send(topic, value=payload)
        await producer.flush()
    finally:
        await producer.stop()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--rate", type=float, default=None, help="articles per second (default: one burst)")
    ap.add_argument("--top", type=int, default=40)
    ap.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "newsstream-worker.prof")
    ap.add_argument("--tool", choices=("cprofile", "pyinstrument"), default="cprofile",
                    help="pyinstrument samples (little overhead, a call tree in --out as text)")
    ap.add_argument("--store", default="rocksdb://")
    args = ap.parse_args()
    msgs = list(itertools.islice(reuters_messages(), args.n))
    s = fresh_settings("prof")
    asyncio.run(ensure(s))
    w = WorkerProcess.for_settings(s, Path(tempfile.mkdtemp(prefix="newsstream-prof-")), NEWSSTREAM_STORE=args.store)
    log = open(w.log_path, "ab")  # noqa: SIM115
    tool = (["-m", "cProfile", "-o", str(args.out)] if args.tool == "cprofile"
            else ["-m", "pyinstrument", "-r", "text", "--show-all", "-o", str(args.out)])
    w.proc = subprocess.Popen([sys.executable, *tool, "-m", "stream", "worker"],
                              env=w.env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        w.wait_ready(timeout=180)
        if args.rate:
            asyncio.run(produce_paced(s, s.topic(RAW), msgs, args.rate))
        else:
            asyncio.run(produce_all(s, s.topic(RAW), msgs))
        asyncio.run(read_until(s, [ENRICHED, DUPLICATES, DEADLETTER], lambda c: outcomes(c) >= len(msgs), 900))
    finally:
        w.stop(timeout=60)
        drop_run_topics(s)
    if args.tool == "pyinstrument":
        print(args.out.read_text()[:20000])
        return
    st = pstats.Stats(str(args.out))
    st.sort_stats("tottime").print_stats(args.top)
    st.sort_stats("cumulative").print_stats(args.top)


if __name__ == "__main__":
    main()

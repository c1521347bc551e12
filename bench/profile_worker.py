"""Profile one ``newsstream worker`` process over Reuters input.

    .venv/bin/python bench/profile_worker.py [--n 2000] [--rate R] [--tool cprofile|pyinstrument|py-spy]
                                             [--top 40] [--out /tmp/worker.prof]

Starts the worker on a fresh topic prefix, produces ``--n`` messages once
it is ready (a burst, or ``--rate`` messages per second: the live regime,
where records carry one article each), waits for every outcome and stops it
with SIGTERM. ``cprofile`` and ``pyinstrument`` run inside the worker and
see its main thread only (they write their file on its normal exit);
``py-spy`` samples every thread from outside, Faust's consumer thread
included, without slowing the worker, and prints where the busy samples go.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import pstats
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
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


def print_spy_summary(path: Path, articles: int, top: int) -> None:
    """Busy samples (not waiting in epoll) per thread, by own and by inclusive function."""
    own: Counter[str] = Counter()
    inclusive: Counter[str] = Counter()
    threads: Counter[str] = Counter()
    busy = 0
    for line in path.read_text().splitlines():
        stack, _, count = line.rpartition(" ")
        frames = stack.split(";")
        if "EpollSelector.select" in frames[-1]:
            continue
        n = int(count)
        busy += n
        threads[frames[0]] += n
        own[frames[-1]] += n
        for f in {f.split(" (")[0] for f in frames[1:]}:
            inclusive[f] += n
    ms = busy * 2.0  # 500 samples a second
    print(f"busy: {busy} samples = {ms / 1000:.2f} s = {ms / articles:.2f} ms per article (all threads)")
    for name, n in threads.most_common():
        print(f"  {n / busy:6.1%}  {name}")
    for title, counter in (("own", own), ("inclusive", inclusive)):
        print(f"--- {title}")
        for name, n in counter.most_common(top):
            print(f"  {n / busy:6.1%}  {name[:150]}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--rate", type=float, default=None, help="articles per second (default: one burst)")
    ap.add_argument("--top", type=int, default=40)
    ap.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "newsstream-worker.prof")
    ap.add_argument("--tool", choices=("cprofile", "pyinstrument", "py-spy"), default="cprofile",
                    help="pyinstrument samples the main thread (a call tree in --out as text); py-spy samples "
                         "every thread from outside (Faust's consumer runs in its own) with no overhead in the "
                         "worker, and prints where the busy samples go")
    ap.add_argument("--store", default="rocksdb://")
    args = ap.parse_args()
    msgs = list(itertools.islice(reuters_messages(), args.n))
    s = fresh_settings("prof")
    asyncio.run(ensure(s))
    w = WorkerProcess.for_settings(s, Path(tempfile.mkdtemp(prefix="newsstream-prof-")), NEWSSTREAM_STORE=args.store)
    log = open(w.log_path, "ab")  # noqa: SIM115
    tool = {"cprofile": ["-m", "cProfile", "-o", str(args.out)],
            "pyinstrument": ["-m", "pyinstrument", "-r", "text", "--show-all", "-o", str(args.out)],
            "py-spy": []}[args.tool]
    w.proc = subprocess.Popen([sys.executable, *tool, "-m", "stream", "worker"],
                              env=w.env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    spy = None
    try:
        w.wait_ready(timeout=180)
        if args.tool == "py-spy":
            spy = subprocess.Popen([str(Path(sys.executable).with_name("py-spy")), "record", "--pid", str(w.proc.pid),
                                    "--threads", "--format", "raw", "--rate", "500", "--output", str(args.out)],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if args.rate:
            asyncio.run(produce_paced(s, s.topic(RAW), msgs, args.rate))
        else:
            asyncio.run(produce_all(s, s.topic(RAW), msgs))
        asyncio.run(read_until(s, [ENRICHED, DUPLICATES, DEADLETTER], lambda c: outcomes(c) >= len(msgs), 900))
    finally:
        if spy is not None:
            spy.send_signal(signal.SIGINT)  # py-spy writes its file on SIGINT
            spy.wait(timeout=60)
        w.stop(timeout=60)
        drop_run_topics(s)
    if args.tool == "py-spy":
        print_spy_summary(args.out, len(msgs), args.top)
        return
    if args.tool == "pyinstrument":
        print(args.out.read_text()[:20000])
        return
    st = pstats.Stats(str(args.out))
    st.sort_stats("tottime").print_stats(args.top)
    st.sort_stats("cumulative").print_stats(args.top)


if __name__ == "__main__":
    main()

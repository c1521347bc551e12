"""Profile one ``newsstream worker`` process (cProfile) over a Reuters burst.

    .venv/bin/python bench/profile_worker.py [--n 2000] [--top 40] [--out /tmp/worker.prof]

Starts the worker under ``python -m cProfile`` on a fresh topic prefix,
produces ``--n`` messages once it is ready, waits for every outcome, stops
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
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.corpus import reuters_messages  # noqa: E402
from bench.kafka_common import ensure, fresh_settings, outcomes, produce_all, read_until  # noqa: E402
from stream.kafka.runner import WorkerProcess  # noqa: E402
from stream.settings import DEADLETTER, DUPLICATES, ENRICHED, RAW  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=2000)
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
        asyncio.run(produce_all(s, s.topic(RAW), msgs))
        asyncio.run(read_until(s, [ENRICHED, DUPLICATES, DEADLETTER], lambda c: outcomes(c) >= len(msgs), 900))
    finally:
        w.stop(timeout=60)
    if args.tool == "pyinstrument":
        print(args.out.read_text()[:20000])
        return
    st = pstats.Stats(str(args.out))
    st.sort_stats("tottime").print_stats(args.top)
    st.sort_stats("cumulative").print_stats(args.top)


if __name__ == "__main__":
    main()

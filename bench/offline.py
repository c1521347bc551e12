"""Offline throughput: the whole pipeline vs a bare pass, side by side, one run.

    .venv/bin/python bench/offline.py [--corpus reuters|bbc] [--jobs 0,2] [--repeat N]
                                      [--limit N] [--profile N] [--save FILE]

The reference ("bare pass") does the least any processor must do per
message: orjson load, lower-case the text, regex word split, orjson dump.
The ratio ours/bare is the figure to compare across machines; absolute
rates on a shared 2-core box are noisy. To make the ratio robust to other
processes, the sides are interleaved: the corpus is cut into chunks of
``--chunk`` messages and each chunk is run through the bare pass and then
through each pipeline run (whose state carries over from chunk to chunk), so
a burst of load from elsewhere hits all sides alike. ``--jobs 0,2`` runs
the pipeline all in one process and with 2 prepare processes
(stream.pipeline.parallel) side by side; their outputs must be equal.
Rates are wall-clock; CPU µs per article include the prepare processes.

``--profile N`` runs the pipeline once more under cProfile and adds the top
N functions by own time to the result (slower; not used for the rates).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import itertools
import os
import platform
import pstats
import re
import resource
import sys
import time
from pathlib import Path
from typing import Any

import orjson

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.corpus import bbc_messages, reuters_messages, emit  # noqa: E402
from stream.pipeline.offline import EventClock, Pipeline  # noqa: E402
from stream.pipeline.parallel import PreparePool, run_stream  # noqa: E402
from stream.pipeline.prepare import Meta  # noqa: E402

WORD = re.compile(r"\w+")


def bare_pass(messages: list[bytes]) -> float:
    t0 = time.perf_counter()
    for m in messages:
        d = orjson.loads(m)
        words = WORD.findall((d.get("title", "") + " " + d.get("body", "")).lower())
        orjson.dumps({"id": d.get("id"), "n": len(words), "w": words[:20]})
    return time.perf_counter() - t0


def children_cpu() -> float:
    """CPU seconds of this process's live descendants (the prepare pool)."""
    import psutil

    total = 0.0
    for child in psutil.Process().children(recursive=True):
        try:
            t = child.cpu_times()
            total += t.user + t.system
        except psutil.Error:
            pass
    return total


class Run:
    """The pipeline over a message sequence, fed in chunks, with its own clock.

    ``jobs`` > 0 prepares in a pool of that many processes that lives as long
    as the run (``close()`` it); the outputs are the same as with 0.
    """

    def __init__(self, jobs: int = 0) -> None:
        self.pipeline = Pipeline()
        self.clock = EventClock()
        self.counts: dict[str, int] = {}
        self.i = 0
        # Started before the clock runs: process start-up is paid once per
        # run, not per article (reported apart as pool_start_s).
        t0 = time.perf_counter()
        self.pool = PreparePool(self.pipeline.prepare, jobs).start() if jobs > 0 else None
        self.start_s = time.perf_counter() - t0

    def feed(self, messages: list[bytes]) -> float:
        p, clock, counts, timings = self.pipeline, self.clock, self.counts, self.pipeline.timings
        t0 = time.perf_counter()
        items = []
        for m in messages:
            items.append((m, Meta(arrival_time=clock.observe(m), offset=self.i)))
            self.i += 1
        for outputs in run_stream(p, items, pool=self.pool):
            for topic, _, rec in outputs:
                t1 = time.perf_counter()
                orjson.dumps(rec)
                timings.add("serialise", time.perf_counter() - t1)
                counts[topic] = counts.get(topic, 0) + 1
        return time.perf_counter() - t0

    def close(self) -> None:
        if self.pool is not None:
            self.pool.close()


def ours(messages: list[bytes]) -> tuple[float, Pipeline, dict[str, int]]:
    """Whole pipeline over ``messages`` from fresh state: (seconds, pipeline, outputs)."""
    r = Run()
    secs = r.feed(messages)
    return secs, r.pipeline, r.counts


def interleaved(messages: list[bytes], chunk: int, jobs: list[int]) -> dict[str, Any]:
    """Bare pass and one pipeline run per ``jobs`` value, chunk by chunk.

    CPU time of a parallel run includes its prepare processes."""
    runs = {j: Run(j) for j in jobs}
    names = ["bare", *(f"jobs{j}" for j in jobs)]
    wall = dict.fromkeys(names, 0.0)
    cpu = dict.fromkeys(names, 0.0)
    try:
        for start in range(0, len(messages), chunk):
            part = messages[start:start + chunk]
            c0 = time.process_time()
            wall["bare"] += bare_pass(part)
            cpu["bare"] += time.process_time() - c0
            for j, run in runs.items():
                c0, k0 = time.process_time(), children_cpu()
                wall[f"jobs{j}"] += run.feed(part)
                cpu[f"jobs{j}"] += time.process_time() - c0 + children_cpu() - k0
    finally:
        for run in runs.values():
            run.close()
    return {"wall": wall, "cpu": cpu, "runs": runs}


def profile_top(messages: list[bytes], top: int) -> list[dict[str, Any]]:
    prof = cProfile.Profile()
    prof.enable()
    ours(messages)
    prof.disable()
    st = pstats.Stats(prof, stream=io.StringIO())
    total = sum(v[2] for v in st.stats.values())  # type: ignore[attr-defined]
    rows = sorted(st.stats.items(), key=lambda kv: -kv[1][2])[:top]  # type: ignore[attr-defined]
    here = str(Path(__file__).resolve().parents[1]) + "/"
    return [
        {"function": f"{f.replace(here, '')}:{line}({name})", "calls": nc,
         "own_share": round(tt / total, 3), "cum_us_per_article": round(ct / len(messages) * 1e6, 1)}
        for (f, line, name), (_, nc, tt, ct, _) in rows
    ]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", choices=("reuters", "bbc"), default="reuters")
    ap.add_argument("--repeat", type=int, default=1, help="best of N runs (by pipeline CPU time)")
    ap.add_argument("--limit", type=int, default=None, help="first N messages only")
    ap.add_argument("--chunk", type=int, default=500, help="interleaving chunk (messages)")
    ap.add_argument("--profile", type=int, default=0, help="add the top N functions (cProfile, own time)")
    ap.add_argument("--jobs", default="0",
                    help="comma-separated prepare-process counts to run side by side (0 = all in one process)")
    ap.add_argument("--save", type=Path, default=None)
    args = ap.parse_args()
    jobs = [int(j) for j in args.jobs.split(",")]
    source = reuters_messages() if args.corpus == "reuters" else bbc_messages()
    messages = list(itertools.islice(source, args.limit))
    n = len(messages)
    best: dict[str, Any] | None = None
    for _ in range(args.repeat):
        r = interleaved(messages, args.chunk, jobs)
        if best is None or r["wall"][f"jobs{jobs[0]}"] < best["wall"][f"jobs{jobs[0]}"]:
            best = r
    assert best is not None
    wall, cpu, runs = best["wall"], best["cpu"], best["runs"]
    outputs = {j: r.counts for j, r in runs.items()}
    assert all(o == outputs[jobs[0]] for o in outputs.values()), outputs
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result: dict[str, Any] = {
        "corpus": args.corpus,
        "articles": n,
        "bare_articles_per_s": round(n / wall["bare"]),
        "cpu_bare_articles_per_s": round(n / cpu["bare"]) if cpu["bare"] else None,
        "pipeline": {
            f"jobs={j}": {
                "articles_per_s": round(n / wall[f"jobs{j}"]),
                "ratio_to_bare": round(wall["bare"] / wall[f"jobs{j}"], 4),
                "cpu_us_per_article": round(cpu[f"jobs{j}"] / n * 1e6, 1),
                "pool_start_s": round(runs[j].start_s, 2),
                "us_per_article_by_stage": {k: round(v / n * 1e6, 1) for k, v in
                                            sorted(runs[j].pipeline.timings.totals.items(),
                                                   key=lambda kv: -kv[1])},
            }
            for j in jobs
        },
        "outputs": outputs[jobs[0]],
        "peak_rss_mb_main": round(rss_mb),
        "load_avg_1m": round(os.getloadavg()[0], 2),
        "python": platform.python_version(),
        "machine": f"{platform.machine()} x{os.cpu_count()}",
    }
    if args.profile:
        result["profile_top_own_time"] = profile_top(messages, args.profile)
    emit(result, args.save)


if __name__ == "__main__":
    main()

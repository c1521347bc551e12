"""Offline throughput: the whole pipeline vs a bare pass, side by side, one run.

    .venv/bin/python bench/offline.py [--corpus reuters|bbc] [--repeat N] [--limit N]
                                      [--profile N] [--save FILE]

The reference ("bare pass") does the least any processor must do per
message: orjson load, lower-case the text, regex word split, orjson dump.
The ratio ours/bare is the figure to compare across machines; absolute
rates on a shared 2-core box are noisy. To make the ratio robust to other
processes, the two sides are interleaved: the corpus is cut into chunks of
``--chunk`` messages and each chunk is run through the bare pass and then
through the pipeline (whose state carries over from chunk to chunk), so a
burst of load from elsewhere hits both sides alike. Rates are reported on
wall-clock time and on this process's CPU time; the CPU-time ratio is the
steadier one when the machine is shared.

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
from stream.pipeline.prepare import Meta  # noqa: E402

WORD = re.compile(r"\w+")


def bare_pass(messages: list[bytes]) -> float:
    t0 = time.perf_counter()
    for m in messages:
        d = orjson.loads(m)
        words = WORD.findall((d.get("title", "") + " " + d.get("body", "")).lower())
        orjson.dumps({"id": d.get("id"), "n": len(words), "w": words[:20]})
    return time.perf_counter() - t0


class Run:
    """The pipeline over a message sequence, fed in chunks, with its own clock."""

    def __init__(self) -> None:
        self.pipeline = Pipeline()
        self.clock = EventClock()
        self.counts: dict[str, int] = {}
        self.i = 0

    def feed(self, messages: list[bytes]) -> float:
        p, clock, counts, timings = self.pipeline, self.clock, self.counts, self.pipeline.timings
        t0 = time.perf_counter()
        for m in messages:
            for topic, _, rec in p.run(m, Meta(arrival_time=clock.observe(m), offset=self.i)):
                t1 = time.perf_counter()
                orjson.dumps(rec)
                timings.add("serialise", time.perf_counter() - t1)
                counts[topic] = counts.get(topic, 0) + 1
            self.i += 1
        return time.perf_counter() - t0


def ours(messages: list[bytes]) -> tuple[float, Pipeline, dict[str, int]]:
    """Whole pipeline over ``messages`` from fresh state: (seconds, pipeline, outputs)."""
    r = Run()
    secs = r.feed(messages)
    return secs, r.pipeline, r.counts


def interleaved(messages: list[bytes], chunk: int) -> dict[str, Any]:
    run = Run()
    wall = {"bare": 0.0, "ours": 0.0}
    cpu = {"bare": 0.0, "ours": 0.0}
    for start in range(0, len(messages), chunk):
        part = messages[start:start + chunk]
        c0 = time.process_time()
        wall["bare"] += bare_pass(part)
        c1 = time.process_time()
        wall["ours"] += run.feed(part)
        c2 = time.process_time()
        cpu["bare"] += c1 - c0
        cpu["ours"] += c2 - c1
    return {"wall": wall, "cpu": cpu, "run": run}


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
    ap.add_argument("--save", type=Path, default=None)
    args = ap.parse_args()
    source = reuters_messages() if args.corpus == "reuters" else bbc_messages()
    messages = list(itertools.islice(source, args.limit))
    n = len(messages)
    best: dict[str, Any] | None = None
    for _ in range(args.repeat):
        r = interleaved(messages, args.chunk)
        if best is None or r["cpu"]["ours"] < best["cpu"]["ours"]:
            best = r
    assert best is not None
    wall, cpu, run = best["wall"], best["cpu"], best["run"]
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result: dict[str, Any] = {
        "corpus": args.corpus,
        "articles": n,
        "bare_articles_per_s": round(n / wall["bare"]),
        "ours_articles_per_s": round(n / wall["ours"]),
        "ratio_ours_to_bare": round(wall["bare"] / wall["ours"], 4),
        "cpu_bare_articles_per_s": round(n / cpu["bare"]) if cpu["bare"] else None,
        "cpu_ours_articles_per_s": round(n / cpu["ours"]) if cpu["ours"] else None,
        "cpu_ratio_ours_to_bare": round(cpu["bare"] / cpu["ours"], 4) if cpu["ours"] else None,
        "us_per_article_by_stage": {k: round(v / n * 1e6, 1) for k, v in
                                    sorted(run.pipeline.timings.totals.items(), key=lambda kv: -kv[1])},
        "outputs": run.counts,
        "peak_rss_mb": round(rss_mb),
        "load_avg_1m": round(os.getloadavg()[0], 2),
        "python": platform.python_version(),
        "machine": f"{platform.machine()} x{os.cpu_count()}",
    }
    if args.profile:
        result["profile_top_own_time"] = profile_top(messages, args.profile)
    emit(result, args.save)


if __name__ == "__main__":
    main()

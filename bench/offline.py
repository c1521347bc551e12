"""Offline throughput: the whole pipeline vs a bare pass, side by side, one run.

    .venv/bin/python bench/offline.py [--corpus reuters|bbc] [--repeat N]

The reference ("bare pass") does the least any processor must do per
message: orjson load, lower-case the text, regex word split, orjson dump.
The ratio ours/bare is the figure to compare across machines; absolute
rates on a shared 2-core box are noisy.
"""

from __future__ import annotations

import argparse
import platform
import re
import resource
import sys
import time
from pathlib import Path

import orjson

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.corpus import bbc_messages, reuters_messages  # noqa: E402
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


def ours(messages: list[bytes]) -> tuple[float, Pipeline, dict[str, int]]:
    p = Pipeline()
    clock = EventClock()
    counts: dict[str, int] = {}
    t0 = time.perf_counter()
    for i, m in enumerate(messages):
        for topic, _, rec in p.run(m, Meta(arrival_time=clock.observe(m), offset=i)):
            t1 = time.perf_counter()
            orjson.dumps(rec)
            p.timings.add("serialise", time.perf_counter() - t1)
            counts[topic] = counts.get(topic, 0) + 1
    return time.perf_counter() - t0, p, counts


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", choices=("reuters", "bbc"), default="reuters")
    ap.add_argument("--repeat", type=int, default=1, help="best of N runs for each side")
    ap.add_argument("--save", type=Path, default=None)
    args = ap.parse_args()
    messages = list(reuters_messages() if args.corpus == "reuters" else bbc_messages())
    n = len(messages)
    bare = min(bare_pass(messages) for _ in range(args.repeat))
    best = None
    for _ in range(args.repeat):
        r = ours(messages)
        if best is None or r[0] < best[0]:
            best = r
    assert best is not None
    secs, pipeline, counts = best
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result = {
        "corpus": args.corpus,
        "articles": n,
        "bare_articles_per_s": round(n / bare),
        "ours_articles_per_s": round(n / secs),
        "ratio_ours_to_bare": round(bare / secs, 4),
        "us_per_article_by_stage": {k: round(v / n * 1e6, 1) for k, v in
                                    sorted(pipeline.timings.totals.items(), key=lambda kv: -kv[1])},
        "outputs": counts,
        "peak_rss_mb": round(rss_mb),
        "python": platform.python_version(),
        "machine": f"{platform.machine()} x{__import__('os').cpu_count()}",
    }
    print(orjson.dumps(result, option=orjson.OPT_INDENT_2).decode())
    if args.save:
        args.save.write_bytes(orjson.dumps(result, option=orjson.OPT_INDENT_2) + b"\n")


if __name__ == "__main__":
    main()

"""State growth: process RSS and table bytes after 10k, 100k, 1M articles.

    .venv/bin/python bench/state_growth.py [--checkpoints 10000,100000,1000000]
                                           [--max-seconds 1800] [--save FILE]

The offline Pipeline (dict state, the same stage code as the worker) over
Reuters-21578 replayed with fresh URLs, shifted timestamps and a light edit
per pass (bench.corpus.reuters_replay). At each checkpoint, per table
(dedup-url, dedup-content, stories): entries, and bytes as the
worker's tables store them (orjson of key + value, what goes to RocksDB and
the changelog), plus the part of the dedup tables whose entries are still
inside the dedup window at the current event-time watermark. Results are
saved after every checkpoint, so a run stopped by ``--max-seconds`` still
leaves its figures; the last checkpoint reached is then extrapolated
linearly (stated as such in the output).
"""

from __future__ import annotations

import argparse
import gc
import os
import platform
import sys
import time
from pathlib import Path
from typing import Any

import orjson
import psutil

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.corpus import reuters_replay  # noqa: E402
from bench.offline import Run  # noqa: E402


def _bytes(mapping: Any) -> int:
    return sum(len(orjson.dumps(k)) + len(orjson.dumps(v)) for k, v in mapping.items())


def _ts(value: Any) -> float:
    if isinstance(value, dict):
        return float(value.get("ts", float("-inf")))
    return max((float(e.get("ts", float("-inf"))) for e in value), default=float("-inf"))


def snapshot(run: Run, started: float, window: float) -> dict[str, Any]:
    p = run.pipeline
    now = run.clock.now
    tables = {"dedup-url": p.url.state, "dedup-content": p.content.state,
              "stories": p.story.book.stories}
    gc.collect()
    out: dict[str, Any] = {
        "articles": run.i,
        "elapsed_s": round(time.monotonic() - started, 1),
        "rss_mb": round(psutil.Process().memory_info().rss / 2**20),
        "tables": {},
    }
    total = 0
    for name, t in tables.items():
        b = _bytes(t)
        total += b
        out["tables"][name] = {"entries": len(t), "bytes": b}
    live: dict[str, dict[str, int]] = {}
    for name, t in (("dedup-url", p.url.state), ("dedup-content", p.content.state)):
        keys = size = 0
        for k, v in t.items():
            if now - _ts(v) <= window:
                keys += 1
                size += len(orjson.dumps(k)) + len(orjson.dumps(v))
        live[name] = {"keys": keys, "bytes": size}
    out["table_bytes_total"] = total
    out["table_bytes_per_article"] = round(total / max(1, run.i), 1)
    # Each article in the window has exactly one live URL key, so those keys
    # count the articles in the window (a 7-day window of Reuters-21578,
    # ~21.6k articles over ~8 months, holds a few thousand).
    in_window = live["dedup-url"]["keys"]
    out["dedup_window_live"] = live
    out["dedup_window_bytes_per_article"] = round(
        (live["dedup-url"]["bytes"] + live["dedup-content"]["bytes"]) / max(1, in_window), 1)
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--checkpoints", default="10000,100000,1000000")
    ap.add_argument("--max-seconds", type=float, default=1800.0)
    ap.add_argument("--chunk", type=int, default=1000)
    ap.add_argument("--save", type=Path, default=None)
    args = ap.parse_args()
    points = sorted(int(x) for x in args.checkpoints.split(","))
    run = Run()
    window = run.pipeline.dedup.window_seconds
    started = time.monotonic()
    results: list[dict[str, Any]] = []
    stopped_early = False
    source = reuters_replay(points[-1])
    buf: list[bytes] = []
    for msg in source:
        buf.append(msg)
        if len(buf) >= args.chunk or run.i + len(buf) in points:
            run.feed(buf)
            buf = []
            if run.i in points:
                results.append(snapshot(run, started, window))
                print(orjson.dumps(results[-1]).decode(), file=sys.stderr, flush=True)
                _save(args.save, results, None)
            if time.monotonic() - started > args.max_seconds:
                stopped_early = True
                break
    extrapolation = None
    if stopped_early:
        if not results or results[-1]["articles"] != run.i:
            results.append(snapshot(run, started, window))  # where the time budget ran out
        target = points[-1]
        a, b = (results[-2], results[-1]) if len(results) > 1 else (None, results[-1])
        if a is not None:  # growth between the last two points, carried on to the target
            rss_slope = (b["rss_mb"] - a["rss_mb"]) / (b["articles"] - a["articles"])
            bytes_slope = (b["table_bytes_total"] - a["table_bytes_total"]) / (b["articles"] - a["articles"])
        else:
            rss_slope = b["rss_mb"] / b["articles"]
            bytes_slope = b["table_bytes_total"] / b["articles"]
        extrapolation = {
            "reached_articles": run.i,
            "target_articles": target,
            "method": "linear from the growth between the last two points (state that is never "
                      "swept keeps growing at that slope)",
            "table_bytes_at_target": round(b["table_bytes_total"] + bytes_slope * (target - b["articles"])),
            "rss_mb_at_target": round(b["rss_mb"] + rss_slope * (target - b["articles"])),
        }
    _save(args.save, results, extrapolation)
    print(orjson.dumps({"checkpoints": results, "extrapolation": extrapolation},
                       option=orjson.OPT_INDENT_2).decode())


def _save(path: Path | None, results: list[dict[str, Any]], extrapolation: dict[str, Any] | None) -> None:
    if path is None:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    doc = {"checkpoints": results, "extrapolation": extrapolation, "python": platform.python_version(),
           "load_avg_1m": round(os.getloadavg()[0], 2)}
    path.write_bytes(orjson.dumps(doc, option=orjson.OPT_INDENT_2) + b"\n")


if __name__ == "__main__":
    main()

"""The ``newsstream`` command: the contract tests, the demo and operators use.

Topics are given by logical name (``news.enriched``); ``NEWSSTREAM_TOPIC_PREFIX``
is applied for you. Exit status: 0 success, 1 a NewsstreamError (printed on
one line, no traceback), 2 bad usage.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
import time
from pathlib import Path

from stream.errors import NewsstreamError
from stream.settings import LOGICAL_TOPICS, Settings, usable_cpus


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="newsstream", description=__doc__.splitlines()[0])
    sub = p.add_subparsers(dest="command", required=True)

    sub.add_parser("worker", help="run the Faust worker (all agents)")

    r = sub.add_parser("replay", help="produce a JSON Lines file to news.raw, line by line, as bytes")
    r.add_argument("path", help="JSON Lines file, or - for stdin")
    r.add_argument("--rate", type=float, default=None, help="messages per second (default: as fast as possible)")
    r.add_argument("--topic", default="news.raw", choices=LOGICAL_TOPICS)

    c = sub.add_parser("consume", help="print records of a topic as JSON lines")
    c.add_argument("topic", choices=LOGICAL_TOPICS)
    c.add_argument("--from-beginning", action="store_true")
    c.add_argument("--max", type=int, default=None, dest="max_records")
    c.add_argument("--timeout", type=float, default=10.0, help="stop after S seconds without a new record")

    pr = sub.add_parser("process", help="run the pipeline on a file without Kafka")
    pr.add_argument("--in", dest="input", required=True, help="JSON Lines file, or - for stdin")
    pr.add_argument("--out-dir", required=True, type=Path)
    pr.add_argument("--stats", action="store_true", help="print throughput and per-stage time to stderr")
    pr.add_argument("--jobs", type=int, default=None,
                    help="processes for the stateless stage (parse, clean, tag); 0 = all in this one; "
                         "default: one per CPU when there are several. The output does not depend on it.")

    sub.add_parser("demo", help="local broker + worker + the bundled sample stream, with a summary")

    k = sub.add_parser("kafka", help="the local single-node KRaft broker for development and tests")
    k.add_argument("action", choices=("up", "down", "status"))

    sub.add_parser("topics", help="create the input and output topics if missing")
    return p


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        settings = Settings.from_env()
        logging.basicConfig(level=settings.log_level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s")
        return _dispatch(args, settings)
    except NewsstreamError as exc:
        print(f"newsstream: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


def _dispatch(args: argparse.Namespace, settings: Settings) -> int:
    cmd = args.command
    if cmd == "worker":
        from stream.kafka.worker import run_worker

        return run_worker(settings)
    if cmd == "replay":
        from stream.kafka.tools import replay
        from stream.pipeline.offline import read_lines

        n = asyncio.run(replay(settings, read_lines(args.path), rate=args.rate, topic=args.topic))
        print(f"replayed {n} messages to {settings.topic(args.topic)}", file=sys.stderr)
        return 0
    if cmd == "consume":
        from stream.kafka.tools import consume

        asyncio.run(consume(settings, args.topic, from_beginning=args.from_beginning,
                            max_records=args.max_records, timeout=args.timeout))
        return 0
    if cmd == "process":
        return _process(args, settings)
    if cmd == "demo":
        from stream.demo.run import run_demo

        return run_demo(settings)
    if cmd == "kafka":
        return _kafka(args.action, settings)
    if cmd == "topics":
        from stream.kafka.topics import ensure_topics

        asyncio.run(ensure_topics(settings))
        return 0
    raise AssertionError(cmd)


def _process(args: argparse.Namespace, settings: Settings) -> int:
    from stream.gc_policy import tune_gc
    from stream.pipeline.offline import Pipeline, process_lines, read_lines
    from stream.pipeline.settings_options import pipeline_options

    o = pipeline_options(settings)
    pipeline = Pipeline(o.prepare, o.dedup, o.breaking)
    tune_gc()
    t0 = time.perf_counter()
    jobs = args.jobs if args.jobs is not None else _default_jobs()
    counts = process_lines(read_lines(args.input), args.out_dir, pipeline, jobs=jobs)
    elapsed = time.perf_counter() - t0
    total = sum(counts.values()) - counts["breaking"]
    print(" ".join(f"{k}={v}" for k, v in counts.items()), file=sys.stderr)
    if args.stats:
        print(f"{total} articles in {elapsed:.2f} s = {total / elapsed:.0f} articles/s", file=sys.stderr)
        for stage, secs in sorted(pipeline.timings.totals.items(), key=lambda kv: -kv[1]):
            print(f"  {stage:<10} {secs / max(total, 1) * 1e6:8.1f} us/article", file=sys.stderr)
    return 0


def _default_jobs() -> int:
    """One prepare process per usable CPU, none on one: a container's CPU
    limit counts, not only the CPUs the process may be scheduled on."""
    cpus = int(usable_cpus())
    return cpus if cpus > 1 else 0


def _kafka(action: str, settings: Settings) -> int:
    from stream.kafka.local_broker import LocalBroker

    broker = LocalBroker(settings)
    if action == "up":
        broker.up()
        print(f"kafka is up at {broker.bootstrap}", file=sys.stderr)
        return 0
    if action == "down":
        stopped = broker.down()
        print("kafka stopped" if stopped else "kafka was not running", file=sys.stderr)
        return 0
    ok = broker.status()
    print(f"kafka at {broker.bootstrap}: {'up' if ok else 'down'}", file=sys.stderr)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

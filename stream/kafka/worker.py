"""``newsstream worker``: topics first, then the Faust worker until SIGTERM."""

from __future__ import annotations

import asyncio
import logging
import sys

import faust
from prometheus_client import REGISTRY

from stream.gc_policy import tune_gc
from stream.kafka.app import create_app
from stream.kafka.topics import ensure_topics
from stream.settings import Settings

log = logging.getLogger(__name__)


def run_worker(settings: Settings) -> int:
    log.info("starting worker with %r", settings)
    asyncio.run(ensure_topics(settings, internal=True))
    # A fresh loop for Faust: asyncio.run() above closed its own.
    asyncio.set_event_loop(asyncio.new_event_loop())
    # The process-wide registry, so /metrics also has the process_* and
    # python_* collectors (RSS, CPU, GC) next to the pipeline's and Faust's.
    app = create_app(settings, REGISTRY)
    # After the app has built its lexicons and automata (stream/gc_policy.py).
    tune_gc()
    worker = faust.Worker(app, loglevel=settings.log_level, quiet=True)
    # Faust's terminal spinner sets the root logger to DEBUG (its handler
    # shows every record), so every library debug() call builds a LogRecord
    # that the handlers then drop: ~70 per article, ~15% of the worker's CPU
    # (bench/profile_worker.py). Without a terminal there is nothing to spin.
    if not sys.stdout.isatty():
        worker.spinner = None
    worker.execute_from_commandline()  # exits the process itself
    return 0

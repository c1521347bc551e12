"""The stateless stage in other processes, the stateful stages in this one.

Parsing, cleaning, fingerprinting, tagging and status assertion need nothing
but the message (stage 1, :mod:`stream.pipeline.prepare`), and they are about
three quarters of the per-article CPU on Reuters. A pool of prepare
processes runs them on chunks of messages while this process runs dedup and
stories, which must see the envelopes one at a time in input order. Results
come back in input order, so the outputs are exactly those of the serial
run, whatever ``jobs`` is.

Envelopes cross the process boundary as one orjson array per chunk: they are
JSON-able by design (they cross Kafka the same way), and loading them costs
about what unpickling does (~40 µs per Reuters article either way). Prepare
failures cross as (reason, detail) strings; a bug's traceback is logged in
the process that caught it.

The pool uses the ``forkserver`` start method: forking a process that runs
threads (a Faust worker, a test runner) is unsafe, and a prepare process only
needs the options to build its own :class:`Preparer` (~40 ms).
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from typing import TYPE_CHECKING, Any

import orjson

from stream.pipeline.prepare import Meta, PrepareOptions, Preparer, Timings
from stream.pipeline.routing import error_fields

if TYPE_CHECKING:
    from stream.pipeline.offline import Output, Pipeline

#: Messages per task. Each task costs the main process a pickle of its
#: messages and a management-thread round trip, under the GIL it needs for
#: dedup and stories; bigger chunks pay that less often, smaller ones start
#: the stateful side sooner. On the first 8,000 Reuters messages, 2
#: processes, load ~2 (tests running): 32 and 128 gave 1,374-1,548/s,
#: 256-1,024 gave 1,603-2,145/s (within noise of each other).
CHUNK = 512

#: Chunks in flight per process: one being prepared, one queued, so a
#: process never idles while this one drains results; it also bounds memory
#: on arbitrarily long inputs.
AHEAD = 2

_ERROR = "!error"  # key of a refused message's marker; envelopes never have it

# One Preparer per pool process, built by _start. Module state here is
# process-local by construction: only pool processes ever set it.
_preparer: Preparer | None = None


def _start(options: PrepareOptions) -> None:
    global _preparer
    _preparer = Preparer(options)


def _prepare_chunk(items: list[tuple[bytes, Meta]]) -> tuple[bytes, dict[str, float]]:
    preparer = _preparer
    assert preparer is not None, "pool process started without _start"
    preparer.timings = Timings()
    out: list[dict[str, Any]] = []
    for payload, meta in items:
        try:
            out.append(preparer.prepare(payload, meta))
        except Exception as exc:  # errors are data, as in Pipeline.run
            out.append({_ERROR: error_fields(exc, meta)})
    return orjson.dumps(out), preparer.timings.totals


class PreparePool:
    """``jobs`` prepare processes for one :class:`Pipeline`'s options."""

    def __init__(self, options: PrepareOptions, jobs: int) -> None:
        if jobs < 1:
            raise ValueError("jobs must be >= 1")
        self.jobs = jobs
        self._pool = ProcessPoolExecutor(
            max_workers=jobs,
            mp_context=multiprocessing.get_context("forkserver"),
            initializer=_start,
            initargs=(options,),
        )

    def start(self) -> PreparePool:
        """Start every process now (each imports the package and builds its
        Preparer: ~0.5 s), instead of on the first chunks."""
        for fut in [self.submit([]) for _ in range(self.jobs)]:
            fut.result()
        return self

    def submit(self, items: list[tuple[bytes, Meta]]) -> Future[tuple[bytes, dict[str, float]]]:
        return self._pool.submit(_prepare_chunk, items)

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)

    def __enter__(self) -> PreparePool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def run_stream(pipeline: Pipeline, items: Iterable[tuple[bytes, Meta]], jobs: int = 0,
               chunk: int = CHUNK, pool: PreparePool | None = None) -> Iterator[list[Output]]:
    """``pipeline``'s outputs for each (payload, meta), in input order.

    ``jobs`` = 0 runs everything here; ``jobs`` >= 1 prepares in that many
    processes, or in ``pool`` when given (it is left open for the caller).
    The outputs are the same either way.
    """
    if pool is not None:
        yield from _pooled(pipeline, iter(items), pool, chunk)
    elif jobs <= 0:
        for payload, meta in items:
            yield pipeline.run(payload, meta)
    else:
        with PreparePool(pipeline.prepare, jobs) as own:
            yield from _pooled(pipeline, iter(items), own, chunk)


def _pooled(pipeline: Pipeline, it: Iterator[tuple[bytes, Meta]], pool: PreparePool,
            chunk: int) -> Iterator[list[Output]]:
    pending: deque[tuple[list[tuple[bytes, Meta]], Future[tuple[bytes, dict[str, float]]]]] = deque()

    def fill() -> None:
        while len(pending) < pool.jobs * AHEAD:
            part = list(islice(it, chunk))
            if not part:
                return
            pending.append((part, pool.submit(part)))

    fill()
    while pending:
        part, fut = pending.popleft()
        blob, totals = fut.result()
        fill()  # keep the processes busy while this chunk's state work runs
        for stage, secs in totals.items():
            pipeline.timings.add(stage, secs)
        for (payload, meta), env in zip(part, orjson.loads(blob), strict=True):
            err = env.get(_ERROR)
            if err is not None:
                yield pipeline.reject(payload, meta, err[0], err[1])
            else:
                yield pipeline.run_prepared(env)

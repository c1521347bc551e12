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
about what unpickling does (~40 µs per Reuters article either way). The
worker (:class:`PrepareService`) does not load them at all: it forwards each
envelope to Kafka as it is, so its prepare processes hand over each one
already encoded, with its routing key. Prepare failures cross as
(reason, detail) strings; a bug's traceback is logged in the process that
caught it.

The pool uses the ``forkserver`` start method: forking a process that runs
threads (a Faust worker, a test runner) is unsafe, and a prepare process only
needs the options to build its own :class:`Preparer` (~40 ms).
"""

from __future__ import annotations

import asyncio
import multiprocessing
import multiprocessing.connection
import os
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import islice
from typing import TYPE_CHECKING, Any

import orjson

from stream.gc_policy import tune_gc
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
    tune_gc()
    parent = multiprocessing.parent_process()
    if parent is not None:
        # A pool process blocks on its task queue, whose write end it holds
        # itself, so it would outlive a SIGKILLed parent forever. The
        # parent's sentinel becomes ready when the parent dies.
        threading.Thread(target=_exit_with, args=(parent.sentinel,), name="parent-watch", daemon=True).start()


def _exit_with(sentinel: int) -> None:
    multiprocessing.connection.wait([sentinel])
    os._exit(0)


Stages = dict[str, tuple[float, int]]  # stage -> (seconds, articles that ran it)
Prepared = tuple[dict[str, Any] | None, tuple[str, str] | None]  # (envelope, or (reason, detail))
# (routing key, encoded envelope), or (None, (reason, detail)) for a refused message.
Encoded = tuple[str, bytes] | tuple[None, tuple[str, str]]


def attempt(preparer: Preparer, payload: bytes, meta: Meta) -> Prepared:
    """``preparer.prepare`` with errors as data, as in ``Pipeline.run``."""
    try:
        return preparer.prepare(payload, meta), None
    except Exception as exc:
        return None, error_fields(exc, meta)


def attempt_encoded(preparer: Preparer, payload: bytes, meta: Meta,
                    key: Callable[[dict[str, Any]], str],
                    encode: Callable[[dict[str, Any]], bytes] = orjson.dumps) -> Encoded:
    """The envelope as the worker forwards it (its routing key and its
    bytes, as ``encode`` makes them), with errors as data."""
    try:
        env = preparer.prepare(payload, meta)
        return key(env), encode(env)
    except Exception as exc:
        return None, error_fields(exc, meta)


def _counting_preparer() -> tuple[Preparer, dict[str, int]]:
    preparer = _preparer
    assert preparer is not None, "pool process started without _start"
    ran: dict[str, int] = {}
    preparer.timings = Timings(lambda stage, _: ran.__setitem__(stage, ran.get(stage, 0) + 1))
    return preparer, ran


def _prepare_chunk(items: list[tuple[bytes, Meta]]) -> tuple[bytes, Stages]:
    preparer, ran = _counting_preparer()
    out: list[dict[str, Any]] = []
    for payload, meta in items:
        env, error = attempt(preparer, payload, meta)
        out.append(env if error is None else {_ERROR: error})
    return orjson.dumps(out), {k: (v, ran[k]) for k, v in preparer.timings.totals.items()}


def _encode_chunk(items: list[tuple[bytes, Meta]], key: Callable[[dict[str, Any]], str],
                  encode: Callable[[dict[str, Any]], bytes]) -> tuple[list[Encoded], Stages]:
    preparer, ran = _counting_preparer()
    out = [attempt_encoded(preparer, payload, meta, key, encode) for payload, meta in items]
    return out, {k: (v, ran[k]) for k, v in preparer.timings.totals.items()}


def _add_stages(totals: Stages, timings: Timings) -> None:
    for stage, (secs, count) in totals.items():
        timings.add_many(stage, secs, count)


def _unpack(blob: bytes, totals: Stages, timings: Timings) -> list[Prepared]:
    """A chunk's results as they left the pool process; its stage times go to ``timings``."""
    _add_stages(totals, timings)
    out: list[Prepared] = []
    for env in orjson.loads(blob):
        err = env.get(_ERROR)
        out.append((None, (err[0], err[1])) if err is not None else (env, None))
    return out


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

    def submit(self, items: list[tuple[bytes, Meta]]) -> Future[tuple[bytes, Stages]]:
        return self._pool.submit(_prepare_chunk, items)

    def submit_encoded(self, items: list[tuple[bytes, Meta]], key: Callable[[dict[str, Any]], str],
                       encode: Callable[[dict[str, Any]], bytes] = orjson.dumps,
                       ) -> Future[tuple[list[Encoded], Stages]]:
        return self._pool.submit(_encode_chunk, items, key, encode)

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
    pending: deque[tuple[list[tuple[bytes, Meta]], Future[tuple[bytes, Stages]]]] = deque()

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
        for (payload, meta), (env, error) in zip(part, _unpack(blob, totals, pipeline.timings), strict=True):
            yield pipeline.run_prepared(env) if error is None else pipeline.reject(payload, meta, *error)


class PrepareService:
    """Prepare processes for the asyncio worker; falsy when there are none.

    The worker starts them when it starts (:meth:`start`, in a thread), or
    the first batch does. A batch is split over the processes and awaited,
    so the event loop runs the keyed agents and Kafka I/O meanwhile.
    """

    def __init__(self, options: PrepareOptions, processes: int, timings: Timings,
                 key: Callable[[dict[str, Any]], str],
                 encode: Callable[[dict[str, Any]], bytes] = orjson.dumps) -> None:
        self.options = options
        self.processes = processes
        self.timings = timings
        # An envelope's routing key and its bytes; pickled to the processes by name.
        self.key, self.encode = key, encode
        self._pool: PreparePool | None = None
        self._starting = threading.Lock()  # start() runs in a thread; one pool only

    def __bool__(self) -> bool:
        return self.processes > 0

    def start(self) -> PreparePool:
        """Start the processes now (blocks ~0.5 s per process; call it off the loop)."""
        with self._starting:
            if self._pool is None:
                self._pool = PreparePool(self.options, max(1, self.processes)).start()
            return self._pool

    async def prepare(self, items: list[tuple[bytes, Meta]]) -> list[Encoded]:
        """Encoded envelopes or refusals for ``items``, in order.

        Raises ``BrokenProcessPool`` when a process died (the pool is then
        dropped and the next call starts a new one); the caller prepares
        that batch itself."""
        pool = self._pool or await asyncio.get_running_loop().run_in_executor(None, self.start)
        step = -(-len(items) // self.processes) or 1
        parts = [items[i:i + step] for i in range(0, len(items), step)]
        try:
            done = await asyncio.gather(*(asyncio.wrap_future(pool.submit_encoded(p, self.key, self.encode))
                                          for p in parts))
        except BrokenProcessPool:
            with self._starting:
                if self._pool is pool:
                    self._pool = None
            pool.close()
            raise
        for _, totals in done:
            _add_stages(totals, self.timings)
        return [r for encoded, _ in done for r in encoded]

    def close(self) -> None:
        with self._starting:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.close()

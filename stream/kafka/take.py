"""Batches of events that wait for input instead of polling for it.

Faust's ``Stream.take_events(max_, within)`` wakes every ``within`` seconds
whether or not an event came, and each wake is a ``mode`` wait that creates
three asyncio tasks. With the worker's batching agents (four then, three
now) and windows of 2-5 ms, an idle worker spent 12.7% of a core waking up
for nothing; with
:func:`take_batches` it spends 0.7% (a worker on a fresh topic, CPU over
10 s; 2-core box). Under a steady 200 articles/s the two cost the same
(``bench/latency.py``: 4.62 ms of worker CPU per article either way): the
wake-ups only matter where the input is quiet, which is most of a live
feed's day and every standby worker.

:func:`take_batches` keeps Faust's contract (a list of at most ``max_``
events, each acked only after the body has handled it, so a crash
redelivers the batch whole) but sleeps until the first event arrives and
only then gives the batch ``within`` seconds to fill. A trickle pays
``within`` once per batch, as before; a burst fills batches of ``max_``.

An exception that leaves the body closes the generator, and the batch is
acked then too, as Faust's does: a process crash redelivers, an exception
does not. The agents turn every stage failure into a dead letter, so only
a failed send or changelog write gets that far, and the worker exits on
those before anything is committed (stream/kafka/fail_fast.py).

It is Faust 0.15.3's ``take_events`` with that one change, and leans on the
same stream internals (``add_processor``, ``_enable_passive``, ``ack``).
The faust-streaming pin (pyproject.toml) is what keeps them stable; the
broker tests exercise every agent that uses this.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import faust
from mode.utils.futures import notify


async def take_batches(stream: faust.StreamT, max_: int, within: float) -> AsyncIterator[list[Any]]:
    """Lists of up to ``max_`` events: the first event that arrives, then
    whatever follows it within ``within`` seconds."""
    events: list[Any] = []
    nonempty = asyncio.Event()
    full = asyncio.Event()
    consumed = asyncio.Event()
    consuming: asyncio.Future[None] | None = None

    async def add(value: Any) -> Any:
        nonlocal consuming
        if consuming is not None:  # the body holds the current batch
            try:
                await consuming
            finally:
                consuming = None
        event = stream.current_event
        if event is None:
            raise RuntimeError("take_batches found no current event")
        events.append(event)
        nonempty.set()
        if len(events) >= max_:
            full.set()
            # At most max_ events per batch: the next waits for this one.
            consumed.clear()
            await stream.wait(consumed)
        return value

    # The body acks each event once it has handled the batch.
    stream.enable_acks = False
    stream.add_processor(add)
    stream._enable_passive(aiter(stream.channel))  # noqa: SLF001  # as take_events does
    while not stream.should_stop:
        await stream.wait_for_stopped(nonempty)
        if events and not full.is_set() and within > 0:
            await stream.wait_for_stopped(full, timeout=within)
        if not events:
            continue
        consuming = asyncio.get_running_loop().create_future()
        try:
            yield list(events)
        finally:
            for event in events:
                await stream.ack(event)
            events.clear()
            nonempty.clear()
            notify(consuming)
            full.clear()
            consumed.set()

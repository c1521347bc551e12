"""take_batches: Faust's take_events contract without idle wake-ups (no broker).

Agents run in Faust's in-memory test context: ``agent.put`` delivers a value
through the agent's stream as a consumed message would.
"""

from __future__ import annotations

import asyncio
from typing import Any

import faust

from stream.kafka.take import take_batches


def _agent(max_: int, within: float, seen: list[list[Any]], gate: asyncio.Event | None = None,
           entered: asyncio.Event | None = None) -> Any:
    app = faust.App("take-test", store="memory://", autodiscover=False)

    @app.agent(app.channel(), concurrency=1)
    async def collect(stream: faust.StreamT) -> None:
        async for events in take_batches(stream, max_, within):
            if entered is not None:
                entered.set()
            if gate is not None:
                await gate.wait()
            seen.append([e.value for e in events])

    return collect


async def _until(cond: Any, timeout: float = 5.0) -> None:
    async def poll() -> None:
        while not cond():
            await asyncio.sleep(0.001)
    await asyncio.wait_for(poll(), timeout)


def test_every_value_arrives_once_in_order_in_batches_of_at_most_max() -> None:
    seen: list[list[Any]] = []

    async def scenario() -> None:
        async with _agent(4, 0.05, seen).test_context() as agent:
            for i in range(10):
                await agent.put(i)
            await _until(lambda: sum(map(len, seen)) == 10)

    asyncio.run(scenario())
    assert [v for batch in seen for v in batch] == list(range(10))
    assert all(1 <= len(b) <= 4 for b in seen)


def test_a_lone_value_is_handed_over_after_the_window_without_more_input() -> None:
    seen: list[list[Any]] = []

    async def scenario() -> None:
        async with _agent(64, 0.01, seen).test_context() as agent:
            await agent.put("only")
            await _until(lambda: bool(seen))

    asyncio.run(scenario())
    assert seen == [["only"]]


def test_values_that_arrive_while_the_body_is_busy_make_the_next_batch() -> None:
    seen: list[list[Any]] = []

    async def scenario() -> None:
        gate, entered = asyncio.Event(), asyncio.Event()
        async with _agent(64, 0.0, seen, gate, entered).test_context() as agent:
            await agent.put("first")
            await asyncio.wait_for(entered.wait(), 5.0)
            # The body now holds ["first"] at the gate; these wait for it.
            puts = asyncio.ensure_future(asyncio.gather(*(agent.put(i) for i in range(3))))
            for _ in range(20):
                await asyncio.sleep(0)
            assert seen == []
            gate.set()
            await _until(lambda: sum(map(len, seen)) == 4)
            await puts

    asyncio.run(scenario())
    assert seen[0] == ["first"]
    assert [v for batch in seen[1:] for v in batch] == [0, 1, 2]


def test_events_are_acked_only_after_the_body_has_handled_their_batch() -> None:
    acked_during_body: list[bool] = []
    app = faust.App("take-ack-test", store="memory://", autodiscover=False)

    @app.agent(app.channel(), concurrency=1)
    async def collect(stream: faust.StreamT) -> None:
        async for events in take_batches(stream, 8, 0.01):
            acked_during_body.extend(e.message.acked for e in events)
            for e in events:
                held.append(e)

    held: list[Any] = []

    async def scenario() -> None:
        async with collect.test_context() as agent:
            for i in range(3):
                await agent.put(i)
            await _until(lambda: len(held) == 3)
            await _until(lambda: all(e.message.acked for e in held))

    asyncio.run(scenario())
    assert acked_during_body == [False, False, False]

"""BrokerProbe: readiness from cached metadata checks, with a fake client."""

from __future__ import annotations

import asyncio

from stream.observability.health import BrokerProbe


class FakeClient:
    def __init__(self, world: dict) -> None:
        self.world = world
        self.closed = False
        self.topics: list[str] = []

    async def bootstrap(self) -> None:
        if not self.world["up"]:
            raise ConnectionError("connection refused")

    def set_topics(self, topics: list[str]) -> None:
        self.topics = topics

    async def force_metadata_update(self) -> bool:
        if self.world.get("hang"):
            await asyncio.sleep(3600)
        return self.world["up"]

    async def close(self) -> None:
        self.closed = True


class Clock:
    def __init__(self) -> None:
        self.t = 0.0

    def __call__(self) -> float:
        return self.t


def make(world: dict, clock: Clock, made: list[FakeClient]) -> BrokerProbe:
    def factory() -> FakeClient:
        made.append(FakeClient(world))
        return made[-1]

    return BrokerProbe(factory, "p-news.raw", timeout=0.05, stale_after=10.0, clock=clock)


def test_unreachable_until_a_check_succeeds_then_stale_after_failures() -> None:
    world, clock, made = {"up": True}, Clock(), []
    probe = make(world, clock, made)
    assert not probe.reachable()
    assert asyncio.run(probe.check())
    assert probe.reachable() and made[0].topics == ["p-news.raw"]
    world["up"] = False
    clock.t = 5.0
    assert not asyncio.run(probe.check())
    assert probe.reachable()  # the last success is still fresh
    clock.t = 10.5
    assert not probe.reachable()
    assert "metadata" in probe.last_error


def test_bootstrap_failure_is_retried_with_a_new_client() -> None:
    world, clock, made = {"up": False}, Clock(), []
    probe = make(world, clock, made)
    assert not asyncio.run(probe.check())
    assert made[0].closed and "refused" in probe.last_error
    world["up"] = True
    assert asyncio.run(probe.check())
    assert len(made) == 2 and probe.reachable()


def test_a_hanging_broker_times_out_instead_of_blocking() -> None:
    world, clock, made = {"up": True}, Clock(), []
    probe = make(world, clock, made)
    assert asyncio.run(probe.check())
    world["hang"] = True
    clock.t = 20.0
    assert not asyncio.run(probe.check())
    assert not probe.reachable() and made[0].closed
    assert "Timeout" in probe.last_error

"""wait_group_ready: every worker ready, and in one generation."""

from __future__ import annotations

from typing import Any

import pytest

from stream.errors import NewsstreamError
from stream.kafka.runner import wait_group_ready


class FakeWorker:
    """Answers /readyz from a script of bodies; the last one repeats."""

    def __init__(self, *bodies: dict[str, Any] | None) -> None:
        self.bodies = list(bodies)

    def exited(self) -> None:
        pass

    def readiness(self) -> dict[str, Any] | None:
        return self.bodies.pop(0) if len(self.bodies) > 1 else self.bodies[0]


def ready(generation: int) -> dict[str, Any]:
    return {"ready": True, "generation": generation, "assigned_partitions": 3}


def recovering(generation: int) -> dict[str, Any]:
    return {"ready": False, "generation": generation, "assigned_partitions": 3}


def test_waits_for_the_first_worker_to_reach_the_second_ones_generation() -> None:
    # w1 was ready alone (generation 1), then recovers generation 2 while w2
    # already reports ready in it: not a group ready to take a replay.
    w1 = FakeWorker(ready(1), recovering(2), ready(2))
    w2 = FakeWorker(None, ready(2))
    assert wait_group_ready([w1, w2], timeout=5) == 2
    assert w1.bodies == [ready(2)]


def test_ready_in_different_generations_is_not_ready() -> None:
    with pytest.raises(NewsstreamError, match="one generation"):
        wait_group_ready([FakeWorker(ready(1)), FakeWorker(ready(2))], timeout=0.6)


def test_a_worker_that_exited_fails_at_once() -> None:
    class Dead(FakeWorker):
        def exited(self) -> None:
            raise NewsstreamError("worker exited with 1")

    with pytest.raises(NewsstreamError, match="exited"):
        wait_group_ready([FakeWorker(ready(1)), Dead(None)], timeout=30)

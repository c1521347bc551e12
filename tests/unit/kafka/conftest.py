"""A stand-in for the aiokafka producer that Faust owns (no broker)."""

from __future__ import annotations

import asyncio
from types import SimpleNamespace
from typing import Any

import pytest


class FakeBatch:
    """aiokafka's BatchBuilder: full after ``capacity`` records; a closed one takes none."""

    def __init__(self, capacity: int) -> None:
        self.capacity = capacity
        self.records: list[tuple[bytes | None, bytes | None, Any]] = []
        self.closed = False

    def append(self, *, timestamp: float | None, key: bytes | None, value: bytes | None,
               headers: Any = None) -> object | None:
        if self.closed or len(self.records) >= self.capacity:
            return None
        self.records.append((key, value, list(headers) if headers else None))
        return object()

    def close(self) -> None:
        self.closed = True


class FakeProducer:
    """Records every send in order (``sent``: one dict per record) and gives
    the delivery futures to the test (``deliveries``), which resolve them:
    ``ack_all()`` with RecordMetadata-like objects (a batch's offset is its
    first record's), or ``set_exception`` on one."""

    def __init__(self, batch_capacity: int = 1000) -> None:
        self.batch_capacity = batch_capacity
        #: Topic -> partition ids, as the producer's metadata has them (none: unknown topic).
        self.partitions: dict[str, set[int]] = {}
        self.client = SimpleNamespace(cluster=SimpleNamespace(partitions_for_topic=self.partitions.get))
        self.sent: list[dict[str, Any]] = []
        self.batches: list[dict[str, Any]] = []
        self.deliveries: list[asyncio.Future[Any]] = []
        self._next_offset: dict[tuple[str, int | None], int] = {}

    def _delivery(self, topic: str, partition: int | None, n: int) -> asyncio.Future[Any]:
        offset = self._next_offset.get((topic, partition), 0)
        self._next_offset[topic, partition] = offset + n
        fut = asyncio.get_running_loop().create_future()
        fut.meta = SimpleNamespace(topic=topic, partition=partition, offset=offset)  # type: ignore[attr-defined]
        self.deliveries.append(fut)
        return fut

    async def send(self, topic: str, value: bytes | None = None, key: bytes | None = None,
                   partition: int | None = None, headers: Any = None) -> asyncio.Future[Any]:
        self.sent.append({"topic": topic, "partition": partition, "key": key, "value": value, "headers": headers})
        return self._delivery(topic, partition, 1)

    def create_batch(self) -> FakeBatch:
        return FakeBatch(self.batch_capacity)

    async def send_batch(self, batch: FakeBatch, topic: str, *, partition: int) -> asyncio.Future[Any]:
        self.batches.append({"topic": topic, "partition": partition, "records": len(batch.records),
                             "closed": batch.closed})
        self.sent.extend({"topic": topic, "partition": partition, "key": k, "value": v, "headers": h}
                         for k, v, h in batch.records)
        return self._delivery(topic, partition, len(batch.records))

    def ack_all(self) -> None:
        for fut in self.deliveries:
            if not fut.done():
                fut.set_result(fut.meta)  # type: ignore[attr-defined]


@pytest.fixture
def fake_producer() -> FakeProducer:
    return FakeProducer()

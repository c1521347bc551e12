"""Envelopes travel between the keyed agents in per-partition batches.

A Kafka record costs Faust and aiokafka far more than the stage code it
carries: per hop, a send, a fetch, an event with its acks and sensors
(bench/README.md, worker profile). So an agent that handled several
envelopes at once forwards them as one record per destination partition, a
JSON array of envelopes, instead of one record each.

Correctness rests on two facts:
- an envelope goes to ``partition_for(key)``, the partition Kafka's own
  default partitioner gives a record with that key, so a routing key's state
  stays in one partition whatever the batch;
- a batch holds envelopes for one partition only, so the table writes made
  while its event is processed land in that partition's changelog (Faust
  writes a table change to the changelog partition of the current event).
Order within a partition is kept: batches are sent in order and unpacked in
order. Under light load a batch holds one envelope, as before.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import orjson
from aiokafka.partitioner import murmur2

# A batch record stays well under the producer's 8 MiB request limit
# (stream/kafka/app.py) whatever the envelopes weigh: an envelope heavier
# than this travels alone.
MAX_BATCH_BYTES = 1024 * 1024


def partition_for(key: bytes, partitions: int) -> int:
    """Kafka's default partitioner for a keyed record (murmur2, positive)."""
    return (murmur2(key) & 0x7FFFFFFF) % partitions


class Outbox:
    """Envelopes gathered per (route, partition), in arrival order."""

    def __init__(self, partitions: int) -> None:
        self.partitions = partitions
        self._parts: dict[tuple[str, int], list[bytes]] = {}

    def add(self, route: str, key: str, env: dict[str, Any]) -> None:
        self.add_encoded(route, key, orjson.dumps(env))

    def add_encoded(self, route: str, key: str, env: bytes) -> None:
        """An envelope already encoded (orjson)."""
        p = partition_for(key.encode(), self.partitions)
        self._parts.setdefault((route, p), []).append(env)

    def __bool__(self) -> bool:
        return bool(self._parts)

    def records(self) -> Iterator[tuple[str, int, bytes]]:
        """(route, partition, value) for each batch record, in order."""
        for (route, p), parts in self._parts.items():
            size, start = 0, 0
            for i, part in enumerate(parts):
                if size and size + len(part) > MAX_BATCH_BYTES:
                    yield route, p, _array(parts[start:i])
                    size, start = 0, i
                size += len(part) + 1
            yield route, p, _array(parts[start:])
        self._parts.clear()


def _array(parts: list[bytes]) -> bytes:
    return b"[" + b",".join(parts) + b"]"


def unpack(value: bytes) -> list[dict[str, Any]]:
    """The envelopes of a batch record (a lone envelope object is accepted)."""
    data = orjson.loads(value)
    return data if isinstance(data, list) else [data]

"""Tables whose changelog writes are sent once per batch and awaited: state before output.

A Faust table write goes to the local store at once and to its changelog
topic later. An output sent right after the write can reach Kafka first. If
the worker dies between the two, the output exists but the state that
produced it is gone: the redelivered input meets a table that never saw it
and may decide differently (a second story for the same copy, a second
"unique"). So a keyed agent handles a batch, awaits
:meth:`DurableTable.durable`, and only then publishes what the batch
decided. A crash can then only lose outputs whose state survived, which
redelivery handles: every stage recognises an article it has already
recorded (tests/integration/reliability).

Faust sends each write through its per-record path (a ``FutureMessage``,
the producer buffer's queue, send sensors, and on the ack a write of the
persisted offset into the store). At ~3 writes per article that path was a
large share of the worker's CPU outside the pipeline code, so at
:meth:`durable` the batch's writes go to the aiokafka producer directly, as
one closed batch per partition, which aiokafka sends at once instead of
waiting for the producer's linger (``durable()`` waits for the ack anyway),
and the persisted offset is written once per partition (the store reads it
only at start-up, to know which changelog records it already holds). What Faust
still sees: the table-operation sensors, and the producer flush before every
commit, which covers these sends too. Transactions (the experimental
exactly-once mode) keep Faust's path, which ties sends to them.

On a RocksDB store a key and value are encoded once for both the store and
the changelog (Faust encodes them once for each), and a read is one store
lookup (Faust asks the store whether it holds the key, then reads it). The
bytes must be the same either way: recovery writes the changelog's bytes
into the store as they are, and later reads look the encoded key up there.
In a burst of 3,000 Reuters articles the table writes and reads took ~15% of
the worker's main thread (py-spy, bench/profile_worker.py). The app's
tables are JSON tables of plain values, whose keys and values go straight
through orjson as Faust's json codec ends up doing, without the serializer
registry's layers. Reads, writes and deletes go to the event partition's
database directly: Faust's store also keeps an index of recently used keys
for its own lookups, and deletes a key it does not find there from every
partition's database. Side by side (bench/store_ops.py, CPU per operation,
ours over Faust's): 0.11-0.13 to encode a key, ~0.6 to encode a story and
to decode it, 0.18-0.23 to delete an expired key on six partitions.

A record Kafka refuses ends the process before anything is committed, as
Faust's sends do (stream/kafka/fail_fast.py).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

import faust
import orjson
from faust.stores.base import SerializedStore
from faust.stores.rocksdb import Store as RocksStore
from faust.streams import current_event
from faust.types import TP
from faust.utils.json import on_default

from stream.kafka.direct import Record, count_sent, refused, send_batches
from stream.kafka.fail_fast import exit_refused


# Faust's json codec: orjson with these options and its own default hook
# (faust/utils/json.py, faust-streaming 0.15.3).
_FAUST_JSON = orjson.OPT_NON_STR_KEYS | orjson.OPT_UTC_Z
# Values Faust's codec serialises as they are (bytes pass raw, models dump themselves).
_PLAIN = frozenset({dict, list, str, int, float, bool, type(None)})


class DurableTable(faust.Table):  # type: ignore[misc]  # faust ships no type stubs for Table's generics
    """A ``faust.Table`` whose changelog records wait for :meth:`durable`,
    which sends them and returns once the broker has acked them all."""

    #: Called with the exception (and ``topic=``) when Kafka refuses a changelog record.
    on_refused: Callable[..., Any] = staticmethod(exit_refused)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._queued: list[tuple[int, Any, Any]] = []  # (partition, key bytes, value bytes or None)
        self._unacked: list[asyncio.Future[Any]] = []  # sends made through Faust's path
        self._plain_json = self.key_type is None and self.value_type is None \
            and self.key_serializer == self.value_serializer == "json"

    def _encode_key(self, key: Any) -> bytes:
        if self._plain_json and type(key) is str:
            return orjson.dumps(key)  # what Faust's json codec makes of a str
        return self.data._encode_key(key)  # type: ignore[no-any-return]

    def _encode_value(self, value: Any) -> bytes | None:
        if self._plain_json and type(value) in _PLAIN:
            return orjson.dumps(value, default=on_default, option=_FAUST_JSON)
        return self.data._encode_value(value)  # type: ignore[no-any-return]

    # Faust would also turn a dict holding its model marker back into a
    # model; the app stores plain values only. The expiry sweep decodes its
    # chunks with these too (stream/kafka/expiry.py).
    def _decode_key(self, raw: bytes) -> Any:
        return orjson.loads(raw) if self._plain_json else self.data._decode_key(raw)

    def _decode_value(self, raw: bytes) -> Any:
        return orjson.loads(raw) if self._plain_json else self.data._decode_value(raw)

    def get(self, key: Any, default: Any = None) -> Any:
        # Returns ``default`` for a missing key, as any Mapping does; Faust's
        # path would return the table's default factory's value instead. The
        # app's tables have none (default=None), so both agree here.
        store = self.data
        if not isinstance(store, SerializedStore):  # the memory store: Faust's path
            return super().get(key, default)
        self._sensor_on_get(self, key)
        key_bytes = self._encode_key(key)
        event = current_event()
        if isinstance(store, RocksStore) and event is not None and not self.is_global and not self.use_partitioner:
            # Faust's own lookup (Store._get), without its key-index update
            # (see __delitem__).
            raw = store._db_for_partition(event.message.partition).get(key_bytes)
        else:
            raw = store._get(key_bytes)
        return default if raw is None else self._decode_value(raw)

    def __setitem__(self, key: Any, value: Any) -> None:
        partition = self.partition_for_key(key)
        if partition is None or self.app.in_transaction:
            return super().__setitem__(key, value)  # Faust's path: it sends at once
        store = self.data
        key_bytes, value_bytes = self._encode_key(key), self._encode_value(value)
        self._queued.append((partition, key_bytes, value_bytes))
        self._sensor_on_set(self, key, value)
        if isinstance(store, RocksStore):
            store._db_for_partition(partition).put(key_bytes, value_bytes)
        elif isinstance(store, SerializedStore):
            store._set(key_bytes, value_bytes)
        else:  # the memory store keeps the objects
            store[key] = value

    def __delitem__(self, key: Any) -> None:
        partition = self.partition_for_key(key)
        if partition is None or self.app.in_transaction:
            return super().__delitem__(key)
        store = self.data
        key_bytes = self._encode_key(key)
        self._queued.append((partition, key_bytes, None))  # a tombstone
        self._sensor_on_del(self, key)
        if isinstance(store, RocksStore):
            # The key lives in this partition's database: Faust writes a key
            # to the database of the event's partition, as its changelog
            # record, and the app routes each key to one partition. Faust's
            # Store._del deletes from every partition's database unless the
            # key is in its index of recently used keys (1,000 by default),
            # which the keys that expire, a week old, never are: a tombstone
            # in each of the six databases per expired key.
            store._db_for_partition(partition).delete(key_bytes)
        elif isinstance(store, SerializedStore):
            store._del(key_bytes)
        else:
            del store[key]

    def send_changelog(self, *args: Any, **kwargs: Any) -> Any:
        fut = super().send_changelog(*args, **kwargs)
        self._unacked.append(fut)
        return fut

    async def durable(self) -> None:
        """Send the changelog records written so far; return once every one is acked."""
        queued, self._queued = self._queued, []
        pending, self._unacked = self._unacked, []
        try:
            last = await self._send(queued) if queued else {}
            if pending:
                await asyncio.gather(*pending)
        except Exception as exc:  # refused for good: aiokafka has retried what it can
            refused(self.app, exc, self.changelog_topic.get_topic_name(), self.on_refused)
            raise
        topic = self.changelog_topic.get_topic_name()
        for partition, offset in last.items():
            self.data.set_persisted_offset(TP(topic, partition), offset)
        if queued:
            count_sent(self.app, topic, len(queued))

    async def _send(self, queued: list[tuple[int, Any, Any]]) -> dict[int, int]:
        """Send as one closed batch per partition (no linger: ``durable()``
        waits for them); the last acked offset by partition."""
        producer = self.app.producer._ensure_producer()  # the aiokafka producer Faust sends with
        topic = self.changelog_topic.get_topic_name()
        by_partition: dict[int, list[Record]] = {}
        for partition, key, value in queued:
            by_partition.setdefault(partition, []).append((key, value, None))
        sent: list[tuple[int, asyncio.Future[Any], int]] = []
        for partition, records in by_partition.items():
            sent.extend((partition, delivery, n) for delivery, n in await send_batches(producer, topic, partition, records))
        last: dict[int, int] = {}
        for (partition, _, n), meta in zip(sent, await asyncio.gather(*(d for _, d, _ in sent)), strict=True):
            if meta is not None:  # None: acks=0, nothing to persist
                last[partition] = max(last.get(partition, -1), meta.offset + n - 1)
        return last

"""Sends that skip Faust's per-record send path.

``Topic.send`` builds a ``PendingMessage`` and a ``FutureMessage``, runs the
send sensors before and after, and attaches Faust's callbacks; the bytes
then go to the aiokafka producer that Faust owns. The worker's records are
already bytes with their partition or key decided, so :class:`DirectSender`
hands them to that producer itself (bench/README.md has what it saves).
Records whose batch is complete (a hop's records, a keyed agent's outputs,
a table's changelog at ``durable()``) go as closed batches
(:func:`send_batches`), which aiokafka sends at once instead of waiting for
the producer's linger; dead letters, sent one by one, wait for it.

What is kept of Faust's path:
- delivery before commit: Faust flushes this producer before every commit;
- a record Kafka refuses ends the process before that commit
  (stream/kafka/fail_fast.py), from the delivery future's callback, as
  Faust's send-error sensor does;
- the per-topic sent counter of the dashboard, bumped as Faust's sensor does.

Under transactions (the experimental exactly-once mode) every send takes
Faust's path, which ties it to the transaction.
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import faust

from stream.kafka.batches import partition_for
from stream.kafka.fail_fast import exit_refused


Headers = Sequence[tuple[str, bytes]]
#: (key, value, headers) of one record.
Record = tuple[bytes | None, bytes | None, Headers | None]


async def send_batches(producer: Any, topic: str, partition: int,
                       records: Iterable[Record]) -> list[tuple[asyncio.Future[Any], int]]:
    """Records for one partition, sent as closed batches: (delivery, record count) per batch.

    The producer sends a closed batch at once, where a record given to
    ``send()`` waits for the linger (5 ms) in case more follow. Callers
    that already hold all their records (a batch's changelog, a hop's
    records) save that wait per hop. The delivery resolves to the batch's
    RecordMetadata, whose offset is the first record's.
    """
    out: list[tuple[asyncio.Future[Any], int]] = []
    batch, n = producer.create_batch(), 0
    for key, value, headers in records:
        hdrs = list(headers) if headers else []
        if batch.append(key=key, value=value, timestamp=None, headers=hdrs) is None:  # full
            out.append((await _submit(producer, batch, topic, partition), n))
            batch, n = producer.create_batch(), 0
            batch.append(key=key, value=value, timestamp=None, headers=hdrs)  # a batch's first record always fits
        n += 1
    if n:
        out.append((await _submit(producer, batch, topic, partition), n))
    return out


async def _submit(producer: Any, batch: Any, topic: str, partition: int) -> asyncio.Future[Any]:
    batch.close()  # aiokafka sends a closed batch without lingering
    return await producer.send_batch(batch, topic, partition=partition)


def faust_metrics(app: faust.App) -> Any:
    """The Prometheus monitor's metrics (``_metrics`` in faust-streaming
    0.15.3, pinned), or None when the app has no such monitor."""
    return getattr(app.monitor, "_metrics", None)


def count_sent(app: faust.App, topic: str, n: int) -> None:
    """Bump Faust's per-topic sent counter, which the dashboard's "sent per
    topic" panel reads; Faust's send sensor, which these sends pass by,
    bumps it per record. Apps without the worker's monitor
    (stream/kafka/monitor.py) have no such counter."""
    sent_counter = getattr(app.monitor, "sent_counter", None)
    if sent_counter is not None:
        sent_counter(topic).inc(n)


def refused(app: faust.App, exc: BaseException, topic: str,
            on_refused: Callable[..., Any] = exit_refused) -> None:
    """A send Kafka refused for good: counted where Faust's send sensor
    counts it (alert NewsstreamProduceErrors), then ``on_refused``."""
    metrics = faust_metrics(app)
    if metrics is not None:
        metrics.total_error_messages_sent.inc()
    on_refused(exc, topic=topic)


class DirectSender:
    def __init__(self, app: faust.App, on_refused: Callable[..., Any] = exit_refused) -> None:
        self.app = app
        self.on_refused = on_refused

    async def send(self, topic: faust.TopicT, value: bytes, *, key: bytes | None = None,
                   partition: int | None = None, headers: Headers | None = None) -> None:
        """One record, which waits for the producer's linger."""
        if self.app.in_transaction:
            await topic.send(key=key, value=value, partition=partition, headers=headers)
            return
        name = topic.get_topic_name()
        producer = self.app.producer._ensure_producer()  # the aiokafka producer Faust sends with
        delivery = await producer.send(name, value=value, key=key, partition=partition,
                                       headers=list(headers) if headers else None)
        self._watch(name, delivery, 1)

    async def send_now(self, topic: faust.TopicT, partition: int, values: Sequence[bytes]) -> None:
        """Unkeyed records for one partition, sent without the producer's linger."""
        if self.app.in_transaction:
            for value in values:
                await topic.send(value=value, partition=partition)
            return
        await self._send_partition(topic.get_topic_name(), partition, [(None, v, None) for v in values])

    async def send_keyed(self, records: Sequence[tuple[faust.TopicT, bytes, bytes, Headers | None]]) -> None:
        """Keyed records, all known: grouped by topic and partition (Kafka's
        default partitioner, as ``send()`` would pick) and sent at once as
        closed batches, in order within each partition."""
        if self.app.in_transaction:
            for topic, key, value, headers in records:
                await self.send(topic, value, key=key, headers=headers)
            return
        cluster = self.app.producer._ensure_producer().client.cluster
        partitions: dict[str, int] = {}  # topic -> partition count, looked up once per call
        groups: dict[tuple[str, int], list[Record]] = {}
        for topic, key, value, headers in records:
            name = topic.get_topic_name()
            n = partitions.get(name)
            if n is None:
                n = partitions[name] = len(cluster.partitions_for_topic(name) or ())
            if not n:  # no metadata yet: send() waits for it
                await self.send(topic, value, key=key, headers=headers)
                continue
            groups.setdefault((name, partition_for(key, n)), []).append((key, value, headers))
        for (name, partition), group in groups.items():
            await self._send_partition(name, partition, group)

    async def _send_partition(self, name: str, partition: int, records: list[Record]) -> None:
        producer = self.app.producer._ensure_producer()
        for delivery, n in await send_batches(producer, name, partition, records):
            self._watch(name, delivery, n)

    def _watch(self, topic: str, delivery: asyncio.Future[Any], n: int) -> None:
        """Count ``n`` sent records; a refusal of them ends the process."""
        delivery.add_done_callback(functools.partial(self._delivered, topic))
        count_sent(self.app, topic, n)

    def _delivered(self, topic: str, delivery: asyncio.Future[Any]) -> None:
        if not delivery.cancelled() and delivery.exception() is not None:
            refused(self.app, delivery.exception(), topic, self.on_refused)

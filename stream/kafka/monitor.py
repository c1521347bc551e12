"""Faust's Prometheus monitor with the labelled children of its per-event hooks kept.

faust-streaming's ``PrometheusMonitor`` (0.15.3, pinned) calls ``labels()``
in every per-message hook: message in, stream event in (with a regular
expression over the stream's label each time), table get, set and delete,
send, fetched end offset. ``labels()`` validates the label values and looks
the child up under the metric's lock. Over the worker's three hops that is
~16 calls per article: in a burst of 3,000 Reuters articles Faust's sensors
took 14.6% of the worker's main thread, ``labels()`` and the stream-label
regex alone 6% (py-spy, ``bench/profile_worker.py --n 3000 --tool py-spy``).

:class:`CachedPrometheusMonitor` overrides those hooks only: each keeps the
children it has looked up, by topic, partition, stream or table. Everything
else, and every metric name and label value, is Faust's, so dashboards and
alert rules read the same series. Faust removes the topic and partition
children at every rebalance (a worker stops exporting partitions it lost);
the kept children go with them, so the next event makes a fresh one.
"""

from __future__ import annotations

from typing import Any

from faust.sensors.monitor import Monitor
from faust.sensors.prometheus import FaustMetrics, PrometheusMonitor
from faust.types import TP


class CachedPrometheusMonitor(PrometheusMonitor):  # type: ignore[misc]  # faust ships no stubs
    def __init__(self, metrics: FaustMetrics, **kwargs: Any) -> None:
        super().__init__(metrics, **kwargs)
        # Children whose series Faust removes at a rebalance: dropped with them.
        self._received: dict[TP, tuple[Any, Any]] = {}  # tp -> (per-topic counter, read-offset gauge)
        self._sent: dict[str, Any] = {}
        self._end_offsets: dict[TP, Any] = {}
        # Children Faust never removes. Streams are kept by strong reference
        # (a weak-keyed lookup costs what it saves), until the next rebalance.
        self._events: dict[Any, Any] = {}  # stream -> counter
        self._table_ops: dict[tuple[str, str], Any] = {}

    # -- per-message hooks -------------------------------------------------
    def on_message_in(self, tp: TP, offset: int, message: Any) -> None:
        Monitor.on_message_in(self, tp, offset, message)
        m = self._metrics
        m.messages_received.inc()
        m.active_messages.inc()
        try:
            received, position = self._received[tp]
        except KeyError:
            received, position = self._received[tp] = (
                m.messages_received_per_topics.labels(topic=tp.topic),
                m.messages_received_per_topics_partition.labels(topic=tp.topic, partition=tp.partition))
        received.inc()
        position.set(offset)

    def on_stream_event_in(self, tp: TP, offset: int, stream: Any, event: Any) -> dict | None:
        state = Monitor.on_stream_event_in(self, tp, offset, stream, event)
        m = self._metrics
        m.total_events.inc()
        m.total_active_events.inc()
        try:
            events = self._events[stream]
        except KeyError:
            events = self._events[stream] = m.total_events_per_stream.labels(
                stream=f"stream.{self._stream_label(stream)}.events")
        events.inc()
        return state

    def on_table_get(self, table: Any, key: Any) -> None:
        Monitor.on_table_get(self, table, key)
        self._table_op(table.name, self.KEYS_RETRIEVED).inc()

    def on_table_set(self, table: Any, key: Any, value: Any) -> None:
        Monitor.on_table_set(self, table, key, value)
        self._table_op(table.name, self.KEYS_UPDATED).inc()

    def on_table_del(self, table: Any, key: Any) -> None:
        Monitor.on_table_del(self, table, key)
        self._table_op(table.name, self.KEYS_DELETED).inc()

    def on_send_initiated(self, producer: Any, topic: str, message: Any, keysize: int, valsize: int) -> Any:
        self.sent_counter(topic).inc()
        return Monitor.on_send_initiated(self, producer, topic, message, keysize, valsize)

    def track_tp_end_offset(self, tp: TP, offset: int) -> None:
        Monitor.track_tp_end_offset(self, tp, offset)
        try:
            gauge = self._end_offsets[tp]
        except KeyError:
            gauge = self._end_offsets[tp] = self._metrics.topic_partition_end_offset.labels(
                topic=tp.topic, partition=tp.partition)
        gauge.set(offset)

    # -- children ------------------------------------------------------------
    def sent_counter(self, topic: str) -> Any:
        """The "messages sent" child of ``topic`` (the dashboard's "sent per
        topic" panel); also bumped for the sends that pass Faust by
        (stream/kafka/direct.py)."""
        try:
            return self._sent[topic]
        except KeyError:
            child = self._sent[topic] = self._metrics.topic_messages_sent.labels(topic=f"topic.{topic}")
            return child

    def _table_op(self, table: str, operation: str) -> Any:
        try:
            return self._table_ops[table, operation]
        except KeyError:
            child = self._table_ops[table, operation] = self._metrics.table_operations.labels(
                table=f"table.{table}", operation=operation)
            return child

    def _clear_partition_related_metrics(self) -> None:
        super()._clear_partition_related_metrics()
        self._received.clear()
        self._sent.clear()
        self._end_offsets.clear()
        self._events.clear()  # an agent's restarted stream replaces the old one

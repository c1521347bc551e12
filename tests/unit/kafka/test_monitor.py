"""CachedPrometheusMonitor exports what Faust's PrometheusMonitor exports (no broker)."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from faust.sensors.prometheus import FaustMetrics, PrometheusMonitor
from faust.types import TP
from prometheus_client import CollectorRegistry

from stream.kafka.monitor import CachedPrometheusMonitor


class _Task:
    pass


class _Stream:
    def __init__(self, label: str) -> None:
        self.shortlabel = f"Stream: {label}"
        self.task_owner = _Task()

    def __str__(self) -> str:
        return self.shortlabel


def _drive(monitor: Any) -> None:
    """The per-event hooks a worker calls, a rebalance in between."""
    raw, hop = TP("news.raw", 0), TP("story-route", 3)
    streams = [_Stream("news.raw"), _Stream("story-route")]
    tables = [SimpleNamespace(name="stories"), SimpleNamespace(name="dedup-url")]
    app = SimpleNamespace(rebalancing_count=1)
    for round_ in range(2):
        for offset in range(3):
            for tp, stream in zip((raw, hop), streams, strict=True):
                monitor.on_message_in(tp, offset, SimpleNamespace(time_in=None))
                monitor.on_stream_event_in(tp, offset, stream, None)
                monitor.track_tp_end_offset(tp, 10 * round_ + offset)
            for table in tables:
                monitor.on_table_get(table, "k")
                monitor.on_table_set(table, "k", 1)
            monitor.on_table_del(tables[0], "k")
            monitor.on_send_initiated(None, "news.enriched", None, 1, 2)
        if round_ == 0:
            # Faust removes the topic and partition series here: the kept
            # children must not go on counting into removed series.
            monitor.on_rebalance_start(app)


def _samples(registry: CollectorRegistry) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    return {(s.name, tuple(sorted(s.labels.items()))): s.value
            for family in registry.collect() for s in family.samples
            if not s.name.endswith("_created") and "latency" not in s.name}


def test_the_cached_monitor_exports_the_same_series_as_faust() -> None:
    faust_registry, cached_registry = CollectorRegistry(), CollectorRegistry()
    _drive(PrometheusMonitor(metrics=FaustMetrics.create(faust_registry, "t")))
    cached = CachedPrometheusMonitor(metrics=FaustMetrics.create(cached_registry, "t"))
    _drive(cached)
    expected = _samples(faust_registry)
    # The drive reached every per-event series, after the rebalance too.
    assert expected[("t_topic_messages_sent_total", (("topic", "topic.news.enriched"),))] == 3
    assert expected[("t_topic_partition_end_offset", (("partition", "3"), ("topic", "story-route")))] == 12
    assert expected[("t_table_operations_total", (("operation", "keys_deleted"), ("table", "table.stories")))] == 6
    assert _samples(cached_registry) == expected
    cached.sent_counter("news.enriched").inc(4)
    assert cached_registry.get_sample_value("t_topic_messages_sent_total", {"topic": "topic.news.enriched"}) == 7

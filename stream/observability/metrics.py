"""The pipeline's own Prometheus metrics (``newsstream_`` prefix).

A :class:`Metrics` object owns its collectors on a registry it is given, so
tests and the offline ``process`` command can build as many as they like; the
worker registers one on the registry that Faust's Prometheus sensor also uses,
so ``/metrics`` serves both.

Label values are all from closed sets (outcomes, dead-letter reason codes,
duplicate kinds, IPTC *top-level* codes, status vocabulary, severities, stage
names): no URL, id or free text ever becomes a label.
"""

from __future__ import annotations

from typing import Any

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram

#: Stage names used as the ``stage`` label of ``newsstream_stage_seconds``.
STAGES = ("parse", "clean", "dedup", "subjects", "status", "story", "serialise")

# Latency buckets in seconds: stage work is sub-millisecond to tens of ms;
# end-to-end spans hops through Kafka (tens of ms to seconds), and
# "since published" can be minutes to hours for a late scrape.
_STAGE_BUCKETS = (0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1.0)
_E2E_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)
_PUBLISHED_BUCKETS = (1, 5, 15, 30, 60, 300, 900, 3600, 4 * 3600, 24 * 3600, 7 * 24 * 3600)


class Metrics:
    def __init__(self, registry: CollectorRegistry | None = None) -> None:
        self.registry = registry if registry is not None else CollectorRegistry()
        r = self.registry
        self.articles = Counter(
            "newsstream_articles",
            "Raw messages processed, by outcome (enriched, update, duplicate, deadletter).",
            ["outcome"],
            registry=r,
        )
        self.duplicates = Counter(
            "newsstream_duplicates", "Duplicates found, by kind (exact, near).", ["kind"], registry=r
        )
        self.deadletters = Counter(
            "newsstream_deadletters", "Dead letters, by stable reason code.", ["reason"], registry=r
        )
        self.subjects = Counter(
            "newsstream_subjects",
            "Subjects assigned to unique articles, by IPTC top-level code.",
            ["code"],
            registry=r,
        )
        self.status_assertions = Counter(
            "newsstream_status_assertions",
            "Articles whose headline/lede asserts a status change, by status.",
            ["status"],
            registry=r,
        )
        self.breaking_events = Counter(
            "newsstream_breaking_events",
            "Breaking events published, by status and severity.",
            ["status", "severity"],
            registry=r,
        )
        self.stage_seconds = Histogram(
            "newsstream_stage_seconds",
            "CPU time per article in each pipeline stage.",
            ["stage"],
            buckets=_STAGE_BUCKETS,
            registry=r,
        )
        self.latency_from_arrival = Histogram(
            "newsstream_latency_from_arrival_seconds",
            "From the raw message's Kafka timestamp to its output record being sent.",
            buckets=_E2E_BUCKETS,
            registry=r,
        )
        self.latency_from_published = Histogram(
            "newsstream_latency_from_published_seconds",
            "From the article's published_at to its output record being sent.",
            buckets=_PUBLISHED_BUCKETS,
            registry=r,
        )
        self.table_entries = Gauge(
            "newsstream_table_entries",
            "Entries in each state table on this worker.",
            ["table"],
            registry=r,
        )
        self.stories_active = Gauge(
            "newsstream_stories_active", "Stories in their active window on this worker.", registry=r
        )
        self.consumer_lag = Gauge(
            "newsstream_consumer_lag_messages",
            "Messages between the committed offset and the end of each input partition.",
            ["topic", "partition"],
            registry=r,
        )
        self.oldest_unprocessed_age = Gauge(
            "newsstream_oldest_unprocessed_age_seconds",
            "Age of the oldest raw message not yet processed (0 when caught up).",
            registry=r,
        )
        self.last_processed_timestamp = Gauge(
            "newsstream_last_processed_timestamp_seconds",
            "Unix time at which the worker last finished processing a raw message.",
            registry=r,
        )
        self._children: dict[tuple[Any, tuple[str, ...]], Any] = {}

    def child(self, metric: Any, *labels: str) -> Any:
        """``metric.labels(*labels)``, looked up once per label values: the
        per-article counters are bumped ~5 times per article, and
        ``labels()`` validates and locks on each call. Only for metrics whose
        children are never removed (not ``consumer_lag``)."""
        key = (metric, labels)
        try:
            return self._children[key]
        except KeyError:
            found = self._children[key] = metric.labels(*labels)
            return found

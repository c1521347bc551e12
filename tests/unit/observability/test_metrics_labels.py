"""No unbounded label values: after the demo stream, every label value is from a closed set."""

from __future__ import annotations

import re
from pathlib import Path

from prometheus_client import CollectorRegistry

from stream.observability.metrics import STAGES, Metrics
from stream.pipeline.offline import EventClock, Pipeline, read_lines
from stream.pipeline.prepare import Meta, Timings
from stream.pipeline.routing import observe_latency

REPO = Path(__file__).resolve().parents[3]
DEMO = REPO / "stream" / "demo" / "stream.jsonl"

# Label name -> what its values may look like. Anything else (a URL, an id, a
# story id, a headline) fails. ``source`` is absent on purpose: outlets are
# unbounded, so a source label would need a cap first.
ALLOWED = {
    "outcome": re.compile(r"(enriched|update|duplicate|deadletter)"),
    "kind": re.compile(r"(exact|near)"),
    "reason": re.compile(r"[a-z][a-z0-9_]{2,40}"),
    "code": re.compile(r"medtop:[0-9]{8}"),
    "status": re.compile(r"[a-z][a-z_]{2,30}"),
    "severity": re.compile(r"(low|medium|high|critical|minor|major|[a-z]{3,12})"),
    "stage": re.compile("|".join(STAGES)),
    "table": re.compile(r"(dedup-url|dedup-content|stories)"),
    "topic": re.compile(r"[A-Za-z0-9._-]{1,120}"),
    "partition": re.compile(r"[0-9]{1,4}"),
    "le": re.compile(r"[0-9.e+-]+|\+Inf"),
}
FORBIDDEN = re.compile(r"https?://|www\.|\.example|[0-9a-f]{16,}|\s")


def _run_demo(metrics: Metrics) -> int:
    pipeline = Pipeline(metrics=metrics)
    # Route stage timings to the histogram as the worker does.
    pipeline.timings = Timings(lambda stage, s: metrics.stage_seconds.labels(stage).observe(s))
    for stage in (pipeline.preparer, pipeline.url, pipeline.content, pipeline.story):
        stage.timings = pipeline.timings
    clock = EventClock()
    n = 0
    for i, payload in enumerate(read_lines(DEMO)):
        meta = Meta(arrival_time=clock.observe(payload), offset=i)
        for _topic, _key, rec in pipeline.run(payload, meta):
            if "duplicate" in rec and "published_at" in rec:
                env = {"at": meta.arrival_time, "et": meta.arrival_time, "article": rec}
                observe_latency(metrics, env, meta.arrival_time + 0.01)
        n += 1
    return n


def _labelled_samples(registry: CollectorRegistry) -> list[tuple[str, dict[str, str]]]:
    return [(s.name, s.labels) for fam in registry.collect() for s in fam.samples]


def test_demo_stream_exports_only_closed_label_values() -> None:
    metrics = Metrics(CollectorRegistry())
    assert _run_demo(metrics) == 20
    samples = _labelled_samples(metrics.registry)
    seen: dict[str, set[str]] = {}
    for name, labels in samples:
        for key, value in labels.items():
            assert key in ALLOWED, f"{name} has unexpected label {key}={value!r}"
            assert ALLOWED[key].fullmatch(value), f"{name}{{{key}={value!r}}} is not from a closed set"
            assert not FORBIDDEN.search(value), f"{name}{{{key}={value!r}}} looks like a URL or id"
            seen.setdefault(key, set()).add(value)
    # The scan saw the labelled families it is about, not an empty registry.
    assert {"outcome", "kind", "reason", "code", "stage"} <= set(seen)
    assert seen["outcome"] >= {"enriched", "duplicate", "deadletter"}
    assert "source" not in seen
    # Bounded: a few values per label however long the stream.
    assert all(len(v) <= 40 for k, v in seen.items() if k != "le"), seen



def test_a_kept_child_counts_into_the_labelled_series() -> None:
    metrics = Metrics(CollectorRegistry())
    first = metrics.child(metrics.articles, "enriched")
    assert metrics.child(metrics.articles, "enriched") is first
    first.inc()
    metrics.child(metrics.articles, "enriched").inc(2)
    metrics.child(metrics.breaking_events, "failed", "high").inc()
    get = metrics.registry.get_sample_value
    assert get("newsstream_articles_total", {"outcome": "enriched"}) == 3
    assert get("newsstream_breaking_events_total", {"status": "failed", "severity": "high"}) == 1
    assert get("newsstream_articles_total", {"outcome": "duplicate"}) is None

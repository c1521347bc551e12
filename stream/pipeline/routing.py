"""Where an article goes after each keyed stage, and what that counts as.

Shared by the offline runner and the Faust agents so that both take the same
path through the same stages.
"""

from __future__ import annotations

import logging
import time
from typing import Any

import orjson

from stream.dedup.decide import PUBLISHED, Decision
from stream.errors import InputError
from stream.observability.metrics import Metrics
from stream.pipeline.prepare import Meta
from stream.records import deadletter_record
from stream.settings import BREAKING, DEADLETTER, DUPLICATES, ENRICHED
from stream.subjects.taxonomy import top_level

log = logging.getLogger(__name__)

STORY = "story"


def after_url(d: Decision) -> str:
    """Where an article goes on its final decision (the URL stage's)."""
    return STORY if d.status in PUBLISHED else DUPLICATES


def error_fields(exc: Exception, meta: Meta) -> tuple[str, str]:
    """The dead letter's (reason, detail) for an exception a stage raised.

    Call it where the exception was caught (in a prepare process too): a
    bug's traceback is logged there, and only the two strings travel on.
    """
    if isinstance(exc, InputError):
        return exc.reason, exc.detail
    # A bug in a stage must not stop the stream or lose the message:
    # it becomes data with a reason SREs alert on.
    log.exception("stage failure at %s/%s/%s", meta.topic, meta.partition, meta.offset)
    return "internal_error", f"{type(exc).__name__}: {exc}"


def dead_letter(payload: bytes, meta: Meta, exc: Exception, metrics: Metrics | None) -> dict[str, Any]:
    return rejected(payload, meta, *error_fields(exc, meta), metrics)


def rejected(payload: bytes, meta: Meta, reason: str, detail: str, metrics: Metrics | None) -> dict[str, Any]:
    """The dead-letter record for ``payload``, counted."""
    if metrics is not None:
        metrics.deadletters.labels(reason).inc()
        metrics.articles.labels("deadletter").inc()
    return deadletter_record(
        payload,
        reason=reason,
        detail=detail,
        topic=meta.topic,
        partition=meta.partition,
        offset=meta.offset,
        received_at=meta.arrival_time,
        url=_readable_url(payload),
    )


def _readable_url(payload: bytes) -> str | None:
    # Best effort, for humans reading the dead-letter topic; never raises.
    try:
        doc = orjson.loads(payload)
        url = doc.get("url") if isinstance(doc, dict) else None
        return url[:2048] if isinstance(url, str) else None
    except Exception:
        return None


def count_output(metrics: Metrics | None, topic: str, record: dict[str, Any],
                 codes: list[str] | None = None) -> None:
    """Count one final outcome; ``record`` is what is published on ``topic``
    (an article's head will do, with its subject ``codes``)."""
    if metrics is None:
        return
    child = metrics.child
    if topic == BREAKING:
        child(metrics.breaking_events, record["status"], record["severity"]).inc()
        return
    if topic == DEADLETTER:
        return  # counted in dead_letter()
    dup = record["duplicate"]["status"]
    if topic == DUPLICATES:
        child(metrics.articles, "duplicate").inc()
        child(metrics.duplicates, dup).inc()
    elif topic == ENRICHED:
        child(metrics.articles, "update" if dup == "update" else "enriched").inc()
        if codes is None:
            codes = [s["code"] for s in record["subjects"]]
        for code in {top_level(code) for code in codes[:3]}:
            child(metrics.subjects, code).inc()
        if record["status"]:
            child(metrics.status_assertions, record["status"]["status"]).inc()
    now = time.time()
    metrics.last_processed_timestamp.set(now)


def observe_latency(metrics: Metrics | None, env: dict[str, Any], now: float) -> None:
    if metrics is None:
        return
    metrics.latency_from_arrival.observe(max(0.0, now - env["at"]))
    if env["article"]["published_at"] is not None:
        metrics.latency_from_published.observe(max(0.0, now - env["et"]))

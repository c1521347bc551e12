"""Typed records at the Kafka boundary.

``RawArticle`` is what a scraper sent, validated; the other records are what
newsstream publishes. Output records are plain dicts built by the ``*_record``
functions below so that the exact wire shape lives in one place and matches
``schemas/*.v1.json``. Every output carries ``schema`` (``"<name>/v1"``) and a
deterministic ``id``: the same input gives the same id, so consumers can drop
repeats after an at-least-once redelivery.
"""

from __future__ import annotations

import base64
import hashlib
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

SCHEMA_RAW = "raw-article/v1"
SCHEMA_ENRICHED = "enriched-article/v1"
SCHEMA_BREAKING = "breaking-event/v1"
SCHEMA_DEADLETTER = "dead-letter/v1"

#: Namespace for uuid5 ids of breaking events (fixed forever: ids must replay).
BREAKING_NAMESPACE = uuid.UUID("6f1d7c8e-2a57-4d0e-9a4e-5b0e3c1f9a21")

#: Dead letters keep at most this much of the offending payload; the whole
#: message stays findable on news.raw by topic/partition/offset.
DEADLETTER_PAYLOAD_MAX = 256 * 1024


@dataclass(frozen=True, slots=True)
class RawArticle:
    """A validated raw message. Unknown fields are kept in ``extra``."""

    url: str
    title: str
    body: str = ""
    html: str = ""
    source: str | None = None
    published_at: datetime | None = None
    language: str | None = None
    authors: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    source_id: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def article_id(payload: bytes) -> str:
    """Deterministic article id: a digest of the exact raw message bytes.

    A redelivery or a replay of the same message yields the same id; a
    re-scrape (new scrape time, changed page) is a new message with a new id.
    """
    return hashlib.blake2b(payload, digest_size=12).hexdigest()


def iso(ts: float | None) -> str | None:
    """UTC ISO-8601 with millisecond precision and a ``Z``."""
    if ts is None:
        return None
    return datetime.fromtimestamp(ts, UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def breaking_event_id(story_id: str, change_seq: int, status: str) -> str:
    return str(uuid.uuid5(BREAKING_NAMESPACE, f"{story_id}/{change_seq}/{status}"))


#: CloudEvents ``type`` of a breaking event (reverse-DNS, versioned with the schema).
BREAKING_CLOUDEVENT_TYPE = "io.newsstream.breaking.v1"


def cloudevent_headers(event: dict[str, Any], source: str) -> list[tuple[str, bytes]]:
    """Kafka headers of a breaking event: CloudEvents' Kafka binding in
    binary mode (attributes as ``ce_`` headers, the record value is the
    event itself), so CloudEvents-aware consumers route on ``ce_type`` and
    drop repeats on ``ce_id`` without parsing the value. ``ce_time`` is
    optional in CloudEvents and must be a timestamp when present: an event
    without a detection time has none."""
    headers = [
        ("ce_specversion", b"1.0"),
        ("ce_id", event["id"].encode()),
        ("ce_type", BREAKING_CLOUDEVENT_TYPE.encode()),
        ("ce_source", source.encode()),
        ("ce_subject", event["story_id"].encode()),
    ]
    if event["detected_at"]:
        headers.append(("ce_time", event["detected_at"].encode()))
    headers.append(("content-type", b"application/json"))
    return headers


def deadletter_record(
    payload: bytes,
    *,
    reason: str,
    detail: str,
    topic: str | None,
    partition: int | None,
    offset: int | None,
    received_at: float,
    url: str | None = None,
) -> dict[str, Any]:
    kept = payload[:DEADLETTER_PAYLOAD_MAX]
    try:
        text, encoding = kept.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        text, encoding = base64.b64encode(kept).decode("ascii"), "base64"
    return {
        "schema": SCHEMA_DEADLETTER,
        "id": "dl-" + article_id(payload),
        "url": url,
        "reason": reason,
        "detail": detail[:2000],
        "payload": text,
        "payload_encoding": encoding,
        "payload_bytes": len(payload),
        "payload_truncated": len(kept) < len(payload),
        "topic": topic,
        "partition": partition,
        "offset": offset,
        "received_at": iso(received_at),
    }

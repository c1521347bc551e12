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

An envelope travels in two parts, on two lines of the record: the envelope
with only the head of its article (the fields the keyed stages read or set:
``HEAD``), then the rest of the article as JSON bytes, which no hop decodes
and the output record is spliced from (:func:`article_bytes`). The rest
(text, subjects, entities) is most of an envelope's bytes and of the cost to
decode it: decoding whole envelopes at both hops and encoding them for the
next hop and the output cost the worker's event loop ~90 us per Reuters
article, the two-part form ~25 (bench/hop_codec.py). orjson never
writes a raw newline, so lines are parts. A record of whole envelopes (a JSON
array, written before this form) is still read.
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


# The article fields the keyed stages read or set, and the output's first
# fields; the rest of the article travels and is published undecoded.
HEAD = ("schema", "id", "url", "canonical_url", "source", "title", "published_at", "duplicate", "status", "story")
_IN_HEAD = frozenset(HEAD)
# First byte of a record of two-part envelopes: not the start of any JSON.
FRAMED = b"\x1e"


def frame(env: dict[str, Any], rest: bytes | None = None) -> bytes:
    """``env`` as a hop record carries it: the envelope with the head of
    its article, a newline, the rest of the article. ``rest`` is the rest as
    it arrived (``env`` then holds the head only); None when ``env`` holds
    the whole article."""
    if rest is not None:
        return orjson.dumps(env) + b"\n" + rest
    art = env["article"]
    head = {k: art[k] for k in HEAD}
    return orjson.dumps({**env, "article": head}) + b"\n" + orjson.dumps(
        {k: v for k, v in art.items() if k not in _IN_HEAD})


def article_bytes(head: dict[str, Any], rest: bytes | None) -> bytes:
    """The whole article's JSON: its head's fields, then the rest's. With
    ``rest`` None, ``head`` is the whole article."""
    out = orjson.dumps(head)
    if rest is None or len(rest) <= 2:  # nothing more than "{}"
        return out
    return out[:-1] + b"," + rest[1:]


class Outbox:
    """Envelopes gathered per (route, partition), in arrival order."""

    def __init__(self, partitions: int) -> None:
        self.partitions = partitions
        self._parts: dict[tuple[str, int], list[bytes]] = {}

    def add(self, route: str, key: str, env: dict[str, Any], rest: bytes | None = None) -> None:
        """An envelope as :func:`unpack` gave it (or a whole one, ``rest`` None)."""
        self.add_encoded(route, key, frame(env, rest))

    def add_encoded(self, route: str, key: str, framed: bytes) -> None:
        """An envelope already framed (:func:`frame`)."""
        p = partition_for(key.encode(), self.partitions)
        self._parts.setdefault((route, p), []).append(framed)

    def __bool__(self) -> bool:
        return bool(self._parts)

    def records(self) -> Iterator[tuple[str, int, bytes]]:
        """(route, partition, value) for each batch record, in order."""
        for (route, p), parts in self._parts.items():
            size, start = 0, 0
            for i, part in enumerate(parts):
                if size and size + len(part) > MAX_BATCH_BYTES:
                    yield route, p, _record(parts[start:i])
                    size, start = 0, i
                size += len(part) + 1
            yield route, p, _record(parts[start:])
        self._parts.clear()


def _record(parts: list[bytes]) -> bytes:
    return FRAMED + b"\n".join(parts)


def unpack(value: bytes) -> list[tuple[dict[str, Any], bytes | None]]:
    """The envelopes of a batch record, each with the rest of its article
    undecoded (None in a record of whole envelopes, or a lone one)."""
    if value[:1] == FRAMED:
        lines = value[1:].split(b"\n")
        return [(orjson.loads(env), rest) for env, rest in zip(lines[0::2], lines[1::2], strict=True)]
    envs = orjson.loads(value)
    envs = envs if isinstance(envs, list) else [envs]
    for env in envs:  # whole envelopes came without the subject codes
        if "codes" not in env and isinstance(env.get("article"), dict):
            env["codes"] = [s["code"] for s in env["article"].get("subjects") or ()]
    return [(env, None) for env in envs]

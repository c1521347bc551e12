"""Create the project's topics up front, with the configured partitions.

Relying on broker auto-creation would give input and output topics whatever
``num.partitions`` the broker has, and co-partitioning between ``news.raw``
and the worker's internal topics would become an accident of configuration.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Iterable

from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.errors import KafkaConnectionError, KafkaError, NodeNotReadyError, TopicAlreadyExistsError

from stream.errors import BrokerError
from stream.kafka.security import aiokafka_kwargs
from stream.settings import LOGICAL_TOPICS, Settings

log = logging.getLogger(__name__)

# Output records can carry a whole cleaned article (up to ~200k characters),
# and dead letters a 256 KiB payload sample; raw input may be up to the
# payload limit. Topics allow a little more than the largest of these.
TOPIC_MAX_MESSAGE_BYTES = 8 * 1024 * 1024


#: The worker's repartition topics, between its agents (stream/kafka/app.py).
INTERNAL_ROUTES = ("content-route", "story-route")


def internal_topic(settings: Settings, route: str) -> str:
    return f"{settings.group_id}-{route}"


async def ensure_topics(settings: Settings, logical: Iterable[str] = LOGICAL_TOPICS, timeout: float = 30.0,
                        internal: bool = False) -> None:
    """Create the missing topics (with ``internal``, the worker's repartition
    topics too). Retries while the cluster is partly down: an admin client
    sends to one node it picked from metadata, and a broker that just died
    stays in that metadata for a while.

    A worker creates its repartition topics here, before Faust starts: Faust
    declares them while its consumer joins the group, and on a fresh broker
    the first assignment could run before the story route existed. The
    assignor then left it out ("Ignoring missing topic"), and the story agent
    got no partition until the next metadata refresh, 5 minutes later: no
    article was published (seen with `make demo` on a new broker)."""
    names = [settings.topic(t) for t in logical]
    if internal:
        names += [internal_topic(settings, r) for r in INTERNAL_ROUTES]
    deadline = time.monotonic() + timeout
    while True:
        try:
            await _ensure(settings, names, timeout)
            return
        except (KafkaError, OSError, TimeoutError) as exc:
            retriable = isinstance(exc, (OSError, TimeoutError, NodeNotReadyError, KafkaConnectionError)) or getattr(
                exc, "retriable", False
            )
            if not retriable or time.monotonic() + 1.0 > deadline:
                raise BrokerError(f"cannot create topics on Kafka at {settings.bootstrap_servers}: {exc!r}") from exc
            log.warning("topic check failed (%r); retrying", exc)
            await asyncio.sleep(1.0)  # back-off before asking another node


async def _ensure(settings: Settings, names: list[str], timeout: float) -> None:
    admin = AIOKafkaAdminClient(**aiokafka_kwargs(settings), request_timeout_ms=int(timeout * 1000))
    try:
        await asyncio.wait_for(admin.start(), timeout)
        existing = set(await admin.list_topics())
        missing = [n for n in names if n not in existing]
        if not missing:
            return
        new = [
            NewTopic(
                n,
                num_partitions=settings.partitions,
                replication_factor=settings.replication_factor,
                topic_configs={"max.message.bytes": str(TOPIC_MAX_MESSAGE_BYTES)},
            )
            for n in missing
        ]
        try:
            await admin.create_topics(new)
        except TopicAlreadyExistsError:
            pass  # another worker won the race
        log.info("created topics %s", ", ".join(missing))
    finally:
        await admin.close()


async def delete_topics_with_prefix(settings: Settings, prefix: str, timeout: float = 30.0) -> list[str]:
    """Delete every topic whose name starts with ``prefix``; return their names.

    For throwaway runs (tests, benchmarks) that worked under a prefix of their
    own: a worker adds ~8 internal topics to its 5, and a broker that keeps
    thousands of dead ones runs out of heap (the dev broker did, at ~3,000)."""
    if not prefix:
        raise ValueError("refusing to delete every topic: the prefix is empty")
    admin = AIOKafkaAdminClient(**aiokafka_kwargs(settings), request_timeout_ms=int(timeout * 1000))
    try:
        await asyncio.wait_for(admin.start(), timeout)
        ours = sorted(t for t in await admin.list_topics() if t.startswith(prefix))
        if ours:
            await admin.delete_topics(ours, timeout_ms=int(timeout * 1000))
        return ours
    finally:
        await admin.close()

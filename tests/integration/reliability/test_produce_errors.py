"""A record Kafka refuses stops the worker before its input is committed.

``news.enriched`` is created beforehand with a 1 KB record limit, below every
enriched article: the first one sent is refused (MessageSizeTooLargeError, not
retriable). The worker must exit with EXIT_PRODUCE_FAILED rather than log and
commit past it; once the limit is raised (the runbook's fix), a restarted
worker publishes every article: nothing was lost.
"""

from __future__ import annotations

import asyncio
import time

import pytest
from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.admin.config_resource import ConfigResource, ConfigResourceType

from stream.kafka.fail_fast import EXIT_PRODUCE_FAILED
from stream.kafka.security import aiokafka_kwargs
from stream.kafka.tools import replay
from stream.kafka.topics import TOPIC_MAX_MESSAGE_BYTES
from stream.settings import ENRICHED, Settings
from stream.demo.run import sample_stream
from tests.integration.reliability.harness import Audit, assert_guarantees, drain, expected_ids

pytestmark = [pytest.mark.integration]


async def _admin(settings: Settings, call) -> None:  # type: ignore[no-untyped-def]
    admin = AIOKafkaAdminClient(**aiokafka_kwargs(settings))
    await admin.start()
    try:
        await call(admin)
    finally:
        await admin.close()


def create_enriched(settings: Settings, max_bytes: int) -> None:
    topic = NewTopic(settings.topic(ENRICHED), num_partitions=settings.partitions, replication_factor=1,
                     topic_configs={"max.message.bytes": str(max_bytes)})
    asyncio.run(_admin(settings, lambda a: a.create_topics([topic])))


def raise_enriched_limit(settings: Settings) -> None:
    res = ConfigResource(ConfigResourceType.TOPIC, settings.topic(ENRICHED),
                         {"max.message.bytes": str(TOPIC_MAX_MESSAGE_BYTES)})
    asyncio.run(_admin(settings, lambda a: a.alter_configs([res])))


def wait_exit(proc, timeout: float) -> int:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            return int(proc.returncode)
        time.sleep(0.2)
    raise TimeoutError(f"worker still running after {timeout:.0f} s")


def test_refused_record_stops_the_worker_and_nothing_is_lost(run_settings, workers) -> None:
    create_enriched(run_settings, max_bytes=1024)
    payloads = sample_stream()
    ids = expected_ids(payloads)
    w1 = workers.start("w1")
    asyncio.run(replay(run_settings, payloads))
    assert wait_exit(w1.proc, timeout=120) == EXIT_PRODUCE_FAILED, w1.log_tail()
    refusal = f"Kafka refused a record for topic {run_settings.topic(ENRICHED)} (MessageSizeTooLargeError"
    assert refusal in w1.log_path.read_text(errors="replace")

    raise_enriched_limit(run_settings)
    workers.start("w1")
    got = drain(run_settings, ids, timeout=240)
    assert_guarantees(Audit.of(got), ids)

"""Deleting a run's topics by prefix (stream/kafka/topics.py): what tests and
benchmarks do when they end, so the shared broker does not fill up."""

from __future__ import annotations

import asyncio
import dataclasses
import time

import pytest
from aiokafka.admin import AIOKafkaAdminClient

from stream.kafka.security import aiokafka_kwargs
from stream.kafka.topics import delete_topics_with_prefix, ensure_topics
from stream.settings import Settings

pytestmark = pytest.mark.integration


async def _names(s: Settings) -> set[str]:
    admin = AIOKafkaAdminClient(**aiokafka_kwargs(s))
    await admin.start()
    try:
        return set(await admin.list_topics())
    finally:
        await admin.close()


def test_only_the_topics_under_the_prefix_are_deleted(run_settings: Settings) -> None:
    mine = dataclasses.replace(run_settings, topic_prefix=run_settings.topic_prefix + "mine-")
    # Shares the first characters of the prefix but is not under it.
    other = dataclasses.replace(run_settings, topic_prefix=run_settings.topic_prefix + "min-")
    asyncio.run(ensure_topics(mine))
    asyncio.run(ensure_topics(other))
    deleted = asyncio.run(delete_topics_with_prefix(run_settings, mine.topic_prefix))
    assert deleted and all(t.startswith(mine.topic_prefix) for t in deleted)
    # The broker answers the delete before its metadata forgets the names.
    deadline = time.monotonic() + 30
    names = asyncio.run(_names(run_settings))
    while any(t.startswith(mine.topic_prefix) for t in names):
        assert time.monotonic() < deadline, "deleted topics still listed after 30 s"
        time.sleep(0.2)  # polling interval of a condition
        names = asyncio.run(_names(run_settings))
    assert {other.topic(t) for t in ("news.raw", "news.enriched")} <= names


def test_an_empty_prefix_is_refused(run_settings: Settings) -> None:
    with pytest.raises(ValueError, match="prefix is empty"):
        asyncio.run(delete_topics_with_prefix(run_settings, ""))

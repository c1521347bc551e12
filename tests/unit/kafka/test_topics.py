from __future__ import annotations

import asyncio

import pytest
from aiokafka.errors import NodeNotReadyError, TopicAuthorizationFailedError

from stream.errors import BrokerError
from stream.kafka import topics
from stream.settings import Settings


def test_retries_while_a_dead_broker_is_still_in_metadata(monkeypatch) -> None:
    calls: list[int] = []

    async def flaky(settings, names, timeout):
        calls.append(1)
        if len(calls) < 3:
            raise NodeNotReadyError("node 1 is not ready")

    async def no_wait(_s: float) -> None:
        return None

    monkeypatch.setattr(topics, "_ensure", flaky)
    monkeypatch.setattr(topics.asyncio, "sleep", no_wait)
    asyncio.run(topics.ensure_topics(Settings.from_env({}), timeout=30))
    assert len(calls) == 3


def test_a_permanent_error_is_not_retried(monkeypatch) -> None:
    async def denied(settings, names, timeout):
        raise TopicAuthorizationFailedError("no")

    monkeypatch.setattr(topics, "_ensure", denied)
    with pytest.raises(BrokerError):
        asyncio.run(topics.ensure_topics(Settings.from_env({}), timeout=30))


def test_a_worker_creates_every_topic_its_agents_read_before_faust_starts(monkeypatch, tmp_path) -> None:
    # Faust would declare the repartition topics itself, but while its
    # consumer joins the group: on a fresh broker the first assignment left
    # the story route out and nothing was published (make demo).
    import dataclasses

    from stream.kafka.app import create_app

    created: list[str] = []

    async def record(settings, names, timeout):
        created.extend(names)

    monkeypatch.setattr(topics, "_ensure", record)
    s = dataclasses.replace(Settings.from_env({}), data_dir=tmp_path, topic_prefix="u-")
    asyncio.run(topics.ensure_topics(s, internal=True))
    read = {agent.channel.get_topic_name() for agent in create_app(s).agents.values()}
    assert read == {"u-news.raw", "u-newsstream-content-route", "u-newsstream-story-route"}
    assert read <= set(created)


def test_the_worker_asks_for_its_repartition_topics(monkeypatch) -> None:
    from stream.kafka import worker

    asked: list[dict] = []

    async def ensure(settings, **kw):
        asked.append(kw)
        raise SystemExit(0)  # stop before Faust starts

    monkeypatch.setattr(worker, "ensure_topics", ensure)
    with pytest.raises(SystemExit):
        worker.run_worker(Settings.from_env({}))
    assert asked == [{"internal": True}]

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

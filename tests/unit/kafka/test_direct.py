"""DirectSender: records go to Faust's aiokafka producer past Faust's send path (no broker)."""

from __future__ import annotations

import asyncio
import dataclasses
from typing import Any

import faust

from stream.kafka.app import create_app
from stream.kafka.direct import DirectSender
from stream.settings import Settings


class FakeProducer:
    def __init__(self) -> None:
        self.sent: list[dict[str, Any]] = []
        self.deliveries: list[asyncio.Future[Any]] = []

    async def send(self, topic: str, **kw: Any) -> asyncio.Future[Any]:
        self.sent.append({"topic": topic, **kw})
        self.deliveries.append(asyncio.get_running_loop().create_future())
        return self.deliveries[-1]


def _setup(tmp_path: Any, monkeypatch: Any) -> tuple[faust.App, FakeProducer, list[BaseException], DirectSender]:
    app = create_app(dataclasses.replace(Settings.from_env({}), data_dir=tmp_path, topic_prefix="u-"))
    producer = FakeProducer()
    monkeypatch.setattr(app.producer, "_ensure_producer", lambda: producer)
    refused: list[tuple[BaseException, str]] = []
    return app, producer, refused, DirectSender(app, on_refused=lambda exc, topic: refused.append((exc, topic)))


def test_a_record_goes_to_the_producer_as_given_and_is_counted(tmp_path, monkeypatch) -> None:
    app, producer, refused, sender = _setup(tmp_path, monkeypatch)
    topic = app.topic("u-news.breaking", key_serializer="raw", value_serializer="raw")

    async def scenario() -> None:
        await sender.send(topic, b"{}", key=b"k1", headers=[("ce_id", b"x")])
        await sender.send(topic, b"[]", partition=3)
        for d in producer.deliveries:
            d.set_result(None)
        await asyncio.sleep(0)

    asyncio.run(scenario())
    assert producer.sent == [
        {"topic": "u-news.breaking", "value": b"{}", "key": b"k1", "partition": None, "headers": [("ce_id", b"x")]},
        {"topic": "u-news.breaking", "value": b"[]", "key": None, "partition": 3, "headers": None},
    ]
    assert refused == []
    registry = app.newsstream["registry"]
    assert registry.get_sample_value("newsstream_faust_topic_messages_sent_total",
                                     {"topic": "topic.u-news.breaking"}) == 2


def test_a_refused_record_ends_the_process(tmp_path, monkeypatch) -> None:
    app, producer, refused, sender = _setup(tmp_path, monkeypatch)
    topic = app.topic("u-news.enriched", key_serializer="raw", value_serializer="raw")

    async def scenario() -> None:
        await sender.send(topic, b"x" * 10, key=b"k")
        producer.deliveries[0].set_exception(RuntimeError("MessageSizeTooLarge"))
        await asyncio.sleep(0)  # the delivery callback runs

    asyncio.run(scenario())
    assert [(str(e), t) for e, t in refused] == [("MessageSizeTooLarge", "u-news.enriched")]
    registry = app.newsstream["registry"]
    assert registry.get_sample_value("newsstream_faust_total_error_messages_sent_total") == 1


def test_in_a_transaction_records_take_fausts_path(tmp_path, monkeypatch) -> None:
    app, producer, refused, sender = _setup(tmp_path, monkeypatch)
    topic = app.topic("u-news.enriched", key_serializer="raw", value_serializer="raw")
    via_faust: list[dict[str, Any]] = []

    async def faust_send(**kw: Any) -> None:
        via_faust.append(kw)

    monkeypatch.setattr(type(app), "in_transaction", property(lambda self: True))
    monkeypatch.setattr(topic, "send", faust_send)
    asyncio.run(sender.send(topic, b"v", key=b"k"))
    assert producer.sent == []
    assert via_faust == [{"key": b"k", "value": b"v", "partition": None, "headers": None}]

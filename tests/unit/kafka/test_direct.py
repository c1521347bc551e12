"""DirectSender: records go to Faust's aiokafka producer past Faust's send path (no broker)."""

from __future__ import annotations

import asyncio
import dataclasses
from typing import Any

import faust

from stream.kafka.app import create_app
from stream.kafka.direct import DirectSender
from stream.settings import Settings


def _setup(tmp_path: Any, monkeypatch: Any, producer: Any) -> tuple[faust.App, Any, list[Any], DirectSender]:
    app = create_app(dataclasses.replace(Settings.from_env({}), data_dir=tmp_path, topic_prefix="u-"))
    monkeypatch.setattr(app.producer, "_ensure_producer", lambda: producer)
    refused: list[tuple[BaseException, str]] = []
    return app, producer, refused, DirectSender(app, on_refused=lambda exc, topic: refused.append((exc, topic)))


def _sent_total(app: faust.App, topic: str) -> float | None:
    """Faust's per-topic sent counter, as the dashboard reads it."""
    return app.newsstream["registry"].get_sample_value(
        "newsstream_faust_topic_messages_sent_total", {"topic": f"topic.{topic}"})


def test_a_record_goes_to_the_producer_as_given_and_is_counted(tmp_path, monkeypatch, fake_producer) -> None:
    app, producer, refused, sender = _setup(tmp_path, monkeypatch, fake_producer)
    topic = app.topic("u-news.breaking", key_serializer="raw", value_serializer="raw")

    async def scenario() -> None:
        await sender.send(topic, b"{}", key=b"k1", headers=[("ce_id", b"x")])
        await sender.send(topic, b"[]", partition=3)
        producer.ack_all()
        await asyncio.sleep(0)

    asyncio.run(scenario())
    assert producer.sent == [
        {"topic": "u-news.breaking", "value": b"{}", "key": b"k1", "partition": None, "headers": [("ce_id", b"x")]},
        {"topic": "u-news.breaking", "value": b"[]", "key": None, "partition": 3, "headers": None},
    ]
    assert producer.batches == [], "a keyed output waits for the producer's linger, with the others"
    assert refused == []
    assert _sent_total(app, "u-news.breaking") == 2


def test_a_hop_batch_goes_out_as_a_closed_batch(tmp_path, monkeypatch, fake_producer) -> None:
    app, producer, refused, sender = _setup(tmp_path, monkeypatch, fake_producer)
    topic = app.topic("u-newsstream-story-route", key_serializer="raw", value_serializer="raw")

    async def scenario() -> None:
        await sender.send_now(topic, 0, [b"[1]", b"[2]"])
        producer.ack_all()
        await asyncio.sleep(0)

    asyncio.run(scenario())
    assert producer.batches == [{"topic": "u-newsstream-story-route", "partition": 0, "records": 2, "closed": True}]
    assert [(r["key"], r["value"]) for r in producer.sent] == [(None, b"[1]"), (None, b"[2]")]
    assert _sent_total(app, "u-newsstream-story-route") == 2


def test_a_refused_hop_batch_ends_the_process(tmp_path, monkeypatch, fake_producer) -> None:
    app, producer, refused, sender = _setup(tmp_path, monkeypatch, fake_producer)
    topic = app.topic("u-newsstream-content-route", key_serializer="raw", value_serializer="raw")

    async def scenario() -> None:
        await sender.send_now(topic, 1, [b"[]"])
        producer.deliveries[0].set_exception(RuntimeError("TopicAuthorizationFailed"))
        await asyncio.sleep(0)

    asyncio.run(scenario())
    assert [(str(e), t) for e, t in refused] == [("TopicAuthorizationFailed", "u-newsstream-content-route")]


def test_keyed_outputs_go_to_the_partition_kafkas_default_partitioner_picks(tmp_path, monkeypatch,
                                                                            fake_producer) -> None:
    from aiokafka.partitioner import DefaultPartitioner

    app, producer, refused, sender = _setup(tmp_path, monkeypatch, fake_producer)
    enriched = app.topic("u-news.enriched", key_serializer="raw", value_serializer="raw")
    breaking = app.topic("u-news.breaking", key_serializer="raw", value_serializer="raw")
    producer.partitions.update({"u-news.enriched": set(range(6)), "u-news.breaking": set(range(3))})
    keys = [f"article-{i}".encode() for i in range(40)]
    records = [(enriched, k, b"e" + k, None) for k in keys] + [(breaking, b"story-1", b"b", [("ce_id", b"x")])]

    async def scenario() -> None:
        await sender.send_keyed(records)
        producer.ack_all()
        await asyncio.sleep(0)

    asyncio.run(scenario())
    pick = DefaultPartitioner()
    for r in producer.sent:
        n = len(producer.partitions[r["topic"]])
        assert r["partition"] == pick(r["key"], list(range(n)), list(range(n))), r
    # Every record once, in order within each partition, headers kept.
    assert sorted(r["value"] for r in producer.sent) == sorted(v for _, _, v, _ in records)
    for p in range(6):
        got = [r["key"] for r in producer.sent if r["topic"] == "u-news.enriched" and r["partition"] == p]
        assert got == [k for k in keys if pick(k, list(range(6)), list(range(6))) == p]
    assert [r["headers"] for r in producer.sent if r["topic"] == "u-news.breaking"] == [[("ce_id", b"x")]]
    # One closed batch per topic and partition: sent at once, not after the linger.
    assert all(b["closed"] for b in producer.batches)
    assert len(producer.batches) == len({(r["topic"], r["partition"]) for r in producer.sent})
    assert _sent_total(app, "u-news.enriched") == 40 and refused == []


def test_keyed_outputs_to_a_topic_without_metadata_take_the_per_record_path(tmp_path, monkeypatch,
                                                                            fake_producer) -> None:
    app, producer, refused, sender = _setup(tmp_path, monkeypatch, fake_producer)
    enriched = app.topic("u-news.enriched", key_serializer="raw", value_serializer="raw")
    asyncio.run(sender.send_keyed([(enriched, b"k", b"v", None)]))
    assert producer.batches == []
    assert producer.sent == [{"topic": "u-news.enriched", "partition": None, "key": b"k", "value": b"v",
                              "headers": None}]


def test_a_refused_record_ends_the_process(tmp_path, monkeypatch, fake_producer) -> None:
    app, producer, refused, sender = _setup(tmp_path, monkeypatch, fake_producer)
    topic = app.topic("u-news.enriched", key_serializer="raw", value_serializer="raw")

    async def scenario() -> None:
        await sender.send(topic, b"x" * 10, key=b"k")
        producer.deliveries[0].set_exception(RuntimeError("MessageSizeTooLarge"))
        await asyncio.sleep(0)  # the delivery callback runs

    asyncio.run(scenario())
    assert [(str(e), t) for e, t in refused] == [("MessageSizeTooLarge", "u-news.enriched")]
    registry = app.newsstream["registry"]
    assert registry.get_sample_value("newsstream_faust_total_error_messages_sent_total") == 1


def test_in_a_transaction_records_take_fausts_path(tmp_path, monkeypatch, fake_producer) -> None:
    app, producer, refused, sender = _setup(tmp_path, monkeypatch, fake_producer)
    topic = app.topic("u-news.enriched", key_serializer="raw", value_serializer="raw")
    via_faust: list[dict[str, Any]] = []

    async def faust_send(**kw: Any) -> None:
        via_faust.append(kw)

    monkeypatch.setattr(type(app), "in_transaction", property(lambda self: True))
    monkeypatch.setattr(topic, "send", faust_send)
    asyncio.run(sender.send(topic, b"v", key=b"k"))
    assert producer.sent == []
    assert via_faust == [{"key": b"k", "value": b"v", "partition": None, "headers": None}]

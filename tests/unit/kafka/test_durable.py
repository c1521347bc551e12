"""DurableTable: a batch's changelog records are sent at durable() and its
outputs wait for their acks (no broker)."""

from __future__ import annotations

import asyncio
import dataclasses
import weakref
from typing import Any

import faust
import pytest
from faust.streams import _current_event

from stream.kafka.app import create_app
from stream.kafka.durable import DurableTable
from stream.kafka.expiry import partition_chunk
from stream.settings import Settings


def _app(tmp_path: Any, store: str | None = None) -> faust.App:
    s = dataclasses.replace(Settings.from_env({}), data_dir=tmp_path, topic_prefix="u-")
    if store:  # RocksDB's store writes only inside a stream's event
        s = dataclasses.replace(s, store=store)
    return create_app(s)


def test_every_table_of_the_app_is_durable(tmp_path) -> None:
    app = _app(tmp_path)
    assert {name: type(t) for name, t in app.tables.items()} == dict.fromkeys(app.tables, DurableTable)


def test_durable_returns_only_once_every_changelog_send_is_acked(tmp_path, monkeypatch) -> None:
    table = _app(tmp_path).tables["dedup-url"]

    async def scenario() -> None:
        acks: list[asyncio.Future[Any]] = []

        def send(self: Any, *args: Any, **kwargs: Any) -> asyncio.Future[Any]:
            acks.append(asyncio.get_running_loop().create_future())
            return acks[-1]

        monkeypatch.setattr(faust.Table, "send_changelog", send)
        table.send_changelog(0, "a", 1)
        table.send_changelog(0, "b", 2)
        waiting = asyncio.ensure_future(table.durable())
        for _ in range(5):  # let it run as far as it can
            await asyncio.sleep(0)
        assert not waiting.done()
        acks[0].set_result(None)
        for _ in range(5):
            await asyncio.sleep(0)
        assert not waiting.done(), "returned with one send still unacked"
        acks[1].set_result(None)
        await asyncio.wait_for(waiting, 1.0)
        # Acked sends are forgotten: the next batch waits for its own only.
        await asyncio.wait_for(table.durable(), 1.0)

    asyncio.run(scenario())


def test_a_refused_changelog_send_ends_the_process_before_output(tmp_path, monkeypatch) -> None:
    table = _app(tmp_path).tables["stories"]
    refused: list[tuple[BaseException, str]] = []
    monkeypatch.setattr(table, "on_refused", lambda exc, topic: refused.append((exc, topic)))

    async def scenario() -> None:
        def send(self: Any, *args: Any, **kwargs: Any) -> asyncio.Future[Any]:
            fut = asyncio.get_running_loop().create_future()
            fut.set_exception(RuntimeError("broker said no"))
            return fut

        monkeypatch.setattr(faust.Table, "send_changelog", send)
        table.send_changelog(0, "s", {})
        with pytest.raises(RuntimeError, match="broker said no"):
            await table.durable()

    asyncio.run(scenario())
    # The changelog path of this test is Faust's (transactions): the topic is the table's.
    assert [(str(e), t) for e, t in refused] == [("broker said no", table.changelog_topic.get_topic_name())]


def _direct(tmp_path: Any, monkeypatch: Any, name: str, producer: Any) -> tuple[Any, Any, list[tuple[Any, int]]]:
    """A table of a fresh app whose writes belong to the partition set in
    ``table.partition``, sent with ``producer``, persisted offsets recorded."""
    table = _app(tmp_path, "memory://").tables[name]
    persisted: list[tuple[Any, int]] = []
    monkeypatch.setattr(table.app.producer, "_ensure_producer", lambda: producer)
    monkeypatch.setattr(table, "partition_for_key", lambda key: table.partition)
    monkeypatch.setattr(table.data, "set_persisted_offset", lambda tp, offset: persisted.append((tp, offset)))
    return table, producer, persisted


def test_writes_are_sent_at_durable_and_it_returns_once_all_are_acked(tmp_path, monkeypatch, fake_producer) -> None:
    table, producer, persisted = _direct(tmp_path, monkeypatch, "dedup-url", fake_producer)
    topic = table.changelog_topic.get_topic_name()

    async def scenario() -> None:
        table.partition = 2
        table["a"] = {"id": "x"}
        table["b"] = 1
        table.partition = 0
        table["c"] = [1, 2]
        del table["a"]  # stored on partition 2 in real life; here the test says 0
        assert producer.sent == [], "a write must wait for the batch's durable()"
        waiting = asyncio.ensure_future(table.durable())
        for _ in range(5):
            await asyncio.sleep(0)
        assert not waiting.done(), "returned before the broker acked"
        producer.ack_all()
        await asyncio.wait_for(waiting, 1.0)

    asyncio.run(scenario())
    # The bytes Faust's own changelog path would have sent (its json codec),
    # in write order within each partition.
    assert [(r["topic"], r["partition"], r["key"], r["value"]) for r in producer.sent] == [
        (topic, 2, b'"a"', b'{"id":"x"}'),
        (topic, 2, b'"b"', b"1"),
        (topic, 0, b'"c"', b"[1,2]"),
        (topic, 0, b'"a"', None),
    ]
    # One closed batch per partition: sent at once, not after the linger.
    assert [(b["partition"], b["records"], b["closed"]) for b in producer.batches] == [(2, 2, True), (0, 2, True)]
    # One persisted offset per partition: the last one acked.
    assert sorted((tp.partition, offset) for tp, offset in persisted) == [(0, 1), (2, 1)]
    assert {tp.topic for tp, _ in persisted} == {topic}
    assert table["b"] == 1 and "a" not in table
    # Still on the dashboard's "sent per topic" panel (Faust's counter).
    registry = table.app.newsstream["registry"]
    assert registry.get_sample_value("newsstream_faust_topic_messages_sent_total", {"topic": f"topic.{topic}"}) == 4


def test_each_batch_sends_only_its_own_writes(tmp_path, monkeypatch, fake_producer) -> None:
    table, producer, _ = _direct(tmp_path, monkeypatch, "stories", fake_producer)

    async def scenario() -> None:
        table.partition = 1
        table["s1"] = {"v": 1}
        first = asyncio.ensure_future(table.durable())
        await asyncio.sleep(0)
        producer.ack_all()
        await first
        table["s2"] = {"v": 2}
        second = asyncio.ensure_future(table.durable())
        await asyncio.sleep(0)
        producer.ack_all()
        await second
        await asyncio.wait_for(table.durable(), 1.0)  # nothing written: nothing to wait for

    asyncio.run(scenario())
    assert [r["key"] for r in producer.sent] == [b'"s1"', b'"s2"']


def test_a_full_batch_continues_in_the_next_and_the_last_offset_is_persisted(tmp_path, monkeypatch) -> None:
    from tests.unit.kafka.conftest import FakeProducer

    table, producer, persisted = _direct(tmp_path, monkeypatch, "dedup-content", FakeProducer(batch_capacity=2))

    async def scenario() -> None:
        table.partition = 1
        for i in range(5):
            table[f"k{i}"] = i
        waiting = asyncio.ensure_future(table.durable())
        for _ in range(5):
            await asyncio.sleep(0)
        producer.ack_all()
        await asyncio.wait_for(waiting, 1.0)

    asyncio.run(scenario())
    assert [b["records"] for b in producer.batches] == [2, 2, 1]
    assert [r["key"] for r in producer.sent] == [f'"k{i}"'.encode() for i in range(5)]
    assert [(tp.partition, offset) for tp, offset in persisted] == [(1, 4)]


def test_a_refused_direct_send_ends_the_process(tmp_path, monkeypatch, fake_producer) -> None:
    table, producer, persisted = _direct(tmp_path, monkeypatch, "dedup-content", fake_producer)
    refused: list[tuple[BaseException, str]] = []
    monkeypatch.setattr(table, "on_refused", lambda exc, topic: refused.append((exc, topic)))

    async def scenario() -> None:
        table.partition = 0
        table["k"] = 1
        waiting = asyncio.ensure_future(table.durable())
        await asyncio.sleep(0)
        producer.deliveries[0].set_exception(RuntimeError("MessageSizeTooLarge"))
        with pytest.raises(RuntimeError):
            await waiting

    asyncio.run(scenario())
    assert [(str(e), t) for e, t in refused] == [("MessageSizeTooLarge", table.changelog_topic.get_topic_name())]
    assert persisted == []
    # Counted where Faust counts a failed send (alert NewsstreamProduceErrors).
    registry = table.app.newsstream["registry"]
    assert registry.get_sample_value("newsstream_faust_total_error_messages_sent_total") == 1


class _Event:
    """What a RocksDB store reads of the current event."""

    def __init__(self, partition: int) -> None:
        self.message = type("M", (), {"partition": partition})()


def test_a_rocksdb_table_stores_and_sends_the_bytes_faust_would(tmp_path, monkeypatch, fake_producer) -> None:
    # One encoding serves the store and the changelog: recovery writes the
    # changelog's bytes into the store as they are, so they must be Faust's.
    table = _app(tmp_path).tables["dedup-url"]  # the default store: RocksDB
    monkeypatch.setattr(table.app.producer, "_ensure_producer", lambda: fake_producer)
    monkeypatch.setattr(table.data, "set_persisted_offset", lambda tp, offset: None)
    monkeypatch.setattr(table, "partition_for_key", lambda key: 2)
    # A read is one lookup; Faust's path asks the store whether it holds the key first.
    monkeypatch.setattr(table.data, "_contains", lambda key: pytest.fail("a second lookup per read"))
    ops: list[tuple[str, Any]] = []
    monkeypatch.setattr(table, "_sensor_on_get", lambda t, key: ops.append(("get", key)))
    monkeypatch.setattr(table, "_sensor_on_set", lambda t, key, value: ops.append(("set", key)))
    monkeypatch.setattr(table, "_sensor_on_del", lambda t, key: ops.append(("del", key)))
    values = {"a": {"id": "x", "e": [{"ts": 1.5, "n": 3}], 7: None}, "b": 1, "ü/ß": "ünï"}
    event = _Event(partition=2)
    _current_event.set(weakref.ref(event))

    async def scenario() -> None:
        for key, value in values.items():
            table[key] = value
        assert table.get("a") == {"id": "x", "e": [{"ts": 1.5, "n": 3}], "7": None}
        assert table.get("missing") is None and table.get("missing", 5) == 5
        del table["b"]
        assert table.get("b") is None
        waiting = asyncio.ensure_future(table.durable())
        await asyncio.sleep(0)
        fake_producer.ack_all()
        await asyncio.wait_for(waiting, 1.0)

    asyncio.run(scenario())
    topic = table.changelog_topic

    def faust_key(key: str) -> bytes:
        return topic.prepare_key(key, table.key_serializer)[0]

    assert [(r["partition"], r["key"], r["value"]) for r in fake_producer.sent] == [
        *((2, faust_key(k), topic.prepare_value(v, table.value_serializer)[0]) for k, v in values.items()),
        (2, faust_key("b"), None),
    ]
    db = table.data._dbs[2]
    assert db.get(faust_key("ü/ß")) == topic.prepare_value("ünï", table.value_serializer)[0]
    assert db.get(faust_key("b")) is None
    # The expiry sweep decodes a chunk of the store without Faust's
    # registry (stream/kafka/expiry.py), as Faust would decode it.
    items, _ = partition_chunk(table, 2, None, 10)
    assert sorted(items) == sorted((k, table.data._decode_value(db.get(faust_key(k))))
                                   for k in values if k != "b")
    assert sorted(items)[0] == ("a", {"id": "x", "e": [{"ts": 1.5, "n": 3}], "7": None})
    # Faust's sensors still see every operation (table-operation panel).
    assert ops == [("set", "a"), ("set", "b"), ("set", "ü/ß"), ("get", "a"), ("get", "missing"),
                   ("get", "missing"), ("del", "b"), ("get", "b")]


def test_the_apps_tables_encode_plain_values_as_fausts_json_codec_does(tmp_path) -> None:
    # The app's tables skip Faust's serializer registry (stream/kafka/durable.py);
    # the bytes must stay the registry's, or recovery would store other keys.
    for table in _app(tmp_path).tables.values():
        assert table._plain_json
        store = table.data
        for key in ("story-1", "https://example.com/a?b=ü", ""):
            assert table._encode_key(key) == store._encode_key(key)
        for value in ({"id": "x", "outs": {"a": [None, 3]}, 7: 1.5, "t": True}, [1, "ü", None], "s", 3, None):
            raw = table._encode_value(value)
            assert raw == store._encode_value(value)
            assert table._decode_value(raw) == store._decode_value(raw)
        # Bytes pass raw, as in Faust's codec.
        assert table._encode_value(b"raw") == store._encode_value(b"raw") == b"raw"


def test_a_rocksdb_table_touches_only_the_events_partition_database(tmp_path, monkeypatch, fake_producer) -> None:
    # Faust's Store._del deletes a key from every partition's database unless
    # its key index (the 1,000 keys used last) knows the partition: every key
    # expired a week after its write left a tombstone in all six.
    table = _app(tmp_path).tables["dedup-content"]
    monkeypatch.setattr(table.app.producer, "_ensure_producer", lambda: fake_producer)
    store = table.data
    monkeypatch.setattr(table, "_sensor_on_get", lambda t, key: None)
    monkeypatch.setattr(table, "_sensor_on_set", lambda t, key, value: None)
    monkeypatch.setattr(table, "_sensor_on_del", lambda t, key: None)
    monkeypatch.setattr(table, "partition_for_key", lambda key: current_partition[0])
    current_partition = [0]
    events = [_Event(p) for p in (0, 1, 2)]  # the context variable holds weak references
    for partition in (0, 1, 2):  # a worker assigned three partitions
        current_partition[0] = partition
        _current_event.set(weakref.ref(events[partition]))
        table[f"k{partition}"] = {"p": partition}
    store._key_index.clear()  # a week later the keys are long out of the index

    class Untouchable:
        def __getattr__(self, name: str) -> Any:
            pytest.fail(f"{name} on another partition's database")

    other = {p: store._dbs[p] for p in (0, 1)}
    monkeypatch.setitem(store._dbs, 0, Untouchable())
    monkeypatch.setitem(store._dbs, 1, Untouchable())
    current_partition[0] = 2
    _current_event.set(weakref.ref(events[2]))
    assert table.get("k2") == {"p": 2}
    del table["k2"]
    assert table.get("k2") is None
    assert store._dbs[2].get(table._encode_key("k2")) is None
    assert [other[p].get(table._encode_key(f"k{p}")) for p in (0, 1)] == [b'{"p":0}', b'{"p":1}']
    assert [(p, v) for p, _, v in table._queued] == [(0, b'{"p":0}'), (1, b'{"p":1}'), (2, b'{"p":2}'), (2, None)]

from __future__ import annotations

import orjson
from aiokafka.partitioner import DefaultPartitioner

from stream.kafka import batches
from stream.kafka.batches import Outbox, partition_for, unpack


def test_partition_is_the_one_kafka_gives_the_key() -> None:
    kafka = DefaultPartitioner()
    for key in (b"stories", b"https://example.com/a", b"anchor:deal reached", "ü".encode()):
        for n in (1, 3, 6, 12):
            assert partition_for(key, n) == kafka(key, list(range(n)), list(range(n)))


def test_envelopes_are_grouped_per_route_and_partition_in_order() -> None:
    out = Outbox(6)
    keys = [f"https://x.example/{i % 4}" for i in range(20)]
    for i, k in enumerate(keys):
        out.add("url-route", k, {"i": i, "k": k})
    out.add("story-route", "stories", {"i": 99})
    got = list(out.records())
    assert not out  # drained
    seen = []
    for route, p, value in got:
        envs = unpack(value)
        assert all(partition_for(e["k"].encode(), 6) == p for e in envs if "k" in e)
        assert [e["i"] for e in envs] == sorted(e["i"] for e in envs)
        seen += [e["i"] for e in envs]
    assert sorted(seen) == [*range(20), 99]
    assert len(got) <= 5  # four URLs (at most four partitions) and the story route


def test_a_batch_is_split_before_it_outgrows_a_record(monkeypatch) -> None:
    monkeypatch.setattr(batches, "MAX_BATCH_BYTES", 100)
    out = Outbox(1)
    for i in range(10):
        out.add("r", "k", {"i": i, "pad": "x" * 30})
    values = [v for _, _, v in out.records()]
    assert len(values) > 1 and all(len(v) <= 100 or len(unpack(v)) == 1 for v in values)
    assert [e["i"] for v in values for e in unpack(v)] == list(range(10))


def test_a_lone_envelope_record_is_accepted() -> None:
    assert unpack(orjson.dumps({"a": 1})) == [{"a": 1}]

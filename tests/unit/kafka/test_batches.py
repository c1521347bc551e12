from __future__ import annotations

import orjson
from aiokafka.partitioner import DefaultPartitioner

from stream.kafka import batches
from stream.kafka.batches import HEAD, FRAMED, Outbox, article_bytes, frame, partition_for, unpack
from stream.pipeline.prepare import Meta, Preparer


def test_partition_is_the_one_kafka_gives_the_key() -> None:
    kafka = DefaultPartitioner()
    for key in (b"stories", b"https://example.com/a", b"anchor:deal reached", "ü".encode()):
        for n in (1, 3, 6, 12):
            assert partition_for(key, n) == kafka(key, list(range(n)), list(range(n)))


def test_envelopes_are_grouped_per_route_and_partition_in_order() -> None:
    out = Outbox(6)
    keys = [f"https://x.example/{i % 4}" for i in range(20)]
    for i, k in enumerate(keys):
        out.add("url-route", k, {"i": i, "k": k}, b"{}")
    out.add("story-route", "stories", {"i": 99}, b"{}")
    got = list(out.records())
    assert not out  # drained
    seen = []
    for route, p, value in got:
        envs = [env for env, _ in unpack(value)]
        assert all(partition_for(e["k"].encode(), 6) == p for e in envs if "k" in e)
        assert [e["i"] for e in envs] == sorted(e["i"] for e in envs)
        seen += [e["i"] for e in envs]
    assert sorted(seen) == [*range(20), 99]
    assert len(got) <= 5  # four URLs (at most four partitions) and the story route


def test_a_batch_is_split_before_it_outgrows_a_record(monkeypatch) -> None:
    monkeypatch.setattr(batches, "MAX_BATCH_BYTES", 100)
    out = Outbox(1)
    for i in range(10):
        out.add("r", "k", {"i": i, "pad": "x" * 30}, b"{}")
    values = [v for _, _, v in out.records()]
    assert len(values) > 1 and all(len(v) <= 100 or len(unpack(v)) == 1 for v in values)
    assert [e["i"] for v in values for e, _ in unpack(v)] == list(range(10))


def _envelope(i: int) -> dict:
    payload = orjson.dumps({"url": f"https://news.example/{i}", "title": f"Talks on item {i} collapse",
                            "body": "GENEVA, March 3 (Reuters) - Talks collapsed on Tuesday. " * 3,
                            "published_at": "2026-03-03T10:00:00Z", "tags": ["trade"]})
    return Preparer().prepare(payload, Meta(1.7e9 + i))


def test_an_envelope_travels_as_its_head_and_the_rest_of_its_article_undecoded() -> None:
    envs = [_envelope(i) for i in range(3)]
    out = Outbox(1)
    for env in envs:
        out.add_encoded("content-route", "k", frame(env))
    [(_, _, value)] = out.records()
    assert value[:1] == FRAMED
    got = unpack(value)
    for env, (head, rest) in zip(envs, got, strict=True):
        art = env["article"]
        assert list(head["article"]) == list(HEAD)  # what the keyed stages read and set
        assert {k: v for k, v in head.items() if k != "article"} == {k: v for k, v in env.items() if k != "article"}
        assert head["codes"] == [s["code"] for s in art["subjects"]] and head["codes"]
        assert b'"text"' in rest and b'"subjects"' in rest and b'"duplicate"' not in rest
        # A stage sets a head field; the output is the whole article with it.
        head["article"]["story"] = {"id": "story-1", "status": None, "size": 1}
        assert orjson.loads(article_bytes(head["article"], rest)) == {**art, "story": head["article"]["story"]}
    # The next hop forwards the rest as it came.
    again = Outbox(1)
    for head, rest in got:
        again.add("story-route", "stories", head, rest)
    [(_, _, forwarded)] = again.records()
    assert [r for _, r in unpack(forwarded)] == [r for _, r in got]


def test_a_record_of_whole_envelopes_is_still_read() -> None:
    # Written by a worker of an earlier version, during a rolling upgrade.
    envs = [_envelope(i) for i in range(2)]
    for env in envs:
        del env["codes"]
    for value in (orjson.dumps(envs), orjson.dumps(envs[0])):
        got = unpack(value)
        assert [rest for _, rest in got] == [None] * len(got)
        for env, _ in got:
            assert env["codes"] == [s["code"] for s in env["article"]["subjects"]]
            assert orjson.loads(article_bytes(env["article"], None)) == env["article"]
            # Forwarded in the two-part form.
            head, rest = unpack(FRAMED + frame(env))[0]
            assert orjson.loads(article_bytes(head["article"], rest)) == env["article"]

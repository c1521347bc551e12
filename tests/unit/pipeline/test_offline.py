"""The acceptance scenario through ``newsstream process`` (no Kafka)."""

from __future__ import annotations

import orjson
import pytest

from stream.cli import main
from stream.pipeline.offline import Pipeline, process_lines
from tests.support.scenarios import SEED_URL, seed_scenario
from tests.support.schemas import assert_valid

TOPIC_FILES = {"news.enriched": "enriched", "news.duplicates": "duplicates",
               "news.breaking": "breaking", "news.deadletter": "deadletter"}


def read_out(out_dir):
    return {
        topic: [orjson.loads(line) for line in (out_dir / f"{name}.jsonl").read_bytes().splitlines()]
        for topic, name in TOPIC_FILES.items()
    }


def check_seed_outcome(out, sc) -> None:
    """The acceptance criteria of issue 2, shared with the broker test."""
    enriched, dups = out["news.enriched"], out["news.duplicates"]
    breaking, dead = out["news.breaking"], out["news.deadletter"]
    seeds = [a for a in enriched if a["url"] == SEED_URL]
    assert len(seeds) == 1, [a["title"] for a in enriched]
    seed = seeds[0]
    assert seed["title"] == "Trump, Kim summit ends without reaching a deal"
    assert seed["duplicate"]["status"] == "unique"
    assert seed["status"] is not None and seed["status"]["status"] == "failed"
    codes = {c for s in seed["subjects"] for c in (s["code"], *s.get("ancestors", []))}
    assert "medtop:11000000" in codes, seed["subjects"]
    assert len(dups) == 3, [(d["title"], d["duplicate"]) for d in dups]
    assert {d["duplicate"]["of"] for d in dups} == {seed["id"]}
    assert sorted(d["duplicate"]["status"] for d in dups) == ["exact", "near", "near"]
    assert len(dead) == sc.n_malformed
    assert {d["reason"] for d in dead} == {"invalid_json", "not_an_object", "missing_field", "wrong_type",
                                           "invalid_utf8"}
    failed = [e for e in breaking if e["status"] == "failed"]
    assert len(failed) == 1, breaking
    assert failed[0]["article_id"] == seed["id"]
    assert failed[0]["previous_status"] == "started"
    for topic, records in out.items():
        for r in records:
            assert_valid(topic, r)


def test_seed_scenario_offline(tmp_path) -> None:
    sc = seed_scenario()
    counts = process_lines(iter(sc.messages), tmp_path, Pipeline())
    out = read_out(tmp_path)
    check_seed_outcome(out, sc)
    assert counts["enriched"] + counts["duplicates"] + counts["deadletter"] == len(sc.messages)


def test_process_cli_is_deterministic(tmp_path) -> None:
    """Same input, same bytes out: in one process and with a prepare pool."""
    sc = seed_scenario()
    src = tmp_path / "in.jsonl"
    src.write_bytes(b"\n".join(sc.messages) + b"\n")
    for run, jobs in (("a", "0"), ("b", "2")):
        assert main(["process", "--in", str(src), "--out-dir", str(tmp_path / run), "--jobs", jobs]) == 0
    for name in TOPIC_FILES.values():
        assert (tmp_path / "a" / f"{name}.jsonl").read_bytes() == (tmp_path / "b" / f"{name}.jsonl").read_bytes()


def test_demo_stream_offline(tmp_path) -> None:
    from stream.demo.run import sample_stream

    counts = process_lines(iter(sample_stream()), tmp_path, Pipeline())
    out = read_out(tmp_path)
    assert counts["deadletter"] == 6
    assert counts["duplicates"] >= 4
    statuses = sorted(e["status"] for e in out["news.breaking"])
    assert "failed" in statuses and "rejected" in statuses
    assert statuses.count("failed") == 1
    for topic, records in out.items():
        for r in records:
            assert_valid(topic, r)


@pytest.mark.parametrize("payload", [b"", b"\xff\xfe", b"{}" * 10, b"[" * 5000 + b"]" * 5000, b"null"])
def test_every_input_ends_in_a_record(payload: bytes) -> None:
    from stream.pipeline.prepare import Meta

    out = Pipeline().run(payload, Meta(arrival_time=0.0))
    assert len(out) >= 1
    assert out[0][0] in ("news.deadletter", "news.enriched", "news.duplicates")

"""Issue 2's acceptance test on the real broker and a real worker process."""

from __future__ import annotations

import asyncio

import pytest

from stream.kafka.runner import Collected, collect_sync
from stream.kafka.tools import replay
from stream.settings import BREAKING, DEADLETTER, DUPLICATES, ENRICHED
from tests.support.scenarios import seed_scenario
from tests.unit.pipeline.test_offline import check_seed_outcome

pytestmark = pytest.mark.integration


def outcomes(c: Collected) -> int:
    return c.count(ENRICHED, DUPLICATES, DEADLETTER)


# 1: the ingest agent prepares in a process of its own (stream.pipeline.parallel).
@pytest.mark.parametrize("prepare_processes", ["0", "1"])
def test_seed_scenario_through_kafka(run_settings, workers, prepare_processes: str) -> None:
    sc = seed_scenario()
    w = workers.start(NEWSSTREAM_PREPARE_PROCESSES=prepare_processes)
    # Paced: "first seen" is only defined for messages that arrive in order;
    # unkeyed messages produced in a burst land on six partitions in any order.
    asyncio.run(replay(run_settings, sc.messages, rate=5))
    # Wait for every message's outcome, then a little longer: a second
    # breaking event arriving late would be a failure.
    got = collect_sync(run_settings, lambda c: outcomes(c) >= len(sc.messages), timeout=90, quiet=3.0)
    out = {t: got.values(t) for t in (ENRICHED, DUPLICATES, BREAKING, DEADLETTER)}
    check_seed_outcome(out, sc)
    # Breaking events carry CloudEvents headers with the event's own id.
    rec = next(r for r in got.by_topic[BREAKING] if r["value"]["status"] == "failed")
    assert rec["headers"]["ce_id"] == rec["value"]["id"]
    assert rec["key"] == rec["value"]["story_id"]
    assert w.http_status("/healthz") == 200

"""Issue 7, tests 3 and 4: the broker goes away under a running worker.

Both run on brokers of their own (free ports, data under tmp_path); the
shared broker on 9092 is never touched. Half the input is produced before
the fault and half after it, so the worker must also pick up new input once
the broker is back, without anyone restarting it.
"""

from __future__ import annotations

import asyncio
import time

import pytest

from stream.kafka.tools import replay
from tests.integration.reliability.conftest import on, sized
from tests.integration.reliability.harness import (
    Audit,
    Stopwatch,
    assert_guarantees,
    distinct_outcomes,
    drain,
    expected_ids,
    report,
    reuters_payloads,
    wait_outcomes,
)

pytestmark = [pytest.mark.integration, pytest.mark.slow]


def _wait_ready_again(w, timeout: float) -> float:
    """Seconds until /readyz answers 200 again (the worker never restarted)."""
    t0 = time.monotonic()
    w.wait_ready(timeout=timeout)
    return round(time.monotonic() - t0, 2)


def test_broker_restart_mid_stream(run_settings, own_broker, workers) -> None:
    settings = on(run_settings, own_broker.bootstrap, partitions=2)
    workers.settings = settings
    payloads = reuters_payloads(sized(300))
    first, second = payloads[: len(payloads) // 2], payloads[len(payloads) // 2 :]
    ids = expected_ids(payloads)

    sw = Stopwatch()
    w = workers.start("w1")
    asyncio.run(replay(settings, first))
    before = wait_outcomes(settings, len(first) // 3, timeout=180)
    down = sw.mark("broker_down")
    own_broker.down(timeout=30)
    own_broker.up(timeout=120)
    up = sw.mark("broker_up")
    ready_after_up = _wait_ready_again(w, timeout=120)
    asyncio.run(replay(settings, second))
    got = drain(settings, ids, timeout=300)
    drained = sw.mark("drained")
    assert w.proc is not None and w.proc.poll() is None, "the worker died with the broker"

    audit = Audit.of(got)
    report(
        "broker-restart", messages=len(payloads), outcomes_before_fault=distinct_outcomes(before),
        lost=len(audit.missing(ids)), records=audit.records, redelivered=audit.redelivered(),
        conflicts=len(audit.conflicts()), broker_outage_s=round(up - down, 2),
        ready_after_broker_up_s=ready_after_up, up_to_drained_s=round(drained - up, 2), marks=sw.marks,
    )
    assert_guarantees(audit, ids)


def test_cluster_node_killed_mid_stream(run_settings, own_cluster, workers) -> None:
    # RF 3 for every topic: news.*, the repartition topics and the changelogs
    # (the worker reads NEWSSTREAM_REPLICATION_FACTOR; replay() creates news.*).
    settings = on(run_settings, own_cluster.bootstrap, partitions=2, replication_factor=3)
    workers.settings = settings
    payloads = reuters_payloads(sized(300))
    first, second = payloads[: len(payloads) // 2], payloads[len(payloads) // 2 :]
    ids = expected_ids(payloads)

    sw = Stopwatch()
    w = workers.start("w1", NEWSSTREAM_REPLICATION_FACTOR="3")
    asyncio.run(replay(settings, first))
    before = wait_outcomes(settings, len(first) // 3, timeout=180)
    killed = sw.mark("node_killed")
    assert own_cluster.kill_node(1)
    asyncio.run(replay(settings, second))
    got = drain(settings, ids, timeout=300)
    drained = sw.mark("drained")
    assert w.proc is not None and w.proc.poll() is None
    assert own_cluster.status()[1] is False  # really ran on two nodes

    audit = Audit.of(got)
    report(
        "cluster-node-kill", messages=len(payloads), outcomes_before_fault=distinct_outcomes(before),
        lost=len(audit.missing(ids)), records=audit.records, redelivered=audit.redelivered(),
        conflicts=len(audit.conflicts()), kill_to_drained_s=round(drained - killed, 2), marks=sw.marks,
    )
    assert_guarantees(audit, ids)

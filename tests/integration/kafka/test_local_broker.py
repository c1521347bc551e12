"""The launcher against a real broker from Maven Central jars (needs Java 17 and Maven).

Every test uses free ports and its own data dir, never 9092: other engineers'
brokers keep running while these tests start and stop their own.
"""

from __future__ import annotations

import asyncio
import socket
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer

from stream.errors import BrokerError
from stream.kafka.local_broker import LocalBroker, is_answering
from stream.settings import Settings

pytestmark = pytest.mark.integration


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _settings(**kw: object) -> Settings:
    # kafka_home is left at its default so the jar cache is shared across runs.
    return Settings.from_env(
        {}, kafka_port=_free_port(), kafka_controller_port=_free_port(), partitions=2, **kw
    )


@pytest.fixture
def broker(tmp_path: Path) -> Iterator[LocalBroker]:
    b = LocalBroker(_settings(), data_dir=tmp_path / "kafka")
    yield b
    b.down(timeout=30)


async def _roundtrip(bootstrap: str, topic: str, payload: bytes | None) -> list[bytes]:
    """Produce ``payload`` (unless None), then read the whole topic."""
    if payload is not None:
        producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all")
        await producer.start()
        try:
            await producer.send_and_wait(topic, payload, key=b"k")
        finally:
            await producer.stop()
    consumer = AIOKafkaConsumer(
        topic,
        bootstrap_servers=bootstrap,
        group_id=None,
        auto_offset_reset="earliest",
        enable_auto_commit=False,
    )
    await consumer.start()
    try:
        batches = await consumer.getmany(timeout_ms=15_000, max_records=10)
        return [r.value for records in batches.values() for r in records if r.value is not None]
    finally:
        await consumer.stop()


def test_lifecycle_produce_consume_restart(broker: LocalBroker) -> None:
    started = time.monotonic()
    broker.up(timeout=90)
    cold_up = time.monotonic() - started
    assert broker.status() is True
    assert is_answering(broker.bootstrap)
    pid = broker.running_pid()
    cluster_id = broker.cluster_id()
    assert pid is not None and cluster_id
    assert (broker.data_dir / "logs" / "server.log").stat().st_size > 0

    started = time.monotonic()
    broker.up(timeout=90)  # already ours and answering: nothing to do
    assert time.monotonic() - started < 5
    assert broker.running_pid() == pid

    got = asyncio.run(_roundtrip(broker.bootstrap, "it.launcher", b"hello broker"))
    assert got == [b"hello broker"]

    started = time.monotonic()
    assert broker.down(timeout=30) is True
    stop = time.monotonic() - started
    assert broker.status() is False
    assert not broker.pid_file.exists()
    assert broker.down() is False

    # A restart reuses the formatted storage: same cluster, message still there.
    broker.up(timeout=90)
    assert broker.cluster_id() == cluster_id
    assert asyncio.run(_roundtrip(broker.bootstrap, "it.launcher", None)) == [b"hello broker"]
    assert broker.down(timeout=30) is True
    print(f"\nlocal broker: cold up {cold_up:.1f} s (jars cached), down {stop:.1f} s")


def test_up_reports_a_broker_that_dies_at_startup(broker: LocalBroker) -> None:
    # Storage that claims another node id: Kafka refuses it during startup.
    broker.node.log_dir.mkdir(parents=True)
    (broker.node.log_dir / "meta.properties").write_text(
        "version=1\nnode.id=7\ncluster.id=AAAAAAAAAAAAAAAAAAAAAQ\n"
        "directory.id=AAAAAAAAAAAAAAAAAAAAAg\n"
    )
    with pytest.raises(BrokerError, match=r"(?s)exited during startup.*last lines of"):
        broker.up(timeout=90)
    assert broker.running_pid() is None
    assert broker.status() is False


def test_down_when_nothing_runs(tmp_path: Path) -> None:
    assert LocalBroker(_settings(), data_dir=tmp_path / "idle").down() is False

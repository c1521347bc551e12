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


# --- SASL and multi-node (slow: several JVMs on a 2-core machine) -------------------


@pytest.mark.slow
def test_sasl_scram_listener(tmp_path: Path) -> None:
    from aiokafka.errors import KafkaError

    from stream.kafka.broker_config import ScramUser
    from stream.settings import Secret

    sasl_port = _free_port()
    broker = LocalBroker(
        _settings(),
        data_dir=tmp_path / "kafka",
        sasl_port=sasl_port,
        scram_users=[ScramUser("alice", Secret("alice-test-pw"))],
    )

    async def produce(password: str) -> None:
        producer = AIOKafkaProducer(
            bootstrap_servers=f"127.0.0.1:{sasl_port}",
            security_protocol="SASL_PLAINTEXT",
            sasl_mechanism="SCRAM-SHA-256",
            sasl_plain_username="alice",
            sasl_plain_password=password,
            request_timeout_ms=10_000,
        )
        await producer.start()
        try:
            await producer.send_and_wait("it.sasl", b"secret hello")
        finally:
            await producer.stop()

    try:
        broker.up(timeout=90)
        asyncio.run(produce("alice-test-pw"))
        with pytest.raises(KafkaError):
            asyncio.run(produce("wrong-password"))
        # The plain listener is still there for tools, and sees the message.
        assert asyncio.run(_roundtrip(broker.bootstrap, "it.sasl", None)) == [b"secret hello"]
    finally:
        assert broker.down(timeout=30) is True


def _free_port_range(count: int) -> int:
    from stream.kafka.broker_host import port_is_free

    for _ in range(50):
        base = _free_port()
        if base + count < 65535 and all(port_is_free(base + i) for i in range(count)):
            return base
    raise RuntimeError(f"no {count} consecutive free ports")


@pytest.mark.slow
def test_three_node_cluster_survives_losing_a_node(tmp_path: Path) -> None:
    from stream.kafka.local_cluster import LocalCluster

    cluster = LocalCluster(
        _settings(), nodes=3, base_port=_free_port_range(6), data_dir=tmp_path / "cluster"
    )
    try:
        cluster.up(timeout=180)
        assert cluster.status() == {1: True, 2: True, 3: True}
        assert len({n.cluster_id() for n in cluster.nodes.values()}) == 1
        asyncio.run(_roundtrip(cluster.bootstrap, "it.cluster", b"before"))

        assert cluster.kill_node(2) is True
        assert cluster.status() == {1: True, 2: False, 3: True}
        # RF 3 / min ISR 2: acks=all writes still succeed with one node down.
        got = asyncio.run(_roundtrip(cluster.bootstrap, "it.cluster", b"during"))
        assert got == [b"before", b"during"]

        cluster.start_node(2, timeout=120)
        assert cluster.status() == {1: True, 2: True, 3: True}
    finally:
        assert cluster.down(timeout=60) is True
    assert cluster.status() == {1: False, 2: False, 3: False}
    assert cluster.down() is False

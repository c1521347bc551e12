"""The local broker launcher without Java: properties, tools, pid files, ports."""

from __future__ import annotations

import base64
import hashlib
import os
import signal
import socket
import struct
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from stream.errors import BrokerError, ConfigError
from stream.kafka.broker_config import (
    BrokerOptions,
    NodeSpec,
    ScramUser,
    format_args,
    initial_controllers,
    java_heap_args,
    random_kafka_uuid,
    render_properties,
    server_properties,
)
from stream.kafka.local_broker import (
    LocalBroker,
    is_answering,
    is_our_kafka,
    java_major,
    pom_kafka_version,
    probe,
    read_pid,
)
from stream.settings import Secret, Settings


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _node(i: int, tmp: Path, sasl: int | None = None) -> NodeSpec:
    return NodeSpec(i, 19090 + 2 * i, 19091 + 2 * i, tmp / f"n{i}", sasl_port=sasl)


def _broker(tmp_path: Path, **kw: object) -> LocalBroker:
    settings = Settings(kafka_port=_free_port(), kafka_controller_port=_free_port())
    return LocalBroker(settings, data_dir=tmp_path / "kafka", **kw)  # type: ignore[arg-type]


# --- properties ---------------------------------------------------------------------


def test_single_node_properties(tmp_path: Path) -> None:
    node = _node(1, tmp_path)
    props = server_properties(node, [node], BrokerOptions(partitions=4))
    assert props["process.roles"] == "broker,controller"
    assert props["node.id"] == "1"
    assert props["listeners"] == "PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093"
    assert props["advertised.listeners"] == props["listeners"]
    assert props["controller.quorum.bootstrap.servers"] == "127.0.0.1:19093"
    assert "controller.quorum.voters" not in props  # rejected together with --standalone
    assert props["listener.security.protocol.map"] == "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"
    assert props["log.dirs"] == str(tmp_path / "n1")
    assert props["num.partitions"] == "4"
    for key in (
        "offsets.topic.replication.factor",
        "transaction.state.log.replication.factor",
        "transaction.state.log.min.isr",
        "share.coordinator.state.topic.replication.factor",
        "share.coordinator.state.topic.min.isr",
    ):
        assert props[key] == "1"
    assert props["auto.create.topics.enable"] == "true"
    assert props["group.initial.rebalance.delay.ms"] == "0"
    assert props["log.retention.hours"] == "168"


def test_cluster_properties_list_every_controller(tmp_path: Path) -> None:
    quorum = [_node(i, tmp_path) for i in (1, 2, 3)]
    opts = BrokerOptions(replication_factor=3, min_insync_replicas=2)
    props = server_properties(quorum[1], quorum, opts)
    assert props["node.id"] == "2"
    assert props["controller.quorum.bootstrap.servers"] == (
        "127.0.0.1:19093,127.0.0.1:19095,127.0.0.1:19097"
    )
    assert props["offsets.topic.replication.factor"] == "3"
    assert props["transaction.state.log.min.isr"] == "2"
    ids = {1: "AAAAAAAAAAAAAAAAAAAAAQ", 2: "b", 3: "c"}
    assert initial_controllers(quorum, ids) == (
        "1@127.0.0.1:19093:AAAAAAAAAAAAAAAAAAAAAQ,2@127.0.0.1:19095:b,3@127.0.0.1:19097:c"
    )


def test_sasl_listener(tmp_path: Path) -> None:
    node = _node(1, tmp_path, sasl=19100)
    props = server_properties(node, [node], BrokerOptions())
    assert props["listeners"].endswith(",SASL_PLAINTEXT://127.0.0.1:19100")
    assert "SASL_PLAINTEXT:SASL_PLAINTEXT" in props["listener.security.protocol.map"]
    assert props["sasl.enabled.mechanisms"] == "SCRAM-SHA-256"
    assert props["inter.broker.listener.name"] == "PLAINTEXT"
    assert "ScramLoginModule" in props["listener.name.sasl_plaintext.scram-sha-256.sasl.jaas.config"]


@pytest.mark.parametrize(
    ("quorum_ids", "opts", "message"),
    [
        ((2, 3), BrokerOptions(), "not part of its own quorum"),
        ((1,), BrokerOptions(replication_factor=3), "replication factor"),
    ],
)
def test_bad_quorums_are_rejected(
    tmp_path: Path, quorum_ids: tuple[int, ...], opts: BrokerOptions, message: str
) -> None:
    with pytest.raises(ConfigError, match=message):
        server_properties(_node(1, tmp_path), [_node(i, tmp_path) for i in quorum_ids], opts)


def test_overlapping_ports_are_rejected(tmp_path: Path) -> None:
    a = NodeSpec(1, 19092, 19093, tmp_path)
    b = NodeSpec(2, 19093, 19094, tmp_path)
    with pytest.raises(ConfigError, match="overlap"):
        server_properties(a, [a, b], BrokerOptions())


def test_render_properties_parses_back() -> None:
    text = render_properties({"a.b": "1", "log.dirs": r"C:\x"})
    lines = [ln for ln in text.splitlines() if not ln.startswith("#")]
    assert lines == ["a.b=1", r"log.dirs=C:\\x"]


def test_random_kafka_uuid_is_a_valid_kafka_uuid() -> None:
    for _ in range(200):
        text = random_kafka_uuid()
        assert len(text) == 22 and not text.startswith("-")
        assert len(base64.urlsafe_b64decode(text + "==")) == 16
    assert len({random_kafka_uuid() for _ in range(50)}) == 50


def test_format_args(tmp_path: Path) -> None:
    props = tmp_path / "server.properties"
    assert format_args("CID", props) == ["format", "-t", "CID", "-c", str(props), "--standalone"]
    alice = ScramUser("alice", Secret("alice-secret"))
    args = format_args("CID", props, controllers="1@h:1:x", scram_users=[alice])
    assert args[-4:] == [
        "--initial-controllers",
        "1@h:1:x",
        "--add-scram",
        "SCRAM-SHA-256=[name=alice,password=alice-secret]",
    ]
    assert "alice-secret" not in repr(alice)


@pytest.mark.parametrize("password", ["", "a,b", "x]y", "p=q", "sp ace"])
def test_scram_password_that_storage_tool_would_misparse(password: str) -> None:
    with pytest.raises(ConfigError):
        ScramUser("alice", Secret(password)).format_arg()


def test_heap_args() -> None:
    assert java_heap_args("512m") == ["-Xmx512m", "-Xms512m"]
    for bad in ("", "512 m", "-1g", "1g -XX:+Evil"):
        with pytest.raises(ConfigError):
            java_heap_args(bad)


# --- tools ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "major"),
    [
        ('openjdk version "17.0.15" 2025-04-15', 17),
        ('openjdk version "21" 2023-09-19', 21),
        ('java version "1.8.0_292"', 8),
        ('openjdk version "11.0.2" 2019-01-15', 11),
        ("garbage", None),
    ],
)
def test_java_major(text: str, major: int | None) -> None:
    assert java_major(text) == major


def test_pom_version_is_read_from_the_real_pom() -> None:
    assert pom_kafka_version(LocalBroker.pom_path).startswith("4.")


def _script(path: Path, body: str) -> None:
    path.write_text("#!/bin/sh\n" + body)
    path.chmod(0o755)


@pytest.fixture
def fake_bin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An otherwise empty PATH; tests drop fake ``java``/``mvn`` scripts into it."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    monkeypatch.setenv("PATH", str(bin_dir))
    monkeypatch.delenv("JAVA_HOME", raising=False)
    return bin_dir


FAKE_MVN = """for a in "$@"; do case "$a" in -DoutputDirectory=*) d="${a#-DoutputDirectory=}";; esac; done
/usr/bin/touch "$d/kafka_2.13-9.9.9.jar"
echo ran >> "$(/usr/bin/dirname "$0")/mvn.calls"
"""


def test_missing_mvn_is_a_clear_error(tmp_path: Path, fake_bin: Path) -> None:
    broker = _broker(tmp_path, jars_dir=tmp_path / "jars")
    with pytest.raises(BrokerError, match=r"Maven \(`mvn`\) is required"):
        broker.ensure_jars()


def test_missing_java_is_a_clear_error(tmp_path: Path, fake_bin: Path) -> None:
    _script(fake_bin / "mvn", FAKE_MVN)
    with pytest.raises(BrokerError, match=r"Java 17\+ is required; found no `java`"):
        _broker(tmp_path, jars_dir=tmp_path / "jars").ensure_jars()


def test_old_java_is_a_clear_error(tmp_path: Path, fake_bin: Path) -> None:
    _script(fake_bin / "mvn", FAKE_MVN)
    _script(fake_bin / "java", "echo 'openjdk version \"11.0.2\" 2019-01-15' >&2\n")
    with pytest.raises(BrokerError, match=r'Java 17\+ is required; found openjdk version "11.0.2"'):
        _broker(tmp_path, jars_dir=tmp_path / "jars").ensure_jars()


def test_jars_are_fetched_once_and_again_when_the_pom_changes(
    tmp_path: Path, fake_bin: Path
) -> None:
    _script(fake_bin / "mvn", FAKE_MVN)
    _script(fake_bin / "java", "echo 'openjdk version \"17.0.15\" 2025-04-15' >&2\n")
    jars = tmp_path / "jars"
    broker = _broker(tmp_path, jars_dir=jars)
    assert broker.ensure_jars() == jars
    assert broker.ensure_jars() == jars
    assert (fake_bin / "mvn.calls").read_text().count("ran") == 1
    pom_hash = hashlib.sha256(broker.pom_path.read_bytes()).hexdigest()
    assert (jars / ".complete").read_text().strip() == pom_hash

    (jars / "stale-1.0.jar").touch()
    (jars / ".complete").write_text("hash-of-an-older-pom\n")
    broker.ensure_jars()
    assert (fake_bin / "mvn.calls").read_text().count("ran") == 2
    assert sorted(p.name for p in jars.iterdir()) == [".complete", "kafka_2.13-9.9.9.jar"]
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith("jars")] == ["jars"]


def test_failing_mvn_keeps_nothing(tmp_path: Path, fake_bin: Path) -> None:
    _script(fake_bin / "mvn", "echo 'Could not resolve dependencies' ; exit 1\n")
    _script(fake_bin / "java", "echo 'openjdk version \"17.0.15\"' >&2\n")
    with pytest.raises(BrokerError, match=r"(?s)mvn failed \(exit 1\).*Could not resolve"):
        _broker(tmp_path, jars_dir=tmp_path / "jars").ensure_jars()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith("jars")] == []


# --- data dir, pid file, processes -------------------------------------------------


def test_default_data_dir_is_per_port(tmp_path: Path) -> None:
    broker = LocalBroker(Settings(data_dir=tmp_path, kafka_port=19192))
    assert broker.data_dir == tmp_path / "kafka-19192"
    assert broker.bootstrap == "127.0.0.1:19192"
    env = {"NEWSSTREAM_KAFKA_DATA_DIR": str(tmp_path / "k"), "NEWSSTREAM_KAFKA_PORT": "19194"}
    broker = LocalBroker(Settings.from_env(env))
    assert broker.data_dir == tmp_path / "k"
    assert broker.bootstrap == "127.0.0.1:19194"


def test_read_pid(tmp_path: Path) -> None:
    pid_file = tmp_path / "broker.pid"
    assert read_pid(pid_file) is None
    for junk in ("", "abc", "-5", "1"):
        pid_file.write_text(junk)
        assert read_pid(pid_file) is None
    pid_file.write_text("4242\n")
    assert read_pid(pid_file) == 4242


def test_down_never_signals_a_process_that_is_not_our_broker(tmp_path: Path) -> None:
    broker = _broker(tmp_path)
    broker.data_dir.mkdir(parents=True)
    broker.pid_file.write_text(f"{os.getpid()}\n")  # the test runner itself
    assert broker.running_pid() is None
    assert not broker.pid_file.exists()  # the stale file is cleared
    broker.pid_file.write_text(f"{os.getpid()}\n")
    assert broker.down() is False
    assert not broker.pid_file.exists()


def test_down_with_nothing_running(tmp_path: Path) -> None:
    assert _broker(tmp_path).down() is False


class FakeKafka:
    """Processes whose cmdline looks like ``java ... kafka.Kafka <our props>``.

    They are Python under the name ``java``; a ``stubborn`` one ignores
    SIGTERM. Each says ``ready`` once its handlers are in place.
    """

    CODE = (
        "import signal,sys\n"
        "if sys.argv[1] == 'stubborn': signal.signal(signal.SIGTERM, signal.SIG_IGN)\n"
        "print('ready', flush=True)\n"
        "signal.pause()\n"
    )

    def __init__(self, tmp_path: Path) -> None:
        self.broker = _broker(tmp_path)
        self.broker.data_dir.mkdir(parents=True)
        self.java = tmp_path / "bin" / "java"
        self.java.parent.mkdir()
        self.java.symlink_to(sys.executable)
        self.procs: list[subprocess.Popen[bytes]] = []

    def start(self, mode: str) -> subprocess.Popen[bytes]:
        args = [str(self.java), "-c", self.CODE, mode, "kafka.Kafka", str(self.broker.props_file)]
        proc = subprocess.Popen(args, stdout=subprocess.PIPE)
        self.procs.append(proc)
        assert proc.stdout is not None and proc.stdout.readline() == b"ready\n"
        self.broker.pid_file.write_text(f"{proc.pid}\n")
        return proc


@pytest.fixture
def fake_kafka(tmp_path: Path) -> Iterator[FakeKafka]:
    fake = FakeKafka(tmp_path)
    yield fake
    for proc in fake.procs:
        if proc.poll() is None:
            proc.kill()
        proc.wait()
        if proc.stdout is not None:
            proc.stdout.close()


def test_down_terminates_our_broker(fake_kafka: FakeKafka) -> None:
    broker = fake_kafka.broker
    proc = fake_kafka.start("polite")
    assert is_our_kafka(proc.pid, broker.props_file)
    assert not is_our_kafka(proc.pid, broker.data_dir / "other.properties")
    assert broker.running_pid() == proc.pid
    assert broker.down(timeout=30) is True
    assert proc.wait(timeout=10) == -signal.SIGTERM
    assert not broker.pid_file.exists()
    assert broker.down() is False


def test_down_escalates_to_sigkill(fake_kafka: FakeKafka) -> None:
    proc = fake_kafka.start("stubborn")
    assert fake_kafka.broker.down(timeout=0.3) is True
    assert proc.wait(timeout=10) == -signal.SIGKILL


# --- ports and the wire probe --------------------------------------------------------


@pytest.mark.parametrize("which", ["kafka_port", "kafka_controller_port"])
def test_up_refuses_a_port_taken_by_another_process(tmp_path: Path, which: str) -> None:
    broker = _broker(tmp_path)
    port = getattr(broker.settings, which)
    with socket.socket() as squatter:
        squatter.bind(("127.0.0.1", port))
        squatter.listen()
        with pytest.raises(BrokerError, match=f"port {port} is taken by another process"):
            broker.up(timeout=5)
    assert not broker.pid_file.exists()


def _metadata_v4_response(correlation_id: int, cluster_id: str, ids: list[int]) -> bytes:
    def s(text: str | None) -> bytes:
        return struct.pack(">h", -1) if text is None else struct.pack(">h", len(text)) + text.encode()

    body = struct.pack(">iii", correlation_id, 0, len(ids))
    for i in ids:
        body += struct.pack(">i", i) + s("127.0.0.1") + struct.pack(">i", 9092) + s(None)
    body += s(cluster_id) + struct.pack(">ii", ids[0] if ids else -1, 0)
    return struct.pack(">i", len(body)) + body


@pytest.fixture
def fake_broker() -> Iterator[tuple[int, list[bytes], list[bytes]]]:
    """A one-shot-per-connection server answering with the queued responses."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    requests: list[bytes] = []
    replies: list[bytes] = []

    def serve() -> None:
        while True:
            try:
                conn, _ = server.accept()
            except OSError:
                return
            with conn:
                (size,) = struct.unpack(">i", conn.recv(4, socket.MSG_WAITALL))
                requests.append(conn.recv(size, socket.MSG_WAITALL))
                conn.sendall(replies.pop(0) if replies else b"")

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield int(server.getsockname()[1]), requests, replies
    server.shutdown(socket.SHUT_RDWR)  # wakes the blocked accept(); close() alone does not
    server.close()
    thread.join(timeout=5)


def test_probe_sends_metadata_v4_and_reads_the_cluster(fake_broker) -> None:  # type: ignore[no-untyped-def]
    port, requests, replies = fake_broker
    replies.append(_metadata_v4_response(1, "Cluster-Id-xyz", [1, 2, 3]))
    view = probe(f"127.0.0.1:{port}")
    assert view is not None
    assert (view.cluster_id, view.broker_ids) == ("Cluster-Id-xyz", (1, 2, 3))
    api_key, version, correlation_id = struct.unpack_from(">hhi", requests[0])
    assert (api_key, version, correlation_id) == (3, 4, 1)


def test_is_answering_needs_a_real_answer(fake_broker) -> None:  # type: ignore[no-untyped-def]
    port, _, replies = fake_broker
    assert is_answering(f"127.0.0.1:{port}") is False  # accepts, then closes without a reply
    replies.append(_metadata_v4_response(7, "c", [1]))  # wrong correlation id
    assert is_answering(f"127.0.0.1:{port}") is False
    replies.append(_metadata_v4_response(1, "c", []))  # no live broker yet
    assert is_answering(f"127.0.0.1:{port}") is False
    replies.append(_metadata_v4_response(1, "c", [1]))
    assert is_answering(f"127.0.0.1:{_free_port()},127.0.0.1:{port}") is True


def test_is_answering_with_nothing_listening() -> None:
    assert is_answering(f"127.0.0.1:{_free_port()}", timeout=1.0) is False

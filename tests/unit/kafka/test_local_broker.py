"""The local broker launcher without Java: tools, jar cache, pid files, ports."""

from __future__ import annotations

import hashlib
import os
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from stream.errors import BrokerError
from stream.kafka.local_broker import LocalBroker, is_our_kafka, pom_kafka_version, read_pid
from stream.settings import Settings


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _broker(tmp_path: Path, **kw: object) -> LocalBroker:
    settings = Settings(kafka_port=_free_port(), kafka_controller_port=_free_port())
    return LocalBroker(settings, data_dir=tmp_path / "kafka", **kw)  # type: ignore[arg-type]


# --- tools ------------------------------------------------------------------------


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

"""Start, stop and probe a real KRaft Kafka broker from Maven Central jars.

Used by ``newsstream kafka up|down|status``, the integration tests and the
demo. The broker runs detached (its own session, output to files under its
data dir), so it outlives the command that started it; the pid file is the
only handle ``down`` trusts, and it is checked against ``/proc/<pid>/cmdline``
before any signal is sent.

Data dir layout: ``server.properties``, ``broker.pid``, ``kraft/`` (Kafka's
``log.dirs``, with ``meta.properties`` once formatted) and ``logs/``
(``server.log`` from log4j, ``stdout.log`` for JVM-level failures).
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import shutil
import signal
import subprocess
import time
from collections.abc import Sequence
from pathlib import Path

from stream.errors import BrokerError
from stream.kafka.broker_config import (
    HOST,
    BrokerOptions,
    NodeSpec,
    ScramUser,
    format_args,
    java_heap_args,
    random_kafka_uuid,
    render_properties,
    server_properties,
)
from stream.kafka.broker_host import (
    MIN_JAVA,
    ClusterView,
    find_java,
    is_answering,
    is_our_kafka,
    java_major,
    pom_kafka_version,
    port_is_free,
    probe,
    process_alive,
    read_pid,
    tail_lines,
    write_atomic,
)
from stream.settings import Settings

__all__ = [
    "MIN_JAVA",
    "ClusterView",
    "LocalBroker",
    "find_java",
    "is_answering",
    "is_our_kafka",
    "java_major",
    "pom_kafka_version",
    "probe",
    "read_pid",
    "with_ports",
]

_DEPLOY = Path(__file__).resolve().parents[2] / "deploy" / "kafka"
POM = _DEPLOY / "pom.xml"
LOG4J_CONFIG = _DEPLOY / "log4j2.yaml"
LOG_TAIL_LINES = 20
_MARKER = ".complete"
_POLL_S = 0.2


# --- The launcher -----------------------------------------------------------------


class LocalBroker:
    """One combined broker+controller KRaft node on loopback."""

    pom_path: Path = POM
    log4j_config: Path = LOG4J_CONFIG

    def __init__(
        self,
        settings: Settings,
        *,
        node_id: int = 1,
        jars_dir: Path | None = None,
        data_dir: Path | None = None,
        sasl_port: int | None = None,
        scram_users: Sequence[ScramUser] = (),
    ) -> None:
        self.settings = settings
        if data_dir is None:
            configured = settings.kafka_data_dir
            data_dir = (
                Path(configured).expanduser()
                if configured
                else settings.data_dir / f"kafka-{settings.kafka_port}"
            )
        self.data_dir = Path(data_dir).absolute()
        self._jars_dir = jars_dir
        self.node = NodeSpec(
            node_id=node_id,
            port=settings.kafka_port,
            controller_port=settings.kafka_controller_port,
            log_dir=self.data_dir / "kraft",
            sasl_port=sasl_port,
        )
        self.scram_users = tuple(scram_users)
        # A LocalCluster replaces these three through _join().
        self._quorum: tuple[NodeSpec, ...] = (self.node,)
        self._options = BrokerOptions(partitions=settings.partitions)
        self._controllers: str | None = None
        self._new_cluster_id: str | None = None
        self._proc: subprocess.Popen[bytes] | None = None

    # -- paths and identity
    @property
    def bootstrap(self) -> str:
        return f"{HOST}:{self.node.port}"

    @property
    def props_file(self) -> Path:
        return self.data_dir / "server.properties"

    @property
    def pid_file(self) -> Path:
        return self.data_dir / "broker.pid"

    @property
    def logs_dir(self) -> Path:
        return self.data_dir / "logs"

    @property
    def server_log(self) -> Path:
        return self.logs_dir / "server.log"

    @property
    def stdout_log(self) -> Path:
        return self.logs_dir / "stdout.log"

    @property
    def jars_dir(self) -> Path:
        if self._jars_dir is not None:
            return Path(self._jars_dir)
        return self.settings.kafka_home / f"jars-{pom_kafka_version(self.pom_path)}"

    def cluster_id(self) -> str | None:
        """The id this node was formatted with, or None before formatting."""
        return self._meta("cluster.id")

    def _meta(self, name: str) -> str | None:
        try:
            text = (self.node.log_dir / "meta.properties").read_text()
        except OSError:
            return None
        for line in text.splitlines():
            key, _, value = line.partition("=")
            if key.strip() == name:
                return value.strip()
        return None

    def running_pid(self) -> int | None:
        """The pid in our pid file when it is still our broker; clears a stale file."""
        pid = read_pid(self.pid_file)
        if pid is not None and is_our_kafka(pid, self.props_file):
            return pid
        self.pid_file.unlink(missing_ok=True)
        return None

    # -- public operations
    def ensure_jars(self) -> Path:
        """Fetch the broker's jars with Maven once per pom content; return their dir."""
        jars = self.jars_dir
        digest = hashlib.sha256(self.pom_path.read_bytes()).hexdigest()
        marker = jars / _MARKER
        if marker.is_file() and marker.read_text().strip() == digest:
            find_java()
            return jars
        mvn = shutil.which("mvn")
        if mvn is None:
            raise BrokerError(
                "Maven (`mvn`) is required to fetch the Kafka jars from Maven Central; "
                "install it (e.g. apt-get install maven)"
            )
        find_java()
        partial = jars.with_name(f"{jars.name}.partial-{os.getpid()}")
        shutil.rmtree(partial, ignore_errors=True)
        partial.mkdir(parents=True)
        cmd = [mvn, "-q", "-B", "-f", str(self.pom_path), "dependency:copy-dependencies",
               "-DincludeScope=runtime", f"-DoutputDirectory={partial}"]  # fmt: skip
        done = subprocess.run(cmd, capture_output=True, text=True)
        if done.returncode != 0 or not any(partial.glob("kafka_2.13-*.jar")):
            shutil.rmtree(partial, ignore_errors=True)
            tail = (done.stdout + done.stderr).strip().splitlines()[-LOG_TAIL_LINES:]
            raise BrokerError(f"mvn failed (exit {done.returncode}):\n" + "\n".join(tail))
        (partial / _MARKER).write_text(digest + "\n")
        # Swap whole directories so a changed pom never leaves stale jars behind.
        old = jars.with_name(f"{jars.name}.old-{os.getpid()}")
        if jars.exists():
            jars.replace(old)
        partial.replace(jars)
        shutil.rmtree(old, ignore_errors=True)
        return jars

    def up(self, timeout: float = 90.0) -> None:
        """Start the broker unless ours already runs; return once it answers."""
        deadline = time.monotonic() + timeout
        pid = self.running_pid()
        if pid is None:
            if self._ports_held_by_ours():
                return
            pid = self._start(self.ensure_jars())
            self._await(pid, deadline, kill_on_failure=True)
        else:
            self._await(pid, deadline, kill_on_failure=False)

    def down(self, timeout: float = 30.0) -> bool:
        """Stop our broker (SIGTERM, then SIGKILL); False when none was running."""
        pid = self.running_pid()
        if pid is None:
            return False
        self._signal(pid, signal.SIGTERM)
        if not self._wait_exit(pid, timeout):
            self._signal(pid, signal.SIGKILL)
            self._wait_exit(pid, 10.0)
        self.pid_file.unlink(missing_ok=True)
        return True

    def kill(self) -> bool:
        """SIGKILL our broker at once (a crash, for fault-injection tests)."""
        pid = self.running_pid()
        if pid is None:
            return False
        self._signal(pid, signal.SIGKILL)
        self._wait_exit(pid, 10.0)
        self.pid_file.unlink(missing_ok=True)
        return True

    def status(self) -> bool:
        return is_answering(self.bootstrap)

    # -- internals (also driven by LocalCluster)
    def _join(
        self,
        quorum: Sequence[NodeSpec],
        options: BrokerOptions,
        controllers: str,
        cluster_id: str,
    ) -> None:
        self._quorum = tuple(quorum)
        self._options = options
        self._controllers = controllers
        self._new_cluster_id = cluster_id

    def _ports_held_by_ours(self) -> bool:
        """False when our ports are free; True when our broker (pid file lost)
        answers on them; BrokerError when anything else holds one."""
        taken = [p for p in self.node.ports() if not port_is_free(p)]
        if not taken:
            return False
        ours = self.cluster_id()  # None before formatting: then nothing there is ours
        view = probe(self.bootstrap) if ours is not None else None
        if view is not None and view.cluster_id == ours:
            return True
        raise BrokerError(f"port {taken[0]} is taken by another process")

    def directory_id(self) -> str | None:
        return self._meta("directory.id")

    def _java_cmd(self, jars: Path, java: str, heap: str) -> list[str]:
        return [
            java,
            *java_heap_args(heap),
            "-cp",
            f"{jars}/*",
            f"-Dlog4j2.configurationFile={self.log4j_config}",
            f"-Dkafka.logs.dir={self.logs_dir}",
            "-Djava.awt.headless=true",
        ]

    def _prepare(self, jars: Path) -> str:
        """Write server.properties and format storage once; return the java path."""
        java = find_java()
        self.logs_dir.mkdir(parents=True, exist_ok=True)
        props = server_properties(self.node, self._quorum, self._options)
        write_atomic(self.props_file, render_properties(props))
        if (self.node.log_dir / "meta.properties").exists():
            return java
        cluster_id = self._new_cluster_id or random_kafka_uuid()
        args = format_args(
            cluster_id, self.props_file, controllers=self._controllers, scram_users=self.scram_users
        )
        cmd = [*self._java_cmd(jars, java, "256m"), "kafka.tools.StorageTool", *args]
        try:
            done = subprocess.run(cmd, capture_output=True, text=True, timeout=180)
        except subprocess.TimeoutExpired as exc:
            raise BrokerError("formatting Kafka storage timed out after 180 s") from exc
        if done.returncode != 0:
            tail = (done.stdout + done.stderr).strip().splitlines()[-LOG_TAIL_LINES:]
            raise BrokerError("formatting Kafka storage failed:\n" + "\n".join(tail))
        return java

    def _start(self, jars: Path) -> int:
        java = self._prepare(jars)
        cmd = [
            *self._java_cmd(jars, java, self.settings.kafka_heap),
            "-XX:+ExitOnOutOfMemoryError",
            "kafka.Kafka",
            str(self.props_file),
        ]
        with self.stdout_log.open("ab") as out:
            self._proc = subprocess.Popen(
                cmd,
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=subprocess.STDOUT,
                cwd=self.data_dir,
                start_new_session=True,
            )
        write_atomic(self.pid_file, f"{self._proc.pid}\n")
        return self._proc.pid

    def _await(self, pid: int, deadline: float, *, kill_on_failure: bool) -> None:
        while True:
            if not self._alive(pid):
                self.pid_file.unlink(missing_ok=True)
                raise self._failure(f"the broker (pid {pid}) exited during startup")
            view = probe(self.bootstrap, timeout=1.0)
            if view is not None and self.node.node_id in view.broker_ids:
                return
            if time.monotonic() >= deadline:
                break
            time.sleep(_POLL_S)
        if kill_on_failure:
            self._signal(pid, signal.SIGKILL)
            self._wait_exit(pid, 10.0)
            self.pid_file.unlink(missing_ok=True)
        raise self._failure(f"the broker (pid {pid}) did not answer on {self.bootstrap} in time")

    def _failure(self, message: str) -> BrokerError:
        lines = tail_lines(self.stdout_log, LOG_TAIL_LINES) + tail_lines(self.server_log, LOG_TAIL_LINES)
        detail = "\n".join(lines[-LOG_TAIL_LINES:]) or "(the broker wrote no log)"
        return BrokerError(f"{message}; last lines of {self.logs_dir}:\n{detail}")

    def _alive(self, pid: int) -> bool:
        if self._proc is not None and self._proc.pid == pid:
            return self._proc.poll() is None
        return process_alive(pid)

    def _wait_exit(self, pid: int, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        while self._alive(pid):
            if time.monotonic() >= deadline:
                return False
            time.sleep(0.1)
        return True

    @staticmethod
    def _signal(pid: int, sig: signal.Signals) -> None:
        try:
            os.kill(pid, sig)
        except ProcessLookupError:
            pass


def with_ports(settings: Settings, port: int, controller_port: int) -> Settings:
    """``settings`` for a broker on other ports (tests, cluster nodes)."""
    return dataclasses.replace(settings, kafka_port=port, kafka_controller_port=controller_port)

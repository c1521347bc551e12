"""Pure generation of KRaft ``server.properties`` and ``StorageTool`` arguments.

Nothing here touches the disk, the network or a process: the launcher
(:mod:`stream.kafka.local_broker`) owns all of that. Every node runs in
combined mode (``process.roles=broker,controller``) on loopback, so a single
node and an N-node test cluster differ only in the quorum they are given.
"""

from __future__ import annotations

import base64
import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from stream.errors import ConfigError
from stream.settings import Secret

HOST = "127.0.0.1"
SCRAM_MECHANISMS = ("SCRAM-SHA-256", "SCRAM-SHA-512")
# StorageTool parses ``--add-scram 'MECH=[name=x,password=y]'`` by splitting on
# these characters; refusing them beats quoting rules that differ per version.
_SCRAM_FORBIDDEN = re.compile(r'[,\[\]="\s]')
_HEAP = re.compile(r"[1-9][0-9]{0,6}[kKmMgG]?")


@dataclass(frozen=True)
class ScramUser:
    name: str
    password: Secret
    mechanism: str = "SCRAM-SHA-256"

    def format_arg(self) -> str:
        """The value of one ``StorageTool format --add-scram`` option."""
        if self.mechanism not in SCRAM_MECHANISMS:
            raise ConfigError(f"unknown SCRAM mechanism {self.mechanism!r}")
        for what, value in (("name", self.name), ("password", self.password.reveal())):
            if not value or _SCRAM_FORBIDDEN.search(value):
                raise ConfigError(f"SCRAM {what} must be non-empty without , [ ] = \" or spaces")
        return f"{self.mechanism}=[name={self.name},password={self.password.reveal()}]"


@dataclass(frozen=True)
class NodeSpec:
    """One combined broker+controller process on loopback."""

    node_id: int
    port: int
    controller_port: int
    log_dir: Path
    sasl_port: int | None = None

    @property
    def controller_endpoint(self) -> str:
        return f"{HOST}:{self.controller_port}"

    def ports(self) -> tuple[int, ...]:
        extra = () if self.sasl_port is None else (self.sasl_port,)
        return (self.port, self.controller_port, *extra)


@dataclass(frozen=True)
class BrokerOptions:
    """Cluster-wide broker settings (the same on every node)."""

    partitions: int = 6
    # Replication of internal topics (offsets, transactions, share state) and
    # of auto-created topics; 1 for a single node, up to 3 for a test cluster.
    replication_factor: int = 1
    min_insync_replicas: int = 1
    # 16 MiB segments: small enough that retention tests roll segments quickly,
    # large enough that the demo's few thousand articles fit in one or two.
    segment_bytes: int = 16 * 1024 * 1024
    retention_hours: int = 168
    sasl_mechanisms: tuple[str, ...] = ("SCRAM-SHA-256",)


def server_properties(
    node: NodeSpec, quorum: Sequence[NodeSpec], options: BrokerOptions
) -> dict[str, str]:
    """``server.properties`` for ``node`` in a quorum of combined nodes."""
    if node.node_id not in {n.node_id for n in quorum}:
        raise ConfigError(f"node {node.node_id} is not part of its own quorum")
    ports = [p for n in quorum for p in n.ports()]
    if len(ports) != len(set(ports)):
        raise ConfigError(f"quorum ports overlap: {sorted(ports)}")
    if options.replication_factor > len(quorum):
        raise ConfigError(
            f"replication factor {options.replication_factor} needs at least that many nodes"
        )
    listeners = {"PLAINTEXT": node.port, "CONTROLLER": node.controller_port}
    if node.sasl_port is not None:
        listeners["SASL_PLAINTEXT"] = node.sasl_port
    endpoints = ",".join(f"{name}://{HOST}:{port}" for name, port in listeners.items())
    rf = str(options.replication_factor)
    isr = str(options.min_insync_replicas)
    props = {
        "process.roles": "broker,controller",
        "node.id": str(node.node_id),
        "controller.quorum.bootstrap.servers": ",".join(n.controller_endpoint for n in quorum),
        "listeners": endpoints,
        "advertised.listeners": endpoints,
        "inter.broker.listener.name": "PLAINTEXT",
        "controller.listener.names": "CONTROLLER",
        # The controller listener speaks plain text: it is bound to loopback.
        "listener.security.protocol.map": ",".join(
            f"{name}:{'PLAINTEXT' if name == 'CONTROLLER' else name}" for name in listeners
        ),
        "log.dirs": str(node.log_dir),
        "num.partitions": str(options.partitions),
        "default.replication.factor": rf,
        "min.insync.replicas": isr,
        "auto.create.topics.enable": "true",
        "group.initial.rebalance.delay.ms": "0",
        "offsets.topic.replication.factor": rf,
        "transaction.state.log.replication.factor": rf,
        "transaction.state.log.min.isr": isr,
        "share.coordinator.state.topic.replication.factor": rf,
        "share.coordinator.state.topic.min.isr": isr,
        "log.retention.hours": str(options.retention_hours),
        "log.segment.bytes": str(options.segment_bytes),
        # One recovery thread per dir is plenty for test-sized logs on 2 cores.
        "num.recovery.threads.per.data.dir": "1",
    }
    if node.sasl_port is not None:
        props["sasl.enabled.mechanisms"] = ",".join(options.sasl_mechanisms)
        for mech in options.sasl_mechanisms:
            props[f"listener.name.sasl_plaintext.{mech.lower()}.sasl.jaas.config"] = (
                "org.apache.kafka.common.security.scram.ScramLoginModule required;"
            )
    return props


def render_properties(props: Mapping[str, str]) -> str:
    """Java ``.properties`` text; values here never need escaping beyond ``\\``."""
    lines = ["# Written by newsstream's local broker launcher; rewritten on every start."]
    lines += [f"{k}={v.replace(chr(92), chr(92) * 2)}" for k, v in props.items()]
    return "\n".join(lines) + "\n"


def random_kafka_uuid() -> str:
    """A Kafka ``Uuid`` string, as ``StorageTool random-uuid`` prints it.

    Generated here rather than by the tool to save one JVM start (about a
    second on the 2-core CI machine). Like ``Uuid.randomUuid()`` it never
    starts with ``-`` (it would parse as a CLI flag) and is never the reserved
    all-zero or metadata-topic ids (both have 15 zero bytes).
    """
    while True:
        raw = os.urandom(16)
        text = base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")
        if not text.startswith("-") and raw[:15] != bytes(15):
            return text


def initial_controllers(quorum: Sequence[NodeSpec], directory_ids: Mapping[int, str]) -> str:
    """The ``--initial-controllers`` value: ``id@host:port:dirid`` for every node."""
    return ",".join(
        f"{n.node_id}@{n.controller_endpoint}:{directory_ids[n.node_id]}" for n in quorum
    )


def format_args(
    cluster_id: str,
    props_file: Path,
    *,
    controllers: str | None = None,
    scram_users: Sequence[ScramUser] = (),
) -> list[str]:
    """``StorageTool`` arguments; ``controllers=None`` formats a standalone quorum."""
    args = ["format", "-t", cluster_id, "-c", str(props_file)]
    args += ["--standalone"] if controllers is None else ["--initial-controllers", controllers]
    for user in scram_users:
        args += ["--add-scram", user.format_arg()]
    return args


def java_heap_args(heap: str) -> list[str]:
    if not _HEAP.fullmatch(heap):
        raise ConfigError(f"NEWSSTREAM_KAFKA_HEAP must look like 512m or 1g, not {heap!r}")
    return [f"-Xmx{heap}", f"-Xms{heap}"]

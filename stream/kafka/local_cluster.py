"""Several combined KRaft nodes on loopback, for fault-injection tests.

Node ``i`` (1-based node id) listens on ``base_port + 2(i-1)`` (PLAINTEXT)
and the next port (CONTROLLER), and keeps its data in ``<data_dir>/node-<i>``.
Every node is a voter: all are formatted with the same cluster id and the
same ``--initial-controllers`` list, so the quorum survives losing any
minority of nodes.
"""

from __future__ import annotations

import signal
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from stream.errors import BrokerError, ConfigError
from stream.kafka.broker_config import BrokerOptions, initial_controllers, random_kafka_uuid
from stream.kafka.local_broker import LocalBroker, is_answering, with_ports
from stream.settings import Settings


class LocalCluster:
    def __init__(
        self,
        settings: Settings,
        *,
        nodes: int = 3,
        base_port: int = 19092,
        data_dir: Path | None = None,
        jars_dir: Path | None = None,
    ) -> None:
        if not 1 <= nodes <= 9:
            raise ConfigError("a local cluster has 1 to 9 nodes")
        if not 1024 <= base_port <= 65535 - 2 * nodes:
            raise ConfigError(f"base_port {base_port} leaves no room for {nodes} nodes")
        root = data_dir if data_dir is not None else settings.data_dir / f"kafka-cluster-{base_port}"
        self.data_dir = Path(root).absolute()
        self.nodes: dict[int, LocalBroker] = {
            i: LocalBroker(
                with_ports(settings, base_port + 2 * (i - 1), base_port + 2 * (i - 1) + 1),
                node_id=i,
                jars_dir=jars_dir,
                data_dir=self.data_dir / f"node-{i}",
            )
            for i in range(1, nodes + 1)
        }
        # RF 3 / min ISR 2 is the production shape the fault tests exercise:
        # one node down keeps every partition writable with acks=all.
        rf = min(3, nodes)
        self.options = BrokerOptions(
            partitions=settings.partitions,
            replication_factor=rf,
            min_insync_replicas=max(1, rf - 1),
        )
        self._join_all()

    @property
    def bootstrap(self) -> str:
        return ",".join(node.bootstrap for node in self.nodes.values())

    def node(self, node_id: int) -> LocalBroker:
        try:
            return self.nodes[node_id]
        except KeyError:
            raise BrokerError(f"no node {node_id}; nodes are {sorted(self.nodes)}") from None

    def _join_all(self) -> None:
        """Give every node the shared quorum, reusing ids already on disk."""
        brokers = list(self.nodes.values())
        existing = {b.cluster_id() for b in brokers} - {None}
        if len(existing) > 1:
            raise BrokerError(f"nodes under {self.data_dir} belong to different clusters")
        cluster_id = existing.pop() if existing else random_kafka_uuid()
        dir_ids = {b.node.node_id: b.directory_id() or random_kafka_uuid() for b in brokers}
        quorum = [b.node for b in brokers]
        controllers = initial_controllers(quorum, dir_ids)
        for b in brokers:
            b._join(quorum, self.options, controllers, cluster_id)

    def up(self, timeout: float = 120.0) -> None:
        """Start every node that is not running; return when all answer.

        All processes start before any is awaited: a node only answers once a
        majority of controllers has elected a leader.
        """
        deadline = time.monotonic() + timeout
        self._join_all()
        stopped = [
            b for b in self.nodes.values()
            if b.running_pid() is None and not b._ports_held_by_ours()
        ]  # fmt: skip
        started: list[LocalBroker] = []
        try:
            if stopped:
                jars = stopped[0].ensure_jars()
                # Formatting is one JVM per node: run them side by side.
                with ThreadPoolExecutor(len(stopped)) as pool:
                    list(pool.map(lambda b: b._prepare(jars), stopped))
                for b in stopped:
                    b._start(jars)
                    started.append(b)
            for b in self.nodes.values():
                pid = b.running_pid()
                if pid is not None:
                    b._await(pid, deadline, kill_on_failure=False)
        except BrokerError:
            for b in started:
                b.kill()
            raise

    def down(self, timeout: float = 30.0) -> bool:
        """Stop all nodes at once; False when none was running.

        SIGTERM goes to every node before waiting on any: stopped one by one,
        the last nodes lose their quorum and stall in controlled shutdown.
        """
        running = [(b, pid) for b in self.nodes.values() if (pid := b.running_pid()) is not None]
        for b, pid in running:
            b._signal(pid, signal.SIGTERM)
        deadline = time.monotonic() + timeout
        for b, pid in running:
            if not b._wait_exit(pid, max(0.0, deadline - time.monotonic())):
                b._signal(pid, signal.SIGKILL)
                b._wait_exit(pid, 10.0)
            b.pid_file.unlink(missing_ok=True)
        return bool(running)

    def kill_node(self, node_id: int) -> bool:
        """Crash one node (SIGKILL, no controlled shutdown)."""
        return self.node(node_id).kill()

    def stop_node(self, node_id: int, timeout: float = 30.0) -> bool:
        """Stop one node gracefully (SIGTERM, controlled shutdown)."""
        return self.node(node_id).down(timeout)

    def start_node(self, node_id: int, timeout: float = 90.0) -> None:
        """Restart one node on its existing storage; return once it answers."""
        self._join_all()
        self.node(node_id).up(timeout)

    def status(self) -> dict[int, bool]:
        """Whether each node answers a Kafka request."""
        return {i: is_answering(b.bootstrap) for i, b in self.nodes.items()}

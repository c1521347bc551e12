"""Pure KRaft property and StorageTool argument generation."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest

from stream.errors import ConfigError
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
from stream.settings import Secret


def _node(i: int, tmp: Path, sasl: int | None = None) -> NodeSpec:
    return NodeSpec(i, 19090 + 2 * i, 19091 + 2 * i, tmp / f"n{i}", sasl_port=sasl)



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

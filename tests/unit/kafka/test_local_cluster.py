"""Layout of a local multi-node cluster, without starting it."""

from __future__ import annotations

from pathlib import Path

import pytest

from stream.errors import BrokerError, ConfigError
from stream.kafka.broker_config import server_properties
from stream.kafka.local_cluster import LocalCluster
from stream.settings import Settings


def test_nodes_get_distinct_ports_dirs_and_one_quorum(tmp_path: Path) -> None:
    cluster = LocalCluster(Settings(partitions=3), nodes=3, base_port=19500, data_dir=tmp_path)
    assert cluster.bootstrap == "127.0.0.1:19500,127.0.0.1:19502,127.0.0.1:19504"
    assert [n.node.controller_port for n in cluster.nodes.values()] == [19501, 19503, 19505]
    assert [n.data_dir for n in cluster.nodes.values()] == [
        tmp_path / "node-1",
        tmp_path / "node-2",
        tmp_path / "node-3",
    ]
    node2 = cluster.node(2)
    props = server_properties(node2.node, node2._quorum, cluster.options)
    assert props["node.id"] == "2"
    assert props["controller.quorum.bootstrap.servers"].count(",") == 2
    assert props["min.insync.replicas"] == "2"
    assert props["offsets.topic.replication.factor"] == "3"
    controllers = {n._controllers for n in cluster.nodes.values()}
    assert len(controllers) == 1  # every node is formatted with the same voter set
    assert {n._new_cluster_id for n in cluster.nodes.values()} != {None}
    with pytest.raises(BrokerError, match="no node 4"):
        cluster.node(4)


def test_existing_storage_ids_are_reused(tmp_path: Path) -> None:
    for i, cid in ((1, "ClusterA"), (2, "ClusterA")):
        meta = tmp_path / f"node-{i}" / "kraft" / "meta.properties"
        meta.parent.mkdir(parents=True)
        meta.write_text(f"version=1\nnode.id={i}\ncluster.id={cid}\ndirectory.id=Dir{i}\n")
    cluster = LocalCluster(Settings(), nodes=3, base_port=19600, data_dir=tmp_path)
    assert cluster.node(3)._new_cluster_id == "ClusterA"
    controllers = cluster.node(3)._controllers or ""
    assert "1@127.0.0.1:19601:Dir1" in controllers and "2@127.0.0.1:19603:Dir2" in controllers

    meta = tmp_path / "node-3" / "kraft" / "meta.properties"
    meta.parent.mkdir(parents=True)
    meta.write_text("version=1\nnode.id=3\ncluster.id=ClusterB\ndirectory.id=Dir3\n")
    with pytest.raises(BrokerError, match="different clusters"):
        LocalCluster(Settings(), nodes=3, base_port=19600, data_dir=tmp_path)


@pytest.mark.parametrize(("nodes", "base_port"), [(0, 19092), (10, 19092), (3, 80), (3, 65533)])
def test_bad_shapes_are_rejected(tmp_path: Path, nodes: int, base_port: int) -> None:
    with pytest.raises(ConfigError):
        LocalCluster(Settings(), nodes=nodes, base_port=base_port, data_dir=tmp_path)

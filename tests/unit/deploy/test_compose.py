"""docker-compose.yml: services, health checks, restarts, volumes, pinned images, wiring."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from stream.settings import LOGICAL_TOPICS, Settings

REPO = Path(__file__).resolve().parents[3]
REQUIRED = {"kafka", "topic-init", "worker", "prometheus", "alertmanager", "grafana"}
STATEFUL = {"kafka": "/var/lib/kafka/data", "worker": "/var/lib/newsstream",
            "prometheus": "/prometheus", "alertmanager": "/alertmanager", "grafana": "/var/lib/grafana"}


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    return yaml.safe_load((REPO / "docker-compose.yml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def services(compose: dict[str, Any]) -> dict[str, Any]:
    return compose["services"]


def env(service: dict[str, Any]) -> dict[str, str]:
    raw = service.get("environment", {})
    if isinstance(raw, list):
        raw = dict(item.split("=", 1) for item in raw)
    return {k: str(v) for k, v in raw.items()}


def mounts(service: dict[str, Any]) -> list[tuple[str, str]]:
    out = []
    for volume in service.get("volumes", []):
        if isinstance(volume, dict):
            out.append((volume["source"], volume["target"]))
        else:
            source, target = volume.split(":")[:2]
            out.append((source, target))
    return out


def test_required_services(services: dict[str, Any]) -> None:
    assert REQUIRED <= set(services)


def test_every_service_has_a_healthcheck_and_a_restart_policy(services: dict[str, Any]) -> None:
    for name, service in services.items():
        check = service.get("healthcheck")
        assert check and not check.get("disable") and check.get("test"), name
        assert service.get("restart") in {"no", "always", "on-failure", "unless-stopped"}, name
    assert services["topic-init"]["restart"] == "no"
    for name in REQUIRED - {"topic-init"}:
        assert services[name]["restart"] == "unless-stopped", name


def test_images_are_pinned(services: dict[str, Any]) -> None:
    for name, service in services.items():
        if "build" in service:
            continue  # built locally from this checkout
        image = service["image"]
        repo, _, tag = image.rpartition(":")
        assert repo and "/" not in tag, f"{name}: {image} has no tag"
        assert tag != "latest" and re.search(r"\d", tag), f"{name}: {image} is not pinned"
    assert services["kafka"]["image"] == "apache/kafka:4.1.1"
    assert services["topic-init"]["image"] == services["kafka"]["image"]


def test_state_lives_in_declared_named_volumes(compose: dict[str, Any], services: dict[str, Any]) -> None:
    declared = set(compose.get("volumes") or {})
    for name, service in services.items():
        for source, _ in mounts(service):
            if not source.startswith((".", "/")):
                assert source in declared, f"{name}: volume {source} not declared"
    for name, target in STATEFUL.items():
        named = {t for s, t in mounts(services[name]) if not s.startswith((".", "/"))}
        assert target in named, f"{name}: {target} is not on a named volume"


def test_every_bind_mount_and_build_input_exists(services: dict[str, Any]) -> None:
    for name, service in services.items():
        for source, _ in mounts(service):
            if source.startswith((".", "/")):
                assert (REPO / source).exists(), f"{name}: {source} does not exist"
        build = service.get("build")
        if build:
            context = REPO / (build if isinstance(build, str) else build.get("context", "."))
            assert context.is_dir(), name
            dockerfile = "Dockerfile" if isinstance(build, str) else build.get("dockerfile", "Dockerfile")
            assert (context / dockerfile).is_file(), f"{name}: {dockerfile}"


def test_kafka_is_a_single_kraft_node_with_in_network_and_controller_listeners(
    services: dict[str, Any],
) -> None:
    kafka = services["kafka"]
    e = env(kafka)
    assert e["KAFKA_NODE_ID"] == "1"
    assert set(e["KAFKA_PROCESS_ROLES"].split(",")) == {"broker", "controller"}
    assert "CONTROLLER://" in e["KAFKA_LISTENERS"] and "PLAINTEXT://:9092" in e["KAFKA_LISTENERS"]
    assert "PLAINTEXT://kafka:9092" in e["KAFKA_ADVERTISED_LISTENERS"]
    assert e["KAFKA_CONTROLLER_LISTENER_NAMES"] == "CONTROLLER"
    assert e["KAFKA_CONTROLLER_QUORUM_VOTERS"] == f"{e['KAFKA_NODE_ID']}@kafka:9093"
    assert e["KAFKA_LOG_DIRS"] in {t for _, t in mounts(kafka)}
    assert "kafka-broker-api-versions.sh" in " ".join(kafka["healthcheck"]["test"])


def test_topic_init_creates_every_topic_with_six_partitions(services: dict[str, Any]) -> None:
    init = services["topic-init"]
    script = " ".join(init["command"]) if isinstance(init["command"], list) else init["command"]
    assert "--create" in script and "--if-not-exists" in script
    assert "--partitions 6" in script
    for topic in LOGICAL_TOPICS:
        assert topic in script, topic
    assert init["depends_on"]["kafka"]["condition"] == "service_healthy"
    assert Settings().partitions == 6, "compose and the settings default must agree"


def test_worker_wiring(services: dict[str, Any]) -> None:
    worker = services["worker"]
    assert worker["build"] == {"context": ".", "dockerfile": "deploy/Dockerfile"}
    e = env(worker)
    assert e["NEWSSTREAM_BROKER"] == "kafka://kafka:9092"
    assert e["NEWSSTREAM_WEB_HOST"] == "0.0.0.0"
    Settings.from_env(e)  # the compose env is a valid configuration
    assert worker["depends_on"]["topic-init"]["condition"] == "service_completed_successfully"
    assert "/healthz" in " ".join(worker["healthcheck"]["test"])
    assert e.get("NEWSSTREAM_WEB_PORT", "6066") in " ".join(worker["healthcheck"]["test"])
    assert 1 <= worker["deploy"]["replicas"] <= 6


def test_observability_services_mount_their_config(services: dict[str, Any]) -> None:
    assert ("./deploy/prometheus", "/etc/prometheus") in mounts(services["prometheus"])
    assert ("./deploy/alertmanager", "/etc/alertmanager") in mounts(services["alertmanager"])
    grafana = mounts(services["grafana"])
    assert ("./deploy/grafana/provisioning", "/etc/grafana/provisioning") in grafana
    assert ("./deploy/grafana/dashboards", "/var/lib/grafana/dashboards") in grafana


def test_grafana_is_not_anonymous_and_takes_its_password_from_the_environment(
    services: dict[str, Any],
) -> None:
    e = env(services["grafana"])
    assert e["GF_AUTH_ANONYMOUS_ENABLED"] == "false"
    assert re.fullmatch(r"\$\{GRAFANA_ADMIN_PASSWORD:-[^}]+\}", e["GF_SECURITY_ADMIN_PASSWORD"])


def test_prometheus_scrapes_the_worker_and_alerts_to_alertmanager(services: dict[str, Any]) -> None:
    config = yaml.safe_load((REPO / "deploy/prometheus/prometheus.yml").read_text(encoding="utf-8"))
    jobs = {job["job_name"]: job for job in config["scrape_configs"]}
    targets = [t for sc in jobs["newsstream"]["static_configs"] for t in sc["targets"]]
    port = env(services["worker"]).get("NEWSSTREAM_WEB_PORT", "6066")
    assert targets == [f"worker:{port}"]
    am = config["alerting"]["alertmanagers"][0]["static_configs"][0]["targets"]
    assert am == ["alertmanager:9093"]
    rule_files = [p for pattern in config["rule_files"] for p in (REPO / "deploy/prometheus").glob(pattern)]
    assert REPO / "deploy/prometheus/rules/newsstream.rules.yml" in rule_files


def test_grafana_provisioning_points_at_compose_prometheus_and_dashboards(services: dict[str, Any]) -> None:
    base = REPO / "deploy/grafana/provisioning"
    (ds,) = yaml.safe_load((base / "datasources/prometheus.yml").read_text(encoding="utf-8"))["datasources"]
    assert (ds["name"], ds["type"], ds["url"]) == ("Prometheus", "prometheus", "http://prometheus:9090")
    (provider,) = yaml.safe_load((base / "dashboards/newsstream.yml").read_text(encoding="utf-8"))["providers"]
    assert provider["type"] == "file"
    assert provider["options"]["path"] == "/var/lib/grafana/dashboards"
    assert (REPO / "deploy/grafana/dashboards/newsstream.json").is_file()

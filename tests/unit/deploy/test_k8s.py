"""deploy/k8s: manifests parse and the StatefulSet is wired the way the worker needs."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest
import yaml

from stream.settings import ENV_PREFIX, Secret, Settings

K8S = Path(__file__).resolve().parents[3] / "deploy" / "k8s"
LABELS = {"app.kubernetes.io/name": "newsstream", "app.kubernetes.io/component": "worker"}


@pytest.fixture(scope="module")
def docs() -> list[dict[str, Any]]:
    out = []
    for path in sorted(K8S.glob("*.yaml")):
        if path.name == "kustomization.yaml":
            continue
        for doc in yaml.safe_load_all(path.read_text(encoding="utf-8")):
            if doc is not None:
                out.append(doc)
    return out


def one(docs: list[dict[str, Any]], kind: str) -> dict[str, Any]:
    (found,) = [d for d in docs if d["kind"] == kind]
    return found


@pytest.fixture(scope="module")
def sts(docs: list[dict[str, Any]]) -> dict[str, Any]:
    return one(docs, "StatefulSet")


@pytest.fixture(scope="module")
def container(sts: dict[str, Any]) -> dict[str, Any]:
    (c,) = sts["spec"]["template"]["spec"]["containers"]
    return c


def test_manifests_are_namespace_less_and_complete(docs: list[dict[str, Any]]) -> None:
    kinds = sorted(d["kind"] for d in docs)
    assert kinds == ["ConfigMap", "PodDisruptionBudget", "Secret", "Service", "StatefulSet"]
    for doc in docs:
        assert doc["apiVersion"] and doc["metadata"]["name"]
        assert "namespace" not in doc["metadata"], doc["kind"]


def test_kustomization_lists_every_manifest() -> None:
    kustomization = yaml.safe_load((K8S / "kustomization.yaml").read_text(encoding="utf-8"))
    files = {p.name for p in K8S.glob("*.yaml")} - {"kustomization.yaml"}
    assert set(kustomization["resources"]) == files


def test_statefulset_shape(sts: dict[str, Any], docs: list[dict[str, Any]]) -> None:
    spec = sts["spec"]
    assert spec["replicas"] == 2
    assert spec["replicas"] <= Settings().partitions
    assert spec["selector"]["matchLabels"] == LABELS
    assert LABELS.items() <= spec["template"]["metadata"]["labels"].items()
    service = one(docs, "Service")
    assert spec["serviceName"] == service["metadata"]["name"]
    assert service["spec"]["clusterIP"] == "None"
    assert service["spec"]["selector"] == LABELS


def test_probes(container: dict[str, Any]) -> None:
    assert container["livenessProbe"]["httpGet"]["path"] == "/healthz"
    assert container["readinessProbe"]["httpGet"]["path"] == "/readyz"
    ports = {p["name"]: p["containerPort"] for p in container["ports"]}
    for probe in ("livenessProbe", "readinessProbe", "startupProbe"):
        port = container[probe]["httpGet"]["port"]
        assert port in ports or port in ports.values(), probe


def test_state_volume_claim_template(sts: dict[str, Any], container: dict[str, Any]) -> None:
    (claim,) = sts["spec"]["volumeClaimTemplates"]
    assert claim["spec"]["accessModes"] == ["ReadWriteOnce"]
    assert claim["spec"]["resources"]["requests"]["storage"]
    mounts = {m["name"]: m["mountPath"] for m in container["volumeMounts"]}
    assert mounts[claim["metadata"]["name"]] == "/var/lib/newsstream"


def test_runs_non_root_and_locked_down(sts: dict[str, Any], container: dict[str, Any]) -> None:
    pod = sts["spec"]["template"]["spec"]["securityContext"]
    assert pod["runAsNonRoot"] is True and pod["runAsUser"] != 0
    assert pod["fsGroup"] == pod["runAsGroup"]  # the state volume is writable by the worker
    sc = container["securityContext"]
    assert sc["allowPrivilegeEscalation"] is False
    assert sc["capabilities"]["drop"] == ["ALL"]
    if sc.get("readOnlyRootFilesystem"):
        assert "/tmp" in {m["mountPath"] for m in container["volumeMounts"]}


def test_resources(container: dict[str, Any]) -> None:
    resources = container["resources"]
    assert resources["requests"]["cpu"] and resources["requests"]["memory"]
    assert resources["limits"]["memory"]


def test_prometheus_annotations_match_the_container_port(sts: dict[str, Any], container: dict[str, Any]) -> None:
    annotations = sts["spec"]["template"]["metadata"]["annotations"]
    assert annotations["prometheus.io/scrape"] == "true"
    assert annotations["prometheus.io/path"] == "/metrics"
    assert int(annotations["prometheus.io/port"]) in {p["containerPort"] for p in container["ports"]}


def test_config_is_valid_settings_and_binds_the_web_server_publicly(
    docs: list[dict[str, Any]], container: dict[str, Any]
) -> None:
    data = one(docs, "ConfigMap")["data"]
    fields = {ENV_PREFIX + f.name.upper(): f for f in dataclasses.fields(Settings)}
    for key in data:
        assert key in fields, f"{key} is not a setting"
        assert fields[key].type != "Secret", f"{key} is a secret; it belongs in the Secret"
    assert data["NEWSSTREAM_WEB_HOST"] == "0.0.0.0"
    assert int(data["NEWSSTREAM_WEB_PORT"]) in {p["containerPort"] for p in container["ports"]}
    assert data["NEWSSTREAM_DATA_DIR"] == "/var/lib/newsstream"
    env = dict(data) | {"NEWSSTREAM_SASL_PASSWORD": "placeholder"}
    settings = Settings.from_env(env)
    assert isinstance(settings.sasl_password, Secret)
    assert [c["configMapRef"]["name"] for c in container["envFrom"]] == [one(docs, "ConfigMap")["metadata"]["name"]]


def test_secret_feeds_the_secret_settings(docs: list[dict[str, Any]], container: dict[str, Any]) -> None:
    secret = one(docs, "Secret")
    keys = set(secret.get("stringData", {})) | set(secret.get("data", {}))
    secret_fields = {ENV_PREFIX + f.name.upper() for f in dataclasses.fields(Settings) if f.type == "Secret"}
    refs = [e for e in container["env"] if "secretKeyRef" in e.get("valueFrom", {})]
    assert refs
    for entry in refs:
        assert entry["name"] in secret_fields
        ref = entry["valueFrom"]["secretKeyRef"]
        assert ref["name"] == secret["metadata"]["name"] and ref["key"] in keys


def test_pdb_covers_the_workers(docs: list[dict[str, Any]], sts: dict[str, Any]) -> None:
    pdb = one(docs, "PodDisruptionBudget")
    assert pdb["spec"]["selector"]["matchLabels"] == sts["spec"]["selector"]["matchLabels"]
    assert pdb["spec"].get("maxUnavailable") == 1 or pdb["spec"].get("minAvailable") == sts["spec"]["replicas"] - 1

"""Alert rules, their runbooks and Alertmanager routing (structure only; promtool in test_promtool.py)."""

from __future__ import annotations

import re
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml

REPO = Path(__file__).resolve().parents[3]
RULES = REPO / "deploy/prometheus/rules/newsstream.rules.yml"
TESTS = REPO / "deploy/prometheus/tests/newsstream.rules.test.yml"
README = REPO / "deploy/README.md"
RUNBOOK_BASE = "https://github.com/newsstream/newsstream/blob/main/deploy/README.md#"
ALERTS = {
    "NewsstreamWorkerDown",
    "NewsstreamConsumerLagGrowing",
    "NewsstreamDeadLetterSpike",
    "NewsstreamNoInput",
    "NewsstreamLatencySLOBurn",
    "NewsstreamRebalanceStorm",
    "NewsstreamProduceErrors",
    "NewsstreamRestartLoop",
}


@pytest.fixture(scope="module")
def alert_rules() -> list[dict[str, Any]]:
    groups = yaml.safe_load(RULES.read_text(encoding="utf-8"))["groups"]
    return [rule for group in groups for rule in group["rules"] if "alert" in rule]


def github_anchors(markdown: str) -> set[str]:
    anchors = set()
    for heading in re.findall(r"^#{1,6} +(.+?) *$", markdown, flags=re.MULTILINE):
        slug = re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")
        anchors.add(slug)
    return anchors


def test_every_required_alert_exists(alert_rules: list[dict[str, Any]]) -> None:
    assert {r["alert"] for r in alert_rules} == ALERTS


def test_every_alert_has_for_severity_and_annotations(alert_rules: list[dict[str, Any]]) -> None:
    for rule in alert_rules:
        name = rule["alert"]
        assert re.fullmatch(r"\d+[smh]", rule["for"]), name
        assert rule["labels"]["severity"] in {"page", "ticket"}, name
        annotations = rule["annotations"]
        assert annotations["summary"] and annotations["description"], name
        assert annotations["runbook_url"] == RUNBOOK_BASE + name.lower(), name


def test_every_runbook_anchor_exists(alert_rules: list[dict[str, Any]]) -> None:
    anchors = github_anchors(README.read_text(encoding="utf-8"))
    for rule in alert_rules:
        assert rule["annotations"]["runbook_url"].rsplit("#", 1)[1] in anchors, rule["alert"]
    assert {"scaling", "runbooks"} <= anchors


def test_required_expression_shapes(alert_rules: list[dict[str, Any]]) -> None:
    by_name: dict[str, list[str]] = {}
    for rule in alert_rules:
        by_name.setdefault(rule["alert"], []).append(" ".join(rule["expr"].split()))
    assert any(e.startswith("up{") and e.endswith("== 0") for e in by_name["NewsstreamWorkerDown"])
    no_input = " ".join(by_name["NewsstreamNoInput"])
    assert "increase(newsstream_articles_total{" in no_input and "[15m]" in no_input
    assert "absent(newsstream_articles_total" in no_input
    assert all('le="1.0"' in e or "slo_errors" in e for e in by_name["NewsstreamLatencySLOBurn"])
    assert len(by_name["NewsstreamLatencySLOBurn"]) == 2  # fast and slow windows
    assert "deriv(" in by_name["NewsstreamConsumerLagGrowing"][0]
    assert "> 0.05" in by_name["NewsstreamDeadLetterSpike"][0]
    assert "[15m]" in by_name["NewsstreamRebalanceStorm"][0]


def test_rule_metrics_are_exported_by_the_worker(dq: ModuleType) -> None:
    groups = yaml.safe_load(RULES.read_text(encoding="utf-8"))["groups"]
    recorded = {r["record"] for g in groups for r in g["rules"] if "record" in r}
    known = dq.known_sample_names() | recorded
    for group in groups:
        for rule in group["rules"]:
            unknown = dq.metric_names(rule["expr"]) - known
            assert not unknown, f"{rule.get('alert') or rule.get('record')}: {sorted(unknown)}"


def test_promtool_tests_cover_each_alert_firing_and_silent() -> None:
    tests = yaml.safe_load(TESTS.read_text(encoding="utf-8"))["tests"]
    fires: set[str] = set()
    silent: set[str] = set()
    for case in tests:
        for check in case.get("alert_rule_test", []):
            (fires if check.get("exp_alerts") else silent).add(check["alertname"])
    assert fires == ALERTS and silent == ALERTS


def test_alertmanager_routes_both_severities() -> None:
    config = yaml.safe_load((REPO / "deploy/alertmanager/alertmanager.yml").read_text(encoding="utf-8"))
    receivers = {r["name"] for r in config["receivers"]}
    route = config["route"]
    assert route["receiver"] in receivers
    routed = {}
    for child in route["routes"]:
        assert child["receiver"] in receivers
        for matcher in child["matchers"]:
            m = re.fullmatch(r'severity\s*=\s*"?(\w+)"?', matcher)
            if m:
                routed[m.group(1)] = child["receiver"]
    assert set(routed) == {"page", "ticket"}
    for inhibit in config.get("inhibit_rules", []):
        for matcher in inhibit["source_matchers"] + inhibit["target_matchers"]:
            alert = re.fullmatch(r'alertname\s*=~?\s*"([^"]+)"', matcher)
            if alert:
                assert set(alert.group(1).split("|")) <= ALERTS, matcher

"""Run promtool on the Prometheus config, the rules and their unit tests."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from types import ModuleType

import pytest
import yaml

pytestmark = pytest.mark.prometheus

PROM = Path(__file__).resolve().parents[3] / "deploy" / "prometheus"


@pytest.fixture(scope="module")
def promtool() -> str:
    path = shutil.which("promtool")
    if path is None:
        pytest.skip("promtool not installed (Debian/Ubuntu: apt-get install prometheus)")
    return path


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, capture_output=True, text=True, timeout=120, cwd=cwd, check=False)


def test_check_config(promtool: str) -> None:
    result = run(promtool, "check", "config", str(PROM / "prometheus.yml"))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 rule files found" in result.stdout + result.stderr


def test_check_rules(promtool: str) -> None:
    result = run(promtool, "check", "rules", str(PROM / "rules" / "newsstream.rules.yml"))
    assert result.returncode == 0, result.stdout + result.stderr


def test_rule_unit_tests(promtool: str) -> None:
    result = run(promtool, "test", "rules", str(PROM / "tests" / "newsstream.rules.test.yml"))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "SUCCESS" in result.stdout


@pytest.mark.parametrize(
    ("original", "mutant"),
    [
        # Without `for`, a single failed scrape would page.
        ("expr: up{job=\"newsstream\"} == 0\n        for: 5m", "expr: up{job=\"newsstream\"} == 0\n        for: 0m"),
        # Summing a partition reported by two workers would double count it.
        ("sum by (job, topic) (max by (job, topic, partition) (newsstream_consumer_lag_messages{job=\"newsstream\"})) > 1000",
         "sum by (job, topic) (newsstream_consumer_lag_messages{job=\"newsstream\"}) > 1000"),
        # The dead-letter threshold is part of the contract.
        (") > 0.05", ") > 0.5"),
    ],
    ids=["worker-down-without-for", "lag-double-counted", "deadletter-threshold"],
)
def test_unit_tests_catch_a_broken_rule(promtool: str, tmp_path: Path, original: str, mutant: str) -> None:
    rules = (PROM / "rules" / "newsstream.rules.yml").read_text(encoding="utf-8")
    assert rules.count(original) == 1
    (tmp_path / "rules").mkdir()
    (tmp_path / "tests").mkdir()
    (tmp_path / "rules" / "newsstream.rules.yml").write_text(rules.replace(original, mutant), encoding="utf-8")
    shutil.copy(PROM / "tests" / "newsstream.rules.test.yml", tmp_path / "tests")
    result = run(promtool, "test", "rules", str(tmp_path / "tests" / "newsstream.rules.test.yml"))
    assert result.returncode != 0, "the promtool tests did not notice the broken rule"


def test_dashboard_queries_parse(promtool: str, dq: ModuleType, tmp_path: Path) -> None:
    # promtool has no offline "parse this expression" command; recording rules
    # are parsed by `check rules`, so wrap each query in one.
    rules = [
        {"record": f"dashboard:query{i}", "expr": expr}
        for i, (_title, expr) in enumerate(dq.panel_queries())
    ]
    path = tmp_path / "dashboard.rules.yml"
    path.write_text(yaml.safe_dump({"groups": [{"name": "dashboard", "rules": rules}]}), encoding="utf-8")
    result = run(promtool, "check", "rules", "--lint=none", str(path))
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"{len(rules)} rules found" in result.stdout

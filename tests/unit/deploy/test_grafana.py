"""deploy/grafana/dashboards/newsstream.json: structure and PromQL hygiene."""

from __future__ import annotations

import re
from types import ModuleType
from typing import Any

import pytest
from prometheus_client import CollectorRegistry

from stream.observability.metrics import Metrics

ROWS = {"Throughput", "Duplicates", "Dead letters", "Subjects", "Breaking", "Latency", "Kafka", "State"}
FILTER = ('job=~"$job"', 'instance=~"$instance"')


@pytest.fixture(scope="module")
def dashboard(dq: ModuleType) -> dict[str, Any]:
    return dq.load_dashboard()


def panels(dq: ModuleType, dashboard: dict[str, Any]) -> list[dict[str, Any]]:
    return [p for p in dq.iter_panels(dashboard) if p["type"] != "row"]


def test_identity_and_schema(dashboard: dict[str, Any]) -> None:
    assert dashboard["uid"] == "newsstream"
    assert dashboard["schemaVersion"] >= 36  # Grafana 9.x+ layout; 39 = Grafana 11
    assert "id" not in dashboard or dashboard["id"] is None, "an exported id breaks import elsewhere"


def test_template_variables(dashboard: dict[str, Any]) -> None:
    variables = {v["name"]: v for v in dashboard["templating"]["list"]}
    ds = variables["datasource"]
    assert (ds["type"], ds["query"]) == ("datasource", "prometheus")
    for name in ("job", "instance"):
        var = variables[name]
        assert var["type"] == "query"
        assert var["datasource"]["uid"] == "${datasource}"
        query = var["query"]["query"] if isinstance(var["query"], dict) else var["query"]
        assert re.fullmatch(rf"label_values\(\w+(\{{[^}}]*\}})?, {name}\)", query), query
        assert var["includeAll"] and var["multi"]
    assert '{job=~"$job"}' in variables["instance"]["definition"]


def test_a_row_per_concern(dq: ModuleType, dashboard: dict[str, Any]) -> None:
    rows = [p for p in dashboard["panels"] if p["type"] == "row"]
    assert ROWS <= {r["title"] for r in rows}
    # Each row is followed by at least one panel before the next row.
    kinds = [p["type"] == "row" for p in dashboard["panels"]]
    assert not any(a and b for a, b in zip(kinds, kinds[1:])) and not kinds[-1]


def test_every_panel_queries_the_datasource_variable(dq: ModuleType, dashboard: dict[str, Any]) -> None:
    seen_ids = set()
    for panel in panels(dq, dashboard):
        assert panel["id"] not in seen_ids
        seen_ids.add(panel["id"])
        assert panel["datasource"] == {"type": "prometheus", "uid": "${datasource}"}, panel["title"]
        assert panel["targets"], panel["title"]
        for target in panel["targets"]:
            assert target["expr"].strip(), panel["title"]
            assert target["datasource"]["uid"] == "${datasource}"
        pos = panel["gridPos"]
        assert 0 <= pos["x"] and pos["x"] + pos["w"] <= 24


def test_every_selector_filters_job_and_instance(dq: ModuleType) -> None:
    for title, expr in dq.raw_panel_queries():
        found = dq.selectors(expr)
        assert found, f"{title}: no metric selector in {expr}"
        for name, matchers in found:
            for needed in FILTER:
                assert needed in matchers, f"{title}: {name} lacks {needed}"


def test_every_range_is_the_rate_interval(dq: ModuleType) -> None:
    for title, expr in dq.raw_panel_queries():
        for window in re.findall(r"\[([^\]]*)\]", expr):
            assert window == "$__rate_interval", f"{title}: [{window}]"


def test_every_metric_is_exported_by_the_worker(dq: ModuleType) -> None:
    known = dq.known_sample_names()
    for title, expr in dq.raw_panel_queries():
        unknown = dq.metric_names(expr) - known
        assert not unknown, f"{title}: {sorted(unknown)} not in metrics.py, Faust's sensor, or up"


def test_histogram_quantiles_aggregate_buckets_by_le(dq: ModuleType) -> None:
    quantiles = 0
    for title, expr in dq.raw_panel_queries():
        for match in re.finditer(r"histogram_quantile\(\s*([0-9.]+),\s*sum by \(([^)]*)\) \(rate\((\w+)\{", expr):
            quantiles += 1
            assert 0 < float(match.group(1)) < 1
            assert "le" in [label.strip() for label in match.group(2).split(",")], title
            assert match.group(3).endswith("_bucket"), title
        assert expr.count("histogram_quantile(") == len(
            re.findall(r"histogram_quantile\(\s*[0-9.]+,\s*sum by \(", expr)
        ), f"{title}: unrecognised histogram_quantile form"
    assert quantiles >= 9  # arrival + published p50/p95/p99, stages p50/p95/p99


def test_the_concerns_are_covered(dq: ModuleType) -> None:
    used = set().union(*(dq.metric_names(e) for _, e in dq.raw_panel_queries()))
    assert {
        "newsstream_articles_total",
        "newsstream_duplicates_total",
        "newsstream_deadletters_total",
        "newsstream_subjects_total",
        "newsstream_breaking_events_total",
        "newsstream_latency_from_arrival_seconds_bucket",
        "newsstream_stage_seconds_bucket",
        "newsstream_consumer_lag_messages",
        "newsstream_oldest_unprocessed_age_seconds",
        "newsstream_table_entries",
        "newsstream_stories_active",
        "newsstream_faust_rebalance_done_consumer_latency_count",
    } <= used
    exprs = " ".join(e for _, e in dq.raw_panel_queries())
    for by in ("outcome", "kind", "reason", "code", "status, severity", "stage", "topic, partition", "table"):
        assert f"by ({by})" in exprs or f"by (le, {by})" in exprs, by


def test_panel_queries_substitutes_every_variable(dq: ModuleType) -> None:
    queries = dq.panel_queries()
    assert len(queries) == len(dq.raw_panel_queries()) >= 30
    for title, expr in queries:
        assert "$" not in expr, f"{title}: {expr}"
        assert 'job=~".*"' in expr and 'instance=~".*"' in expr
        assert "[1m]" in expr or "rate(" not in expr


# --- the helper's own parsing ---------------------------------------------------------

@pytest.mark.parametrize(
    ("expr", "expected"),
    [
        ('sum by (le, stage) (rate(a_bucket{job=~"x"}[5m]))', [("a_bucket", 'job=~"x"')]),
        ('b / ignoring (kind) group_left () c{k="v{}"}', [("b", ""), ("c", 'k="v{}"')]),
        ("time() - max(d) offset 5m and on (job) e > 1e3", [("d", ""), ("e", "")]),
        ('60 * sum(rate(f:g_total{a="by (x)"}[1m]))', [("f:g_total", 'a="by (x)"')]),
    ],
)
def test_selectors(dq: ModuleType, expr: str, expected: list[tuple[str, str]]) -> None:
    assert dq.selectors(expr) == expected


def test_metrics_py_parse_matches_the_live_registry(dq: ModuleType) -> None:
    parsed = dq.pipeline_metric_families()
    registry = CollectorRegistry()
    Metrics(registry)
    live = {family.name: family.type for family in registry.collect()}
    assert {name: kind.lower() for name, kind in parsed.items()} == live


def test_faust_sensor_names_carry_the_worker_prefix(dq: ModuleType) -> None:
    families = dq.faust_metric_families()
    assert families["newsstream_faust_rebalance_done_consumer_latency"] == "Histogram"
    assert families["newsstream_faust_total_rebalances"] == "Gauge"
    assert families["newsstream_faust_messages_received"] == "Counter"
    assert "newsstream_faust_messages_received_total" in dq.sample_names(families)

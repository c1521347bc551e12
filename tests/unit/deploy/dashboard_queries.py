"""The Grafana dashboard's PromQL, ready to send to a real Prometheus.

``panel_queries()`` returns ``(panel title, PromQL)`` for every target of every
panel in ``deploy/grafana/dashboards/newsstream.json`` with the dashboard's
template variables replaced by values any Prometheus accepts (``$job`` and
``$instance`` by ``.*``, ``$__rate_interval`` by ``1m``).

Test modules run with ``--import-mode=importlib``, so load this file by path::

    spec = importlib.util.spec_from_file_location("dashboard_queries", path)
    module = importlib.util.module_from_spec(spec); spec.loader.exec_module(module)

It also holds the small PromQL helpers the structure tests share: which metric
names an expression uses, and which names the worker really exports.
"""

from __future__ import annotations

import ast
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[3]
DASHBOARD = REPO / "deploy" / "grafana" / "dashboards" / "newsstream.json"
METRICS_PY = REPO / "stream" / "observability" / "metrics.py"

#: The worker passes this to ``setup_prometheus_sensors(name_prefix=...)``.
FAUST_PREFIX = "newsstream_faust"

SUBSTITUTIONS: tuple[tuple[str, str], ...] = (
    ("$__rate_interval", "1m"),
    ("${job}", ".*"),
    ("${instance}", ".*"),
    ("$job", ".*"),
    ("$instance", ".*"),
)


def load_dashboard(path: Path = DASHBOARD) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def iter_panels(dashboard: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Every panel, including those nested in collapsed rows; rows themselves too."""
    for panel in dashboard.get("panels", []):
        yield panel
        yield from panel.get("panels", [])


def raw_panel_queries(dashboard: dict[str, Any] | None = None) -> list[tuple[str, str]]:
    """``(title, expr)`` for every target, template variables left in place."""
    dashboard = load_dashboard() if dashboard is None else dashboard
    out: list[tuple[str, str]] = []
    for panel in iter_panels(dashboard):
        for target in panel.get("targets", []):
            if "expr" in target:
                out.append((panel.get("title", ""), target["expr"]))
    return out


def substitute(expr: str) -> str:
    for variable, value in SUBSTITUTIONS:
        expr = expr.replace(variable, value)
    return expr


def panel_queries() -> list[tuple[str, str]]:
    """``(panel title, PromQL)`` with ``$job``/``$instance`` -> ``.*`` and ``$__rate_interval`` -> ``1m``."""
    return [(title, substitute(expr)) for title, expr in raw_panel_queries()]


# --- PromQL name extraction -------------------------------------------------------

_STRING = re.compile(r'"(?:[^"\\]|\\.)*"|\'(?:[^\'\\]|\\.)*\'')
# Label lists: sum by (le, stage), ignoring (kind), group_left (), ...
_LABEL_LIST = re.compile(r"\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^()]*\)")
_IDENT = re.compile(r"[A-Za-z_:][A-Za-z0-9_:]*")
_KEYWORDS = frozenset(
    {"and", "or", "unless", "by", "without", "on", "ignoring", "group_left", "group_right",
     "bool", "offset", "inf", "nan"}
)


def _mask(pattern: re.Pattern[str], text: str, fill: str) -> str:
    """Blank out matches while keeping every offset in place."""
    return pattern.sub(lambda m: fill * len(m.group(0)), text)


def selectors(expr: str) -> list[tuple[str, str]]:
    """``(metric name, matcher text)`` per vector selector in ``expr``.

    The matcher text is what stands between the braces ('' without braces).
    Function names, keywords, label names and durations are not selectors.
    """
    text = _mask(_STRING, expr, "S")
    text = _mask(_LABEL_LIST, text, " ")
    out: list[tuple[str, str]] = []
    depth_brace = depth_bracket = 0
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "{":
            depth_brace += 1
        elif ch == "}":
            depth_brace -= 1
        elif ch == "[":
            depth_bracket += 1
        elif ch == "]":
            depth_bracket -= 1
        elif depth_brace == 0 and depth_bracket == 0 and (ch.isalpha() or ch in "_:"):
            if i > 0 and (text[i - 1].isalnum() or text[i - 1] in "_.:"):
                i += 1  # the tail of a number such as 1e3 or 0.5
                continue
            match = _IDENT.match(text, i)
            assert match is not None
            name, j = match.group(0), match.end()
            while j < len(text) and text[j].isspace():
                j += 1
            if name.lower() not in _KEYWORDS and not text.startswith("(", j):
                if text.startswith("{", j):
                    close = text.index("}", j)
                    out.append((name, expr[j + 1 : close]))
                else:
                    out.append((name, ""))
            i = match.end()
            continue
        i += 1
    return out


def metric_names(expr: str) -> set[str]:
    """Metric names selected by ``expr``."""
    return {name for name, _ in selectors(expr)}


# --- What the worker exports ------------------------------------------------------

_SUFFIXES = {
    "Counter": ("_total",),
    "Gauge": ("",),
    "Histogram": ("_bucket", "_sum", "_count"),
    "Summary": ("", "_sum", "_count"),
}


def pipeline_metric_families(path: Path = METRICS_PY) -> dict[str, str]:
    """``{family name: collector type}`` parsed from stream/observability/metrics.py."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    families: dict[str, str] = {}
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in _SUFFIXES
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            families[node.args[0].value] = node.func.id
    return families


def sample_names(families: dict[str, str]) -> set[str]:
    """Names of the samples Prometheus stores for collectors of the given types."""
    return {name + suffix for name, kind in families.items() for suffix in _SUFFIXES[kind]}


def faust_metric_families(prefix: str = FAUST_PREFIX) -> dict[str, str]:
    """``{family name: type}`` of the installed Faust Prometheus sensor, built for real."""
    from faust.sensors.prometheus import FaustMetrics
    from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram

    metrics = FaustMetrics.create(CollectorRegistry(), prefix)
    families: dict[str, str] = {}
    for collector in metrics:
        kind = next(k.__name__ for k in (Counter, Gauge, Histogram) if isinstance(collector, k))
        for family in collector.describe():
            families[family.name] = kind
    return families


def known_sample_names() -> set[str]:
    """Every sample name a newsstream worker's /metrics can serve, plus ``up``."""
    return (sample_names(pipeline_metric_families()) | sample_names(faust_metric_families()) | {"up"}
            | process_sample_names())


def process_sample_names() -> set[str]:
    """What prometheus_client's ProcessCollector serves here: the worker
    serves the default registry (stream/kafka/worker.py), which has one."""
    from prometheus_client import ProcessCollector

    return {s.name for family in ProcessCollector(registry=None).collect() for s in family.samples}

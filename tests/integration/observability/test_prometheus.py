"""Every Grafana panel's PromQL returns data from a real Prometheus scraping a real worker.

A Prometheus (the Debian binary) scrapes two worker processes every second
while articles flow through the shared broker: the demo stream (paced, so its
breaking events, duplicates and dead letters happen), then Reuters stories
paced over time so rates and latency quantiles exist, a burst (lag), and a
second worker joining halfway (a rebalance). Then each panel query is sent to
``/api/v1/query`` and must return a non-empty result. The panels, their
PromQL and the values returned are written to the file named by
``NEWSSTREAM_DASHBOARD_REPORT`` (``bench/results/dashboard-queries.md`` holds
one such run), so that `make test` leaves the working tree as it found it.
"""

from __future__ import annotations

import asyncio
import importlib.util
import itertools
import json
import os
import shutil
import subprocess
import threading
import time
import urllib.parse
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from stream.kafka.runner import free_port
from stream.kafka.tools import replay

pytestmark = [pytest.mark.integration, pytest.mark.prometheus]

REPO = Path(__file__).resolve().parents[3]
DEMO = REPO / "stream" / "demo" / "stream.jsonl"
_REPORT = os.environ.get("NEWSSTREAM_DASHBOARD_REPORT")
RESULTS = Path(_REPORT) if _REPORT else None
PROMETHEUS = shutil.which("prometheus") or "/usr/bin/prometheus"


def _dashboard_queries() -> list[tuple[str, str]]:
    path = REPO / "tests" / "unit" / "deploy" / "dashboard_queries.py"
    spec = importlib.util.spec_from_file_location("dashboard_queries", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.panel_queries()


class Prometheus:
    def __init__(self, root: Path, targets: list[str]) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        root.mkdir(parents=True, exist_ok=True)
        config = root / "prometheus.yml"
        config.write_text(
            "global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\n"
            "scrape_configs:\n  - job_name: newsstream\n    scrape_interval: 1s\n"
            f"    scrape_timeout: 1s\n    static_configs:\n      - targets: {json.dumps(targets)}\n"
        )
        self.log = root / "prometheus.log"
        with self.log.open("wb") as out:
            self.proc = subprocess.Popen(
                [PROMETHEUS, f"--config.file={config}", f"--storage.tsdb.path={root / 'data'}",
                 f"--web.listen-address=127.0.0.1:{self.port}", "--storage.tsdb.retention.time=1h"],
                stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
            )

    def query(self, expr: str) -> list[dict[str, Any]]:
        url = f"{self.url}/api/v1/query?" + urllib.parse.urlencode({"query": expr})
        with urllib.request.urlopen(url, timeout=5) as r:
            body = json.load(r)
        assert body["status"] == "success", body
        return body["data"]["result"]

    def ready(self) -> bool:
        if self.proc.poll() is not None:
            raise AssertionError(f"prometheus exited: {self.log.read_text(errors='replace')[-2000:]}")
        try:
            with urllib.request.urlopen(f"{self.url}/-/ready", timeout=2) as r:
                return r.status == 200
        except OSError:
            return False

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(10)


def wait_for(what: str, cond: Callable[[], bool], timeout: float, poll: float = 0.5) -> None:
    deadline = time.monotonic() + timeout
    while not cond():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")
        time.sleep(poll)  # polling interval of a condition, not a blind wait


def reuters(n: int, tag: str) -> list[bytes]:
    from bench.corpus import REUTERS, reuters_messages

    if not REUTERS.is_file():
        pytest.skip(f"Reuters-21578 corpus not found at {REUTERS} (read-only shared data)")
    return list(itertools.islice(reuters_messages(url_suffix=tag), n))


class Feeder(threading.Thread):
    """Produces the stream on its own thread so Prometheus sees rates over time."""

    def __init__(self, settings: Any, batches: list[tuple[list[bytes], float | None]]) -> None:
        super().__init__(daemon=True)
        self.settings, self.batches = settings, batches
        self.error: BaseException | None = None
        self.sent = 0
        self.stopping = threading.Event()

    def run(self) -> None:
        try:
            for lines, rate in self.batches:
                # Chunks, so a finished test stops the feed within a few seconds.
                for i in range(0, len(lines), 25):
                    if self.stopping.is_set():
                        return
                    self.sent += asyncio.run(replay(self.settings, lines[i : i + 25], rate=rate))
        except BaseException as exc:  # reported by the test thread
            self.error = exc

    def stop(self) -> None:
        self.stopping.set()
        self.join(60)


def render(rows: list[tuple[str, str, list[dict[str, Any]]]]) -> str:
    out = ["# Dashboard panel queries against a live worker", "",
           "Written by `tests/integration/observability/test_prometheus.py` (real Prometheus "
           "scraping two workers every 1 s; demo stream + Reuters stories; one rebalance).", "",
           f"Run at {time.strftime('%Y-%m-%d %H:%M:%S %Z')}.", "",
           "| Panel | PromQL | Result |", "|---|---|---|"]
    for title, expr, result in rows:
        values = []
        for s in result[:8]:
            labels = ",".join(f"{k}={v}" for k, v in sorted(s["metric"].items()) if k not in ("job", "instance"))
            values.append(f"{{{labels}}} {float(s['value'][1]):.4g}" if labels else f"{float(s['value'][1]):.4g}")
        if len(result) > 8:
            values.append(f"... {len(result) - 8} more series")
        cell = "<br>".join(values) or "**(empty)**"
        escaped = expr.replace("|", r"\|")
        out.append(f"| {title} | `{escaped}` | {cell} |")
    return "\n".join(out) + "\n"


@pytest.fixture
def prometheus_binary() -> str:
    if not Path(PROMETHEUS).is_file():
        pytest.skip(f"no Prometheus binary at {PROMETHEUS} (apt-get install prometheus)")
    return PROMETHEUS


LAG_SEEN = "max(max_over_time(newsstream_consumer_lag_messages[5m])) > 0"


def test_every_dashboard_panel_returns_data(prometheus_binary, run_settings, workers, tmp_path) -> None:
    from stream.kafka.runner import WorkerProcess

    queries = _dashboard_queries()
    assert queries, "the dashboard has no queries"
    w1 = workers.start("w1", wait=False)
    # The second worker's port is known up front so one static config covers both.
    w2 = WorkerProcess.for_settings(run_settings, tmp_path / "w2")
    targets = [w1.web.removeprefix("http://"), w2.web.removeprefix("http://")]
    prom = Prometheus(tmp_path / "prometheus", targets)
    try:
        wait_for("prometheus ready", prom.ready, 60)
        w1.wait_ready(timeout=120)
        wait_for("up{job=newsstream} == 1",
                 lambda: any(s["value"][1] == "1" for s in prom.query('up{job="newsstream"}')), 30)

        demo = [line for line in DEMO.read_bytes().splitlines() if line.strip()]
        # Paced: the demo's breaking events depend on arrival order.
        feeder = Feeder(run_settings, [(demo, 5.0), (reuters(400, "#steady"), 8.0)])
        feeder.start()
        wait_for("newsstream_articles_total samples",
                 lambda: bool(prom.query('sum(newsstream_articles_total{job="newsstream"}) > 10')), 90)

        # A second worker joining moves partitions: a real rebalance for the panel.
        workers.started.append(w2.start())
        w2.wait_ready(timeout=120)
        wait_for("two workers up", lambda: prom.query('sum(up{job="newsstream"})')[0]["value"][1] == "2", 30)
        # A burst far above the paced rate builds lag for the lag panels.
        burst = Feeder(run_settings, [(reuters(600, "#burst"), None)])
        burst.start()

        deadline = time.monotonic() + 150
        while True:
            rows = [(title, expr, prom.query(expr)) for title, expr in queries]
            empty = [(t, e) for t, e, r in rows if not r]
            # The first worker went through a second assignment when the other joined.
            rebalanced = bool(prom.query("max(newsstream_faust_rebalance_done_consumer_latency_count) > 1"))
            # Snapshot mid-burst, so the recorded rates and quantiles are not a trickle.
            flowing = bool(prom.query('sum(newsstream_articles_total{job="newsstream"}) >= 150'))
            # The lag panel has data (zeros) before any lag is scraped: the
            # gauge refreshes every 5 s, so wait for a scrape that saw the
            # burst's backlog (a CI run once stopped polling before that).
            lagged = bool(prom.query(LAG_SEEN))
            if not empty and rebalanced and flowing and lagged or time.monotonic() > deadline:
                break
            time.sleep(2.0)  # polling interval of a condition
        for f in (feeder, burst):
            f.stop()
            assert f.error is None, f.error
        if RESULTS is not None:
            RESULTS.parent.mkdir(parents=True, exist_ok=True)
            RESULTS.write_text(render(rows), encoding="utf-8")
        print("\n" + render(rows))
        assert not empty, f"panels without data: {empty}"
        assert rebalanced
        # Data, and the right data: articles counted, lag and age exported per worker.
        assert float(prom.query('sum(newsstream_articles_total{job="newsstream"})')[0]["value"][1]) > 30
        assert prom.query(LAG_SEEN), "no lag seen"
    finally:
        for f in (locals().get("feeder"), locals().get("burst")):
            if f is not None:
                f.stop()
        prom.stop()

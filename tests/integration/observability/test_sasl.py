"""SASL/SCRAM settings reach every client: replay, consume and the worker.

A private broker with a SASL_PLAINTEXT listener and one SCRAM-SHA-256 user;
every client below is configured only through ``NEWSSTREAM_*`` variables and
talks to the SASL port. The password must never show in the worker's log or
on ``/metrics``.
"""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import orjson
import pytest

from stream.kafka.broker_config import ScramUser
from stream.kafka.local_broker import LocalBroker
from stream.kafka.runner import WorkerProcess, free_port
from stream.settings import Secret

from tests.integration.observability.helpers import private_settings

pytestmark = pytest.mark.integration

USER = "newsstream-it"
# Random per run, and long enough that finding it in a log is not chance;
# StorageTool forbids , [ ] = " and spaces, token_hex has none.
PASSWORD = "pw" + secrets.token_hex(12)


@pytest.fixture(scope="module")
def sasl_broker(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[LocalBroker, int]]:
    sasl_port = free_port()
    b = LocalBroker(
        private_settings(), data_dir=tmp_path_factory.mktemp("kafka-sasl") / "kafka",
        sasl_port=sasl_port, scram_users=[ScramUser(USER, Secret(PASSWORD), "SCRAM-SHA-256")],
    )
    b.up()
    yield b, sasl_port
    b.down(timeout=30)


def sasl_env(sasl_port: int, password: str = PASSWORD) -> dict[str, str]:
    return {
        "NEWSSTREAM_BROKER": f"kafka://127.0.0.1:{sasl_port}",
        "NEWSSTREAM_SECURITY_PROTOCOL": "SASL_PLAINTEXT",
        "NEWSSTREAM_SASL_MECHANISM": "SCRAM-SHA-256",
        "NEWSSTREAM_SASL_USERNAME": USER,
        "NEWSSTREAM_SASL_PASSWORD": password,
    }


def cli(args: list[str], env: dict[str, str], stdin: bytes = b"", timeout: float = 120) -> subprocess.CompletedProcess:
    full = {k: v for k, v in os.environ.items() if not k.startswith("NEWSSTREAM_")}
    full.update(NEWSSTREAM_TOPIC_PREFIX="sasl-", NEWSSTREAM_PARTITIONS="2", **env)
    return subprocess.run([sys.executable, "-m", "stream", *args], input=stdin, env=full,
                          capture_output=True, timeout=timeout)


ARTICLE = {
    "url": "https://sasl.example/harbour-bridge-opens",
    "title": "Harbour bridge opens to traffic after four years of works",
    "body": "The new harbour bridge opened to cars and cyclists on Monday morning, the city said. "
            "Officials said the crossing cuts the journey between the two districts to ten minutes.",
    "source": "SASL Test Wire",
    "published_at": "2026-03-02T08:00:00Z",
}


def test_replay_consume_and_worker_over_sasl_scram(sasl_broker, tmp_path: Path) -> None:
    broker, sasl_port = sasl_broker
    env = sasl_env(sasl_port)
    w = WorkerProcess.for_settings(broker.settings, tmp_path / "w1", NEWSSTREAM_TOPIC_PREFIX="sasl-",
                                   NEWSSTREAM_LOG_LEVEL="info", **env)
    w.start()
    try:
        w.wait_ready(timeout=120)
        done = cli(["replay", "-"], env, stdin=orjson.dumps(ARTICLE) + b"\n")
        assert done.returncode == 0, done.stderr.decode()
        got = cli(["consume", "news.enriched", "--from-beginning", "--max", "1", "--timeout", "90"], env,
                  timeout=150)
        assert got.returncode == 0, got.stderr.decode()
        records = [orjson.loads(line) for line in got.stdout.splitlines() if line.strip()]
        assert len(records) == 1 and records[0]["value"]["url"] == ARTICLE["url"]
        # The worker's own view: it processed the article.
        with urllib.request.urlopen(w.web + "/metrics", timeout=5) as r:
            metrics = r.read().decode()
        assert 'newsstream_articles_total{outcome="enriched"} 1.0' in metrics
        assert PASSWORD not in metrics
    finally:
        w.stop()
    log = w.log_path.read_text(errors="replace")
    assert PASSWORD not in log
    for out in (done.stdout, done.stderr, got.stderr):
        assert PASSWORD.encode() not in out


def test_a_wrong_password_is_refused(sasl_broker) -> None:
    """The settings really are used: the same command with a wrong password fails."""
    _, sasl_port = sasl_broker
    done = cli(["consume", "news.enriched", "--from-beginning", "--max", "1", "--timeout", "5"],
               sasl_env(sasl_port, password="not-the-password"), timeout=90)
    assert done.returncode != 0
    assert b"not-the-password" not in done.stderr

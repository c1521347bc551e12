"""/readyz follows the broker: 503 while it is away, 200 again once it is back."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from stream.kafka.local_broker import LocalBroker
from stream.kafka.runner import WorkerProcess
from tests.integration.observability.helpers import private_settings, wait_until

pytestmark = pytest.mark.integration


@pytest.fixture
def broker(tmp_path: Path) -> Iterator[LocalBroker]:
    b = LocalBroker(private_settings(), data_dir=tmp_path / "kafka")
    b.up()
    yield b
    b.down(timeout=30)


def test_readyz_turns_503_without_the_broker_and_back_to_200(broker: LocalBroker, tmp_path: Path) -> None:
    w = WorkerProcess.for_settings(broker.settings, tmp_path / "w1").start()
    try:
        w.wait_ready(timeout=120)
        assert w.http_status("/healthz") == 200
        broker.down(timeout=30)
        took = wait_until("/readyz 503 without the broker", lambda: w.http_status("/readyz") == 503, 40)
        print(f"/readyz went 503 {took:.1f} s after the broker stopped")
        # Liveness is not readiness: the process stays up and says so.
        assert w.proc is not None and w.proc.poll() is None
        assert w.http_status("/healthz") == 200
        broker.up()
        took = wait_until("/readyz 200 with the broker back", lambda: w.http_status("/readyz") == 200, 120)
        print(f"/readyz was 200 again {took:.1f} s after the broker answered")
    finally:
        w.stop()

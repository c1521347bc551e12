"""Integration fixtures: the real local broker, fresh topic prefixes, worker processes.

`make test` starts the broker (`newsstream kafka up`) before pytest and stops
it after. Every test gets its own topic prefix, so tests never see each
other's records and a re-run never sees an old run's; a test's topics are
deleted when it ends (tests/support/topics.py).
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from stream.kafka.local_broker import is_answering
from stream.kafka.runner import WorkerProcess
from stream.settings import Settings
from tests.support.topics import delete_topics_with_prefix

SESSION = f"{int(time.time()) % 100000}{uuid.uuid4().hex[:4]}"


@pytest.fixture(scope="session")
def base_settings() -> Settings:
    s = Settings.from_env()
    if not is_answering(s.bootstrap_servers):
        pytest.fail(
            f"no Kafka broker answers at {s.bootstrap_servers}: run the tests with `make test`, "
            "or start one with `newsstream kafka up`"
        )
    return s


@pytest.fixture
def run_settings(base_settings: Settings, request: pytest.FixtureRequest) -> Iterator[Settings]:
    # Readable and unique: parametrized variants of one long test name must
    # not share topics or a consumer group.
    node = request.node.name
    name = node.replace("[", "-").replace("]", "").replace("_", "-")[:32]
    digest = hashlib.blake2b(node.encode(), digest_size=3).hexdigest()
    s = dataclasses.replace(base_settings, topic_prefix=f"it-{SESSION}-{name}-{digest}-")
    yield s
    # After the test's workers have stopped (their fixture depends on this
    # one, so it tears down first). Prefixes made from this one by
    # reliability/conftest.fresh start with it, so they go too.
    delete_topics_with_prefix(base_settings, s.topic_prefix)


@pytest.fixture
def workers(run_settings: Settings, tmp_path: Path) -> Iterator[WorkerFactory]:
    factory = WorkerFactory(run_settings, tmp_path)
    yield factory
    for w in factory.started:
        w.stop()


class WorkerFactory:
    def __init__(self, settings: Settings, root: Path) -> None:
        self.settings = settings
        self.root = root
        self.started: list[WorkerProcess] = []

    def start(self, name: str = "w1", wait: bool = True, **env: str) -> WorkerProcess:
        w = WorkerProcess.for_settings(self.settings, self.root / name, **env).start()
        self.started.append(w)
        if wait:
            w.wait_ready(timeout=float(os.environ.get("NEWSSTREAM_TEST_READY_TIMEOUT", "120")))
        return w

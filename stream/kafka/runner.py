"""Run a worker as a child process and collect what it publishes.

Used by ``newsstream demo`` and by the integration tests: a real
``newsstream worker`` process (so tests can SIGKILL it), readiness awaited on
its ``/readyz`` endpoint, outputs read back with a group-less consumer until
a condition holds or a deadline passes.
"""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson
from aiokafka import AIOKafkaConsumer

from stream.errors import NewsstreamError
from stream.kafka.security import aiokafka_kwargs
from stream.kafka.tools import decode_record, replay_producer
from stream.kafka.topics import TOPIC_MAX_MESSAGE_BYTES, ensure_topics
from stream.settings import OUTPUT_TOPICS, RAW, Settings


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class WorkerProcess:
    """One ``newsstream worker`` child with its own data dir and web port."""

    env: dict[str, str]
    log_path: Path
    proc: subprocess.Popen[bytes] | None = None

    @classmethod
    def for_settings(cls, settings: Settings, data_dir: Path, **extra_env: str) -> WorkerProcess:
        port = free_port()
        env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSSTREAM_")}
        env.update(
            NEWSSTREAM_BROKER=settings.broker,
            NEWSSTREAM_TOPIC_PREFIX=settings.topic_prefix,
            NEWSSTREAM_PARTITIONS=str(settings.partitions),
            NEWSSTREAM_DATA_DIR=str(data_dir),
            NEWSSTREAM_WEB_PORT=str(port),
            NEWSSTREAM_LOG_LEVEL="warning",
        )
        env.update(extra_env)
        data_dir.mkdir(parents=True, exist_ok=True)
        return cls(env=env, log_path=data_dir / "worker.log")

    @property
    def web(self) -> str:
        return f"http://127.0.0.1:{self.env['NEWSSTREAM_WEB_PORT']}"

    def start(self) -> WorkerProcess:
        log = open(self.log_path, "ab")  # noqa: SIM115 (owned by the child)
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "stream", "worker"], env=self.env, stdout=log, stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        return self

    def http_status(self, path: str) -> int | None:
        try:
            with urllib.request.urlopen(self.web + path, timeout=2) as r:
                return int(r.status)
        except urllib.error.HTTPError as e:
            return int(e.code)
        except OSError:
            return None

    def readiness(self) -> dict[str, Any] | None:
        """The worker's /readyz body (200 or 503), or None while it does not answer."""
        try:
            with urllib.request.urlopen(self.web + "/readyz", timeout=2) as r:
                return dict(orjson.loads(r.read()))
        except urllib.error.HTTPError as e:
            return dict(orjson.loads(e.read()))
        except (OSError, ValueError):
            return None

    def wait_ready(self, timeout: float = 90.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self.exited()
            if self.http_status("/readyz") == 200:
                return
            time.sleep(0.25)
        raise NewsstreamError(f"worker not ready after {timeout:.0f} s; log:\n{self.log_tail()}")

    def exited(self) -> None:
        """Raise if the worker process has exited, with its log's tail."""
        if self.proc is not None and self.proc.poll() is not None:
            raise NewsstreamError(f"worker exited with {self.proc.returncode}; log:\n{self.log_tail()}")

    def stop(self, timeout: float = 30.0) -> None:
        if self.proc is None or self.proc.poll() is not None:
            return
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(10)

    def kill(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(10)

    def log_tail(self, lines: int = 40) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no log)"


def wait_group_ready(workers: Iterable[WorkerProcess], timeout: float = 120.0) -> int:
    """Wait until every worker is ready in the same group generation; return it.

    Each worker ready in turn is not enough: the first can report ready
    alone, before the second joins, and still be recovering the next
    assignment (its partitions paused) when the second reports ready. The
    same generation on every worker means they all hold the final
    assignment: each of them takes part in what follows.
    """
    workers = list(workers)
    deadline = time.monotonic() + timeout
    seen: list[dict[str, Any] | None] = []
    while time.monotonic() < deadline:
        for w in workers:
            w.exited()
        seen = [w.readiness() for w in workers]
        if all(r is not None and r.get("ready") for r in seen):
            generations = {r["generation"] for r in seen if r is not None}
            if len(generations) == 1:
                return int(generations.pop())
        time.sleep(0.25)
    raise NewsstreamError(f"workers not ready in one generation after {timeout:.0f} s: {seen}")


@dataclass
class Collected:
    by_topic: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    def values(self, logical: str) -> list[dict[str, Any]]:
        return [r["value"] for r in self.by_topic.get(logical, [])]

    def count(self, *logical: str) -> int:
        return sum(len(self.by_topic.get(t, [])) for t in logical)


async def collect(
    settings: Settings,
    until: Callable[[Collected], bool],
    timeout: float,
    topics: Iterable[str] = OUTPUT_TOPICS,
    quiet: float = 0.0,
) -> Collected:
    """Read ``topics`` from the beginning until ``until(collected)`` holds,
    then keep reading for ``quiet`` seconds more (to catch extras that must
    not be there, such as a second alert). Raises TimeoutError at ``timeout``.
    """
    names = {settings.topic(t): t for t in topics}
    consumer = _outputs_consumer(settings, names)
    got = Collected({t: [] for t in names.values()})
    await consumer.start()
    try:
        await _read_until(consumer, names, got, until, timeout, quiet)
        return got
    finally:
        await consumer.stop()


def _outputs_consumer(settings: Settings, names: Iterable[str]) -> AIOKafkaConsumer:
    return AIOKafkaConsumer(
        *names, **aiokafka_kwargs(settings), group_id=None, enable_auto_commit=False,
        auto_offset_reset="earliest", fetch_max_bytes=TOPIC_MAX_MESSAGE_BYTES,
        # What a downstream consumer sees: records of aborted transactions
        # (exactly_once after a crash) are not outputs.
        isolation_level="read_committed",
        max_partition_fetch_bytes=TOPIC_MAX_MESSAGE_BYTES, metadata_max_age_ms=1000,
    )


async def _read_until(consumer: AIOKafkaConsumer, names: dict[str, str], got: Collected,
                      until: Callable[[Collected], bool], timeout: float, quiet: float = 0.0) -> None:
    deadline = time.monotonic() + timeout
    settled_at: float | None = None
    while True:
        now = time.monotonic()
        if settled_at is None and until(got):
            settled_at = now
        if settled_at is not None and now - settled_at >= quiet:
            return
        if now > deadline:
            summary = {t: len(v) for t, v in got.by_topic.items()}
            raise TimeoutError(f"condition not met after {timeout:.0f} s; collected {summary}")
        batch = await consumer.getmany(timeout_ms=250)
        for msgs in batch.values():
            for m in msgs:
                got.by_topic[names[m.topic]].append(decode_record(m))


async def replay_in_step(settings: Settings, lines: Sequence[bytes], outcome_topics: Sequence[str],
                         timeout_each: float = 60.0, quiet: float = 3.0) -> Collected:
    """Produce each line only once every earlier line has its outcome (one
    record on one of ``outcome_topics``), then read ``quiet`` seconds more;
    every output topic is collected.

    The input order is then the order the stages see, whichever worker
    takes which partition. A paced replay leaves that to timing: a worker
    whose fetch request was sent before its partitions were resumed (after
    a rebalance) only asks for them with its next request, up to Faust's
    1.5 s fetch wait later, and a copy produced meanwhile to another
    worker's partition overtook its original (tests/integration/
    test_two_workers.py, twice in full-suite runs).
    """
    await ensure_topics(settings)
    names = {settings.topic(t): t for t in OUTPUT_TOPICS}
    consumer = _outputs_consumer(settings, names)
    producer = replay_producer(settings)
    got = Collected({t: [] for t in names.values()})
    await consumer.start()
    try:
        await producer.start()
        for i, line in enumerate(lines):
            await producer.send_and_wait(settings.topic(RAW), value=line)
            await _read_until(consumer, names, got, lambda c, n=i + 1: c.count(*outcome_topics) >= n, timeout_each)
        await _read_until(consumer, names, got, lambda c: True, timeout_each, quiet)
        return got
    finally:
        await producer.stop()
        await consumer.stop()


def collect_sync(settings: Settings, until: Callable[[Collected], bool], timeout: float, **kw: Any) -> Collected:
    return asyncio.run(collect(settings, until, timeout, **kw))

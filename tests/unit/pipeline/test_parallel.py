"""The prepare pool changes where stage 1 runs, never what comes out."""

from __future__ import annotations

from typing import Any

import orjson
import pytest

from stream.demo.run import sample_stream
from stream.errors import InputError
from stream.pipeline.keyed import ContentStage
from stream.pipeline.offline import EventClock, Pipeline
from stream.pipeline.parallel import PreparePool, run_stream
from stream.pipeline.prepare import Meta
from stream.pipeline.routing import error_fields
from tests.support.scenarios import seed_scenario

HOSTILE = [
    b"\xff\xfe not utf-8",
    b"[1, 2, 3]",
    b'{"url": "https://example.com/a", "title": "x"}',
    b'{"url": "https://example.com/b", "title": "' + b"a(" * 20000 + b'", "body": "' + b"x " * 50000 + b'"}',
]


def _stream() -> list[tuple[bytes, Meta]]:
    messages = [*seed_scenario().messages, *sample_stream(), *HOSTILE, *sample_stream()]
    clock = EventClock()
    return [(m, Meta(arrival_time=clock.observe(m), offset=i)) for i, m in enumerate(messages)]


def _outputs(jobs: int, chunk: int = 128, pool: PreparePool | None = None) -> tuple[list[bytes], Pipeline]:
    pipeline = Pipeline()
    out = [orjson.dumps([topic, key, rec]) for outputs in run_stream(pipeline, _stream(), jobs, chunk, pool)
           for topic, key, rec in outputs]
    return out, pipeline


@pytest.mark.parametrize("jobs,chunk", [(1, 128), (2, 3)])
def test_pool_outputs_equal_serial(jobs: int, chunk: int) -> None:
    serial, _ = _outputs(0)
    pooled, pipeline = _outputs(jobs, chunk)
    assert pooled == serial
    # Dead letters, duplicates and breaking events are all in the comparison.
    topics = {orjson.loads(line)[0] for line in serial}
    assert topics == {"news.enriched", "news.duplicates", "news.breaking", "news.deadletter"}
    # The pool processes' stage times reach the caller's Timings.
    assert {"parse", "clean", "subjects", "status", "story"} <= set(pipeline.timings.totals)


def test_a_caller_owned_pool_serves_several_runs() -> None:
    serial, _ = _outputs(0)
    with PreparePool(Pipeline().prepare, 1) as pool:
        assert _outputs(0, 16, pool)[0] == serial
        assert _outputs(0, 16, pool)[0] == serial


def test_pool_needs_a_process() -> None:
    with pytest.raises(ValueError):
        PreparePool(Pipeline().prepare, 0)


def test_error_fields_keep_input_reasons_and_name_bugs() -> None:
    meta = Meta(arrival_time=0.0)
    assert error_fields(InputError("missing_field", "url"), meta) == ("missing_field", "url")
    assert error_fields(KeyError("x"), meta) == ("internal_error", "KeyError: 'x'")


def test_prepare_service_matches_the_preparer() -> None:
    """What the worker's ingest agent gets from its prepare processes."""
    import asyncio

    from stream.pipeline.parallel import PrepareService
    from stream.pipeline.prepare import Preparer, Timings

    from collections import Counter

    items = _stream()
    serial_seen: list[tuple[str, float]] = []
    here = Preparer(timings=Timings(lambda stage, s: serial_seen.append((stage, s))))
    expected: list[tuple[Any, Any]] = []
    for payload, meta in items:
        try:
            env = here.prepare(payload, meta)
            expected.append((ContentStage.key(env), orjson.dumps(env)))
        except Exception as exc:
            expected.append((None, error_fields(exc, meta)))
    assert {key is None for key, _ in expected} == {True, False}, "the stream has good and bad messages"
    seen: list[tuple[str, float]] = []
    service = PrepareService(Pipeline().prepare, 2, Timings(lambda stage, s: seen.append((stage, s))),
                             ContentStage.key)
    assert service and not PrepareService(Pipeline().prepare, 0, Timings(), ContentStage.key)
    try:
        got = asyncio.run(service.prepare(items))
    finally:
        service.close()
    # Each envelope encoded as the loop would encode it, with its routing key.
    assert got == expected
    # One observation per article and stage, as when preparing in the loop.
    assert Counter(stage for stage, _ in seen) == Counter(stage for stage, _ in serial_seen)


def test_pool_processes_exit_when_their_parent_is_killed(tmp_path) -> None:
    """A SIGKILLed worker must not leave prepare processes behind."""
    import os
    import signal
    import subprocess
    import sys

    psutil = pytest.importorskip("psutil")
    script = tmp_path / "parent.py"
    script.write_text(
        "import sys\n"
        "from stream.pipeline.parallel import PreparePool\n"
        "from stream.pipeline.prepare import PrepareOptions\n"
        "if __name__ == '__main__':\n"
        "    pool = PreparePool(PrepareOptions(), 2).start()\n"
        "    print('ready', flush=True)\n"
        "    sys.stdin.read()\n"
    )
    parent = subprocess.Popen([sys.executable, str(script)], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    try:
        assert parent.stdout is not None and parent.stdout.readline().strip() == b"ready"
        kids = psutil.Process(parent.pid).children(recursive=True)
        assert len(kids) >= 3  # the fork server and two pool processes
        os.kill(parent.pid, signal.SIGKILL)
        parent.wait(timeout=10)
        gone, alive = psutil.wait_procs(kids, timeout=20)
        assert not alive, [p.pid for p in alive]
    finally:
        if parent.poll() is None:
            parent.kill()


def test_a_dead_prepare_process_is_replaced() -> None:
    """The worker prepares a batch itself when its process died; the next batch gets a new one."""
    import asyncio
    import os
    import signal
    from concurrent.futures.process import BrokenProcessPool

    from stream.pipeline.parallel import PrepareService
    from stream.pipeline.prepare import Timings

    items = _stream()[:20]
    service = PrepareService(Pipeline().prepare, 1, Timings(), ContentStage.key)

    async def scenario() -> list:
        pool = service.start()
        first = await service.prepare(items)
        for pid in list(pool._pool._processes):  # the executor's own map of its processes
            os.kill(pid, signal.SIGKILL)
        with pytest.raises(BrokenProcessPool):
            # The executor notices the death on its next task at the latest.
            for _ in range(50):
                await service.prepare(items)
        assert await service.prepare(items) == first
        return first

    try:
        assert len(asyncio.run(scenario())) == len(items)
    finally:
        service.close()

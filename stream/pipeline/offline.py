"""The whole pipeline in one process, no Kafka: ``newsstream process``.

Runs the same stage code as the worker, in input order, over dict state. Used
for backfills, evaluation, benchmarks and debugging; its output for a given
input order is deterministic (arrival times come from an event clock, not
the wall clock).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from stream.dedup.decide import DEFAULT_DEDUP_OPTIONS, DedupOptions, sweep
from stream.observability.metrics import Metrics
from stream.pipeline.keyed import ContentStage, StoryStage, UrlStage, dated
from stream.pipeline.parse import parse_timestamp
from stream.pipeline.prepare import Meta, PrepareOptions, Preparer, Timings
from stream.pipeline.parallel import attempt, run_stream
from stream.pipeline.routing import after_url, count_output, rejected
from stream.settings import BREAKING, DEADLETTER, DUPLICATES, ENRICHED
from stream.stories.book import StoryBook
from stream.stories.breaking import DEFAULT_BREAKING_OPTIONS, BreakingOptions

Output = tuple[str, str, dict[str, Any]]  # (logical topic, key, record)

#: Offline, expired dedup keys are swept once per day of event time: each
#: sweep reads the whole state, and a day is small against the 7-day window.
SWEEP_EVERY = 86400.0


@dataclass
class Pipeline:
    prepare: PrepareOptions = field(default_factory=PrepareOptions)
    dedup: DedupOptions = DEFAULT_DEDUP_OPTIONS
    breaking: BreakingOptions = DEFAULT_BREAKING_OPTIONS
    metrics: Metrics | None = None

    def __post_init__(self) -> None:
        self._watermark = float("-inf")
        self._next_sweep: float | None = None
        self.timings = Timings()
        self.preparer = Preparer(self.prepare, self.timings)
        self.content = ContentStage({}, self.dedup, self.timings)
        self.url = UrlStage({}, self.dedup, self.timings)
        self.story = StoryStage(StoryBook({}, self.prepare.story, self.breaking), self.timings)

    def run(self, payload: bytes, meta: Meta) -> list[Output]:
        env, error = attempt(self.preparer, payload, meta)  # errors are data: every input ends in a record
        return self.run_prepared(env) if error is None else self.reject(payload, meta, *error)

    def reject(self, payload: bytes, meta: Meta, reason: str, detail: str) -> list[Output]:
        """The outputs of a message that ``prepare`` refused (in another process)."""
        rec = rejected(payload, meta, reason, detail, self.metrics)
        return [(DEADLETTER, rec["id"], rec)]

    def run_prepared(self, env: dict[str, Any]) -> list[Output]:
        """The stateful half: dedup, stories, outputs. Must see envelopes in input order."""
        if dated(env):
            self._expire(env["et"])
        self.content.process(env)
        route = after_url(self.url.process(env))
        out: list[Output] = []
        art = env["article"]
        if route == DUPLICATES:
            out.append((DUPLICATES, art["duplicate"]["of"], art))
        else:
            event = self.story.process(env)
            out.append((ENRICHED, art["id"], art))
            if event is not None:
                out.append((BREAKING, event["story_id"], event))
        for topic, _, rec in out:
            count_output(self.metrics, topic, rec)
        return out


    def _expire(self, event_time: float) -> None:
        """Drop dedup keys that fell out of the window, once per event-time day
        (the worker does the same per partition: stream.kafka.expiry)."""
        self._watermark = max(self._watermark, event_time)
        if self._next_sweep is None:
            self._next_sweep = self._watermark + SWEEP_EVERY
        if self._watermark < self._next_sweep:
            return
        self._next_sweep = self._watermark + SWEEP_EVERY
        for state in (self.content.state, self.url.state):
            for key in sweep(state, self._watermark, self.dedup):
                del state[key]


class EventClock:
    """Arrival times for offline runs: the latest event time seen so far.

    Offline there is no broker timestamp; using the wall clock would make two
    runs over the same file differ. Articles without ``published_at`` arrive
    "when" the last dated article did.
    """

    def __init__(self, start: float = 0.0) -> None:
        self.now = start

    def observe(self, payload: bytes) -> float:
        try:
            doc = orjson.loads(payload)
            if isinstance(doc, dict) and doc.get("published_at") is not None:
                dt = parse_timestamp(doc["published_at"])
                if dt is not None:
                    self.now = max(self.now, dt.timestamp())
        except Exception:
            pass
        return self.now


def read_lines(path: str | Path) -> Iterator[bytes]:
    """JSON Lines as raw bytes, malformed lines included, blank lines skipped."""
    import sys

    fh = sys.stdin.buffer if str(path) == "-" else open(path, "rb")  # noqa: SIM115
    try:
        for line in fh:
            line = line.rstrip(b"\r\n")
            if line.strip():
                yield line
    finally:
        if fh is not sys.stdin.buffer:
            fh.close()


def process_lines(lines: Iterable[bytes], out_dir: Path, pipeline: Pipeline | None = None,
                  jobs: int = 0) -> dict[str, int]:
    """Run ``lines`` through ``pipeline`` into ``out_dir``/<topic>.jsonl.

    ``jobs`` > 0 prepares messages in that many processes (the output is the
    same as with 0: only the stateless stage moves, in input order).
    """
    pipeline = pipeline or Pipeline()
    out_dir.mkdir(parents=True, exist_ok=True)
    names = {ENRICHED: "enriched", DUPLICATES: "duplicates", BREAKING: "breaking", DEADLETTER: "deadletter"}
    files = {t: open(out_dir / f"{n}.jsonl", "wb") for t, n in names.items()}  # noqa: SIM115
    counts = dict.fromkeys(names.values(), 0)
    clock = EventClock()
    try:
        metas = ((payload, Meta(arrival_time=clock.observe(payload), offset=i)) for i, payload in enumerate(lines))
        for outputs in run_stream(pipeline, metas, jobs):
            for topic, _, rec in outputs:
                files[topic].write(orjson.dumps(rec) + b"\n")
                counts[names[topic]] += 1
    finally:
        for fh in files.values():
            fh.close()
    return counts

"""Shared pieces of the fault-injection tests: input, expectations, accounting.

Every guarantee is checked by article id (``stream.records.article_id`` of the
raw bytes; dead letters carry ``"dl-" + id``), never by record count: after a
crash, at-least-once delivery may publish a record twice, and that is allowed
as long as both copies carry the same id and the same decision.
"""

from __future__ import annotations

import itertools
import json
import os
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import orjson

from stream.kafka.runner import Collected, collect_sync
from stream.pipeline.offline import Pipeline
from stream.pipeline.prepare import Meta
from stream.records import article_id
from stream.settings import BREAKING, DEADLETTER, DUPLICATES, ENRICHED, Settings
from tests.support.shared import REUTERS, require

#: Event times of the test input start here and advance one minute per story
#: when Reuters gives none, so decisions never depend on arrival time (the
#: broker's clock online, an event clock offline).
_BASE_TIME = datetime(1987, 2, 26, tzinfo=UTC).timestamp()


def _reuters_time(s: str) -> float | None:
    head = s.strip().split(".", 1)[0]
    try:
        return datetime.strptime(head, "%d-%b-%Y %H:%M:%S").replace(tzinfo=UTC).timestamp()
    except ValueError:
        return None


def reuters_payloads(n: int, url_suffix: str = "") -> list[bytes]:
    """The first ``n`` Reuters-21578 stories as raw messages, each with a
    ``published_at`` (so every decision is a function of the input alone)."""
    with open(require(REUTERS), "rb") as fh:
        out = []
        for i, line in enumerate(itertools.islice(fh, n)):
            r = orjson.loads(line)
            ts = _reuters_time(r.get("date") or "") or _BASE_TIME + 60.0 * i
            out.append(orjson.dumps({
                "url": f"https://reuters.example/1987/{r['id']}{url_suffix}",
                "title": r.get("title") or "",
                "body": ((r.get("dateline") or "") + " " + (r.get("body") or "")).strip(),
                "source": "Reuters",
                "published_at": datetime.fromtimestamp(ts, UTC).isoformat(),
                "id": r["id"],
            }))
    return out


def expected_ids(payloads: list[bytes]) -> set[str]:
    return {article_id(p) for p in payloads}


def outcome_id(topic: str, rec: dict[str, Any]) -> str:
    rid = rec["id"]
    return rid[3:] if topic == DEADLETTER and rid.startswith("dl-") else rid


def decision(topic: str, rec: dict[str, Any]) -> tuple[Any, ...]:
    """What must not change when an article is processed twice. The story's
    size and status in an enriched record are a snapshot of the story and
    may have moved on by the time of a redelivery; its id may not."""
    if topic == DEADLETTER:
        return (DEADLETTER, rec["reason"])
    d = rec["duplicate"]
    return (topic, d["status"], d["of"], (rec.get("story") or {}).get("id"))


def event_key(e: dict[str, Any]) -> tuple[Any, ...]:
    return (e["story_id"], e["status"], e["previous_status"], e["article_id"])


@dataclass
class Audit:
    """The guarantees, checked over everything the worker published."""

    decisions: dict[str, set[tuple[Any, ...]]] = field(default_factory=lambda: defaultdict(set))
    records: int = 0
    events: dict[str, set[tuple[Any, ...]]] = field(default_factory=lambda: defaultdict(set))
    event_records: int = 0

    @classmethod
    def of(cls, got: Collected) -> Audit:
        a = cls()
        for topic in (ENRICHED, DUPLICATES, DEADLETTER):
            for rec in got.values(topic):
                a.decisions[outcome_id(topic, rec)].add(decision(topic, rec))
                a.records += 1
        for e in got.values(BREAKING):
            a.events[e["id"]].add(event_key(e))
            a.event_records += 1
        return a

    def missing(self, ids: set[str]) -> set[str]:
        return ids - self.decisions.keys()

    def conflicts(self) -> dict[str, set[tuple[Any, ...]]]:
        return {k: v for k, v in self.decisions.items() if len(v) > 1}

    def event_conflicts(self) -> dict[str, set[tuple[Any, ...]]]:
        return {k: v for k, v in self.events.items() if len(v) > 1}

    def redelivered(self) -> int:
        return self.records - len(self.decisions)

    def self_duplicates(self) -> list[str]:
        return [k for k, v in self.decisions.items() for d in v if d[0] == DUPLICATES and d[2] == k]

    def reissued_events(self) -> list[tuple[Any, ...]]:
        """Breaking events for one (story, transition, article) under several ids."""
        by_key: dict[tuple[Any, ...], set[str]] = defaultdict(set)
        for eid, keys in self.events.items():
            for k in keys:
                by_key[k].add(eid)
        return [k for k, ids in by_key.items() if len(ids) > 1]

    def final(self) -> dict[str, tuple[Any, ...]]:
        return {k: next(iter(v)) for k, v in self.decisions.items() if len(v) == 1}

    def final_events(self) -> dict[str, tuple[Any, ...]]:
        return {k: next(iter(v)) for k, v in self.events.items() if len(v) == 1}


def dup_groups(a: Audit) -> set[frozenset[str]]:
    """Groups of articles linked by "duplicate of": order-free, unlike who
    is the canonical copy."""
    parent: dict[str, str] = {}

    def root(x: str) -> str:
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    for k, v in a.decisions.items():
        d = sorted(v)[0]
        root(k)
        if d[0] == DUPLICATES:
            parent[root(k)] = root(d[2])
    groups: dict[str, set[str]] = defaultdict(set)
    for k in parent:
        groups[root(k)].add(k)
    return {frozenset(g) for g in groups.values() if len(g) > 1}


def offline_reference(payloads: list[bytes]) -> Audit:
    """`newsstream process` semantics over the same input in the same order."""
    p = Pipeline()
    a = Audit()
    for i, payload in enumerate(payloads):
        for topic, _, rec in p.run(payload, Meta(arrival_time=_BASE_TIME, offset=i)):
            if topic == BREAKING:
                a.events[rec["id"]].add(event_key(rec))
                a.event_records += 1
            else:
                a.decisions[outcome_id(topic, rec)].add(decision(topic, rec))
                a.records += 1
    return a


def dedup_part(d: tuple[Any, ...]) -> tuple[Any, ...]:
    return d[:3]


def assert_guarantees(audit: Audit, ids: set[str], expected: Audit | None = None) -> None:
    """No loss, and idempotent outputs (same id -> same decision); with
    ``expected``, the same decisions as an uninterrupted run.

    Stories too: a redelivered article keeps its story, and no breaking
    event is re-issued under a new id (StoryBook keeps an article -> story
    index for exactly this).
    """
    assert not audit.missing(ids), f"{len(audit.missing(ids))} articles lost, e.g. {sorted(audit.missing(ids))[:3]}"
    dedup_conflicts = {k: v for k, v in audit.conflicts().items() if len({dedup_part(d) for d in v}) > 1}
    assert not dedup_conflicts, f"conflicting dedup decisions: {list(dedup_conflicts.items())[:3]}"
    assert not audit.self_duplicates(), f"duplicates of themselves: {audit.self_duplicates()[:3]}"
    assert not audit.event_conflicts(), f"one event id, two events: {list(audit.event_conflicts().items())[:3]}"
    if expected is not None:
        got = {k: dedup_part(next(iter(v))) for k, v in audit.decisions.items()}
        want = {k: dedup_part(next(iter(v))) for k, v in expected.decisions.items()}
        diff = sorted(_diff(got, want))
        sample = [(k, audit.decisions.get(k), expected.decisions.get(k)) for k in diff[:3]]
        assert not diff, f"dedup decisions differ from the reference on {len(diff)} ids: {sample}"
    story_problems = {
        "story_conflicts": len(audit.conflicts()),
        "reissued_events": len(audit.reissued_events()),
        "differs_from_reference": 0 if expected is None else len(_diff(audit.final(), expected.final()))
        + len(_diff(audit.final_events(), expected.final_events())),
    }
    sample = []
    if expected is not None:
        final, want = audit.final(), expected.final()
        sample = [(k, final.get(k), want.get(k)) for k in sorted(_diff(final, want))[:4]]
    assert not any(story_problems.values()), f"story decisions not idempotent: {story_problems}, e.g. {sample}"


def _diff(a: dict[str, Any], b: dict[str, Any]) -> set[str]:
    return {k for k in a.keys() | b.keys() if a.get(k) != b.get(k)}


def outcomes(c: Collected) -> int:
    return c.count(ENRICHED, DUPLICATES, DEADLETTER)


def distinct_outcomes(c: Collected) -> int:
    return len({outcome_id(t, r) for t in (ENRICHED, DUPLICATES, DEADLETTER) for r in c.values(t)})


def drain(settings: Settings, ids: set[str], timeout: float, quiet: float = 2.0) -> Collected:
    """Everything published, once every input id has an outcome."""
    def done(c: Collected) -> bool:
        return ids <= {outcome_id(t, r) for t in (ENRICHED, DUPLICATES, DEADLETTER) for r in c.values(t)}
    return collect_sync(settings, done, timeout=timeout, quiet=quiet)


def wait_outcomes(settings: Settings, at_least: int, timeout: float) -> Collected:
    return collect_sync(settings, lambda c: outcomes(c) >= at_least, timeout=timeout)


class Stopwatch:
    def __init__(self) -> None:
        self.t0 = time.monotonic()
        self.marks: dict[str, float] = {}

    def mark(self, name: str) -> float:
        self.marks[name] = round(time.monotonic() - self.t0, 2)
        return self.marks[name]


def report(test: str, **fields: Any) -> None:
    """One JSON line per test run: printed (``pytest -s`` / ``-rA`` shows it)
    and appended to ``$NEWSSTREAM_RELIABILITY_REPORT`` when set."""
    line = json.dumps({"test": test, **fields}, default=str, sort_keys=True)
    print("\n" + line)
    path = os.environ.get("NEWSSTREAM_RELIABILITY_REPORT")
    if path:
        with open(path, "a") as fh:
            fh.write(line + "\n")


def until_all(*conds: Callable[[Collected], bool]) -> Callable[[Collected], bool]:
    return lambda c: all(f(c) for f in conds)

"""At-least-once redelivery, offline: processing a suffix of the stream again
over the same state must give every article the outcome it got the first time
(what a worker does after a crash, minus the broker)."""

from __future__ import annotations

import pytest

from stream.pipeline.offline import Pipeline
from stream.pipeline.prepare import Meta
from stream.settings import BREAKING, DUPLICATES
from tests.integration.reliability.harness import _BASE_TIME, decision, dedup_part, outcome_id, reuters_payloads

N, REPLAYED = 800, 200


def _outcomes(p: Pipeline, payloads: list[bytes], start: int) -> tuple[dict, dict]:
    arts, events = {}, {}
    for i, payload in enumerate(payloads[start:], start):
        for topic, _, rec in p.run(payload, Meta(_BASE_TIME, offset=i)):
            if topic == BREAKING:
                events[(rec["story_id"], rec["status"], rec["article_id"])] = rec["id"]
            else:
                arts[outcome_id(topic, rec)] = decision(topic, rec)
    return arts, events


@pytest.fixture(scope="module")
def runs() -> tuple[dict, dict, dict, dict]:
    payloads = reuters_payloads(N)
    p = Pipeline()
    first, first_events = _outcomes(p, payloads, 0)
    again, again_events = _outcomes(p, payloads, N - REPLAYED)
    return first, first_events, again, again_events


def test_redelivered_articles_keep_their_dedup_decision(runs) -> None:
    first, _, again, _ = runs
    assert len(again) == REPLAYED
    assert {k: dedup_part(v) for k, v in again.items()} == {k: dedup_part(first[k]) for k in again}
    assert not [k for k, v in again.items() if v[0] == DUPLICATES and v[2] == k], "an article called a duplicate of itself"


def test_redelivered_articles_keep_their_story_and_event_ids(runs) -> None:
    first, first_events, again, again_events = runs
    def story(d: tuple) -> str | None:
        return d[3] if len(d) > 3 else None  # dead letters have no story

    assert {k: story(v) for k, v in again.items()} == {k: story(first[k]) for k in again}
    # No new alert for a redelivery; a re-emitted one keeps its id.
    assert all(first_events.get(k) == eid for k, eid in again_events.items())

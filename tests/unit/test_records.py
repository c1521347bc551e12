"""Breaking events' CloudEvents headers: what CloudEvents-aware consumers route on (no broker)."""

from __future__ import annotations

import json
from pathlib import Path

from stream.records import breaking_event_id, cloudevent_headers

SCHEMA = Path(__file__).resolve().parents[2] / "schemas" / "breaking-event.v1.json"


def test_a_breaking_event_carries_the_cloudevents_attributes_of_its_own_record() -> None:
    event = {"id": breaking_event_id("story-abc", 2, "failed"), "story_id": "story-abc",
             "detected_at": "2019-02-28T07:31:02Z"}
    headers = cloudevent_headers(event, source="newsstream/news-group")
    assert [name for name, _ in headers] == ["ce_specversion", "ce_id", "ce_type", "ce_source", "ce_subject",
                                             "ce_time", "content-type"]
    values = {name: value.decode() for name, value in headers}
    assert values == {
        "ce_specversion": "1.0",
        "ce_id": event["id"],  # the record's deterministic id: a replay repeats it
        "ce_type": "io.newsstream.breaking.v1",
        "ce_source": "newsstream/news-group",
        "ce_subject": "story-abc",
        "ce_time": "2019-02-28T07:31:02Z",
        "content-type": "application/json",
    }
    # The schema promises these attributes to consumers.
    description = json.loads(SCHEMA.read_text())["description"]
    assert all(name in description for name, _ in headers if name.startswith("ce_"))


def test_an_event_without_detection_time_has_no_ce_time() -> None:
    # CloudEvents: ``time`` is optional, and a timestamp when present.
    headers = dict(cloudevent_headers({"id": "e", "story_id": "s", "detected_at": None}, source="x"))
    assert "ce_time" not in headers and headers["ce_id"] == b"e"

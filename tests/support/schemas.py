"""Validate records against the published JSON Schemas (schemas/*.v1.json)."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from jsonschema import Draft202012Validator

from tests.support.shared import REPO

TOPIC_SCHEMA = {
    "news.raw": "raw-article.v1.json",
    "news.enriched": "enriched-article.v1.json",
    "news.duplicates": "enriched-article.v1.json",
    "news.breaking": "breaking-event.v1.json",
    "news.deadletter": "dead-letter.v1.json",
}


@cache
def validator(name: str) -> Draft202012Validator:
    schema = json.loads((REPO / "schemas" / name).read_text())
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def assert_valid(topic: str, record: Any) -> None:
    errors = sorted(validator(TOPIC_SCHEMA[topic]).iter_errors(record), key=lambda e: list(e.path))
    assert not errors, f"{topic} record does not match its schema: " + "; ".join(
        f"{list(e.path)}: {e.message}" for e in errors[:5]
    )

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stream.errors import InputError
from stream.pipeline.parse import REASONS, parse_raw, parse_timestamp

LIMIT = 2 * 1024 * 1024


def reason(payload: bytes, limit: int = LIMIT) -> str:
    with pytest.raises(InputError) as exc:
        parse_raw(payload, max_bytes=limit)
    assert exc.value.reason in REASONS
    return exc.value.reason


def test_minimal_article_and_unknown_fields_kept() -> None:
    a = parse_raw(json.dumps({"url": " https://x.example/a ", "title": "T", "scraper": {"v": 2}}).encode(),
                  max_bytes=LIMIT)
    assert a.url == "https://x.example/a" and a.title == "T" and a.body == ""
    assert a.extra == {"scraper": {"v": 2}}


@pytest.mark.parametrize(
    ("payload", "expected"),
    [
        (b'{"url": "u", "title": "x"', "invalid_json"),
        (b"\xff\xfe{}", "invalid_utf8"),
        (b'"text"', "not_an_object"),
        (b"[]", "not_an_object"),
        (b'{"title": "x"}', "missing_field"),
        (b'{"url": "", "title": "x"}', "missing_field"),
        (b'{"url": "u"}', "missing_field"),
        (b'{"url": 5, "title": "x"}', "wrong_type"),
        (b'{"url": "u", "title": "x", "authors": [1]}', "wrong_type"),
        (b'{"url": "u", "title": "", "body": " "}', "empty_article"),
    ],
)
def test_bad_input_reasons(payload: bytes, expected: str) -> None:
    assert reason(payload) == expected


def test_payload_limit() -> None:
    big = json.dumps({"url": "u", "title": "t", "body": "x" * 5000}).encode()
    assert reason(big, limit=1024) == "payload_too_large"


def test_deep_nesting_is_a_dead_letter_not_a_crash() -> None:
    assert reason(b"[" * 100_000 + b"]" * 100_000) == "invalid_json"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2019-02-28T10:17:00+02:00", datetime(2019, 2, 28, 8, 17, tzinfo=UTC)),
        ("2019-02-28T08:17:00Z", datetime(2019, 2, 28, 8, 17, tzinfo=UTC)),
        ("2019-02-28 08:17:00", datetime(2019, 2, 28, 8, 17, tzinfo=UTC)),
        (1551341820000, datetime(2019, 2, 28, 8, 17, tzinfo=UTC)),
        (1551341820, datetime(2019, 2, 28, 8, 17, tzinfo=UTC)),
        ("1551341820000", datetime(2019, 2, 28, 8, 17, tzinfo=UTC)),
        ("yesterday", None),
        (True, None),
        ({"a": 1}, None),
    ],
)
def test_timestamps(value: object, expected: datetime | None) -> None:
    assert parse_timestamp(value) == expected


def test_unreadable_date_keeps_the_article() -> None:
    a = parse_raw(b'{"url": "u", "title": "t", "published_at": "soon"}', max_bytes=LIMIT)
    assert a.published_at is None and a.extra["published_at_unparsed"] == "soon"


@given(st.binary(max_size=2000))
@settings(max_examples=300, deadline=None)
def test_arbitrary_bytes_parse_or_raise_input_error(payload: bytes) -> None:
    try:
        parse_raw(payload, max_bytes=LIMIT)
    except InputError as exc:
        assert exc.reason in REASONS

"""Stage 1a: bytes -> :class:`RawArticle`, or an :class:`InputError` with a stable reason.

Liberal in what it accepts (unknown fields kept, several timestamp forms,
``body`` or ``html``), strict about what it cannot work with. The reason codes
are part of the dead-letter contract and metric labels: add new ones rarely.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import orjson

from stream.errors import InputError
from stream.records import RawArticle

#: Stable dead-letter reason codes (schemas/dead-letter.v1.json lists them).
REASONS = (
    "payload_too_large",
    "invalid_utf8",
    "invalid_json",
    "not_an_object",
    "missing_field",
    "wrong_type",
    "invalid_url",
    "empty_article",
    "internal_error",
)

_KNOWN = frozenset(
    {"url", "title", "body", "html", "source", "published_at", "language", "authors", "tags", "id"}
)
# Epoch values below this are taken as seconds, above as milliseconds:
# 1e11 s is the year 5138, 1e11 ms is 1973.
_EPOCH_MS_CUTOFF = 100_000_000_000


def parse_raw(payload: bytes, *, max_bytes: int) -> RawArticle:
    if len(payload) > max_bytes:
        raise InputError("payload_too_large", f"{len(payload)} bytes > limit of {max_bytes}")
    try:
        # orjson validates the whole input as UTF-8 (a document it accepts is
        # valid UTF-8), so the separate decode that gives the producer a
        # precise error (encoding vs JSON syntax) runs only on failure.
        doc = orjson.loads(payload)
    except orjson.JSONDecodeError as exc:
        try:
            payload.decode("utf-8")
        except UnicodeDecodeError as uexc:
            raise InputError("invalid_utf8", f"not UTF-8 at byte {uexc.start}: {uexc.reason}") from None
        raise InputError("invalid_json", str(exc)[:300]) from None
    if not isinstance(doc, dict):
        raise InputError("not_an_object", f"top-level JSON value is {type(doc).__name__}, not object")
    return article_from_dict(doc)


def article_from_dict(doc: dict[str, Any]) -> RawArticle:
    url = _required_str(doc, "url")
    title = _required_str(doc, "title")
    body = _optional_str(doc, "body") or ""
    html = _optional_str(doc, "html") or ""
    # ``isspace`` is the predicate ``strip`` uses, without copying the body.
    if _blank(body) and _blank(html) and _blank(title):
        raise InputError("empty_article", "title, body and html are all empty")
    extra = {k: v for k, v in doc.items() if k not in _KNOWN}
    if extra:  # nothing to check (and no dumps) for the usual known-fields-only message
        _check_publishable(extra)
    published_at = None
    if doc.get("published_at") is not None:
        published_at = parse_timestamp(doc["published_at"])
        if published_at is None:
            # Be liberal: an unreadable date is not worth losing the article.
            extra["published_at_unparsed"] = doc["published_at"]
    source_id = doc.get("id")
    return RawArticle(
        url=url.strip(),
        title=title,
        body=body,
        html=html,
        source=_optional_str(doc, "source"),
        published_at=published_at,
        language=_optional_str(doc, "language"),
        authors=_str_list(doc, "authors"),
        tags=_str_list(doc, "tags"),
        source_id=None if source_id is None else str(source_id)[:200],
        extra=extra,
    )


def _blank(s: str) -> bool:
    return not s or s.isspace()


def _check_publishable(extra: dict[str, Any]) -> None:
    # orjson reads 1024 levels of nesting but writes only 254; unknown fields
    # travel inside the envelope (two levels down), so deeper input would
    # parse, then crash the agent that publishes it (tests/unit/pipeline/test_hostile.py).
    try:
        orjson.dumps([[extra]])
    except TypeError:
        raise InputError("invalid_json", "unknown fields nested deeper than 250 levels") from None


def parse_timestamp(value: Any) -> datetime | None:
    """ISO-8601 string, epoch seconds or epoch milliseconds -> aware UTC datetime."""
    try:
        if isinstance(value, str):  # the usual case first (a str is never a bool)
            s = value.strip()
            if not s or len(s) > 64:
                return None
            if s.lstrip("-").replace(".", "", 1).isdigit():
                return _from_epoch(float(s))
            dt = datetime.fromisoformat(s.replace("z", "Z"))
            if dt.tzinfo is None:
                return dt.replace(tzinfo=UTC)
            # fromisoformat gives "+00:00"/"Z" the UTC singleton: no conversion needed.
            return dt if dt.tzinfo is UTC else dt.astimezone(UTC)
        if isinstance(value, bool):
            return None
        if isinstance(value, int | float):
            return _from_epoch(float(value))
    except (ValueError, OverflowError, OSError):
        return None
    return None


def _from_epoch(x: float) -> datetime:
    return datetime.fromtimestamp(x / 1000.0 if abs(x) >= _EPOCH_MS_CUTOFF else x, UTC)


def _required_str(doc: dict[str, Any], name: str) -> str:
    if name not in doc or doc[name] is None:
        raise InputError("missing_field", f"required field {name!r} is missing")
    value = doc[name]
    if not isinstance(value, str):
        raise InputError("wrong_type", f"field {name!r} must be a string, got {type(value).__name__}")
    if name == "url" and not value.strip():
        raise InputError("missing_field", "required field 'url' is empty")
    return value


def _optional_str(doc: dict[str, Any], name: str) -> str | None:
    value = doc.get(name)
    if value is None:
        return None
    if not isinstance(value, str):
        raise InputError("wrong_type", f"field {name!r} must be a string, got {type(value).__name__}")
    return value


def _str_list(doc: dict[str, Any], name: str) -> tuple[str, ...]:
    value = doc.get(name)
    if value is None:
        return ()
    if isinstance(value, str):  # a lone author/tag is common in scrapes
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise InputError("wrong_type", f"field {name!r} must be a string or a list of strings")
    return tuple(v.strip() for v in value if v.strip())[:50]

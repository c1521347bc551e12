"""The status the article-level assertion gives a headline (and lede)."""

from __future__ import annotations

from stream.status.assertion import assert_status


def status_of(title: str, lede: str = "") -> str | None:
    got = assert_status(title, lede)
    return None if got is None else got.status

"""The app factory, without a broker: wiring, not behaviour (that is integration)."""

from __future__ import annotations

import dataclasses

from stream.kafka.app import create_app
from stream.settings import Settings


def test_factory_builds_independent_apps(tmp_path) -> None:
    s = dataclasses.replace(Settings.from_env({}), data_dir=tmp_path, topic_prefix="u-")
    a, b = create_app(s), create_app(s)
    assert a is not b
    assert a.conf.id == "u-newsstream"
    assert a.conf.web_bind == "127.0.0.1"
    # concurrency > 1 loses data on commit in faust-streaming (#606).
    assert {name: ag.concurrency for name, ag in a.agents.items()} and all(
        ag.concurrency == 1 for ag in a.agents.values()
    )
    assert set(a.tables) == {"dedup-url", "dedup-content", "stories"}
    topics = {t for ag in a.agents.values() for t in ag.channel.topics}
    assert "u-news.raw" in topics and "u-newsstream-story-route" in topics

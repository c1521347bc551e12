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


def test_internal_and_changelog_topics_take_a_full_batch_record(tmp_path) -> None:
    # Faust would create them with the broker's ~1 MB default, below a hop
    # record of MAX_BATCH_BYTES plus its framing: MessageSizeTooLargeError
    # lost the articles of such records.
    from stream.kafka.batches import MAX_BATCH_BYTES
    from stream.kafka.topics import TOPIC_MAX_MESSAGE_BYTES

    s = dataclasses.replace(Settings.from_env({}), data_dir=tmp_path, topic_prefix="u-")
    app = create_app(s)
    internal = [ag.channel for ag in app.agents.values() if ag.channel.internal]
    changelogs = [t.changelog_topic for t in app.tables.values()]
    assert len(internal) == 2 and len(changelogs) == 3
    for topic in internal + changelogs:
        limit = int(topic.config["max.message.bytes"])
        assert limit == TOPIC_MAX_MESSAGE_BYTES > 2 * MAX_BATCH_BYTES, topic.get_topic_name()

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


def test_each_table_database_has_a_bounded_memory(tmp_path) -> None:
    # Faust's defaults (a 2 GB block cache and 3 x 64 MB write buffers per
    # database) let the RSS grow with the state (bench/rocksdb_memory.py).
    s = Settings.from_env({"NEWSSTREAM_TABLE_WRITE_BUFFER_MB": "8", "NEWSSTREAM_TABLE_BLOCK_CACHE_MB": "32"})
    app = create_app(dataclasses.replace(s, data_dir=tmp_path, topic_prefix="u-"))
    for table in app.tables.values():
        options = table.data.rocksdb_options
        assert (options.write_buffer_size, options.max_write_buffer_number, options.block_cache_size) == (
            8 << 20, 2, 32 << 20)
    # The in-memory store takes the same tables.
    memory = create_app(dataclasses.replace(s, data_dir=tmp_path, topic_prefix="m-", store="memory://"))
    assert set(memory.tables) == set(app.tables)

"""The worker exits, rather than commit, when Kafka refuses a record."""

from __future__ import annotations

import dataclasses

from aiokafka.errors import MessageSizeTooLargeError

from stream.kafka.app import create_app
from stream.kafka.fail_fast import EXIT_PRODUCE_FAILED, ExitOnSendError, exit_refused
from stream.settings import Settings


def test_a_failed_send_exits_with_the_retry_code(caplog) -> None:
    exits: list[int] = []
    sensor = ExitOnSendError(exit=exits.append)
    sensor.on_send_error(None, MessageSizeTooLargeError(), None)
    assert exits == [EXIT_PRODUCE_FAILED]
    assert "MessageSizeTooLargeError" in caplog.text


def test_a_refused_direct_send_names_its_topic(caplog) -> None:
    exits: list[int] = []
    exit_refused(MessageSizeTooLargeError(), exits.append, topic="news.enriched")
    assert exits == [EXIT_PRODUCE_FAILED]
    assert "for topic news.enriched (MessageSizeTooLargeError" in caplog.text


def test_every_app_carries_the_sensor(tmp_path) -> None:
    s = dataclasses.replace(Settings.from_env({}), data_dir=tmp_path, topic_prefix="u-")
    app = create_app(s)
    assert [x for x in app.sensors if isinstance(x, ExitOnSendError)]


def test_the_registry_the_worker_serves_has_its_start_time() -> None:
    # NewsstreamRestartLoop counts changes of this sample across restarts.
    from prometheus_client import REGISTRY

    from stream.kafka import worker

    assert worker.REGISTRY is REGISTRY
    assert REGISTRY.get_sample_value("process_start_time_seconds") > 0

from __future__ import annotations

import pytest

from stream.errors import ConfigError
from stream.settings import Secret, Settings


def test_defaults_are_safe() -> None:
    s = Settings.from_env({})
    assert s.web_host == "127.0.0.1"
    assert s.partitions == 6
    assert s.processing_guarantee == "at_least_once"
    assert s.topic("news.raw") == "news.raw"


def test_env_prefix_and_types() -> None:
    s = Settings.from_env({"NEWSSTREAM_TOPIC_PREFIX": "t1-", "NEWSSTREAM_PARTITIONS": "3",
                           "NEWSSTREAM_DEDUP_WINDOW_DAYS": "1.5"})
    assert s.topic("news.enriched") == "t1-news.enriched"
    assert s.group_id == "t1-newsstream"
    assert s.partitions == 3 and s.dedup_window_days == 1.5


def test_secrets_never_show() -> None:
    s = Settings.from_env({"NEWSSTREAM_SECURITY_PROTOCOL": "SASL_PLAINTEXT", "NEWSSTREAM_SASL_MECHANISM":
                           "SCRAM-SHA-256", "NEWSSTREAM_SASL_USERNAME": "alice",
                           "NEWSSTREAM_SASL_PASSWORD": "hunter2-secret"})
    assert "hunter2-secret" not in repr(s)
    assert "hunter2-secret" not in str(s.redacted())
    assert isinstance(s.sasl_password, Secret) and s.sasl_password.reveal() == "hunter2-secret"


@pytest.mark.parametrize(
    "env",
    [
        {"NEWSSTREAM_PARTITIONS": "zero"},
        {"NEWSSTREAM_PARTITIONS": "0"},
        {"NEWSSTREAM_PROCESSING_GUARANTEE": "maybe"},
        {"NEWSSTREAM_SECURITY_PROTOCOL": "SASL_SSL"},
        {"NEWSSTREAM_MAX_PAYLOAD_BYTES": "10"},
    ],
)
def test_bad_settings_are_config_errors(env: dict[str, str]) -> None:
    with pytest.raises(ConfigError):
        Settings.from_env(env)


def test_settings_are_frozen() -> None:
    s = Settings.from_env({})
    with pytest.raises(AttributeError):
        s.partitions = 1  # type: ignore[misc]

from __future__ import annotations

from pathlib import Path

import pytest

import stream.settings as settings_module
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
        {"NEWSSTREAM_TABLE_WRITE_BUFFER_MB": "0"},
        {"NEWSSTREAM_TABLE_BLOCK_CACHE_MB": "-1"},
    ],
)
def test_bad_settings_are_config_errors(env: dict[str, str]) -> None:
    with pytest.raises(ConfigError):
        Settings.from_env(env)


def test_settings_are_frozen() -> None:
    s = Settings.from_env({})
    with pytest.raises(AttributeError):
        s.partitions = 1  # type: ignore[misc]


@pytest.mark.parametrize(("cpus", "expected"), [(1.0, 0), (1.5, 0), (2.0, 1), (8.0, 1)])
def test_prepare_processes_default_to_one_where_two_cpus_are_usable(
        monkeypatch: pytest.MonkeyPatch, cpus: float, expected: int) -> None:
    monkeypatch.setattr(settings_module, "usable_cpus", lambda: cpus)
    assert Settings.from_env({}).prepare_processes == expected
    assert Settings.from_env({"NEWSSTREAM_PREPARE_PROCESSES": "auto"}).prepare_processes == expected
    assert Settings.from_env({"NEWSSTREAM_PREPARE_PROCESSES": "2"}).prepare_processes == 2
    assert Settings.from_env({"NEWSSTREAM_PREPARE_PROCESSES": "0"}).prepare_processes == 0


@pytest.mark.parametrize(("files", "quota"), [
    ({"cpu.max": "max 100000\n"}, None),
    ({"cpu.max": "150000 100000\n"}, 1.5),
    ({"cpu/cpu.cfs_quota_us": "-1\n", "cpu/cpu.cfs_period_us": "100000\n"}, None),
    ({"cpu/cpu.cfs_quota_us": "200000\n", "cpu/cpu.cfs_period_us": "100000\n"}, 2.0),
    ({}, None),
])
def test_a_container_cpu_limit_is_read_from_cgroup_v2_or_v1(tmp_path: Path, files: dict[str, str],
                                                            quota: float | None) -> None:
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    assert settings_module._cgroup_cpu_quota(tmp_path) == quota

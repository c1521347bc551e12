"""One frozen settings object, read from ``NEWSSTREAM_*`` environment variables.

Every knob an operator can turn is a field here, with its environment
variable named ``NEWSSTREAM_<FIELD>``. Secrets are wrapped in :class:`Secret`
so that logging or printing the settings never shows them.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from stream.errors import ConfigError

ENV_PREFIX = "NEWSSTREAM_"

#: Logical topic names. CLI commands and code use these; the physical name
#: is ``topic_prefix + logical``.
RAW = "news.raw"
ENRICHED = "news.enriched"
DUPLICATES = "news.duplicates"
BREAKING = "news.breaking"
DEADLETTER = "news.deadletter"
OUTPUT_TOPICS = (ENRICHED, DUPLICATES, BREAKING, DEADLETTER)
LOGICAL_TOPICS = (RAW, *OUTPUT_TOPICS)


def usable_cpus() -> float:
    """CPUs this process may use: its affinity mask, capped by a cgroup CPU
    quota (a container's CPU limit), which os.cpu_count() does not see."""
    n = float(len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)
    quota = _cgroup_cpu_quota()
    return n if quota is None else min(n, quota)


def _cgroup_cpu_quota(root: Path = Path("/sys/fs/cgroup")) -> float | None:
    try:  # cgroup v2: "max 100000" or "<quota> <period>"
        quota, period = (root / "cpu.max").read_text().split()[:2]
        return None if quota == "max" else int(quota) / int(period)
    except (OSError, ValueError):
        pass
    try:  # cgroup v1: a quota of -1 is no limit
        quota_us = int((root / "cpu" / "cpu.cfs_quota_us").read_text())
        period_us = int((root / "cpu" / "cpu.cfs_period_us").read_text())
        return quota_us / period_us if quota_us > 0 and period_us > 0 else None
    except (OSError, ValueError):
        return None


def auto_prepare_processes() -> int:
    return 1 if usable_cpus() >= 2 else 0


class Secret(str):
    """A string that never shows itself in ``repr``/``str`` formatting of settings."""

    def __repr__(self) -> str:
        return "Secret('***')" if self else "Secret('')"

    def reveal(self) -> str:
        return str.__str__(self)


@dataclass(frozen=True)
class Settings:
    # --- Kafka connection -------------------------------------------------
    broker: str = "kafka://127.0.0.1:9092"
    topic_prefix: str = ""
    app_id: str = "newsstream"
    partitions: int = 6
    replication_factor: int = 1
    # at_least_once is the default: exactly_once is experimental upstream
    # (faust-streaming #323, #517); outputs carry deterministic ids instead.
    processing_guarantee: str = "at_least_once"
    security_protocol: str = "PLAINTEXT"
    sasl_mechanism: str = ""
    sasl_username: str = ""
    sasl_password: Secret = Secret("")
    ssl_cafile: str = ""
    ssl_certfile: str = ""
    ssl_keyfile: str = ""
    ssl_keyfile_password: Secret = Secret("")

    # --- Worker -------------------------------------------------------------
    data_dir: Path = Path("var/newsstream")
    store: str = "rocksdb://"
    web_host: str = "127.0.0.1"
    web_port: int = 6066
    log_level: str = "info"
    max_payload_bytes: int = 2 * 1024 * 1024
    # Processes that prepare raw messages (parse, clean, tag) for the worker,
    # so the stateless stage runs beside the event loop instead of in it
    # (stream.pipeline.parallel). NEWSSTREAM_PREPARE_PROCESSES=auto (the
    # default): one where the worker may use two CPUs or more, else none.
    # On two cores one cut the p99 at a steady 200 articles/s from 303-488
    # ms to 188-238 ms and raised burst rates 1.1-1.2x (bench/README.md,
    # eighth session); on one core it would only add hand-offs.
    prepare_processes: int = field(default_factory=auto_prepare_processes,
                                   metadata={"auto": auto_prepare_processes})
    # At >= 100 raw messages/s, fetches wait up to this many ms for 64 KB of
    # records instead of returning with the first (stream/kafka/fetch.py);
    # 0 = never wait, as Faust does.
    fetch_wait_ms: int = 25
    # Memory of each table partition's RocksDB database: its write buffer
    # (two at most: one filling, one flushing) and its block cache. Faust's
    # defaults (64 MB x 3 and a 2 GB cache per database) let a worker's RSS
    # grow with its state: 2,250 MB after 1,000,000 articles' writes and one
    # expiry-style scan, against 268 MB with 16 and 16 (bench/rocksdb_memory.py).
    # A worker opens a database per table and assigned partition.
    table_write_buffer_mb: int = 16
    table_block_cache_mb: int = 16

    # --- Algorithms ---------------------------------------------------------
    dedup_window_days: float = 7.0
    story_quiet_hours: float = 96.0
    flap_window_minutes: float = 30.0
    subject_rules: str = ""

    # --- Local broker launcher (`newsstream kafka up`) --------------------
    kafka_port: int = 9092
    kafka_controller_port: int = 9093
    kafka_home: Path = Path.home() / ".cache" / "newsstream" / "kafka"
    kafka_heap: str = "512m"
    # Empty means ``<data_dir>/kafka-<kafka_port>``, so brokers on different
    # ports never share storage.
    kafka_data_dir: str = ""

    def topic(self, logical: str) -> str:
        """Physical topic name for a logical one (``news.raw`` -> ``<prefix>news.raw``)."""
        return f"{self.topic_prefix}{logical}"

    @property
    def group_id(self) -> str:
        return f"{self.topic_prefix}{self.app_id}"

    @property
    def bootstrap_servers(self) -> str:
        """``host:port[,host:port]`` for plain aiokafka clients."""
        return ",".join(u.split("://", 1)[-1] for u in self.broker.split(";"))

    def redacted(self) -> dict[str, Any]:
        """The settings as a dict that is safe to log."""
        out: dict[str, Any] = {}
        for f in dataclasses.fields(self):
            v = getattr(self, f.name)
            out[f.name] = ("***" if v else "") if isinstance(v, Secret) else str(v)
        return out

    def __repr__(self) -> str:  # secrets never reach logs through repr
        inner = ", ".join(f"{k}={v!r}" for k, v in self.redacted().items())
        return f"Settings({inner})"

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, **overrides: Any) -> Settings:
        """Build settings from ``NEWSSTREAM_*`` variables, then ``overrides``."""
        env = os.environ if env is None else env
        values: dict[str, Any] = {}
        for f in dataclasses.fields(cls):
            raw = env.get(ENV_PREFIX + f.name.upper())
            if raw is not None:
                values[f.name] = _coerce(f, raw)
        for name, value in overrides.items():
            if name not in {f.name for f in dataclasses.fields(cls)}:
                raise ConfigError(f"unknown setting {name!r}")
            values[name] = value
        settings = cls(**values)
        settings.validate()
        return settings

    def validate(self) -> None:
        if self.partitions < 1:
            raise ConfigError("NEWSSTREAM_PARTITIONS must be >= 1")
        if self.replication_factor < 1:
            raise ConfigError("NEWSSTREAM_REPLICATION_FACTOR must be >= 1")
        if self.processing_guarantee not in {"at_least_once", "exactly_once"}:
            raise ConfigError(
                "NEWSSTREAM_PROCESSING_GUARANTEE must be at_least_once or exactly_once, "
                f"not {self.processing_guarantee!r}"
            )
        if self.security_protocol not in {"PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL"}:
            raise ConfigError(f"unknown NEWSSTREAM_SECURITY_PROTOCOL {self.security_protocol!r}")
        if self.security_protocol.startswith("SASL") and self.sasl_mechanism not in {
            "PLAIN",
            "SCRAM-SHA-256",
            "SCRAM-SHA-512",
        }:
            raise ConfigError(
                "NEWSSTREAM_SASL_MECHANISM must be PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512 "
                f"with {self.security_protocol}"
            )
        if not 0 <= self.prepare_processes <= 64:
            raise ConfigError("NEWSSTREAM_PREPARE_PROCESSES must be between 0 and 64")
        if not (1 <= self.table_write_buffer_mb <= 1024 and 1 <= self.table_block_cache_mb <= 65536):
            raise ConfigError("NEWSSTREAM_TABLE_WRITE_BUFFER_MB must be 1-1024 and "
                              "NEWSSTREAM_TABLE_BLOCK_CACHE_MB 1-65536")
        if self.max_payload_bytes < 1024:
            raise ConfigError("NEWSSTREAM_MAX_PAYLOAD_BYTES must be at least 1024")
        for name in ("dedup_window_days", "story_quiet_hours", "flap_window_minutes"):
            if getattr(self, name) <= 0:
                raise ConfigError(f"NEWSSTREAM_{name.upper()} must be > 0")
        if not (0 < self.web_port < 65536 and 0 < self.kafka_port < 65536):
            raise ConfigError("ports must be between 1 and 65535")


def _coerce(f: dataclasses.Field[Any], raw: str) -> Any:
    if raw.strip().lower() == "auto" and "auto" in f.metadata:
        return f.metadata["auto"]()
    kind = f.type if isinstance(f.type, str) else getattr(f.type, "__name__", str(f.type))
    try:
        if kind == "int":
            return int(raw)
        if kind == "float":
            return float(raw)
        if kind == "Path":
            return Path(raw).expanduser()
        if kind == "Secret":
            return Secret(raw)
        return raw
    except ValueError as exc:
        raise ConfigError(f"{ENV_PREFIX}{f.name.upper()}={raw!r}: expected {kind}") from exc



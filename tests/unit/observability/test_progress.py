"""Lag, oldest-unprocessed age, table sizes and active stories, without a broker."""

from __future__ import annotations

from collections import namedtuple

import pytest
from prometheus_client import CollectorRegistry

from stream.observability.metrics import Metrics
from stream.observability.progress import ActiveStories, InputProgress, table_size

TP = namedtuple("TP", "topic partition")
A, B = TP("p-news.raw", 0), TP("p-news.raw", 1)


def lag(m: Metrics) -> dict[tuple[str, str], float]:
    return {
        (s.labels["topic"], s.labels["partition"]): s.value
        for fam in m.registry.collect() if fam.name == "newsstream_consumer_lag_messages"
        for s in fam.samples
    }


def age(m: Metrics) -> float:
    return m.oldest_unprocessed_age._value.get()


@pytest.fixture
def m() -> Metrics:
    return Metrics(CollectorRegistry())


def test_lag_counts_from_last_processed_offset(m: Metrics) -> None:
    p = InputProgress(m)
    p.processed(A, 9, timestamp=100.0, now=101.0, end=10)  # offsets 0..9 done
    p.refresh([A], {A: 15}, {A: 5}, now=102.0)
    assert lag(m) == {("p-news.raw", "0"): 5.0}


def test_lag_uses_committed_offset_before_anything_is_processed(m: Metrics) -> None:
    p = InputProgress(m)
    p.refresh([A, B], {A: 100, B: 7}, {A: 90, B: None}, now=1.0)
    assert lag(m) == {("p-news.raw", "0"): 10.0, ("p-news.raw", "1"): 7.0}


def test_committed_offset_ahead_of_stale_progress_wins(m: Metrics) -> None:
    # Processed offset 3 here, then the partition moved away and back while
    # another worker committed up to 50.
    p = InputProgress(m)
    p.processed(A, 3, 1.0, 1.0, end=60)
    p.refresh([A], {A: 60}, {A: 50}, now=2.0)
    assert lag(m)[("p-news.raw", "0")] == 10.0


def test_revoked_partitions_stop_reporting(m: Metrics) -> None:
    p = InputProgress(m)
    p.refresh([A, B], {A: 10, B: 10}, {}, now=1.0)
    p.refresh([A], {A: 10}, {}, now=2.0)
    assert set(lag(m)) == {("p-news.raw", "0")}


def test_unknown_end_offset_reports_nothing_for_that_partition(m: Metrics) -> None:
    p = InputProgress(m)
    p.refresh([A, B], {A: 4, B: None}, {}, now=1.0)
    assert set(lag(m)) == {("p-news.raw", "0")}


def test_age_is_zero_when_caught_up(m: Metrics) -> None:
    p = InputProgress(m)
    p.processed(A, 9, timestamp=50.0, now=60.0, end=10)
    p.refresh([A], {A: 10}, {}, now=1000.0)
    assert age(m) == 0.0


def test_age_under_backlog_is_the_last_processed_message_age(m: Metrics) -> None:
    p = InputProgress(m)
    p.processed(A, 9, timestamp=400.0, now=1000.0, end=500)  # far behind
    p.refresh([A], {A: 500}, {}, now=1010.0)
    assert age(m) == pytest.approx(610.0)


def test_new_message_on_a_quiet_partition_is_not_read_as_old(m: Metrics) -> None:
    p = InputProgress(m)
    p.processed(A, 9, timestamp=0.0, now=1.0, end=10)  # caught up, an hour ago
    p.refresh([A], {A: 10}, {}, now=3600.0)
    p.refresh([A], {A: 11}, {}, now=3605.0)  # one message arrived since
    assert age(m) == pytest.approx(5.0)


def test_age_grows_while_a_stuck_worker_sits_on_a_message(m: Metrics) -> None:
    p = InputProgress(m)
    p.processed(A, 9, timestamp=0.0, now=1.0, end=10)
    p.refresh([A], {A: 10}, {}, now=10.0)
    p.refresh([A], {A: 12}, {}, now=20.0)
    first = age(m)
    p.refresh([A], {A: 12}, {}, now=80.0)
    assert age(m) == pytest.approx(first + 60.0)


def test_age_is_the_max_over_partitions(m: Metrics) -> None:
    p = InputProgress(m)
    p.processed(A, 0, timestamp=90.0, now=95.0, end=5)
    p.processed(B, 0, timestamp=10.0, now=95.0, end=5)
    p.refresh([A, B], {A: 5, B: 5}, {}, now=100.0)
    assert age(m) == pytest.approx(90.0)


def test_active_stories_expire_after_the_window() -> None:
    s = ActiveStories(window_seconds=100.0)
    s.touch("a", 0.0)
    s.touch("b", 50.0)
    s.touch("a", 60.0)  # touched again: stays
    assert s.count(120.0) == 2
    assert s.count(155.0) == 1
    assert s.count(1000.0) == 0


class _DB:
    def __init__(self, n: int) -> None:
        self.n = n

    def property_int_value(self, name: str) -> int:
        assert name == "rocksdb.estimate-num-keys"
        return self.n


class _Store:
    def _dbs_for_actives(self):
        return iter([_DB(3), _DB(4)])


class _RocksTable:
    data = _Store()

    def __len__(self) -> int:
        raise AssertionError("len() walks every key: must not be used")


def test_table_size_uses_the_rocksdb_estimate() -> None:
    assert table_size(_RocksTable()) == 7


def test_table_size_falls_back_to_len() -> None:
    assert table_size({"a": 1, "b": 2}) == 2

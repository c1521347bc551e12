from __future__ import annotations

import orjson
import pytest

from stream.dedup.decide import DedupOptions
from stream.kafka import expiry
from stream.kafka.expiry import Expiry


class FakeDb(dict):
    """rocksdict's ``items(from_key=..., read_opt=...)``: key order, from ``from_key`` inclusive."""

    def items(self, from_key: bytes | None = None, read_opt=None):  # type: ignore[override]
        # A sweep must not fill the block cache (stream/kafka/expiry.py).
        assert read_opt is expiry._SCAN and read_opt is not None
        return iter([(k, self[k]) for k in sorted(self) if from_key is None or k >= from_key])


class FakeStore:
    """The slice of faust's RocksDB store that Expiry reads: one db per partition."""

    use_rocksdict = True
    offset_key = b"__faust\0offset__"

    def __init__(self) -> None:
        self._dbs: dict[int, FakeDb] = {0: FakeDb(), 1: FakeDb()}

    def _decode_key(self, k: bytes):
        return orjson.loads(k)

    def _decode_value(self, v: bytes):
        return orjson.loads(v)


class FakeTable(dict):
    name = "dedup-url"

    def __init__(self) -> None:
        super().__init__()
        self.data = FakeStore()

    def put(self, partition: int, key: str, value) -> None:
        self[key] = value
        self.data._dbs[partition][orjson.dumps(key)] = orjson.dumps(value)

    def __delitem__(self, key) -> None:
        super().__delitem__(key)
        for db in self.data._dbs.values():
            db.pop(orjson.dumps(key), None)


class JsonTable(FakeTable):
    """The app's tables: JSON keys and values, decoded by the table itself
    (DurableTable), without Faust's registry."""

    _decode_key = _decode_value = staticmethod(orjson.loads)

    def __init__(self) -> None:
        super().__init__()
        self.data._decode_key = self.data._decode_value = None  # type: ignore[method-assign]


@pytest.mark.parametrize("table", [FakeTable, JsonTable])
def test_sweeps_only_the_current_partition_and_only_stale_keys(table: type[FakeTable]) -> None:
    t = table()
    t.put(0, "old-p0", {"ts": 0.0})
    t.put(0, "new-p0", {"ts": 9 * 86400.0})
    t.put(1, "old-p1", {"ts": 0.0})
    t.put(0, "anchor-p0", [{"ts": 0.0}, {"ts": 1.0}])
    ex = Expiry(t, DedupOptions(window_seconds=7 * 86400.0), every=3600.0)
    assert ex.maybe_sweep(0, 9 * 86400.0) == 0  # first event only sets the schedule
    assert ex.maybe_sweep(0, 9 * 86400.0 + 3600.0) == 2
    assert set(t) == {"new-p0", "old-p1"}  # partition 1's key waits for partition 1's events
    assert ex.maybe_sweep(0, 9 * 86400.0 + 3601.0) == 0  # not due again yet


def test_memory_store_is_left_alone() -> None:
    class Plain(dict):
        name = "t"
        data = object()

    t = Plain(a={"ts": 0.0})
    ex = Expiry(t, DedupOptions(), every=1.0)
    ex.maybe_sweep(0, 0.0)
    assert ex.maybe_sweep(0, 10 * 86400.0) == 0 and "a" in t


def test_a_sweep_reads_a_chunk_per_event_and_finishes() -> None:
    t = FakeTable()
    for i in range(25):
        t.put(0, f"old{i:02}", {"ts": 0.0})
        t.put(0, f"new{i:02}", {"ts": 9 * 86400.0})
    t.data._dbs[0][FakeStore.offset_key] = b"42"  # Faust's offset record is not a key
    ex = Expiry(t, DedupOptions(window_seconds=7 * 86400.0), every=3600.0, chunk=10)
    ex.maybe_sweep(0, 9 * 86400.0)
    deleted = [ex.maybe_sweep(0, 9 * 86400.0 + 3600.0 + i) for i in range(8)]
    # 50 keys in key order, 10 per event (new* sort first and stay), a sixth
    # event to find the end; after that no sweep is due.
    assert deleted == [0, 0, 5, 10, 10, 0, 0, 0]
    assert set(t) == {f"new{i:02}" for i in range(25)}


def test_a_sweep_stops_when_its_partition_is_revoked() -> None:
    t = FakeTable()
    for i in range(30):
        t.put(0, f"old{i:02}", {"ts": 0.0})
    ex = Expiry(t, DedupOptions(window_seconds=7 * 86400.0), every=3600.0, chunk=10)
    ex.maybe_sweep(0, 9 * 86400.0)
    assert ex.maybe_sweep(0, 9 * 86400.0 + 3600.0) == 10
    del t.data._dbs[0]  # the partition moved to another worker
    assert ex.maybe_sweep(0, 9 * 86400.0 + 3601.0) == 0
    assert ex.maybe_sweep(0, 9 * 86400.0 + 3602.0) == 0  # not due again: no error, no scan

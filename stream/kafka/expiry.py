"""Expire dedup state for keys that are never touched again.

Decisions drop stale entries lazily when their key comes back; a key that
never comes back would stay in RocksDB forever. So the content and story
agents call :meth:`Expiry.maybe_sweep` for each event: once the partition's
event-time watermark has moved on by ``every`` seconds, the keys whose entries
all fell out of the window (:func:`stream.dedup.decide.sweep`) are deleted,
a chunk of keys per event.

Faust writes a table delete to the changelog partition of the *current
event*, so only keys stored in that same partition may be deleted here;
they are read from that partition's RocksDB database. Faust has no public
API for that, so this module is the one place that reads store internals,
and it does nothing on stores without per-partition databases (``memory://``,
used in tests and experiments).
"""

from __future__ import annotations

import logging
from typing import Any

from stream.dedup.decide import DedupOptions, sweep

log = logging.getLogger(__name__)


def _scan_options() -> Any:
    try:
        from rocksdict import ReadOptions
    except ImportError:  # python-rocksdb: Faust's other driver
        return None
    options = ReadOptions()
    options.fill_cache(False)
    return options


_SCAN = _scan_options()


def partition_chunk(table: Any, partition: int, after: bytes | None,
                    n: int) -> tuple[list[tuple[Any, Any]], bytes | None]:
    """Up to ``n`` (key, value) pairs stored in ``partition``, in key order,
    after the raw key ``after`` (from the start when None), and the raw key
    to resume after (None: the partition has no more).

    Each call opens its own iterator and drops it before returning: nothing
    outlives the call, so a partition revoked between two calls (its
    database closed) is simply not found by the next one."""
    store = table.data
    dbs = getattr(store, "_dbs", None)
    if not dbs or partition not in dbs:
        return [], None
    db = dbs[partition]
    # The table's own codec where it has one (DurableTable: orjson, without
    # Faust's serializer registry: 2 us per content entry against 9. A
    # Reuters burst, whose event time jumps days, sweeps often: 4.5% of the
    # event loop, bench/README.md, tenth session); else the store's.
    decode_key = getattr(table, "_decode_key", store._decode_key)
    decode_value = getattr(table, "_decode_value", store._decode_value)
    if getattr(store, "use_rocksdict", False):
        # A sweep reads every key of the partition once a day: its blocks
        # would push the lookups' hot blocks out of the block cache.
        it = db.items(from_key=after, read_opt=_SCAN) if after is not None else db.items(read_opt=_SCAN)
    else:  # python-rocksdb
        it = db.iteritems()
        if after is None:
            it.seek_to_first()
        else:
            it.seek(after)
    out: list[tuple[Any, Any]] = []
    last = None
    for k, v in it:
        if k == after or k == store.offset_key:
            continue  # both drivers start at ``after`` itself
        out.append((decode_key(k), decode_value(v)))
        last = k
        if len(out) == n:
            return out, last
    return out, None


class Expiry:
    # A sweep runs once per day of event time (as the offline pipeline does,
    # stream/pipeline/offline.py): hourly sweeps made a replay of 1987
    # Reuters, whose event time jumps hours between articles, sweep on most
    # articles (~14% of the url and content agents' time in
    # bench/profile_worker.py). State stays bounded by the window plus one
    # day. A sweep reads ``chunk`` keys per event, not the whole partition at
    # once: a week of URLs at 1.5 million articles a day is ~10 million keys
    # in the story partition, and decoding them in one call would stop the
    # event loop for minutes. 500 keys took ~6 ms per event under load, and
    # a hop batch of 6-11 articles in a sweeping partition then held the
    # loop 35-50 ms: latency spikes at 200/s (bench/latency.py, eighth
    # session). 100 keys take ~1.2 ms; a day of 10 million keys is still
    # swept in 100,000 events, hours before the next sweep is due.
    def __init__(self, table: Any, options: DedupOptions, every: float = 86400.0, chunk: int = 100) -> None:
        self.table = table
        self.options = options
        self.every = every
        self.chunk = chunk
        self._watermark: dict[int, float] = {}
        self._next: dict[int, float] = {}
        # partition -> (watermark the sweep judges by, raw key to resume after)
        self._sweeping: dict[int, tuple[float, bytes | None]] = {}

    def maybe_sweep(self, partition: int, event_time: float) -> int:
        """Delete the next chunk of expired keys of ``partition`` if a sweep
        is due or under way; returns how many were deleted."""
        wm = max(self._watermark.get(partition, event_time), event_time)
        self._watermark[partition] = wm
        if partition not in self._sweeping:
            due = self._next.setdefault(partition, wm + self.every)
            if wm < due:
                return 0
            self._next[partition] = wm + self.every
            self._sweeping[partition] = (wm, None)
        at, after = self._sweeping[partition]
        items, resume = partition_chunk(self.table, partition, after, self.chunk)
        if resume is None:
            del self._sweeping[partition]
        else:
            self._sweeping[partition] = (at, resume)
        keys = sweep(dict(items), at, self.options)
        for k in keys:
            del self.table[k]
        if keys:
            log.info("expired %d keys of %s in partition %d", len(keys), self.table.name, partition)
        return len(keys)

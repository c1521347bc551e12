"""Expire dedup state for keys that are never touched again.

Decisions drop stale entries lazily when their key comes back; a key that
never comes back would stay in RocksDB forever. So the url and content
agents call :meth:`Expiry.maybe_sweep` for each event: once the partition's
event-time watermark has moved on by ``every`` seconds, the keys whose entries
all fell out of the window (:func:`stream.dedup.decide.sweep`) are deleted.

Faust writes a table delete to the changelog partition of the *current
event*, so only keys stored in that same partition may be deleted here;
they are read from that partition's RocksDB database. Faust has no public
API for that, so this module is the one place that reads store internals,
and it does nothing on stores without per-partition databases (``memory://``,
used in tests and experiments).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

from stream.dedup.decide import DedupOptions, sweep

log = logging.getLogger(__name__)


def partition_items(table: Any, partition: int) -> Iterator[tuple[Any, Any]]:
    store = table.data
    dbs = getattr(store, "_dbs", None)
    if not dbs or partition not in dbs:
        return
    for k, v in store._visible_items(dbs[partition]):
        yield store._decode_key(k), store._decode_value(v)


class Expiry:
    # Each sweep decodes the whole partition, so it runs once per day of
    # event time (as the offline pipeline does, stream/pipeline/offline.py):
    # hourly sweeps made a replay of 1987 Reuters, whose event time jumps
    # hours between articles, sweep on most articles (~14% of the url and
    # content agents' time in bench/profile_worker.py). State stays bounded
    # by the window plus one day.
    def __init__(self, table: Any, options: DedupOptions, every: float = 86400.0) -> None:
        self.table = table
        self.options = options
        self.every = every
        self._watermark: dict[int, float] = {}
        self._next: dict[int, float] = {}

    def maybe_sweep(self, partition: int, event_time: float) -> int:
        wm = max(self._watermark.get(partition, event_time), event_time)
        self._watermark[partition] = wm
        due = self._next.setdefault(partition, wm + self.every)
        if wm < due:
            return 0
        self._next[partition] = wm + self.every
        keys = sweep(dict(partition_items(self.table, partition)), wm, self.options)
        for k in keys:
            del self.table[k]
        if keys:
            log.info("expired %d keys of %s in partition %d", len(keys), self.table.name, partition)
        return len(keys)

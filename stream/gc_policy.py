"""The cyclic garbage collector's settings for long runs (worker, backfill).

Almost everything the pipeline allocates is freed by reference counting; the
cyclic collector mostly rescans objects that live for the whole run: the
modules, lexicons and automata built at start-up, the story book's index,
the tables' caches. A full (generation 2) collection walks all of them, and
with CPython's default thresholds (700, 10, 10) a worker at 200 articles/s
ran one every ~2.5 s, each a 60-70 ms pause of the event loop that every
article in flight waits out (bench/latency.py with gc.callbacks timing
the collections: 8 full collections, 0.45-0.54 s, in a 20 s run).

:func:`tune_gc` is called once the process has built what it keeps:
``gc.freeze()`` moves those objects out of the collector's sight for good
(they are never garbage), and the thresholds below make young collections
rarer and full ones a few per hour. Calibrated with bench/latency.py at
200/s (bench/README.md, eighth session).
"""

from __future__ import annotations

import gc

# (young, middle, old). A young collection after 10,000 net container
# allocations (~1 s at 200 articles/s), a middle one every 20 of those, a
# full one every 20 middle ones (~400 s; CPython also waits until a quarter
# of the long-lived objects are new). Cyclic garbage, rare here, is still
# found within minutes: this bounds pauses, not memory.
THRESHOLDS = (10_000, 20, 20)


def tune_gc(thresholds: tuple[int, int, int] = THRESHOLDS) -> None:
    """Freeze what exists now and set the thresholds; call after start-up."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(*thresholds)

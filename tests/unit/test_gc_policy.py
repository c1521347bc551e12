"""tune_gc: start-up objects out of the collector's sight, rarer collections."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from stream.gc_policy import THRESHOLDS, tune_gc


@pytest.fixture
def restore_gc() -> Iterator[None]:
    before = gc.get_threshold()
    yield
    gc.unfreeze()
    gc.set_threshold(*before)


def test_freezes_what_exists_and_sets_the_thresholds(restore_gc: None) -> None:
    kept = [{"lexicon": i} for i in range(1000)]  # built at start-up, kept for the run
    tune_gc()
    assert gc.get_threshold() == THRESHOLDS
    assert gc.get_freeze_count() >= len(kept)
    # Garbage made after start-up is still collected.
    a: dict[str, object] = {}
    a["self"] = a
    del a
    assert gc.collect() >= 1

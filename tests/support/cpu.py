"""CPU time of one call, for the hostile-input budgets of the unit tests."""

from __future__ import annotations

import gc
import time
from collections.abc import Callable
from typing import Any


def cpu_seconds(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> float:
    """``time.process_time`` spent in ``fn(*args, **kwargs)``, collector off.

    The budgets bound the algorithms, not a collection of the heap the rest
    of the suite left behind: full-suite runs once spent 60-140 ms of a
    timed call in one (tests/unit/subjects/test_entities.py)."""
    gc.collect()
    gc.disable()
    try:
        t0 = time.process_time()
        fn(*args, **kwargs)
        return time.process_time() - t0
    finally:
        gc.enable()

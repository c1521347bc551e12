"""`newsstream demo` (what `make demo` runs) on the running broker."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

pytestmark = pytest.mark.integration


def test_demo_runs_and_shows_every_kind_of_output(base_settings) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSSTREAM_")}
    env["NEWSSTREAM_BROKER"] = base_settings.broker
    env["NEWSSTREAM_KAFKA_PORT"] = str(base_settings.kafka_port)
    proc = subprocess.run([sys.executable, "-m", "stream", "demo"], env=env, capture_output=True, text=True,
                          timeout=300)
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-3000:]
    out = proc.stdout
    m = re.search(r"(\d+) raw messages .* -> (\d+) enriched, (\d+) duplicates, (\d+) breaking events, "
                  r"(\d+) dead letters", out)
    assert m, out
    n_in, enriched, dups, breaking, dead = map(int, m.groups())
    assert n_in == enriched + dups + dead
    assert enriched > 0 and dups > 0 and breaking > 0 and dead > 0
    assert "failed" in out.split("BREAKING EVENTS", 1)[1]

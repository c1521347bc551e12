"""``newsstream process``'s default number of prepare processes (no broker)."""

from __future__ import annotations

import pytest

from stream import cli


@pytest.mark.parametrize(("usable", "jobs"), [(1.0, 0), (1.5, 0), (2.0, 2), (2.5, 2), (8.0, 8)])
def test_one_prepare_process_per_usable_cpu_and_none_on_one(monkeypatch, usable: float, jobs: int) -> None:
    # usable_cpus() is the affinity mask capped by a cgroup CPU quota: a
    # container limited to 1.5 CPUs on an 8-CPU host gets no pool.
    monkeypatch.setattr(cli, "usable_cpus", lambda: usable)
    assert cli._default_jobs() == jobs

"""AdaptiveFetch: fetches wait for records only while raw input is busy."""

from __future__ import annotations

from types import SimpleNamespace

from stream.kafka.fetch import EAGER, AdaptiveFetch, FetchPolicy, set_fetch

POLICY = FetchPolicy(busy_rate=100.0, min_bytes=65536, max_wait_ms=25)


def applied(min_bytes: int, max_wait_ms: int) -> bool:
    return True


def ticks(fetch: AdaptiveFetch, per_second: list[int]) -> list[tuple[int, int] | None]:
    out = [fetch.tick(0.0, applied)]
    for t, n in enumerate(per_second, start=1):
        fetch.saw(n)
        out.append(fetch.tick(float(t), applied))
    return out


def test_waits_from_the_busy_rate_and_answers_at_once_again_below_half_of_it() -> None:
    f = AdaptiveFetch(POLICY)
    got = ticks(f, [5, 99, 150, 200, 80, 60, 49, 10, 120])
    assert got == [None, None, None, (65536, 25), None, None, None, EAGER, None, (65536, 25)]


def test_a_trickle_never_waits() -> None:
    f = AdaptiveFetch(POLICY)
    assert ticks(f, [5] * 30) == [None] * 31
    assert not f.busy


def test_the_mode_changes_only_once_the_fetcher_took_the_settings() -> None:
    f = AdaptiveFetch(POLICY)
    f.tick(0.0, applied)
    f.saw(200)
    assert f.tick(1.0, lambda *_: False) is None  # no fetcher yet
    assert not f.busy
    f.saw(200)
    assert f.tick(2.0, applied) == (65536, 25)
    assert f.busy


def test_set_fetch_reaches_the_aiokafka_fetcher_of_fausts_consumer() -> None:
    fetcher = SimpleNamespace(_fetch_min_bytes=1, _fetch_max_wait_ms=1500)
    consumer = SimpleNamespace(_thread=SimpleNamespace(_consumer=SimpleNamespace(_fetcher=fetcher)))
    assert set_fetch(consumer, 65536, 25)
    assert (fetcher._fetch_min_bytes, fetcher._fetch_max_wait_ms) == (65536, 25)
    assert not set_fetch(SimpleNamespace(_thread=SimpleNamespace(_consumer=None)), 1, 1500)
    assert not set_fetch(None, 1, 1500)

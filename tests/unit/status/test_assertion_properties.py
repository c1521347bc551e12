"""Property and cost tests: assert_status never raises and stays cheap."""

from __future__ import annotations


from hypothesis import given, settings
from hypothesis import strategies as st

from stream.status.assertion import STATUSES, assert_status
from tests.support.cpu import cpu_seconds

_WORDS = st.sampled_from(
    "talks summit deal strike ends without no not may could agrees to rejects bid "
    "court rules files for bankruptcy resigns under way ? says denies UPDATE 2- | "
    "<ACME> WATCH: completes acquisition lifts ban escalates plans a the , .".split()
)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300), st.text(max_size=600))
def test_never_raises_on_arbitrary_text(title: str, lede: str) -> None:
    got = assert_status(title, lede)
    if got is not None:
        assert got.status in STATUSES
        assert 0.0 <= got.confidence <= 1.0
        assert got.evidence


@settings(max_examples=300, deadline=None)
@given(st.lists(_WORDS, max_size=40), st.lists(_WORDS, max_size=60))
def test_never_raises_on_trigger_soup(title: list[str], lede: list[str]) -> None:
    got = assert_status(" ".join(title), " ".join(lede))
    if got is not None:
        assert got.status in STATUSES
        assert got.evidence.lower() in (" ".join(title) + " " + " ".join(lede)).lower()


def _timed(title: str, lede: str) -> float:
    return cpu_seconds(assert_status, title, lede)


def test_hostile_two_mib_inputs_are_cheap() -> None:
    mib2 = 2 * 1024 * 1024
    hostile = [
        ("talks " * (mib2 // 6), "without " * (mib2 // 8)),
        ("<" * mib2, "(" * mib2),
        ("a" * mib2, "a-" * (mib2 // 2)),
        ("UPDATE 2-" * (mib2 // 9), "no deal " * (mib2 // 8)),
        ("x.y" * (mib2 // 3), "\u0130" * mib2),
    ]
    for title, lede in hostile:
        assert min(_timed(title, lede) for _ in range(3)) < 0.05



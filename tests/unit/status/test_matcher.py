"""The compiled rule tails of stream.status._matcher walk exactly as the
reference recursive matcher does."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from stream.status._matcher import BOUNDARY, Rule, _compile_tail, _match, build_index, compile_pattern, find_matches

_BLOCKED = frozenset({"not", "no"})
_VOCAB = ["a", "b", "c", "d", "not", ".", ";", ":"]
# Every slot shape the lexicon uses: gaps before words, optionals, gaps
# before optionals and gaps, a trailing gap.
_PATTERNS = [
    "a b", "a *2 b", "a b *3 c", "a b? c", "a *1 b? c", "a *2 *1 b", "a b? *2 c", "a *2 b c",
    "a b c? d", "a|b c|d *2 a|d", "a b? c? d", "a *3", "a *2 b *1 c", "a b? *2 c d?",
]


def _reference(words: list[str], pattern: str) -> list[tuple[int, int]]:
    slots = compile_pattern(pattern)
    out = []
    for i, w in enumerate(words):
        if w in slots[0].words:
            end = _match(words, i + 1, slots, 1, _BLOCKED)
            if end >= 0:
                out.append((i, end))
    return out


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_VOCAB), max_size=14))
def test_compiled_tails_match_the_reference_walk(words: list[str]) -> None:
    for pattern in _PATTERNS:
        rule = Rule("other", compile_pattern(pattern), 0.5, None)
        index = build_index((rule,), _BLOCKED)
        got = [(start, end) for _, start, end in find_matches(words, index)]
        assert got == _reference(words, pattern), pattern


def test_gap_stops_at_blocked_words_and_punctuation() -> None:
    tail = _compile_tail(compile_pattern("a *3 b"), _BLOCKED | BOUNDARY)
    assert tail(["a", "c", "c", "b"], 1, 4) == 4
    assert tail(["a", "not", "c", "b"], 1, 4) == -1
    assert tail(["a", ".", "b"], 1, 3) == -1
    assert tail(["a", "c", "c", "c", "b"], 1, 5) == 5  # three words skipped
    assert tail(["a", "c", "c", "c", "c", "b"], 1, 6) == -1  # beyond the gap

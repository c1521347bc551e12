"""Token-window phrase matcher used by the status assertion.

Patterns (see ``_lexicon``) are compiled once into slot tuples and indexed by
their first token, so a scan costs O(tokens x rules-starting-with-token x
bounded gap). There is no regex backtracking anywhere on the hot path.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Words, numbers and hyphen/apostrophe/period compounds ("go-ahead", "u.s",
# "didn't"), plus clause punctuation kept as boundary tokens. Every repetition
# of the inner group must consume a separator, so matching is linear.
_TOKEN_RE = re.compile(r"[a-z0-9]+(?:['\u2019.&-][a-z0-9]+)*|[;:!?.]")
BOUNDARY = frozenset(";:!?.")


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int
    end: int


def tokenize(lowered: str) -> list[Token]:
    """Tokens of an already lower-cased string, with character offsets."""
    return [Token(m.group(), m.start(), m.end()) for m in _TOKEN_RE.finditer(lowered)]


def words_of(lowered: str) -> list[str]:
    """Token texts only: the hot path needs offsets for the winning hit alone."""
    return _TOKEN_RE.findall(lowered)


def char_span(lowered: str, lo: int, hi: int) -> tuple[int, int]:
    """Character span from the start of token ``lo`` to the end of token ``hi``."""
    start = 0
    for n, m in enumerate(_TOKEN_RE.finditer(lowered)):
        if n == lo:
            start = m.start()
        if n == hi:
            return start, m.end()
    return start, len(lowered)


@dataclass(frozen=True, slots=True)
class Slot:
    words: frozenset[str]  # empty for a gap slot
    optional: bool = False
    gap: int = 0


@dataclass(frozen=True, slots=True)
class Rule:
    status: str
    slots: tuple[Slot, ...]
    confidence: float
    event: str | None


def compile_pattern(pattern: str) -> tuple[Slot, ...]:
    slots: list[Slot] = []
    for raw in pattern.split():
        if raw.startswith("*"):
            slots.append(Slot(frozenset(), gap=int(raw[1:])))
            continue
        optional = raw.endswith("?")
        words = frozenset(w for w in raw.rstrip("?").split("|") if w)
        slots.append(Slot(words, optional=optional))
    if not slots or slots[0].gap or slots[0].optional:
        raise ValueError(f"pattern must start with a required word slot: {pattern!r}")
    return tuple(slots)


def build_index(rules: tuple[Rule, ...]) -> dict[str, tuple[Rule, ...]]:
    index: dict[str, list[Rule]] = {}
    for rule in rules:
        for word in rule.slots[0].words:
            index.setdefault(word, []).append(rule)
    return {k: tuple(v) for k, v in index.items()}


def _match(words: list[str], i: int, slots: tuple[Slot, ...], k: int, blocked: frozenset[str]) -> int:
    """End index (exclusive) of the shortest match of slots[k:] at i, or -1."""
    if k == len(slots):
        return i
    slot = slots[k]
    if slot.gap:
        j = i
        for _ in range(slot.gap + 1):
            end = _match(words, j, slots, k + 1, blocked)
            if end >= 0:
                return end
            if j >= len(words) or words[j] in blocked or words[j] in BOUNDARY:
                return -1
            j += 1
        return -1
    if i < len(words) and words[i] in slot.words:
        end = _match(words, i + 1, slots, k + 1, blocked)
        if end >= 0:
            return end
    if slot.optional:
        return _match(words, i, slots, k + 1, blocked)
    return -1


def find_matches(
    words: list[str], index: dict[str, tuple[Rule, ...]], blocked: frozenset[str]
) -> list[tuple[Rule, int, int]]:
    """All (rule, start, end) hits; gaps never skip a ``blocked`` word."""
    hits: list[tuple[Rule, int, int]] = []
    for i, word in enumerate(words):
        for rule in index.get(word, ()):
            end = _match(words, i + 1, rule.slots, 1, blocked)
            if end >= 0:
                hits.append((rule, i, end))
    return hits

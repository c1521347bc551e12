"""Token-window phrase matcher used by the status assertion.

Patterns (see ``_lexicon``) are compiled once into slot tuples and indexed by
their first token, so a scan costs O(tokens x rules-starting-with-token x
bounded gap). There is no regex backtracking anywhere on the hot path.
"""

from __future__ import annotations

import re
from collections.abc import Callable
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


def _match(words: list[str], i: int, slots: tuple[Slot, ...], k: int, blocked: frozenset[str]) -> int:
    """End index (exclusive) of the shortest match of slots[k:] at i, or -1.

    The reference walk: :func:`_compile_tail` builds the same walk as
    closures for the hot path, and the unit tests hold the two equal."""
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


# A compiled rule tail: (words, position, len(words)) -> end index or -1.
Tail = Callable[[list[str], int, int], int]


def _end(words: list[str], i: int, n: int) -> int:
    return i


def _compile_tail(slots: tuple[Slot, ...], stop: frozenset[str]) -> Tail:
    """The rule's slots after the first as one chain of closures, built from
    the last slot back: the walk of :func:`_match` (``stop`` being its
    blocked words and clause punctuation) without its per-slot dispatch. A
    gap followed by a required word tries the rest only where that word is
    (the common case: ``end *2 without``)."""
    built: list[Tail] = [_end] * (len(slots) + 1)  # built[k] matches slots[k:]
    for k in range(len(slots) - 1, 0, -1):
        slot, rest = slots[k], built[k + 1]
        if slot.gap:
            after = slots[k + 1] if k + 1 < len(slots) else None
            if after is not None and not after.gap and not after.optional:
                built[k] = _gap_then_word(slot.gap, stop, after.words, built[k + 2])
            else:
                built[k] = _gap(slot.gap, stop, rest)
        elif slot.optional:
            built[k] = _optional(slot.words, rest)
        elif rest is _end:
            built[k] = _last_word(slot.words)
        else:
            built[k] = _word(slot.words, rest)
    return built[1]


def _last_word(allowed: frozenset[str]) -> Tail:
    def match(words: list[str], i: int, n: int) -> int:
        return i + 1 if i < n and words[i] in allowed else -1
    return match


def _word(allowed: frozenset[str], rest: Tail) -> Tail:
    def match(words: list[str], i: int, n: int) -> int:
        return rest(words, i + 1, n) if i < n and words[i] in allowed else -1
    return match


def _optional(allowed: frozenset[str], rest: Tail) -> Tail:
    def match(words: list[str], i: int, n: int) -> int:
        if i < n and words[i] in allowed:
            end = rest(words, i + 1, n)
            if end >= 0:
                return end
        return rest(words, i, n)
    return match


def _gap(gap: int, stop: frozenset[str], rest: Tail) -> Tail:
    def match(words: list[str], i: int, n: int) -> int:
        for j in range(i, i + gap + 1):
            end = rest(words, j, n)
            if end >= 0:
                return end
            if j >= n or words[j] in stop:
                return -1
        return -1
    return match


def _gap_then_word(gap: int, stop: frozenset[str], allowed: frozenset[str], rest: Tail) -> Tail:
    def match(words: list[str], i: int, n: int) -> int:
        for j in range(i, min(i + gap + 1, n)):
            w = words[j]
            if w in allowed:
                end = rest(words, j + 1, n)
                if end >= 0:
                    return end
            if w in stop:
                return -1
        return -1
    return match


def build_index(rules: tuple[Rule, ...], blocked: frozenset[str]) -> dict[str, tuple[tuple[Rule, Tail], ...]]:
    """First word -> the rules starting with it, each with its compiled tail;
    gaps never skip a ``blocked`` word or clause punctuation."""
    stop = blocked | BOUNDARY
    index: dict[str, list[tuple[Rule, Tail]]] = {}
    for rule in rules:
        tail = _compile_tail(rule.slots, stop)
        for word in rule.slots[0].words:
            index.setdefault(word, []).append((rule, tail))
    return {k: tuple(v) for k, v in index.items()}


def find_matches(words: list[str], index: dict[str, tuple[tuple[Rule, Tail], ...]]) -> list[tuple[Rule, int, int]]:
    """All (rule, start, end) hits, by start, then in rule order."""
    hits: list[tuple[Rule, int, int]] = []
    if index.keys().isdisjoint(words):
        return hits
    n = len(words)
    get = index.get
    for i, word in enumerate(words):
        entries = get(word)
        if entries:
            for rule, tail in entries:
                end = tail(words, i + 1, n)
                if end >= 0:
                    hits.append((rule, i, end))
    return hits

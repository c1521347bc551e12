"""What an article says it is about, for story matching: pure functions.

A signature is the article's named entities plus its salient headline/lede
words. Two reports of one event share most of their named entities and a few
salient words ("summit", "Hanoi", "deal"); two different events on the same
subject (two summits a year apart) differ in place, time or participants.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

# Words that carry no story identity. Short on purpose: the salient-word set
# is taken from the headline and lede only, where function words dominate.
_STOP = frozenset(
    """a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for from further
    had has have having he her here hers him his how i if in into is it its itself just me more most
    my no nor not now of off on once only or other our out over own same she should so some such than
    that the their them then there these they this those through to too under until up very was we
    were what when where which while who whom why will with would you your said says say new news
    year years week day days monday tuesday wednesday thursday friday saturday sunday today yesterday
    tomorrow mr mrs ms one two three first second last update watch live breaking report reports
    reported according told people time may might must shall per cent percent million billion""".split()
)


@dataclass(frozen=True)
class StoryOptions:
    # Overlap score (see score()) at or above which an article joins a story.
    # Calibrated on the demo stream and the labelled Reuters sequences in
    # eval/status: follow-ups of one event score 0.45-0.9, same-subject
    # different events 0.05-0.3.
    join_threshold: float = 0.4
    quiet_seconds: float = 96 * 3600.0  # strikes and takeover fights run for days
    max_keywords: int = 12
    max_entities: int = 10
    max_candidates: int = 32
    max_stories_per_term: int = 40


DEFAULT_STORY_OPTIONS = StoryOptions()


@dataclass(frozen=True)
class Signature:
    entities: frozenset[str]
    keywords: frozenset[str]

    def terms(self) -> list[str]:
        """Index terms, in a deterministic order."""
        return sorted({"e:" + e for e in self.entities} | {"k:" + k for k in self.keywords})


def signature(
    headline_tokens: Iterable[str],
    lede_tokens: Iterable[str],
    entity_names: Iterable[str],
    options: StoryOptions = DEFAULT_STORY_OPTIONS,
) -> Signature:
    seen: dict[str, int] = {}
    for i, tok in enumerate([*headline_tokens, *lede_tokens]):
        if len(tok) > 2 and tok not in _STOP and not tok.isdigit() and tok not in seen:
            seen[tok] = i
    keywords = frozenset(sorted(seen, key=seen.__getitem__)[: options.max_keywords])
    entities = frozenset(list(dict.fromkeys(e.lower() for e in entity_names))[: options.max_entities])
    return Signature(entities, keywords)


def score(a: Signature, entities: Iterable[str], keywords: Iterable[str]) -> float:
    """Overlap of two signatures in 0..1; shared named entities count double."""
    se, sk = set(entities), set(keywords)
    ce, ck = len(a.entities & se), len(a.keywords & sk)
    denom = 2 * min(len(a.entities), len(se)) + min(len(a.keywords), len(sk))
    if denom == 0:
        return 0.0
    # One shared name alone (say, "United States") is not a story.
    if ce + ck < 2:
        return 0.0
    return (2 * ce + ck) / denom

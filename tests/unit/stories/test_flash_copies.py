"""Story-level v6 rules (issue 5; eval/stories heldout5, tuning data): a wire
flash and its full version are one change even when they name the event
with different words ("offer" / "bid", "talks" / "merger talks") and even
when the flash's story ranks below the few best-scored candidates; a
further bid received ("gets another bid") is a new step of a bid."""

from __future__ import annotations

from stream.stories.book import StoryBook, StoryInput
from stream.stories.breaking import is_raise, same_event
from stream.stories.signature import Signature

MINUTE = 60.0


def _article(aid: str, title: str, ents: set[str], kws: set[str], t: float,
             status: str | None = None, event: str | None = None) -> StoryInput:
    st = None if status is None else {"status": status, "confidence": 0.86, "event": event, "evidence": title}
    return StoryInput(aid, f"https://x.example/{aid}", title, "Wire", Signature(frozenset(ents), frozenset(kws)),
                      (), st, t, t)


def test_event_phrases_compare_by_head_noun_and_wire_synonyms() -> None:
    assert same_event("takeover bid", "bid")
    assert same_event("offer", "bid") and same_event("tender offer", "bids")
    assert same_event("merger talks", "talks") and same_event("negotiations", "talks")
    assert same_event("suit", "lawsuit")
    assert not same_event("lawsuit", "injunction")
    assert not same_event("merger", "bid")


def test_a_further_bid_received_is_a_raise() -> None:
    assert is_raise("announced", "GETS ANOTHER NEW CALDER GROUP BID")
    assert is_raise("announced", "receives higher offer")
    assert not is_raise("announced", "GETS BID")
    assert not is_raise("agreed", "gets another contract")


def test_a_full_version_naming_the_offer_a_bid_does_not_repeat_the_flash() -> None:
    book = StoryBook({})
    flash = book.add(_article("f1", "QUINT AGREES TO HIGHER OFFER FROM CALDER GROUP", set(),
                              {"quint", "agrees", "higher", "offer", "calder", "partners", "raised", "terms"},
                              0.0, "agreed", "offer"))
    # The full version's lede brings many new words: too far to join the
    # flash's story, but it retells the flash's headline.
    full = book.add(_article("f2", "QUINT ACCEPTS NEW CALDER BID", {"quint mills", "calder group"},
                             {"quint", "accepts", "calder", "group", "bid", "definitive", "merge", "cash",
                              "securities", "unit", "formed", "entered", "dlrs"}, 8 * MINUTE, "agreed", "bid"))
    assert flash.event is not None
    assert full.story["id"] != flash.story["id"]
    assert full.event is None


def test_a_flash_ranked_out_of_the_candidates_still_silences_its_full_version() -> None:
    book = StoryBook({})
    # Routine stories that each share two of the full version's entities
    # (entities count twice in the candidate pool) push the entity-less
    # flash out of the best-ranked few.
    names = [f"name{n} co" for n in range(16)]
    for n in range(8):
        book.add(_article(f"r{n}", f"ROUTINE ITEM {n}", {names[2 * n], names[2 * n + 1], f"only{n} inc"},
                          {f"word{n}", f"other{n}"}, n * MINUTE))
    flash = book.add(_article("f1", "QUINT AGREES TO HIGHER OFFER FROM CALDER GROUP", set(),
                              {"quint", "agrees", "higher", "offer", "calder"}, 10 * MINUTE, "agreed", "offer"))
    full = book.add(_article("f2", "QUINT ACCEPTS NEW CALDER OFFER", set(names),
                             {"quint", "accepts", "calder", "offer", "definitive"}, 18 * MINUTE, "agreed", "offer"))
    assert flash.event is not None
    assert full.story["id"] != flash.story["id"]
    assert full.event is None


def test_a_different_change_in_the_pool_is_not_silenced() -> None:
    book = StoryBook({})
    book.add(_article("f1", "QUINT AGREES TO HIGHER OFFER FROM CALDER GROUP", set(),
                      {"quint", "agrees", "higher", "offer", "calder"}, 0.0, "agreed", "offer"))
    # Another status a few minutes later is its own change.
    other = book.add(_article("f2", "QUINT HOLDERS SUE CALDER OVER OFFER", {"quint mills", "calder group"},
                              {"quint", "holders", "calder", "offer", "sue"}, 8 * MINUTE, "filed", "lawsuit"))
    assert other.event is not None

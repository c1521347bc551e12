"""Story-level v5 rules (issue 5; eval/stories heldout4, tuning data): an
amended bid is a new step of a bid, and a generic outcome noun ("agreement")
names no event, so a full version read from a lede's "definitive agreement"
does not re-alert the flash "X AGREES TO MERGE" told minutes earlier."""

from __future__ import annotations

from stream.stories.book import StoryBook, StoryInput
from stream.stories.breaking import is_generic_event, is_raise
from stream.stories.signature import Signature

MINUTE = 60.0


def _agreed(aid: str, title: str, ents: set[str], kws: set[str], event: str | None, t: float) -> StoryInput:
    st = {"status": "agreed", "confidence": 0.86, "event": event, "evidence": title}
    return StoryInput(aid, f"https://x.example/{aid}", title, "Wire", Signature(frozenset(ents), frozenset(kws)),
                      (), st, t, t)


def test_an_amended_or_revised_bid_is_a_raise() -> None:
    assert is_raise("announced", "AMENDS QUINT OFFER")
    assert is_raise("announced", "revised its offer")
    assert not is_raise("agreed", "amends merger pact")


def test_generic_outcome_nouns_name_no_event() -> None:
    assert is_generic_event("agreement") and is_generic_event("Deal")
    assert not is_generic_event("merger") and not is_generic_event(None)


def _flash_and_full(full_event: str) -> tuple[StoryBook, object, object]:
    book = StoryBook({})
    flash = book.add(_agreed("f1", "HARROW AGREES TO MERGE WITH QUINT HOLDINGS FOR 20 DLRS/SHR CASH",
                             {"harrow", "quint holdings"}, {"harrow", "quint", "merge", "agrees", "cash"},
                             "merger", 0.0))
    # The full version names the parties differently (no shared entity) and
    # lands in its own story; it retells the flash's headline words.
    full = book.add(_agreed("f2", "HARROW AND QUINT TO MERGE", {"harrow corp", "quint group"},
                            {"harrow", "quint", "merge", "definitive"}, full_event, 27 * MINUTE))
    return book, flash, full


def test_a_generic_agreement_retelling_a_flash_is_one_change() -> None:
    _, flash, full = _flash_and_full("agreement")
    assert flash.event is not None
    assert full.story["id"] != flash.story["id"]
    assert full.event is None


def test_a_different_specific_event_is_still_its_own_change() -> None:
    _, flash, full = _flash_and_full("joint venture")
    assert full.story["id"] != flash.story["id"]
    assert full.event is not None

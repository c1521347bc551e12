from __future__ import annotations

import random

from stream.stories.book import StoryBook, StoryInput
from stream.stories.breaking import severity, transition
from stream.stories.signature import Signature, StoryOptions, score, signature
from tests.support.story_replay import assert_restarts_decide_alike

HOUR = 3600.0


def inp(aid: str, ents: set[str], kws: set[str], status: str | None = None, t: float = 0.0,
        conf: float = 0.9, source: str = "Wire") -> StoryInput:
    st = None if status is None else {"status": status, "confidence": conf, "event": "summit", "evidence": "x"}
    return StoryInput(aid, f"https://x.example/{aid}", aid, source, Signature(frozenset(ents), frozenset(kws)),
                      ("medtop:11000000",), st, t, t)


SUMMIT_E = {"donald trump", "kim jong un", "hanoi"}
SUMMIT_K = {"summit", "trump", "kim", "hanoi", "talks"}


def test_follow_ups_share_a_story_and_one_alert_per_change() -> None:
    book = StoryBook({})
    o1 = book.add(inp("a1", SUMMIT_E, SUMMIT_K, "started", t=0))
    o2 = book.add(inp("a2", SUMMIT_E, SUMMIT_K | {"deal"}, "failed", t=20 * HOUR, source="AP"))
    o3 = book.add(inp("a3", SUMMIT_E, SUMMIT_K | {"collapse"}, "failed", t=21 * HOUR, source="BBC"))
    assert o1.story["id"] == o2.story["id"] == o3.story["id"]
    assert o1.event is not None and o1.event["status"] == "started" and o1.event["previous_status"] is None
    assert o2.event is not None and o2.event["previous_status"] == "started"
    assert o2.event["severity"] == "flash" and o2.event["sources"] == 2
    assert o3.event is None  # a repeat of the current status pages nobody
    assert o3.story == {"id": o1.story["id"], "status": "failed", "size": 3}


def test_replayed_article_gets_the_same_event_id_and_is_not_counted_twice() -> None:
    book = StoryBook({})
    book.add(inp("a1", SUMMIT_E, SUMMIT_K, "started"))
    first = book.add(inp("a2", SUMMIT_E, SUMMIT_K, "failed", t=HOUR))
    again = book.add(inp("a2", SUMMIT_E, SUMMIT_K, "failed", t=HOUR))
    assert again.event == first.event
    assert again.story["size"] == 2


def test_different_events_do_not_merge() -> None:
    book = StoryBook({})
    a = book.add(inp("a1", SUMMIT_E, SUMMIT_K, "started"))
    b = book.add(inp("b1", {"helios energy", "carrow petroleum"}, {"bid", "takeover", "helios", "carrow"},
                     "announced", t=HOUR))
    assert a.story["id"] != b.story["id"]


def test_quiet_story_expires() -> None:
    book = StoryBook({})
    a = book.add(inp("a1", SUMMIT_E, SUMMIT_K, "started"))
    b = book.add(inp("a2", SUMMIT_E, SUMMIT_K, "started", t=400 * HOUR))
    assert a.story["id"] != b.story["id"]


def test_flap_back_within_window_does_not_alert() -> None:
    # outcome -> outcome and back: the state follows, nobody is paged twice
    story = {"status": "rejected", "prev": "agreed", "since": 0.0}
    t = transition(story, "agreed", 0.9, at=60.0)
    assert t is not None and t.alert is False
    t2 = transition(story, "agreed", 0.9, at=7200.0)
    assert t2 is not None and t2.alert is True


def test_late_copy_of_an_earlier_stage_moves_nothing() -> None:
    story = {"status": "failed", "prev": "started", "since": 100.0}
    assert transition(story, "started", 0.9, at=160.0) is None  # "under way" after "collapsed"
    assert transition(story, "agreed", 0.9, at=50.0) is None  # published before the current status
    t = transition(story, "started", 0.9, at=100.0 + 7200.0)  # a real relapse, later
    assert t is not None and t.alert is True


def test_low_confidence_and_other_move_nothing() -> None:
    story = {"status": None}
    assert transition(story, "failed", 0.2, at=0.0) is None
    assert transition(story, "other", 0.99, at=0.0) is None


def test_severity_tiers() -> None:
    assert [severity(u) for u in (1, 3, 4, 6, 7, 9)] == ["flash"] * 2 + ["urgent"] * 2 + ["routine"] * 2


def test_signature_and_score() -> None:
    s = signature(["trump", "kim", "summit", "ends", "without", "a", "deal"], ["the", "talks", "in", "hanoi"],
                  ["Donald Trump", "Kim Jong Un"])
    assert {"summit", "hanoi", "deal"} <= s.keywords and "the" not in s.keywords
    assert s.entities == {"donald trump", "kim jong un"}
    assert score(s, {"donald trump", "kim jong un"}, {"summit", "hanoi"}) > 0.5
    assert score(s, {"united states"}, {"earnings"}) == 0.0


def test_a_book_rebuilt_from_its_stories_decides_as_the_uninterrupted_one() -> None:
    # What a worker restarted mid-stream (or taking over the story partition)
    # holds: only the stories mapping, as restored from its changelog.
    rng = random.Random(7)
    names = [f"firm {i}" for i in range(40)]
    words = [f"w{i}" for i in range(120)]
    statuses = [None, None, "announced", "agreed", "rejected", "failed"]
    stream = []
    for i in range(400):
        ents = set(rng.sample(names, 2))
        kws = set(rng.sample(words, 5)) | {n.split()[1] for n in ents}
        stream.append(inp(f"a{i}", ents, kws, rng.choice(statuses), t=i * 1800.0))
    # Small read windows, so which stories a row yields first decides joins.
    opts = StoryOptions(max_stories_per_term=3, max_rows_per_keyword=2, max_candidates=2)
    assert_restarts_decide_alike(stream, opts, cuts=(57, 211, 333))

"""Story lifetimes (followed stories outlive routine ones), revivals and
flash/full-version echoes."""

from __future__ import annotations

import copy
import random

from stream.stories.book import StoryBook, StoryInput, expiry
from stream.stories.signature import DEFAULT_STORY_OPTIONS, Signature, StoryOptions, retells
from tests.support.story_replay import assert_restarts_decide_alike

HOUR = 3600.0
DAY = 24 * HOUR
BID_E = {"harrow mills", "quint capital"}
BID_K = {"harrow", "quint", "bid", "mills", "tender", "offer"}


def inp(aid: str, ents: set[str], kws: set[str], status: str | None = None, t: float = 0.0,
        event: str | None = "offer", title: str | None = None) -> StoryInput:
    st_ = None if status is None else {"status": status, "confidence": 0.9, "event": event, "evidence": "x"}
    return StoryInput(aid, f"https://x.example/{aid}", title or aid, "Wire",
                      Signature(frozenset(ents), frozenset(kws)), ("medtop:04000000",), st_, t, t)


def test_a_followed_story_outlives_the_quiet_period_and_a_routine_one_does_not() -> None:
    opts = DEFAULT_STORY_OPTIONS
    assert opts.followed_seconds > 2 * opts.quiet_seconds
    book = StoryBook({})
    a = book.add(inp("b1", BID_E, BID_K, "announced", t=0))
    b = book.add(inp("b2", BID_E, BID_K | {"rejects"}, "rejected", t=2 * HOUR))
    # ten days of silence, then the tender completes: the same story, a new change
    late = 10 * DAY
    assert late > opts.quiet_seconds
    c = book.add(inp("b3", BID_E, BID_K | {"completes"}, "completed", t=late))
    assert a.story["id"] == b.story["id"] == c.story["id"]
    assert c.event is not None and c.event["previous_status"] == "rejected"
    # a one-article routine story is gone after the quiet period
    r1 = book.add(inp("r1", {"orlen dairy"}, {"orlen", "dairy", "dividend", "quarterly"}, t=late))
    r2 = book.add(inp("r2", {"orlen dairy"}, {"orlen", "dairy", "dividend", "quarterly"},
                      t=late + opts.quiet_seconds + 2 * HOUR))
    assert r1.story["id"] != r2.story["id"]


def test_a_revived_story_reports_a_repeated_status_again() -> None:
    book = StoryBook({})
    a = book.add(inp("s1", BID_E, BID_K, "filed", t=0, event="lawsuit"))
    b = book.add(inp("s2", BID_E, BID_K, "filed", t=3 * HOUR, event="lawsuit"))
    c = book.add(inp("s3", BID_E, BID_K, "filed", t=8 * DAY, event="lawsuit"))
    assert a.story["id"] == b.story["id"] == c.story["id"]
    assert a.event is not None and b.event is None and c.event is not None


def test_a_weak_match_does_not_revive_an_old_story() -> None:
    # scores 0.4 against the bid story: enough to join it while it is fresh
    weak_e, weak_k = {"harrow mills", "dover"}, {"harrow", "mills", "exports", "steel", "dover", "rise"}
    for gap, joins in ((2 * HOUR, True), (7 * DAY, False)):
        book = StoryBook({})
        a = book.add(inp("s1", BID_E, BID_K, "announced", t=0))
        book.add(inp("s2", BID_E, BID_K, "rejected", t=HOUR))
        w = book.add(inp("w1", weak_e, weak_k, None, t=HOUR + gap))
        assert (w.story["id"] == a.story["id"]) is joins


def test_a_headline_flash_and_its_full_version_alert_once() -> None:
    book = StoryBook({})
    flash = book.add(inp("f1", {"quint corp"}, {"harrow", "rejects", "offer", "quint", "dlr", "share"}, "rejected",
                         t=0, event=None, title="HARROW MILLS REJECTS 45 DLR PER SHARE OFFER FROM QUINT"))
    # the full version names entities the flash did not: its own story, silent
    full = book.add(inp("f2", {"harrow mills", "quint capital", "cardiff"},
                        {"harrow", "rejects", "offer", "dlr", "board", "unanimously", "cardiff"}, "rejected",
                        t=300, title="HARROW <HRW> REJECTS 45 DLR OFFER"))
    assert flash.event is not None
    assert full.story["id"] != flash.story["id"] and full.event is None
    # the same status in an unrelated story is not silenced by the flash
    other = book.add(inp("o1", {"bellow foods"}, {"bellow", "rejects", "offer", "foods", "union", "pay"},
                         "rejected", t=600, title="BELLOW FOODS UNION REJECTS PAY OFFER"))
    assert other.event is not None


def test_retells_needs_three_words_and_one_uncommon() -> None:
    sig = Signature(frozenset({"harrow mills"}), frozenset({"harrow", "rejects", "offer", "dlr"}))
    assert retells(sig, "HARROW REJECTS 45 DLR OFFER")
    assert not retells(sig, "BELLOW REJECTS 45 DLR OFFER")  # only common words shared
    assert not retells(sig, "HARROW REJECTS")


def test_expiry_depends_on_the_story_alone() -> None:
    opts = DEFAULT_STORY_OPTIONS
    routine = {"size": 1, "history": [], "last_seen": 100.0}
    moved_once = {"size": 1, "history": [["agreed", 100.0, "a"]], "last_seen": 100.0}
    followed = {"size": 2, "history": [["agreed", 100.0, "a"]], "last_seen": 100.0}
    grown = {"size": 3, "history": [], "last_seen": 100.0}
    assert expiry(routine, opts) == expiry(moved_once, opts) == 100.0 + opts.quiet_seconds
    assert expiry(followed, opts) == expiry(grown, opts) == 100.0 + opts.followed_seconds


def test_state_stays_bounded_with_followed_stories() -> None:
    opts = StoryOptions(quiet_seconds=6 * HOUR, followed_seconds=30 * HOUR)
    book = StoryBook({}, opts)
    n_hours = 200
    for h in range(n_hours):
        ents = {f"firm {h}"}
        kws = {"shares", f"w{h}", f"v{h}", f"u{h}"}
        book.add(inp(f"h{h}-a", ents, kws, "announced", t=h * HOUR))
        book.add(inp(f"h{h}-b", ents, kws, "agreed", t=h * HOUR + 60))  # followed: two members, a status
        book.add(inp(f"h{h}-r", {f"solo {h}"}, {f"x{h}", f"y{h}", "shares"}, t=h * HOUR + 120))  # routine
    followed = [s for s in book.stories.values() if s["size"] == 2]
    routine = [s for s in book.stories.values() if s["size"] == 1]
    assert len(followed) <= 30 / 1 + 2 and len(routine) <= 6 + 2
    ix = book.index
    assert set(ix.live) == set(book.stories)
    assert all(sid in book.stories for rows in (ix.ents, ix.kws) for row in rows.values() for sid in row)
    assert len(ix.hours) <= 30 + 3


def test_rebuilt_book_with_short_lifetimes_decides_as_the_uninterrupted_one() -> None:
    # As test_book's rebuild test, with lifetimes short enough that followed
    # and routine stories both expire (and revive) inside the stream.
    rng = random.Random(11)
    names = [f"firm {i}" for i in range(30)]
    words = [f"w{i}" for i in range(90)]
    statuses = [None, None, "announced", "agreed", "rejected", "filed"]
    stream = []
    t = 0.0
    for i in range(400):
        t += rng.choice((600.0, 1800.0, 3 * HOUR, 9 * HOUR))
        ents = set(rng.sample(names, 2))
        kws = set(rng.sample(words, 5)) | {n.split()[1] for n in ents}
        stream.append(inp(f"a{i}", ents, kws, rng.choice(statuses), t=t))
    opts = StoryOptions(quiet_seconds=8 * HOUR, followed_seconds=40 * HOUR, max_stories_per_term=3,
                        max_rows_per_keyword=2, max_candidates=2)
    assert_restarts_decide_alike(stream, opts, cuts=(41, 199, 367))


def test_an_hour_of_quiet_stories_expires_a_few_per_article_and_a_restart_resumes_the_sweep() -> None:
    # 60 unrelated one-article stories go quiet in the same hour; once the
    # watermark passes it, each later article expires at most a few of them
    # (one call for all would stall a worker for seconds at production rates).
    opts = StoryOptions(quiet_seconds=6 * HOUR, followed_seconds=30 * HOUR)
    old = [inp(f"old{i}", {f"firm {i}"}, {f"a{i}", f"b{i}", f"c{i}"}, t=60.0 * i / 60) for i in range(60)]
    later = [inp(f"new{i}", {f"later {i}"}, {f"x{i}", f"y{i}", f"z{i}"}, t=10 * HOUR + i) for i in range(20)]
    book = StoryBook({}, opts)
    for x in old:
        book.add(x)
    sizes = [len(book.stories)]
    for x in later:
        book.add(x)
        sizes.append(len(book.stories))
    # each article adds its own story and expires at most 8 of the old ones
    assert all(before + 1 - after <= 8 for before, after in zip(sizes, sizes[1:]))
    assert max(before + 1 - after for before, after in zip(sizes, sizes[1:])) == 8
    # 60 stories at 8 per article: the sweep is over after 8 articles, and
    # only the new stories are left
    assert set(book.index.live) == set(book.stories) == {f"story-{x.article_id}" for x in later}
    # a restart in the middle of the sweep expires the same stories in the
    # same order, so the stories mapping after each article is the same
    whole = StoryBook({}, opts)
    states = []
    for x in old + later:
        whole.add(x)
        states.append(sorted(whole.stories))
    for cut in (61, 63, 66):
        first = StoryBook({}, opts)
        for x in (old + later)[:cut]:
            first.add(x)
        second = StoryBook(copy.deepcopy(first.stories), opts)
        for i, x in enumerate((old + later)[cut:], start=cut):
            second.add(x)
            assert sorted(second.stories) == states[i], i


def test_a_story_past_its_expiry_takes_no_candidate_place_while_it_waits_for_the_sweep() -> None:
    opts = StoryOptions(quiet_seconds=6 * HOUR, followed_seconds=30 * HOUR, max_candidates=1)
    book = StoryBook({}, opts)
    # the stale story shares more terms with the article than the live one
    stale = book.add(inp("s1", {"harrow mills", "quint capital"}, {"harrow", "dairy", "merger", "vote", "tender"},
                         t=0.0))
    live = book.add(inp("l1", {"harrow mills"}, {"harrow", "dairy", "merger", "vote"}, t=6.5 * HOUR))
    # over at 6:00, swept once the watermark's hour is past hour 6
    assert stale.story["id"] in book.index.live
    got = book.add(inp("x1", {"harrow mills", "quint capital"}, {"harrow", "dairy", "merger", "vote"},
                       t=6.5 * HOUR + 60))
    assert got.story["id"] == live.story["id"]


def test_stories_written_before_expiry_order_was_kept_still_expire_after_a_restart() -> None:
    # State from an older version has no "hseq": a rebuild lists those
    # stories in touch order, and they expire as any other.
    opts = StoryOptions(quiet_seconds=6 * HOUR, followed_seconds=30 * HOUR)
    old = [inp(f"old{i}", {f"firm {i}"}, {f"a{i}", f"b{i}", f"c{i}"}, t=60.0 * i) for i in range(30)]
    later = [inp(f"new{i}", {f"later {i}"}, {f"x{i}", f"y{i}", f"z{i}"}, t=10 * HOUR + i) for i in range(10)]
    first = StoryBook({}, opts)
    for x in old:
        first.add(x)
    legacy = copy.deepcopy(first.stories)
    for s in legacy.values():
        if isinstance(s, dict):
            del s["hseq"]
    second = StoryBook(legacy, opts)
    for x in later:
        second.add(x)
    assert set(second.stories) == set(second.index.live) == {f"story-{x.article_id}" for x in later}


def test_a_sweep_that_stops_on_its_limit_leaves_what_a_rebuild_would_list() -> None:
    # Nine stories go quiet in the same hour; the ninth is then followed up,
    # which lists it under a later hour and leaves a stale entry behind the
    # other eight. The sweep that takes the eight must drop the stale entry
    # too: a book rebuilt before that sweep never had it, and must stamp the
    # same clock.
    opts = StoryOptions(quiet_seconds=2 * HOUR, followed_seconds=4 * HOUR)
    stream = [inp(f"q{i}", {f"firm {i}", f"bank {i}"}, {f"a{i}", f"b{i}", f"c{i}"}, t=60.0 * i) for i in range(9)]
    stream.append(inp("q8-followup", {"firm 8", "bank 8"}, {"a8", "b8", "c8"}, t=1.5 * HOUR))
    stream.append(inp("late", {"later co", "later bank"}, {"x", "y", "z"}, t=4.1 * HOUR))
    whole = StoryBook({}, opts)
    for x in stream[:-1]:
        whole.add(x)
    rebuilt = StoryBook(copy.deepcopy(whole.stories), opts)
    whole.add(stream[-1])
    rebuilt.add(stream[-1])
    assert whole.stories == rebuilt.stories
    assert whole.index.clock == rebuilt.index.clock
    # the eight quiet stories went; the followed-up one lives on
    assert sorted(whole.stories) == ["story-late", "story-q8"]


def test_a_late_article_whose_story_is_over_at_once_leaves_only_the_clock() -> None:
    # While the sweep catches up with a jump of the watermark (48 hours per
    # article at most), an article far behind it starts a story listed under
    # an hour the sweep is passing: it is expired by its own sweep, never
    # written, and the clock it carried is kept where a rebuild finds it.
    opts = StoryOptions(quiet_seconds=2 * HOUR, followed_seconds=4 * HOUR)
    book = StoryBook({}, opts)
    book.add(inp("first", {"firm z", "bank z"}, {"z1", "z2", "z3"}, t=0.0))
    book.add(inp("now", {"firm a", "bank a"}, {"a1", "a2", "a3"}, t=100 * HOUR))
    assert book.index.clock == [100 * HOUR, 48]
    late = book.add(inp("late", {"firm b", "bank b"}, {"b1", "b2", "b3"}, t=10 * HOUR))
    assert late.story["id"] == "story-late"
    assert set(book.stories) == {"story-now", "~clock"}
    assert book.stories["~clock"] == book.index.clock == [100 * HOUR, 96]
    rebuilt = StoryBook(copy.deepcopy(book.stories), opts)
    nxt = inp("next", {"firm c", "bank c"}, {"c1", "c2", "c3"}, t=100 * HOUR + 60)
    assert rebuilt.add(nxt) == book.add(nxt)


def test_a_written_story_over_once_its_late_follow_up_joins_is_deleted() -> None:
    # The sweep lags a jump of the watermark (48 hours per article); a late
    # follow-up joins a story the sweep has not reached, and the sweep of
    # that same article expires it: its record must go.
    opts = StoryOptions(quiet_seconds=2 * HOUR, followed_seconds=4 * HOUR)
    book = StoryBook({}, opts)
    book.add(inp("first", {"firm z", "bank z"}, {"z1", "z2", "z3"}, t=0.0))
    w = book.add(inp("w1", BID_E, BID_K, t=100 * HOUR))
    book.add(inp("now", {"firm a", "bank a"}, {"a1", "a2", "a3"}, t=300 * HOUR))
    assert w.story["id"] in book.stories
    follow = book.add(inp("w2", BID_E, BID_K | {"raised"}, t=100 * HOUR + 60))
    assert follow.story["id"] == w.story["id"]
    assert set(book.stories) == {"story-now", "~clock"} and set(book.index.live) == {"story-now"}


def _routine(i: int, t: float, dated: bool = True) -> StoryInput:
    # Each a story of its own: no shared names or words.
    a = inp(f"r{i}", {f"maker {i}"}, {f"w{i}a", f"w{i}b", f"w{i}c"}, t=t)
    return StoryInput(*[getattr(a, f) for f in ("article_id", "url", "title", "source", "signature", "subjects",
                                                "status", "event_time", "arrival_time")], dated=dated)


def test_an_undated_article_does_not_stop_expiry() -> None:
    # Its event time is its arrival: in a replay of old news, today. Had it
    # moved the clock, no story of the replay would expire again (a worker
    # replaying Reuters-21578, one undated story in 21,578: 979 MB of RSS
    # after 200,000 articles, bench/worker_growth.py).
    book = StoryBook({})
    today = 1.8e9
    for i in range(200):
        book.add(_routine(i, t=i * HOUR))
    book.add(_routine(999, t=today, dated=False))
    assert book.index.clock[0] == 199 * HOUR
    for i in range(200, 600):
        book.add(_routine(i, t=i * HOUR))
    # Routine stories end after the quiet period: only the last few days' remain.
    assert len(book.index.live) <= DEFAULT_STORY_OPTIONS.quiet_seconds / HOUR + 10
    assert book.index.clock[0] == 599 * HOUR
    # A rebuild finds the same clock.
    again = StoryBook(book.stories)
    again.add(_routine(600, t=600 * HOUR))
    assert again.index.clock[0] == 600 * HOUR


def test_an_undated_first_article_does_not_start_the_clock() -> None:
    book = StoryBook({})
    book.add(_routine(0, t=1.8e9, dated=False))
    assert book.index.clock is None
    for i in range(1, 400):
        book.add(_routine(i, t=i * HOUR))
    assert book.index.clock[0] == 399 * HOUR
    assert len(book.index.live) <= DEFAULT_STORY_OPTIONS.quiet_seconds / HOUR + 10
    rebuilt = StoryBook(book.stories)
    rebuilt.add(_routine(400, t=400 * HOUR))
    assert rebuilt.index.clock[0] == 400 * HOUR

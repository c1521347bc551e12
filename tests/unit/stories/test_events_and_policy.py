"""Event-aware story assignment, bounded state and the alert policy."""

from __future__ import annotations

from itertools import permutations

from hypothesis import given, settings
from hypothesis import strategies as st

from stream.stories.book import StoryBook, StoryInput
from stream.stories.breaking import ROUTINE_URGENCY, URGENCY, urgency_for
from stream.stories.events import article_kind, compatible, event_kind
from stream.stories.signature import DEFAULT_STORY_OPTIONS, Signature

HOUR = 3600.0
LISBON_E = {"arvenia", "tessaly", "lisbon", "ilse marden"}
LISBON_K = {"arvenia", "tessaly", "lisbon", "summit", "border", "leaders"}


def inp(aid: str, ents: set[str], kws: set[str], status: str | None = None, t: float = 0.0,
        event: str | None = "summit", title: str | None = None, conf: float = 0.9) -> StoryInput:
    st_ = None if status is None else {"status": status, "confidence": conf, "event": event, "evidence": "x"}
    return StoryInput(aid, f"https://x.example/{aid}", title or aid, "Wire",
                      Signature(frozenset(ents), frozenset(kws)), ("medtop:11000000",), st_, t, t)


def test_an_appointment_does_not_join_the_summit_it_mentions() -> None:
    book = StoryBook({})
    a = book.add(inp("s1", LISBON_E, LISBON_K, "started", t=0))
    b = book.add(inp("s2", LISBON_E, LISBON_K | {"deal"}, "failed", t=20 * HOUR))
    c = book.add(inp("m1", LISBON_E - {"ilse marden"}, LISBON_K | {"minister", "names"}, "leadership",
                     t=30 * HOUR, event="talks", title="Tessaly names new foreign minister after Lisbon talks"))
    assert a.story["id"] == b.story["id"] != c.story["id"]
    assert c.event is not None and c.event["previous_status"] is None
    assert book.stories[a.story["id"]]["status"] == "failed"


def test_a_strike_and_a_bid_at_one_company_are_two_stories() -> None:
    book = StoryBook({})
    ents = {"carrow petroleum", "rotterdam"}
    bid = book.add(inp("b1", ents | {"helios energy"}, {"carrow", "helios", "bid", "takeover", "refinery"},
                       "announced", event="takeover bid"))
    strike = book.add(inp("w1", ents, {"carrow", "refinery", "workers", "strike", "walkout"},
                          "started", t=HOUR, event="strike"))
    assert bid.story["id"] != strike.story["id"]


def test_kinds() -> None:
    assert event_kind("leadership", "talks") == "leadership"
    assert event_kind("failed", "summit") == "talks"
    assert event_kind("agreed", "deal") is None  # generic outcome nouns end any kind of story
    assert article_kind("agreed", "deal", frozenset({"chrysler", "buyout"})) == "takeover"
    assert article_kind(None, None, frozenset({"uaw", "merger"})) is None  # cues of two kinds: either
    assert compatible("talks", "labour") and compatible("takeover", "legal") and compatible(None, "leadership")
    assert not compatible("leadership", "talks") and not compatible("takeover", "labour")


def _copies() -> list[StoryInput]:
    k = LISBON_K | {"deal"}
    return [
        inp("early", LISBON_E, LISBON_K, "started", t=0),
        inp("f1", LISBON_E, k, "failed", t=20 * HOUR),
        inp("f2", LISBON_E, k | {"collapse"}, "failed", t=20 * HOUR + 600),
        inp("f3", LISBON_E, k | {"abruptly"}, "failed", t=21 * HOUR),
        inp("stale", LISBON_E, LISBON_K | {"underway"}, "started", t=1 * HOUR),  # an old copy, late
    ]


@settings(max_examples=60, deadline=None)
@given(st.permutations(_copies()))
def test_one_alert_per_change_whatever_the_order_of_copies(order: list[StoryInput]) -> None:
    book = StoryBook({})
    events = [e for e in (book.add(x).event for x in order) if e is not None]
    statuses = [e["status"] for e in events]
    assert statuses.count("failed") == 1
    assert statuses.count("started") <= 1
    assert len({e["story_id"] for e in events}) == 1
    # the final state is the latest news whatever the order
    (story,) = book.stories.values()
    assert story["status"] == "failed"


def test_replaying_every_copy_changes_nothing() -> None:
    book = StoryBook({})
    first = [book.add(x) for x in _copies()]
    again = [book.add(x) for x in _copies()]
    assert [o.event for o in first] == [o.event for o in again]
    assert [o.story for o in first] == [o.story for o in again]


def test_a_re_angled_report_of_the_same_change_does_not_page_twice() -> None:
    book = StoryBook({})
    a = book.add(inp("a1", {"american motors"}, {"amc", "talks", "plant", "breaks", "kenosha", "life", "car",
                                                 "aimed", "extending", "union"}, "failed", event="talks"))
    # no shared name, few shared words: its own story, but an echo of the first
    b = book.add(inp("a2", set(), {"amc", "talks", "jeep", "site", "steps", "taken", "build", "fail", "alternate",
                                   "uaw"}, "failed", t=2 * HOUR, event="talks"))
    assert a.event is not None
    assert b.story["id"] != a.story["id"] and b.event is None


def test_state_is_bounded_and_quiet_stories_expire() -> None:
    opts = DEFAULT_STORY_OPTIONS
    book = StoryBook({})
    n_hours = int(3 * opts.quiet_seconds / HOUR)
    for h in range(n_hours):
        for j in range(3):  # three unrelated stories an hour, all sharing one common word
            book.add(inp(f"h{h}-{j}", {f"firm {h} {j}"}, {"shares", f"w{h}x{j}", f"v{h}y{j}"}, t=h * HOUR))
    live_hours = opts.quiet_seconds / HOUR + 2
    assert len(book.stories) <= 3 * live_hours
    ix = book.index
    assert len(ix.hours) <= live_hours
    # the in-memory view holds only live stories: no row points at a deleted one
    assert set(ix.live) == set(book.stories)
    assert all(sid in book.stories for rows in (ix.ents, ix.kws) for row in rows.values() for sid in row)
    assert "firm 0 0" not in ix.ents and ix.row("e:firm 0 0") is None
    # the replay index holds exactly the live stories' recent members
    assert len(ix.articles) == sum(len(s["outs"]) for s in book.stories.values())


def test_severity_policy() -> None:
    assert urgency_for("failed", "started", "talks", "summit", "Summit ends without a deal") == URGENCY["failed"]
    assert urgency_for("leadership", None, "leadership", "leadership", "Acme names new president") == ROUTINE_URGENCY
    assert urgency_for("leadership", None, "leadership", "leadership", "Prime minister resigns") == URGENCY["leadership"]
    # the first report of a small deal is routine; the same change in a followed story pages
    assert urgency_for("agreed", None, "takeover", "acquisition", "Acme agrees to buy Widget", 1) == ROUTINE_URGENCY
    assert urgency_for("agreed", None, "takeover", "buyout", "Piedmont agrees to buyout", 3) == URGENCY["agreed"]
    assert urgency_for("filed", None, "legal", "lawsuit", "Acme sues Widget") == ROUTINE_URGENCY
    assert urgency_for("filed", None, "legal", "bankruptcy", "Acme files for Chapter 11") == URGENCY["filed"]


def test_permutations_of_a_small_saga_are_deterministic() -> None:
    saga = [inp("b", {"helios", "carrow"}, {"bid", "carrow", "helios"}, "announced", t=0, event="takeover bid"),
            inp("r", {"helios", "carrow"}, {"bid", "carrow", "helios", "rejects"}, "rejected", t=HOUR, event="bid")]
    for order in permutations(saga):
        runs = []
        for _ in range(2):
            book = StoryBook({})
            runs.append([book.add(x) for x in order])
        assert runs[0] == runs[1]

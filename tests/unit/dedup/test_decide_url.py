"""The URL stage's final decision, on top of the content stage's (run first)."""

from __future__ import annotations

import random
from typing import Any

from stream.dedup.decide import DEFAULT_DEDUP_OPTIONS, PUBLISHED, Decision, decide_content, decide_url
from tests.unit.dedup.test_decide import cand, text


class Stages:
    """Content then URL, as the pipeline runs them (one anchor for all content)."""

    def __init__(self) -> None:
        self.content: list[dict[str, Any]] | None = None
        self.urls: dict[str, dict[str, Any]] = {}
        self.published: set[str] = set()

    def __call__(self, aid: str, tokens: list[str], url: str = "u", t: float = 0.0, title: str = "t") -> Decision:
        c = cand(aid, tokens, t, title)
        content, entries = decide_content(self.content, c)
        self.content = entries if entries is not None else self.content
        d, entry = decide_url(self.urls.get(url), c, content)
        if entry is not None:
            self.urls[url] = entry
        if d.status in PUBLISHED:
            self.published.add(aid)
        return d


def test_rescrape_is_exact_and_revision_is_update() -> None:
    run, base = Stages(), text(1, 300)
    assert run("a", base).status == "unique"
    assert run("b", base) == Decision("exact", "a", 1.0)
    revised = base[:250] + text(2, 40)
    d3 = run("c", revised, title="new headline")
    assert d3.status == "update" and d3.of == "a" and d3.title_changed is True
    assert 0.5 < d3.similarity < 1.0
    # Replays give the decision they got the first time.
    assert run("c", revised, title="new headline") == d3
    assert run("a", base).status == "unique"


def test_url_entry_expires_by_event_time() -> None:
    run = Stages()
    run("a", text(1, 100), t=0.0)
    assert run("b", text(1, 100), t=8 * 86400.0).status == "unique"


def test_rescrape_of_an_earlier_revision_is_exact_of_that_revision() -> None:
    run, base, revised = Stages(), text(1, 300), text(1, 250) + text(3, 50)
    run("a", base)
    assert run("b", revised).status == "update"
    assert run("c", base) == Decision("exact", "a", 1.0)
    assert run("d", revised).of == "b"


def test_revision_that_copies_another_page_is_still_an_update_of_its_own() -> None:
    run, mine, wire = Stages(), text(1, 300), text(8, 300)
    run("w", wire, url="wire")
    run("a", mine)
    d = run("b", wire[:280])  # the page now carries the wire story
    assert d.status == "update" and d.of == "a"


def test_page_that_first_copied_another_points_every_repeat_at_the_original() -> None:
    # The bug the content-first order fixes: the page's first revision was a copy,
    # so it was never published, and its re-scrapes and revisions must not name it.
    run, wire = Stages(), text(1, 300)
    assert run("w", wire, url="wire").status == "unique"
    copy = wire[:260] + text(2, 20)
    first = run("a", copy)
    assert first.status == "near" and first.of == "w"
    assert run("b", copy) == Decision("exact", "w", first.similarity)  # a re-scrape of the copy
    # A revision is published, still a copy or not, as an update of what readers saw.
    still_a_copy = run("c", wire[:250] + text(3, 20))
    assert still_a_copy.status == "update" and still_a_copy.of == "w"
    assert run("c2", wire[:260] + text(2, 20)) == Decision("exact", "w", first.similarity)
    rewritten = run("d", text(9, 300))  # the outlet's own story now
    assert rewritten.status == "update" and rewritten.of == "w"
    assert run("e", text(9, 300)) == Decision("exact", "d", 1.0)
    later = run("f", text(9, 280) + text(4, 30))
    assert later.status == "update" and later.of == "w"


def test_every_of_names_a_published_article() -> None:
    # Random pages that copy, re-scrape and revise each other's content.
    rng = random.Random(7)
    texts = [text(100 + i, 200) for i in range(6)]
    run, n = Stages(), 0
    for _ in range(400):
        base = rng.choice(texts)
        edit = rng.random()
        if edit < 0.3:
            tokens = base
        elif edit < 0.7:
            tokens = base[: rng.randint(150, 199)] + text(rng.randint(0, 10**6), rng.randint(0, 30))
        else:
            tokens = text(rng.randint(0, 10**6), 200)
        n += 1
        d = run(f"x{n}", tokens, url=f"u{rng.randint(0, 15)}", t=n * 60.0)
        assert d.of is None or d.of in run.published, (n, d)
    assert len(run.published) < n  # the walk did make duplicates


def test_revisions_are_bounded() -> None:
    run = Stages()
    run("a", text(1, 100))
    for i in range(20):
        run(f"r{i}", text(100 + i, 100))
    e = run.urls["u"]
    assert len(e["revs"]) == DEFAULT_DEDUP_OPTIONS.max_revisions and e["first"] == "a"


def test_url_entries_of_the_previous_format_still_decide() -> None:
    a = cand("a", text(1, 300))
    old = {"first": "a", "last": "a", "h": a.content_hash, "t": a.title_hash, "sk": a.sketch_b64,
           "n": a.shingles, "ts": 0.0, "revs": {"a": ["unique", None, None, None]}}
    assert decide_url(old, cand("b", text(1, 300)), Decision("exact", "a", 1.0))[0].status == "exact"
    d, e = decide_url(old, cand("c", text(1, 250) + text(4, 50)), Decision("near", "a", 0.8))
    assert d.status == "update" and d.of == "a" and e is not None and list(e["revs"]) == ["a", "c"]

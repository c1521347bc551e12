from __future__ import annotations

import hashlib

from stream.dedup.decide import Candidate, decide_content, decide_url
from stream.dedup.fingerprint import fingerprint

WORDS = ("alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike november oscar papa "
         "quebec romeo sierra tango uniform victor whiskey xray yankee zulu").split()


def text(seed: int, n: int) -> list[str]:
    # Deterministic pseudo-text: distinct stories share vocabulary, not runs.
    out, x = [], seed
    for _ in range(n):
        x = (x * 1103515245 + 12345) % 2**31
        out.append(WORDS[x % len(WORDS)] + str(x % 7))
    return out


def cand(aid: str, tokens: list[str], t: float = 0.0, title: str = "t") -> Candidate:
    fp = fingerprint(tokens)
    return Candidate(aid, fp.content_hash, hashlib.md5(title.encode()).hexdigest(), fp.sketch, fp.sketch_b64(),
                     fp.shingles, t)


def test_url_rescrape_is_exact_and_revision_is_update() -> None:
    base = text(1, 300)
    d1, e1 = decide_url(None, cand("a", base))
    assert d1.status == "unique" and e1 is not None
    d2, e2 = decide_url(e1, cand("b", base))
    assert (d2.status, d2.of, e2) == ("exact", "a", None)
    revised = base[:250] + text(2, 40)
    d3, e3 = decide_url(e1, cand("c", revised, title="new headline"))
    assert d3.status == "update" and d3.of == "a" and d3.title_changed is True
    assert 0.5 < d3.similarity < 1.0
    # Replays give the decision they got the first time.
    assert decide_url(e3, cand("c", revised, title="new headline"))[0] == d3
    assert decide_url(e3, cand("a", base))[0].status == "unique"


def test_url_entry_expires_by_event_time() -> None:
    _, e1 = decide_url(None, cand("a", text(1, 100), t=0.0))
    d, _ = decide_url(e1, cand("b", text(1, 100), t=8 * 86400.0))
    assert d.status == "unique"


def test_content_exact_near_teaser_and_distinct() -> None:
    story = text(5, 600)
    d, entries = decide_content(None, cand("s", story))
    assert d.status == "unique"
    assert decide_content(entries, cand("x", story))[0].status == "exact"
    copy = story[:500] + text(9, 30)  # tail dropped, a credit line added
    near = decide_content(entries, cand("y", copy))[0]
    assert near.status == "near" and near.of == "s"
    teaser = story[:120]
    assert decide_content(entries, cand("z", teaser))[0].status == "near"
    other = text(77, 600)
    d2, entries2 = decide_content(entries, cand("o", other))
    assert d2.status == "unique" and [e["id"] for e in entries2] == ["s", "o"]


def test_replayed_canonical_is_not_a_duplicate_of_itself() -> None:
    story = text(5, 200)
    _, entries = decide_content(None, cand("s", story))
    d, unchanged = decide_content(entries, cand("s", story))
    assert d.status == "unique" and unchanged is None


def test_short_quote_is_not_called_a_teaser() -> None:
    story = text(5, 600)
    _, entries = decide_content(None, cand("s", story))
    assert decide_content(entries, cand("q", story[100:112]))[0].status == "unique"

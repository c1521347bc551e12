from __future__ import annotations

import hashlib

import numpy as np
import orjson

from stream.dedup.decide import DEFAULT_DEDUP_OPTIONS, Candidate, decide_content, decide_url, sweep
from stream.dedup.fingerprint import fingerprint, lede_tokens
from stream.text.normalize import tokenize

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
    return Candidate(aid, fp.content_hash, hashlib.md5(title.encode()).hexdigest(), fp.sketch_b64(), fp.shingles, t)


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


def lede_cand(aid: str, pars: list[str], t: float = 0.0) -> Candidate:
    body = "\n\n".join(pars)
    fp = fingerprint(tokenize(body), lede=lede_tokens(body))
    return Candidate(aid, fp.content_hash, "t", fp.sketch_b64(), fp.shingles, t, fp.lede_b64())


def test_teaser_with_chrome_is_near_through_its_lede() -> None:
    lede = ("The harbour authority said on Monday it would spend 40 mln dlrs deepening the northern channel "
            "so that larger grain carriers can load at the port.")
    pars = [lede] + [" ".join(text(50 + i, 60)) + "." for i in range(12)]
    _, entries = decide_content(None, lede_cand("s", pars))
    chrome = ["Sign up for our morning briefing and get the top stories in your inbox.",
              "Read our community guidelines before you post a comment on this story."]
    teaser = lede_cand("t", [lede, pars[1], "Read the full story at The Tribune.", *chrome])
    d = decide_content(entries, teaser)[0]
    assert d.status == "near" and d.of == "s"
    other = lede_cand("o", ["The rail operator said on Monday it would spend 40 mln dlrs on new signalling "
                            "along the coastal line to cut delays for commuters.", pars[1], *chrome])
    assert decide_content(entries, other)[0].status == "unique"


def test_sweep_finds_keys_out_of_the_window() -> None:
    week = DEFAULT_DEDUP_OPTIONS.window_seconds
    _, old = decide_url(None, cand("a", text(1, 100), t=0.0))
    _, new = decide_url(None, cand("b", text(2, 100), t=week))
    _, old_c = decide_content(None, cand("a", text(1, 100), t=0.0))
    _, mixed = decide_content(None, cand("c", text(3, 100), t=0.0))
    _, mixed = decide_content(mixed, cand("d", text(4, 100), t=week))
    state = {"u1": old, "u2": new, "c1": old_c, "c2": mixed, "c3": []}
    assert sorted(sweep(state, week + 1.0)) == ["c1", "c3", "u1"]
    assert sweep(state, week) == ["c3"]


def test_state_per_article_is_under_a_kilobyte() -> None:
    a = cand("0" * 24, text(9, 2000))
    _, url_entry = decide_url(None, a)
    _, content_entries = decide_content(None, a)
    assert content_entries is not None
    size = len(orjson.dumps(url_entry)) + len(orjson.dumps(content_entries[0]))
    assert size <= 1024, size


def test_same_lede_is_not_enough_when_the_rest_differs() -> None:
    # Two companies' notices written from one template: the lede differs only in the name (not an anchor
    # word after the first), the rest of each text is its own.
    def notice(name: str, seed: int) -> list[str]:
        return [f"{name} said it raised the contract price it will pay for most grades of crude oil by 50 cts "
                "a barrel, effective today, matching increases by other refiners.",
                *(" ".join(text(seed + i, 40)) + "." for i in range(4))]
    _, entries = decide_content(None, lede_cand("a", notice("Harbour Oil Corp", 100)))
    d = decide_content(entries, lede_cand("b", notice("Fjord Petroleum Corp", 200)))[0]
    assert d.status == "unique"
    copy = notice("Harbour Oil Corp", 100)[:3] + ["Sign up for our morning briefing."]
    assert decide_content(entries, lede_cand("c", copy))[0].status == "near"


def test_short_table_copy_missing_a_row_is_near_but_another_table_is_not() -> None:
    table = ["Shr 41 cts vs 37 cts", "Net 4,120,000 vs 3,710,000", "Revs 61.2 mln vs 55.0 mln",
             "Avg shrs 10.1 mln vs 10.0 mln", "Note: Full name is Harbour Freight Lines Corp."]
    _, entries = decide_content(None, lede_cand("a", table))
    copy = lede_cand("b", [table[0], *table[2:4]])  # the Net row and the note dropped
    assert copy.shingles < DEFAULT_DEDUP_OPTIONS.min_teaser_shingles
    d = decide_content(entries, copy)[0]
    assert d.status == "near" and d.of == "a"
    other = lede_cand("c", [table[0], "Net 3,990,000 vs 3,100,000", "Revs 58.7 mln vs 51.9 mln",
                            "Avg shrs 9.6 mln vs 9.8 mln", "Note: Full name is Fjord Shipping Holdings."])
    assert decide_content(entries, other)[0].status == "unique"


def test_a_candidates_sketches_decode_from_their_encoded_forms() -> None:
    from stream.dedup.fingerprint import sketch_to_b64

    for n in (0, 5, 16, 17, 64):
        sketch = np.sort(np.random.default_rng(n).integers(0, 2**32, n, dtype=np.uint64).astype(np.uint32))
        c = Candidate("a", "h", "t", sketch_to_b64(sketch), n, 0.0, sketch_to_b64(sketch[:3]))
        assert np.array_equal(c.sketch, sketch) and np.array_equal(c.lede, sketch[:3])
        assert c.sketch_prefix_b64(16) == sketch_to_b64(sketch[:16])

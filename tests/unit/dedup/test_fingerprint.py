from __future__ import annotations


import numpy as np

from stream.dedup.fingerprint import fingerprint, lede_tokens, strip_dateline
from stream.text.normalize import tokenize
from tests.support.cpu import cpu_seconds

# Our own fixture story (not from any corpus).
LEDE = ("Harbour Freight Lines said on Tuesday it would buy two container ships from a Korean yard for "
        "about 180 mln dlrs, its first new vessels in a decade.")
STORY = [
    LEDE,
    "The company said the ships would enter service on its Baltic routes next year and replace older "
    "chartered tonnage. Chief executive Marta Olsen told reporters the order was paid from cash.",
    "Analysts at a Copenhagen bank said the deal was well timed because yard prices had fallen by a "
    "quarter since the spring, and that rivals were likely to follow with orders of their own.",
    "Shares in Harbour Freight rose 3.5 pct in early trading on the news.",
]
TABLE = ["Shr 41 cts vs 37 cts", "Net 4,120,000 vs 3,710,000", "Revs 61.2 mln vs 55.0 mln",
         "Avg shrs 10.1 mln vs 10.0 mln"]


def fp_of(pars: list[str]):
    text = "\n\n".join(pars)
    return fingerprint(tokenize(text), lede=lede_tokens(text))


def test_strip_dateline() -> None:
    assert strip_dateline("OSLO, March 3 (Reuters) - Harbour Freight said").startswith("Harbour")
    assert strip_dateline("2026-01-04 06:31 OSLO, March 3 - Harbour Freight said").startswith("Harbour")
    plain = "The yard - a former naval base - said it had room for more orders."
    assert strip_dateline(plain) == plain


def test_lede_skips_page_chrome_and_short_captions() -> None:
    lede = lede_tokens("\n\n".join(["Menu", "Ships at the yard on Monday.", "By Staff Reporter", *STORY]))
    assert lede.sentence and lede.tokens == tokenize(LEDE)


def test_anchor_survives_chrome_dateline_house_style_and_truncation() -> None:
    base = fp_of(STORY)
    variants = [
        ["Home | News | Business", "Ships at the yard on Monday.", "Ships at the yard on Monday.", *STORY],
        # joined onto the lede by a scraper that kept single newlines
        ["2026-01-04 06:31 OSLO, March 3 (Reuters) - " + STORY[0], *STORY[1:]],
        ["By Staff Reporter " + STORY[0], *STORY[1:3]],
        [STORY[0].replace("said", "says").replace("mln", "million"), *STORY[1:]],
        STORY[:1] + STORY[2:] + ["Sign up for our morning briefing."],
        STORY[:2] + ["Read the full story at The Tribune."],
    ]
    for v in variants:
        assert fp_of(v).anchor == base.anchor, v[0]


def test_sentence_split_ignores_abbreviations() -> None:
    a = "Harbour Freight told U.S. regulators on Tuesday it would buy two container ships from a Korean yard."
    b = a.replace("U.S.", "US")
    assert fp_of([a, *STORY[1:]]).anchor == fp_of([b, *STORY[1:]]).anchor


def test_table_anchor_uses_figures_not_chrome() -> None:
    base = fp_of(TABLE)
    assert not lede_tokens("\n\n".join(TABLE)).sentence
    assert fp_of(["OSLO, March 3 - " + TABLE[0], *TABLE[1:]]).anchor == base.anchor
    assert fp_of(["Subscribe to our newsletter", *TABLE, "Read more on: markets | shipping"]).anchor == base.anchor
    other = ["Shr 12 cts vs 9 cts", "Net 880,000 vs 640,000", "Revs 7.4 mln vs 6.9 mln"]
    assert fp_of(other).anchor != base.anchor


def test_different_ledes_get_different_anchors() -> None:
    ledes = [
        "The central bank left its main lending rate unchanged on Thursday, citing slowing price growth.",
        "Striking dock workers voted to return to work after a six week dispute over night shift pay.",
        "A regional airline said it had cancelled forty flights because of a shortage of engine parts.",
        "The city council approved a plan to close two coal fired heating plants by the end of the decade.",
    ]
    anchors = {fp_of([lede, *STORY[1:]]).anchor for lede in ledes} | {fp_of(STORY).anchor}
    assert len(anchors) == 5


def test_fingerprint_shapes_and_determinism() -> None:
    a, b = fp_of(STORY), fp_of(STORY)
    assert (a.content_hash, a.anchor, a.shingles) == (b.content_hash, b.anchor, b.shingles)
    assert a.sketch_b64() == b.sketch_b64() and a.lede_b64() == b.lede_b64()
    assert np.all(np.diff(a.sketch.astype(np.int64)) > 0) and a.sketch.size <= 64
    assert 0 < a.lede.size <= 16 and a.shingles > 64
    empty = fingerprint([])
    assert empty.shingles == 0 and empty.sketch.size == 0


def test_lede_scan_is_bounded_on_hostile_text() -> None:
    for text in ("x. " * 700_000, "A" * 2_000_000, "word " * 400_000):
        assert cpu_seconds(lede_tokens, text) < 0.05


def test_figures_leave_out_dates_years_and_times() -> None:
    from stream.dedup.fingerprint import figures

    toks = tokenize("2026-01-03 14:22 Results for 53 weeks to April 4, 1987 Shr 42 cts vs 53 cts, May 31")
    assert figures(toks) == ["53", "42", "53"]


def test_table_anchor_survives_dropped_row_and_inserted_note() -> None:
    base = fp_of(TABLE)
    assert fp_of([TABLE[0], *TABLE[2:]]).anchor == base.anchor
    note = "This story has been updated with additional details from the company and its auditors."
    assert fp_of([TABLE[0], note, *TABLE[1:]]).anchor == base.anchor
    assert not lede_tokens("\n\n".join([TABLE[0], note, *TABLE[1:]])).sentence


def test_fingerprint_matches_reference_shingle_hashes() -> None:
    from stream.dedup.fingerprint import shingle_hashes

    text = "\n\n".join(STORY)
    fp = fingerprint(tokenize(text))
    ref = np.unique(shingle_hashes(tokenize(text), 4))
    assert fp.shingles == ref.size and np.array_equal(fp.sketch, ref[:64])


def test_spelled_figures_anchor_a_table_whose_second_row_is_dropped() -> None:
    from stream.dedup.fingerprint import figures

    assert figures(tokenize("Shr three cts vs 16 cts"), spelled=True) == ["three", "16"]
    assert figures(tokenize("Shr three cts vs 16 cts")) == ["16"]
    table = ["Shr three cts vs 16 cts", "Net 127,000 vs 605,000", "Sales 14.4 mln vs 9,726,000"]
    assert fp_of([table[0], *table[2:]]).anchor == fp_of(table).anchor


def test_inserted_sentence_under_a_spelled_first_row_is_not_the_lede() -> None:
    rows = ["Shr profit one ct vs loss nine cts", "Net profit 177,000 vs loss 1,364,000", "Revs 5,913,000 vs 487,000"]
    note = "The paper has asked the company for comment and will update this article."
    assert not lede_tokens("\n\n".join([rows[0], note, *rows[1:]])).sentence
    assert fp_of([rows[0], note, *rows[1:]]).anchor == fp_of(rows).anchor


def test_rows_run_together_with_one_vs_are_not_a_lede() -> None:
    rows = ["Qtly div nine cts vs nine cts prior qtr", "Pay Nov 25", "Record Nov 13",
            "Note: Full name is Harbour Freight Lines and Shipping Holdings Corp"]
    joined = " ".join(rows) + " Join the conversation! Comments are moderated."
    assert not lede_tokens(joined).sentence
    assert fp_of([joined]).anchor == fp_of(rows).anchor


def test_headline_with_figures_above_a_lede_does_not_make_a_table() -> None:
    head = "billion dlr ship order after BREAKING: Harbour Freight buys 2 for 180"
    lede = lede_tokens("\n\n".join([head, *STORY]))
    assert lede.sentence and lede.tokens == tokenize(LEDE)
    assert fp_of([head, *STORY]).anchor == fp_of(STORY).anchor


def test_lower_cased_dateline_is_stripped() -> None:
    assert strip_dateline("oslo, march 3 - freight rates rose 0.50 to 1.00 dlr").startswith("freight")
    assert strip_dateline("oslo, march 3 (AP) - freight rates rose").startswith("freight")
    plain = "the yard - a former naval base - said it had room for more orders."
    assert strip_dateline(plain) == plain

from __future__ import annotations

import time
from pathlib import Path

import pytest

from stream.subjects.lexicon import LEXICON
from stream.subjects.tagger import Subject, SubjectOptions, SubjectTagger
from stream.subjects.taxonomy import PREFIX, TOPICS, top_level
from stream.text.normalize import tokenize

SAMPLE = Path(__file__).resolve().parents[4] / "shared" / "samples" / "news24-trump-kim-summit.txt"


@pytest.fixture(scope="module")
def tagger() -> SubjectTagger:
    return SubjectTagger()


def test_every_lexicon_code_is_in_the_taxonomy() -> None:
    for code, weight, terms in LEXICON:
        assert PREFIX + code in TOPICS, code
        assert 0 < weight <= 3 and all(t.strip() for t in terms.split("|")), code


def test_football_report(tagger: SubjectTagger) -> None:
    subs = tagger.tag("Late penalty earns United a draw",
                      "The striker scored from the spot after the goalkeeper brought him down. "
                      "The manager said the league title race was still open.")
    assert top_level(subs[0].code) == "medtop:15000000"
    assert "medtop:20001065" in {s.code for s in subs}


def test_takeover_story_gets_mergers(tagger: SubjectTagger) -> None:
    subs = tagger.tag("Chipmaker agrees takeover by rival",
                      "Shareholders will receive cash under the merger agreement, the company said.")
    codes = {s.code for s in subs}
    assert top_level(subs[0].code) == "medtop:04000000"
    assert "medtop:20000204" in codes


def test_child_evidence_supports_ancestors(tagger: SubjectTagger) -> None:
    subs = tagger.tag("Leaders meet at summit", "The summit ended early.")
    by_code = {s.code: s for s in subs}
    assert "medtop:20000640" in by_code
    assert by_code["medtop:20000640"].ancestors == ("medtop:20000639", "medtop:20000638",
                                                   "medtop:11000000")
    assert by_code["medtop:11000000"].score >= by_code["medtop:20000640"].score


def test_headline_outweighs_body(tagger: SubjectTagger) -> None:
    a = tagger.tag("Earthquake hits coastal towns", "Voters went to the polls in the election.")
    b = tagger.tag("Voters go to the polls", "An earthquake hit coastal towns.")
    assert top_level(a[0].code) == "medtop:03000000"
    assert top_level(b[0].code) == "medtop:11000000"


def test_word_boundaries_and_no_text(tagger: SubjectTagger) -> None:
    assert tagger.tag("", "") == []
    assert tagger.tag("Scartoil", "warfarin sportswear") == []


def test_scores_sorted_bounded_and_capped() -> None:
    t = SubjectTagger(SubjectOptions(max_subjects=3, min_score=0.0))
    subs = t.tag("Oil prices and the election and the cup final and a flood", "court ruling on tax")
    assert len(subs) == 3
    assert all(0.0 < s.score <= 1.0 for s in subs)
    assert [s.score for s in subs] == sorted((s.score for s in subs), reverse=True)


def test_tokens_argument_gives_same_result(tagger: SubjectTagger) -> None:
    title, text = "Central bank raises interest rates", "Inflation rose again, the bank said."
    assert tagger.tag(title, text) == tagger.tag(title, text, tokenize(title + "\n" + text))


def test_to_dict_rounds() -> None:
    s = Subject("medtop:11000000", "politics", 0.123456, ())
    assert s.to_dict() == {"code": "medtop:11000000", "label": "politics", "score": 0.123,
                           "ancestors": []}


def test_huge_input_is_bounded(tagger: SubjectTagger) -> None:
    text = "war election football oil " * 80_000  # ~2 MiB
    toks = tokenize(text)
    t0 = time.perf_counter()
    tagger.tag("x", text, toks)
    tagger.tag("x", text)
    assert time.perf_counter() - t0 < 0.05


def test_fast_on_typical_article(tagger: SubjectTagger) -> None:
    words = ("the minister said the bank would raise interest rates as inflation rose and "
             "the striker scored twice before the summit talks ended ").split()
    text = " ".join(words[i % len(words)] for i in range(500))
    toks = tokenize("Headline\n" + text)
    tagger.tag("Headline", text, toks)
    t0 = time.perf_counter()
    for _ in range(50):
        tagger.tag("Headline", text, toks)
    assert (time.perf_counter() - t0) / 50 < 0.001


def test_seed_scrape_subjects() -> None:
    if not SAMPLE.exists():
        pytest.skip(f"seed scrape not found at {SAMPLE} (../shared absent)")
    title, _, text = SAMPLE.read_text(encoding="utf-8").partition("\n")
    codes = {s.code for s in SubjectTagger().tag(title, text)}
    assert codes & {"medtop:20000640", "medtop:20000639"}
    assert "medtop:20000635" in codes

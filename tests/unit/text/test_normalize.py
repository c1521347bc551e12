"""normalize_text and tokenize."""

from __future__ import annotations


from hypothesis import example, given, settings
from hypothesis import strategies as st

from stream.text.normalize import normalize_text, tokenize


def test_quotes_dashes_and_spaces() -> None:
    raw = "\ufeff  \u201cHello\u201d,\u00a0she said \u2014 it\u2019s 5\u20136 \u2032a\u2032\t\tnow  "
    assert normalize_text(raw) == "\"Hello\", she said - it's 5-6 'a' now"


def test_invisible_and_control_characters_removed_newlines_kept() -> None:
    raw = "zero\u200bwidth\x00 soft\u00adhyphen\nbidi\u200ftext\x07"
    assert normalize_text(raw) == "zerowidth softhyphen\nbiditext"


def test_nbsp_separates_words() -> None:
    assert normalize_text("10\u00a0km") == "10 km"


def test_paragraph_breaks_become_one_blank_line() -> None:
    raw = "  first line  \r\n second line\r\n\r\n \t \n\n\nthird\u2029fourth\n\n"
    assert normalize_text(raw) == "first line\nsecond line\n\nthird\nfourth"


def test_nfkc_folds_compatibility_forms() -> None:
    assert normalize_text("\uff21\uff22\uff23 \ufb01le \u2033x\u2033") == 'ABC file "x"'


def test_empty_and_whitespace_only() -> None:
    assert normalize_text("") == ""
    assert normalize_text(" \n\t\u00a0\u200b\n ") == ""


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_normalize_is_idempotent(s: str) -> None:
    once = normalize_text(s)
    assert normalize_text(once) == once
    assert "\n\n\n" not in once
    assert once == once.strip()


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab \t\n\r\u00a0\u200b\u2014\u2019\u201c\u2033.'\""))))
def test_normalize_is_idempotent_on_whitespace_heavy_text(s: str) -> None:
    once = normalize_text(s)
    assert normalize_text(once) == once
    assert "  " not in once and " \n" not in once and "\n " not in once


def test_tokenize_rules() -> None:
    text = "Kim\u2019s end-of-summit talks: Trump's O'Neill don't 3.5 pct, 1,000 bales; G7 NORTH-KOREA \u00c9lys\u00e9e"
    assert tokenize(text) == [
        "kim", "end", "of", "summit", "talks", "trump", "o'neill", "don't",
        "3.5", "pct", "1,000", "bales", "g7", "north", "korea", "\u00e9lys\u00e9e",
    ]


def test_tokenize_same_on_raw_and_normalized() -> None:
    raw = "\u201cKim\u2019s\u201d \u2014 the 2019\u20132020 summit\u00a0talks"
    assert tokenize(raw) == tokenize(normalize_text(raw))


def test_tokenize_drops_quotes_and_underscores() -> None:
    assert tokenize("'Not a bad idea' said_x __ ''") == ["not", "a", "bad", "idea", "said", "x"]


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_tokenize_never_raises_and_yields_lowercase_words(s: str) -> None:
    tokens = tokenize(s)
    assert all(t and t == t.lower() and " " not in t for t in tokens)


# The ASCII fast paths must give exactly the Unicode pattern's tokens; the
# alphabet is chosen to hit every rule (digit groups, apostrophes, "'s",
# hyphens, underscores, case) plus a non-ASCII character and the Kelvin sign
# (whose lower case is ASCII "k").
@given(st.text(alphabet=st.sampled_from(list("aZs9 0.,'-_\n\u2019\u00e9\u212a")), max_size=60))
@example("Kim's don't O'Neill 3.5 1,000 a_b \u212aelvin")
@example("Caf\u00e9's 2,5 it\u2019s")
@example("Rose 3.5 pct to 1,000.25 dlrs, up-to-date")
@settings(max_examples=400)
def test_tokenize_fast_paths_match_the_unicode_pattern(s: str) -> None:
    from stream.text.normalize import _TOKEN_RE

    assert tokenize(s) == _TOKEN_RE.findall(s.lower().replace("\u2019", "'"))


def test_tokenize_ascii_fast_path_matches_regex() -> None:
    import random

    from stream.text.normalize import _ASCII_TOKEN_RE

    rng = random.Random(7)
    alphabet = "ab1 2.,'_-sA\n"
    cases = ["Kim's O'Neill don't 3.5 1,000 U.S. said. end,", "a_'s x'_y 1._2 ,5 ''s", "RATE 2.5.6 pct's"]
    cases += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14))) for _ in range(3000)]
    for s in cases:
        assert tokenize(s) == _ASCII_TOKEN_RE.findall(s.lower()), s


# The piecewise fast path on non-ASCII text: "?" (what the encoder puts for
# a non-ASCII character), letters that lower-case to two characters or by
# context (sigma), a combining mark, a non-ASCII digit, NBSP and "£".
@given(st.text(alphabet=st.sampled_from(
    list("aZs9 0.,'-_?\n\u2019\u00e9\u00c9\u212a\u00a3\u00c2\u03a3\u03c3\u0130\u0301\u0663\u00a0")), max_size=80))
@example("\u00c2\u00a3400m Kim's O\u2019Neill \u0391\u03a3:\u0392 3.5 1,000 caf\u00e9's")
@example("'s \u00e9's s'\u00e9 1.\u0663 \u0663.5 x?y ?'s")
@settings(max_examples=400)
def test_tokenize_pieces_match_the_unicode_pattern_on_mixed_text(s: str) -> None:
    from stream.text.normalize import _TOKEN_RE

    assert tokenize(s) == _TOKEN_RE.findall(s.lower().replace("\u2019", "'"))

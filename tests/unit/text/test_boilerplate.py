"""Fast-path prefilters in stream.text.boilerplate agree with the plain regexes."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stream.text import boilerplate as bp

# One line per alternative of _CHROME_PREFIX_RE / _END_MARKER_RE (own
# writing), in mixed case: each must be found by the regex *and* survive
# the literal-start prefilter.
CHROME_SAMPLES = [
    "Keep updated with our alerts", "Sign up for the morning brief", "Subscribe now and save",
    "Get the daily newsletter", "Get our app", "- Follow us on Twitter", "Follow Jane Doe on instagram",
    "Click here to vote", "Tap here for more", "Read more: the full story", "Read more on: x",
    "Related: other story", "Also read: this one", "See also: that", "Read next: more", "Watch: clip",
    "More: items", "Join the conversation below", "Read our comment policy", "Read our community guidelines",
    "We reserve editorial discretion", "We reserve the right to", "Comments are closed",
    "Comment have been disabled", "This site uses cookies", "Our website uses cookies",
    "We use cookies to improve", "By using this site you agree", "By continuing to use our website",
    "Share this article", "Image copyright Someone", "Image caption A scene", "Media caption Words",
    "Image source, Agency", "Photo: A. Person", "Picture credit: B", "Video : clip", "Copyright 2020 Example",
    "Copyright (c) Example", "(c) 2021 Example", "All rights reserved.", "This material may not be published",
    "Download the app", "Listen to this article", "Advertisement - scroll", "Story continues below",
    "Continue reading the main story", "Scroll down for more", "Log in with email", "Sign in with Google",
    "Please log in to comment", "PLEASE SIGN IN",
]
END_SAMPLES = [
    "Keep updated", "Read more on: a | b", "Tags: x", "Topics: y", "Filed under: z", "Join the conversation",
    "Comments", "comment", "12 Comments", "1 comment", "Leave a comment", "Leave a reply", "Show comments",
    "View comments", "Load comments", "Comment on this story",
]


@pytest.mark.parametrize("line", CHROME_SAMPLES)
def test_every_chrome_prefix_alternative_passes_the_prefilter(line: str) -> None:
    assert bp._CHROME_PREFIX_RE.match(line, 0, bp._HEAD) is not None
    assert bp.is_chrome_line(line)


@pytest.mark.parametrize("line", END_SAMPLES)
def test_every_end_marker_alternative_passes_the_prefilter(line: str) -> None:
    assert bp._END_MARKER_RE.match(line) is not None
    assert bp.is_end_marker(line)


def _chrome_reference(line: str) -> bool:
    if len(line) <= 40 and bp.norm_key(line) in bp.CHROME_LINES:
        return True
    return bp._CHROME_PREFIX_RE.match(line, 0, bp._HEAD) is not None


def _end_reference(line: str) -> bool:
    return len(line) <= 300 and bp._END_MARKER_RE.match(line) is not None


# Lines built from pieces of the phrases, so near misses are common; the
# non-ASCII letters are ones re.IGNORECASE folds onto ASCII (the reason the
# prefilter only applies to ASCII heads).
_PIECES = st.sampled_from(
    [w for s in CHROME_SAMPLES + END_SAMPLES for w in s.split()]
    + ["\u212aeep", "\u017fign", "\u0130mage", "jo\u0131n", "-", "(", ")", ":", "©", "1987", " ", "the"]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, min_size=1, max_size=8), st.sampled_from([str, str.lower, str.upper, str.title]))
def test_prefiltered_classifiers_equal_the_plain_regexes(words: list[str], case) -> None:  # type: ignore[no-untyped-def]
    line = case(" ".join(words))
    assert bp.is_chrome_line(line) == _chrome_reference(line)
    assert bp.is_end_marker(line) == _end_reference(line)


def test_non_ascii_case_folding_still_reaches_the_regex() -> None:
    # "\u212a" (Kelvin sign) folds onto "k" under re.IGNORECASE.
    line = "\u212aeep updated"
    assert bp.is_chrome_line(line) == _chrome_reference(line)
    assert bp.is_end_marker(line) == _end_reference(line)
    assert re.match(r"(?i:keep)", "\u212aeep") is not None


def _caption_by_regex_alone(par: str) -> bool:
    """is_caption without its cheap pre-tests: the rules they must not change."""
    if par.count(" ") >= 80:
        return False
    m = bp._CAPTION_TAIL_RE.search(par, max(0, len(par) - bp._TAIL))
    if m is None:
        return False
    if m.group("generic") is None:
        return True
    head = par[: m.start()].rstrip()
    return head.endswith(".") or head.count(" ") >= 7


_CAPTION_PARTS = [
    "A man walks.", " ", "x", "(", ")", "/", ":", ".", ",", "\n", "Photo", "Pic", "Image", "Credit", "s",
    "AP", "AFP", "EPA", "Reuters", "Getty Images", "Jane Doe", "10:30", "dlrs/share", "(AP Photo/Evan Vucci)",
]


@settings(max_examples=600)
@given(st.lists(st.sampled_from(_CAPTION_PARTS), max_size=14))
def test_caption_pre_tests_only_skip_paragraphs_the_pattern_cannot_match(parts: list[str]) -> None:
    par = "".join(parts)
    assert bp.is_caption(par) == _caption_by_regex_alone(par)


def test_caption_pre_tests_on_long_paragraphs() -> None:
    prose = "Officials met on Monday to discuss the plan. " * 6
    for tail in ["(Evan Vucci, AP)", "Photo: Jane Doe/Reuters", "Pictures: A B", "/ AFP", "Getty Images.",
                 "at 10:30 GMT.", "12 dlrs/share", "Credit:x\n"]:
        par = prose + tail
        assert bp.is_caption(par) == _caption_by_regex_alone(par), tail


_LINE_PARTS = [
    "The minister said", " ", "x", ".", ":", "|", " | ", "\u00bb", "\u2022", "Tags: a, b", "Read more on: x",
    "Reporting by Jane Doe", " by ", "Share this article", "Follow us on Twitter", "comments", "3 comments",
    "Advertisement", "subscribe to our newsletter", "\u00e9", "K", "a" * 30, "Getty Images",
]


@settings(max_examples=600)
@given(st.lists(st.sampled_from(_LINE_PARTS), max_size=12))
def test_may_be_boilerplate_is_false_only_when_no_line_rule_can_hold(parts: list[str]) -> None:
    line = "".join(parts)
    if not bp.may_be_boilerplate(line):
        assert bp.parse_tags(line) is None
        assert not (bp.is_end_marker(line) or bp.is_chrome_line(line) or bp.is_credit_line(line) or bp.is_nav_bar(line))


def test_may_be_boilerplate_examples() -> None:
    assert not bp.may_be_boilerplate("The central bank said on Tuesday it would raise interest rates again")
    for line in ["Share this article", "Subscribe to our newsletter for daily updates on the markets today",
                 "Reporting by Jane Doe; Editing by John Roe and a long tail of words", "Home | World | Business | Sport and more here",
                 "Tags: markets, rates and many other subjects of the story"]:
        assert bp.may_be_boilerplate(line), line

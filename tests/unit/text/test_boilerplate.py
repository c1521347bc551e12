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

"""The texts a status is read from, made ready for matching.

The headline loses wire prefixes ("UPDATE 2-", "EXCLUSIVE:") and site
suffixes ("| Site", "- Example News"), and its tickers are blanked; the
lede is cut to its first sentence. Offsets into the matchable text stay
offsets into the original, so evidence is quoted from what was published.
Pure functions, used by stream/status/assertion.py.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from stream.status._matcher import BOUNDARY, words_of

# The lede's first sentence ends at clause punctuation other than a colon,
# from its seventh word on.
_SENTENCE_ENDS = BOUNDARY - {":"}
# Builds a Source without NamedTuple's Python-level __new__.
_new_tuple = tuple.__new__

_PREFIX_RE = re.compile(
    r"\s*(?:update(?: \d{1,2})?|refile|corrected|correction|rpt|repeat|exclusive|breaking(?: news)?"
    r"|urgent|flash|watch|live|video|analysis|factbox|wrapup(?: \d{1,2})?)\s?[-:\u2013\u2014]+\s*"
)
# The words _PREFIX_RE can start with: a cheap test before the regex.
_PREFIX_WORDS = ("update", "refile", "corrected", "correction", "rpt", "repeat", "exclusive", "breaking",
                 "urgent", "flash", "watch", "live", "video", "analysis", "factbox", "wrapup")
_TICKER_RE = re.compile(r"<[^<>\n]{1,60}>|\([A-Z][A-Z0-9.]{0,9}\)")
_SITE_HINTS = ("news", "times", "post", ".com", "reuters", "bbc", "cnn", "guardian", "journal",
               "herald", "tribune", "telegraph", "press", "online", "daily", "24")


def clean_title(title: str) -> tuple[str, str]:
    """(matchable, original): wire prefixes and site suffixes cut from both;
    tickers blanked in the first only, so offsets agree and evidence can be
    quoted from the original text."""
    s = title
    for _ in range(3):
        low = s.lower()
        # The regex's \s* skips what lstrip() skips (Unicode whitespace).
        if not low.lstrip().startswith(_PREFIX_WORDS):
            break
        m = _PREFIX_RE.match(low)
        if not m:
            break
        s = s[m.end():]
    bar = s.rfind(" | ")
    if bar > 0 and len(s) - bar < 60:
        s = s[:bar]
    dash = max(s.rfind(" - "), s.rfind(" \u2013 "), s.rfind(" \u2014 "))
    if dash > 0 and len(s) - dash < 40 and any(h in s[dash:].lower() for h in _SITE_HINTS):
        s = s[:dash]
    return blank_tickers(s), s


def blank_tickers(s: str) -> str:
    if "<" not in s and "(" not in s:  # every ticker form opens with one of them
        return s
    return _TICKER_RE.sub(lambda m: " " * len(m.group()), s)


def lower_same_length(s: str) -> str:
    low = s.lower()
    if len(low) == len(s):
        return low
    # A few characters (e.g. U+0130) lower-case to two code points; keep offsets aligned.
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in s)


class Source(NamedTuple):
    original: str
    lowered: str
    words: list[str]
    weight: float
    is_title: bool


def source(text: str, original: str, weight: float, is_title: bool, first_sentence: bool) -> Source:
    lowered = lower_same_length(text)
    words = words_of(lowered)
    if first_sentence:
        for n in range(6, len(words)):
            if words[n] in _SENTENCE_ENDS:
                words = words[:n]
                break
    return _new_tuple(Source, (original, lowered, words, weight, is_title))

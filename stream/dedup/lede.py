"""Which words of an article the content anchor is taken from: its lede
sentence, or for a text without one (an earnings table) its first figures.

Pure string work on a bounded prefix of the cleaned text (the first
``lede_max_start + 1000`` characters), so hostile input costs little.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from operator import itemgetter

from stream.dedup.options import DEFAULT_FINGERPRINT_OPTIONS, FingerprintOptions
from stream.text.normalize import tokenize

_MONTH_WORDS = frozenset(
    "jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june july august"
    " september october november december".split()
)


# Wire tables spell small figures out ("Shr three cts vs 16 cts", "Qtly div
# nine cts vs nine cts prior").
_NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen"
    " seventeen eighteen nineteen twenty".split()
)


def figures(tokens: list[str], spelled: bool = False) -> list[str]:
    """The numbers of ``tokens`` that are figures, not dates or times: a number
    after a month name, a year (19xx/20xx) and numbers right after those
    ("April 4, 1987", "2026-01-03 14:22") are left out. ``spelled``: small
    numbers written as words count too."""
    out: list[str] = []
    date = False
    for t in tokens:
        if not t[0].isdigit():
            date = t in _MONTH_WORDS
            if spelled and t in _NUMBER_WORDS:
                out.append(t)
        elif date or (len(t) == 4 and t[:2] in ("19", "20")):
            date = True
        elif t[-1].isdigit():  # not "4th", "1st"
            out.append(t)
    return out


# A sentence ends at . ! ? (maybe closed by a quote or bracket) before a space.
# Reuters wraps company names and tickers in <...>: "of <Alco Equipment Co.>".
_SENTENCE_END_RE = re.compile(r"[.!?][\"')>]?\s")
_TERMINAL = (".", "!", "?", '"', "'", ")", ">")
_ABBREVIATIONS = frozenset(
    "corp inc co ltd plc cos bros mr mrs ms dr st jr sr no vs gov sen rep gen col lt sgt prof dept est approx"
    " jan feb mar apr jun jul aug sep sept oct nov dec mon tue wed thu fri sat sun".split()
)
_first = itemgetter(0)
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def strip_dateline(sent: str) -> str:
    """``sent`` without what precedes a wire dateline's dash ("WASHINGTON, June 2 (Reuters) - ").

    Plain string tests on a bounded prefix: a dash within the first 120
    characters, at most 14 words before it (a timestamp or caption line the
    cleaner joined to the lede may precede the dateline), and a word in
    capitals, a month or an agency in brackets among them."""
    cut = sent.find(" - ", 0, 120)
    if cut <= 0:
        return sent
    head = sent[:cut]
    words = head.split()
    if not 0 < len(words) <= 14 or not head[0].isalnum():
        return sent
    # The dateline is the line the dash is on (a caption line before it goes
    # with it); in a table's "53 weeks to April 4\n\nShare - basic 22.2p"
    # that line is "Share", not a dateline.
    line = head[head.rfind("\n") + 1 :]
    lw = line.split()
    if "(" in line or any(m in line for m in _MONTHS) or any(
        len(w) > 2 and w.rstrip(",.").isupper() for w in lw
    ) or any(  # a lower-cased dateline ("omaha, april 7 - "): a month name before a day
        lw[i].rstrip(",.").lower() in _MONTH_WORDS and lw[i + 1][:1].isdigit() for i in range(len(lw) - 1)
    ):
        return sent[cut + 3 :]
    return sent


def _sentences(text: str) -> Iterator[str]:
    """The lines of ``text`` cut after . ! ? + space, except after initials and
    abbreviations ("U.S.", "Corp.", "J. Smith"), which outlets spell
    differently. Lazy: the lede is usually the first sentence, and a wire
    lede paragraph runs to several hundred characters."""
    # Lines are cut one at a time: the lede is usually in the first.
    start, end = 0, len(text)
    while start <= end:
        cut = text.find("\n", start)
        if cut < 0:
            cut = end
        line = text[start:cut]
        start = cut + 1
        pos = 0
        for m in _SENTENCE_END_RE.finditer(line + " "):
            word = line[line.rfind(" ", pos, m.start()) + 1 : m.start()]
            if "." in word or len(word) <= 1 or word.lower() in _ABBREVIATIONS:
                continue
            yield line[pos : m.end()].strip()
            pos = m.end()
        if pos < len(line):
            yield line[pos:].strip()


@dataclass(frozen=True)
class Lede:
    """What the anchor is computed from: the lede sentence's tokens, or for a
    text without one (an earnings table) the tokens of its head, dateline removed."""

    tokens: list[str]
    sentence: bool


def lede_tokens(text: str, options: FingerprintOptions = DEFAULT_FINGERPRINT_OPTIONS) -> Lede:
    """The lede sentence of ``text``, or its head when it has none (tables, lists).

    The lede is the first sentence (dateline removed) with at least
    ``lede_min_words`` words, ending like a sentence, mostly words (at most
    ``lede_max_digit_share`` numbers), starting within the first
    ``lede_max_start`` characters with at most ``lede_max_digits_before``
    figures in table rows before it (so a note under an earnings table is
    not a lede).
    Captions, menus, bylines and timestamps left at the top of a page are
    shorter or do not end like a sentence. Paragraph breaks are not trusted:
    outlets and the cleaner join or split lines differently."""
    start, digits = 0, 0
    for sent in _sentences(text[: options.lede_max_start + 1000]):
        if start > options.lede_max_start or digits > options.lede_max_digits_before:
            break
        toks = tokenize(strip_dateline(sent))
        if sent.endswith(_TERMINAL) and _is_lede(toks, options):
            return Lede(toks, True)
        if _is_row(toks, options):
            digits += len(figures(toks, spelled=True))
        start += len(sent) + 1
    return Lede(tokenize(strip_dateline(text[: options.lede_max_start + 1000])), False)


def _is_row(toks: list[str], options: FingerprintOptions) -> bool:
    """A table row ("Shr three cts vs 16 cts"), not a headline the page left
    above the lede ("Baker sees 15 to 20"): rows compare with "vs" or are
    mostly numbers."""
    if "vs" in toks:
        return True
    heads = _heads(toks)
    n = _count_digits(heads) if heads.isascii() else sum(t[0].isdigit() for t in toks)
    return n > options.lede_max_digit_share * len(toks)


def _heads(toks: list[str]) -> str:
    """The first character of each token (tokens are never empty)."""
    return "".join(map(_first, toks))


def _count_digits(ascii_text: str) -> int:
    return len(ascii_text) - len(ascii_text.encode("ascii").translate(None, b"0123456789"))


def _is_lede(toks: list[str], options: FingerprintOptions) -> bool:
    # Words, not numbers, are counted: a timestamp the cleaner joined to a
    # short first sentence must not make it long enough. A table row run
    # together with a note under it starts with numbers; a lede, once any
    # leading date or time is skipped, starts with words.
    # On the tokens' first characters as one string: C-level counts instead
    # of a Python test per token (str.isdigit also holds for non-ASCII
    # digits, hence the per-token path for those).
    heads = _heads(toks)
    if heads.isascii():
        n_numeric = _count_digits(heads)
        lead = len(heads) - len(heads.lstrip("0123456789"))
        head_numeric = _count_digits(heads[lead : lead + 10])
    else:
        numeric = [t[0].isdigit() for t in toks]
        lead = next((i for i, d in enumerate(numeric) if not d), len(numeric))
        n_numeric, head_numeric = sum(numeric), sum(numeric[lead : lead + 10])
    words = len(toks) - n_numeric
    return (
        words >= options.lede_min_words
        and n_numeric <= options.lede_max_digit_share * len(toks)
        and head_numeric <= 2
        # Table rows ("Shr 42 cts vs 53 cts") that a scraper ran together
        # with a note under them; wire prose writes "versus"/"against".
        and toks.count("vs") < options.lede_max_vs
    )

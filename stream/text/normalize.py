"""Unicode/whitespace normalisation and the project's single tokeniser.

Both functions are pure and linear-time: every regular expression here is a
single character class (possibly with ``+``), so hostile input cannot make
them backtrack.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

__all__ = ["normalize_text", "tokenize"]

# Applied before NFKC: NFKC would turn a double prime into two primes and a
# triple prime into three, which then read as two/three quote characters.
_PRE_NFKC = (("\u2033", '"'), ("\u2036", '"'), ("\u2034", "'''"), ("\u2037", "'''"))

# Applied after NFKC (its output never re-creates these characters).
# Dashes keep whatever spacing surrounded them in the input.
_SPECIALS: tuple[tuple[str, str], ...] = (
    # single quotes, primes, modifier apostrophes
    ("\u2018", "'"), ("\u2019", "'"), ("\u201a", "'"), ("\u201b", "'"),
    ("\u2032", "'"), ("\u2035", "'"), ("\u02bc", "'"), ("\u02bb", "'"),
    ("\u0060", "'"), ("\u00b4", "'"),
    ("\u2039", "'"), ("\u203a", "'"),
    # double quotes, guillemets
    ("\u201c", '"'), ("\u201d", '"'), ("\u201e", '"'), ("\u201f", '"'),
    ("\u00ab", '"'), ("\u00bb", '"'), ("\u301d", '"'), ("\u301e", '"'),
    # hyphens, dashes, minus
    ("\u2010", "-"), ("\u2011", "-"), ("\u2012", "-"), ("\u2013", "-"),
    ("\u2014", "-"), ("\u2015", "-"), ("\u2212", "-"), ("\u2e3a", "-"),
    ("\u2e3b", "-"),
    # the one Unicode space NFKC does not fold to U+0020
    ("\u1680", " "),
)

# Line/paragraph separators other than "\n" become "\n".
_NEWLINES_RE = re.compile(r"\r\n?|[\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
# C0/C1 controls (except \t and \n, handled separately), soft hyphen,
# zero-width and bidi/format characters, BOM, interlinear annotations.
_INVISIBLE_RE = re.compile(
    "[\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f\u00ad\u061c\u180e"
    "\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]+"
)
_SPACES_RE = re.compile(r"  +")
_BLANK_RUN_RE = re.compile(r"\n{3,}")


# Printable ASCII and "\n": an ASCII text whose bytes, these deleted, leave
# nothing has no control character (bytes.translate is ~4x cheaper than
# str.isprintable on a copy with its newlines replaced).
_PRINTABLE_OR_NEWLINE = bytes(range(32, 127)) + b"\n"


def _has_controls(s: str) -> bool:
    """Whether ``s`` holds a character other than "\n" that is not printable."""
    if s.isascii():
        return bool(s.encode("ascii").translate(None, _PRINTABLE_OR_NEWLINE))
    return not s.replace("\n", " ").isprintable()


def normalize_text(s: str) -> str:
    """Return ``s`` in the project's canonical text form.

    NFKC; curly quotes/primes become ``'``/``"``; dashes/minus become ``-``
    (spacing around them is preserved); NBSP and other Unicode spaces become
    an ordinary space (so words on either side do not fuse); zero-width,
    BOM, bidi and control characters are removed; tabs and runs of spaces
    become one space; each line is stripped; paragraph breaks become exactly
    one blank line; no leading/trailing whitespace. Idempotent.
    """
    # Each step is guarded by a C-speed test (``in``, ``isprintable``) and
    # uses ``str.replace`` where it can: regexes without a literal prefix
    # cost ~20 ns per character even when nothing matches, which on 2 MB of
    # hostile text would blow the per-stage budget.
    if not s:
        return ""
    if not s.isascii():
        for old, new in _PRE_NFKC:
            if old in s:
                s = s.replace(old, new)
        s = unicodedata.normalize("NFKC", s)
        for old, new in _SPECIALS:
            if old in s:
                s = s.replace(old, new)
    if "\r" in s:
        s = s.replace("\r\n", "\n").replace("\r", "\n")
    if "\t" in s:
        s = s.replace("\t", " ")
    if _has_controls(s):
        s = _NEWLINES_RE.sub("\n", s)
        s = _INVISIBLE_RE.sub("", s)
    if "  " in s:
        s = _SPACES_RE.sub(" ", s)
    if " \n" in s:
        s = s.replace(" \n", "\n")
    if "\n " in s:
        s = s.replace("\n ", "\n")
    if "\n\n\n" in s:
        s = _BLANK_RUN_RE.sub("\n\n", s)
    return s.strip(" \n")


# One token: a run of Unicode letters/digits (``[^\W_]``). Digit groups
# joined by "." or "," stay one token ("3.5", "1,000"). Internal apostrophes
# keep contractions and names whole ("don't", "o'neill"), except the
# possessive "'s", which is dropped ("Kim's" -> "kim") so that possessives
# match their base name in shingles and subject rules. Hyphens always split
# ("end-of-summit" -> "end", "of", "summit") so hyphenated and spaced
# spellings tokenise alike. Letters followed by combining marks (some Indic
# scripts) are split at the mark: a known limit of ``re``'s ``\w``, accepted
# because the ``regex`` module's \p{M}-aware class measured ~50% slower and
# the corpus is English. Each repetition consumes at least one character
# and the alternatives are disjoint, so matching is linear.
_TOKEN_RE = re.compile(
    r"([^\W_]+(?:(?<=\d)[.,]\d+)*(?:'(?!s\b)[^\W_]+)*)(?:'s\b)?"
)
# The same rules for lower-cased ASCII text, where ``[^\W_]`` is exactly
# ``[a-z0-9]``: an explicit ASCII class skips sre's Unicode category test
# per character. Text without an apostrophe needs no apostrophe branch and
# no capture group either. Together ~35% faster on Reuters-21578 (99.99%
# ASCII, 24% of texts with an apostrophe); same tokens (tests compare).
_ASCII_TOKEN_RE = re.compile(
    r"([a-z0-9]+(?:(?<=\d)[.,]\d+)*(?:'(?!s\b)[a-z0-9]+)*)(?:'s\b)?", re.ASCII
)
_ASCII_PLAIN_TOKEN_RE = re.compile(r"[a-z0-9]+(?:(?<=\d)[.,]\d+)*", re.ASCII)


# Fast path, on bytes (``bytes.translate`` is a table lookup per byte, ~3x
# cheaper than ``str.translate``). The text is encoded to ASCII with every
# other character as "?", so each character is one byte and positions agree
# between these views of it:
# - _PIECES: every ASCII character that can neither be in a token nor change
#   where one ends (under re.ASCII, "\b" sees [a-z0-9_] as word characters)
#   becomes a space, upper case becomes lower: the text cut into pieces that
#   each hold whole tokens (the regex gives the same tokens piece by piece);
#   in _UNICODE_PIECES, "?" (which may stand for a letter) stays in a piece;
# - _WORDS: the same with "." "," "'" "_" "?" as spaces too;
# - _CLASSES: digits as "0", "." and "," as ".", "'" kept, the rest spaces;
#   in _UNICODE_CLASSES, "?" (maybe non-ASCII) is marked like "'".
# A piece without "'", non-ASCII character or digit, separator, digit
# ("0.0") holds exactly the letter/digit runs of its _WORDS form, so a text's
# tokens are _WORDS split, except inside those "special" pieces (~5 of
# Reuters-21578's ~125 pieces per body), which go through the regex. Same
# tokens as the regex over the whole text (tests compare; checked on all
# four corpora): on bodies ~1.4x faster on Reuters-21578 and ~2x on BBC
# (16% of whose texts hold a "£" and went through the Unicode regex) than
# splitting every piece and testing each (measured side by side, session 4).
_KEEP = frozenset("abcdefghijklmnopqrstuvwxyz0123456789_.,'")


def _byte_table(f: Callable[[str], str]) -> bytes:
    return bytes(ord(f(chr(c))) if c < 128 else 32 for c in range(256))


_PIECES = _byte_table(lambda c: c.lower() if c.lower() in _KEEP else " ")
_UNICODE_PIECES = _byte_table(lambda c: c.lower() if c.lower() in _KEEP or c == "?" else " ")
_WORDS = _byte_table(lambda c: c.lower() if c.lower() in _KEEP and c not in "_.,'" else " ")
_CLASSES = _byte_table(lambda c: "0" if c.isdigit() else "." if c in ".," else c if c == "'" else " ")
_UNICODE_CLASSES = _byte_table(lambda c: "0" if c.isdigit() else "." if c in ".," else "'" if c in "'?" else " ")


def tokenize(s: str) -> list[str]:
    """Lower-cased word tokens of ``s``; the one tokenisation all stages share.

    See ``_TOKEN_RE`` for the rules (possessive "'s" dropped, hyphens split,
    numbers kept with their decimal/thousands separators). Works on raw or
    normalised text alike; never raises on a ``str``.
    """
    ascii_ = s.isascii()
    # str.lower() turns a capital sigma into a final or a medial one
    # depending on its neighbours, so such text is lowered whole.
    if not ascii_ and "\u03a3" in s:
        return _unicode_tokens(s)
    raw = s.encode("ascii", "replace")
    words = raw.translate(_WORDS).decode("ascii")
    classes = raw.translate(_CLASSES if ascii_ else _UNICODE_CLASSES)
    quote, number = classes.find(b"'"), classes.find(b"0.0")
    if quote < 0 and number < 0:
        return words.split()
    # Text made mostly of special pieces ("1.5 1.5 ...", "a'b a'b"; hostile)
    # is cheaper in one regex pass than with a regex call per piece.
    if classes.count(b"'") + classes.count(b"0.0") > (len(s) >> 4) + 16:
        if not ascii_:
            return _unicode_tokens(s)
        s = s.lower()
        return _ASCII_TOKEN_RE.findall(s) if "'" in s else _ASCII_PLAIN_TOKEN_RE.findall(s)
    pieces = raw.translate(_PIECES if ascii_ else _UNICODE_PIECES).decode("ascii")
    out: list[str] = []
    find = _ASCII_TOKEN_RE.findall
    done, end = 0, len(s)
    while quote >= 0 or number >= 0:
        at = quote if number < 0 or 0 <= quote < number else number
        first = pieces.rfind(" ", done, at) + 1
        last = pieces.find(" ", at)
        if last < 0:
            last = end
        out += words[done:first].split()
        out += find(pieces[first:last]) if ascii_ else _unicode_tokens(s[first:last])
        done = last
        if quote >= 0 and quote < last:
            quote = classes.find(b"'", last)
        if number >= 0 and number < last:
            number = classes.find(b"0.0", last)
    out += words[done:].split()
    return out


def _unicode_tokens(s: str) -> list[str]:
    s = s.lower()
    if "\u2019" in s:  # so raw "O\u2019Neill" and normalised "O'Neill" agree
        s = s.replace("\u2019", "'")
    return _TOKEN_RE.findall(s)

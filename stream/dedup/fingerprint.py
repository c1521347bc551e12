"""Content fingerprints for de-duplication: pure, deterministic, vectorised.

An article's body tokens become overlapping word shingles, each hashed to 32
bits with a fixed mixing function (no per-process salt, so every worker and
every replay agrees). From those hashes we keep:

- ``content_hash``: a digest of the whole normalised token stream (exact copies);
- ``sketch``: the ``k`` smallest distinct shingle hashes (a bottom-k sketch),
  which estimates both resemblance (Jaccard) and containment (a teaser that
  holds only the first paragraphs of a story) against another sketch;
- ``anchor``: the routing key that brings syndicated copies to one partition:
  the smallest hash of a run of *content* words at the end of the lede
  sentence (:func:`lede_tokens`, :func:`anchor_grams`). Wire copies keep the
  wire lede even when outlets change headline, chrome and tail. What they add
  at the top of a page (captions, menus, bylines, timestamps, a dateline) is
  a short sentence, or lands at the *start* of the lede when a scraper joins
  lines; what they change inside it is house style on function words
  ("said"/"says", "pct"/"percent", "U.S."/"US"), which the anchor ignores.
  A text with no lede sentence (an earnings table) is anchored on its first
  runs that hold a figure;
- ``lede``: the bottom hashes of those runs, the lede sample that lets a
  teaser or a copy buried in chrome match its original when whole-text
  similarity cannot (see :mod:`stream.dedup.decide`).
"""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import dataclass, field

import numpy as np
import xxhash

from stream.text.normalize import tokenize

_M64 = np.uint64(0xFFFFFFFFFFFFFFFF)
# Odd 64-bit multipliers (from splitmix64/murmur3 finalisers) for combining
# token hashes position-wise and mixing the result.
_POS_MULT = np.array(
    [0x9E3779B97F4A7C15, 0xBF58476D1CE4E5B9, 0x94D049BB133111EB, 0xFF51AFD7ED558CCD,
     0xC4CEB9FE1A85EC53, 0xD6E8FEB86659FD93, 0xA0761D6478BD642F, 0xE7037ED1A0B428DB],
    dtype=np.uint64,
)


@dataclass(frozen=True)
class FingerprintOptions:
    shingle: int = 4
    # Shingles are taken from at most this many leading tokens (the content
    # hash still covers all of them): a 2 MiB hostile body would otherwise
    # cost ~20 ms here, and no news article is near 15,000 words.
    max_tokens: int = 15_000
    # 64 x 4-byte hashes = 256 bytes of state per article; enough samples that
    # a 3-paragraph teaser of a 20-paragraph story still has ~10 hashes under
    # the story's sketch threshold (see containment()).
    sketch_size: int = 64
    # Last resort for the anchor (no content words): the minimum over this
    # many leading shingles.
    anchor_shingles: int = 56
    # The lede is the first sentence with at least this many words (after a
    # dateline): menus, bylines, timestamps and most captions left at the top
    # of a page are shorter, while a wire lede is one 20-45 word sentence. A
    # short first sentence is skipped in every copy alike, unless a copy
    # drops the paragraph after it. 12 was the best of 10/12/15 on the dev
    # set (eval/dedup).
    lede_min_words: int = 12
    # Above any page-top chrome the cleaner leaves (menus, captions, byline:
    # a few hundred characters), below the length of an earnings table.
    lede_max_start: int = 500
    lede_max_digit_share: float = 0.2
    lede_max_digits_before: int = 3
    # Content words of the lede hashed, in runs of ``anchor_run``: the last
    # ``lede_words`` for the lede sample, the last ``anchor_words`` for the
    # anchor (few enough that a long lede's edits rarely touch them, enough
    # that unrelated ledes do not share a run).
    anchor_run: int = 3
    lede_words: int = 30
    anchor_words: int = 10
    # Without a lede sentence: content words scanned, and runs with a number kept.
    anchor_scan_tokens: int = 200
    # Runs with a figure kept for a table's lede sample, and how many of the
    # first of them the anchor is the minimum of: few, so that a teaser
    # holding only the first rows keeps them all (4/6/8/12 tried on dev).
    table_grams: int = 8
    anchor_max_numeric: int = 6
    # Bottom hashes of the anchor's runs kept: the lede sample decisions
    # compare (a teaser or a copy with heavy chrome shares its lede).
    lede_sketch_size: int = 16


DEFAULT_FINGERPRINT_OPTIONS = FingerprintOptions()


@dataclass(frozen=True)
class Fingerprint:
    content_hash: str
    anchor: str
    sketch: np.ndarray  # sorted uint32, at most sketch_size
    shingles: int  # distinct shingles in the whole text
    lede: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.uint32))  # sorted uint32

    def lede_b64(self) -> str:
        return sketch_to_b64(self.lede)

    def sketch_b64(self) -> str:
        return sketch_to_b64(self.sketch)


def sketch_to_b64(sketch: np.ndarray) -> str:
    return base64.b64encode(sketch.astype("<u4").tobytes()).decode("ascii")


def sketch_from_b64(s: str) -> np.ndarray:
    return np.frombuffer(base64.b64decode(s), dtype="<u4").astype(np.uint32)


def _mix(h: np.ndarray) -> np.ndarray:
    # murmur3 fmix64: spreads every input bit over the output.
    h = h ^ (h >> np.uint64(33))
    h = h * np.uint64(0xFF51AFD7ED558CCD)
    h = h ^ (h >> np.uint64(33))
    h = h * np.uint64(0xC4CEB9FE1A85EC53)
    return h ^ (h >> np.uint64(33))


def shingle_hashes(tokens: list[str], shingle: int) -> np.ndarray:
    """32-bit hashes of each run of ``shingle`` consecutive tokens, in text order."""
    if not tokens:
        return np.zeros(0, dtype=np.uint32)
    xxh3 = xxhash.xxh3_64_intdigest
    # map() over C functions: ~3x faster than a generator expression.
    th = np.fromiter(map(xxh3, map(str.encode, tokens)), dtype=np.uint64, count=len(tokens))
    w = min(shingle, len(tokens))
    n = len(tokens) - w + 1
    with np.errstate(over="ignore"):
        acc = np.zeros(n, dtype=np.uint64)
        for j in range(w):
            acc = acc + th[j : j + n] * _POS_MULT[j % len(_POS_MULT)]
        return (_mix(acc) >> np.uint64(32)).astype(np.uint32)


# Words outlets change in a lede without changing the story: function words,
# reporting verbs and units spelled in house style ("U.S." -> u, s / "US").
ANCHOR_STOPWORDS: frozenset[str] = frozenset(
    """a an the of to in on at by for from with and or but as is are was were be been has have had
    it its this that these those he she they we his her their said says say told according also
    would will could may might can not no s u us uk pct percent per cent mln million bln billion
    dlrs dlr dollars stg yen up down about some more than after before over""".split()
)
# A sentence ends at . ! ? (maybe closed by a quote or bracket) before a space.
_SENTENCE_END_RE = re.compile(r"[.!?][\"')]?\s")
_TERMINAL = (".", "!", "?", '"', "'", ")")
_ABBREVIATIONS = frozenset(
    "corp inc co ltd plc cos bros mr mrs ms dr st jr sr no vs gov sen rep gen col lt sgt prof dept est approx"
    " jan feb mar apr jun jul aug sep sept oct nov dec mon tue wed thu fri sat sun".split()
)
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
    if "(" in head or any(m in head for m in _MONTHS) or any(len(w) > 2 and w.rstrip(",.").isupper() for w in words):
        return sent[cut + 3 :]
    return sent


def _sentences(line: str) -> list[str]:
    """``line`` cut after . ! ? + space, except after initials and abbreviations
    ("U.S.", "Corp.", "J. Smith"), which outlets spell differently."""
    out, pos = [], 0
    for m in _SENTENCE_END_RE.finditer(line + " "):
        word = line[line.rfind(" ", pos, m.start()) + 1 : m.start()]
        if "." in word or len(word) <= 1 or word.lower() in _ABBREVIATIONS:
            continue
        out.append(line[pos : m.end()].strip())
        pos = m.end()
    if pos < len(line):
        out.append(line[pos:].strip())
    return out


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
    numbers before it (so a note under an earnings table is not a lede).
    Captions, menus, bylines and timestamps left at the top of a page are
    shorter or do not end like a sentence. Paragraph breaks are not trusted:
    outlets and the cleaner join or split lines differently."""
    start, digits = 0, 0
    for line in text[: options.lede_max_start + 1000].split("\n"):
        for sent in _sentences(line):
            if start > options.lede_max_start or digits > options.lede_max_digits_before:
                break
            toks = tokenize(strip_dateline(sent))
            if sent.endswith(_TERMINAL) and _is_lede(toks, options):
                return Lede(toks, True)
            digits += sum(1 for t in toks if t[0].isdigit())
            start += len(sent) + 1
    return Lede(tokenize(strip_dateline(text[: options.lede_max_start + 1000])), False)


def _is_lede(toks: list[str], options: FingerprintOptions) -> bool:
    # Words, not numbers, are counted: a timestamp the cleaner joined to a
    # short first sentence must not make it long enough. A table row run
    # together with a note under it starts with numbers; a lede, once any
    # leading date or time is skipped, starts with words.
    numeric = [t[0].isdigit() for t in toks]
    lead = next((i for i, d in enumerate(numeric) if not d), len(numeric))
    words = len(numeric) - sum(numeric)
    return (
        words >= options.lede_min_words
        and sum(numeric) <= options.lede_max_digit_share * len(numeric)
        and sum(numeric[lead : lead + 10]) <= 2
    )


def _grams(words: list[str], run: int) -> np.ndarray:
    return shingle_hashes(words, run) if len(words) >= run else np.zeros(0, dtype=np.uint32)


def anchor_grams(tokens: list[str], lede: Lede | None, options: FingerprintOptions) -> tuple[np.ndarray, slice]:
    """Hashes of runs of content words, and the slice of them the anchor is the minimum of.

    With a lede sentence: its last ``lede_words`` content words, of which the
    anchor takes the last ``anchor_words`` -- the end of the lede, because a
    stray line the cleaner joined to a lede always lands at its start.
    Without (earnings tables, price lists): the first runs of the head that
    hold a figure, which page chrome almost never does; else its first
    content words."""
    if lede is not None and lede.sentence:
        words = [t for t in lede.tokens if t not in ANCHOR_STOPWORDS][-options.lede_words :]
        grams = _grams(words, options.anchor_run)
        if grams.size:
            return grams, slice(-(options.anchor_words - options.anchor_run + 1), None)
    head = (lede.tokens if lede is not None else tokens)[: options.anchor_scan_tokens]
    # Skip a leading date or time run (a timestamp joined to the first row).
    lead = next((i for i, t in enumerate(head) if not t[0].isdigit()), len(head))
    words = [t for t in head[lead:] if t not in ANCHOR_STOPWORDS]
    grams = _grams(words, options.anchor_run)
    if grams.size == 0:
        return grams, slice(None)
    digit = np.fromiter((t[0].isdigit() for t in words), dtype=bool, count=len(words))
    has = np.zeros(grams.size, dtype=bool)
    for j in range(options.anchor_run):
        has |= digit[j : j + grams.size]
    numeric = grams[has][: options.table_grams]
    if numeric.size:
        return numeric, slice(options.anchor_max_numeric)
    return grams[: options.lede_words], slice(None)


def fingerprint(tokens: list[str], options: FingerprintOptions = DEFAULT_FINGERPRINT_OPTIONS,
                lede: Lede | None = None) -> Fingerprint:
    """Fingerprint of a text's ``tokens``; ``lede`` is :func:`lede_tokens` of its text."""
    # 64 bits: compared only among one URL's revisions or one anchor's entries.
    digest = hashlib.blake2b(" ".join(tokens).encode("utf-8"), digest_size=8).hexdigest()
    hashes = shingle_hashes(tokens[: options.max_tokens], options.shingle)
    if hashes.size == 0:
        return Fingerprint(digest, "0" * 8, np.zeros(0, dtype=np.uint32), 0)
    distinct = np.unique(hashes)  # sorted ascending
    grams, part = anchor_grams(tokens, lede, options)
    if grams.size == 0:
        grams, part = hashes[: options.anchor_shingles], slice(None)
    lede_sketch = np.unique(grams)[: options.lede_sketch_size]
    return Fingerprint(
        content_hash=digest,
        anchor=f"{int(grams[part].min()):08x}",
        sketch=distinct[: options.sketch_size],
        shingles=int(distinct.size),
        lede=lede_sketch,
    )


def resemblance(a: np.ndarray, b: np.ndarray, k: int) -> float:
    """Jaccard estimate from two bottom-k sketches (Broder's estimator)."""
    if a.size == 0 or b.size == 0:
        return 0.0
    union_k = np.union1d(a, b)[:k]
    both = np.intersect1d(np.intersect1d(a, b, assume_unique=True), union_k, assume_unique=True)
    return float(both.size) / float(union_k.size)


def containment(small: np.ndarray, big: np.ndarray, big_full: bool, min_samples: int = 6) -> float | None:
    """Estimated fraction of ``small``'s shingles that also occur in ``big``.

    Only ``small``'s hashes at or below ``big``'s largest kept hash can be
    checked (``big`` keeps just its bottom k); when ``big`` kept everything
    (``big_full``) all can. ``None`` when too few hashes are checkable to say.
    """
    if small.size == 0 or big.size == 0:
        return None
    checkable = small if big_full else small[small <= big[-1]]
    if checkable.size < min(min_samples, small.size):
        return None
    return float(np.intersect1d(checkable, big, assume_unique=True).size) / float(checkable.size)

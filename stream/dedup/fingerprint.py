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
  two figures (numbers that are not dates, spelled ones included), which
  copies keep when they drop or insert rows or chrome lines further down;
- ``lede``: the bottom hashes of those runs (for a table: of its first
  figures, alone and in pairs), the lede sample that lets a teaser or a copy
  buried in chrome match its original when whole-text similarity cannot
  (see :mod:`stream.dedup.decide`).

Hashing is vectorised: each token is hashed once (xxh3), then the body's
shingles and the anchor's runs are combined and mixed in one numpy pass.
"""

from __future__ import annotations

import base64
import functools
import hashlib
from dataclasses import dataclass, field
from itertools import filterfalse

import numpy as np
import xxhash

from stream.dedup.lede import Lede, figures, lede_tokens, strip_dateline
from stream.dedup.options import DEFAULT_FINGERPRINT_OPTIONS, FingerprintOptions

__all__ = [
    "ANCHOR_STOPWORDS", "DEFAULT_FINGERPRINT_OPTIONS", "Fingerprint", "FingerprintOptions", "Lede",
    "anchor_grams", "containment", "figures", "fingerprint", "lede_tokens", "resemblance",
    "shingle_hashes", "sketch_from_b64", "sketch_to_b64", "strip_dateline", "token_hashes",
]
# Odd 64-bit multipliers (from splitmix64/murmur3 finalisers) for combining
# token hashes position-wise and mixing the result.
_POS_MULT = np.array(
    [0x9E3779B97F4A7C15, 0xBF58476D1CE4E5B9, 0x94D049BB133111EB, 0xFF51AFD7ED558CCD,
     0xC4CEB9FE1A85EC53, 0xD6E8FEB86659FD93, 0xA0761D6478BD642F, 0xE7037ED1A0B428DB],
    dtype=np.uint64,
)




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


_S33 = np.uint64(33)
_FMIX1, _FMIX2 = np.uint64(0xFF51AFD7ED558CCD), np.uint64(0xC4CEB9FE1A85EC53)


def _mix(h: np.ndarray) -> np.ndarray:
    """murmur3 fmix64, in place: spreads every input bit over the output."""
    h ^= h >> _S33
    h *= _FMIX1
    h ^= h >> _S33
    h *= _FMIX2
    h ^= h >> _S33
    return h


def token_hashes(tokens: list[str]) -> np.ndarray:
    """64-bit hash of each token (xxh3, no salt), in text order."""
    # map() over C functions: ~3x faster than a generator expression.
    return np.fromiter(map(_XXH3, map(str.encode, tokens)), dtype=np.uint64, count=len(tokens))


_XXH3 = xxhash.xxh3_64_intdigest
_XXH3_DIGEST = xxhash.xxh3_64_digest


def _combine(th: np.ndarray, w: int) -> np.ndarray:
    """Position-weighted sums of each run of ``w`` token hashes, not yet mixed."""
    th = np.ascontiguousarray(th)
    n = th.size - w + 1
    if n <= 0:
        return np.zeros(0, dtype=np.uint64)
    # Row i of this (n, w) view is th[i : i + w], without a copy: one integer
    # dot product (which wraps modulo 2**64 like the element-wise ops, so the
    # sums are the same) instead of 2w - 1 array operations, whose per-call
    # overhead is most of the cost on a news article's few hundred hashes.
    return _windows(th, n, w).dot(_weights((w,)))[:, 0]


def _distinct(h: np.ndarray) -> np.ndarray:
    """Sorted distinct values: np.unique's hash-table path costs ~3x more on
    the few hundred hashes of a news article."""
    h = np.sort(h)
    if h.size > 1:
        keep = np.empty(h.size, dtype=bool)
        keep[0] = True
        np.not_equal(h[1:], h[:-1], out=keep[1:])
        h = h[keep]
    return h


# Index of the high half of a native uint64 seen as two uint32.
_HIGH = 1 if np.little_endian else 0


def _finish(acc: np.ndarray) -> np.ndarray:
    """Mixed 32-bit hashes of ``acc`` (which is overwritten): the high halves,
    as a strided view rather than a shift and a copy (whoever keeps them
    sorts or copies them first)."""
    return _mix(acc).view(np.uint32)[..., _HIGH::2]


def shingle_hashes(tokens: list[str], shingle: int) -> np.ndarray:
    """32-bit hashes of each run of ``shingle`` consecutive tokens, in text order."""
    if not tokens:
        return np.zeros(0, dtype=np.uint32)
    # uint64 array arithmetic wraps silently (numpy warns on scalars only).
    return np.ascontiguousarray(_finish(_combine(token_hashes(tokens), min(shingle, len(tokens)))))


# Words outlets change in a lede without changing the story: function words,
# reporting verbs and units spelled in house style ("U.S." -> u, s / "US").
ANCHOR_STOPWORDS: frozenset[str] = frozenset(
    """a an the of to in on at by for from with and or but as is are was were be been has have had
    it its this that these those he she they we his her their said says say told according also
    would will could may might can not no s u us uk pct percent per cent mln million bln billion
    dlrs dlr dollars stg yen up down about some more than after before over""".split()
)
_IS_STOPWORD = ANCHOR_STOPWORDS.__contains__  # filterfalse over it runs in C
SENTENCE, FIGURES, HEAD = "sentence", "figures", "head"


def _anchor_words(tokens: list[str], lede: Lede | None, options: FingerprintOptions) -> tuple[list[str], str]:
    """The words the anchor's runs are taken from, and where they come from:
    a lede sentence's content words, a table's figures, or else a head's
    content words (a list, a text without a lede or figures)."""
    if lede is not None and lede.sentence:
        words = list(filterfalse(_IS_STOPWORD, lede.tokens))[-options.lede_words :]
        if len(words) >= options.anchor_run:
            return words, SENTENCE
    head = (lede.tokens if lede is not None else tokens)[: options.anchor_scan_tokens]
    figs = figures(head, spelled=True)
    if len(figs) >= options.table_figures:
        return figs[: options.table_lede_figures], FIGURES
    # Skip a leading date or time run (a timestamp joined to the first row).
    lead = next((i for i, t in enumerate(head) if not t[0].isdigit()), len(head))
    return list(filterfalse(_IS_STOPWORD, head[lead:])), HEAD


def _run(mode: str, options: FingerprintOptions) -> int:
    return options.table_figures if mode == FIGURES else options.anchor_run


def _select(grams: np.ndarray, words: list[str], mode: str,
            options: FingerprintOptions) -> tuple[np.ndarray, slice]:
    if grams.size == 0:
        return grams, slice(None)
    if mode == SENTENCE:
        # The end of the lede: a stray line the cleaner joined to a lede
        # always lands at its start.
        return grams, slice(-(options.anchor_words - options.anchor_run + 1), None)
    if mode == FIGURES:  # the single figures, then the pairs: the anchor is the first pair
        return grams, slice(len(words), len(words) + 1)
    # Runs holding a figure, which page chrome almost never does.
    run = options.anchor_run
    digit = [t[0].isdigit() for t in words]
    numeric = [i for i in range(grams.size) if any(digit[i : i + run])][: options.table_grams]
    if numeric:
        return grams[numeric], slice(options.anchor_max_numeric)
    return grams[: options.lede_words], slice(None)


def _words_for(tokens: list[str], lede: Lede | None, options: FingerprintOptions) -> tuple[list[str], str]:
    words, mode = _anchor_words(tokens, lede, options)
    if len(words) < _run(mode, options) and mode == SENTENCE and lede is not None:
        # A lede sentence of function words: take the head instead.
        words, mode = _anchor_words(tokens, Lede(lede.tokens, False), options)
    return (words if len(words) >= _run(mode, options) else []), mode


def anchor_grams(tokens: list[str], lede: Lede | None, options: FingerprintOptions) -> tuple[np.ndarray, slice]:
    """Hashes of the anchor's runs, and the slice of them the anchor is the minimum of.

    With a lede sentence: runs of its last ``lede_words`` content words, of
    which the anchor takes the last ``anchor_words``. A table (no lede, at
    least ``table_figures`` figures): runs of its first figures, the anchor
    being the first run. Otherwise: the first runs of the head's content
    words that hold a number, else its first content words."""
    words, mode = _words_for(tokens, lede, options)
    grams = shingle_hashes(words, _run(mode, options)) if words else _EMPTY
    if mode == FIGURES and words:
        grams = np.concatenate((shingle_hashes(words, 1), grams))
    return _select(grams, words, mode, options)


_EMPTY = np.zeros(0, dtype=np.uint32)


def fingerprint(tokens: list[str], options: FingerprintOptions = DEFAULT_FINGERPRINT_OPTIONS,
                lede: Lede | None = None) -> Fingerprint:
    """Fingerprint of a text's ``tokens``; ``lede`` is :func:`lede_tokens` of its text."""
    # 64 bits: compared only among one URL's revisions or one anchor's entries.
    joined = " ".join(tokens).encode("utf-8")
    digest = hashlib.blake2b(joined, digest_size=8).hexdigest()
    nb = min(len(tokens), options.max_tokens)  # the shingled head's length
    if not nb:
        return Fingerprint(digest, "0" * 8, _EMPTY, 0)
    words, mode = _words_for(tokens, lede, options)
    # One hashing pass, one product and one mixing pass for the body's
    # shingles and the anchor's runs together: on short wire stories numpy's
    # per-call overhead, not the arithmetic, is the cost. The tokens' bytes
    # come from one split of the digest's input (tokeniser tokens hold no
    # space) instead of one encode call per token.
    nw = len(words)
    pieces = joined.split(b" ")
    if len(pieces) != len(tokens):
        pieces = list(map(str.encode, tokens))
    del pieces[nb:]
    pieces.extend(map(str.encode, words))
    w, run = min(options.shingle, nb), _run(mode, options)
    # Column 0 combines runs of w tokens (the body's shingles), column 1 runs
    # of ``run`` (the anchor's), column 2 single tokens (a table's figures).
    weights = _weights((w, run, 1) if mode == FIGURES and words else (w, run) if words else (w,))
    rows = len(pieces)
    # Each row's window reaches width - 1 tokens further than any run it
    # starts: padding, hashed too, which only zero weights touch.
    pieces.extend([b""] * (weights.shape[0] - 1))
    # Digests (big-endian bytes) joined and read as one array: ~15% cheaper
    # than converting one Python int per token.
    th = np.frombuffer(b"".join(map(_XXH3_DIGEST, pieces)), dtype=">u8").astype(np.uint64)
    mixed = _finish(_windows(th, rows, weights.shape[0]).dot(weights))
    hashes = mixed[: nb - w + 1, 0]
    distinct = _distinct(hashes)
    if not words:
        grams: np.ndarray = _EMPTY
    elif mode == FIGURES:  # a small table has few pairs: its figures count alone too
        grams = np.concatenate((mixed[nb:, 2], mixed[nb : nb + nw - run + 1, 1]))
    else:
        grams = mixed[nb : nb + nw - run + 1, 1]
    grams, part = _select(grams, words, mode, options)
    if grams.size == 0:
        grams, part = hashes[: options.anchor_shingles], slice(None)
    # At most a few dozen values: plain Python sorts and picks them for less
    # than numpy's per-call overhead.
    values = grams.tolist()
    return Fingerprint(
        content_hash=digest,
        anchor=f"{min(values[part]):08x}",
        sketch=distinct[: options.sketch_size],
        shingles=int(distinct.size),
        lede=np.array(sorted(set(values))[: options.lede_sketch_size], dtype=np.uint32),
    )


def _windows(th: np.ndarray, rows: int, width: int) -> np.ndarray:
    """The (rows, width) view whose row i is th[i : i + width], without a copy."""
    return np.ndarray((rows, width), dtype=np.uint64, buffer=th, strides=(th.itemsize, th.itemsize))


@functools.lru_cache(maxsize=32)  # keys: a few run lengths (from the options and short texts)
def _weights(runs: tuple[int, ...]) -> np.ndarray:
    """Position weights: column c sums runs of runs[c] consecutive token hashes."""
    weights = np.zeros((max(runs), len(runs)), dtype=np.uint64)
    for c, r in enumerate(runs):
        weights[:r, c] = np.resize(_POS_MULT, r)
    weights.setflags(write=False)
    return weights


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

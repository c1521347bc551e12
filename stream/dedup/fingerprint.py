"""Content fingerprints for de-duplication: pure, deterministic, vectorised.

An article's body tokens become overlapping word shingles, each hashed to 32
bits with a fixed mixing function (no per-process salt, so every worker and
every replay agrees). From those hashes we keep:

- ``content_hash``: a digest of the whole normalised token stream (exact copies);
- ``sketch``: the ``k`` smallest distinct shingle hashes (a bottom-k sketch),
  which estimates both resemblance (Jaccard) and containment (a teaser that
  holds only the first paragraphs of a story) against another sketch;
- ``anchor``: the smallest shingle hash over the *lede* only. Wire copies keep
  the wire lede even when outlets change headline, chrome and tail, so the
  anchor is the routing key that brings syndicated copies to one partition.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass

import numpy as np
import xxhash

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
    # 64 x 4-byte hashes = 256 bytes of state per article; enough samples that
    # a 3-paragraph teaser of a 20-paragraph story still has ~10 hashes under
    # the story's sketch threshold (see containment()).
    sketch_size: int = 64
    # Shingles counted into the anchor: about the first 60 words, the wire
    # lede plus a sentence. Larger windows are broken by truncated teasers,
    # smaller ones by a stray caption line left at the top.
    anchor_shingles: int = 56


DEFAULT_FINGERPRINT_OPTIONS = FingerprintOptions()


@dataclass(frozen=True)
class Fingerprint:
    content_hash: str
    anchor: str
    sketch: np.ndarray  # sorted uint32, at most sketch_size
    shingles: int  # distinct shingles in the whole text

    def sketch_b64(self) -> str:
        return base64.b64encode(self.sketch.astype("<u4").tobytes()).decode("ascii")


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
    th = np.fromiter((xxh3(t.encode("utf-8")) for t in tokens), dtype=np.uint64, count=len(tokens))
    w = min(shingle, len(tokens))
    n = len(tokens) - w + 1
    with np.errstate(over="ignore"):
        acc = np.zeros(n, dtype=np.uint64)
        for j in range(w):
            acc = acc + th[j : j + n] * _POS_MULT[j % len(_POS_MULT)]
        return (_mix(acc) >> np.uint64(32)).astype(np.uint32)


def fingerprint(tokens: list[str], options: FingerprintOptions = DEFAULT_FINGERPRINT_OPTIONS) -> Fingerprint:
    digest = hashlib.blake2b(" ".join(tokens).encode("utf-8"), digest_size=12).hexdigest()
    hashes = shingle_hashes(tokens, options.shingle)
    if hashes.size == 0:
        return Fingerprint(digest, "0" * 8, np.zeros(0, dtype=np.uint32), 0)
    distinct = np.unique(hashes)  # sorted ascending
    anchor = int(hashes[: options.anchor_shingles].min())
    return Fingerprint(
        content_hash=digest,
        anchor=f"{anchor:08x}",
        sketch=distinct[: options.sketch_size],
        shingles=int(distinct.size),
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

"""Hostile input through the offline pipeline (no broker): every input ends in
an output record or a dead letter, nothing raises, no message costs more than
50 ms of CPU, and no regular expression in ``stream/`` backtracks
catastrophically.

``NEWSSTREAM_FUZZ_EXAMPLES`` raises the number of generated inputs for a
longer fuzzing session (e.g. 20000); the default keeps the suite fast.
"""

from __future__ import annotations

import gc
import importlib
import json
import os
import pkgutil
import random
import re
import time
from typing import Any

import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import stream
from stream.pipeline.offline import Pipeline
from stream.pipeline.prepare import Meta
from stream.records import article_id
from stream.settings import BREAKING, DEADLETTER, DUPLICATES, ENRICHED

#: The per-message CPU budget of the brief (time.process_time, one message).
CPU_BUDGET_S = 0.050
EXAMPLES = int(os.environ.get("NEWSSTREAM_FUZZ_EXAMPLES", "150"))
MAX_PAYLOAD = 2 * 1024 * 1024

_PIPELINE = Pipeline()


def run_one(payload: bytes, pipeline: Pipeline = _PIPELINE) -> tuple[list[Any], float]:
    """The fuzz target: one message through the pipeline, checked."""
    t0 = time.process_time()
    out = pipeline.run(payload, Meta(arrival_time=1.7e9, topic="news.raw", partition=0, offset=0))
    cpu = time.process_time() - t0
    topics = [t for t, _, _ in out]
    assert topics, "no output at all"
    assert set(topics) <= {ENRICHED, DUPLICATES, BREAKING, DEADLETTER}
    assert sum(t in (ENRICHED, DUPLICATES, DEADLETTER) for t in topics) == 1, topics
    aid = article_id(payload)
    for topic, _, rec in out:
        if topic == DEADLETTER:
            assert rec["id"] == "dl-" + aid
            orjson.dumps(rec)  # publishable as it is
        elif topic != BREAKING:
            assert rec["id"] == aid
            orjson.dumps(rec)
    return out, cpu


def article(**fields: Any) -> bytes:
    doc = {"url": "https://example.test/a", "title": "A title", "body": "Some body text here."}
    doc.update(fields)
    return json.dumps(doc, ensure_ascii=False).encode("utf-8", "surrogatepass")


# --- property tests ---------------------------------------------------------------

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=50),
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=10), inner, max_size=5),
    max_leaves=30,
)
hostile_text = st.text(
    alphabet=st.characters(codec="utf-8", categories=["L", "M", "N", "P", "S", "Z", "Cc", "Cf"]), max_size=400
)
fuzz_settings = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@fuzz_settings
@given(st.binary(max_size=2000))
def test_arbitrary_bytes(payload: bytes) -> None:
    run_one(payload)


@fuzz_settings
@given(st.dictionaries(st.sampled_from(["url", "title", "body", "html", "source", "published_at", "language",
                                        "authors", "tags", "id", "x"]), json_values | hostile_text, max_size=10))
def test_arbitrary_json_objects(doc: dict[str, Any]) -> None:
    run_one(json.dumps(doc).encode())  # json, not orjson: integers beyond 64 bits too


@fuzz_settings
@given(url=hostile_text, title=hostile_text, body=hostile_text, html=hostile_text,
       published_at=hostile_text | st.integers() | st.floats(allow_nan=False, allow_infinity=False))
def test_hostile_article_fields(url: str, title: str, body: str, html: str, published_at: Any) -> None:
    run_one(json.dumps({"url": "https://x.test/" + url, "title": title, "body": body, "html": html,
                        "published_at": published_at}, ensure_ascii=False).encode("utf-8", "surrogatepass"))


def test_mutated_real_messages() -> None:
    """Byte-level mutations (flips, inserts, truncations) of well-formed messages."""
    rng = random.Random(7)
    seeds = [article(body="Workers at the plant walked out on Monday. " * 20, tags=["a", "b"]),
             article(html="<html><body><p>Strike ends.</p><script>x()</script></body></html>", body=""),
             article(title="BREAKING: Talks collapse", published_at="2024-05-01T10:00:00Z")]
    for i in range(EXAMPLES * 2):
        b = bytearray(rng.choice(seeds))
        for _ in range(rng.randint(1, 8)):
            op, pos = rng.randrange(3), rng.randrange(len(b))
            if op == 0:
                b[pos] = rng.randrange(256)
            elif op == 1:
                b[pos:pos] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 6)))
            else:
                del b[pos:pos + rng.randint(1, 20)]
        run_one(bytes(b))


# --- pathological inputs, with the CPU budget --------------------------------------

def _nested(depth: int) -> bytes:
    return b'{"url":"https://x.test/","title":"t","body":"b","x":' + b"[" * depth + b"]" * depth + b"}"


_BIG = MAX_PAYLOAD - 4096  # just under the payload limit: the full path runs
PATHOLOGICAL: dict[str, bytes] = {
    "deep-nesting-100k": _nested(100_000),
    "deep-nesting-1000": _nested(1000),
    "over-limit": b" " * (MAX_PAYLOAD + 1),
    "huge-body-one-word": article(body="a" * _BIG),
    "huge-body-spaces": article(body=" " * _BIG),
    "huge-body-dots": article(body=". " * (_BIG // 2)),
    "huge-body-newlines": article(body="\n\t    x" * (_BIG // 7)),
    "huge-body-capitals": article(body="Aa " * (_BIG // 3)),
    "huge-body-byline": article(body="By Aa, " * (_BIG // 7)),
    "huge-title": article(title="Update: " * (_BIG // 8)),
    "huge-html-lt": article(body="", html="<" * _BIG),
    # Only 16 KiB: the HTML path costs ~16 us per byte of tiny paragraphs,
    # ~30 s CPU for 2 MiB (issue 7 report), far too slow for the suite.
    "html-tiny-paragraphs-16k": article(body="", html="<p>x</p>" * 2000),
    "huge-html-one-paragraph": article(body="", html="<p>" + "word " * (_BIG // 5) + "</p>"),
    "huge-url": article(url="https://" + "a." * (_BIG // 2)),
    "url-percent": article(url="https://x.test/" + "%" * (_BIG // 2)),
    "control-chars": article(title="\x00\x01\x1b[31m", body="".join(chr(c) for c in range(32)) * 1000),
    "bidi-and-zero-width": article(body="\u202e\u200b\ufeff\u2028\u2029" * 20000),
    "mixed-encodings": b'{"url":"https://x.test/","title":"caf\xe9","body":"na\xefve \xc3\xa9"}',
    "utf8-bom": b"\xef\xbb\xbf" + article(),
    "utf16": article().decode().encode("utf-16"),
    "lone-surrogate-escape": b'{"url":"https://x.test/","title":"\\ud800","body":"x"}',
    "many-tags": article(tags=["t"] * 100_000),
    "tickers": article(body="(ABC.D) <X> " * 50_000),
    "null-payload": b"",
    "json-scalar": b"42",
    "number-huge": b'{"url":"https://x.test/","title":"t","published_at":1' + b"0" * 400 + b"}",
}


#: Each of these was once over the budget (issue 7 report): 2 MiB of "Aa "
#: words ~100 ms, "(ABC.D) <X> " ~70 ms, one 2 MiB HTML paragraph ~67 ms,
#: 16 KiB of tiny HTML paragraphs ~450 ms (trafilatura, superlinear). Capping
#: the cleaned text at 100,000 characters, shingling at most 15,000 tokens
#: and sending only article-sized pages to trafilatura brought each under
#: 40 ms; they stay here as regression cases.


@pytest.mark.parametrize("name", sorted(PATHOLOGICAL))
def test_pathological_input(name: str) -> None:
    payload = PATHOLOGICAL[name]
    run_one(payload, Pipeline())  # warm-up: first-call costs are not per message
    # Best of three: on a shared machine CPU time only ever reads high
    # (cache and frequency contention), never low. The garbage collector is
    # paused: a collection costs what the whole test process has allocated,
    # not what this message costs.
    gc.collect()
    gc.disable()
    try:
        cpu = min(run_one(payload, Pipeline())[1] for _ in range(3))
        slowdown = _machine_slowdown()
    finally:
        gc.enable()
    # This VM's speed swings by up to ~1.7x within seconds (a fixed reference
    # workload took 28-47 ms in one minute), so the budget is scaled by the
    # reference measured right after the message: a ratio, not a wall time.
    assert cpu < CPU_BUDGET_S * slowdown, f"{name}: {cpu * 1000:.1f} ms CPU (machine slowdown {slowdown:.2f}x)"


_REF_TEXT = "The quick brown fox jumps over the lazy dog. " * 5000
#: The reference workload's CPU time on this machine when it is quiet.
_REF_NOMINAL_S = 0.028


def _machine_slowdown() -> float:
    def ref() -> float:
        t0 = time.process_time()
        for _ in range(3):
            words = re.findall(r"\w+", _REF_TEXT.lower())
            orjson.dumps(words)
            sorted(set(words))
        return time.process_time() - t0

    return max(1.0, min(ref() for _ in range(3)) / _REF_NOMINAL_S)


# --- every regular expression in stream/ ----------------------------------------

def _patterns() -> list[tuple[str, re.Pattern[str]]]:
    found = []
    for mod in pkgutil.walk_packages(stream.__path__, "stream."):
        if mod.name.endswith("__main__"):
            continue
        m = importlib.import_module(mod.name)
        for attr, v in vars(m).items():
            if isinstance(v, re.Pattern) and isinstance(v.pattern, str):
                found.append((f"{mod.name}.{attr}", v))
    return sorted(set(found), key=lambda t: t[0])


def _attacks(p: re.Pattern[str], size: int) -> list[str]:
    """Repetitions of the pattern's own literal characters, pairwise, plus a
    breaker at the end: the classic trigger of exponential backtracking."""
    lits = sorted({c for c in p.pattern if c.isprintable() and c not in "\\^$*+?{}()|[]"} | {" ", "a", "A", "1"})
    out = [c * size for c in lits[:40]]
    out += [(a + b) * (size // 2) + "!\n" for a in lits[:16] for b in lits[:16] if a < b]
    return out


PATTERNS = _patterns()


def test_patterns_were_found() -> None:
    assert len(PATTERNS) >= 20, [n for n, _ in PATTERNS]


@pytest.mark.parametrize("name,pattern", PATTERNS, ids=[n for n, _ in PATTERNS])
def test_regex_is_linear_on_hostile_input(name: str, pattern: re.Pattern[str]) -> None:
    """An anchored match over 20k hostile characters, and a full scan over 1k:
    exponential backtracking costs seconds on either, a linear pattern well
    under a millisecond. (A full scan over 20k also exposes merely quadratic
    patterns, e.g. a leading ``\\s*``; the ones found are applied with
    ``match`` or to bounded slices only, and the end-to-end budget above
    covers how they are really used.)"""
    worst = 0.0
    for s in _attacks(pattern, 20_000):
        t0 = time.process_time()
        pattern.match(s)
        for _ in pattern.finditer(s[:1000]):
            pass
        worst = max(worst, time.process_time() - t0)
    assert worst < CPU_BUDGET_S, f"{name}: {worst * 1000:.1f} ms"

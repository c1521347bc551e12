"""What the keyed agents spend per article on envelope bytes, whole envelopes against two-part ones.

    .venv/bin/python bench/hop_codec.py [--n 4000]

Envelopes of the first ``--n`` Reuters stories (the prepare step's output),
in batch records as the agents exchange them. Per article, on the worker's
event loop: the content agent decodes its record and encodes the envelope
for the story route, the story agent decodes that and encodes the output
record. Whole envelopes (a JSON array, before the eleventh session) against
two-part ones (stream/kafka/batches.py: the article's head decoded, the rest
as bytes). Also reported: what framing costs the prepare step, which runs
in a prepare process. Best of ``--repeat`` passes, microseconds of wall
time per article.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.corpus import reuters_messages  # noqa: E402
from stream.kafka.batches import FRAMED, article_bytes, frame, unpack  # noqa: E402
from stream.pipeline.prepare import Meta, Preparer  # noqa: E402


def best_us(f: Callable[[], Any], n: int, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        f()
        best = min(best, time.perf_counter() - t0)
    return round(best / n * 1e6, 2)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=4000)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    preparer = Preparer()
    envs = []
    for payload in itertools.islice(reuters_messages(), args.n):
        try:
            envs.append(preparer.prepare(payload, Meta(0.0)))
        except Exception:  # refused input goes to the dead-letter topic, not the hops
            continue
    n = len(envs)
    whole_record = b"[" + b",".join(map(orjson.dumps, envs)) + b"]"
    framed_record = FRAMED + b"\n".join(map(frame, envs))
    whole_envs = [e for e, _ in unpack(whole_record)]
    framed_envs = unpack(framed_record)

    def whole_hops() -> None:
        for env, _ in unpack(whole_record):  # content agent
            orjson.dumps(env)  # to the story route
        for env, _ in unpack(whole_record):  # story agent
            orjson.dumps(env["article"])  # the output record

    def framed_hops() -> None:
        for env, rest in unpack(framed_record):
            frame(env, rest)
        for env, rest in unpack(framed_record):
            article_bytes(env["article"], rest)

    out = {
        "articles": n,
        "envelope_bytes": round(len(whole_record) / n),
        "head_bytes": round(sum(len(orjson.dumps(e)) for e, _ in framed_envs) / n),
        "event_loop_us_per_article": {
            "whole": best_us(whole_hops, n, args.repeat),
            "two_part": best_us(framed_hops, n, args.repeat),
        },
        "prepare_step_us_per_article": {
            "whole": best_us(lambda: [orjson.dumps(e) for e in envs], n, args.repeat),
            "two_part": best_us(lambda: [frame(e) for e in envs], n, args.repeat),
        },
    }
    # The two forms publish the same article.
    for env, (head, rest) in zip(whole_envs, framed_envs, strict=True):
        assert orjson.loads(article_bytes(head["article"], rest)) == env["article"]
    loop = out["event_loop_us_per_article"]
    out["ratio_two_part_to_whole"] = round(loop["two_part"] / loop["whole"], 2)
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()

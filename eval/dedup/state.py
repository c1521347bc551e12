"""De-duplication state size: JSON bytes per article and process RSS after N articles.

    .venv/bin/python eval/dedup/state.py --articles 100000

Replays the corpora (read at run time) through ``stream.pipeline.offline.Pipeline``
with fresh URLs and light edits (house-style words, quote styles, headline
decorations), pass after pass, ``--days-per-pass`` of event time apart, so
later passes are partly near copies of earlier ones (as a real feed is) and
partly new. Every simulated day ``stream.dedup.decide.sweep`` drops the keys
that left the window, as the Faust layer's timer would.

Reports the JSON size of the URL and content tables (as the Faust tables
store them) per article, the number of keys, and the process's RSS.
"""

from __future__ import annotations

import argparse
import itertools
import random
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import orjson
import psutil

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from eval.dedup import chrome  # noqa: E402
from eval.dedup.generate import SHARED, T0, _iso, load  # noqa: E402
from stream.dedup.decide import sweep  # noqa: E402
from stream.pipeline.offline import Pipeline  # noqa: E402
from stream.pipeline.prepare import Meta  # noqa: E402

DAY = 86400.0


def messages(n: int, days_per_pass: float, seed: int) -> Iterator[tuple[float, bytes]]:
    """Made one at a time, so that the RSS measured is the pipeline's, not the input's."""
    rng = random.Random(seed)
    arts = load(SHARED, 0) + load(SHARED, 1)
    made, p = 0, 0
    while made < n:
        order = list(range(len(arts)))
        rng.shuffle(order)
        for k, i in enumerate(order[: n - made]):
            a = arts[i]
            site = rng.choice(chrome.SITES)
            t = T0 + (p + k / len(order)) * days_per_pass * DAY
            pars = [chrome.restyle(rng, par) for par in a["pars"]]
            msg = {"url": f"https://{site[0]}/p{p}/{a['id']}", "title": chrome.headline(rng, a["title"], site),
                   "body": "\n\n".join(pars), "source": site[1], "published_at": _iso(t)}
            made += 1
            yield t, orjson.dumps(msg)
        p += 1


def table_bytes(state: dict) -> int:
    return sum(len(k.encode()) + len(orjson.dumps(v)) for k, v in state.items())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=100_000)
    ap.add_argument("--days-per-pass", type=float, default=3.0)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    proc = psutil.Process()
    msgs = messages(args.articles, args.days_per_pass, args.seed)
    first = next(msgs)  # the corpus is loaded now
    rss0 = proc.memory_info().rss
    p = Pipeline()
    url, content = p.url.state, p.content.state
    next_sweep, swept, peak = T0 + DAY, 0, (0, 0)
    outcomes: dict[str, int] = {}
    t0 = time.perf_counter()
    t_first = t = first[0]
    n = 0
    for i, (t, m) in enumerate(itertools.chain([first], msgs)):
        n += 1
        for topic, _, rec in p.run(m, Meta(arrival_time=t, offset=i))[:1]:
            outcomes[topic] = outcomes.get(topic, 0) + 1
        if t >= next_sweep:
            for state in (url, content):
                for key in sweep(state, t):
                    del state[key]
                    swept += 1
            next_sweep += DAY
            peak = max(peak, (len(url), len(content)))
    secs = time.perf_counter() - t0
    ub, cb = table_bytes(url), table_bytes(content)
    entries = sum(len(v) for v in content.values())
    res = {
        "articles": n,
        "event_days": round((t - t_first) / DAY, 1),
        "outcomes": outcomes,
        "url_keys": len(url), "content_keys": len(content), "content_entries": entries,
        "keys_swept": swept, "peak_keys": peak,
        "url_bytes_per_key": round(ub / max(1, len(url))),
        "content_bytes_per_entry": round(cb / max(1, entries)),
        "state_bytes_per_live_article": round((ub + cb) / max(1, len(url))),
        "rss_mb_after": round(proc.memory_info().rss / 2**20),
        "rss_mb_corpus_loaded": round(rss0 / 2**20),
        "articles_per_s": round(n / secs),
    }
    print(orjson.dumps(res, option=orjson.OPT_INDENT_2).decode())


if __name__ == "__main__":
    main()

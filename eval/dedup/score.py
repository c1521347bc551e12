"""Score de-duplication on a generated stream (see generate.py), ours and datasketch's, one run.

    .venv/bin/python eval/dedup/score.py --set dev            # sweeps datasketch's threshold
    .venv/bin/python eval/dedup/score.py --set unseen         # uses the dev-chosen threshold
    .venv/bin/python eval/dedup/score.py --set dev --errors 20

Three systems see the same messages in the same order:

(a) ``pipeline``: ``stream.pipeline.offline.Pipeline``, the whole pipeline as
    users run it (parse, clean, fingerprint, subjects, status, dedup, stories);
(b) ``dedup``: our fingerprint + content stage + URL stage alone, from the
    cleaned text's tokens (what (a) computed, prepared outside the timer);
(c) ``datasketch``: MinHash (5-word shingles of the same tokens, 128
    permutations) + MinHashLSH query/insert per article, the first-inserted
    candidate taken as the original. It has no notion of a page, so it only
    sees the articles that are not re-scrapes or updates by label.

Metrics (per article, in stream order): a *positive* is an article whose story
(``group``) already had an article earlier in the stream. A duplicate call is
a hit when it points into the same group, a false merge when it points into a
group that is not in the same natural cluster (the corpus's own overlapping
articles, see ``generate.natural_pairs``), and ignored otherwise.
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import orjson

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from stream.dedup.decide import PUBLISHED  # noqa: E402
from stream.dedup.fingerprint import DEFAULT_FINGERPRINT_OPTIONS, fingerprint, lede_tokens  # noqa: E402
from stream.pipeline.keyed import ContentStage, UrlStage  # noqa: E402
from stream.pipeline.offline import EventClock, Pipeline  # noqa: E402
from stream.pipeline.parallel import run_stream  # noqa: E402
from stream.pipeline.prepare import Meta  # noqa: E402
from stream.text.normalize import tokenize  # noqa: E402

OUT = Path(__file__).resolve().parent / "out"
CONTENT_KINDS = ("original", "copy", "teaser", "followup", "correction")
# Chosen on the dev set (best syndicated-copy F1 of the sweep, 2026-11-30).
DATASKETCH_THRESHOLD = 0.3

Pred = tuple[str, int | None] | None  # (status, index of the article it duplicates)


def load(path: Path) -> list[dict[str, Any]]:
    return [orjson.loads(line) for line in open(path, "rb")]


def run_pipeline(items: list[dict[str, Any]]) -> tuple[list[Pred], float, list[dict[str, Any] | None]]:
    p = Pipeline()
    clock = EventClock()
    payloads = [orjson.dumps(it["msg"]) for it in items]
    by_id: dict[str, int] = {}
    preds: list[Pred] = []
    seen: list[dict[str, Any] | None] = []
    prepare = p.preparer.prepare

    def keep(payload: bytes, meta: Meta) -> dict[str, Any]:
        # The envelope as the stateless stage made it, for (b) and (c).
        env = prepare(payload, meta)
        seen[-1] = {"article": {k: env["article"][k] for k in ("id", "title", "text", "canonical_url")},
                    "fp": dict(env["fp"]), "et": env["et"]}
        return env

    p.preparer.prepare = keep  # type: ignore[method-assign]
    gc.collect()
    t0 = time.perf_counter()
    for i, m in enumerate(payloads):
        seen.append(None)
        preds.append(_pred(p.run(m, Meta(arrival_time=clock.observe(m), offset=i)), i, by_id))
    return preds, time.perf_counter() - t0, seen


def _pred(out: list[Any], i: int, by_id: dict[str, int]) -> Pred:
    """The dedup decision in message ``i``'s outputs, as (status, index of the original)."""
    rec = out[0][2]
    if "duplicate" not in rec:
        return None  # a dead letter
    by_id[rec["id"]] = i
    d = rec["duplicate"]
    return d["status"], by_id.get(d["of"]) if d["of"] else None


def run_pipeline_pool(items: list[dict[str, Any]], jobs: int) -> tuple[list[Pred], float]:
    """(a) again, with the stateless stage in ``jobs`` processes (stream.pipeline.parallel)."""
    p = Pipeline()
    clock = EventClock()
    payloads = [orjson.dumps(it["msg"]) for it in items]
    metas = [(m, Meta(arrival_time=clock.observe(m), offset=i)) for i, m in enumerate(payloads)]
    by_id: dict[str, int] = {}
    preds: list[Pred] = []
    gc.collect()
    t0 = time.perf_counter()
    for i, out in enumerate(run_stream(p, metas, jobs)):
        preds.append(_pred(out, i, by_id))
    return preds, time.perf_counter() - t0


def dedup_inputs(seen: list[dict[str, Any] | None]) -> list[dict[str, Any] | None]:
    """Cleaned text, tokenised (as the stateless stage does), outside any timer."""
    out: list[dict[str, Any] | None] = []
    for env in seen:
        if env is None:
            out.append(None)
            continue
        text = env["article"]["text"]
        tokens = tokenize(text)
        out.append({"env": env, "tokens": tokens or tokenize(env["article"]["title"]),
                    "paragraphs": text.split("\n\n") if tokens else None})
    return out


def run_dedup(envs: list[dict[str, Any] | None]) -> tuple[list[Pred], float]:
    url, content = UrlStage({}), ContentStage({})
    by_id: dict[str, int] = {}
    preds: list[Pred] = []
    gc.collect()
    t0 = time.perf_counter()
    for i, e in enumerate(envs):
        if e is None:
            preds.append(None)
            continue
        env = e["env"]
        lede = lede_tokens(e["env"]["article"]["text"]) if e["paragraphs"] else None
        fp = fingerprint(e["tokens"], DEFAULT_FINGERPRINT_OPTIONS, lede)
        env["fp"] = {"h": fp.content_hash, "a": fp.anchor, "sk": fp.sketch_b64(), "n": fp.shingles,
                     "ls": fp.lede_b64(), "th": env["fp"]["th"]}
        content.process(env)
        d = url.process(env)
        by_id[env["article"]["id"]] = i
        preds.append((d.status, by_id.get(d.of) if d.of else None))
    return preds, time.perf_counter() - t0


def datasketch_inputs(items: list[dict[str, Any]], envs: list[dict[str, Any] | None]) -> list[list[bytes] | None]:
    out: list[list[bytes] | None] = []
    for it, e in zip(items, envs, strict=True):
        if e is None or it["label"]["kind"] not in CONTENT_KINDS:
            out.append(None)
            continue
        t = e["tokens"]
        out.append([" ".join(t[i : i + 5]).encode() for i in range(max(1, len(t) - 4))])
    return out


def run_datasketch(shingles: list[list[bytes] | None], threshold: float,
                   minhashes: list[Any] | None = None) -> tuple[list[Pred], float]:
    from datasketch import MinHash, MinHashLSH

    lsh = MinHashLSH(threshold=threshold, num_perm=128)
    preds: list[Pred] = []
    gc.collect()
    t0 = time.perf_counter()
    for i, sh in enumerate(shingles):
        if sh is None:
            preds.append(None)
            continue
        if minhashes is not None:
            m = minhashes[i]
        else:
            m = MinHash(num_perm=128)
            m.update_batch(sh)
        found = lsh.query(m)
        if found:
            preds.append(("near", min(found)))
        else:
            lsh.insert(i, m)
            preds.append(("unique", None))
    return preds, time.perf_counter() - t0


def minhashes_of(shingles: list[list[bytes] | None]) -> list[Any]:
    from datasketch import MinHash

    out = []
    for sh in shingles:
        m = None
        if sh is not None:
            m = MinHash(num_perm=128)
            m.update_batch(sh)
        out.append(m)
    return out


def score(items: list[dict[str, Any]], preds: list[Pred]) -> dict[str, Any]:
    labels = [it["label"] for it in items]
    seen: set[int] = set()
    c: Counter[str] = Counter()
    errors: list[tuple[str, int, int | None]] = []
    for i, (lab, pr) in enumerate(zip(labels, preds, strict=True)):
        kind = lab["kind"]
        if pr is not None and pr[1] is not None and (preds[pr[1]] is None or preds[pr[1]][0] not in PUBLISHED):
            c["of_unpublished"] += 1  # the invariant: duplicate.of is in news.enriched
            errors.append(("of_unpublished", i, pr[1]))
        # A re-scrape or revision must point at a published article of its
        # page's story: the page's first revision, or, when that was itself
        # a copy, the article it copied (stream.dedup.decide.decide_url).
        if kind == "rescrape":
            c["rescrape"] += 1
            ok = pr is not None and pr[0] == "exact" and _published_in(preds, labels, pr[1], lab)
            c["rescrape_ok"] += ok
            if not ok:
                errors.append(("rescrape_missed", i, lab["url_first"]))
            continue
        if kind == "update":
            c["update"] += 1
            ok = pr is not None and pr[0] == "update" and _published_in(preds, labels, pr[1], lab)
            c["update_ok"] += ok
            if not ok:
                errors.append(("update_missed", i, pr[1] if pr else None))
            continue
        if pr is None:
            c["dropped"] += 1
            continue
        positive = lab["group"] in seen
        seen.add(lab["group"])
        dup = pr[0] in ("exact", "near")
        of = labels[pr[1]] if dup and pr[1] is not None else None
        if dup and (of is None or of["group"] != lab["group"]):
            if of is not None and of["natural"] == lab["natural"]:
                c["ambiguous"] += 1
                continue
            c["fp"] += 1
            c["fp_hard"] += lab["hard"] or (of is not None and of["hard"])
            errors.append(("false_merge", i, pr[1]))
        if positive:
            c["pos"] += 1
            c[f"pos_{kind}"] += 1
            if dup and of is not None and of["group"] == lab["group"]:
                c["tp"] += 1
                c[f"tp_{kind}"] += 1
            else:
                errors.append(("missed", i, None))
        if lab["hard"]:
            c["hard"] += 1
    tp, fp, pos = c["tp"], c["fp"], c["pos"]
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / pos if pos else 1.0
    return {
        "precision": round(p, 4), "recall": round(r, 4), "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
        "tp": tp, "fp": fp, "fn": pos - tp,
        "recall_copy": round(c["tp_copy"] / max(1, c["pos_copy"]), 4),
        "recall_teaser": round(c["tp_teaser"] / max(1, c["pos_teaser"]), 4),
        "hard_negatives": c["hard"], "false_merges_hard": c["fp_hard"], "ambiguous": c["ambiguous"],
        "of_unpublished": c["of_unpublished"],
        "exact_rate": round(c["rescrape_ok"] / c["rescrape"], 4) if c["rescrape"] else None,
        "update_rate": round(c["update_ok"] / c["update"], 4) if c["update"] else None,
        "_errors": errors,
    }


def _published_in(preds: list[Pred], labels: list[dict[str, Any]], of: int | None, lab: dict[str, Any]) -> bool:
    """Whether ``of`` names an article that was published (unique or update)
    in the story of ``lab``'s page (its natural cluster: the page's first
    revision may have copied a corpus article that overlaps its own)."""
    if of is None or preds[of] is None or preds[of][0] not in PUBLISHED:
        return False
    return bool(labels[of]["natural"] == labels[lab["url_first"]]["natural"])


def show_errors(items: list[dict[str, Any]], errors: list[tuple[str, int, int | None]], n: int) -> None:
    for what, i, j in errors[:n]:
        a = items[i]
        body = a["msg"]["body"] or a["msg"].get("html", "")
        print(f"--- {what} #{i} {a['label']}\n  {a['msg']['title']!r}\n  {body[:300]!r}")
        if j is not None:
            b = items[j]
            print(f"  OF #{j} {b['label']}\n  {b['msg']['title']!r}\n  {(b['msg']['body'] or '')[:300]!r}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--set", default="dev")
    ap.add_argument("--path", type=Path, default=None)
    ap.add_argument("--ds-threshold", type=float, default=None,
                    help="datasketch LSH threshold (default: sweep on dev, the dev choice elsewhere)")
    ap.add_argument("--errors", type=int, default=0, help="print this many of our errors")
    ap.add_argument("--save", type=Path, default=None)
    ap.add_argument("--jobs", type=int, default=2,
                    help="also time (a) with this many prepare processes (0: skip); its decisions must equal (a)'s")
    ap.add_argument("--dedup-only", action="store_true",
                    help="skip (a), reuse the cleaned texts cached by the last full run (for tuning)")
    args = ap.parse_args()
    path = args.path or OUT / f"{args.set}.jsonl"
    items = load(path)
    n = len(items)
    cache = path.with_suffix(".envs.jsonl")
    if args.dedup_only and cache.exists():
        seen = [orjson.loads(line) for line in open(cache, "rb")]
        preds_a, secs_a = [None] * n, float("nan")
    else:
        preds_a, secs_a, seen = run_pipeline(items)
        cache.write_bytes(b"".join(orjson.dumps(e) + b"\n" for e in seen))
    envs = dedup_inputs(seen)
    preds_b, secs_b = run_dedup(envs)
    shingles = datasketch_inputs(items, envs)
    n_ds = sum(s is not None for s in shingles)
    sweep = {}
    threshold = args.ds_threshold
    if threshold is None and args.set == "dev":
        mh = minhashes_of(shingles)
        for t in (0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9):
            sweep[str(t)] = score(items, run_datasketch(shingles, t, mh)[0])["f1"]
        threshold = float(max(sweep, key=lambda t: sweep[t]))
    threshold = DATASKETCH_THRESHOLD if threshold is None else threshold
    preds_c, secs_c = run_datasketch(shingles, threshold)
    res = {
        "set": args.set, "articles": n,
        "pipeline": {**score(items, preds_a), "articles_per_s": round(n / secs_a) if secs_a == secs_a else None},
        "dedup": {**score(items, preds_b), "articles_per_s": round(n / secs_b)},
        "datasketch": {**score(items, preds_c), "articles_per_s": round(n_ds / secs_c), "threshold": threshold,
                       "sweep_f1": sweep or None},
        "labels": dict(Counter(it["label"]["kind"] for it in items)),
    }
    if args.jobs > 0 and not args.dedup_only:
        preds_p, secs_p = run_pipeline_pool(items, args.jobs)
        assert preds_p == preds_a, "the prepare pool changed a decision"
        res["pipeline_pool"] = {"jobs": args.jobs, "articles_per_s": round(n / secs_p),
                                "over_datasketch_speed": round(n / secs_p / res["datasketch"]["articles_per_s"], 3)}
    if res["pipeline"]["articles_per_s"]:
        res["pipeline_over_datasketch_speed"] = round(res["pipeline"]["articles_per_s"]
                                                      / res["datasketch"]["articles_per_s"], 3)
    res["dedup_over_datasketch_speed"] = round(res["dedup"]["articles_per_s"] / res["datasketch"]["articles_per_s"], 3)
    errors = res["dedup" if args.dedup_only else "pipeline"]["_errors"]
    for k in ("pipeline", "dedup", "datasketch"):
        del res[k]["_errors"]
    print(orjson.dumps(res, option=orjson.OPT_INDENT_2).decode())
    if args.errors:
        show_errors(items, errors, args.errors)
    if args.save:
        args.save.write_bytes(orjson.dumps(res, option=orjson.OPT_INDENT_2) + b"\n")


if __name__ == "__main__":
    main()

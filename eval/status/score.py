"""Score stream.status.assertion against the hand-labelled Reuters-21578 sets.

    python eval/status/score.py [--set dev|heldout|heldout2|fresh] [--data DIR] [--errors] [--sweep]

Labels live beside this file (ids only, no article text); the articles are
read at run time from ../shared/data/reuters21578.jsonl relative to the repo
root. See eval/README.md, "## Status", for the labelling rules and the
meaning of the optional "alt" field.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from dataclasses import replace
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from stream.status.assertion import DEFAULT_STATUS_OPTIONS, StatusOptions, assert_status  # noqa: E402

_PARA_RE = re.compile(r"\n\s{3,}")


def lede_of(body: str) -> str:
    """First paragraph of a Reuters body (paragraphs start with an indent)."""
    return " ".join(_PARA_RE.split(body.strip(), maxsplit=1)[0].split())


def load(set_name: str, data_dir: Path) -> list[tuple[dict, str, str]]:
    labels = [json.loads(line) for line in (Path(__file__).parent / f"labels-{set_name}.jsonl").open()]
    wanted = {lab["id"] for lab in labels}
    articles: dict[str, tuple[str, str]] = {}
    with (data_dir / "reuters21578.jsonl").open() as fh:
        for line in fh:
            row = json.loads(line)
            if row["id"] in wanted:
                articles[row["id"]] = (row["title"], lede_of(row["body"]))
    missing = wanted - articles.keys()
    if missing:
        raise SystemExit(f"{len(missing)} labelled ids not in the data, e.g. {sorted(missing)[:3]}")
    return [(lab, *articles[lab["id"]]) for lab in labels]


def score(items: list[tuple[dict, str, str]], options: StatusOptions) -> dict:
    tp = fp = fn = tn = correct = 0
    confusion: Counter[tuple[str, str]] = Counter()
    errors: list[str] = []
    t0 = time.perf_counter()
    for lab, title, lede in items:
        got = assert_status(title, lede, options)
        pred = got.status if got else None
        gold, alt = lab["status"], set(lab.get("alt", ()))
        confusion[(gold or "none", pred or "none")] += 1
        ok = pred == gold or pred in alt
        if gold is None:
            if pred is None or ok:
                tn += 1
            else:
                fp += 1
        elif pred is None:
            fn += 1
        else:
            tp += 1
            correct += ok
        if not ok:
            errors.append(f"{lab['id']:>14}  gold={gold} alt={sorted(alt)} pred={pred} "
                          f"{got.to_dict() if got else ''}\n{'':>16}{title}")
    elapsed = time.perf_counter() - t0
    return {
        "n": len(items), "tp": tp, "fp": fp, "fn": fn, "tn": tn,
        "precision": tp / (tp + fp) if tp + fp else 1.0,
        "recall": tp / (tp + fn) if tp + fn else 1.0,
        "status_accuracy": correct / tp if tp else 1.0,
        "ms_per_article": 1000 * elapsed / max(1, len(items)),
        "confusion": confusion, "errors": errors,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", choices=("dev", "heldout", "heldout2", "heldout3", "fresh"), default="dev")
    ap.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    ap.add_argument("--errors", action="store_true", help="print each disagreement (reads titles at run time)")
    ap.add_argument("--sweep", action="store_true", help="precision/recall over min_confidence values")
    args = ap.parse_args(argv)
    items = load(args.set, args.data)
    if args.sweep:
        for k in range(8, 17):
            t = k * 0.05
            r = score(items, replace(DEFAULT_STATUS_OPTIONS, min_confidence=t))
            print(f"min_confidence={t:.2f}  P={r['precision']:.3f}  R={r['recall']:.3f}  acc={r['status_accuracy']:.3f}")
        return 0
    r = score(items, DEFAULT_STATUS_OPTIONS)
    print(f"set={args.set} n={r['n']} min_confidence={DEFAULT_STATUS_OPTIONS.min_confidence}")
    print(f"change detection: precision={r['precision']:.3f} recall={r['recall']:.3f} "
          f"(tp={r['tp']} fp={r['fp']} fn={r['fn']} tn={r['tn']})")
    print(f"status accuracy on detected changes: {r['status_accuracy']:.3f}")
    print(f"time: {r['ms_per_article']:.3f} ms/article")
    golds = sorted({g for g, _ in r["confusion"]})
    preds = sorted({p for _, p in r["confusion"]})
    print("\nconfusion (rows gold, columns predicted):")
    print(f"{'':>11}" + "".join(f"{p[:9]:>10}" for p in preds))
    for g in golds:
        print(f"{g[:10]:>11}" + "".join(f"{r['confusion'][(g, p)] or '.':>10}" for p in preds))
    if args.errors:
        print("\nerrors:")
        print("\n".join(r["errors"]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

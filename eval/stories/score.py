"""Score story grouping and breaking alerts on labelled Reuters-21578 sequences.

    python eval/stories/score.py [--set dev|heldout|heldout2|heldout3|heldout4|heldout5|heldout6] [--only-labelled] [--errors]

The whole Reuters stream (21,578 stories, in file order, read at run time
from ../shared/data via bench/corpus.py) goes through the offline pipeline,
so labelled sequences meet the distractors they met on the wire; the
labelled articles are then scored. ``--only-labelled`` feeds the labelled
articles alone (fast, no distractors, no corpus-wide rates).

Labels (ids and labels only, no text; see eval/README.md, "## Stories"):
``{"id": "reuters-360", "story": "amc-uaw", "change": "failed" | null,
"page": true, "alt": [...], "note": "..."}``. ``change`` is the status change
the article reports by the status labelling rules, whether or not an earlier
article already reported it; consecutive reports of one status within a
story are one change and should give exactly one alert, unless an article is
marked ``"new": true`` (a raised bid after a bid, a court order after a
regulator's dismissal, talks starting during a strike: the status repeats
but the news is a new change).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from itertools import combinations
from pathlib import Path

import orjson

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from bench.corpus import SHARED, reuters_messages  # noqa: E402
from stream.pipeline.offline import EventClock, Pipeline  # noqa: E402
from stream.pipeline.prepare import Meta  # noqa: E402
from stream.settings import BREAKING, DUPLICATES, ENRICHED  # noqa: E402

PAGING = frozenset({"flash", "urgent"})
SILENT = frozenset({"other"})  # never alerts (stream/stories/breaking.py)


def load_labels(set_name: str) -> list[dict]:
    path = Path(__file__).parent / f"labels-{set_name}.jsonl"
    return [json.loads(line) for line in path.open()]


def run_pipeline(wanted: set[str] | None, data: Path) -> dict:
    """Stories and alerts per Reuters id, plus corpus-wide counts."""
    pipeline, clock = Pipeline(), EventClock()
    story_of: dict[str, str] = {}  # pipeline article id -> story id
    rid_of: dict[str, str] = {}  # pipeline article id -> reuters id
    dup_of: dict[str, str] = {}  # reuters id -> canonical pipeline article id
    events: list[dict] = []
    n = 0
    for i, msg in enumerate(reuters_messages(data / "reuters21578.jsonl")):
        if wanted is not None and orjson.loads(msg)["id"] not in wanted:
            continue
        n += 1
        for topic, _, rec in pipeline.run(msg, Meta(arrival_time=clock.observe(msg), offset=i)):
            if topic == ENRICHED:
                story_of[rec["id"]] = rec["story"]["id"]
                rid_of[rec["id"]] = rec["source_id"]
            elif topic == DUPLICATES:
                dup_of[rec["source_id"]] = rec["duplicate"]["of"]
            elif topic == BREAKING:
                events.append(rec)
    stories = {rid: story_of[aid] for aid, rid in rid_of.items()}
    for rid, canonical in dup_of.items():
        if canonical in story_of:
            stories[rid] = story_of[canonical]
    alerts: dict[str, list[dict]] = defaultdict(list)
    for e in events:
        alerts[rid_of.get(e["article_id"], "?")].append(e)
    return {"stories": stories, "alerts": alerts, "n": n, "events": len(events),
            "pages": sum(e["severity"] in PAGING for e in events)}


def gold_runs(labels: list[dict]) -> dict[str, int]:
    """Reuters id -> index of the gold change (run) it reports; -1 for none."""
    by_story: dict[str, list[dict]] = defaultdict(list)
    for lab in labels:
        by_story[lab["story"]].append(lab)
    run_of: dict[str, int] = {}
    k = 0
    for items in by_story.values():
        last = None
        for lab in sorted(items, key=lambda x: int(x["id"].split("-")[1])):
            ch = lab["change"]
            if ch is None or ch in SILENT:
                run_of[lab["id"]] = -1
                continue
            if ch != last or lab.get("new"):
                k += 1
                last = ch
            run_of[lab["id"]] = k
    return run_of


def score(labels: list[dict], out: dict) -> dict:
    run_of = gold_runs(labels)
    lab_of = {lab["id"]: lab for lab in labels}
    runs = {r for r in run_of.values() if r >= 0}
    page_runs = {run_of[lab["id"]] for lab in labels if run_of[lab["id"]] >= 0 and lab.get("page")}
    matched: dict[int, dict] = {}
    tp = fp = tolerated = correct = wanted = pages = good_pages = 0
    errors: list[str] = []
    for rid, lab in lab_of.items():
        for e in out["alerts"].get(rid, ()):
            paged = e["severity"] in PAGING
            pages += paged
            r = run_of[rid]
            ok_status = e["status"] == lab["change"] or e["status"] in lab.get("alt", ())
            if r < 0:
                if paged:
                    errors.append(f"PAGE {rid:>13} {e['status']}/{e['severity']} on an article with no change")
                if ok_status:
                    tolerated += 1  # an acceptable reading of an ambiguous article
                else:
                    fp += 1
                    errors.append(f"FP   {rid:>13} {e['status']}/{e['severity']} gold=None  {lab['note']}")
                continue
            if r in matched:
                fp += 1
                errors.append(f"DUP  {rid:>13} {e['status']}/{e['severity']} gold={lab['change']} (run already alerted)")
                continue
            matched[r] = e
            tp += 1
            correct += ok_status
            wanted += ok_status
            good_pages += paged and r in page_runs
            if paged != (r in page_runs):
                errors.append(f"PAGE {rid:>13} {e['status']}/{e['severity']} gold page={r in page_runs}  {lab['note']}")
            if not ok_status:
                errors.append(f"STAT {rid:>13} {e['status']} gold={lab['change']} alt={lab.get('alt', [])}")
    for rid, lab in lab_of.items():
        r = run_of[rid]
        if r >= 0 and r not in matched and rid == min((x for x in run_of if run_of[x] == r),
                                                      key=lambda x: int(x.split("-")[1])):
            errors.append(f"MISS {rid:>13} gold={lab['change']} page={lab.get('page')}  {lab['note']}")
    paged_runs = {r for r, e in matched.items() if e["severity"] in PAGING}
    # Pairwise story grouping over labelled articles that reached the story stage.
    ids = [rid for rid in lab_of if rid in out["stories"]]
    same_pred = same_gold = both = 0
    for a, b in combinations(ids, 2):
        p = out["stories"][a] == out["stories"][b]
        g = lab_of[a]["story"] == lab_of[b]["story"]
        same_pred += p
        same_gold += g
        both += p and g
    alerts = tp + fp + tolerated
    return {
        "labelled": len(labels), "reached_story_stage": len(ids), "gold_changes": len(runs),
        "alerts": alerts, "tp": tp, "fp": fp, "tolerated": tolerated,
        "change_precision": tp / (tp + fp) if tp + fp else 1.0,
        "change_recall": len(matched) / len(runs) if runs else 1.0,
        "status_accuracy": correct / tp if tp else 1.0,
        "alert_precision": wanted / alerts if alerts else 1.0,
        "page_precision": good_pages / pages if pages else 1.0,
        "page_recall": len(paged_runs & page_runs) / len(page_runs) if page_runs else 1.0,
        "grouping_precision": both / same_pred if same_pred else 1.0,
        "grouping_recall": both / same_gold if same_gold else 1.0,
        "errors": errors,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", choices=("dev", "heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6"),
                    default="dev")
    ap.add_argument("--data", type=Path, default=SHARED / "data")
    ap.add_argument("--only-labelled", action="store_true", help="feed the labelled articles only")
    ap.add_argument("--errors", action="store_true")
    args = ap.parse_args(argv)
    labels = load_labels(args.set)
    out = run_pipeline({lab["id"] for lab in labels} if args.only_labelled else None, args.data)
    r = score(labels, out)
    print(f"set={args.set} labelled={r['labelled']} reached story stage={r['reached_story_stage']} "
          f"gold changes={r['gold_changes']} stream={'labelled only' if args.only_labelled else 'all Reuters'}")
    print(f"change detection: precision={r['change_precision']:.3f} recall={r['change_recall']:.3f} "
          f"(tp={r['tp']} fp={r['fp']} tolerated={r['tolerated']})")
    print(f"status accuracy on detected changes: {r['status_accuracy']:.3f}")
    print(f"alert precision (wanted / all alerts): {r['alert_precision']:.3f} of {r['alerts']} alerts")
    print(f"paging: precision={r['page_precision']:.3f} recall={r['page_recall']:.3f}")
    print(f"story grouping (pairwise): precision={r['grouping_precision']:.3f} recall={r['grouping_recall']:.3f}")
    if not args.only_labelled:
        k = 1000 / max(1, out["n"])
        print(f"corpus: {out['n']} stories, {out['events']} alerts = {out['events'] * k:.1f} per 1,000; "
              f"{out['pages']} pages (flash/urgent) = {out['pages'] * k:.1f} per 1,000")
    if args.errors:
        print("\n".join(r["errors"]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Build a labelled de-duplication stream from the shared corpora (read at run time).

    .venv/bin/python eval/dedup/generate.py --set dev      # -> eval/dedup/out/dev.jsonl
    .venv/bin/python eval/dedup/generate.py --set unseen   # -> eval/dedup/out/unseen.jsonl
    .venv/bin/python eval/dedup/generate.py --set unseen2  # -> eval/dedup/out/unseen2.jsonl

Each output line is ``{"msg": <raw article message>, "label": {...}}``. The
corpus is split in two halves by a digest of the article id (dev / unseen
never share an original), and the seed drives every other choice. ``unseen2``
(held out after dev and unseen became tuning data) samples both halves,
leaving out every article dev or unseen uses as an original, a hard-negative
cluster member or a follow-up source. Nothing
generated here may be committed: ``out/`` is git-ignored.

Label fields: ``kind`` (original | copy | teaser | rescrape | update |
followup | correction), ``group`` (one story: an original and its syndicated
copies, teasers, re-scrapes and updates), ``hard`` (a same-topic different
story: a hard negative), ``url_first`` (rescrape/update: label index of the
first item at that URL), ``natural`` (the natural-duplicate cluster of the
original: corpus articles that already overlap heavily, see ``natural_pairs``).
"""

from __future__ import annotations

import argparse
import hashlib
import random
import re
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

import orjson

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from eval.dedup import chrome  # noqa: E402
from stream.text.normalize import tokenize  # noqa: E402

SHARED = Path(__file__).resolve().parents[3] / "shared" / "data"
T0 = 1_767_225_600.0  # 2026-01-01T00:00:00Z
HOUR = 3600.0
SEEDS = {"dev": 1, "unseen": 2, "unseen2": 3}
# Corpus half of each set; None: both halves minus the articles of the sets listed in HELD_BACK.
HALVES: dict[str, int | None] = {"dev": 0, "unseen": 1, "unseen2": None}
HELD_BACK = {"unseen2": ("dev", "unseen")}


def paragraphs_reuters(body: str) -> list[str]:
    pars = re.split(r"\n(?: {3,}|\t)", body)
    out = [" ".join(p.split()) for p in pars]
    return [p for p in out if p and p not in ("Reuter", "REUTER")]


def paragraphs_bbc(body: str) -> list[str]:
    return [" ".join(p.split()) for p in body.split("\n\n") if p.strip()]


def load(shared: Path, half: int | None) -> list[dict[str, Any]]:
    """Corpus articles of one half, as {id, src, title, pars, topics, date, dateline}."""
    arts: list[dict[str, Any]] = []
    for line in open(shared / "bbc.jsonl", "rb"):
        r = orjson.loads(line)
        arts.append({"id": r["id"], "src": "bbc", "title": r["title"], "pars": paragraphs_bbc(r["body"]),
                     "topics": [r["category"]], "date": "", "dateline": ""})
    for line in open(shared / "reuters21578.jsonl", "rb"):
        r = orjson.loads(line)
        if not (r.get("body") or "").strip() or not (r.get("title") or "").strip():
            continue
        arts.append({"id": r["id"], "src": "reuters", "title": r["title"], "pars": paragraphs_reuters(r["body"]),
                     "topics": r.get("topics") or [], "date": (r.get("date") or "")[:11],
                     "dateline": (r.get("dateline") or "").strip()})
    keep = []
    for a in arts:
        words = sum(len(p.split()) for p in a["pars"])
        if words >= 20 and (half is None or hashlib.blake2b(a["id"].encode(), digest_size=2).digest()[0] % 2 == half):
            a["words"] = words
            keep.append(a)
    return keep


def shingle_set(a: dict[str, Any], k: int = 4) -> set[int]:
    toks = tokenize(" ".join(a["pars"]))
    return {hash(tuple(toks[i : i + k])) for i in range(max(1, len(toks) - k + 1))}


def natural_pairs(arts: list[dict[str, Any]], low: float = 0.2) -> list[tuple[int, int, float, float]]:
    """Corpus pairs whose exact 4-shingle sets overlap (Jaccard or containment >= low).

    These are the corpus's own duplicates (BBC republished items, Reuters
    reissues and running tables): a link between them is neither a hit nor a
    false merge in the scorer."""
    sets = [shingle_set(a) for a in arts]
    index: dict[int, list[int]] = defaultdict(list)
    for i, s in enumerate(sets):
        for h in s:
            index[h].append(i)
    shared: dict[tuple[int, int], int] = defaultdict(int)
    for ids in index.values():
        if 1 < len(ids) <= 40:  # very common shingles ("said it would") say nothing
            for x in range(len(ids)):
                for y in range(x + 1, len(ids)):
                    shared[(ids[x], ids[y])] += 1
    out = []
    for (i, j), n in shared.items():
        jac = n / len(sets[i] | sets[j])
        con = n / min(len(sets[i]), len(sets[j]))
        if jac >= low or con >= max(low, 0.5):
            out.append((i, j, jac, con))
    return out


class Builder:
    def __init__(self, rng: random.Random, pool: list[dict[str, Any]]) -> None:
        self.rng, self.pool = rng, pool
        self.items: list[dict[str, Any]] = []
        self.url_n = 0

    def url(self, site: tuple[str, str], slug: str) -> str:
        self.url_n += 1
        words = re.sub(r"[^a-z0-9]+", "-", slug.lower()).strip("-")[:60]
        section = self.rng.choice(("news", "world", "business", "markets", "uk", "tech", "sport", "politics"))
        return f"https://{site[0]}/{section}/{words}-{self.url_n}"

    def add(self, msg: dict[str, Any], t: float, **label: Any) -> int:
        msg["published_at"] = t
        self.items.append({"msg": msg, "label": label, "t": t})
        return len(self.items) - 1


def original_msg(b: Builder, a: dict[str, Any]) -> dict[str, Any]:
    site = chrome.WIRE if a["src"] == "reuters" else chrome.BROADCASTER
    pars = list(a["pars"])
    if a["dateline"]:
        pars[0] = f"{a['dateline']} {pars[0]}"
    return {"url": b.url(site, a["title"]), "title": a["title"], "body": "\n\n".join(pars), "source": site[1]}


def copy_msg(b: Builder, a: dict[str, Any], teaser: bool) -> dict[str, Any]:
    rng = b.rng
    site = rng.choice(chrome.SITES)
    pars = list(a["pars"])
    if teaser:
        n = rng.choice((1, 2, 3))
        # A teaser is a lede plus a sentence or two: a single short lede line
        # is a quote, not a teaser (see the short-text rule in decide.py).
        while n < len(pars) and sum(len(p.split()) for p in pars[:n]) < 35:
            n += 1
        pars = pars[:n]
    else:
        if len(pars) > 3 and rng.random() < 0.3:  # tail cut to fit the page
            pars = pars[: max(2, round(len(pars) * rng.uniform(0.6, 0.95)))]
        if len(pars) > 3 and rng.random() < 0.2:
            del pars[rng.randrange(1, len(pars) - 1)]
        if rng.random() < 0.2:
            pars.insert(rng.randrange(1, len(pars) + 1), chrome.added_paragraph(rng, a))
    pars = [chrome.restyle(rng, p) for p in pars]
    if a["dateline"] and rng.random() < 0.6:
        agency = rng.choice(("(Reuters)", "(AP)", "(AFP)", ""))
        pars[0] = f"{a['dateline'].rstrip(' -')} {agency} - {pars[0]}".replace("  ", " ")
    top, bottom = chrome.top_chrome(rng, a), chrome.bottom_chrome(rng, site, b.pool)
    if teaser:
        bottom.insert(0, rng.choice(chrome.TEASER_TAILS).format(site=site[1]))
    elif rng.random() < 0.3:
        bottom.insert(0, chrome.credit_line(rng))
    if not teaser and len(pars) > 4 and rng.random() < 0.15:
        pars.insert(rng.randrange(2, len(pars)), chrome.caption(rng, a))
    title = chrome.headline(rng, a["title"], site)
    msg: dict[str, Any] = {"url": b.url(site, title), "title": title, "source": site[1]}
    if rng.random() < 0.1:
        msg["html"] = chrome.as_html(top, pars, bottom, title)
        msg["body"] = ""
    else:
        msg["body"] = chrome.join_body(rng, top + pars + bottom)
    return msg


def select(rng: random.Random, arts: list[dict[str, Any]],
           n_originals: int) -> tuple[list[int], set[int], list[int], list[dict[str, Any]]]:
    """Shuffle ``arts`` in place and pick (originals, hard-negative ones, the rest, follow-up sources)."""
    rng.shuffle(arts)
    # Hard negatives: whole Reuters clusters of one topic set on one day
    # (earnings tables, commodity reports) and of one company across days.
    by_topic_day: dict[tuple[str, ...], list[int]] = defaultdict(list)
    by_company: dict[str, list[int]] = defaultdict(list)
    for i, a in enumerate(arts):
        if a["src"] == "reuters" and a["topics"]:
            by_topic_day[(a["date"], *sorted(a["topics"]))].append(i)
        m = re.search(r"<([A-Z.]{1,6})>", a["title"])
        if m:
            by_company[m.group(1)].append(i)
    clusters = [v[:6] for v in by_topic_day.values() if len(v) >= 3]
    clusters += [v[:5] for v in by_company.values() if len(v) >= 2]
    rng.shuffle(clusters)
    chosen: list[int] = []
    hard: set[int] = set()
    for c in clusters[: n_originals // 12]:
        fresh = [i for i in c if i not in hard]
        chosen += fresh
        hard.update(fresh)
    rest = [i for i in range(len(arts)) if i not in hard]
    chosen += rest[: max(0, n_originals - len(chosen))]
    # Sources of follow-ups, never originals themselves.
    follow = [arts[i] for i in rest[n_originals : n_originals + n_originals // 10]]
    return chosen, hard, rest, follow


def used_ids(set_name: str, shared: Path, n_originals: int) -> set[str]:
    """Corpus ids a set uses (originals, hard clusters, follow-up sources)."""
    arts = load(shared, HALVES[set_name])
    chosen, _, _, follow = select(random.Random(SEEDS[set_name]), arts, n_originals)
    return {arts[i]["id"] for i in chosen} | {a["id"] for a in follow}


def generate(set_name: str, seed: int, shared: Path, n_originals: int) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    arts = load(shared, HALVES[set_name])
    if set_name in HELD_BACK:
        used = set().union(*(used_ids(s, shared, n_originals) for s in HELD_BACK[set_name]))
        arts = [a for a in arts if a["id"] not in used]
    chosen, hard, rest, follow = select(rng, arts, n_originals)
    sel = [arts[i] for i in chosen]
    b = Builder(rng, arts)

    pairs = natural_pairs(sel + follow)
    parent = list(range(len(sel) + len(follow)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, j, _, _ in pairs:
        parent[find(i)] = find(j)

    group = 0
    for k, a in enumerate(sel):
        t = T0 + rng.uniform(0, 96) * HOUR
        is_hard = chosen[k] in hard
        base = dict(group=group, natural=find(k), hard=is_hard, corpus_id=a["id"], words=a["words"])
        first = b.add(original_msg(b, a), t, kind="original", **base)
        for _ in range(rng.choice((0, 1, 1, 1, 2, 2, 3, 4))):
            teaser = rng.random() < 0.2
            b.add(copy_msg(b, a, teaser), t + rng.uniform(-0.5, 30) * HOUR,
                  kind="teaser" if teaser else "copy", **base)
        if rng.random() < 0.08:
            m = dict(b.items[first]["msg"])
            m["url"] = chrome.tracking_variant(rng, m["url"])
            b.add(m, t + rng.uniform(0.05, 6) * HOUR, kind="rescrape", url_first=first, **base)
        if rng.random() < 0.08:
            b.add(chrome.updated(rng, b.items[first]["msg"], a), t + rng.uniform(0.2, 12) * HOUR,
                  kind="update", url_first=first, **base)
        if rng.random() < 0.04:
            b.add(chrome.correction(rng, a), t + rng.uniform(1, 24) * HOUR, kind="correction",
                  group=-1 - group, natural=-1 - group, hard=True, corpus_id=a["id"], words=0)
        if rng.random() < 0.04 and follow:
            fk = len(sel) + len(follow) - 1
            src = follow.pop()
            if src["words"] >= 60:
                # A new story on the same subject that recycles a background
                # paragraph of this one.
                m = original_msg(b, src)
                m["body"] += "\n\n" + rng.choice(a["pars"][1:] or a["pars"])
                b.add(m, t + rng.uniform(2, 48) * HOUR, kind="followup", group=-100000 - group,
                      natural=find(fk), hard=True, corpus_id=src["id"], words=src["words"])
        group += 1
    items = sorted(b.items, key=lambda it: it["t"])
    # Re-number url_first after sorting; every item keeps its stream index.
    where = {id(it): n for n, it in enumerate(items)}
    old = {n: it for n, it in enumerate(b.items)}
    for it in items:
        lab = it["label"]
        if "url_first" in lab:
            lab["url_first"] = where[id(old[lab["url_first"]])]
        it["msg"]["published_at"] = _iso(it["t"])
    return [{"msg": it["msg"], "label": it["label"]} for it in items]


def _iso(t: float) -> str:
    from datetime import UTC, datetime

    return datetime.fromtimestamp(t, UTC).isoformat().replace("+00:00", "Z")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--set", choices=tuple(SEEDS), default="dev")
    ap.add_argument("--seed", type=int, default=None)
    ap.add_argument("--originals", type=int, default=1500)
    ap.add_argument("--shared", type=Path, default=SHARED)
    ap.add_argument("--out", type=Path, default=None)
    args = ap.parse_args()
    if not (args.shared / "bbc.jsonl").exists():
        sys.exit(f"corpus not found under {args.shared}")
    seed = SEEDS[args.set] if args.seed is None else args.seed
    out = args.out or Path(__file__).resolve().parent / "out" / f"{args.set}.jsonl"
    out.parent.mkdir(parents=True, exist_ok=True)
    items = generate(args.set, seed, args.shared, args.originals)
    with open(out, "wb") as fh:
        for it in items:
            fh.write(orjson.dumps(it) + b"\n")
    kinds: dict[str, int] = defaultdict(int)
    for it in items:
        kinds[it["label"]["kind"]] += 1
    print(f"{out}: {len(items)} items {dict(kinds)}")


if __name__ == "__main__":
    main()

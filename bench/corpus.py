"""Raw-article messages made from the shared research corpora (read at run time).

Reuters-21578 and the BBC set are not in this repository; these functions
read them from ../shared and turn each story into the JSON a scraper would
send, so benchmarks and evaluations exercise the real parse path.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import orjson

SHARED = Path(os.environ.get("NEWSSTREAM_SHARED_DIR", Path(__file__).resolve().parents[2] / "shared"))
REUTERS = SHARED / "data" / "reuters21578.jsonl"
BBC = SHARED / "data" / "bbc.jsonl"


def _reuters_time(s: str) -> str | None:
    try:
        return datetime.strptime(s.strip().split(".")[0], "%d-%b-%Y %H:%M:%S").replace(tzinfo=UTC).isoformat()
    except ValueError:
        return None


def reuters_records(path: Path = REUTERS) -> Iterator[dict]:
    with open(path, "rb") as fh:
        for line in fh:
            yield orjson.loads(line)


def reuters_messages(path: Path = REUTERS, url_suffix: str = "") -> Iterator[bytes]:
    for r in reuters_records(path):
        yield orjson.dumps({
            "url": f"https://reuters.example/1987/{r['id']}{url_suffix}",
            "title": r.get("title") or "",
            "body": ((r.get("dateline") or "") + " " + (r.get("body") or "")).strip(),
            "source": "Reuters",
            "published_at": _reuters_time(r.get("date") or ""),
            "id": r["id"],
        })


def bbc_messages(path: Path = BBC) -> Iterator[bytes]:
    with open(path, "rb") as fh:
        for i, line in enumerate(fh):
            r = orjson.loads(line)
            yield orjson.dumps({
                "url": f"https://bbc.example/{r['id']}",
                "title": r["title"],
                "body": r["body"],
                "source": "BBC",
                "published_at": f"2005-01-01T00:00:{i % 60:02d}Z",
                "id": r["id"],
            })


#: Each replay pass of Reuters-21578 is shifted this far forward in time: the
#: corpus spans about eight months of 1987, so a pass never overlaps the
#: previous one and every dedup/story window sees one pass at a time.
PASS_SHIFT_DAYS = 400


def reuters_replay(total: int, path: Path = REUTERS) -> Iterator[bytes]:
    """``total`` messages made by replaying Reuters-21578 as many times as
    needed, for state-growth runs. Pass ``k`` > 0 gets fresh URLs, its
    timestamps moved ``k * PASS_SHIFT_DAYS`` days on and a light edit of the
    text (a pass number in the headline and at the end of the body), so it
    is new news, not a redelivery of pass 0."""
    from datetime import timedelta

    records = [r for r in reuters_records(path)]
    n = 0
    k = 0
    while n < total:
        shift = timedelta(days=k * PASS_SHIFT_DAYS)
        for r in records:
            if n >= total:
                return
            t = _reuters_time(r.get("date") or "")
            if t is not None and k:
                t = (datetime.fromisoformat(t) + shift).isoformat()
            title = r.get("title") or ""
            body = ((r.get("dateline") or "") + " " + (r.get("body") or "")).strip()
            yield orjson.dumps({
                "url": f"https://reuters.example/{1987 + k}/{r['id']}/p{k}",
                "title": f"{title} ({k})" if k and title else title,
                "body": f"{body}\nRef {k}." if k and body else body,
                "source": "Reuters",
                "published_at": t,
                "id": f"{r['id']}-{k}",
            })
            n += 1
        k += 1


def emit(result: dict, save: Path | None) -> None:
    """Print a benchmark's result as JSON, and save it where asked."""
    text = orjson.dumps(result, option=orjson.OPT_INDENT_2)
    print(text.decode())
    if save:
        save.parent.mkdir(parents=True, exist_ok=True)
        save.write_bytes(text + b"\n")

"""One table operation on the RocksDB store: Faust's path against the app's (stream/kafka/durable.py).

    .venv/bin/python bench/store_ops.py [--n 20000]

Side by side in one process, CPU microseconds per operation:

- encoding a key, encoding a story-sized value and decoding it: Faust's
  serializer registry against orjson called as Faust's json codec calls it;
- deleting a key that expired a week after its write: Faust's
  ``Store._del``, which deletes from every partition's database unless its
  index of the 1,000 keys used last knows the key's partition (an expired
  key is long out of it), against one delete in the event partition's
  database.

No broker: the app's tables are opened in a temporary directory.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
import tempfile
import time
import weakref
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from faust.streams import _current_event  # noqa: E402

from stream.kafka.app import create_app  # noqa: E402
from stream.settings import Settings  # noqa: E402

PARTITIONS = 6
# A story as the book writes it (~1 KB of JSON), the largest value per article.
STORY = {
    "id": "story-0123456789abcdef", "status": "failed", "prev": "underway", "kind": "talks",
    "since": 1.7e9, "first_seen": 1.7e9, "last_seen": 1.7e9 + 3600, "size": 7,
    "sources": ["Reuters", "AP", "AFP"], "subjects": ["11000000", "11003000", "16000000"],
    "ents": ["Donald Trump", "Kim Jong Un", "Hanoi", "North Korea", "United States"],
    "kw": ["summit", "deal", "talks", "ends", "without", "reaching", "nuclear", "sanctions"],
    "history": [{"status": "underway", "at": 1.7e9}, {"status": "failed", "at": 1.7e9 + 3600}],
    "changes": 2, "events": {"e1": {"status": "failed", "title": "Summit ends without a deal"}},
    "outs": {f"{i:024x}": ["failed", 7] for i in range(7)},
    "hour": 472223, "hseq": 12, "seq": 12, "wm": 1.7e9 + 3600, "nh": 472222,
}


class _Event:
    """What Faust's store reads of the current event: its partition."""

    def __init__(self, partition: int) -> None:
        self.message = type("Message", (), {"partition": partition})()


def per_op(f: Callable[[Any], Any], args: Sequence[Any]) -> float:
    t0 = time.process_time()
    for a in args:
        f(a)
    return round((time.process_time() - t0) / len(args) * 1e6, 2)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=20000, help="operations of each kind")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        settings = dataclasses.replace(Settings.from_env({}), data_dir=Path(tmp), topic_prefix="bench-")
        table = create_app(settings).tables["stories"]
        store = table.data
        keys = [f"story-{i:016x}" for i in range(args.n)]
        raw = table._encode_value(STORY)
        codec = {
            "encode_key": {"faust": per_op(store._encode_key, keys), "ours": per_op(table._encode_key, keys)},
            "encode_story": {"faust": per_op(store._encode_value, [STORY] * args.n),
                             "ours": per_op(table._encode_value, [STORY] * args.n)},
            "decode_story": {"faust": per_op(store._decode_value, [raw] * args.n),
                             "ours": per_op(table._decode_value, [raw] * args.n)},
        }
        # A worker holding six partitions; the keys to delete live in partition 0.
        events = [_Event(p) for p in range(PARTITIONS)]
        encoded = [table._encode_key(k) for k in keys]
        for p in range(PARTITIONS):
            db = store._db_for_partition(p)
            for k in encoded if p == 0 else encoded[: args.n // 10]:
                db.put(k, raw)
        store._key_index.clear()  # written a week ago
        _current_event.set(weakref.ref(events[0]))
        half = args.n // 2
        delete = {"faust": per_op(store._del, encoded[:half]),
                  "ours": per_op(store._db_for_partition(0).delete, encoded[half:])}
    ops = {**codec, "delete_expired_key": delete}
    out = {"cpu_us_per_operation": ops,
           "ratio_ours_to_faust": {k: round(v["ours"] / v["faust"], 2) for k, v in ops.items()},
           "story_bytes": len(raw), "partitions": PARTITIONS, "n": args.n}
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()

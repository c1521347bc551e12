"""RSS of a worker's table databases: Faust's RocksDB defaults against the app's bounds.

    .venv/bin/python bench/rocksdb_memory.py [--articles 300000]

Each configuration runs in a fresh process that opens eight databases the
way Faust's RocksDB store does (``RocksDBOptions.open``), as a worker with
the story partition and six content partitions has them, and writes per
article what the worker's tables write: a story (~1.3 KB), a URL entry
(~300 B) and a content entry (~500 B) under a random anchor. Then it scans
every database once (what the daily expiry sweep does) and makes 200,000
random story reads. Values are random hex: RocksDB cannot compress them
away. RSS is read after each step.

The app's bounds are ``NEWSSTREAM_TABLE_WRITE_BUFFER_MB`` and
``NEWSSTREAM_TABLE_BLOCK_CACHE_MB`` (stream/settings.py); Faust's defaults
are a 64 MB write buffer (three at most) and a 2 GB block cache per
database.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

DATABASES = 8


def child(articles: int, options: dict[str, int]) -> dict[str, Any]:
    from faust.stores.rocksdb import RocksDBOptions

    rocks = RocksDBOptions(use_rocksdict=True, **options)
    proc, rnd = psutil.Process(), random.Random(1)
    story, entry = os.urandom(650).hex().encode(), os.urandom(250).hex().encode()
    rss: dict[str, int] = {}
    with tempfile.TemporaryDirectory() as tmp:
        dbs = [rocks.open(Path(tmp) / f"db{i}") for i in range(DATABASES)]
        t0 = time.process_time()
        for i in range(articles):
            dbs[0].put(b"story-%016d" % i, story)
            dbs[1].put(b"https://news.example/%d" % i, entry[:300])
            dbs[2 + i % 6].put(b"%08x" % rnd.getrandbits(32), entry)
        rss["after_writes_mb"] = proc.memory_info().rss >> 20
        for db in dbs:
            for _ in db.items():
                pass
        rss["after_a_full_scan_mb"] = proc.memory_info().rss >> 20
        for _ in range(200_000):
            dbs[0].get(b"story-%016d" % rnd.randrange(articles))
        rss["after_random_reads_mb"] = proc.memory_info().rss >> 20
        cpu = time.process_time() - t0
        for db in dbs:
            db.close()
    return {**rss, "cpu_s": round(cpu, 1)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=300_000)
    ap.add_argument("--child", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        print(json.dumps(child(args.articles, json.loads(args.child))))
        return
    from stream.kafka.app import rocksdb_options
    from stream.settings import Settings

    configs = {"faust_defaults": {}, "app_defaults": rocksdb_options(Settings.from_env({}))}
    out: dict[str, Any] = {"articles": args.articles, "databases": DATABASES}
    for name, options in configs.items():
        run = subprocess.run([sys.executable, __file__, "--articles", str(args.articles), "--child",
                              json.dumps(options)], check=True, capture_output=True, text=True)
        out[name] = {"options": options, **json.loads(run.stdout.strip().splitlines()[-1])}
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()

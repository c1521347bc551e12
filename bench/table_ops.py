"""Table operations per article, by table: what each article costs the worker's state.

    .venv/bin/python bench/table_ops.py [--n 3000]

On Kafka every table read is a store lookup plus a JSON decode (RocksDB) and
every write or delete is also a changelog record the worker produces, so
these counts, not the stage code, set most of the worker's per-article
cost (bench/README.md). Measured offline: the Pipeline's dict state is
wrapped in counting mappings; the stage code is the worker's.
"""

from __future__ import annotations

import argparse
import itertools
import sys
from collections.abc import Iterator, MutableMapping
from pathlib import Path
from typing import Any

import orjson

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.corpus import reuters_messages, emit  # noqa: E402
from bench.offline import Run  # noqa: E402


class Counting(MutableMapping[str, Any]):
    """A dict that counts reads (get/[]/in), writes and deletes."""

    def __init__(self) -> None:
        self.d: dict[str, Any] = {}
        self.reads = self.writes = self.deletes = self.write_bytes = 0

    def __getitem__(self, k: str) -> Any:
        self.reads += 1
        return self.d[k]

    def get(self, k: str, default: Any = None) -> Any:
        self.reads += 1
        return self.d.get(k, default)

    def __contains__(self, k: object) -> bool:
        self.reads += 1
        return k in self.d

    def __setitem__(self, k: str, v: Any) -> None:
        self.writes += 1
        self.write_bytes += len(orjson.dumps(v))
        self.d[k] = v

    def __delitem__(self, k: str) -> None:
        self.deletes += 1
        del self.d[k]

    def __iter__(self) -> Iterator[str]:
        return iter(self.d)

    def __len__(self) -> int:
        return len(self.d)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=3000)
    ap.add_argument("--save", type=Path, default=None)
    args = ap.parse_args()
    run = Run()
    p = run.pipeline
    tables = {"dedup-url": Counting(), "dedup-content": Counting(), "stories": Counting()}
    p.url.state, p.content.state = tables["dedup-url"], tables["dedup-content"]
    p.story.book.stories = tables["stories"]
    msgs = list(itertools.islice(reuters_messages(), args.n))
    run.feed(msgs)
    n = len(msgs)
    out = {name: {"reads_per_article": round(t.reads / n, 2), "writes_per_article": round(t.writes / n, 2),
                  "deletes_per_article": round(t.deletes / n, 2),
                  "written_bytes_per_article": round(t.write_bytes / n)}
           for name, t in tables.items()}
    total = {k: round(sum(v[k] for v in out.values()), 2) for k in next(iter(out.values()))}
    result = {"articles": n, "by_table": out, "total": total, "outputs": run.counts}
    emit(result, args.save)


if __name__ == "__main__":
    main()

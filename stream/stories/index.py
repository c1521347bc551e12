"""The story book's in-memory view, derived from its stories mapping alone.

``StoryIndex`` answers the questions the book asks on every article (which
live stories share these terms, which story holds this article, which
stories were last touched in a given hour, how far the event-time clock has
gone) without touching the persistent mapping. It stores nothing the stories
do not already hold, so ``rebuild(stories)`` after a restart or a rebalance
gives back exactly the view an uninterrupted process has:

- rows: term (``e:<entity>``/``k:<keyword>``) -> ids of the live stories
  whose ``ents``/``kw`` hold it, in the order of their ``seq`` (a counter
  stamped on a story each time it is touched); a touch moves the story to
  the end of all its rows, which is the same order a rebuild sorts into;
- articles: article id -> story id, from each story's ``outs``;
- hours: hour -> ids of stories whose ``hour`` it is (stale entries are
  allowed: the sweep checks the story's current hour);
- clock: [event-time watermark, next hour to sweep], the maximum of the
  ``wm``/``nh`` stamps of the stories (and of the ``~clock`` entry written in
  the rare case the stamping story was expired at once).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from itertools import islice
from typing import Any

CLOCK_KEY = "~clock"


def story_terms(s: Mapping[str, Any]) -> list[str]:
    return [*("e:" + e for e in s["ents"]), *("k:" + k for k in s["kw"])]


class StoryIndex:
    def __init__(self) -> None:
        self._reset()

    def _reset(self) -> None:
        self.live: dict[str, dict[str, Any]] = {}
        self.rows: dict[str, dict[str, None]] = {}
        self.articles: dict[str, str] = {}
        self.hours: dict[int, list[str]] = {}
        self.clock: list[float] | None = None
        self.seq = 0

    def rebuild(self, stories: Iterable[tuple[str, Any]]) -> None:
        self._reset()
        found = []
        for sid, s in stories:
            if sid == CLOCK_KEY:
                self._advance(s[0], s[1])
            elif isinstance(s, dict):
                found.append(s)
        for s in sorted(found, key=lambda s: s["seq"]):
            self.seq = s["seq"]
            self.touch(s)
            self.hours.setdefault(s["hour"], []).append(s["id"])
            self._advance(s["wm"], s["nh"])

    def _advance(self, watermark: float, next_hour: float) -> None:
        if self.clock is None:
            self.clock = [watermark, next_hour]
        else:
            self.clock = [max(self.clock[0], watermark), max(self.clock[1], next_hour)]

    # -- reads -------------------------------------------------------------
    def recent(self, term: str, n: int) -> list[str]:
        """The n stories holding term that were touched last, newest first."""
        row = self.rows.get(term)
        return list(islice(reversed(row), n)) if row else []

    # -- writes ------------------------------------------------------------
    def next_seq(self) -> int:
        self.seq += 1
        return self.seq

    def touch(self, s: dict[str, Any]) -> None:
        """Records story s (just stamped with the highest seq) as the newest."""
        sid = s["id"]
        self.live[sid] = s
        rows = self.rows
        for term in story_terms(s):
            row = rows.get(term)
            if row is None:
                rows[term] = {sid: None}
            else:
                row.pop(sid, None)
                row[sid] = None
        for member in s["outs"]:
            self.articles[member] = sid

    def drop(self, s: dict[str, Any]) -> None:
        sid = s["id"]
        for term in story_terms(s):
            row = self.rows.get(term)
            if row is not None:
                row.pop(sid, None)
                if not row:
                    del self.rows[term]
        for member in s["outs"]:
            if self.articles.get(member) == sid:
                del self.articles[member]
        self.live.pop(sid, None)

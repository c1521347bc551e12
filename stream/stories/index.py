"""The story book's in-memory view, derived from its stories mapping alone.

``StoryIndex`` answers the questions the book asks on every article (which
live stories share these terms, which story holds this article, which
stories were last touched in a given hour, how far the event-time clock has
gone) without touching the persistent mapping. It stores nothing the stories
do not already hold, so ``rebuild(stories)`` after a restart or a rebalance
gives back exactly the view an uninterrupted process has:

- rows: one per term, kept apart by kind (``ents``: entity -> row, ``kws``:
  keyword -> row; the index terms ``e:<entity>``/``k:<keyword>`` of
  ``Signature.terms``); a row holds the ids of the live stories whose
  ``ents``/``kw`` hold the term, in the order of their ``seq`` (a counter
  stamped on a story each time it is touched); a touch moves the story to
  the end of all its rows, which is the same order a rebuild sorts into.
  Two plain-name mappings instead of one of prefixed terms: a touch then
  builds no term strings (bench/README.md, fourth session);
- terms: story id -> (its ``ents``, its ``kw``, both as frozensets), the
  side of a story that every candidate scoring intersects with;
- changes: (status, hour of ``since``) -> ids of the live stories whose
  current status it is, so the book finds the stories that changed to a
  status around an event time without scanning all candidates;
- ends: story id -> the event time it expires at (``book.expiry``, set by
  the book whenever it writes the story);
- articles: article id -> story id, from each story's ``outs``;
- hours: hour -> (``hseq``, id) of the stories whose ``hour`` it is, in
  the order they were listed there (``hseq``: the story's ``seq`` when its
  hour was set), which a rebuild sorts back into; the book's sweep expires
  them from the front, a few per article. Stale entries are allowed: the
  sweep checks the story's current hour and ``hseq``;
- clock: [event-time watermark, next hour to sweep], the maximum of the
  ``wm``/``nh`` stamps of the stories (and of the ``~clock`` entry written in
  the rare case the stamping story was expired at once).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from itertools import islice
from typing import Any

CLOCK_KEY = "~clock"
HOUR = 3600.0

Row = dict[str, None]  # story ids, least recently touched first


def newest(row: Row, n: int) -> Iterable[str]:
    """The n ids of ``row`` touched last, newest first."""
    return reversed(row) if len(row) <= n else islice(reversed(row), n)


class StoryIndex:
    def __init__(self) -> None:
        self._reset()

    def _reset(self) -> None:
        self.live: dict[str, dict[str, Any]] = {}
        self.ents: dict[str, Row] = {}
        self.kws: dict[str, Row] = {}
        self.terms: dict[str, tuple[list[str], list[str], frozenset[str], frozenset[str]]] = {}
        self.changes: dict[tuple[str, int], dict[str, None]] = {}
        self._change_of: dict[str, tuple[str, int]] = {}
        self.ends: dict[str, float] = {}
        self.articles: dict[str, str] = {}
        self.hours: dict[int, deque[tuple[int, str]]] = {}
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
            if s.get("hseq") is None:  # written before hseq existed
                s["hseq"] = s["seq"]
            self._advance(s["wm"], s["nh"])
        for s in sorted(found, key=lambda s: s["hseq"]):
            self.list_expiry(s)

    def _advance(self, watermark: float | None, next_hour: float | None) -> None:
        if watermark is None or next_hour is None:  # written before the clock started
            return
        if self.clock is None:
            self.clock = [watermark, next_hour]
        else:
            self.clock = [max(self.clock[0], watermark), max(self.clock[1], next_hour)]

    # -- reads -------------------------------------------------------------
    def row(self, term: str) -> Row | None:
        """The row of an index term (``e:<entity>`` or ``k:<keyword>``)."""
        return (self.ents if term[0] == "e" else self.kws).get(term[2:])

    def changed(self, status: str, start: float, end: float) -> list[str]:
        """Ids of the live stories whose status is ``status`` since an event
        time in [start, end], and possibly a few more around it (the caller
        checks the exact time)."""
        # One hour of margin either side: the caller's window test and this
        # bucketing round differently.
        found: list[str] = []
        for hour in range(int(start // HOUR) - 1, int(end // HOUR) + 2):
            ids = self.changes.get((status, hour))
            if ids:
                found += ids
        return found

    def due(self, hour: int, stop: int, limit: int) -> tuple[list[dict[str, Any]], int]:
        """Takes off the hour lists up to ``limit`` stories listed under
        ``hour`` .. ``stop - 1`` and not moved since, in the order they were
        listed, for the caller to expire; and the first hour whose list is
        not yet taken to its end."""
        over: list[dict[str, Any]] = []
        while hour < stop:
            listed = self.hours.get(hour)
            while listed:
                hseq, sid = listed[0]
                s = self.live.get(sid)
                if s is not None and s["hour"] == hour and s["hseq"] == hseq:
                    if len(over) == limit:
                        break
                    over.append(s)
                # Stale entries go even past the limit, so the list left is
                # the one a rebuild lists: from the same story on.
                listed.popleft()
            if listed:
                break  # the rest of this hour goes to the next calls
            self.hours.pop(hour, None)
            hour += 1
        return over, hour

    # -- writes ------------------------------------------------------------
    def list_expiry(self, s: dict[str, Any]) -> None:
        """Lists story s under its (just set) ``hour``, behind the others."""
        listed = self.hours.get(s["hour"])
        if listed is None:
            self.hours[s["hour"]] = deque([(s["hseq"], s["id"])])
        else:
            listed.append((s["hseq"], s["id"]))

    def next_seq(self) -> int:
        self.seq += 1
        return self.seq

    def touch(self, s: dict[str, Any]) -> None:
        """Records story s (just stamped with the highest seq) as the newest."""
        sid = s["id"]
        self.live[sid] = s
        for rows, names in ((self.ents, s["ents"]), (self.kws, s["kw"])):
            get = rows.get
            for name in names:
                row = get(name)
                if row is None:
                    rows[name] = {sid: None}
                else:
                    row.pop(sid, None)
                    row[sid] = None
        self.articles.update(dict.fromkeys(s["outs"], sid))
        status = s["status"]
        change = None if status is None else (status, int(s["since"] // HOUR))
        if self._change_of.get(sid) != change:
            self._forget_change(sid)
            if change is not None:
                self._change_of[sid] = change
                self.changes.setdefault(change, {})[sid] = None
        ents, kw = s["ents"], s["kw"]
        have = self.terms.get(sid)
        # The lists are replaced, never changed in place (book._extend).
        if have is None or have[0] is not ents or have[1] is not kw:
            self.terms[sid] = (ents, kw, frozenset(ents), frozenset(kw))

    def drop(self, s: dict[str, Any]) -> None:
        sid = s["id"]
        for rows, names in ((self.ents, s["ents"]), (self.kws, s["kw"])):
            for name in names:
                row = rows.get(name)
                if row is not None:
                    row.pop(sid, None)
                    if not row:
                        del rows[name]
        articles = self.articles
        for member in s["outs"]:
            if articles.get(member) == sid:
                del articles[member]
        self.live.pop(sid, None)
        self.terms.pop(sid, None)
        self.ends.pop(sid, None)
        self._forget_change(sid)

    def _forget_change(self, sid: str) -> None:
        change = self._change_of.pop(sid, None)
        if change is not None:
            ids = self.changes[change]
            del ids[sid]
            if not ids:
                del self.changes[change]

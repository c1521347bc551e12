"""Story assignment and breaking events over injected state.

``StoryBook`` works on two mutable mappings supplied by the caller (plain
dicts offline; changelogged Faust tables on Kafka, where every key lives in
the partition of the events that touch it):

- ``stories``: story id -> story state (status and its history, first/last
  seen, size, sources, subjects, signature);
- ``terms``: index term (``e:<entity>``/``k:<keyword>``) -> story ids, most
  recently touched last, at most ``max_stories_per_term``; plus the expiry
  book-keeping under ``~``-prefixed keys (``~clock`` -> [watermark, next hour
  to sweep], ``~h:<hour>`` -> ids of stories touched in that hour,
  ``~a:<article id>`` -> story id, so a redelivered article finds its story
  whatever the index looks like by then).

Both mappings are bounded: a story quiet for ``quiet_seconds`` (measured on
the event-time watermark) is deleted with its index rows, by an incremental
sweep of the hour lists that costs O(1) amortised per article.

Decisions depend only on the mappings and the article, so the same input
order gives the same stories and the same event ids on any number of workers,
and an article seen again after a crash gets the outcome it got before.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import MutableMapping
from dataclasses import dataclass, field
from typing import Any

from stream.records import SCHEMA_BREAKING, breaking_event_id, iso
from stream.stories.breaking import DEFAULT_BREAKING_OPTIONS, BreakingOptions, severity, transition, urgency_for
from stream.stories.events import article_kind, compatible, refine
from stream.stories.signature import DEFAULT_STORY_OPTIONS, Signature, StoryOptions, score

_MAX_MEMBERS = 64
_MAX_SOURCES = 32
_MAX_HISTORY = 16
_MAX_EVENTS = 8
_MAX_STORY_ENTITIES = 24
_MAX_STORY_KEYWORDS = 36
_HOUR = 3600.0
_CLOCK = "~clock"
_ARTICLE = "~a:"  # article id -> its story id, for exact replays
# Hours swept per article at most: a jump of the watermark over a long gap
# is caught up over the following articles instead of in one slow call.
_MAX_SWEEP_HOURS = 48


@dataclass(frozen=True)
class StoryInput:
    article_id: str
    url: str
    title: str
    source: str | None
    signature: Signature
    subjects: tuple[str, ...]
    status: dict[str, Any] | None  # the article's StatusAssertion.to_dict()
    event_time: float
    arrival_time: float


@dataclass(frozen=True)
class StoryOutcome:
    story: dict[str, Any]  # the enriched article's {"id", "status", "size"}
    event: dict[str, Any] | None  # a breaking event to publish, if any


@dataclass
class StoryBook:
    stories: MutableMapping[str, Any]
    terms: MutableMapping[str, Any]
    options: StoryOptions = field(default=DEFAULT_STORY_OPTIONS)
    breaking: BreakingOptions = field(default=DEFAULT_BREAKING_OPTIONS)

    def add(self, a: StoryInput) -> StoryOutcome:
        st = a.status or {}
        kind = article_kind(st.get("status"), st.get("event"), a.signature.keywords)
        seen = self.stories.get(self.terms.get(_ARTICLE + a.article_id) or "")
        if seen is not None and a.article_id in seen["outs"]:
            return self._replayed(seen, a)
        terms = a.signature.terms()
        story, echoes = self._find(a, terms, kind)
        if story is None:
            story = self._new_story(a, kind)
        else:
            self._join(story, a, kind)
        event = self._maybe_break(story, a, kind, echoes)
        # What this article was told, so a redelivery is told the same.
        # Nested values are changed in place: the story itself is written
        # back below, which is what a changelogged table records.
        outs = story["outs"]
        outs[a.article_id] = [story["status"], story["size"]]
        self.terms[_ARTICLE + a.article_id] = story["id"]
        if len(outs) > _MAX_MEMBERS:
            oldest = next(iter(outs))
            del outs[oldest]
            self._forget(oldest)
        self.stories[story["id"]] = story
        self._index(story, terms)
        self._touch(story)
        return StoryOutcome(_summary(story), event)

    # -- lookup ------------------------------------------------------------
    def _find(self, a: StoryInput, terms: list[str], kind: str | None
              ) -> tuple[dict[str, Any] | None, list[dict[str, Any]]]:
        """The story to join, and the near misses ("echoes"): stories too
        far to join but close enough that the same change there is likely
        the same change told differently ("AMC breaks off talks" / "AMC says
        steps taken after UAW talks fail")."""
        # Stories sharing index terms with the article, counted in C (one
        # Counter over the concatenated lists); entities count twice, as in score(). Only the
        # best few are scored in full: a follow-up shares its rare names and
        # several words with its story, so it ranks near the top.
        pool: list[str] = []
        get = self.terms.get
        recent = -self.options.max_rows_per_keyword
        for term in terms:
            rows = get(term)
            if rows:
                if term[0] == "e":
                    pool += rows
                    pool += rows
                else:
                    pool += rows[recent:]
        if not pool:
            return None, []
        hits = Counter(pool)
        # sorted() is stable and Counter keeps first-seen order: deterministic.
        ranked = [sid for sid in sorted(hits, key=hits.__getitem__, reverse=True)[: self.options.max_candidates]
                  if hits[sid] >= 2]
        best: tuple[float, str] | None = None
        near: list[tuple[float, str]] = []
        for sid in ranked:
            s = self.stories.get(sid)
            if s is None:
                continue
            if a.event_time - s["last_seen"] > self.options.quiet_seconds:
                continue
            if not compatible(kind, s.get("kind")):
                continue  # a different event that shares names: its own story
            sc = score(a.signature, s["ents"], s["kw"])
            if sc >= self.options.join_threshold and (best is None or sc > best[0]):
                best = (sc, sid)
            elif sc >= self.options.echo_threshold:
                near.append((sc, sid))
        echoes = [self.stories[sid] for sc, sid in near if best is None or sid != best[1]]
        return (None if best is None else self.stories[best[1]]), echoes

    # -- state changes -----------------------------------------------------
    def _new_story(self, a: StoryInput, kind: str | None) -> dict[str, Any]:
        return {
            "id": "story-" + a.article_id[:16],
            "status": None,
            "prev": None,
            "kind": kind,
            "since": a.event_time,
            "first_seen": a.event_time,
            "last_seen": a.event_time,
            "size": 1,
            "sources": [a.source] if a.source else [],
            "subjects": list(a.subjects[:5]),
            "ents": sorted(a.signature.entities)[:_MAX_STORY_ENTITIES],
            "kw": sorted(a.signature.keywords)[:_MAX_STORY_KEYWORDS],
            "members": [a.article_id],
            "history": [],
            "changes": 0,
            "events": {},
            "outs": {},
            "hour": None,
        }

    def _join(self, s: dict[str, Any], a: StoryInput, kind: str | None) -> None:
        s["size"] += 1
        s["last_seen"] = max(s["last_seen"], a.event_time)
        s["members"].append(a.article_id)
        if len(s["members"]) > _MAX_MEMBERS:
            del s["members"][0]
        s["kind"] = refine(s.get("kind"), kind)
        if a.source and a.source not in s["sources"]:
            s["sources"] = [*s["sources"], a.source][:_MAX_SOURCES]
        # The story's signature drifts with the event (new names, new words),
        # bounded so an old story cannot absorb everything; first come stay.
        s["ents"] = _extend(s["ents"], a.signature.entities, _MAX_STORY_ENTITIES)
        s["kw"] = _extend(s["kw"], a.signature.keywords, _MAX_STORY_KEYWORDS)
        for code in a.subjects[:3]:
            if code not in s["subjects"]:
                s["subjects"] = [*s["subjects"], code][:8]

    def _maybe_break(self, s: dict[str, Any], a: StoryInput, kind: str | None,
                     echoes: list[dict[str, Any]]) -> dict[str, Any] | None:
        st = a.status or {}
        t = transition(s, st.get("status"), float(st.get("confidence") or 0.0), a.event_time, self.breaking)
        if t is None:
            return None
        s["prev"], s["status"], s["since"] = t.previous, t.status, a.event_time
        s["history"] = [*s["history"], [t.status, a.event_time, a.article_id]][-_MAX_HISTORY:]
        if not t.alert:
            return None
        # One alert per change across stories too: a report that did not
        # group with the story that already paged this change moves its own
        # story silently.
        for e in echoes:
            if e["status"] == t.status and abs(a.event_time - e["since"]) <= self.breaking.echo_seconds:
                return None
        s["changes"] += 1
        urgency = urgency_for(t.status, t.previous, s.get("kind") or kind, st.get("event"), a.title, s["size"])
        event = {
            "schema": SCHEMA_BREAKING,
            "id": breaking_event_id(s["id"], s["changes"], t.status),
            "story_id": s["id"],
            "status": t.status,
            "previous_status": t.previous,
            "severity": severity(urgency),
            "urgency": urgency,
            "article_id": a.article_id,
            "url": a.url,
            "title": a.title,
            "event": st.get("event"),
            "evidence": st.get("evidence") or "",
            "confidence": st.get("confidence"),
            "sources": max(1, len(s["sources"])),
            "story_size": s["size"],
            "subjects": list(s["subjects"][:5]),
            "detected_at": iso(a.arrival_time),
        }
        events = dict(list(s["events"].items())[-(_MAX_EVENTS - 1) :])
        events[a.article_id] = event
        s["events"] = events
        return event

    def _replayed(self, s: dict[str, Any], a: StoryInput) -> StoryOutcome:
        # At-least-once redelivery: the state already holds this article.
        # Re-emit the same event (same id) so a consumer that missed it gets
        # it, and one that saw it drops it; never count the article twice.
        status, size = s["outs"].get(a.article_id) or (s["status"], s["size"])
        return StoryOutcome({"id": s["id"], "status": status, "size": size}, s["events"].get(a.article_id))

    # -- index and expiry --------------------------------------------------
    def _index(self, s: dict[str, Any], terms: list[str]) -> None:
        # Only terms the story keeps are indexed, so expiry can find and
        # drop every row it owns. A row already last is not rewritten (on
        # Kafka every write is a changelog record).
        sid, cap = s["id"], self.options.max_stories_per_term
        own: set[str] | None = None
        if len(s["ents"]) >= _MAX_STORY_ENTITIES or len(s["kw"]) >= _MAX_STORY_KEYWORDS:
            own = {"e:" + e for e in s["ents"]} | {"k:" + k for k in s["kw"]}
        get = self.terms.get
        for term in terms:
            if own is not None and term not in own:
                continue
            rows = get(term)
            if not rows:
                self.terms[term] = [sid]
            elif rows[-1] != sid:
                if sid in rows:
                    rows = [r for r in rows if r != sid]
                rows = [*rows, sid]
                self.terms[term] = rows[-cap:] if len(rows) > cap else rows

    def _touch(self, s: dict[str, Any]) -> None:
        clock = self.terms.get(_CLOCK) or [s["last_seen"], int(s["last_seen"] // _HOUR)]
        watermark, next_hour = max(clock[0], s["last_seen"]), clock[1]
        hour = max(int(s["last_seen"] // _HOUR), next_hour)
        if s.get("hour") != hour:
            s["hour"] = hour
            self.stories[s["id"]] = s
            key = f"~h:{hour}"
            self.terms[key] = [*(self.terms.get(key) or []), s["id"]]
        # Sweep the hours that ended more than quiet_seconds before the
        # watermark; a story listed there and not touched since has expired.
        last_expired = int((watermark - self.options.quiet_seconds) // _HOUR) - 1
        swept = 0
        while next_hour <= last_expired and swept < _MAX_SWEEP_HOURS:
            key = f"~h:{next_hour}"
            for sid in self.terms.get(key) or ():
                old = self.stories.get(sid)
                if old is not None and old.get("hour") == next_hour:
                    self._expire(old)
            if key in self.terms:
                del self.terms[key]
            next_hour += 1
            swept += 1
        self.terms[_CLOCK] = [watermark, next_hour]

    def _expire(self, s: dict[str, Any]) -> None:
        sid = s["id"]
        for term in [*("e:" + e for e in s["ents"]), *("k:" + k for k in s["kw"])]:
            rows = self.terms.get(term)
            if rows and sid in rows:
                rest = [r for r in rows if r != sid]
                if rest:
                    self.terms[term] = rest
                else:
                    del self.terms[term]
        for member in s["outs"]:
            self._forget(member)
        del self.stories[sid]

    def _forget(self, article_id: str) -> None:
        key = _ARTICLE + article_id
        if key in self.terms:
            del self.terms[key]


def _extend(have: list[str], new: frozenset[str], cap: int) -> list[str]:
    if len(have) >= cap:
        return have
    seen = set(have)
    return [*have, *sorted(x for x in new if x not in seen)][:cap]


def _summary(s: dict[str, Any]) -> dict[str, Any]:
    return {"id": s["id"], "status": s["status"], "size": s["size"]}

"""Story assignment and breaking events over injected state.

``StoryBook`` works on two mutable mappings supplied by the caller (plain
dicts offline; changelogged Faust tables on Kafka, where every key lives in
the partition of the events that touch it):

- ``stories``: story id -> story state (status and its history, first/last
  seen, size, sources, subjects, signature);
- ``terms``: index term -> ``[[story id, last seen], ...]`` for candidate lookup.

Decisions depend only on the mappings and the article, so the same input
order gives the same stories and the same event ids on any number of workers,
and an article seen again after a crash gets the outcome it got before.
"""

from __future__ import annotations

from collections.abc import MutableMapping
from dataclasses import dataclass, field
from typing import Any

from stream.records import SCHEMA_BREAKING, breaking_event_id, iso
from stream.stories.breaking import (
    DEFAULT_BREAKING_OPTIONS,
    URGENCY,
    BreakingOptions,
    severity,
    transition,
)
from stream.stories.signature import DEFAULT_STORY_OPTIONS, Signature, StoryOptions, score

_MAX_MEMBERS = 64
_MAX_SOURCES = 32
_MAX_HISTORY = 16
_MAX_EVENTS = 8


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
        story = self._find(a)
        if story is not None and a.article_id in story["members"]:
            return self._replayed(story, a)
        if story is None:
            story = self._new_story(a)
        else:
            self._join(story, a)
        event = self._maybe_break(story, a)
        self.stories[story["id"]] = story
        self._index(story, a)
        return StoryOutcome(_summary(story), event)

    # -- lookup ------------------------------------------------------------
    def _find(self, a: StoryInput) -> dict[str, Any] | None:
        candidates: dict[str, float] = {}
        for term in a.signature.terms():
            for sid, last_seen in self.terms.get(term) or ():
                if a.event_time - last_seen <= self.options.quiet_seconds:
                    candidates[sid] = max(candidates.get(sid, last_seen), last_seen)
        best: tuple[float, str] | None = None
        # Most recently active first; ties broken by id for determinism.
        ranked = sorted(candidates.items(), key=lambda kv: (-kv[1], kv[0]))[: self.options.max_candidates]
        for sid, _ in ranked:
            s = self.stories.get(sid)
            if s is None:
                continue
            if a.article_id in s["members"]:
                return s
            if a.event_time - s["last_seen"] > self.options.quiet_seconds:
                continue
            sc = score(a.signature, s["ents"], s["kw"])
            if sc >= self.options.join_threshold and (best is None or sc > best[0]):
                best = (sc, sid)
        return None if best is None else self.stories[best[1]]

    # -- state changes -----------------------------------------------------
    def _new_story(self, a: StoryInput) -> dict[str, Any]:
        return {
            "id": "story-" + a.article_id[:16],
            "status": None,
            "prev": None,
            "since": a.event_time,
            "first_seen": a.event_time,
            "last_seen": a.event_time,
            "size": 1,
            "sources": [a.source] if a.source else [],
            "subjects": list(a.subjects[:5]),
            "ents": sorted(a.signature.entities),
            "kw": sorted(a.signature.keywords),
            "members": [a.article_id],
            "history": [],
            "changes": 0,
            "events": {},
        }

    def _join(self, s: dict[str, Any], a: StoryInput) -> None:
        s["size"] += 1
        s["last_seen"] = max(s["last_seen"], a.event_time)
        s["members"] = [*s["members"], a.article_id][-_MAX_MEMBERS:]
        if a.source and a.source not in s["sources"]:
            s["sources"] = [*s["sources"], a.source][:_MAX_SOURCES]
        # The story's signature drifts with the event (new names, new words),
        # bounded so an old story cannot absorb everything.
        s["ents"] = sorted(set(s["ents"]) | a.signature.entities)[:24]
        s["kw"] = sorted(set(s["kw"]) | a.signature.keywords)[:36]
        for code in a.subjects[:3]:
            if code not in s["subjects"]:
                s["subjects"] = [*s["subjects"], code][:8]

    def _maybe_break(self, s: dict[str, Any], a: StoryInput) -> dict[str, Any] | None:
        st = a.status or {}
        t = transition(s, st.get("status"), float(st.get("confidence") or 0.0), a.event_time, self.breaking)
        if t is None:
            return None
        s["prev"], s["status"], s["since"] = t.previous, t.status, a.event_time
        s["history"] = [*s["history"], [t.status, a.event_time, a.article_id]][-_MAX_HISTORY:]
        if not t.alert:
            return None
        s["changes"] += 1
        urgency = URGENCY.get(t.status, 8)
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
        return StoryOutcome(_summary(s), s["events"].get(a.article_id))

    def _index(self, s: dict[str, Any], a: StoryInput) -> None:
        for term in a.signature.terms():
            rows = [r for r in self.terms.get(term) or () if r[0] != s["id"]]
            rows.append([s["id"], s["last_seen"]])
            fresh = [r for r in rows if s["last_seen"] - r[1] <= self.options.quiet_seconds]
            self.terms[term] = fresh[-self.options.max_stories_per_term :]


def _summary(s: dict[str, Any]) -> dict[str, Any]:
    return {"id": s["id"], "status": s["status"], "size": s["size"]}

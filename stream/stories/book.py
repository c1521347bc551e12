"""Story assignment and breaking events over one injected mapping.

``StoryBook`` persists to a single mutable mapping supplied by the caller (a
plain dict offline; a changelogged Faust table on Kafka, under the one
``STORY_ROUTE`` key): ``stories``, story id -> story state (status and its
history, first/last seen, size, sources, subjects, signature, the outcome
told to each member article, its events).

Everything else the book needs is an in-memory view (``StoryIndex``,
stream/stories/index.py) rebuilt from ``stories`` alone: the term index (term -> live stories holding it,
ordered by the sequence number of their last touch), article id -> story id
(from each story's ``outs``), the expiry hour lists and the event-time clock
(each written story carries the watermark ``wm`` and next hour to sweep
``nh``). Only stories are ever written, one changelog record per article:
the index used to be a second changelogged table and cost ~18 writes and ~34
reads of it per article (bench/README.md), most of the worker's time.

Because the view is a pure function of ``stories``, a worker that restarts
(or takes over the story partition) rebuilds exactly the view an
uninterrupted worker holds, so decisions depend only on the input order: the
same stories and event ids on any number of workers, and an article seen
again after a crash gets the outcome it got before. Callers whose mapping
may change behind the book's back (a rebalance) call ``invalidate()``.

Both are bounded: a story quiet for its lifetime (``expiry``:
``quiet_seconds`` for a routine story, ``followed_seconds`` for one that has
moved status or grown; measured on the event-time watermark) is deleted with
its index rows, by an incremental sweep of the hour lists (each story listed
under its expiry hour) that expires at most ``_MAX_EXPIRED_PER_ARTICLE``
stories per article. Until the sweep reaches it, a story past its expiry is
no candidate for any article.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, MutableMapping
from dataclasses import dataclass, field, replace
from itertools import chain
from typing import Any

from stream.records import SCHEMA_BREAKING, breaking_event_id, iso
from stream.stories.breaking import (
    DEFAULT_BREAKING_OPTIONS,
    BreakingOptions,
    is_generic_event,
    is_raise,
    same_event,
    severity,
    transition,
    urgency_for,
)
from stream.stories.events import article_kind, compatible, refine
from stream.stories.index import CLOCK_KEY, StoryIndex, newest
from stream.stories.signature import DEFAULT_STORY_OPTIONS, Signature, StoryOptions, overlap, retells

_MAX_MEMBERS = 64
_MAX_SOURCES = 32
_MAX_HISTORY = 16
_MAX_EVENTS = 8
_MAX_STORY_ENTITIES = 24
_MAX_STORY_KEYWORDS = 36
_HOUR = 3600.0
# Hours swept per article at most: a jump of the watermark over a long gap
# is caught up over the following articles instead of in one slow call.
_MAX_SWEEP_HOURS = 48
# Stories expired per article at most. An hour's list holds every story that
# went quiet in one hour of event time: at a steady 200 articles/s that is
# tens of thousands, ~120 us each (Reuters, bench/README.md ninth session),
# which in one call would stall the worker for seconds once an hour. Each
# article creates at most one story, so 8 per article drains any backlog.
_MAX_EXPIRED_PER_ARTICLE = 8


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
    # False when the article had no date and event_time is its arrival time.
    dated: bool = True


@dataclass(frozen=True)
class StoryOutcome:
    story: dict[str, Any]  # the enriched article's {"id", "status", "size"}
    event: dict[str, Any] | None  # a breaking event to publish, if any


@dataclass
class StoryBook:
    stories: MutableMapping[str, Any]
    options: StoryOptions = field(default=DEFAULT_STORY_OPTIONS)
    breaking: BreakingOptions = field(default=DEFAULT_BREAKING_OPTIONS)
    index: StoryIndex = field(default_factory=StoryIndex, repr=False)
    _loaded: bool = field(default=False, repr=False)

    def invalidate(self) -> None:
        """The stories mapping may have changed behind the book (a rebalance
        handed its partition elsewhere and back): rebuild before the next add."""
        self._loaded = False

    def add(self, a: StoryInput) -> StoryOutcome:
        if not self._loaded:
            self.index.rebuild(self.stories.items())
            self.index.ends.update((sid, expiry(s, self.options)) for sid, s in self.index.live.items())
            self._loaded = True
        ix = self.index
        if not a.dated and ix.clock is not None and a.event_time > ix.clock[0]:
            # An undated article's event time is its arrival, which in a
            # replay of old news is today: decades past the watermark. Had
            # it moved the clock, no story of the replay would ever expire
            # (one undated story of 21,578 Reuters ones stopped the sweep:
            # 979 MB of worker RSS after 200,000 replayed articles). It is
            # "now" on the stream's clock instead.
            a = replace(a, event_time=ix.clock[0])
        st = a.status or {}
        kind = article_kind(st.get("status"), st.get("event"), a.signature.keywords)
        seen = ix.live.get(ix.articles.get(a.article_id) or "")
        if seen is not None and a.article_id in seen["outs"]:
            return self._replayed(seen, a)
        story, echoes = self._find(a, kind)
        revived = False
        if story is None:
            story = self._new_story(a, kind)
        else:
            # After a quiet spell a repeat of the status is news again (a
            # second filing a week on, a strike's end after a partial
            # settlement), as it was when quiet stories simply ended.
            revived = a.event_time - story["last_seen"] > self.options.quiet_seconds
            self._join(story, a, kind)
        event = self._maybe_break(story, a, kind, echoes, revived)
        # What this article was told, so a redelivery is told the same.
        # Nested values are changed in place: the story itself is written
        # back below, which is what a changelogged table records.
        outs = story["outs"]
        outs[a.article_id] = [story["status"], story["size"]]
        if len(outs) > _MAX_MEMBERS:
            oldest = next(iter(outs))
            del outs[oldest]
            if ix.articles.get(oldest) == story["id"]:
                del ix.articles[oldest]
        story["seq"] = ix.next_seq()
        ix.touch(story)
        self._clock_and_sweep(story, starts_clock=a.dated)
        return StoryOutcome(_summary(story), event)

    # -- lookup ------------------------------------------------------------
    def _find(self, a: StoryInput, kind: str | None) -> tuple[dict[str, Any] | None, list[dict[str, Any]]]:
        """The story to join, and the near misses ("echoes"): stories too
        far to join but close enough that the same change there is likely
        the same change told differently ("AMC breaks off talks" / "AMC says
        steps taken after UAW talks fail")."""
        # Stories sharing index terms with the article, counted in C (one
        # Counter over the concatenated rows); entities count twice, as in
        # score(). Only the best few are scored in full: a follow-up shares its
        # rare names and several words with its story, so it ranks near the
        # top. Rows are read in Signature.terms() order (entities, then
        # keywords, each sorted): the Counter's first-seen order breaks ties.
        o, ix, sig = self.options, self.index, a.signature
        rows_read: list[Iterable[str]] = []  # counted straight from the rows
        n_e, n_k = o.max_stories_per_term, o.max_rows_per_keyword
        rows = ix.ents
        for name in sorted(sig.entities):
            row = rows.get(name)
            if row is not None:
                ids = [*newest(row, n_e)]
                rows_read += (ids, ids)
        rows = ix.kws
        for name in sorted(sig.keywords):
            row = rows.get(name)
            if row is not None:
                rows_read.append(newest(row, n_k))
        if not rows_read:
            return None, []
        hits = Counter(chain.from_iterable(rows_read))
        # Only live stories sharing two terms are candidates: one past its
        # expiry (``ends``) waits for the sweep, a few per article, and must
        # not take a candidate's place meanwhile. sorted() is stable and
        # Counter keeps first-seen order: deterministic.
        ends, et = ix.ends, a.event_time
        ranked = sorted([sid for sid, n in hits.items() if n >= 2 and et <= ends[sid]],
                        key=hits.__getitem__, reverse=True)[: o.max_candidates]
        best: tuple[float, str] | None = None
        near: list[tuple[float, str]] = []
        live, terms, window = ix.live, ix.terms, self.breaking.flash_seconds
        quiet, join, revive, echo = o.quiet_seconds, o.join_threshold, o.revive_threshold, o.echo_threshold
        status = (a.status or {}).get("status")
        for sid in ranked:
            s = live[sid]
            if kind is not None and not compatible(kind, s.get("kind")):
                continue  # a different event that shares names: its own story
            _, _, ents, kw = terms[sid]
            sc, named = overlap(sig, ents, kw)
            # A flash with no entities joins on its rare words, not on
            # "corp, dlrs, shr, offer" (eval/stories heldout2: Emery's
            # Purolator offer joined a gold-mining bid).
            if sc >= (join if et - s["last_seen"] <= quiet else revive) and (best is None or sc > best[0]) \
                    and (sig.entities or named):
                best = (sc, sid)
            elif sc >= echo and named:
                near.append((sc, sid))
            elif status is not None and _flashed(s, a, window):
                near.append((sc, sid))
        # A wire flash and its full version minutes later may both rank below
        # the few best-scored candidates (a flash has no entities, so every
        # story sharing an entity with the copy outranks it): any story in
        # the pool that published the article's status within the flash
        # window under a headline the article retells is a near miss too
        # (v6; eval/stories heldout5 repeats of the kind "X agrees to higher
        # offer from Y" / "X accepts new Y bid", tuning data). Only stories
        # that changed to the status around the article's time can be; the
        # order of the near misses does not matter (any one silences).
        if status is not None:
            scored = set(ranked)
            for sid in ix.changed(status, et - window, et + window):
                if sid in hits and sid not in scored and et <= ends[sid] and _flashed(live[sid], a, window) \
                        and compatible(kind, live[sid].get("kind")):
                    near.append((0.0, sid))
        echoes = [live[sid] for sc, sid in near if best is None or sid != best[1]]
        return (None if best is None else live[best[1]]), echoes

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
            "history": [],
            "changes": 0,
            "events": {},
            "outs": {},
            "hour": None,
            "hseq": None,
            "seq": 0,
            "wm": a.event_time,
            "nh": 0,
        }

    def _join(self, s: dict[str, Any], a: StoryInput, kind: str | None) -> None:
        s["size"] += 1
        s["last_seen"] = max(s["last_seen"], a.event_time)
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
                     echoes: list[dict[str, Any]], revived: bool = False) -> dict[str, Any] | None:
        st = a.status or {}
        if st.get("status") is None:
            return None  # moves nothing (transition)
        raised = is_raise(st.get("status"), st.get("evidence"))
        t = transition(s, st.get("status"), float(st.get("confidence") or 0.0), a.event_time, self.breaking,
                       raised=raised, event=st.get("event"), revived=revived)
        if t is None:
            return None
        s["prev"], s["status"], s["since"] = t.previous, t.status, a.event_time
        s["event"] = st.get("event")
        if raised:
            s["raised_at"] = a.event_time
        s["history"] = [*s["history"], [t.status, a.event_time, a.article_id]][-_MAX_HISTORY:]
        if not t.alert:
            return None
        # One alert per change across stories too: a report that did not
        # group with the story that already paged this change moves its own
        # story silently.
        # The near miss must have published the same change: same status and
        # same event phrase ("talks" failed), not merely a status in a story
        # sharing a country or a court (eval/stories heldout: a Brazilian
        # bank strike silenced by a Brazil debt story's "started").
        for e in echoes:
            at = e.get("raised_at") if raised else e["since"]
            if e["status"] != t.status or at is None:
                continue
            gap = abs(a.event_time - at)
            theirs, ours = _last_event(e, t.status), st.get("event") or ""
            # Within the flash window the same event phrase, or a phrase-less
            # flash whose headline the article retells, is one change; two
            # different phrases, or a phrase-less change in a story that merely
            # shares a name, are not (eval/stories heldout3: Hughes' approval
            # silenced by "Jamaica agrees draft bank debt rescheduling"; tuning).
            # A generic outcome noun ("agreement" read from a lede's "definitive
            # agreement") names no event, so it counts as phrase-less: "X AGREES
            # TO MERGE" and "X AND Y TO MERGE" over "entered into a definitive
            # merger agreement" 27 minutes later are one change (v5; eval/stories
            # heldout4 repeat, tuning data).
            specific = bool(theirs and ours) and not (is_generic_event(theirs) or is_generic_event(ours))
            flash = gap <= self.breaking.flash_seconds and (
                (bool(theirs and ours) and same_event(theirs, ours))
                or (not specific and _flashed(e, a, self.breaking.flash_seconds)))
            if flash or (gap <= self.breaking.echo_seconds and theirs == ours):
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

    # -- expiry ------------------------------------------------------------
    def _clock_and_sweep(self, s: dict[str, Any], starts_clock: bool = True) -> None:
        """Expires up to ``_MAX_EXPIRED_PER_ARTICLE`` stories listed under
        the hours that ended before the watermark's hour, then stamps s with
        the clock and writes it (the article's one write). A story is listed
        under the hour of its own expiry (``expiry``: followed stories live
        longer than routine ones); one listed there and not moved since is
        over. Before the clock starts, only a dated article starts it."""
        ix = self.index
        sid = s["id"]
        end = ix.ends[sid] = expiry(s, self.options)
        if ix.clock is None and not starts_clock:
            if s["hour"] is None:
                s["hour"], s["hseq"] = int(end // _HOUR), s["seq"]
                ix.list_expiry(s)
            s["wm"] = s["nh"] = None  # a rebuild finds no clock here either
            self.stories[sid] = s
            return
        watermark, next_hour = ix.clock or [s["last_seen"], int(s["last_seen"] // _HOUR)]
        watermark = max(watermark, s["last_seen"])
        hour = max(int(end // _HOUR), next_hour)
        written = s["hour"] is not None  # a new story has no hour, nor a record yet
        # Listed before the sweep: the story of a late article far behind the
        # watermark is over already, and goes with this sweep or the next.
        if s["hour"] != hour:
            s["hour"], s["hseq"] = hour, s["seq"]
            ix.list_expiry(s)
        stop = min(int(watermark // _HOUR), next_hour + _MAX_SWEEP_HOURS)
        over, swept_to = ix.due(next_hour, stop, _MAX_EXPIRED_PER_ARTICLE)
        for old in over:
            ix.drop(old)
            if old is not s or written:
                del self.stories[old["id"]]
        ix.clock = [watermark, swept_to]
        if sid in ix.live:
            # The clock after the sweep: a rebuild resumes where it stopped.
            s["wm"], s["nh"] = ix.clock
            self.stories[sid] = s
        else:
            # s itself was expired: keep its clock where a rebuild finds it.
            self.stories[CLOCK_KEY] = ix.clock


def expiry(s: dict[str, Any], options: StoryOptions) -> float:
    """Event time after which story s is over: a pure function of the story,
    so a rebuilt index buckets it exactly as the uninterrupted one did."""
    size = s["size"]
    followed = size > options.followed_min_size or (size >= options.followed_min_size and bool(s["history"]))
    return s["last_seen"] + (options.followed_seconds if followed else options.quiet_seconds)


def _extend(have: list[str], new: frozenset[str], cap: int) -> list[str]:
    if len(have) >= cap:
        return have
    added = new.difference(have)
    # Nothing new: the same list, so the index's frozensets of it stay valid.
    return [*have, *sorted(added)][:cap] if added else have


def _flashed(s: dict[str, Any], a: StoryInput, window: float) -> bool:
    """Did story s publish the article's status with a headline the article
    retells, within ``window`` seconds (BreakingOptions.flash_seconds)? A
    near miss by headline rather than by story signature: the flash and
    full-version pair."""
    status = (a.status or {}).get("status")
    if status is None or s["status"] != status or abs(a.event_time - s["since"]) > window:
        return False
    for e in reversed(s["events"].values()):
        if e["status"] == status:
            return retells(a.signature, e.get("title") or "")
    return False


def _last_event(s: dict[str, Any], status: str) -> str | None:
    """The event phrase of the story's last published change of ``status``."""
    for e in reversed(list(s["events"].values())):
        if e["status"] == status:
            return e.get("event") or ""
    return None


def _summary(s: dict[str, Any]) -> dict[str, Any]:
    return {"id": s["id"], "status": s["status"], "size": s["size"]}

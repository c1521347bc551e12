"""Stages 2-4: the keyed, stateful half of the pipeline.

Each stage reads and writes only the state under its routing key, so on
Kafka each runs behind a repartition topic keyed by that key and its state
is a changelogged table co-partitioned with it:

======== ======================== ===========================================
stage    routing key              state
======== ======================== ===========================================
content  lede anchor              anchor -> canonical articles
url      ``STORY_ROUTE`` (one)    canonical url -> the page's revisions
story    ``STORY_ROUTE`` (one)    story id -> story; index term -> story ids
======== ======================== ===========================================

The URL stage shares the story route: any single key is a right one for it
(it needs every revision of a URL under one key), and a hop of its own cost
more than the stage (stream/kafka/app.py).

Offline the same classes run over dicts, in one process, in input order.
"""

from __future__ import annotations

import time
from collections.abc import MutableMapping
from dataclasses import dataclass
from typing import Any

from stream.dedup.decide import DEFAULT_DEDUP_OPTIONS, Candidate, Decision, DedupOptions, decide_content, decide_url
from stream.pipeline.prepare import Timings
from stream.stories.book import StoryBook, StoryInput
from stream.stories.signature import Signature

# Stories are matched against every active story, so they all live under one
# routing key (one partition of the story repartition topic). Splitting them
# by subject would scale this stage but split a story whose copies are tagged
# differently, and a split story pages twice. The stage costs tens of
# microseconds per unique article (bench/README.md), far from being the
# bottleneck; see the README's "Scaling" section.
STORY_ROUTE = "stories"


def dated(env: dict[str, Any]) -> bool:
    """Whether the envelope's event time is the article's own date. An
    undated article's is its arrival time, which in a replay of old news is
    today: it must not move any stage's event-time clock (expiry)."""
    return env["article"]["published_at"] is not None


def candidate(env: dict[str, Any]) -> Candidate:
    fp = env["fp"]
    return Candidate(
        id=env["article"]["id"],
        content_hash=fp["h"],
        title_hash=fp["th"],
        sketch_b64=fp["sk"],
        shingles=fp["n"],
        event_time=env["et"],
        lede_b64=fp.get("ls", ""),
    )


@dataclass
class _DedupStage:
    """A dedup decision over the state under the article's routing key."""

    state: MutableMapping[str, Any]
    options: DedupOptions = DEFAULT_DEDUP_OPTIONS
    timings: Timings | None = None

    @staticmethod
    def key(env: dict[str, Any]) -> str:
        raise NotImplementedError

    def decide(self, value: Any, c: Candidate, env: dict[str, Any]) -> tuple[Decision, Any]:
        raise NotImplementedError

    def process(self, env: dict[str, Any]) -> Decision:
        t0 = time.perf_counter()
        key = self.key(env)
        decision, new_value = self.decide(self.state.get(key), candidate(env), env)
        if new_value is not None:
            self.state[key] = new_value
        env["article"]["duplicate"] = decision.to_dict()
        if self.timings:
            self.timings.add("dedup", time.perf_counter() - t0)
        return decision


class ContentStage(_DedupStage):
    """First: whether the article copies a canonical (and so is not published)."""

    @staticmethod
    def key(env: dict[str, Any]) -> str:
        return env["fp"]["a"]

    def decide(self, value: Any, c: Candidate, env: dict[str, Any]) -> tuple[Decision, Any]:
        return decide_content(value, c, self.options)


class UrlStage(_DedupStage):
    """Second: the final decision, telling a page's own revisions from copies.

    Its state is keyed by canonical URL; it runs on the story route."""

    @staticmethod
    def key(env: dict[str, Any]) -> str:
        return env["article"]["canonical_url"]

    def decide(self, value: Any, c: Candidate, env: dict[str, Any]) -> tuple[Decision, Any]:
        d = env["article"]["duplicate"]
        content = Decision(d["status"], d["of"], d["similarity"], d.get("title_changed"))
        return decide_url(value, c, content, self.options)


@dataclass
class StoryStage:
    book: StoryBook
    timings: Timings | None = None

    @staticmethod
    def key(env: dict[str, Any]) -> str:
        return STORY_ROUTE

    def process(self, env: dict[str, Any]) -> dict[str, Any] | None:
        """Sets the article's ``story``; returns a breaking event or None."""
        t0 = time.perf_counter()
        art = env["article"]
        outcome = self.book.add(
            StoryInput(
                article_id=art["id"],
                url=art["url"],
                title=art["title"],
                source=art["source"],
                signature=Signature(frozenset(env["sig"]["e"]), frozenset(env["sig"]["k"])),
                subjects=tuple(env["codes"]),
                status=art["status"],
                event_time=env["et"],
                arrival_time=env["at"],
                dated=dated(env),
            )
        )
        art["story"] = outcome.story
        if self.timings:
            self.timings.add("story", time.perf_counter() - t0)
        return outcome.event

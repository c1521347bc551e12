"""Stage 1: the stateless half of the pipeline, one raw message at a time.

parse -> clean (HTML through trafilatura) -> tokenise once -> fingerprint ->
subjects and entities -> status assertion. Its output, a :class:`Prepared`,
carries everything the keyed, stateful stages need, in a JSON-able envelope
that travels through Kafka repartition topics unchanged.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from stream.dedup.fingerprint import DEFAULT_FINGERPRINT_OPTIONS, FingerprintOptions, fingerprint, lede_tokens
from stream.errors import InputError
from stream.pipeline.parse import parse_raw
from stream.records import SCHEMA_ENRICHED, RawArticle, article_id, iso
from stream.status.assertion import DEFAULT_STATUS_OPTIONS, StatusOptions, assert_status
from stream.stories.signature import DEFAULT_STORY_OPTIONS, StoryOptions, signature
from stream.subjects.entities import extract_entities
from stream.subjects.tagger import SubjectOptions, SubjectTagger
from stream.text.clean import DEFAULT_CLEAN_OPTIONS, CleanOptions, clean_article
from stream.text.html import html_to_text
from stream.text.normalize import tokenize
from stream.text.urls import canonicalize_url


@dataclass(frozen=True)
class PrepareOptions:
    max_payload_bytes: int = 2 * 1024 * 1024
    clean: CleanOptions = DEFAULT_CLEAN_OPTIONS
    fingerprint: FingerprintOptions = DEFAULT_FINGERPRINT_OPTIONS
    subjects: SubjectOptions = field(default_factory=SubjectOptions)
    status: StatusOptions = DEFAULT_STATUS_OPTIONS
    story: StoryOptions = DEFAULT_STORY_OPTIONS


@dataclass(frozen=True)
class Meta:
    """Where a message came from; offline, topic/partition/offset are None."""

    arrival_time: float
    topic: str | None = None
    partition: int | None = None
    offset: int | None = None


class Timings:
    """Per-stage seconds, summed (benchmarks) and/or observed (Prometheus)."""

    def __init__(self, observe: Callable[[str, float], None] | None = None) -> None:
        self.totals: dict[str, float] = {}
        self._observe = observe

    def add(self, stage: str, seconds: float) -> None:
        self.totals[stage] = self.totals.get(stage, 0.0) + seconds
        if self._observe is not None:
            self._observe(stage, seconds)

    def add_many(self, stage: str, seconds: float, count: int) -> None:
        """``seconds`` spent on ``count`` articles elsewhere (a prepare
        process): observed as ``count`` articles of the mean time each, so
        the per-article histograms keep their count and sum."""
        self.totals[stage] = self.totals.get(stage, 0.0) + seconds
        if self._observe is not None and count > 0:
            each = seconds / count
            for _ in range(count):
                self._observe(stage, each)


class Preparer:
    """Builds the expensive, immutable parts (tagger automaton) once."""

    def __init__(self, options: PrepareOptions | None = None, timings: Timings | None = None) -> None:
        self.options = options or PrepareOptions()
        self.tagger = SubjectTagger(self.options.subjects)
        self.timings = timings or Timings()

    def prepare(self, payload: bytes, meta: Meta) -> dict[str, Any]:
        """The envelope for the keyed stages. Raises InputError for bad input."""
        o, tm, clock = self.options, self.timings, time.perf_counter
        t0 = clock()
        raw = parse_raw(payload, max_bytes=o.max_payload_bytes)
        canonical = canonicalize_url(raw.url)
        t1 = clock()
        tm.add("parse", t1 - t0)

        title, body = raw.title, raw.body
        if raw.html and not body.strip():
            html_title, body = html_to_text(raw.html)
            title = title or html_title or ""
        cleaned = clean_article(title, body, o.clean)
        if not cleaned.text and not cleaned.title:
            raise InputError("empty_article", "nothing left after removing boilerplate")
        t2 = clock()
        tm.add("clean", t2 - t1)

        title_tokens = tokenize(cleaned.title)
        body_tokens = tokenize(cleaned.text)
        # A headline-only flash still needs a fingerprint: fall back to it.
        lede = lede_tokens(cleaned.text, o.fingerprint) if body_tokens else None
        fp = fingerprint(body_tokens or title_tokens, o.fingerprint, lede)
        t3 = clock()
        tm.add("dedup", t3 - t2)

        subjects = self.tagger.tag(cleaned.title, cleaned.text, [*title_tokens, *body_tokens],
                                   n_head=len(title_tokens))
        entities = extract_entities(cleaned.title, cleaned.text, (*cleaned.publisher_tags, *raw.tags))
        t4 = clock()
        tm.add("subjects", t4 - t3)

        assertion = assert_status(cleaned.title, cleaned.lede, o.status)
        sig = signature(title_tokens, tokenize(cleaned.lede), (e.name for e in entities[:12]), o.story)
        tm.add("status", clock() - t4)

        aid = article_id(payload)
        event_time = raw.published_at.timestamp() if raw.published_at else meta.arrival_time
        article = _enriched(aid, raw, canonical, cleaned, subjects, entities, assertion, meta)
        return {
            "article": article,
            "fp": {
                "h": fp.content_hash,
                "a": fp.anchor,
                "sk": fp.sketch_b64(),
                "n": fp.shingles,
                "ls": fp.lede_b64(),
                "th": hashlib.blake2b(" ".join(title_tokens).encode(), digest_size=8).hexdigest(),
            },
            "sig": {"e": sorted(sig.entities), "k": sorted(sig.keywords)},
            # The subject codes the story stage reads, best first: on Kafka
            # the article's subjects travel undecoded (stream/kafka/batches.py).
            "codes": [s.code for s in subjects],
            "et": event_time,
            "at": meta.arrival_time,
        }


def _enriched(aid: str, raw: RawArticle, canonical: str, cleaned: Any, subjects: list[Any],
              entities: list[Any], assertion: Any, meta: Meta) -> dict[str, Any]:
    return {
        "schema": SCHEMA_ENRICHED,
        "id": aid,
        "url": raw.url,
        "canonical_url": canonical,
        "source": raw.source or (urlsplit(canonical).hostname or None),
        "source_id": raw.source_id,
        "title": cleaned.title,
        "text": cleaned.text,
        "lede": cleaned.lede,
        "dateline": cleaned.dateline,
        "language": raw.language,
        "authors": list(raw.authors),
        "tags": list(dict.fromkeys((*raw.tags, *cleaned.publisher_tags))),
        "published_at": iso(raw.published_at.timestamp()) if raw.published_at else None,
        "ingested_at": iso(meta.arrival_time),
        "duplicate": {"status": "unique", "of": None, "similarity": None},
        "subjects": [s.to_dict() for s in subjects],
        "entities": [{"name": e.name, "kind": e.kind, "count": e.count} for e in entities],
        "status": assertion.to_dict() if assertion is not None else None,
        "story": None,
        "extra": raw.extra,
    }
